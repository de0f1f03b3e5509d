"""Project the RDF graph onto a networkx graph that people can look at.

Events become nodes of their own, linked to each participant by an edge that
carries the role. This keeps "who did what to whom", which a plain actor-to-actor
graph would lose. Every label, class name and edge name comes from
``rdfs:label`` in the graph (the ontology is part of it), not from code.
"""

from __future__ import annotations


import networkx as nx
from rdflib import Graph, URIRef
from rdflib.namespace import PROV, RDF, RDFS, SKOS

from graph.build import instances
from graph.dates import overlaps
from graph.model.namespaces import OA, RGD
from graph.model.ontology import Vocabulary
from graph.model.terms import RG

KINDS = ("Event", "LegalInstrument", "Person", "Group", "Organization", "Place")
# Relations drawn as edges besides roles; each edge's label is the property's rdfs:label.
LINKS = (RG.concernsInstrument, RG.violates, RG.place, RG.destination, RG.relatedEvent, RG.partOfEvent, RG.about,
         RG.amends, RG.partOf, RG.engages, RG.adoptedBy, RG.issuedBy, RG.court, RG.locatedIn, RG.origin)
LINK_URLS = {"wikidata": "https://www.wikidata.org/wiki/{}", "hudoc": "https://hudoc.echr.coe.int/eng?i={}"}


def short(iri) -> str:
    text = str(iri)
    return "rgd:" + text[len(str(RGD)):] if text.startswith(str(RGD)) else text


class Vocab(Vocabulary):
    """The ontology's look-ups over the built graph, plus the drawing kind of a class."""

    def kind(self, cls) -> str | None:
        for name in KINDS:
            if self.is_subclass(cls, RG[name]):
                return name
        return None


def _date(g: Graph, node) -> str | None:
    value = g.value(node, RG.date) or g.value(node, RG.startDate)
    return str(value) if value is not None else None


def _evidence(g: Graph, node) -> dict | None:
    """The first piece of evidence (lowest offset) behind a node: quote, document, offsets."""
    found = []
    for ev in g.objects(node, PROV.wasDerivedFrom):
        exact = start = end = None
        for sel in g.objects(ev, OA.hasSelector):
            exact = g.value(sel, OA.exact) or exact
            start = g.value(sel, OA.start) if g.value(sel, OA.start) is not None else start
            end = g.value(sel, OA.end) if g.value(sel, OA.end) is not None else end
        doc = g.value(g.value(ev, OA.hasSource), RG.fileName)
        if exact is not None and start is not None:
            found.append({"quote": str(exact), "document": str(doc), "start": int(start), "end": int(end)})
    return min(found, key=lambda e: (e["start"], e["end"])) if found else None


def _links(g: Graph, node) -> list[dict]:
    out = []
    for link in sorted(g.objects(node, RG.hasLink), key=str):
        if str(g.value(link, RG.matchStrength)) == "distinct":
            continue  # a recorded "not this item" is no identifier of the node
        scheme, ident = str(g.value(link, RG.scheme)), str(g.value(link, RG.identifier))
        url = LINK_URLS.get(scheme, "").format(ident) or None
        out.append({"scheme": scheme, "id": ident, "verified": bool(g.value(link, RG.verified).toPython()), "url": url})
    for code in sorted(g.objects(node, RG.iso3166Alpha2)):
        out.append({"scheme": "iso3166", "id": str(code), "verified": True, "url": None})
    return out


def project(g: Graph) -> nx.MultiDiGraph:
    """Actors, places, instruments and events as nodes; roles and relations as labelled edges."""
    v = Vocab(g)
    G = nx.MultiDiGraph()
    for node in sorted({s for s in g.subjects(RDF.type, None) if isinstance(s, URIRef) and str(s).startswith(str(RGD))}, key=str):
        classes = v.classes_of(node)
        kinds = [(v.kind(c), c) for c in classes if v.kind(c)]
        if not kinds:
            continue
        kind, cls = min(kinds, key=lambda kc: KINDS.index(kc[0]))
        attrs = {
            "iri": str(node), "label": v.label(node), "kind": kind, "kind_label": v.label(RG[kind]),
            "cls": str(cls).rsplit("#", 1)[-1], "class_label": v.label(cls),
        }
        comment = g.value(node, RDFS.comment)
        if comment is not None:
            attrs["comment"] = str(comment)
        aliases = sorted(str(a) for a in g.objects(node, SKOS.altLabel))
        if aliases:
            attrs["aliases"] = aliases
        evidence = _evidence(g, node)
        if evidence:
            attrs["evidence"] = evidence
        links = _links(g, node)
        if links:
            attrs["links"] = links
        if kind == "Event":
            date = _date(g, node)
            attrs["date"] = date or "undated"
            attrs["year"] = int(date[:4]) if date else None
            attrs["event_type"] = v.notation(cls) or "Other"
            top = v.notation_class(cls)
            attrs["event_type_label"] = v.label(top) if top is not None else "other"
            attrs["summary"] = str(g.value(node, RG.summary) or "")
            status = g.value(node, RG.claimStatus)
            attrs["status"] = v.label(status) if status is not None else None
            attrs["claim"] = str(status).rsplit("#", 1)[-1] if status is not None else None
            attrs["rights"] = sorted(v.label(r) for r in g.objects(node, RG.concernsRight))
            quote = g.value(node, RG.quote)
            if quote is not None:
                for sel in g.objects(quote, OA.hasSelector):
                    if g.value(sel, OA.exact) is not None:
                        attrs["quote"] = str(g.value(sel, OA.exact))
        G.add_node(short(node), **attrs)
    nodes = set(G.nodes)
    # Who says what (the graph's rg:Claim nodes): every account of an event, and who denies it. Carried to the
    # page and exports so that an allegation is never drawn like a fact, and a contested one shows who contests it.
    for claim in sorted(instances(g, RG.Claim), key=str):
        target, actor, stance = g.value(claim, RG.claimAbout), g.value(claim, RG.accordingTo), g.value(claim, RG.stance)
        if short(target) not in nodes:
            continue
        d = G.nodes[short(target)]
        d["accounts"] = sorted({*d.get("accounts", []), f"{v.label(actor)} {v.label(stance)}"})
        if stance == RG.Denies:
            d["denied_by"] = sorted({*d.get("denied_by", []), v.label(actor)})
    for event in sorted(n for n, d in G.nodes(data=True) if d["kind"] == "Event"):
        iri = URIRef(G.nodes[event]["iri"])
        for part in sorted(g.objects(iri, RG.hasParticipation), key=str):
            who, role = short(g.value(part, RG.participant)), g.value(part, RG.role)
            if who in nodes:
                claim = G.nodes[event].get("claim") or ""
                G.add_edge(event, who, key=f"role:{short(role)}", label=v.label(role), relation="role", claim=claim,
                           denied_by="; ".join(G.nodes[event].get("denied_by", [])))
    for prop in LINKS:
        label = v.label(prop)
        for s, o in sorted(g.subject_objects(prop), key=lambda so: (str(so[0]), str(so[1]))):
            a, b = short(s), short(o)
            if a in nodes and b in nodes and a != b:
                if prop == RG.relatedEvent and (b, a, str(prop)) in G.edges(keys=True):
                    continue
                G.add_edge(a, b, key=str(prop), label=label, relation=str(prop).rsplit("#", 1)[-1])
    return G


def neighbourhood(G: nx.MultiDiGraph, center: str, hops: int) -> nx.MultiDiGraph:
    """The subgraph within `hops` steps of `center`, ignoring edge direction."""
    reach = nx.single_source_shortest_path_length(G.to_undirected(as_view=True), center, cutoff=hops)
    return G.subgraph(sorted(reach)).copy()


def in_period(G: nx.MultiDiGraph, start: str | None, end: str | None) -> nx.MultiDiGraph:
    """Events dated within [start, end] and everything directly linked to them."""
    keep = set()
    for n, d in G.nodes(data=True):
        if d["kind"] != "Event" or d.get("date") in (None, "undated"):
            continue
        if overlaps(d["date"], d["date"], start, end):
            keep.add(n)
            keep.update(G.successors(n))
            keep.update(G.predecessors(n))
    return G.subgraph(sorted(keep)).copy()


def subgraph_of_terms(G: nx.MultiDiGraph, terms) -> nx.MultiDiGraph:
    """What a query answer is about: the nodes it names, by IRI or by label, with the edges among them.

    Library answers often give the actors as labels ("perpetrators": "A; B"),
    so a label names its node too. An answer that names only events brings
    their participants, so the picture shows who did what to whom and not a
    row of unconnected events.
    """
    by_label: dict[str, set[str]] = {}
    for n, d in G.nodes(data=True):
        by_label.setdefault(d["label"], set()).add(n)
    wanted: set[str] = set()
    for t in terms:
        if isinstance(t, URIRef):
            wanted.add(short(t))
        elif t is not None:
            for part in str(t).split("; "):
                wanted |= by_label.get(part, set())
    wanted &= set(G.nodes)
    if wanted and all(G.nodes[n]["kind"] == "Event" for n in wanted):
        wanted |= {b for a in list(wanted) for _, b, e in G.out_edges(a, data=True) if e["relation"] == "role"}
    return G.subgraph(sorted(wanted)).copy()


def within_budget(G: nx.MultiDiGraph, budget: int) -> tuple[nx.MultiDiGraph, int]:
    """At most `budget` nodes, the most connected first (ties by id), and how many were left out.

    A browser cannot lay out or draw tens of thousands of nodes; past the
    budget the page shows the part with the most links and says what it left.
    """
    if G.number_of_nodes() <= budget:
        return G, 0
    keep = sorted(G.nodes, key=lambda n: (-G.degree(n), n))[:budget]
    return G.subgraph(sorted(keep)).copy(), G.number_of_nodes() - budget

