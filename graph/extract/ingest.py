"""A folder of new reports in, one review sheet per report out, with a summary a curator can plan by.

Reports already in data/sources.yaml (same file name and text) and reports
that already have a sheet are left alone, so running ingest again after
adding two reports reads only those two.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from graph.errors import BuildError
from graph.extract.formats import sheet_yaml
from graph.extract.inputs import extract_file, known_source


@dataclass
class ReportSummary:
    file: str
    sheet: Path | None
    sentences: int = 0
    entities: int = 0
    known: int = 0
    events: Counter | None = None
    skipped: str | None = None
    error: str | None = None

    def line(self) -> str:
        if self.error:
            return f"{self.file}: error: {self.error}"
        if self.skipped:
            return f"{self.file}: skipped ({self.skipped})"
        kinds = ", ".join(f"{k} {n}" for k, n in sorted(self.events.items())) or "none"
        return (f"{self.file}: {self.sentences} sentences, {self.entities} entities ({self.known} already known), "
                f"{sum(self.events.values())} events ({kinds}) -> {self.sheet}")


def ingest(folder: Path, data_dir: Path, corpus: Path, out_dir: Path, progress=None) -> list[ReportSummary]:
    """Extract every new *.txt report in folder into out_dir/SHEET.yaml; a bad report is reported, not fatal."""
    if not folder.is_dir():
        raise BuildError(str(folder), "not a folder")
    from graph.write.serialize import write_atomic

    files = sorted(p for p in folder.glob("*.txt") if p.is_file())
    summaries = []
    for path in (progress(files) if progress else files):
        target = out_dir / f"{path.stem}.review.yaml"
        if known_source(path, data_dir) is not None and (corpus / path.name).is_file() \
                and (corpus / path.name).read_bytes() == path.read_bytes():
            summaries.append(ReportSummary(path.name, None, skipped="already curated"))
            continue
        if target.exists():
            summaries.append(ReportSummary(path.name, target, skipped=f"sheet {target} exists"))
            continue
        try:
            prepared = extract_file(path, None, data_dir, corpus)
        except BuildError as err:
            summaries.append(ReportSummary(path.name, None, error=str(err)))
            continue
        x = prepared.extraction
        write_atomic(target, sheet_yaml(x, prepared.doc_id, prepared.source))
        summaries.append(ReportSummary(path.name, target, len(x.document.sentences), len(x.entities),
                                       sum(1 for e in x.entities if e.known), Counter(c.category for c in x.events)))
    return summaries
