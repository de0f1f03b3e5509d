"""The build: corpus and curated facts in, a validated graph in four formats out.

Steps run in pipeline order and nothing is written until every step has
passed, so a failed build leaves the previous outputs as they were.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import Dataset, Graph, URIRef
from rdflib.namespace import PROV, RDF, RDFS

from graph import serialize
from graph.assemble import CURATORS, READER, assemble, union
from graph.curation import Curation, load_curation
from graph.errors import BuildError
from graph.ontology import load_shapes, vocabulary
from graph.paths import DATA_DIR, DEFAULT_CORPUS, DEFAULT_OUT
from graph.terms import RG
from graph.validate import validate

SUMMARY_CLASSES = ("Person", "Organization", "Group", "Place", "LegalInstrument", "Event", "Office",
                   "OfficeTerm", "Publication", "Evidence")
# Everything of these classes is a fact that must point at a source.
FACT_CLASSES = ("Actor", "Place", "LegalInstrument", "Event", "Participation", "Office", "OfficeTerm",
                "Publication", "Section")


@dataclass
class BuildResult:
    dataset: Dataset
    graph: Graph
    curation: Curation
    outputs: dict[str, str]
    written: list[Path] = field(default_factory=list)


def instances(graph: Graph, cls: URIRef) -> set:
    """Instances of cls and its subclasses, following rdfs:subClassOf in the graph."""
    classes = set(graph.transitive_subjects(RDFS.subClassOf, cls))
    return {s for c in classes for s in graph.subjects(RDF.type, c)}


def unsourced(graph: Graph) -> list[str]:
    """Facts with neither report evidence nor (for reference treaty articles) a bibliographic citation."""
    from rdflib.namespace import DCTERMS

    facts = set().union(*(instances(graph, RG[c]) for c in FACT_CLASSES))
    return sorted(str(f) for f in facts
                  if graph.value(f, PROV.wasDerivedFrom) is None and graph.value(f, DCTERMS.bibliographicCitation) is None)


def check_assertions(curation: Curation, graph: Graph) -> None:
    """Each source's minimum counts (data/sources.yaml) must be met."""
    for sid, source in sorted(curation.sources.items()):
        doc = curation.documents[sid]
        found = {
            "sentences": len(doc.sentences),
            "sections": len(doc.sections),
            "news_items": len(doc.news),
            "events": sum(1 for e in curation.events.values() if e.doc == sid),
        }
        for name, minimum in sorted(source.assertions.items()):
            if name not in found:
                raise BuildError(source.where, f"{sid!r}: unknown assertion {name!r} (known: {', '.join(sorted(found))})")
            if found[name] < minimum:
                raise BuildError(source.where, f"{sid!r}: expected at least {minimum} {name}, found {found[name]} in {doc.name}")


def pictures_for(graph: Graph) -> dict[str, str]:
    """The network page and the timeline, drawn from the graph just built."""
    from viz.network import project
    from viz.page import page_html
    from viz.timeline import render

    G = project(graph)
    return {"network.html": page_html(G, "rightsgraph: actors, events and legal instruments"),
            "timeline.svg": render(G, "svg").decode("utf-8")}


def build(corpus: Path = DEFAULT_CORPUS, data_dir: Path = DATA_DIR, out_dir: Path | None = DEFAULT_OUT,
          pictures: bool = False, screenshot: bool = False) -> BuildResult:
    """Run the pipeline; write outputs to out_dir unless it is None.

    With pictures, the network page and timeline are written too, and with
    screenshot (when Chromium is installed) a PNG of the page for people who
    just want to look.
    """
    curation = load_curation(data_dir, corpus)
    dataset = assemble(curation)
    graph = union(dataset)
    violations = validate(graph, load_shapes())
    if violations:
        shown = "; ".join(str(v) for v in violations[:10])
        more = f" (and {len(violations) - 10} more)" if len(violations) > 10 else ""
        raise BuildError("SHACL", f"{len(violations)} violation(s): {shown}{more}")
    missing = unsourced(graph)
    if missing:
        raise BuildError("provenance", f"{len(missing)} fact(s) without a source, first {missing[0]}")
    check_assertions(curation, graph)
    outputs = {
        "graph.ttl": serialize.turtle(graph),
        "graph.nt": serialize.ntriples(graph),
        "graph.jsonld": serialize.jsonld(graph),
        "graph.trig": serialize.trig(dataset),
    }
    if pictures:
        outputs.update(pictures_for(graph))
    result = BuildResult(dataset, graph, curation, outputs)
    if out_dir is not None:
        result.written = serialize.write_all(outputs, out_dir)
        if pictures and screenshot:
            from viz.browser import chromium, screenshot as take

            if chromium() is not None:
                result.written.append(take(out_dir / "network.html", out_dir / "network.png"))
    return result


def summary(result: BuildResult) -> str:
    """A few lines for the terminal: counts by class, events by year, unsourced facts."""
    g = result.graph
    lines = [f"triples: {len(g)}"]
    counts = {c: len(instances(g, RG[c])) for c in SUMMARY_CLASSES}
    lines.append("by class: " + ", ".join(f"{c} {n}" for c, n in counts.items()))
    years: Counter[str] = Counter()
    for event in instances(g, RG.Event):
        when = g.value(event, RG.date) or g.value(event, RG.startDate)
        years[str(when)[:4] if when is not None else "undated"] += 1
    lines.append("events by year: " + ", ".join(f"{y} {n}" for y, n in sorted(years.items())))
    vocab = vocabulary()
    types: Counter[str] = Counter()
    for event in instances(g, RG.Event):
        cls = g.value(event, RDF.type)
        types[vocab.top_event_type(str(cls).rsplit("#", 1)[-1]) or "other"] += 1
    lines.append("events by type: " + ", ".join(f"{t} {n}" for t, n in sorted(types.items())))
    curated = sum(1 for _ in g.subjects(PROV.wasAttributedTo, CURATORS))
    read = sum(1 for _ in g.subjects(PROV.wasAttributedTo, READER))
    lines.append(f"provenance: {curated} curated, {read} found by the corpus reader")
    lines.append(f"facts without a source: {len(unsourced(g))}")
    for path in result.written:
        lines.append(f"wrote {path}")
    return "\n".join(lines)
