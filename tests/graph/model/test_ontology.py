"""The ontology is the single source of truth: complete, documented, aligned, and mirrored in terms.py."""

import pytest
from rdflib import OWL, RDF, RDFS, Graph, URIRef
from rdflib.namespace import FOAF, SDO

from graph.errors import BuildError
from graph.model.namespaces import ELI, SEM
from graph.model.ontology import RG, load_ontology, ontology_terms, parse_turtle, terms_module_source
from tests.paths import ROOT


@pytest.fixture(scope="module")
def onto() -> Graph:
    return load_ontology()


def test_every_term_has_english_label_and_comment(onto):
    for term in ontology_terms(onto):
        labels = [l for l in onto.objects(term, RDFS.label) if l.language == "en"]
        comments = [c for c in onto.objects(term, RDFS.comment) if c.language == "en"]
        assert len(labels) == 1, term
        assert comments, term


def test_terms_module_is_not_stale(onto):
    generated = terms_module_source(onto)
    on_disk = (ROOT / "graph" / "model" / "terms.py").read_text(encoding="utf-8")
    assert on_disk == generated, "graph/terms.py is stale: run `rightsgraph gen-terms`"


def test_terms_namespace_rejects_typos():
    from graph.model.terms import RG as Terms

    assert Terms.Raid == URIRef(RG + "Raid")
    with pytest.raises(AttributeError):
        Terms.Raidd  # noqa: B018


@pytest.mark.parametrize("child, parent", [
    (RG.Event, SEM.Event), (RG.Event, SDO.Event), (RG.Actor, SEM.Actor),
    (RG.Person, SDO.Person), (RG.Person, FOAF.Person),
    (RG.Organization, SDO.Organization), (RG.Organization, FOAF.Organization),
    (RG.Place, SEM.Place), (RG.Place, SDO.Place),
    (RG.Law, SDO.Legislation), (RG.Code, RG.Law), (RG.ActionPlan, SDO.Legislation),
    (RG.LegalInstrument, ELI.LegalResource),
])
def test_class_alignments(onto, child, parent):
    assert (child, RDFS.subClassOf, parent) in onto


def test_property_alignments(onto):
    assert (RG.date, RDFS.subPropertyOf, SEM.hasTimeStamp) in onto
    assert (RG.hasParticipant, RDFS.subPropertyOf, SEM.hasActor) in onto
    assert (RG.participatesIn, OWL.inverseOf, RG.hasParticipant) in onto


def test_the_thirteen_reporting_types_are_classes(onto):
    from rdflib.namespace import SKOS

    notations = {str(n) for n in onto.objects(None, SKOS.notation)}
    assert notations == {"Legislation", "Ruling", "Detention", "Raid", "IllTreatment", "Killing", "Protest",
                         "Visit", "Statement", "Election", "Transfer", "Release", "Restriction"}


def test_roles_and_rights_are_declared(onto):
    roles = set(onto.subjects(RDF.type, RG.RoleType))
    assert {RG.Perpetrator, RG.Victim, RG.DecisionMaker, RG.Subject, RG.Reporter} <= roles
    rights = set(onto.subjects(RDF.type, RG.Right))
    assert {RG.FreedomFromTorture, RG.RightToLiberty, RG.FairTrial, RG.FreedomOfExpression,
            RG.FreedomOfReligion, RG.FreedomOfAssembly, RG.RefugeeProtection} <= rights


def test_bad_turtle_names_file_and_line(tmp_path):
    bad = tmp_path / "bad.ttl"
    bad.write_text("@prefix a: <http://x/> .\na:b a:c a:d .\na:e a:f\na:g a:h .\n")
    with pytest.raises(BuildError, match=r"bad.ttl:4: invalid Turtle"):
        parse_turtle(bad)
