"""The graph in other people's vocabularies: schema.org JSON-LD and plain SEM.

A web crawler reads schema.org and an event-model tool reads SEM; neither
should need our ontology to understand the graph. Both views are read off the
ontology's own alignments (``rdfs:subClassOf`` / ``rdfs:subPropertyOf`` in
rightsgraph.ttl, ``skos:exactMatch`` / ``closeMatch`` in alignments.ttl): a
node gets the target class its rightsgraph class is aligned to, and a
statement is written under the target property its predicate is aligned to.
A new alignment in the Turtle shows up in the profile with no change here.

What is written here is only each target vocabulary's own patterns: schema.org
keeps a participant's role in a ``Role`` object and takes identifiers as
``PropertyValue`` (verified ones only, because a crawler cannot see our
verified flag); SEM keeps roles in ``sem:Role`` nodes with ``rdf:value`` and
a claim as a ``sem:View`` on the event's existence.
"""

from __future__ import annotations

import json
from functools import lru_cache

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import OWL, PROV, RDF, RDFS, SDO, SKOS

from graph.model.namespaces import RGD, SEM, bind_prefixes
from graph.model.ontology import load_ontology
from graph.model.terms import RG

# Strongest first. Classes take only mappings that hold for every instance;
# properties also take closeMatch ("similar enough to use in most applications").
CLASS_STRENGTHS = (RDFS.subClassOf, OWL.equivalentClass, SKOS.exactMatch)
PROPERTY_STRENGTHS = (RDFS.subPropertyOf, OWL.equivalentProperty, SKOS.exactMatch, SKOS.closeMatch)

# Terms that are not ours but that every node carries, and their schema.org names.
SCHEMA_COMMON = ((RDFS.label, SDO.name), (SKOS.altLabel, SDO.alternateName), (RDFS.comment, SDO.description))


class Alignment:
    """The ontology's mappings into one target vocabulary (a namespace prefix)."""

    def __init__(self, target: str, ontology: Graph | None = None):
        self.target = target
        self.onto = ontology if ontology is not None else load_ontology()

    def _mapped(self, term: URIRef, strengths) -> URIRef | None:
        for strength in strengths:
            found = sorted(o for o in self.onto.objects(term, strength) if str(o).startswith(self.target))
            if found:
                return found[0]
        return None

    def _nearest(self, term: URIRef, strengths, parent: URIRef) -> URIRef | None:
        """The target term of term, or of its nearest rightsgraph ancestor along parent (breadth first)."""
        seen, frontier = set(), [term]
        while frontier:
            for t in frontier:
                hit = self._mapped(t, strengths)
                if hit is not None:
                    return hit
            seen.update(frontier)
            frontier = sorted({p for t in frontier for p in self.onto.objects(t, parent)
                               if str(p).startswith(str(RG._NS)) and p not in seen})
        return None

    @lru_cache(maxsize=None)
    def class_of(self, cls: URIRef) -> URIRef | None:
        """The target class of the nearest class at or above cls that has one."""
        return self._nearest(cls, CLASS_STRENGTHS, RDFS.subClassOf)

    @lru_cache(maxsize=None)
    def property_of(self, prop: URIRef) -> URIRef | None:
        """The target property of prop, or of its nearest rightsgraph super-property."""
        return self._nearest(prop, PROPERTY_STRENGTHS, RDFS.subPropertyOf)

    def node_class(self, g: Graph, node) -> URIRef | None:
        """The target class of a node's most specific rightsgraph class."""
        for cls in sorted(g.objects(node, RDF.type)):
            if str(cls).startswith(str(RG._NS)):
                hit = self.class_of(cls)
                if hit is not None:
                    return hit
        return None


def _ours(node) -> bool:
    return isinstance(node, URIRef) and str(node).startswith(str(RGD))


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
        out.append({"@type": "Role", "roleName": str(g.value(role, RDFS.label)),
                    "participant": {"@id": str(g.value(part, RG.participant))}})
    return out


def _quotes(g: Graph, node) -> list[str]:
    from graph.model.namespaces import OA

    return sorted({str(g.value(sel, OA.exact)) for ev in g.objects(node, PROV.wasDerivedFrom)
                   for sel in g.objects(ev, OA.hasSelector) if g.value(sel, OA.exact) is not None})


def _name(term: URIRef) -> str:
    return str(term)[len(str(SDO)):]


def schema_org(g: Graph, ontology: Graph | None = None) -> str:
    """JSON-LD with schema.org as the vocabulary; one node per entity, event and instrument, sorted."""
    align = Alignment(str(SDO), ontology)
    nodes = []
    for s in sorted({s for s in g.subjects(RDF.type, None) if _ours(s)}, key=str):
        kind = align.node_class(g, s)
        if kind is None:
            continue
        values: dict[str, list] = {}
        for p, o in sorted(g.predicate_objects(s)):
            if p == RG.hasParticipant or not str(p).startswith(str(RG._NS)):
                continue
            target = align.property_of(p)
            if target is not None:
                values.setdefault(_name(target), []).append(o)
        for ours, theirs in SCHEMA_COMMON:  # only where no rightsgraph property said it already
            if _name(theirs) not in values:
                found = sorted(g.objects(s, ours))
                if found:
                    values[_name(theirs)] = found
        node: dict[str, object] = {"@id": str(s), "@type": _name(kind)}
        for key in sorted(values):
            literals = sorted({str(v) for v in values[key] if isinstance(v, Literal)})
            refs = [{"@id": str(v)} for v in sorted({v for v in values[key] if isinstance(v, URIRef)}, key=str)]
            if literals:
                node[key] = literals[0] if len(literals) == 1 and key != "alternateName" else literals
            elif refs:
                node[key] = refs
        if g.value(s, RG.hasParticipation) is not None:
            node[_name(align.property_of(RG.hasParticipant))] = _roles(g, s)
        same = sorted(str(o) for o in g.objects(s, OWL.sameAs))
        if same:
            node["sameAs"] = same
        ids = _identifiers(g, s)
        if ids:
            node["identifier"] = ids
        if kind == SDO.Claim:
            # The report's own sentences, so a crawler sees whose word an allegation or a denial is.
            node["citation"] = _quotes(g, s)
        nodes.append(node)
    doc = {"@context": {"@vocab": str(SDO)}, "@graph": nodes}
    return json.dumps(doc, indent=1, ensure_ascii=False) + "\n"


def sem(g: Graph, ontology: Graph | None = None) -> Graph:
    """The events in plain SEM: typed by their alignments, roles in sem:Role nodes, every aligned statement."""
    align = Alignment(str(SEM), ontology)
    out = Graph()
    bind_prefixes(out)
    role_props = {RG.hasParticipant, RG.hasParticipation, RG.participant, RG.role}

    def labelled(node) -> None:
        label = g.value(node, RDFS.label)
        if label is not None:
            out.add((node, RDFS.label, label))

    def typed(node) -> None:
        cls = align.node_class(g, node)
        if cls is not None:
            out.add((node, RDF.type, cls))
            labelled(node)

    for event in sorted({e for e in g.subjects(RG.hasParticipation, None)}, key=str):
        typed(event)
        for cls in g.objects(event, RDF.type):
            out.add((event, SEM.eventType, cls))
            out.add((cls, RDF.type, SEM.EventType))
            labelled(cls)
        for p, o in g.predicate_objects(event):
            target = align.property_of(p) if p not in role_props and str(p).startswith(str(RG._NS)) else None
            if target is not None:
                out.add((event, target, o))
                if isinstance(o, URIRef):
                    typed(o)
        for part in g.objects(event, RG.hasParticipation):
            actor, role = g.value(part, RG.participant), g.value(part, RG.role)
            out.add((event, SEM.hasActor, part))
            out.add((part, RDF.type, SEM.Role))
            out.add((part, RDF.value, actor))
            out.add((part, align.property_of(RG.role), role))
            out.add((role, RDF.type, align.class_of(RG.RoleType)))
            labelled(role)
            typed(actor)
        status = g.value(event, RG.claimStatus)
        if status is not None:  # documented extension: SEM has no word for "alleged"
            out.add((event, RG.claimStatus, status))
            labelled(status)
    for claim in sorted(g.subjects(RDF.type, RG.Claim), key=str):
        _view(g, out, claim)
    return out


def _view(g: Graph, out: Graph, claim: URIRef) -> None:
    """A claim as a SEM view: the event's existence holds according to the claimant.

    SEM puts views on reified statements (sem:View with sem:accordingTo). It
    cannot say that a statement does not hold for someone, so a denial stays
    an rg:Claim with its stance rg:Denies: written as a view, it would read
    as the denier's support.
    """
    event, actor, stance = g.value(claim, RG.claimAbout), g.value(claim, RG.accordingTo), g.value(claim, RG.stance)
    out.add((claim, RDFS.label, g.value(claim, RDFS.label)))
    out.add((claim, RG.stance, stance))
    out.add((stance, RDFS.label, g.value(stance, RDFS.label)))
    if stance == RG.Denies:
        out.add((claim, RDF.type, RG.Claim))
        out.add((claim, RG.claimAbout, event))
        out.add((claim, RG.accordingTo, actor))
        return
    out.add((claim, RDF.type, SEM.View))
    out.add((claim, RDF.type, RDF.Statement))
    out.add((claim, RDF.subject, event))
    out.add((claim, RDF.predicate, RDF.type))
    out.add((claim, RDF.object, SEM.Event))
    out.add((claim, SEM.accordingTo, actor))
    out.add((actor, RDF.type, SEM.Authority))


__all__ = ["Alignment", "schema_org", "sem"]
