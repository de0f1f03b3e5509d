"""The timeline picture: valid SVG with a lane per reporting type, the same on every render."""

import xml.etree.ElementTree as ET

from viz.network import project
from viz.draw.timeline import event_rows, main_events, render


def test_svg_has_lanes_and_is_deterministic(graph):
    G = project(graph)
    svg = render(G, "svg")
    assert svg == render(G, "svg")
    root = ET.fromstring(svg)
    text = " ".join(t.text or "" for t in root.iter("{http://www.w3.org/2000/svg}text"))
    for lane in ("Raid", "Ruling", "Detention", "Statement", "Protest"):
        assert lane in text
    assert "34 dated; 18 undated not shown" in text


def test_png(graph):
    assert render(project(graph), "png")[:8] == b"\x89PNG\r\n\x1a\n"


def test_main_events_are_well_connected(graph):
    G = project(graph)
    rows = event_rows(G)
    chosen = main_events(rows, 3)
    assert len(chosen) == 3
    assert len({r["date"][:7] for r in rows if r["id"] in chosen}) == 3
