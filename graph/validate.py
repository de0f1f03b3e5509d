"""SHACL validation of the built graph against ontology/shapes.ttl.

The data is validated merged with the ontology, so that ``sh:class`` sees
subclasses (a Sentencing is a Ruling is an Event) and role, status and right
individuals declared in Turtle. It is validated twice: as written, and under
RDFS entailment, because a consumer with a reasoner sees the entailed graph
(a sub-property adds a value to its super-property, where a ``sh:maxCount``
may then fail). A graph that passes only without entailment is not valid.
"""

from __future__ import annotations

from dataclasses import dataclass

from pyshacl import validate as shacl_validate
from rdflib import Graph, Namespace
from rdflib.namespace import RDF

from graph.errors import BuildError

SH = Namespace("http://www.w3.org/ns/shacl#")


@dataclass(frozen=True)
class Violation:
    focus: str
    path: str
    message: str

    def __str__(self) -> str:
        path = f" {self.path}" if self.path else ""
        return f"{self.focus}{path}: {self.message}"


def validate(data: Graph, shapes: Graph) -> list[Violation]:
    """Return the violations as written and under RDFS entailment, sorted; an empty list means the graph conforms."""
    out = _violations(data, shapes, "none")
    out |= {Violation(v.focus, v.path, f"{v.message} (under RDFS entailment)")
            for v in _violations(rdfs_closure(data), shapes, "none") - out}
    return sorted(out, key=lambda v: (v.focus, v.path, v.message))


def validate_reports(graphs: dict[str, Graph], shared: list[Graph], whole: Graph, shapes: Graph) -> list[Violation]:
    """Each report's graph on its own, with the shared graphs (ontology, curation) and what it borrows.

    pySHACL slows down sharply on large graphs, and hundreds of reports
    validated as one graph would make the build quadratic in practice; one
    report at a time keeps it linear. A report may point at a record another
    report holds (an actor named first elsewhere): that record is borrowed from
    the whole graph, so that its type and label are seen, and is judged only in
    its own report's part. With one report this is exactly the whole graph.
    """
    out: set[Violation] = set()
    known = {s for g in shared for s in g.subjects()}  # the ontology and curation go into every part anyway
    for name in sorted(graphs):
        own = graphs[name]
        part = Graph()
        for g in [*shared, own, borrowed(own, whole, known)]:
            for triple in g:
                part.add(triple)
        # A borrowed record is only context here: it is judged in its own report's part, where it is whole.
        mine = {str(s) for s in own.subjects()} | {str(s) for s in known}
        out |= {v for v in validate(part, shapes) if v.focus in mine}
    return sorted(out, key=lambda v: (v.focus, v.path, v.message))


def borrowed(own: Graph, whole: Graph, known: set = frozenset(), depth: int = 2) -> Graph:
    """What the whole graph says of the nodes `own` points at but does not describe: their records, and the
    records those point at (so a borrowed actor's evidence is typed), as context for `own`'s shapes."""
    from rdflib import URIRef

    out = Graph()
    described = set(own.subjects()) | set(known)
    frontier = {o for o in own.objects() if isinstance(o, URIRef) and o not in described}
    seen: set = set()
    for _ in range(depth):
        nxt = set()
        for node in sorted(frontier - seen):
            seen.add(node)
            for p, o in whole.predicate_objects(node):
                out.add((node, p, o))
                if isinstance(o, URIRef) and o not in described:
                    nxt.add(o)
        frontier = nxt
    return out


def rdfs_closure(data: Graph) -> Graph:
    """The graph with what RDFS entails from it: sub-property and sub-class statements, domains and ranges.

    These are the RDFS rules that can change what a shape sees (rdfs2, 3, 5, 7,
    9, 11); the axiomatic triples and literal rules of the full entailment
    regime cannot. Computed here rather than by pySHACL's inference="rdfs"
    (owlrl), which took three seconds a build on the first report alone.
    """
    from rdflib import Literal, URIRef
    from rdflib.namespace import RDFS

    g = Graph()
    for triple in data:
        g.add(triple)
    supers_p = {p: set(data.transitive_objects(p, RDFS.subPropertyOf)) for p in set(data.subjects(RDFS.subPropertyOf, None))}
    supers_c = {c: set(data.transitive_objects(c, RDFS.subClassOf)) for c in set(data.subjects(RDFS.subClassOf, None))}
    domains = {p: set(data.objects(p, RDFS.domain)) for p in set(data.subjects(RDFS.domain, None))}
    ranges = {p: set(data.objects(p, RDFS.range)) for p in set(data.subjects(RDFS.range, None))}
    for s, p, o in list(data):
        for q in supers_p.get(p, {p}):
            g.add((s, q, o))
            for cls in domains.get(q, ()):
                g.add((s, RDF.type, cls))
            if not isinstance(o, Literal):
                for cls in ranges.get(q, ()):
                    if isinstance(cls, URIRef):
                        g.add((o, RDF.type, cls))
    for s, cls in list(g.subject_objects(RDF.type)):
        for sup in supers_c.get(cls, ()):
            g.add((s, RDF.type, sup))
    return g


def _violations(data: Graph, shapes: Graph, inference: str) -> set[Violation]:
    conforms, report, _ = shacl_validate(
        data, shacl_graph=shapes, inference=inference, advanced=False, allow_warnings=False
    )
    if conforms:
        return set()
    if not isinstance(report, Graph):  # the shapes themselves are broken: pySHACL says why instead of reporting
        raise BuildError("ontology/shapes.ttl", f"the SHACL shapes cannot be used: {report}")
    out = set()
    for result in report.subjects(RDF.type, SH.ValidationResult):
        focus = report.value(result, SH.focusNode)
        path = report.value(result, SH.resultPath)
        message = report.value(result, SH.resultMessage)
        out.add(Violation(str(focus), str(path) if path is not None and not isinstance(path, type(result)) else "",
                          str(message) if message is not None else "constraint not met"))
    return out
