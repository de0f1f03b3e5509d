"""Exports for Gephi, Cytoscape and spreadsheets: GraphML, GEXF, CSV, Cytoscape JSON.

GraphML and GEXF take only scalar attributes, so lists are joined with '; '
and missing values are left out rather than written as 'None'. Every event
node keeps its claim status and who denies it, and every role edge its
event's claim status (``claim``), so an allegation never reaches a
spreadsheet or Gephi looking like a fact.
"""

from __future__ import annotations

import io
import json
import re

import networkx as nx

from graph.write.serialize import csv_rows
from viz.analysis import actor_network

SCALAR_KEYS = ("label", "kind", "class_label", "cls", "iri", "date", "year", "event_type", "status", "claim", "summary",
               "comment")


# Characters XML 1.0 cannot carry at all (controls other than tab and line breaks, U+FFFE/U+FFFF).
XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _xml_safe(value):
    return XML_ILLEGAL.sub("\ufffd", value) if isinstance(value, str) else value


def flat(G: nx.Graph) -> nx.Graph:
    """A copy with only scalar attributes, as the XML formats require; characters XML cannot hold become U+FFFD."""
    H = nx.MultiDiGraph() if G.is_multigraph() else nx.Graph()
    for n, d in sorted(G.nodes(data=True)):
        attrs = {k: _xml_safe(d[k]) for k in SCALAR_KEYS if d.get(k) not in (None, "")}
        if d.get("rights"):
            attrs["rights"] = "; ".join(d["rights"])
        for key in ("denied_by", "accounts"):
            if d.get(key):
                attrs[key] = _xml_safe("; ".join(d[key]))
        if d.get("links"):
            attrs["external_ids"] = "; ".join(f"{l['scheme']}:{l['id']}" for l in d["links"])
        H.add_node(n, **attrs)
    edges = G.edges(keys=True, data=True) if G.is_multigraph() else G.edges(data=True)
    for e in sorted(edges, key=lambda t: tuple(str(x) for x in t[:-1])):
        data = {k: _xml_safe(v) for k, v in e[-1].items() if isinstance(v, (str, int, float)) and v != ""}
        if G.is_multigraph():
            H.add_edge(e[0], e[1], key=e[2], **data)
        else:
            H.add_edge(e[0], e[1], **data)
    return H


def network(G: nx.MultiDiGraph, which: str) -> nx.Graph:
    return actor_network(G) if which == "actors" else G


def to_graphml(G: nx.Graph) -> str:
    return "\n".join(nx.generate_graphml(flat(G))) + "\n"


def to_gexf(G: nx.Graph) -> str:
    buf = io.BytesIO()
    nx.write_gexf(flat(G), buf)
    return buf.getvalue().decode("utf-8")


def to_csv(G: nx.Graph) -> tuple[str, str]:
    """(nodes.csv, edges.csv)"""
    H = flat(G)
    node_keys = sorted({k for _, d in H.nodes(data=True) for k in d})
    nodes = csv_rows(["id", *node_keys], ([n, *[d.get(k, "") for k in node_keys]] for n, d in H.nodes(data=True)))
    edge_keys = sorted({k for *_, d in H.edges(data=True) for k in d})
    edges = csv_rows(["source", "target", *edge_keys],
                     ([a, b, *[d.get(k, "") for k in edge_keys]] for a, b, d in H.edges(data=True)))
    return nodes, edges


def to_cytoscape(G: nx.Graph) -> str:
    data = nx.cytoscape_data(flat(G))
    return json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True) + "\n"
