"""SHACL validation of the built graph against ontology/shapes.ttl.

The data is validated merged with the ontology, so that ``sh:class`` sees
subclasses (a Sentencing is a Ruling is an Event) and role, status and right
individuals declared in Turtle, without running a reasoner.
"""

from __future__ import annotations

from dataclasses import dataclass

from pyshacl import validate as shacl_validate
from rdflib import Graph, Namespace
from rdflib.namespace import RDF

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
    """Return the violations, sorted; an empty list means the graph conforms."""
    conforms, report, _ = shacl_validate(
        data, shacl_graph=shapes, inference="none", advanced=False, allow_warnings=False
    )
    if conforms:
        return []
    out = set()
    for result in report.subjects(RDF.type, SH.ValidationResult):
        focus = report.value(result, SH.focusNode)
        path = report.value(result, SH.resultPath)
        message = report.value(result, SH.resultMessage)
        out.add(Violation(str(focus), str(path) if path is not None and not isinstance(path, type(result)) else "",
                          str(message) if message is not None else "constraint not met"))
    return sorted(out, key=lambda v: (v.focus, v.path, v.message))
