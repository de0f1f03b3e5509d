"""The self-contained network page: pyvis builds the nodes and edges, our template draws them.

pyvis's own template loads Bootstrap from a CDN even with inline resources,
and it puts titles into innerHTML. So pyvis only assembles the network data
here. The page is our template with vis-network inlined from the pyvis
package. Every string from the data travels as JSON inside a script element,
with <, > and & escaped, and the page writes it with textContent. A label
such as ``<img onerror=...>`` therefore shows as text and never runs.
"""

from __future__ import annotations

import base64
import math
from pathlib import Path

import networkx as nx
from pyvis.network import Network

from graph.resources import template
from graph.write.serialize import embed_json, fill_template
from viz.draw.layout import faint, hubs, positions
from viz.network import KINDS, within_budget
from viz.draw.timeline import event_rows, render

STYLE = {
    "Event": ("#e76f51", "diamond"),
    "LegalInstrument": ("#f4a261", "hexagon"),
    "Person": ("#457b9d", "dot"),
    "Group": ("#2a9d8f", "triangle"),
    "Organization": ("#1d3557", "square"),
    "Place": ("#8d99ae", "star"),
}
SWATCH = {"diamond": "diamond", "hexagon": "hexagon", "dot": "dot", "triangle": "triangle", "square": "box", "star": "star"}
MAX_LABEL = 40


NODE_BUDGET = 2000  # past this many nodes the page draws the most connected part and says what it left out
LABEL_COLOUR = "#1d2330"
FAINT = {"color": {"color": "#cfd5df", "opacity": 0.6}, "width": 0.6, "hidden": True}


def node_label(d: dict) -> str:
    """The node's label from the graph (an event's names its type, first party and date), cut for the canvas."""
    text = d["label"]
    return text if len(text) <= MAX_LABEL else text[:MAX_LABEL - 1].rstrip() + "…"


def font_size(degree: int, top: int) -> int:
    """On-screen label size in pixels, bigger for more connected nodes; the page keeps it whatever the zoom."""
    return 10 + round(6 * math.sqrt(degree / top)) if top else 10


# How a role edge shows what kind of claim its event is: an allegation is never drawn like a fact.
UNSURE = {"Alleged", "Threatened", "Prospective"}  # rg:ClaimStatus local names
EDGE_LEGEND = [
    {"label": "reported or established", "dashes": False, "color": "#9aa5b8"},
    {"label": "alleged, threatened or hypothetical", "dashes": True, "color": "#9aa5b8"},
    {"label": "denied by a party", "dashes": True, "color": "#c0392b"},
]


def edge_style(e: dict) -> dict:
    """Dashed for an alleged, threatened or hypothetical event; red and dashed when a party denies it."""
    if e.get("denied_by"):
        return {"dashes": True, "color": EDGE_LEGEND[2]["color"]}
    if e.get("claim") in UNSURE:
        return {"dashes": True}
    return {}


def vis_network_js() -> str:
    import pyvis

    path = Path(pyvis.__file__).parent / "templates" / "lib" / "vis-9.1.2" / "vis-network.min.js"
    return path.read_text(encoding="utf-8").replace("</script", "<\\/script")


def _details(G: nx.MultiDiGraph, n: str) -> dict:
    d = G.nodes[n]
    out = {k: d[k] for k in ("date", "summary", "status", "accounts", "denied_by", "rights", "aliases", "comment", "quote", "evidence",
                             "links") if d.get(k)}
    roles = []
    for _, other, e in G.out_edges(n, data=True):
        roles.append(f"{e['label']}: {G.nodes[other]['label']}")
    for other, _, e in G.in_edges(n, data=True):
        roles.append(f"{e['label']} of {G.nodes[other]['label']}")
    out["roles"] = sorted(roles)
    return out


def build_network(G: nx.MultiDiGraph) -> Network:
    """The pyvis network: fixed positions, physics off, colour and shape by class, size and label by degree.

    Edge labels travel as fullLabel and show when an end is selected: forty
    role names at once are noise. Links to places and hubs are faint and
    hidden until asked for (layout.faint).
    """
    net = Network(directed=True, cdn_resources="in_line")
    pos = positions(G)
    weak = faint(G)
    top = max((G.degree(n) for n in G.nodes), default=0)
    for n in sorted(G.nodes):
        d = G.nodes[n]
        colour, shape = STYLE[d["kind"]]
        x, y = pos[n]
        label = node_label(d)
        net.add_node(n, label=label, shortLabel=label, fullLabel=d["label"], shape=shape, color=colour,
                     size=round(8 + 4 * math.sqrt(G.degree(n)), 1), x=x, y=y, physics=False,
                     font={"size": font_size(G.degree(n), top), "color": LABEL_COLOUR}, labelPx=font_size(G.degree(n), top),
                     importance=G.degree(n) / (2 if d["kind"] == "Event" else 1), kind=d["kind"], classLabel=d["class_label"], eventType=d.get("event_type"),
                     year=d.get("year"), rights=d.get("rights", []), aliases=d.get("aliases", []))
    for k, (a, b, key, e) in enumerate(sorted(G.edges(keys=True, data=True), key=lambda t: (t[0], t[1], t[2]))):
        style = dict(FAINT) if (a, b, key) in weak else edge_style(e)
        net.add_edge(a, b, fullLabel=e["label"], id=f"e{k}", relation=e["relation"], claim=e.get("claim", ""),
                     faint=(a, b, key) in weak, **style)
    return net


def page_html(G: nx.MultiDiGraph, title: str, with_timeline: bool = True, budget: int = NODE_BUDGET,
              timeline_svg: bytes | None = None) -> str:
    """The page; timeline_svg, when the caller drew the timeline already, saves drawing it twice."""
    total = G.number_of_nodes()
    G, omitted = within_budget(G, budget)
    net = build_network(G)
    nodes, edges, *_ = net.get_network_data()
    for node in nodes:
        node.pop("title", None)  # no HTML tooltips: details go to the side panel as text
    counts = {k: sum(1 for _, d in G.nodes(data=True) if d["kind"] == k) for k in KINDS}
    legend = [{"kind": k, "label": next((d["kind_label"] for _, d in G.nodes(data=True) if d["kind"] == k), k),
               "color": STYLE[k][0], "shape": SWATCH[STYLE[k][1]], "count": counts[k]} for k in KINDS if counts[k]]
    years = sorted(d["year"] for _, d in G.nodes(data=True) if d.get("year"))
    types = sorted({(d["event_type"], d.get("event_type_label", d["event_type"])) for _, d in G.nodes(data=True)
                    if d.get("event_type")}, key=lambda t: t[1])
    rights = sorted({r for _, d in G.nodes(data=True) for r in d.get("rights", [])})
    data = {
        "title": title,
        "nodes": nodes,
        "edges": edges,
        "details": {n: _details(G, n) for n in sorted(G.nodes)},
        "legend": legend,
        "edgeLegend": EDGE_LEGEND if any(e.get("claim") for *_, e in G.edges(data=True)) else [],
        "faintEdges": sum(1 for e in edges if e.get("faint")),
        "hubs": [G.nodes[n]["label"] for n in sorted(hubs(G), key=lambda n: (-G.degree(n), G.nodes[n]["label"], n))],
        "total": total,
        "omitted": omitted,
        "eventTypes": [{"value": t, "label": label} for t, label in types],
        "rights": rights,
        "years": [years[0], years[-1]] if years else [None, None],
        "timeline": [{"id": r["id"], "date": r["date"], "label": r["summary"] or r["label"]} for r in event_rows(G)],
        "timelineSvg": (base64.b64encode(timeline_svg if timeline_svg is not None else render(G, "svg")).decode()
                        if with_timeline and event_rows(G) else None),
    }
    return fill_template(template("viz.draw", "network.html"), {"DATA": embed_json(data), "VIS": vis_network_js()})
