"""Claims: every voice on an event becomes its own node, with its own sentences, and nothing else does."""

from __future__ import annotations

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import PROV, RDF, RDFS

from graph.model.ontology import load_shapes
from graph.model.namespaces import OA, RGD
from graph.model.terms import RG
from graph.validate import validate


def claims(graph, event_id: str) -> dict[tuple[str, str], dict]:
    """{(stance, actor id): {"via": [statement ids], "sentences": [exact texts]}} of one event."""
    out = {}
    for c in graph.subjects(RG.claimAbout, RGD[f"event/{event_id}"]):
        key = (str(graph.value(c, RG.stance)).rsplit("#", 1)[-1], str(graph.value(c, RG.accordingTo)).rsplit("/", 1)[-1])
        out[key] = {
            "via": sorted(str(v).rsplit("/", 1)[-1] for v in graph.objects(c, RG.conveyedBy)),
            "sentences": sorted(str(graph.value(s, OA.exact)) for e in graph.objects(c, PROV.wasDerivedFrom)
                                for s in graph.objects(e, OA.hasSelector) if graph.value(s, OA.exact) is not None),
        }
    return out


def test_alleged_by_the_victims_and_denied_by_the_ministry(mini):
    """The fixture's beatings: the claimant's own sentence, and the denial's, kept apart."""
    found = claims(mini.graph, "lirna-beatings")
    assert set(found) == {("Alleges", "green-road-detainees"), ("Denies", "interior-ministry")}
    assert found[("Alleges", "green-road-detainees")] == {
        "via": [], "sentences": ["The detainees alleged that officers beat them during questioning."]}
    assert found[("Denies", "interior-ministry")]["via"] == ["beatings-denial"]
    assert found[("Denies", "interior-ministry")]["sentences"] == [
        "The Ministry of Internal Affairs denied the allegations, and no investigation was opened."]


def test_an_event_without_a_named_source_is_the_publishers_account(mini):
    found = claims(mini.graph, "lirna-detention")
    publisher = str(mini.graph.value(mini.graph.value(predicate=RDF.type, object=RG.SourceDocument),
                                     URIRef("http://purl.org/dc/terms/publisher"))).rsplit("/", 1)[-1]
    assert set(found) == {("Reports", publisher)}


def test_a_finding_is_the_finders_claim(mini):
    found = claims(mini.graph, "tolan-arbitrary-detention")
    assert found[("Finds", "wgad")]["via"] == ["wgad-finding"]


def test_one_voice_in_two_statements_is_one_claim_with_both(mini):
    """A call and its publication both speak about the sentencing: one claim, conveyed by both."""
    found = claims(mini.graph, "tolan-sentencing")
    assert found[("Speaks", "amnesty")]["via"] == ["release-call", "release-call-publication"]


def test_report_relays_an_unnamed_allegation_and_the_nss_denies_it(graph):
    """'Allegedly' with nobody named: the publisher relays it, it does not allege it (rule 2)."""
    found = claims(graph, "almaty-ill-treatment")
    assert set(found) == {("Relays", "amnesty"), ("Denies", "nss")}
    assert found[("Relays", "amnesty")]["sentences"][0].startswith("Allegedly, the men were handcuffed")


def test_a_hypothetical_act_has_only_the_ruling_about_it(graph):
    """Nobody claims the forbidden extradition happened; the court's ruling is its one account."""
    assert set(claims(graph, "kaboulov-extradition")) == {("Rules", "ecthr")}


def test_every_claim_is_derived_by_the_claim_rule(graph):
    nodes = set(graph.subjects(RDF.type, RG.Claim))
    assert nodes and all((c, RG.derivedBy, RG.ClaimRule) in graph for c in nodes)
    assert not any((c, PROV.wasAttributedTo, None) in graph for c in nodes)  # a rule's output, not a curator's


@pytest.mark.parametrize("remove, expected", [
    (PROV.wasDerivedFrom, "a claim needs the sentences it comes from"),
    (RG.derivedBy, "claims are written by the claim rule"),
    (RG.accordingTo, "accordingTo"),
])
def test_the_shapes_refuse_a_claim_missing_a_piece(mini, remove, expected):
    g = Graph()
    for t in mini.graph:
        g.add(t)
    claim = RGD["claim/lirna-beatings/denies/interior-ministry"]
    assert (claim, RDF.type, RG.Claim) in g
    g.remove((claim, remove, None))
    found = [str(v) for v in validate(g, load_shapes())]
    assert any(expected in m for m in found), found


def test_the_shapes_refuse_a_claim_about_something_that_is_not_an_event(mini):
    g = Graph()
    for t in mini.graph:
        g.add(t)
    claim = RGD["claim/lirna-beatings/denies/interior-ministry"]
    g.set((claim, RG.claimAbout, Literal("the beatings")))
    assert any("claimAbout" in str(v) for v in validate(g, load_shapes()))


def test_the_subject_lookup_reads_what_an_aggregate_of_all_graphs_reads(built):
    """Indexed by subject, so a report's claims do not read every report: the same values, the first one first."""
    from rdflib.graph import ReadOnlyGraphAggregate

    from graph.claims import SubjectLookup

    graphs = sorted((g for g in built.dataset.graphs() if len(g)), key=lambda g: str(g.identifier))
    assert len(graphs) > 2
    lookup, everything = SubjectLookup(graphs), ReadOnlyGraphAggregate(graphs)
    pairs = sorted({(s, p) for g in graphs for s, p, _ in g}, key=str)
    for s, p in pairs:
        assert list(lookup.objects(s, p)) == list(everything.objects(s, p))
        assert lookup.value(s, p) == everything.value(s, p)
    assert lookup.value(URIRef("urn:x:nobody"), RDFS.label) is None
