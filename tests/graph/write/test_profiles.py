"""schema.org JSON-LD and plain SEM views carry names, dates and parties."""

import json

import pytest
from rdflib import Graph, URIRef
from rdflib.namespace import RDF

from graph.model.namespaces import SEM
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
    parties = {a["@id"] for a in j["about"]}
    assert {RGD + "entity/kaboulov", RGD + "entity/ukraine"} <= parties
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
    assert {"@type": "Role", "roleName": "perpetrator or agent", "attendee": {"@id": RGD + "entity/nss"}} in raid["attendee"]
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
    used = {str(p) for p in g.predicates()}
    assert all(p.startswith(str(SEM)) or "rdf-syntax" in p or "rdf-schema" in p for p in used)
