"""The shapes pass on the built graph and fail, for the right reason, on broken fixtures."""

from pathlib import Path

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import PROV, RDFS, XSD

from graph.model.ontology import load_ontology, load_shapes
from graph.model.terms import RG
from graph.validate import validate

SHAPES = Path(__file__).parent.parent / "fixtures" / "shapes"
RGD = "https://w3id.org/rightsgraph/id/"
EVENT = URIRef(RGD + "event/visit")
PERSON = URIRef(RGD + "entity/a-person")
EVIDENCE_QUOTE = URIRef(RGD + "evidence/fixture/0-29/quote")
OA_EXACT = URIRef("http://www.w3.org/ns/oa#exact")


def load(name: str) -> Graph:
    g = Graph()
    for t in load_ontology():
        g.add(t)
    g.parse(SHAPES / name)
    return g


def messages(g: Graph) -> list[str]:
    return [str(v) for v in validate(g, load_shapes())]


def test_built_graph_conforms(graph):
    assert messages(graph) == []


def test_valid_fixture_conforms():
    assert messages(load("valid.ttl")) == []


def test_unknown_role():
    assert any("role must be an rg:RoleType" in m for m in messages(load("unknown-role.ttl")))


def without(*triples):
    g = load("valid.ttl")
    for t in triples:
        g.remove(t)
    return g


@pytest.mark.parametrize("remove, expected", [
    ((EVENT, RG.hasParticipation, None), "needs at least one participant"),
    ((EVENT, PROV.wasDerivedFrom, None), "has no source"),
    ((PERSON, RDFS.label, None), "needs exactly one English rdfs:label"),
    ((EVENT, RG.date, None), "needs exactly one of a date, a start date, or rg:undated true"),
    ((EVIDENCE_QUOTE, OA_EXACT, None), "needs a TextQuoteSelector with the exact text"),
])
def test_missing_piece_is_a_violation(remove, expected):
    found = messages(without(remove))
    assert any(expected in m for m in found), found


def test_second_label_in_another_language():
    g = load("valid.ttl")
    g.add((PERSON, RDFS.label, Literal("Une personne", lang="fr")))
    assert any("English rdfs:label" in m for m in messages(g))


@pytest.mark.parametrize("value", [Literal("2009-13", datatype=XSD.gYearMonth), Literal("2009-05", datatype=XSD.date),
                                   Literal("May 2009")])
def test_malformed_dates(value):
    g = without((EVENT, RG.date, None))
    g.add((EVENT, RG.date, value))
    assert any("whose text fits its type" in m for m in messages(g))


def test_undated_marker_satisfies_date_rule():
    g = without((EVENT, RG.date, None))
    g.add((EVENT, RG.undated, Literal(True)))
    assert messages(g) == []
