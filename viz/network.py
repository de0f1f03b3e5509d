"""Project the RDF graph onto a networkx graph that people can look at.

Events become nodes of their own, linked to each participant by an edge that
carries the role. This keeps "who did what to whom", which a plain actor-to-actor
graph would lose. Every label, class name and edge name comes from
``rdfs:label`` in the graph (the ontology is part of it), not from code.
"""

from __future__ import annotations

import sys

import networkx as nx
from rdflib import URIRef
from rdflib.namespace import RDFS, SKOS

from graph.dates import overlaps
from graph.model.namespaces import RGD, with_prefixes
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


# What the projection reads from the graph, one question each, so that it runs on any store: the built graph
# in memory, an Oxigraph store on disk, or a SPARQL endpoint. Values are read as plain strings (building rdflib
# terms costs more than the queries at a million statements), and rows are sorted here, so the network, and
# every export written from it, is the same whichever store answered.
ONTOLOGY = """CONSTRUCT { ?s ?p ?o } WHERE {
  VALUES ?p { rdfs:subClassOf skos:notation } ?s ?p ?o FILTER(!STRSTARTS(STR(?s), STR(rgd:))) }"""
TYPED = "SELECT ?node ?cls WHERE { ?node a ?cls FILTER(isIRI(?node) && STRSTARTS(STR(?node), STR(rgd:))) }"
VALUES_OF = "SELECT ?s ?o WHERE {{ ?s <{prop}> ?o }}"
EVIDENCE = """SELECT ?node ?exact ?start ?end ?doc WHERE {
  ?node prov:wasDerivedFrom ?ev . ?ev oa:hasSelector ?a . ?a oa:exact ?exact .
  ?ev oa:hasSelector ?b . ?b oa:start ?start ; oa:end ?end .
  OPTIONAL { ?ev oa:hasSource/rg:fileName ?doc } }"""
LINKED = """SELECT ?node ?link ?scheme ?id ?verified ?strength WHERE {
  ?node rg:hasLink ?link . ?link rg:scheme ?scheme ; rg:identifier ?id ; rg:verified ?verified .
  OPTIONAL { ?link rg:matchStrength ?strength } }"""
QUOTED = "SELECT ?node ?exact WHERE { ?node rg:quote/oa:hasSelector/oa:exact ?exact }"
CLAIMS = "SELECT ?claim ?target ?actor ?stance WHERE { ?claim rg:claimAbout ?target ; rg:accordingTo ?actor ; rg:stance ?stance }"
ROLES = "SELECT ?event ?part ?who ?role WHERE { ?event rg:hasParticipation ?part . ?part rg:participant ?who ; rg:role ?role }"
RELATIONS = "SELECT ?p ?s ?o WHERE {{ VALUES ?p {{ {props} }} ?s ?p ?o }}"


class _Reader:
    """The projection's questions, asked of one store; every value a string."""

    def __init__(self, backend):
        self.backend = backend

    def rows(self, body: str) -> list[tuple]:
        return self.backend.texts(with_prefixes(body))

    def ontology(self) -> Vocab:
        return Vocab(self.backend.run(with_prefixes(ONTOLOGY), {}, "network projection", sys.maxsize).graph)

    def values(self, prop: URIRef) -> dict[str, list[str]]:
        """Subject to its values of prop, sorted (several labels or dates would otherwise come in store order)."""
        out: dict[str, list[str]] = {}
        for s, o in self.rows(VALUES_OF.format(prop=prop)):
            out.setdefault(s, []).append(o)
        return {s: sorted(v) for s, v in out.items()}


def backend_of(source):
    """A store to ask: a backend as given, or an rdflib graph (the build's, a test's) loaded into Oxigraph."""
    if hasattr(source, "run"):
        return source
    from graph.query import LocalBackend

    return LocalBackend.of_graph(source)


def local_name(iri: str) -> str:
    return iri.rsplit("#", 1)[-1].rsplit("/", 1)[-1]


def project(source) -> nx.MultiDiGraph:
    """Actors, places, instruments and events as nodes; roles and relations as labelled edges.

    source is a query backend (graph/query/backends.py) or an rdflib graph.
    """
    ask = _Reader(backend_of(source))
    v = ask.ontology()
    labels, preferred = ask.values(RDFS.label), ask.values(SKOS.prefLabel)

    def label(iri: str) -> str:
        found = labels.get(iri) or preferred.get(iri)
        return found[0] if found else local_name(iri)

    classes: dict[str, tuple] = {}

    def about(cls: str) -> tuple:
        """(kind, notation, label of the notation class) of a class, worked out once per class."""
        if cls not in classes:
            top = v.notation_class(URIRef(cls))
            classes[cls] = (v.kind(URIRef(cls)), v.notation(URIRef(cls)), label(str(top)) if top is not None else "other")
        return classes[cls]

    typed: dict[str, set[str]] = {}
    for node, cls in ask.rows(TYPED):
        if cls.startswith(str(RG._NS)):
            typed.setdefault(node, set()).add(cls)
    comments, aliases = ask.values(RDFS.comment), ask.values(SKOS.altLabel)
    dates, starts, summaries = ask.values(RG.date), ask.values(RG.startDate), ask.values(RG.summary)
    statuses, rights, codes = ask.values(RG.claimStatus), ask.values(RG.concernsRight), ask.values(RG.iso3166Alpha2)
    evidence: dict[str, list[dict]] = {}
    for node, exact, start, end, doc in ask.rows(EVIDENCE):
        evidence.setdefault(node, []).append({"quote": exact, "document": str(doc), "start": int(start), "end": int(end)})
    links: dict[str, list[dict]] = {}
    for node, _, scheme, ident, verified, strength in sorted(ask.rows(LINKED), key=lambda r: r[1]):
        if strength == "distinct":
            continue  # a recorded "not this item" is no identifier of the node
        links.setdefault(node, []).append({"scheme": scheme, "id": ident, "verified": verified in ("true", "1"),
                                           "url": LINK_URLS.get(scheme, "").format(ident) or None})
    quotes = dict(sorted(ask.rows(QUOTED), key=lambda r: r[1]))
    G = nx.MultiDiGraph()
    for node in sorted(typed):
        found = [(about(c)[0], c) for c in sorted(typed[node]) if about(c)[0]]
        if not found:
            continue
        kind, cls = min(found, key=lambda kc: KINDS.index(kc[0]))
        attrs = {"iri": node, "label": label(node), "kind": kind, "kind_label": label(str(RG[kind])),
                 "cls": cls.rsplit("#", 1)[-1], "class_label": label(cls)}
        if node in comments:
            attrs["comment"] = comments[node][0]
        if node in aliases:
            attrs["aliases"] = aliases[node]
        if node in evidence:
            attrs["evidence"] = min(evidence[node], key=lambda e: (e["start"], e["end"], e["quote"]))
        if node in links or node in codes:
            attrs["links"] = links.get(node, []) + [{"scheme": "iso3166", "id": c, "verified": True, "url": None}
                                                    for c in codes.get(node, [])]
        if kind == "Event":
            date = dates.get(node, starts.get(node, [None]))[0]
            attrs["date"] = date or "undated"
            attrs["year"] = int(date[:4]) if date else None
            _, notation, attrs["event_type_label"] = about(cls)
            attrs["event_type"] = notation or "Other"
            attrs["summary"] = summaries.get(node, [""])[0]
            status = statuses.get(node, [None])[0]
            attrs["status"] = label(status) if status is not None else None
            attrs["claim"] = status.rsplit("#", 1)[-1] if status is not None else None
            attrs["rights"] = sorted(label(r) for r in rights.get(node, []))
            if node in quotes:
                attrs["quote"] = quotes[node]
        G.add_node(short(node), **attrs)
    nodes = set(G.nodes)
    # Who says what (the graph's rg:Claim nodes): every account of an event, and who denies it. Carried to the
    # page and exports so that an allegation is never drawn like a fact, and a contested one shows who contests it.
    for _, target, actor, stance in sorted(ask.rows(CLAIMS)):
        if short(target) not in nodes:
            continue
        d = G.nodes[short(target)]
        d["accounts"] = sorted({*d.get("accounts", []), f"{label(actor)} {label(stance)}"})
        if stance == str(RG.Denies):
            d["denied_by"] = sorted({*d.get("denied_by", []), label(actor)})
    for event, _, who, role in sorted(ask.rows(ROLES), key=lambda r: (short(r[0]), r[1])):
        event, who = short(event), short(who)
        if event in nodes and G.nodes[event]["kind"] == "Event" and who in nodes:
            G.add_edge(event, who, key=f"role:{short(role)}", label=label(role), relation="role",
                       claim=G.nodes[event].get("claim") or "", denied_by="; ".join(G.nodes[event].get("denied_by", [])))
    order = {str(p): i for i, p in enumerate(LINKS)}
    related = str(RG.relatedEvent)
    for prop, s, o in sorted(ask.rows(RELATIONS.format(props=" ".join(f"<{p}>" for p in LINKS))),
                             key=lambda r: (order[r[0]], r[1], r[2])):
        a, b = short(s), short(o)
        if a in nodes and b in nodes and a != b:
            if prop == related and (b, a, prop) in G.edges(keys=True):
                continue
            G.add_edge(a, b, key=prop, label=label(prop), relation=prop.rsplit("#", 1)[-1])
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
    """At most `budget` nodes, grown from the most connected node through its links, and how many were left out.

    A browser cannot lay out or draw tens of thousands of nodes; past the
    budget the page shows the densest connected part. The part grows from the
    most connected node, always by the most connected node next to it (ties by
    id), so events come with the people and bodies they link: the top nodes by
    degree alone would be actors without one event between them, and no edge.
    """
    import heapq

    if G.number_of_nodes() <= budget:
        return G, 0
    plain = G.to_undirected(as_view=True)
    kept: set[str] = set()
    queued: set[str] = set()
    frontier: list[tuple[int, str]] = []
    ranked = iter(sorted(G.nodes, key=lambda n: (-G.degree(n), n)))
    while len(kept) < budget:
        if not frontier:  # a new start: the most connected node not yet kept (another component)
            start = next(n for n in ranked if n not in kept)
            heapq.heappush(frontier, (-G.degree(start), start))
            queued.add(start)
        _, node = heapq.heappop(frontier)
        kept.add(node)
        for other in plain.neighbors(node):
            if other not in queued:
                queued.add(other)
                heapq.heappush(frontier, (-G.degree(other), other))
    return G.subgraph(sorted(kept)).copy(), G.number_of_nodes() - budget
