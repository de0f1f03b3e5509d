"""The ontology as the pipeline sees it: loaded once from ``ontology/*.ttl``.

Curated files name types, roles, rights and statuses by their local names;
they are checked against this vocabulary, never against lists in code, so a
new event subtype needs one edit in Turtle and nothing else.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from rdflib import OWL, RDF, RDFS, Graph, URIRef
from rdflib.namespace import SKOS
from rdflib.plugins.parsers.notation3 import BadSyntax

from graph.errors import BuildError
from graph.named_graphs import OneGraph, OneGraphStore
from graph.model.terms import RG
from graph.resources import ontology_dir

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
    """shapes.ttl plus the role shapes derived from the ontology's rg:roleAllowedIn / rg:roleNotIn."""
    directory = directory if directory is not None else ontology_dir()
    # On a store that answers one graph's look-ups from its indexes: pySHACL reads a shape's parameters from
    # the shapes graph each time it judges with it, tens of thousands of look-ups for each report of a build.
    shapes = parse_turtle(directory / SHAPES_FILE, OneGraph(store=OneGraphStore()))
    for triple in role_shapes(load_ontology(directory)):
        shapes.add(triple)
    return shapes


def role_shapes(ontology: Graph) -> Graph:
    """One core-SHACL shape per role that the ontology keeps to (or out of) some event classes.

    Core SHACL rather than a SPARQL constraint: pySHACL runs a SPARQL
    constraint once per participation, which cost seconds per build. Each
    shape targets the role itself and reaches, through the participations
    that give it, the events it is given in: every event must be of (or not
    of) the classes named. Targeting every participation instead, with an
    sh:or of "not this role" and "in these events", evaluated both branches
    and wrote a report for each failing one for every participation and
    every role: a third of a report's validation. sh:class follows
    rdfs:subClassOf in the data, where the ontology is merged.
    """
    from rdflib import BNode, Literal, Namespace
    from rdflib.collection import Collection

    SH = Namespace("http://www.w3.org/ns/shacl#")
    RGS = Namespace("https://w3id.org/rightsgraph/shapes#")
    g = Graph()
    events_given = BNode("events-given-the-role")
    Collection(g, events_given, [BNode("inverse-role"), BNode("inverse-participation")])
    g.add((BNode("inverse-role"), SH.inversePath, RG.role))
    g.add((BNode("inverse-participation"), SH.inversePath, RG.hasParticipation))

    def of_class(cls) -> BNode:
        node = BNode(f"of-class-{local(cls)}")
        g.add((node, SH["class"], cls))
        return node

    def shape(name: str, role, message: str) -> BNode:
        g.add((RGS[name], RDF.type, SH.NodeShape))
        g.add((RGS[name], SH.targetNode, role))
        events = BNode(f"{name}-events")
        g.add((RGS[name], SH.property, events))
        g.add((events, SH.path, events_given))
        g.add((events, SH.message, Literal(message)))
        return events

    for role in sorted(set(ontology.subjects(RG.roleAllowedIn, None))):
        allowed = sorted(ontology.objects(role, RG.roleAllowedIn))
        events = shape(f"RoleFits-{local(role)}", role,
                       f"role {local(role)} belongs only to: {', '.join(local(c) for c in allowed)}")
        if len(allowed) == 1:
            g.add((events, SH["class"], allowed[0]))
        else:
            head = BNode(f"RoleFits-{local(role)}-or")
            Collection(g, head, [of_class(cls) for cls in allowed])
            g.add((events, SH["or"], head))
    for role in sorted(set(ontology.subjects(RG.roleNotIn, None))):
        for cls in sorted(ontology.objects(role, RG.roleNotIn)):
            events = shape(f"RoleNotIn-{local(role)}-{local(cls)}", role, f"role {local(role)} is never given in a {local(cls)}")
            g.add((events, SH["not"], of_class(cls)))
    return g


def local(term: URIRef) -> str:
    return str(term)[len(str(RG._NS)):]


class Vocabulary:
    """Look-ups over the ontology, by local name (curated files) or by IRI (a built graph).

    The one place that walks rdfs:subClassOf and reads labels and notations:
    the curation loader, the build summary and the network projection all
    ask it, over the ontology alone or over a graph that contains it.
    """

    def __init__(self, graph: Graph):
        self.graph = graph
        self._below: dict[str, frozenset[str]] = {}
        self._above: dict[URIRef, frozenset] = {}

    def subclasses(self, root: str) -> frozenset[str]:
        """Local names of root and every class below it.

        Worked out once per root: the loader asks is_a for every reference of every record, and walking
        the class tree each time was a third of a build. The graph is not changed while it is asked.
        """
        if root not in self._below:
            found = set(self.graph.transitive_subjects(RDFS.subClassOf, RG[root]))
            self._below[root] = frozenset(local(c) for c in found if str(c).startswith(str(RG._NS)))
        return self._below[root]

    def instances(self, cls: str) -> set[str]:
        return {local(s) for s in self.graph.subjects(RDF.type, RG[cls]) if str(s).startswith(str(RG._NS))}

    def is_a(self, name: str, root: str) -> bool:
        return name in self.subclasses(root)

    def label(self, term: URIRef) -> str:
        value = self.graph.value(term, RDFS.label) or self.graph.value(term, SKOS.prefLabel)
        return str(value) if value is not None else str(term).rsplit("#", 1)[-1].rsplit("/", 1)[-1]

    def is_subclass(self, cls: URIRef, root: URIRef) -> bool:
        """Whether cls is root or below it; the classes above cls are worked out once (the claims of each event
        ask again for its classes, a fifth of writing the claims)."""
        above = self._above.get(cls)
        if above is None:
            above = self._above[cls] = frozenset(self.graph.transitive_objects(cls, RDFS.subClassOf))
        return root in above

    def notation_class(self, cls: URIRef) -> URIRef | None:
        """The reporting category a class falls under: the nearest class at or above it with a skos:notation."""
        for c in self.graph.transitive_objects(cls, RDFS.subClassOf):
            if self.graph.value(c, SKOS.notation) is not None:
                return c
        return None

    def notation(self, cls: URIRef) -> str | None:
        """The reporting category's skos:notation ("IllTreatment"), for code; people read its label."""
        top = self.notation_class(cls)
        return str(self.graph.value(top, SKOS.notation)) if top is not None else None

    def top_event_type(self, name: str) -> str | None:
        return self.notation(RG[name])

    def inverses(self) -> list[tuple[URIRef, URIRef]]:
        """(p, q) pairs such that s p o entails o q s: owl:inverseOf both ways, owl:SymmetricProperty with itself."""
        pairs = set()
        for p, q in self.graph.subject_objects(OWL.inverseOf):
            pairs.update({(p, q), (q, p)})
        for p in self.graph.subjects(RDF.type, OWL.SymmetricProperty):
            pairs.add((p, p))
        return sorted(pairs)


@lru_cache(maxsize=1)
def vocabulary() -> Vocabulary:
    return Vocabulary(load_ontology())


def ontology_namespace(graph: Graph) -> str:
    """The rg: namespace as the Turtle declares it: the one source of the IRI."""
    declared = {prefix: str(ns) for prefix, ns in graph.namespaces()}
    if "rg" not in declared:
        raise BuildError("ontology/rightsgraph.ttl", "the rg: prefix is not declared")
    return declared["rg"]


def ontology_terms(graph: Graph) -> list[URIRef]:
    """Every term the ontology defines in its own namespace, sorted."""
    ns = ontology_namespace(graph)
    terms = {s for s in graph.subjects() if isinstance(s, URIRef) and str(s).startswith(ns) and str(s) != ns}
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
        "    _NS = Namespace(\"%s\")" % ontology_namespace(graph),
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
