"""From a reviewed sheet to curated facts: accept what a person accepted, remember what they rejected.

Accepting never overwrites: an accepted entity whose name a curated entity
already has becomes that entity (its new names are not added silently); an
id that clashes with a different curated fact stops the whole acceptance
with a message naming both. The changed data/ is loaded and cross-checked by
the ordinary loader in a scratch copy before any file is replaced, so a
sheet that would break the build changes nothing.
"""

from __future__ import annotations

import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from graph.curate.yamlio import load_yaml, parse_yaml
from graph.errors import BuildError
from graph.read.corpus import corpus_file
from graph.extract.entities import fold
from graph.extract.gazetteer import DOMESTIC_TYPES, PROPER

DECISIONS = ("pending", "accept", "reject")
REJECTED_FILE = "rejected.yaml"
REJECTED_HEAD = """\
# Candidates a reviewer rejected; rightsgraph extract does not propose them again.
# source: the report's id; kind: entity or event; key: the folded name of an
# entity, or an event's category and sentence fingerprint.
"""
SECTIONS = (("entities", "entities.yaml"), ("instruments", "instruments.yaml"))


@dataclass
class Accepted:
    added: dict[str, list[str]] = field(default_factory=dict)  # file -> ids
    merged: dict[str, str] = field(default_factory=dict)  # sheet id -> curated id
    rejected: int = 0
    source_added: bool = False

    def summary(self) -> str:
        parts = [f"{len(ids)} new in {name}" for name, ids in sorted(self.added.items()) if ids]
        if self.merged:
            parts.append(f"{len(self.merged)} merged with curated entities ({', '.join(f'{a}->{b}' for a, b in sorted(self.merged.items()))})")
        if self.rejected:
            parts.append(f"{self.rejected} rejections remembered")
        if self.source_added:
            parts.append("source added to sources.yaml")
        return "; ".join(parts) or "nothing accepted"


def read_sheet(path: Path) -> dict:
    sheet = load_yaml(path)
    if not isinstance(sheet, dict) or not isinstance(sheet.get("source"), dict):
        raise BuildError(str(path), "not a review sheet: expected a mapping with source, entities, instruments, events")
    for key in ("entities", "instruments", "events"):
        rows = sheet.get(key) or []
        if not isinstance(rows, list):
            raise BuildError(str(path), f"{key} must be a list")
        for row in rows:
            line = getattr(row, "line", 0)
            if not isinstance(row, dict) or not isinstance(row.get("candidate"), dict):
                raise BuildError(f"{path}:{line}", f"{key} item has no candidate block")
            if row["candidate"].get("decision", "pending") not in DECISIONS:
                raise BuildError(f"{path}:{line}", f"decision {row['candidate'].get('decision')!r} must be one of {', '.join(DECISIONS)}")
    return sheet


def decision(row: dict) -> str:
    return row["candidate"].get("decision", "pending")


def plain(row: dict) -> dict:
    """The row as a curated record: the candidate block dropped, plain dicts and lists for the YAML writer."""
    return {k: _plain(v) for k, v in row.items() if k != "candidate"}


def _plain(value):
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value


def rejection_key(row: dict, kind: str) -> str:
    if kind == "entity":
        return fold(str(row.get("label", "")))
    evidence = row.get("evidence") or [""]
    return f"{row['candidate'].get('category', row.get('type'))}@{str(evidence[0]).rsplit('@', 1)[-1]}"


def rejected_keys(data_dir: Path | None, source_id: str) -> set[tuple[str, str]]:
    """(kind, key) pairs rejected before for this source."""
    if data_dir is None or not (data_dir / REJECTED_FILE).is_file():
        return set()
    rows = load_yaml(data_dir / REJECTED_FILE) or []
    return {(r["kind"], r["key"]) for r in rows if isinstance(r, dict) and r.get("source") == source_id}


def accept(sheet_path: Path, data_dir: Path, corpus: Path) -> Accepted:
    """Move accepted candidates of a sheet into data_dir; see the module docstring for the rules."""
    from graph.curate.loader import load_curation

    sheet = read_sheet(sheet_path)
    source = _plain(sheet["source"])
    sid = source.get("id")
    result = Accepted()
    texts: dict[str, str] = {}  # file name inside data_dir -> its new text

    current = {name: (load_yaml(data_dir / name) or []) for _, name in SECTIONS}
    names: dict[str, str] = {}
    ids: dict[str, str] = {}
    for _, name in SECTIONS:
        for row in current[name]:
            ids[row["id"]] = f"{data_dir / name}:{row.line}"
            if row.get("type") in DOMESTIC_TYPES:
                continue  # a country's own bodies join only through the extractor's scoped match (candidate.known)
            for n in [row.get("label", ""), *(row.get("aliases") or [])]:
                if PROPER.search(n):
                    names.setdefault(fold(n), row["id"])
    events_dir = data_dir / "events"
    for path in sorted(events_dir.glob("*.yaml")):
        for row in (load_yaml(path) or {}).get("events") or []:
            ids[row["id"]] = f"{path}:{row.line}"

    mapping: dict[str, str] = {}
    for key, name in SECTIONS:
        new_rows = []
        for row in sheet.get(key) or []:
            where = f"{sheet_path}:{getattr(row, 'line', 0)}"
            if decision(row) != "accept":
                continue
            known = row["candidate"].get("known")
            match = known if known in ids else next((names[fold(n)] for n in [row["label"], *(row.get("aliases") or [])]
                                                     if fold(n) in names), None)
            if match:
                mapping[row["id"]] = match
                result.merged[row["id"]] = match
                continue
            if row["id"] in ids:
                raise BuildError(where, f"candidate {row['id']!r} clashes with the curated {row['id']!r} at {ids[row['id']]}; "
                                        "give the candidate another id, or set candidate.known to merge it")
            mapping[row["id"]] = row["id"]
            new_rows.append(plain(row))
        if new_rows:
            texts[name] = _append_list((data_dir / name).read_text(encoding="utf-8"), new_rows)
            result.added[name] = [r["id"] for r in new_rows]

    new_events = []
    for row in sheet.get("events") or []:
        where = f"{sheet_path}:{getattr(row, 'line', 0)}"
        if decision(row) != "accept":
            continue
        if row["id"] in ids:
            raise BuildError(where, f"candidate event {row['id']!r} clashes with the curated {row['id']!r} at {ids[row['id']]}")
        event = plain(row)

        def ref(entity_id: str) -> str:
            if entity_id in mapping:
                return mapping[entity_id]
            if entity_id in ids:
                return entity_id
            raise BuildError(where, f"event {row['id']!r} names {entity_id!r}, which is neither accepted in this sheet nor curated")

        event["participants"] = {ref(k): v for k, v in (event.get("participants") or {}).items()}
        if not event["participants"]:
            raise BuildError(where, f"event {row['id']!r} has no participant: add at least one actor before accepting it")
        for k in ("place", "destination"):
            if k in event:
                event[k] = ref(event[k])
        if "instruments" in event:
            event["instruments"] = [ref(i) for i in event["instruments"]]
        new_events.append(event)
    if new_events:
        target = events_dir / f"{Path(str(source.get('file', sid))).stem}.yaml"
        if target.is_file():
            texts[f"events/{target.name}"] = _append_list(target.read_text(encoding="utf-8"), new_events)
        else:
            texts[f"events/{target.name}"] = (f"# Events read from {source.get('file')} (source {sid}), accepted from a review sheet.\n"
                                              + yaml.safe_dump({"document": sid, "events": new_events}, sort_keys=False,
                                                               allow_unicode=True, width=120))
        result.added[f"events/{target.name}"] = [e["id"] for e in new_events]

    sources = load_yaml(data_dir / "sources.yaml") or []
    if (texts or _rejections(sheet)) and sid not in {r.get("id") for r in sources}:
        if not corpus_file(corpus, str(source.get("file", "")), str(sheet_path)).is_file():
            raise BuildError(str(sheet_path), f"copy {source.get('file')} into the corpus folder {corpus} before accepting")
        texts["sources.yaml"] = _append_list((data_dir / "sources.yaml").read_text(encoding="utf-8"), [source])
        result.source_added = True

    rejections = [{"source": sid, "kind": kind, "key": rejection_key(row, kind)} for row, kind in _rejections(sheet)]
    if rejections:
        path = data_dir / REJECTED_FILE
        old = path.read_text(encoding="utf-8") if path.is_file() else REJECTED_HEAD
        known = {(r["kind"], r["key"]) for r in (parse_yaml(old, str(path)) or []) if r.get("source") == sid}
        fresh = [r for r in rejections if (r["kind"], r["key"]) not in known]
        if fresh:
            texts[REJECTED_FILE] = _append_list(old, fresh)
        result.rejected = len(fresh)

    if not texts:
        return result
    # Check the whole changed data/ with the ordinary loader before replacing anything.
    with tempfile.TemporaryDirectory() as scratch:
        trial = Path(scratch) / "data"
        shutil.copytree(data_dir, trial, ignore=shutil.ignore_patterns("__pycache__"))
        for name, text in texts.items():
            (trial / name).write_text(text, encoding="utf-8")
        try:
            load_curation(trial, corpus)
        except BuildError as err:
            raise BuildError(str(sheet_path), f"accepting would break the build: {str(err).replace(str(trial), str(data_dir))}") from None
    from graph.write.serialize import write_atomic

    for name, text in sorted(texts.items()):
        write_atomic(data_dir / name, text)
    return result


def _rejections(sheet: dict):
    for key, kind in (("entities", "entity"), ("instruments", "entity"), ("events", "event")):
        for row in sheet.get(key) or []:
            if decision(row) == "reject":
                yield row, kind


def _append_list(text: str, rows: list[dict]) -> str:
    """Append items to a file whose last element is a top-level (or `events:`) list, keeping its comments."""
    body = yaml.safe_dump(rows, sort_keys=False, allow_unicode=True, width=120)
    return text.rstrip("\n") + "\n\n" + body


PROMPT = "[a]ccept  [r]eject  [s]kip  [e]dit FIELD=VALUE  [q]uit > "
EDITABLE = {"id", "type", "label", "date", "status", "summary"}


def review(sheet_path: Path, ask, say, sentences: dict[str, str] | None = None) -> tuple[int, int]:
    """Walk the pending candidates of a sheet, asking a person about each; save after every answer.

    ask(prompt) returns the person's line (EOFError ends the review), say
    prints; sentences maps pointers to their text so the reviewer sees the
    evidence. Returns (decided, still pending).
    """
    from graph.extract.formats import SHEET_HEAD
    from graph.write.serialize import write_atomic

    sheet = read_sheet(sheet_path)

    def save() -> None:
        write_atomic(sheet_path, SHEET_HEAD.format(file=sheet["source"].get("file")) + yaml.safe_dump(
            _plain(sheet), sort_keys=False, allow_unicode=True, width=120))

    decided = 0
    rows = [(key, row) for key in ("entities", "instruments", "events") for row in sheet.get(key) or []]
    pending = [(key, row) for key, row in rows if decision(row) == "pending"]
    for n, (key, row) in enumerate(pending, 1):
        say(f"\n[{n}/{len(pending)}] {key[:-1] if key != 'entities' else 'entity'} {row.get('id')}: {row.get('type')}"
            f" {row.get('label') or row.get('summary', '')}" + (f" ({row['date']})" if row.get("date") else ""))
        for pointer in row.get("evidence") or []:
            say(f"  {pointer}: {(sentences or {}).get(pointer, '')}")
        while True:
            try:
                answer = ask(PROMPT).strip()
            except EOFError:
                answer = "q"
            if answer in ("a", "r"):
                row["candidate"]["decision"] = "accept" if answer == "a" else "reject"
                decided += 1
                break
            if answer in ("s", ""):
                break
            if answer == "q":
                save()
                return decided, sum(decision(r) == "pending" for _, r in rows)
            if answer.startswith("e ") and "=" in answer:
                field_name, _, value = answer[2:].partition("=")
                if field_name.strip() in EDITABLE and value.strip():
                    row[field_name.strip()] = value.strip()
                    say(f"  {field_name.strip()} = {value.strip()}")
                    continue
            say(f"  not understood; fields you can edit: {', '.join(sorted(EDITABLE))}")
        save()
    return decided, sum(decision(r) == "pending" for _, r in rows)
