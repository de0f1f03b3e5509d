"""The graph in other people's vocabularies: schema.org JSON-LD and plain SEM.

A web crawler reads schema.org and an event-model tool reads SEM; neither
should need our ontology to understand the graph. Each profile keeps only
what its vocabulary can say, names the rightsgraph IRI of every node, and
links Wikidata only where the link is verified (owl:sameAs in the graph).
"""

from __future__ import annotations

import json

from rdflib import Graph, URIRef
from rdflib.namespace import OWL, RDF, RDFS, SKOS

from graph.model.namespaces import RGD, SEM, bind_prefixes
from graph.model.terms import RG

SCHEMA_TYPES = (  # most specific first
    ("Country", "Country"), ("City", "City"), ("Place", "Place"), ("Person", "Person"), ("NGO", "NGO"),
    ("MediaOutlet", "NewsMediaOrganization"), ("StateBody", "GovernmentOrganization"),
    ("Organization", "Organization"), ("Group", "Organization"), ("CourtJudgment", "CreativeWork"),
    ("Recommendation", "CreativeWork"), ("LegalInstrument", "Legislation"),
    ("PublicationRelease", "PublicationEvent"), ("Event", "Event"),
)


def _is_a(g: Graph, node, root: str) -> bool:
    return any(root_cls == RG[root] or RG[root] in g.transitive_objects(root_cls, RDFS.subClassOf)
               for root_cls in g.objects(node, RDF.type))


def _schema_type(g: Graph, node) -> str | None:
    for ours, theirs in SCHEMA_TYPES:
        if _is_a(g, node, ours):
            return theirs
    return None


def _id(node) -> str:
    return str(node)


def _label(g: Graph, node) -> str | None:
    value = g.value(node, RDFS.label)
    return str(value) if value is not None else None


def _date(g: Graph, node, *props) -> str | None:
    for prop in props:
        value = g.value(node, prop)
        if value is not None:
            return str(value)
    return None


def _refs(g: Graph, node, prop) -> list[dict]:
    return [{"@id": _id(o)} for o in sorted(g.objects(node, prop), key=str)]


def _identifiers(g: Graph, node) -> list[dict]:
    """Verified identifiers only: a crawler cannot see our verified flag, so a candidate would pass as fact."""
    out = []
    for link in sorted(g.objects(node, RG.hasLink), key=str):
        scheme = str(g.value(link, RG.scheme))
        if str(g.value(link, RG.matchStrength)) == "distinct":
            continue
        if g.value(link, RG.verified).toPython() and scheme != "judgment-date":
            out.append({"@type": "PropertyValue", "propertyID": scheme, "value": str(g.value(link, RG.identifier))})
    for code in sorted(g.objects(node, RG.iso3166Alpha2)):
        out.append({"@type": "PropertyValue", "propertyID": "iso3166-1-alpha-2", "value": str(code)})
    return out


def _roles(g: Graph, event) -> list[dict]:
    """Participants as schema.org Role objects, so that each keeps its role name."""
    out = []
    for part in sorted(g.objects(event, RG.hasParticipation), key=str):
        role = g.value(part, RG.role)
        out.append({"@type": "Role", "roleName": _label(g, role), "attendee": {"@id": _id(g.value(part, RG.participant))}})
    return out


def _clean(node: dict) -> dict:
    return {k: v for k, v in node.items() if v not in (None, [], "")}


def schema_org(g: Graph) -> str:
    """JSON-LD with schema.org as the vocabulary; one node per entity, event and instrument, sorted."""
    nodes = []
    subjects = sorted({s for s in g.subjects(RDF.type, None) if isinstance(s, URIRef) and str(s).startswith(str(RGD))}, key=str)
    for s in subjects:
        kind = _schema_type(g, s)
        if kind is None:
            continue
        node = {"@id": _id(s), "@type": kind, "name": _label(g, s),
                "alternateName": sorted(str(a) for a in g.objects(s, SKOS.altLabel)),
                "description": str(g.value(s, RG.summary) or g.value(s, RDFS.comment) or "") or None,
                "sameAs": [str(o) for o in sorted(g.objects(s, OWL.sameAs), key=str)],
                "identifier": _identifiers(g, s)}
        if kind in ("Event", "PublicationEvent"):
            node.update({
                "startDate": _date(g, s, RG.date, RG.startDate), "endDate": _date(g, s, RG.endDate),
                "location": _refs(g, s, RG.place), "attendee": _roles(g, s),
                "about": _refs(g, s, RG.about) + _refs(g, s, RG.concernsInstrument),
                "superEvent": _refs(g, s, RG.partOfEvent),
            })
        elif kind == "Legislation":
            node.update({
                "legislationDate": _date(g, s, RG.adoptionDate), "legislationPassedBy": _refs(g, s, RG.adoptedBy),
                "legislationJurisdiction": _refs(g, s, RG.jurisdiction), "legislationChanges": _refs(g, s, RG.amends),
                "isPartOf": _refs(g, s, RG.partOf),
                "text": sorted(str(p) for p in g.objects(s, RG.provision)) or None,
            })
        elif kind == "CreativeWork":
            parties = []
            for event in sorted(g.objects(s, RG.deliveredIn), key=str):
                for part in sorted(g.objects(event, RG.hasParticipation), key=str):
                    if g.value(part, RG.role) != RG.DecisionMaker:
                        parties.append({"@id": _id(g.value(part, RG.participant))})
            node.update({
                "name": str(g.value(s, RG.caseName) or _label(g, s)),
                "datePublished": _date(g, s, RG.judgmentDate, RG.adoptionDate),
                "creator": _refs(g, s, RG.court) or _refs(g, s, RG.issuedBy),
                "about": parties + _refs(g, s, RG.addressedTo), "citation": _refs(g, s, RG.engages),
            })
        elif kind in ("Country", "City", "Place"):
            node["containedInPlace"] = _refs(g, s, RG.locatedIn)
        nodes.append(_clean(node))
    doc = {"@context": {"@vocab": "https://schema.org/"}, "@graph": nodes}
    return json.dumps(doc, indent=1, ensure_ascii=False) + "\n"


def sem(g: Graph) -> Graph:
    """The events in plain SEM: sem:Event with sem:eventType, sem:hasActor role nodes, places and time stamps."""
    out = Graph()
    bind_prefixes(out)
    for event in sorted({e for e in g.subjects(RG.hasParticipation, None)}, key=str):
        out.add((event, RDF.type, SEM.Event))
        out.add((event, RDFS.label, g.value(event, RDFS.label)))
        for cls in g.objects(event, RDF.type):
            out.add((event, SEM.eventType, cls))
            out.add((cls, RDF.type, SEM.EventType))
            out.add((cls, RDFS.label, g.value(cls, RDFS.label)))
        for prop, target in ((RG.date, SEM.hasTimeStamp), (RG.startDate, SEM.hasBeginTimeStamp), (RG.endDate, SEM.hasEndTimeStamp)):
            for value in g.objects(event, prop):
                out.add((event, target, value))
        for place in g.objects(event, RG.place):
            out.add((event, SEM.hasPlace, place))
            out.add((place, RDF.type, SEM.Place))
            out.add((place, RDFS.label, g.value(place, RDFS.label)))
        for parent in g.objects(event, RG.partOfEvent):
            out.add((event, SEM.subEventOf, parent))
        for part in g.objects(event, RG.hasParticipation):
            actor, role = g.value(part, RG.participant), g.value(part, RG.role)
            out.add((event, SEM.hasActor, part))
            out.add((part, RDF.type, SEM.Role))
            out.add((part, RDF.value, actor))
            out.add((part, SEM.roleType, role))
            out.add((role, RDF.type, SEM.RoleType))
            out.add((role, RDFS.label, g.value(role, RDFS.label)))
            out.add((actor, RDF.type, SEM.Actor))
            out.add((actor, RDFS.label, g.value(actor, RDFS.label)))
    return out


__all__ = ["schema_org", "sem"]
