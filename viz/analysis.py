"""Network analysis with networkx: who is central, who clusters, how two entities connect.

Centrality is measured on the graph with events as nodes, because a path
through an event ("NSS - raid, 2009-09 - the five men") is what an analyst
can check. The shortest path is explained step by step with the role labels
on its edges.
"""

from __future__ import annotations

import networkx as nx
from networkx.algorithms.community import greedy_modularity_communities

ACTOR_KINDS = {"Person", "Group", "Organization"}
# Where something happened says little about who is connected to whom: a
# country that is the place of forty events would join them all.
PLACE_RELATIONS = {"place", "locatedIn", "destination"}


def _undirected(G: nx.MultiDiGraph, kinds: set[str] | None = None) -> nx.Graph:
    H = nx.Graph()
    keep = sorted(n for n, d in G.nodes(data=True) if kinds is None or d["kind"] in kinds or d["cls"] == "Country")
    H.add_nodes_from(keep)
    for a, b, d in sorted(G.edges(data=True), key=lambda t: (t[0], t[1], t[2]["label"])):
        if a in H and b in H and a != b and d["relation"] not in PLACE_RELATIONS and not H.has_edge(a, b):
            H.add_edge(a, b, label=d["label"])
    return H


def actor_network(G: nx.MultiDiGraph) -> nx.Graph:
    """Actors linked when they take part in the same event; weight counts the shared events."""
    A = nx.Graph()
    for n, d in sorted(G.nodes(data=True)):
        if d["kind"] in ACTOR_KINDS or d["cls"] == "Country":
            A.add_node(n, **{k: v for k, v in d.items() if isinstance(v, (str, int, float))})
    for event in sorted(n for n, d in G.nodes(data=True) if d["kind"] == "Event"):
        actors = sorted({b for _, b, e in G.out_edges(event, data=True) if e["relation"] == "role" and b in A})
        for i, a in enumerate(actors):
            for b in actors[i + 1:]:
                if A.has_edge(a, b):
                    A[a][b]["weight"] += 1
                    A[a][b]["events"] += "; " + event
                else:
                    A.add_edge(a, b, weight=1, events=event)
    return A


def centrality(G: nx.MultiDiGraph, top: int = 10) -> list[dict]:
    """The most central actors: degree (number of links) and betweenness (how often they lie on shortest paths)."""
    H = _undirected(G, ACTOR_KINDS | {"Event", "Place", "LegalInstrument"})
    between = nx.betweenness_centrality(H, normalized=True)
    rows = []
    for n, d in G.nodes(data=True):
        if d["kind"] in ACTOR_KINDS:
            rows.append({"id": n, "label": d["label"], "class": d["class_label"], "degree": H.degree(n),
                         "betweenness": round(between.get(n, 0.0), 4)})
    rows.sort(key=lambda r: (-r["betweenness"], -r["degree"], r["id"]))
    return rows[:top]


def communities(G: nx.MultiDiGraph) -> list[list[str]]:
    """Groups of actors that share events more with each other than with the rest (greedy modularity)."""
    A = actor_network(G)
    A.remove_nodes_from([n for n in list(A.nodes) if A.degree(n) == 0])
    found = greedy_modularity_communities(A, weight="weight") if A.number_of_edges() else []
    out = [sorted(G.nodes[n]["label"] for n in c) for c in found]
    return sorted(out, key=lambda c: (-len(c), c))


def shortest_path(G: nx.MultiDiGraph, source: str, target: str) -> list[dict]:
    """The shortest chain between two entities through events, as steps with the linking labels."""
    H = _undirected(G, ACTOR_KINDS | {"Event", "LegalInstrument", "Place"})
    for end in (source, target):
        if end not in H:
            raise KeyError(end)
    try:
        path = nx.shortest_path(H, source, target)
    except nx.NetworkXNoPath:
        return []
    steps = []
    for i, n in enumerate(path):
        d = G.nodes[n]
        step = {"id": n, "label": d["label"], "class": d["class_label"]}
        if d["kind"] == "Event":
            step["date"] = d.get("date")
            step["summary"] = d.get("summary")
        if i > 0:
            step["via"] = H[path[i - 1]][n]["label"]
        steps.append(step)
    return steps


def explain(steps: list[dict]) -> str:
    """'NSS -[perpetrator or agent]- raid (2009-09) -[victim or target]- the five men'"""
    if not steps:
        return "no path"

    def name(s: dict) -> str:
        return f"{s['class']} ({s['date']})" if "date" in s else s["label"]

    return " ".join([name(steps[0])] + [f"-[{s['via']}]- {name(s)}" for s in steps[1:]])
