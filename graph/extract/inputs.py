"""Reading a report for extraction: which report it is, which year it covers, which names to offer.

A report already listed in data/sources.yaml keeps its id and covered year,
and the gazetteer then leaves out what was curated from it; a new report
gets an id from its file name and its year from --year or its title.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from pathlib import Path

from graph.errors import BuildError
from graph.extract.formats import doc_slug
from graph.extract.gazetteer import Gazetteer, build_gazetteer, report_country
from graph.extract.entities import fold
from graph.extract.report import Extraction, extract_document
from graph.extract.review import rejected_keys
from graph.read.corpus import read_document

MAX_BYTES = 16 * 1024 * 1024  # a country chapter is 10-100 KB, a whole annual report a few MB: split anything larger


@dataclass
class Prepared:
    extraction: Extraction
    doc_id: str
    source: dict


def known_source(path: Path, data_dir: Path | None) -> dict | None:
    """The sources.yaml row whose file has the same name and content as path, if any."""
    if data_dir is None or not (data_dir / "sources.yaml").is_file():
        return None
    from graph.curate.yamlio import load_yaml

    try:
        rows = load_yaml(data_dir / "sources.yaml")
    except BuildError:
        return None
    for row in rows if isinstance(rows, list) else []:
        if isinstance(row, dict) and row.get("file") == path.name:
            return dict(row)
    return None


def extract_file(path: Path, year: int | None = None, data_dir: Path | None = None, corpus: Path | None = None,
                 gazetteer: Gazetteer | None = None) -> Prepared:
    """Extract one report file; a missing, empty, binary, non-UTF-8 or huge file is a one-line BuildError."""
    if path.is_file() and path.stat().st_size > MAX_BYTES:
        raise BuildError(str(path), f"file is {path.stat().st_size // (1024 * 1024)} MB; reports above {MAX_BYTES // (1024 * 1024)} MB are refused")
    if path.is_file() and b"\x00" in path.read_bytes()[:8192]:
        raise BuildError(str(path), "binary file (contains NUL bytes), not a report")
    doc = read_document(path)
    source = known_source(path, data_dir)
    if source is not None and hashlib.sha256(path.read_bytes()).hexdigest() != _corpus_sha(corpus, path.name):
        source = None  # same name, different text: a new report
    if year is None and source is not None and re.fullmatch(r"[0-9]{4}", str(source.get("covers", ""))):
        year = int(source["covers"])
    doc_id = source["id"] if source else doc_slug(path.name)
    if gazetteer is None:
        country = report_country(doc.title.text) if doc.sentences else None
        gazetteer = build_gazetteer(data_dir, corpus, country, leave_out=source["id"] if source else None)
    x = drop_rejected(extract_document(doc, year, gazetteer), rejected_keys(data_dir, doc_id))
    row = source or {"id": doc_id, "file": path.name, "label": f"Report {path.name}, added by rightsgraph extract (describe it in your own words)",
                     "publisher": _publisher(x), **({"covers": str(x.year)} if x.year else {})}
    return Prepared(x, doc_id, {k: row[k] for k in ("id", "file", "label", "publisher", "covers") if k in row})


def drop_rejected(x: Extraction, rejected: set[tuple[str, str]]) -> Extraction:
    """Leave out what a reviewer rejected before: entities by name, events by category and sentence."""
    if not rejected:
        return x
    gone = {e.key for e in x.entities if ("entity", fold(e.label)) in rejected}
    kept = [c for c in x.events
            if ("event", f"{c.category}@{x.document.sentences[c.sentence].fingerprint}") not in rejected]
    for c in kept:
        c.participants = [p for p in c.participants if p.entity not in gone]
    x.events = kept
    x.dropped |= gone
    return x


def _publisher(x: Extraction) -> str:
    """The curated id of the publisher when the report names Amnesty International, else a gap to fill."""
    return "amnesty" if any(e.known == "amnesty" or e.label == "Amnesty International" for e in x.entities) else "to-be-filled"


def _corpus_sha(corpus: Path | None, name: str) -> str | None:
    if corpus is None or not (corpus / name).is_file():
        return None
    return hashlib.sha256((corpus / name).read_bytes()).hexdigest()
