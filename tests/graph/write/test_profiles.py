"""schema.org JSON-LD and plain SEM views follow the ontology's alignments, and carry names, dates and parties."""

import json

import pytest
from rdflib import Graph, URIRef
from rdflib.namespace import RDF

from graph.model.namespaces import SEM
from graph.model.terms import RG
from graph.write.profiles import schema_org, sem

RGD = "https://w3id.org/rightsgraph/id/"


@pytest.fixture(scope="module")
def doc(graph):
    return json.loads(schema_org(graph))


def node(doc, iri):
    return next(n for n in doc["@graph"] if n["@id"] == RGD + iri)


def test_parses_as_json_ld(graph):
    g = Graph().parse(data=schema_org(graph), format="json-ld")
    schema = "https://schema.org/"
    assert (URIRef(RGD + "instrument/kaboulov-judgment"), RDF.type, URIRef(schema + "CreativeWork")) in g
    assert all(str(p).startswith(schema) or p == RDF.type for p in g.predicates())


def test_kaboulov_judgment(doc):
    j = node(doc, "instrument/kaboulov-judgment")
    assert j["name"] == "Kaboulov v. Ukraine" and j["datePublished"] == "2009-11-19"
    assert j["creator"] == [{"@id": RGD + "entity/ecthr"}]
    assert {"propertyID": "echr-application", "value": "41015/04", "@type": "PropertyValue"} in j["identifier"]
    assert not any(i["propertyID"] in ("hudoc", "ecli") for i in j["identifier"])  # unverified stay out


def test_internet_law(doc):
    law = node(doc, "instrument/internet-amendments-2009")
    assert law["@type"] == "Legislation" and law["name"] == "2009 amendments to the internet law"
    assert law["legislationDate"] == "2009-07"
    assert law["legislationPassedBy"] == [{"@id": RGD + "entity/nazarbaev"}]
    assert law["legislationChanges"] == [{"@id": RGD + "instrument/internet-law"}]
    assert law["legislationJurisdiction"] == [{"@id": RGD + "entity/kazakhstan"}]


def test_events_keep_roles_and_verified_same_as(doc):
    raid = node(doc, "event/almaty-raid")
    assert raid["@type"] == "Event" and raid["startDate"] == "2009-09"
    assert {"@type": "Role", "roleName": "perpetrator or agent", "participant": {"@id": RGD + "entity/nss"}} in raid["participant"]
    assert node(doc, "entity/kazakhstan")["sameAs"] == ["http://www.wikidata.org/entity/Q232"]
    assert "sameAs" not in node(doc, "entity/nazarbaev")


def test_plain_sem(graph):
    g = sem(graph)
    raid = URIRef(RGD + "event/almaty-raid")
    assert (raid, RDF.type, SEM.Event) in g
    assert (raid, SEM.hasPlace, URIRef(RGD + "entity/almaty")) in g
    roles = {(g.value(r, RDF.value), g.value(r, SEM.roleType)) for r in g.objects(raid, SEM.hasActor)}
    assert (URIRef(RGD + "entity/nss"), URIRef("https://w3id.org/rightsgraph/ontology#Perpetrator")) in roles
    assert str(g.value(raid, SEM.hasTimeStamp)) == "2009-09"
    used = {p for p in g.predicates()}
    extension = {RG.claimStatus, RG.stance, RG.claimAbout, RG.accordingTo}  # documented in the README
    assert all(str(p).startswith(str(SEM)) or "rdf-syntax" in p or "rdf-schema" in p for p in used - extension)


def test_sem_keeps_who_claims_what_as_views(graph):
    """An allegation stays an allegation in SEM: a view on the event's existence, according to its source."""
    g = sem(graph)
    event = URIRef(RGD + "event/almaty-ill-treatment")
    assert (event, RG.claimStatus, RG.Alleged) in g
    views = {(g.value(v, SEM.accordingTo), g.value(v, RG.stance)) for v in g.subjects(RDF.subject, event)
             if (v, RDF.type, SEM.View) in g}
    assert views == {(URIRef(RGD + "entity/amnesty"), RG.Relays)}
    # SEM cannot say "does not hold according to": the NSS denial is no view, it stays a claim that denies
    denial = [c for c in g.subjects(RG.claimAbout, event) if g.value(c, RG.stance) == RG.Denies]
    assert [g.value(c, RG.accordingTo) for c in denial] == [URIRef(RGD + "entity/nss")]
    assert all((c, RDF.type, SEM.View) not in g for c in denial)


SMALL = """
@prefix rg: <https://w3id.org/rightsgraph/ontology#> .
@prefix rgd: <https://w3id.org/rightsgraph/id/> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
<https://w3id.org/rightsgraph/id/event/e> a rg:Raid ; rdfs:label "a raid"@en ; rg:place <https://w3id.org/rightsgraph/id/entity/town> ; rg:countQualifier "about" ;
    rg:hasParticipant <https://w3id.org/rightsgraph/id/entity/unit> ; rg:hasParticipation <https://w3id.org/rightsgraph/id/event/e/participant/unit/Perpetrator> .
<https://w3id.org/rightsgraph/id/event/e/participant/unit/Perpetrator> a rg:Participation ; rg:participant <https://w3id.org/rightsgraph/id/entity/unit> ; rg:role rg:Perpetrator .
<https://w3id.org/rightsgraph/id/entity/unit> a rg:StateBody ; rdfs:label "a unit"@en .
<https://w3id.org/rightsgraph/id/entity/town> a rg:City ; rdfs:label "a town"@en .
"""


def test_schema_view_follows_a_changed_alignment():
    """Drop one alignment and add another in the ontology: the view changes with no change to the code."""
    from rdflib.namespace import SDO, SKOS

    from graph.model.ontology import load_ontology
    from graph.model.terms import RG

    g = Graph().parse(data=SMALL, format="turtle")
    before = {n["@id"]: n for n in json.loads(schema_org(g))["@graph"]}
    event = before[RGD + "event/e"]
    assert event["@type"] == "Event" and event["location"] == [{"@id": RGD + "entity/town"}]
    assert "disambiguatingDescription" not in event
    assert before[RGD + "entity/unit"]["@type"] == "GovernmentOrganization"
    onto = Graph()
    for triple in load_ontology():
        onto.add(triple)
    onto.remove((RG.place, None, SDO.location))
    onto.add((RG.countQualifier, SKOS.exactMatch, SDO.disambiguatingDescription))
    after = {n["@id"]: n for n in json.loads(schema_org(g, onto))["@graph"]}[RGD + "event/e"]
    assert "location" not in after and after["disambiguatingDescription"] == "about"


def test_sem_view_types_nodes_by_their_alignment():
    g = sem(Graph().parse(data=SMALL, format="turtle"))
    town, unit = URIRef(RGD + "entity/town"), URIRef(RGD + "entity/unit")
    assert (town, RDF.type, SEM.Place) in g and (unit, RDF.type, SEM.Actor) in g
    assert (URIRef(RGD + "event/e"), SEM.hasPlace, town) in g


def test_an_allegation_is_exported_as_a_claim_never_as_a_plain_event(doc):
    """schema.org's Event cannot say 'alleged': the graph's claims about it can, with the report's sentence."""
    claims = [n for n in doc["@graph"] if n["@type"] == "Claim"
              and {"@id": RGD + "event/almaty-ill-treatment"} in n["about"]]
    stances = {n["additionalType"][0]["@id"].rsplit("#")[-1]: n for n in claims}
    assert set(stances) == {"Relays", "Denies"}
    relayed = stances["Relays"]
    assert relayed["author"] == [{"@id": RGD + "entity/amnesty"}] and "relays an allegation" in relayed["name"]
    assert relayed["citation"][0].startswith("Allegedly, the men were handcuffed")
    assert stances["Denies"]["author"] == [{"@id": RGD + "entity/nss"}]
    found = node(doc, "claim/beatings-for-confessions/finds/sr-torture")
    assert found["author"] == [{"@id": RGD + "entity/sr-torture"}] and found["citation"]
