"""What a query returns, whichever backend answered it, and the term conversions behind it."""

from __future__ import annotations

from dataclasses import dataclass, field

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import XSD


@dataclass
class Result:
    """A SELECT table (vars and rows of rdflib terms), a graph, or a boolean."""

    kind: str  # "select", "graph" or "boolean"
    vars: list[str] = field(default_factory=list)
    rows: list[dict] = field(default_factory=list)
    graph: Graph | None = None
    boolean: bool | None = None
    truncated: bool = False

    def records(self) -> list[dict[str, object]]:
        """Rows as plain Python values (str, int, date ...), for use in code."""
        return [{k: (v.toPython() if isinstance(v, Literal) else str(v)) for k, v in row.items()} for row in self.rows]


def _from_ox(term):
    import pyoxigraph as ox

    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    if isinstance(term, ox.Literal):
        if term.language:
            return Literal(term.value, lang=term.language)
        return Literal(term.value, datatype=URIRef(term.datatype.value))
    raise TypeError(f"unexpected term {term!r}")


def _to_ox(term):
    import pyoxigraph as ox

    if isinstance(term, URIRef):
        return ox.NamedNode(str(term))
    if isinstance(term, Literal):
        if term.language:
            return ox.Literal(str(term), language=term.language)
        return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype or XSD.string)))
    raise TypeError(f"cannot bind {term!r}")


def _from_json(value: dict):
    if value["type"] == "uri":
        return URIRef(value["value"])
    if value["type"] == "bnode":
        return BNode(value["value"])
    if "xml:lang" in value:
        return Literal(value["value"], lang=value["xml:lang"])
    return Literal(value["value"], datatype=URIRef(value.get("datatype", str(XSD.string))))
