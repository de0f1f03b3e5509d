"""The precomputed layout: the same positions in every process, and a large component spread out, not piled up."""

import subprocess
import sys

import networkx as nx

from viz.draw.layout import LARGE, positions

LARGE_GRAPH = """
import networkx as nx
G = nx.Graph()
for i in range(1, {n}):
    G.add_edge(f"n{{i:04d}}", f"n{{(i * 7919 + 13) % i:04d}}")  # a tree: each node hangs from an earlier one
    if i % 5 == 0 and i > 2:
        G.add_edge(f"n{{i:04d}}", f"n{{i - 2:04d}}")  # and a few short cycles
"""


def large_graph(n: int) -> nx.Graph:
    scope: dict = {}
    exec(LARGE_GRAPH.format(n=n), scope)
    return scope["G"]


def test_a_large_component_is_laid_out_the_same_in_another_process():
    G = large_graph(LARGE + 100)
    assert nx.is_connected(G) and G.number_of_nodes() >= LARGE
    here = positions(G)
    code = LARGE_GRAPH.format(n=LARGE + 100) + "from viz.draw.layout import positions\nprint(sorted(positions(G).items()))"
    there = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.strip()
    assert there == str(sorted(here.items()))


def test_a_large_component_is_spread_out():
    G = large_graph(LARGE + 100)
    pos = positions(G)
    assert len(set(pos.values())) == G.number_of_nodes()  # no two nodes on one spot
    xs, ys = [p[0] for p in pos.values()], [p[1] for p in pos.values()]
    # about one node diameter (70 px) apart on average: the area grows with the node count
    assert (max(xs) - min(xs)) * (max(ys) - min(ys)) > 0.2 * G.number_of_nodes() * 70 ** 2
    # and linked nodes lie closer than unlinked ones, on average
    def dist(a, b):
        return ((pos[a][0] - pos[b][0]) ** 2 + (pos[a][1] - pos[b][1]) ** 2) ** 0.5
    linked = sum(dist(a, b) for a, b in G.edges()) / G.number_of_edges()
    nodes = sorted(G.nodes)
    pairs = [(nodes[i], nodes[(i * 31 + 17) % len(nodes)]) for i in range(len(nodes))]
    assert linked < 0.7 * sum(dist(a, b) for a, b in pairs) / len(pairs)
