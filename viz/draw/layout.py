"""A precomputed layout, so the browser draws a still picture at once.

With physics on, vis-network needs minutes to settle a graph of a few thousand
nodes; a seeded spring layout from networkx takes seconds here and gives the
same picture on every build. A component of LARGE nodes or more is laid out by
igraph's Fruchterman-Reingold instead, built for large graphs. Each connected component is laid out on its own
and the components are packed in rows, largest first, so that a few isolated
nodes cannot squeeze the main picture into a corner.

Places and hubs do not pull: the country where forty events happened would
draw every event into one star around it. Their links are left out of the
layout (and drawn faint, or on demand, by the page), so the stories separate
into clusters; a place or hub then sits at the middle of what it links.
"""

from __future__ import annotations

import math

import networkx as nx

SEED = 20091119
SPACING = 70.0  # pixels per unit of sqrt(node count), roughly one node diameter apart
ASPECT = 1.5  # width over height of the packed page, about a screen's


LARGE = 500  # a component this big is laid out by igraph: networkx took 21 s for 2,000 nodes, igraph 0.3 s


def _large_positions(nodes: list[str], simple: nx.Graph) -> dict[str, tuple[float, float]]:
    """igraph's Fruchterman-Reingold (C, grid-accelerated), seeded with a generator of its own, in [-1, 1]."""
    import random

    import igraph

    index = {v: i for i, v in enumerate(nodes)}
    edges = sorted(tuple(sorted((index[a], index[b]))) for a, b in simple.subgraph(nodes).edges())
    graph = igraph.Graph(n=len(nodes), edges=edges)
    igraph.set_random_number_generator(random.Random(SEED))  # igraph draws from Python's random by default
    try:
        coords = graph.layout_fruchterman_reingold(niter=500).coords
    finally:
        igraph.set_random_number_generator(random)
    cx, cy = sum(x for x, _ in coords) / len(coords), sum(y for _, y in coords) / len(coords)
    reach = max(max(abs(x - cx), abs(y - cy)) for x, y in coords) or 1.0
    return {v: ((coords[i][0] - cx) / reach, (coords[i][1] - cy) / reach) for v, i in index.items()}


def _component_positions(nodes: list[str], simple: nx.Graph) -> dict[str, tuple[float, float]]:
    if len(nodes) == 1:
        return {nodes[0]: (0.0, 0.0)}
    if len(nodes) >= LARGE:
        radius = SPACING * math.sqrt(len(nodes)) * 1.3
        return {v: (x * radius, y * radius) for v, (x, y) in _large_positions(nodes, simple).items()}
    # A fresh graph in sorted order: a small subgraph *view* iterates a set, whose
    # order changes from run to run, and the layout would change with it.
    sub = nx.Graph()
    sub.add_nodes_from(nodes)
    sub.add_edges_from(sorted(tuple(sorted(e)) for e in simple.subgraph(nodes).edges()))
    n = len(nodes)
    pos = nx.spring_layout(sub, seed=SEED, iterations=200, k=1.8 / math.sqrt(n))
    radius = SPACING * math.sqrt(n) * 1.3
    return {v: (float(x) * radius, float(y) * radius) for v, (x, y) in pos.items()}


HUB_MIN_DEGREE = 15  # a node this linked, and four times the mean, is a hub


def hubs(G: nx.Graph) -> set[str]:
    """Nodes linked to so much that their links would pull the whole picture together."""
    if G.number_of_nodes() == 0:
        return set()
    mean = 2 * G.number_of_edges() / G.number_of_nodes()
    return {n for n in G.nodes if G.degree(n) >= max(HUB_MIN_DEGREE, 4 * mean)}


def faint(G: nx.MultiDiGraph) -> set[tuple[str, str, str]]:
    """The edges (a, b, key) that do not pull in the layout: links to a place, and every link of a hub."""
    big = hubs(G)
    return {(a, b, k) for a, b, k, e in G.edges(keys=True, data=True)
            if e.get("relation") == "place" or a in big or b in big}


def positions(G: nx.Graph) -> dict[str, tuple[float, float]]:
    """Pixel coordinates per node, rounded so that the page is byte-stable."""
    if G.number_of_nodes() == 0:
        return {}
    weak = faint(G) if G.is_multigraph() else set()
    simple = nx.Graph()
    simple.add_nodes_from(sorted(G.nodes))
    simple.add_edges_from(sorted((a, b) for a, b, k in G.edges(keys=True) if a != b and (a, b, k) not in weak)
                          if G.is_multigraph() else sorted((a, b) for a, b in G.edges() if a != b))
    # A node held only by faint links (a place, a hub) is placed afterwards, at the middle of what it links.
    weak_links: dict[str, set[str]] = {}
    for a, b, _ in weak:
        weak_links.setdefault(a, set()).add(b)
        weak_links.setdefault(b, set()).add(a)
    anchored = {n for n in simple.nodes if simple.degree(n) == 0 and n in weak_links}
    simple.remove_nodes_from(sorted(anchored))
    if simple.number_of_nodes() == 0:
        simple.add_nodes_from(sorted(anchored))
        anchored = set()
    components = sorted((sorted(c) for c in nx.connected_components(simple)), key=lambda c: (-len(c), c[0]))
    # Every component laid out on its own, then packed in rows, largest first, into a page about as wide as a
    # screen (ASPECT): a column of small clusters would be zoomed out until nothing can be read.
    laid = []
    for comp in components:
        local = _component_positions(comp, simple)
        cx, cy = [p[0] for p in local.values()], [p[1] for p in local.values()]
        laid.append((local, min(cx), min(cy), max(cx) - min(cx) + SPACING * 2.5, max(cy) - min(cy) + SPACING * 1.5))
    width = max(max(w for *_, w, _ in laid), math.sqrt(sum(w * h for *_, w, h in laid) * ASPECT))
    out: dict[str, tuple[float, float]] = {}
    cursor_x = cursor_y = row_height = 0.0
    for local, x0, y0, w, h in laid:
        if cursor_x > 0 and cursor_x + w > width:
            cursor_x, cursor_y, row_height = 0.0, cursor_y + row_height, 0.0
        for v, (x, y) in local.items():
            out[v] = (cursor_x + x - x0, cursor_y + y - y0)
        cursor_x += w
        row_height = max(row_height, h)
    xs, ys = [p[0] for p in out.values()], [p[1] for p in out.values()]
    for k, v in enumerate(sorted(anchored)):
        linked = sorted(weak_links[v] - anchored)
        xs_, ys_ = [out[m][0] for m in linked if m in out], [out[m][1] for m in linked if m in out]
        cx, cy = (sum(xs_) / len(xs_), sum(ys_) / len(ys_)) if xs_ else (min(xs), max(ys) + SPACING)
        angle = 2.399963 * k  # golden angle: anchored nodes at one middle do not sit on each other
        out[v] = (cx + SPACING * 0.6 * math.cos(angle), cy + SPACING * 0.6 * math.sin(angle))
    return {v: (round(x, 1), round(y, 1)) for v, (x, y) in sorted(out.items())}
