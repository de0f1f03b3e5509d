"""Synthetic corpora with curated files, so that the build itself can be timed at many reports.

Each report is the invented Veloria chapter of the test fixtures
(tests/fixtures/mini: text and curated facts written by the project, not
copied from any report), under its own source id and file name. Its own
people, places, laws and events get ids of their own per report; the bodies
every chapter names (Amnesty International, the European Court, its
Convention and Article 3, the UN working group) are curated once, in the
first report, and the others point at them, as a real team's files do. The
pointers are rewritten to the new source ids; the sentences, and so their
fingerprints, stay the same.
"""

from __future__ import annotations

import argparse
import shutil
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
MINI = ROOT / "tests" / "fixtures" / "mini"
SOURCE = "vl2013"
SHARED = {"amnesty", "ecthr", "echr", "echr-article-3", "wgad"}  # curated once, named by every report
WORDS = {"summary", "label", "comment", "outcome", "aliases", "text", "source", "sentence", "checked", "case", "name"}


def _load(path: Path):
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def _rename(value, ids: dict[str, str], source: str, key: str | None = None):
    """Ids to their per-report names, pointers to the report's source id; the curators' words stay as written."""
    if isinstance(value, dict):
        return {ids.get(k, k): _rename(v, ids, source, k) for k, v in value.items()}
    if isinstance(value, list):
        return [_rename(v, ids, source, key) for v in value]
    if isinstance(value, str) and key not in WORDS:
        if value.startswith(f"{SOURCE}:"):
            return f"{source}:{value[len(SOURCE) + 1:]}"
        return ids.get(value, value)
    return value


def _dump(path: Path, value) -> None:
    path.write_text(yaml.safe_dump(value, sort_keys=False, allow_unicode=True, width=1000), encoding="utf-8")


def write_corpus(target: Path, reports: int) -> tuple[Path, Path]:
    """A corpus folder and a data folder of `reports` reports under target; the same files for the same count."""
    corpus, data = target / "corpus", target / "data"
    for folder in (corpus, data):
        shutil.rmtree(folder, ignore_errors=True)
    (data / "events").mkdir(parents=True)
    corpus.mkdir(parents=True)
    text_file = next((MINI / "corpus").glob("*.txt"))
    (source,) = _load(MINI / "data" / "sources.yaml")
    entities = _load(MINI / "data" / "entities.yaml")
    instruments = _load(MINI / "data" / "instruments.yaml")
    offices = _load(MINI / "data" / "offices.yaml")
    links = _load(MINI / "data" / "links.yaml") or []
    events = _load(next((MINI / "data" / "events").glob("*.yaml")))
    own = {r["id"] for r in entities + instruments + offices["offices"] + events["events"]} - SHARED
    sources, all_entities, all_instruments, all_offices, all_terms, all_links = [], [], [], [], [], []
    for k in range(reports):
        sid, name = f"r{k:04d}", f"veloria-{k:04d}.txt"
        ids = {i: f"{i}-{k:04d}" for i in own}
        shutil.copyfile(text_file, corpus / name)
        sources.append({**source, "id": sid, "file": name, "label": f"{source['label']} (copy {k})"})
        keep = (lambda r: True) if k == 0 else (lambda r: r["id"] not in SHARED)
        all_entities += [_rename(r, ids, sid) for r in entities if keep(r)]
        all_instruments += [_rename(r, ids, sid) for r in instruments if keep(r)]
        all_offices += [_rename(r, ids, sid) for r in offices["offices"]]
        all_terms += [_rename(r, ids, sid) for r in offices.get("terms", [])]
        all_links += [_rename(r, ids, sid) for r in links] if k == 0 else []  # an identifier names one thing
        _dump(data / "events" / f"veloria-{k:04d}.yaml", {"document": sid, "events": _rename(events["events"], ids, sid)})
    _dump(data / "sources.yaml", sources)
    _dump(data / "entities.yaml", all_entities)
    _dump(data / "instruments.yaml", all_instruments)
    _dump(data / "offices.yaml", {"offices": all_offices, "terms": all_terms})
    _dump(data / "links.yaml", all_links)
    return corpus, data


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("target", type=Path)
    parser.add_argument("--reports", type=int, default=10)
    args = parser.parse_args()
    corpus, data = write_corpus(args.target, args.reports)
    print(f"wrote {args.reports} reports: --corpus {corpus} --data {data}")


if __name__ == "__main__":
    main()
