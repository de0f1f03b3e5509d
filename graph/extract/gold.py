"""The curated graph as a gold standard: what curators recorded from one source, in the scorer's format.

The corpus report has far more curated facts than the development text has
gold, so scoring the extractor against them is the larger test. Hints are
the evidence sentences, read from the corpus now (never stored). What the
scorer cannot fairly ask of a reader of the text is marked optional:
unnamed collectives, and events the report only speaks of hypothetically.
"""

from __future__ import annotations

import json
from pathlib import Path

from graph.errors import BuildError
from graph.extract.gazetteer import coarse_type
from graph.model.ontology import vocabulary
from graph.model.terms import RG


def gold(source_id: str, data_dir: Path, corpus: Path) -> dict:
    from graph.curate.loader import load_curation

    c = load_curation(data_dir, corpus)
    if source_id not in c.sources:
        raise BuildError(str(data_dir / "sources.yaml"), f"no source {source_id!r} (known: {', '.join(sorted(c.sources))})")
    vocab = vocabulary()
    entities = []
    for e in sorted(c.entities.values(), key=lambda e: e.id):
        if not any(span.doc_id == source_id for span in e.evidence):
            continue
        kind = coarse_type(e.type)
        row = {"label": e.label, "type": ["Place", "Organization"] if e.type == "Country" else kind, "aliases": e.aliases}
        if kind == "Group":
            row["optional"] = True
        entities.append(row)
    events = []
    for ev in sorted(c.events.values(), key=lambda e: e.id):
        category = vocab.notation(RG[ev.type])
        if ev.doc != source_id or category is None:
            continue
        names = [c.entities[p.entity].label for p in ev.participants]
        names += [c.entities[t].label for t in [ev.place, *ev.refs.get("instruments", [])] if t]
        row = {"type": category, "date": ev.date or ev.start, "hints": sorted({s.sentence.text for s in ev.evidence}),
               "participants": list(dict.fromkeys(names)), "id": ev.id}
        if ev.status == "Prospective":
            row["optional"] = True
        events.append(row)
    return {"document": c.sources[source_id].file, "year": int(c.sources[source_id].covers or 0) or None,
            "entities": entities, "events": events}


def gold_json(source_id: str, data_dir: Path, corpus: Path) -> str:
    return json.dumps(gold(source_id, data_dir, corpus), ensure_ascii=False, indent=2) + "\n"
