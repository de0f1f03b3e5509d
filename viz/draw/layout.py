"""A precomputed layout, so the browser draws a still picture at once.

With physics on, vis-network needs minutes to settle a graph of a few thousand
nodes; a seeded spring layout from networkx takes seconds here and gives the
same picture on every build. Each connected component is laid out on its own
and the components are packed in rows, largest first, so that a few isolated
nodes cannot squeeze the main picture into a corner.
"""

from __future__ import annotations

import math

import networkx as nx

SEED = 20091119
SPACING = 70.0  # pixels per unit of sqrt(node count), roughly one node diameter apart


def _component_positions(nodes: list[str], simple: nx.Graph) -> dict[str, tuple[float, float]]:
    if len(nodes) == 1:
        return {nodes[0]: (0.0, 0.0)}
    # A fresh graph in sorted order: a small subgraph *view* iterates a set, whose
    # order changes from run to run, and the layout would change with it.
    sub = nx.Graph()
    sub.add_nodes_from(nodes)
    sub.add_edges_from(sorted(tuple(sorted(e)) for e in simple.subgraph(nodes).edges()))
    n = len(nodes)
    pos = nx.spring_layout(sub, seed=SEED, iterations=200 if n < 500 else 60, k=1.8 / math.sqrt(n))
    radius = SPACING * math.sqrt(n) * 0.9
    return {v: (float(x) * radius, float(y) * radius) for v, (x, y) in pos.items()}


def positions(G: nx.Graph) -> dict[str, tuple[float, float]]:
    """Pixel coordinates per node, rounded so that the page is byte-stable."""
    if G.number_of_nodes() == 0:
        return {}
    simple = nx.Graph()
    simple.add_nodes_from(sorted(G.nodes))
    simple.add_edges_from(sorted((a, b) for a, b in G.to_undirected(as_view=True).edges() if a != b))
    components = sorted((sorted(c) for c in nx.connected_components(simple)), key=lambda c: (-len(c), c[0]))
    main = _component_positions(components[0], simple)
    xs = [p[0] for p in main.values()] or [0.0]
    ys = [p[1] for p in main.values()] or [0.0]
    width = max(max(xs) - min(xs), 400.0)
    out = dict(main)
    # The rest go in rows under the main component.
    cursor_x, cursor_y, row_height = min(xs), max(ys) + SPACING * 2, 0.0
    for comp in components[1:]:
        local = _component_positions(comp, simple)
        cx = [p[0] for p in local.values()]
        cy = [p[1] for p in local.values()]
        w, h = max(cx) - min(cx) + SPACING * 2.5, max(cy) - min(cy) + SPACING * 1.5
        if cursor_x + w > min(xs) + width:
            cursor_x, cursor_y, row_height = min(xs), cursor_y + row_height, 0.0
        for v, (x, y) in local.items():
            out[v] = (cursor_x + x - min(cx), cursor_y + y - min(cy))
        cursor_x += w
        row_height = max(row_height, h)
    return {v: (round(x, 1), round(y, 1)) for v, (x, y) in sorted(out.items())}
