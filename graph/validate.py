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
