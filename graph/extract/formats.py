"""What ``rightsgraph extract`` writes: the evaluation JSON, a review sheet in the format of data/, or Turtle.

All three carry the same candidates. The review sheet is written for a
person: every candidate says how sure the extractor is and waits for a
decision; summaries are generated from the candidate's fields, never taken
from the report, so that accepting a sheet copies no report text into data/.
The Turtle puts the candidates in a named graph of their own, attributed to
the extractor as a prov:SoftwareAgent, never to the curators.
"""

from __future__ import annotations

import json

import yaml
from rdflib import Dataset, Literal, Namespace, URIRef
from rdflib.namespace import PROV, RDF, RDFS, SKOS

from graph.assemble import en, evidence_node, typed_date
from graph.extract.entities import Entity
from graph.extract.events import Candidate
from graph.extract.report import Extraction
from graph.model import namespaces as ns
from graph.model.ontology import vocabulary
from graph.model.terms import RG
from graph.write.serialize import trig

EXTRACTOR = "extractor"


def slug(text: str) -> str:
    """A curated-file id: the graph's slug rule, kept short, never empty."""
    return ns.slug(text)[:60].strip("-") or "x"


def doc_slug(name: str) -> str:
    return slug(name.rsplit(".", 1)[0])


class Ids:
    """Stable, readable ids for one extraction: slugs of labels, numbered when two collide."""

    def __init__(self, x: Extraction):
        self.entity: dict[int, str] = {}
        taken: set[str] = set()
        for e in x.entities:
            self.entity[e.key] = e.known or _unique(slug(e.label), taken)
        self.event: list[str] = []
        for c in x.events:
            self.event.append(_unique(f"{slug(c.cls)}-{c.date or 'undated'}-s{c.sentence}", taken))


def _unique(base: str, taken: set[str]) -> str:
    name, n = base, 2
    while name in taken:
        name, n = f"{base}-{n}", n + 1
    taken.add(name)
    return name


def reported_entities(x: Extraction) -> list[Entity]:
    """Named entities only: an unnamed collective ("refugees") is a participant, not a name to score."""
    return [e for e in x.kept_entities if not e.generic]


def to_eval(x: Extraction, doc_id: str) -> dict:
    doc = x.document
    ids = Ids(x)
    entities = [{"label": e.label, "type": e.type, "aliases": sorted(e.aliases), "class": e.cls, "id": ids.entity[e.key],
                 "confidence": round(e.confidence, 2), **({"known": e.known} if e.known else {})}
                for e in reported_entities(x)]
    events = []
    for c, event_id in zip(x.events, ids.event):
        s = doc.sentences[c.sentence]
        events.append({
            "id": event_id, "type": c.category, "class": c.cls, "date": c.date, "sentence": s.text,
            "pointer": f"{doc_id}:{s.pointer}", "start": s.start, "end": s.end,
            "trigger": doc.text[c.trigger[0]:c.trigger[1]], "trigger_offsets": list(c.trigger),
            "participants": [x.entity(p.entity).label for p in c.participants],
            "roles": [{"entity": x.entity(p.entity).label, "role": p.role} for p in c.participants],
            "status": c.status, "confidence": c.confidence,
            "sentences": [f"{doc_id}:{doc.sentences[i].pointer}" for i in c.sentences],
        })
    return {"document": doc.name, "year": x.year, "entities": entities, "events": events}


def eval_json(x: Extraction, doc_id: str) -> str:
    return json.dumps(to_eval(x, doc_id), ensure_ascii=False, indent=2) + "\n"


def summary_of(c: Candidate, x: Extraction) -> str:
    """A generated one-line summary: type, date and who took part, in the curators' house style."""
    label = vocabulary().label(RG[c.cls])
    who = ", ".join(x.entity(p.entity).label for p in c.participants[:4])
    when = f" ({c.date})" if c.date else ""
    return f"{label[:1].upper()}{label[1:]}{when}" + (f" involving {who}." if who else ".")


def sheet(x: Extraction, doc_id: str, source: dict) -> dict:
    """The review sheet as data: the curated-file format plus a ``candidate`` block per fact."""
    doc = x.document
    ids = Ids(x)
    vocab = vocabulary()
    actors, places, instruments = [], [], []
    pointers: dict[int, list[str]] = {}
    for m in x.mentions:
        p = f"{doc_id}:{doc.sentences[m.sentence].pointer}"
        pointers.setdefault(m.entity, [])
        if p not in pointers[m.entity]:
            pointers[m.entity].append(p)
    for e in x.kept_entities:
        row = {"id": ids.entity[e.key], "type": e.cls, "label": e.label, "aliases": sorted(e.aliases),
               "evidence": pointers.get(e.key, [])[:3],
               "candidate": {"confidence": round(e.confidence, 2), "decision": "pending",
                             **({"known": e.known} if e.known else {})}}
        if vocab.is_a(e.cls, "LegalInstrument"):
            instruments.append(row)
        elif vocab.is_a(e.cls, "Place") and e.cls != "Country":
            places.append(row)
        else:
            actors.append(row)
    events = []
    for c, event_id in zip(x.events, ids.event):
        row: dict = {"id": event_id, "type": c.cls}
        if c.date:
            row["date"] = c.date
        else:
            row["undated"] = True
        if c.status != "Reported":
            row["status"] = c.status
        parts = {}
        for p in c.participants:
            e = x.entity(p.entity)
            if vocab.is_a(e.cls, "Actor"):
                parts.setdefault(ids.entity[e.key], p.role)
            elif vocab.is_a(e.cls, "LegalInstrument"):
                row.setdefault("instruments", []).append(ids.entity[e.key])
            elif vocab.is_a(e.cls, "Place") and "place" not in row:
                row["place"] = ids.entity[e.key]
        row["participants"] = parts
        row["summary"] = summary_of(c, x)
        row["evidence"] = [f"{doc_id}:{doc.sentences[i].pointer}" for i in c.sentences]
        row["candidate"] = {"confidence": c.confidence, "decision": "pending", "category": c.category,
                            "trigger": doc.text[c.trigger[0]:c.trigger[1]]}
        events.append(row)
    return {"source": source, "entities": actors + places, "instruments": instruments, "events": events}


SHEET_HEAD = """\
# Review sheet: candidate facts that rightsgraph extract read from {file}.
# Nothing here is curated yet. For each candidate set candidate.decision to
# accept or reject (or run `rightsgraph review` on this file), correct any
# field first if it is wrong, then run `rightsgraph accept` on this file:
# accepted facts move into data/ and the build checks them like any other.
# Summaries are generated; rewrite them in your own words as you review.
"""


def sheet_yaml(x: Extraction, doc_id: str, source: dict) -> str:
    body = yaml.safe_dump(sheet(x, doc_id, source), sort_keys=False, allow_unicode=True, width=120)
    return SHEET_HEAD.format(file=x.document.name) + body


def candidates_dataset(x: Extraction, doc_id: str, version: str) -> Dataset:
    """The candidates as RDF, in the named graph rgd:graph/candidates/DOC, attributed to the extractor.

    Shaped like curated facts (classes, skos:altLabel, participations with
    roles, rg:claimStatus, evidence nodes with the exact sentence), so the
    library queries read them the same way, but under their own agent and
    graph: a candidate is never mistaken for a curated fact.
    """
    ids = Ids(x)
    vocab = vocabulary()
    ds = Dataset()
    ns.bind_prefixes(ds)
    cand = Namespace(f"{ns.RGD}candidate/{doc_id}/")
    graph_iri = ns.graph_iri(f"candidates/{doc_id}")
    agent = ns.RGD[f"agent/{EXTRACTOR}/{version}"]
    g = ds.graph(graph_iri)
    g.add((agent, RDF.type, PROV.SoftwareAgent))
    g.add((agent, RDFS.label, en(f"rightsgraph extractor {version}")))
    g.add((graph_iri, PROV.wasAttributedTo, agent))
    doc = x.document
    for e in x.kept_entities:
        node = cand[ids.entity[e.key]]
        g.add((node, RDF.type, RG[e.cls]))
        g.add((node, RDFS.label, en(e.label)))
        for alias in sorted(e.aliases):
            g.add((node, SKOS.altLabel, en(alias)))
        g.add((node, PROV.wasAttributedTo, agent))
    for c, event_id in zip(x.events, ids.event):
        node = cand[event_id]
        g.add((node, RDF.type, RG[c.cls]))
        g.add((node, RDFS.label, en(summary_of(c, x))))
        g.add((node, RG.claimStatus, RG[c.status]))
        g.add((node, PROV.wasAttributedTo, agent))
        if c.date:
            g.add((node, RG.date, typed_date(c.date)))
        else:
            g.add((node, RG.undated, Literal(True)))
        for p in c.participants:
            who = cand[ids.entity[p.entity]]
            kind = x.entity(p.entity).cls
            if vocab.is_a(kind, "LegalInstrument"):
                g.add((node, RG.concernsInstrument, who))
                continue
            if vocab.is_a(kind, "Place") and kind != "Country":
                g.add((node, RG.place, who))
                continue
            part = URIRef(f"{node}/participant/{ids.entity[p.entity]}/{p.role}")
            g.add((node, RG.hasParticipant, who))
            g.add((node, RG.hasParticipation, part))
            g.add((part, RDF.type, RG.Participation))
            g.add((part, RG.participant, who))
            g.add((part, RG.role, RG[p.role]))
        for i in c.sentences:
            s = doc.sentences[i]
            g.add((node, PROV.wasDerivedFrom, evidence_node(g, doc, s.start, s.end, s, agent)))
    return ds


def candidates_trig(x: Extraction, doc_id: str, version: str) -> str:
    return trig(candidates_dataset(x, doc_id, version))
