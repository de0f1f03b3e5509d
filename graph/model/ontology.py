"""The ontology as the pipeline sees it: loaded once from ``ontology/*.ttl``.

Curated files name types, roles, rights and statuses by their local names;
they are checked against this vocabulary, never against lists in code, so a
new event subtype needs one edit in Turtle and nothing else.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from rdflib import OWL, RDF, RDFS, Graph, Namespace, URIRef
from rdflib.plugins.parsers.notation3 import BadSyntax

from graph.errors import BuildError
from graph.resources import ontology_dir

RG = Namespace("https://w3id.org/rightsgraph/ontology#")
ONTOLOGY_FILES = ("rightsgraph.ttl", "rights.ttl", "alignments.ttl")
SHAPES_FILE = "shapes.ttl"


def parse_turtle(path: Path, graph: Graph | None = None) -> Graph:
    """Parse a Turtle file; bad syntax is a BuildError with file and line."""
    graph = graph if graph is not None else Graph()
    try:
        graph.parse(path, format="turtle")
    except FileNotFoundError:
        raise BuildError(str(path), "file not found") from None
    except BadSyntax as err:
        why = str(err).split("Bad syntax", 1)[-1].split(" at ^", 1)[0].strip(" ()")
        raise BuildError(f"{path}:{err.lines + 1}", f"invalid Turtle: {why}") from None
    return graph


@lru_cache(maxsize=4)
def load_ontology(directory: Path | None = None) -> Graph:
    directory = directory if directory is not None else ontology_dir()
    graph = Graph()
    for name in ONTOLOGY_FILES:
        parse_turtle(directory / name, graph)
    return graph


@lru_cache(maxsize=4)
def load_shapes(directory: Path | None = None) -> Graph:
    directory = directory if directory is not None else ontology_dir()
    return parse_turtle(directory / SHAPES_FILE)


def local(term: URIRef) -> str:
    return str(term)[len(str(RG)):]


class Vocabulary:
    """Look-ups over the ontology by local name."""

    def __init__(self, graph: Graph):
        self.graph = graph

    def subclasses(self, root: str) -> set[str]:
        """Local names of root and every class below it."""
        found = set(self.graph.transitive_subjects(RDFS.subClassOf, RG[root]))
        return {local(c) for c in found if str(c).startswith(str(RG))}

    def instances(self, cls: str) -> set[str]:
        return {local(s) for s in self.graph.subjects(RDF.type, RG[cls]) if str(s).startswith(str(RG))}

    def is_a(self, name: str, root: str) -> bool:
        return name in self.subclasses(root)

    def label(self, term: URIRef) -> str:
        value = self.graph.value(term, RDFS.label)
        return str(value) if value is not None else local(term)

    def top_event_type(self, name: str) -> str | None:
        """The reporting category (skos:notation) an event class falls under."""
        from rdflib.namespace import SKOS

        for cls in self.graph.transitive_objects(RG[name], RDFS.subClassOf):
            notation = self.graph.value(cls, SKOS.notation)
            if notation is not None:
                return str(notation)
        return None


@lru_cache(maxsize=1)
def vocabulary() -> Vocabulary:
    return Vocabulary(load_ontology())


def ontology_terms(graph: Graph) -> list[URIRef]:
    """Every term the ontology defines in its own namespace, sorted."""
    terms = {s for s in graph.subjects() if isinstance(s, URIRef) and str(s).startswith(str(RG)) and str(s) != str(RG)}
    return sorted(terms, key=str)


def terms_module_source(graph: Graph) -> str:
    """The text of graph/terms.py: a DefinedNamespace with one attribute per term.

    Generated, so that Python and the Turtle cannot drift apart; ``_fail``
    turns a misspelt term into an AttributeError instead of a new IRI.
    """
    lines = [
        '"""Python names for the rightsgraph ontology terms.',
        "",
        "Generated from ontology/*.ttl by `rightsgraph gen-terms`; do not edit.",
        "A test fails when this file is stale.",
        '"""',
        "",
        "from rdflib.namespace import DefinedNamespace, Namespace",
        "from rdflib.term import URIRef",
        "",
        "",
        "class RG(DefinedNamespace):",
        "    _NS = Namespace(\"%s\")" % RG,
        "    _fail = True",
        "",
    ]
    for term in ontology_terms(graph):
        name = local(term)
        label = graph.value(term, RDFS.label)
        kind = "class" if (term, RDF.type, OWL.Class) in graph else "term"
        comment = f"  # {kind}: {label}" if label is not None else ""
        lines.append(f"    {name}: URIRef{comment}")
    return "\n".join(lines) + "\n"
