"""The timeline picture: valid SVG with a lane per reporting type, the same on every render."""

import xml.etree.ElementTree as ET

from viz.network import project
from viz.draw.timeline import event_rows, main_events, render


def test_svg_has_lanes_and_is_the_same_in_another_process(graph, built):
    """Rendered here and in a fresh interpreter with another hash seed: the same bytes."""
    import os
    import subprocess
    import sys

    from tests.paths import ROOT

    G = project(graph)
    svg = render(G, "svg")
    script = ("import sys; from rdflib import Graph; from viz.network import project; from viz.draw.timeline import render;"
              "sys.stdout.buffer.write(render(project(Graph().parse(sys.argv[1])), 'svg'))")
    other = subprocess.run([sys.executable, "-c", script, str(built.written[0].parent / "graph.ttl")], cwd=ROOT,
                           capture_output=True, env={**os.environ, "PYTHONHASHSEED": "12345"})
    assert other.returncode == 0, other.stderr
    assert other.stdout == svg
    root = ET.fromstring(svg)
    text = " ".join(t.text or "" for t in root.iter("{http://www.w3.org/2000/svg}text"))
    for lane in ("Raid", "Ruling", "Detention", "Statement", "Protest"):
        assert lane in text
    dated = sum(1 for _, d in G.nodes(data=True) if d["kind"] == "Event" and d.get("date") not in (None, "undated"))
    undated = sum(1 for _, d in G.nodes(data=True) if d["kind"] == "Event") - dated
    assert f"{dated} dated; {undated} undated not shown" in text


def test_png(graph):
    assert render(project(graph), "png")[:8] == b"\x89PNG\r\n\x1a\n"


def test_main_events_are_well_connected(graph):
    G = project(graph)
    rows = event_rows(G)
    chosen = main_events(rows, 3)
    assert len(chosen) == 3
    assert len({r["date"][:7] for r in rows if r["id"] in chosen}) == 3


def test_alleged_events_are_marked_in_the_timeline(graph):
    G = project(graph)
    rows = event_rows(G)
    assert {r["claim"] for r in rows if r["id"] == "rgd:event/almaty-ill-treatment"} == {"Alleged"}
    root = ET.fromstring(render(G, "svg"))
    text = " ".join(t.text or "" for t in root.iter("{http://www.w3.org/2000/svg}text"))
    assert "alleged, threatened or hypothetical" in text and "reported or established" in text


def test_lanes_are_named_by_their_labels_not_notations(graph):
    root = ET.fromstring(render(project(graph), "svg"))
    text = " ".join(t.text or "" for t in root.iter("{http://www.w3.org/2000/svg}text"))
    assert "Torture or ill-treatment" in text and "Transfer across a border" in text
    assert "IllTreatment" not in text and "LegislativeAction" not in text


def test_close_events_of_one_lane_are_stacked_not_merged(graph):
    """The January 2022 statements are days apart on a fifteen-year axis: each gets its own height."""
    from viz.draw.timeline import stacked

    G = project(graph)
    rows = event_rows(G)
    lanes = sorted({r["type"] for r in rows})
    height = stacked(rows, lanes, span_days=5000)
    january = [r["id"] for r in rows if r["type"] == "Statement" and r["date"].startswith("2022-01")]
    assert len(january) >= 3 and len({height[i] for i in january}) == len(january)
    lane = lanes.index("Statement")
    assert all(abs(height[i] - lane) < 0.5 for i in january)  # still inside their lane
    alone = [r["id"] for r in rows if r["type"] == "Protest"]
    assert [height[i] for i in alone] == [lanes.index("Protest")]


def test_annotations_do_not_overlap(graph):
    """adjustText moves the labels apart; their boxes in the drawn figure do not intersect."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    from viz.draw import timeline

    captured = {}
    real = plt.close

    def keep(fig=None):
        captured["fig"] = fig
    plt.close = keep
    try:
        timeline.render(project(graph), "png")
    finally:
        plt.close = real
    fig = captured["fig"]
    renderer = fig.canvas.get_renderer()
    ax = fig.axes[0]
    boxes = [t.get_window_extent(renderer) for t in ax.texts]
    assert len(boxes) >= 8
    for i, a in enumerate(boxes):
        for b in boxes[i + 1:]:
            assert not a.overlaps(b), (a, b)
    real(fig)
