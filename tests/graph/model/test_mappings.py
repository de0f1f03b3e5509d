"""Every class and property is mapped outward, to real terms, and the SSSOM table matches the Turtle."""

import pytest
from rdflib import URIRef
from rdflib.namespace import OWL, RDF

from graph.model.mappings import sssom_tsv
from graph.model.ontology import RG, load_ontology
from tests.paths import ONTOLOGY_DIR
from graph.model.vocab import ALLOWED, MAPPING_PREDICATES, is_defined, prefix_of


@pytest.fixture(scope="module")
def onto():
    return load_ontology()


def external(onto, term):
    return [o for p in MAPPING_PREDICATES for o in onto.objects(term, p)
            if isinstance(o, URIRef) and not str(o).startswith(str(RG))]


def test_every_class_and_property_is_mapped(onto):
    terms = [s for t in (OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty) for s in onto.subjects(RDF.type, t)
             if str(s).startswith(str(RG))]
    assert len(terms) > 150
    unmapped = sorted(str(t) for t in terms if not external(onto, t))
    assert unmapped == []


def test_mapped_terms_exist_in_their_vocabularies(onto):
    bad = []
    for p in MAPPING_PREDICATES:
        for s, o in onto.subject_objects(p):
            if str(s).startswith(str(RG)) and isinstance(o, URIRef) and not str(o).startswith(str(RG)):
                if prefix_of(o) is None or not is_defined(o):
                    bad.append(f"{s} -> {o}")
    assert bad == []


def test_spelling_check_catches_typos():
    assert not is_defined(URIRef(ALLOWED["sem"] + "hasTimestamp"))
    assert not is_defined(URIRef(ALLOWED["eli"] + "passedBy"))
    assert not is_defined(URIRef(ALLOWED["schema"] + "legislationAmends"))
    assert is_defined(URIRef(ALLOWED["lode"] + "involvedAgent"))


def test_sssom_table_is_not_stale():
    on_disk = (ONTOLOGY_DIR / "mappings.sssom.tsv").read_text(encoding="utf-8")
    assert on_disk == sssom_tsv(), "ontology/mappings.sssom.tsv is stale: run `rightsgraph mappings`"


def test_sssom_package_reads_the_table():
    from sssom.parsers import parse_sssom_table

    msdf = parse_sssom_table(str(ONTOLOGY_DIR / "mappings.sssom.tsv"))
    assert msdf.metadata["mapping_set_id"] == "https://w3id.org/rightsgraph/ontology/mappings.sssom.tsv"
    rows = {(r.subject_id, r.predicate_id, r.object_id) for r in msdf.df.itertuples()}
    assert ("rg:Event", "rdfs:subClassOf", "sem:Event") in rows
    assert ("rg:hasParticipant", "rdfs:subPropertyOf", "sem:hasActor") in rows
    assert ("rg:amends", "rdfs:subPropertyOf", "eli:amends") in rows
    assert len(rows) == len(msdf.df) > 250


def test_rights_are_mapped_to_the_articles_that_protect_them(onto):
    protected = {(str(s).rsplit("#", 1)[-1], str(o).rsplit("#", 1)[-1]) for s, o in onto.subject_objects(RG.protects)}
    assert {("ECHRArticle3", "FreedomFromTorture"), ("ICCPRArticle7", "FreedomFromTorture"),
            ("ICCPRArticle9", "RightToLiberty"), ("ICCPRArticle14", "FairTrial"), ("ICCPRArticle18", "FreedomOfReligion"),
            ("ICCPRArticle19", "FreedomOfExpression"), ("ICCPRArticle21", "FreedomOfAssembly"),
            ("CAT", "FreedomFromTorture")} <= protected
    for article in ("ICCPRArticle7", "ECHRArticle3"):
        types = set(onto.objects(RG[article], RDF.type))
        assert RG.TreatyArticle in types and URIRef("http://www.w3.org/2004/02/skos/core#Concept") in types


def test_report_article_points_at_reference_article(graph):
    from rdflib.namespace import SKOS

    from graph.model.namespaces import RGD

    assert (RGD["instrument/echr-article-3"], SKOS.exactMatch, RG.ECHRArticle3) in graph
