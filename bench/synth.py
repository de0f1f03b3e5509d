"""Synthetic graphs in the project's own shape, seeded, at any size: what a team's hundreds of chapters look like.

One named graph per chapter, 50 events each; every event typed, dated (with its
plain-date bounds), with a claim status, a place, rights, two to four
participations in roles, and evidence nodes with quote and position selectors;
actors from a shared pool, each with a label and its own evidence. The
ontology goes in as its own graph, so every library query runs unchanged.
Written as N-Quads, line by line: no RDF library in the way of the generator.
"""

from __future__ import annotations

import argparse
import random
from pathlib import Path

RG = "https://w3id.org/rightsgraph/ontology#"
RGD = "https://w3id.org/rightsgraph/id/"
RDF_TYPE = "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>"
LABEL = "<http://www.w3.org/2000/01/rdf-schema#label>"
PROV = "http://www.w3.org/ns/prov#"
OA = "http://www.w3.org/ns/oa#"
XSD = "http://www.w3.org/2001/XMLSchema#"
EVENTS_PER_CHAPTER = 50
EVENT_TYPES = ["Raid", "Detention", "IllTreatment", "Arrest", "Sentencing", "Harassment", "Protest", "Release",
               "Statement", "Finding", "Denial", "Visit", "Extradition", "LawSigning"]
ACTOR_TYPES = ["Person", "Group", "StateBody", "NGO", "InternationalBody", "Court"]
ROLES = ["Perpetrator", "Victim", "Subject", "Reporter", "Claimant", "DecisionMaker", "Participant"]
STATUSES = ["Reported", "Reported", "Reported", "Alleged", "Established"]
RIGHTS = ["FreedomFromTorture", "RightToLiberty", "FreedomOfAssembly", "FreedomOfExpression", "FreedomOfReligion"]
TRIPLES_PER_EVENT = 40  # about; used only to pick how many chapters make the size asked for


def iri(local: str) -> str:
    return f"<{RGD}{local}>"


def lit(text: str, lang: str | None = None, datatype: str | None = None) -> str:
    body = text.replace("\\", "\\\\").replace('"', '\\"')
    return f'"{body}"@{lang}' if lang else f'"{body}"^^<{datatype}>' if datatype else f'"{body}"'


class Writer:
    def __init__(self, out):
        self.out, self.count = out, 0

    def quad(self, s: str, p: str, o: str, g: str) -> None:
        self.out.write(f"{s} {p} {o} {g} .\n")
        self.count += 1


def evidence(w: Writer, g: str, doc: str, start: int, text: str, index: int) -> str:
    node = iri(f"evidence/{doc}/{start}-{start + len(text)}")
    quote, position = iri(f"evidence/{doc}/{start}-{start + len(text)}/quote"), iri(f"evidence/{doc}/{start}-{start + len(text)}/position")
    w.quad(node, RDF_TYPE, f"<{RG}Evidence>", g)
    w.quad(node, f"<{OA}hasSource>", iri(f"document/{doc}"), g)
    w.quad(node, f"<{OA}hasSelector>", quote, g)
    w.quad(node, f"<{OA}hasSelector>", position, g)
    w.quad(node, f"<{RG}sentenceIndex>", lit(str(index), datatype=XSD + "integer"), g)
    w.quad(quote, RDF_TYPE, f"<{OA}TextQuoteSelector>", g)
    w.quad(quote, f"<{OA}exact>", lit(text), g)
    w.quad(position, RDF_TYPE, f"<{OA}TextPositionSelector>", g)
    w.quad(position, f"<{OA}start>", lit(str(start), datatype=XSD + "nonNegativeInteger"), g)
    w.quad(position, f"<{OA}end>", lit(str(start + len(text)), datatype=XSD + "nonNegativeInteger"), g)
    return node


def generate(triples: int, out, seed: int = 20091119, ontology: bool = True) -> int:
    """Write about `triples` statements as N-Quads to `out`; how many were written."""
    rng = random.Random(seed)
    w = Writer(out)
    if ontology:
        from graph.model.ontology import load_ontology

        onto = iri("graph/ontology")
        for s, p, o in sorted(load_ontology()):
            w.quad(s.n3(), p.n3(), o.n3(), onto)
    chapters = max(1, triples // (TRIPLES_PER_EVENT * EVENTS_PER_CHAPTER))
    actors = chapters * 12  # each chapter introduces twelve; events draw on the whole pool
    curators, curation = iri("agent/curators"), iri("graph/curation")
    w.quad(curators, RDF_TYPE, f"<{PROV}Agent>", curation)  # as the build describes its agents
    w.quad(curators, LABEL, lit("rightsgraph curators", "en"), curation)
    for c in range(chapters):
        g, doc = iri(f"graph/synthetic-{c:05d}"), f"synthetic-{c:05d}.txt"
        w.quad(iri(f"document/{doc}"), RDF_TYPE, f"<{RG}SourceDocument>", g)
        w.quad(iri(f"document/{doc}"), f"<{RG}fileName>", lit(doc), g)
        w.quad(iri(f"document/{doc}"), LABEL, lit(f"Synthetic chapter {c}", "en"), g)
        cursor = 0
        place = iri(f"entity/place-{c}")
        w.quad(place, RDF_TYPE, f"<{RG}City>", g)
        w.quad(place, LABEL, lit(f"Place {c}", "en"), g)
        w.quad(place, f"<{PROV}wasDerivedFrom>", evidence(w, g, doc, cursor, f"Place {c} is named here.", 0), g)
        w.quad(place, f"<{PROV}wasAttributedTo>", curators, g)
        cursor += 40
        for a in range(c * 12, min(actors, c * 12 + 12)):  # the chapter introduces its share of the pool
            actor = iri(f"entity/actor-{a}")
            w.quad(actor, RDF_TYPE, f"<{RG}{ACTOR_TYPES[a % len(ACTOR_TYPES)]}>", g)
            w.quad(actor, LABEL, lit(f"Actor {a}", "en"), g)
            w.quad(actor, f"<{PROV}wasDerivedFrom>", evidence(w, g, doc, cursor, f"Actor {a} is named here.", a), g)
            w.quad(actor, f"<{PROV}wasAttributedTo>", curators, g)
            cursor += 40
        for k in range(EVENTS_PER_CHAPTER):
            event, kind = iri(f"event/c{c:05d}-e{k:02d}"), rng.choice(EVENT_TYPES)
            year, month = rng.randint(2008, 2022), rng.randint(1, 12)
            last = 28 if month == 2 else 30 if month in (4, 6, 9, 11) else 31
            w.quad(event, RDF_TYPE, f"<{RG}{kind}>", g)
            w.quad(event, LABEL, lit(f"{kind}: event {c}-{k} ({year}-{month:02d})", "en"), g)
            w.quad(event, f"<{RG}summary>", lit(f"Synthetic {kind.lower()} number {k} of chapter {c}.", "en"), g)
            w.quad(event, f"<{RG}date>", lit(f"{year}-{month:02d}", datatype=XSD + "gYearMonth"), g)
            w.quad(event, f"<{RG}earliestDate>", lit(f"{year}-{month:02d}-01", datatype=XSD + "date"), g)
            w.quad(event, f"<{RG}latestDate>", lit(f"{year}-{month:02d}-{last}", datatype=XSD + "date"), g)
            w.quad(event, f"<{RG}claimStatus>", f"<{RG}{rng.choice(STATUSES)}>", g)
            w.quad(event, f"<{RG}place>", iri(f"entity/place-{rng.randrange(chapters)}"), g)
            w.quad(event, f"<{RG}concernsRight>", f"<{RG}{rng.choice(RIGHTS)}>", g)
            text = f"In {year} event {k} of chapter {c} took place, a synthetic sentence."
            source = evidence(w, g, doc, cursor, text, 100 + k)
            cursor += len(text) + 1
            w.quad(event, f"<{PROV}wasDerivedFrom>", source, g)
            w.quad(event, f"<{PROV}wasAttributedTo>", curators, g)
            for _ in range(rng.randint(2, 4)):
                who, role = rng.randrange(actors), rng.choice(ROLES)
                if kind == "Release" and role == "Perpetrator":
                    role = "Subject"  # nobody is the perpetrator of a release (rg:roleNotIn)
                part = iri(f"event/c{c:05d}-e{k:02d}/participant/actor-{who}/{role}")
                w.quad(event, f"<{RG}hasParticipation>", part, g)
                w.quad(event, f"<{RG}hasParticipant>", iri(f"entity/actor-{who}"), g)
                w.quad(part, RDF_TYPE, f"<{RG}Participation>", g)
                w.quad(part, f"<{RG}participant>", iri(f"entity/actor-{who}"), g)
                w.quad(part, f"<{RG}role>", f"<{RG}{role}>", g)
                w.quad(part, f"<{PROV}wasDerivedFrom>", source, g)
                w.quad(part, f"<{PROV}wasAttributedTo>", curators, g)
    return w.count


def write(path: Path, triples: int, seed: int = 20091119) -> int:
    with path.open("w", encoding="utf-8") as out:
        return generate(triples, out, seed)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--triples", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=20091119)
    parser.add_argument("--out", type=Path, default=Path("build") / "synthetic.nq")
    args = parser.parse_args()
    args.out.parent.mkdir(parents=True, exist_ok=True)
    print(f"wrote {args.out}: {write(args.out, args.triples, args.seed)} statements")


__all__ = ["generate", "write"]

if __name__ == "__main__":
    main()
