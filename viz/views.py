"""Which part of the network to draw: all of it, around a focus, what a query returns, or a period."""

from __future__ import annotations

from pathlib import Path

import networkx as nx
from rdflib import Graph

from graph.errors import BuildError
from viz.network import in_period, neighbourhood, project, short, subgraph_of_terms


def backend_for(graph_file: Path, endpoint: str | None = None, store: Path | None = None):
    """Where questions about the graph go: the SPARQL endpoint when one is named, else the built file
    (in memory, or in an Oxigraph store on disk that is loaded once and reused)."""
    from graph.query import EndpointBackend, LocalBackend

    return EndpointBackend(endpoint) if endpoint else LocalBackend(graph_file, store_dir=store)


def load_rdf(graph_file: Path, endpoint: str | None = None, store: Path | None = None) -> Graph:
    """The whole graph as rdflib reads it, for the writers that need rdflib (the schema.org and SEM views):
    fetched with one CONSTRUCT from an endpoint or a store, else parsed from the file."""
    if endpoint or store:
        from graph.query import run_text

        return run_text("CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }", {}, backend_for(graph_file, endpoint, store)).graph
    if not graph_file.is_file():
        raise BuildError(str(graph_file), "graph file not found: run `rightsgraph build` first, or pass --graph FILE")
    g = Graph()
    try:
        g.parse(graph_file)
    except Exception as err:  # rdflib raises many kinds for a file that is not RDF
        why = str(err).strip().splitlines()[0] if str(err).strip() else type(err).__name__
        raise BuildError(str(graph_file), f"not a readable RDF graph: {why[:200]}") from None
    return g


def load_network(graph_file: Path, endpoint: str | None = None, store: Path | None = None) -> nx.MultiDiGraph:
    """The network, read with SPARQL from the store: no rdflib parse of the whole graph (slow at a million statements)."""
    return project(backend_for(graph_file, endpoint, store))


def node_id(backend, value: str) -> str:
    """An id, name, alias or IRI as a network node id, resolved the way query parameters are."""
    from graph.query import resolve_entity

    return short(resolve_entity(backend, value, f"entity {value!r}"))


def select(graph_file: Path, focus: str | None = None, hops: int = 1, query: str | None = None,
           params: dict[str, str] | None = None, date_from: str | None = None,
           date_to: str | None = None, endpoint: str | None = None, store: Path | None = None) -> tuple[nx.MultiDiGraph, str]:
    """The network to draw and a title that says what was selected."""
    from graph import dates

    for option, value in (("--from", date_from), ("--to", date_to)):
        if value is not None and dates.problem(value):
            raise BuildError(f"{option} {value}", f"not a date: {dates.problem(value)}")
    backend = backend_for(graph_file, endpoint, store)  # one store for every question of this view
    G = project(backend)
    title = "rightsgraph network"
    if query:
        from graph.query import run_query

        result = run_query(query, params or {}, backend)
        terms = ([t for row in result.rows for t in row.values()] if result.kind == "select"
                 else [t for triple in result.graph for t in triple])
        G = subgraph_of_terms(G, terms)
        title += f": {Path(query).stem}"
    if focus:
        center = node_id(backend, focus)
        if center not in G:
            raise BuildError(f"--focus {focus}", "not a node of the network")
        G = neighbourhood(G, center, hops)
        title += f": {G.nodes[center]['label']} within {hops} hop{'s' if hops != 1 else ''}"
    if date_from or date_to:
        G = in_period(G, date_from, date_to)
        title += f": {date_from or '…'} to {date_to or '…'}"
    if G.number_of_nodes() == 0:
        what = f"--query {query}" if query else f"--from {date_from} --to {date_to}" if (date_from or date_to) else "the graph"
        raise BuildError(what, "selects nothing the network draws (no actor, event, place or instrument); no page written")
    return G, title
