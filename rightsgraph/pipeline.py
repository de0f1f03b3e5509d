"""The main job: build the graph, draw its pictures, and write everything to out/.

This is the one place that combines ``graph`` (the RDF) with ``viz`` (the
pictures); ``graph`` never imports ``viz``. Every output is produced in memory
first, so nothing is written unless every step has passed.
"""

from __future__ import annotations

from pathlib import Path

from graph.build import BuildResult, build as build_graph
from graph.resources import DEFAULT_CORPUS, DEFAULT_OUT
from graph.write import readback, serialize

TITLE = "rightsgraph: actors, events and legal instruments"


def pictures(result: BuildResult) -> dict[str, str]:
    """The network page and the timeline, drawn from the graph just built."""
    from viz.draw.page import page_html
    from viz.draw.timeline import render
    from viz.network import project

    G = project(result.graph)
    return {"network.html": page_html(G, TITLE), "timeline.svg": render(G, "svg").decode("utf-8")}


def build(corpus: Path = DEFAULT_CORPUS, data_dir: Path | None = None, out_dir: Path | None = DEFAULT_OUT,
          with_pictures: bool = False, screenshot: bool = False) -> BuildResult:
    """Build; with pictures, add the network page and timeline; write to out_dir unless it is None.

    With screenshot (when Chromium is installed) a PNG of the page is saved
    too, for people who just want to look.
    """
    result = build_graph(corpus, data_dir)
    if with_pictures:
        drawn = pictures(result)
        for name, text in drawn.items():
            readback.check(name, text)
        result.outputs.update(drawn)
    if out_dir is not None:
        result.written = serialize.write_all(result.outputs, out_dir)
        if with_pictures and screenshot:
            from viz.draw.browser import chromium, screenshot as take

            if chromium() is not None:
                result.written.append(take(out_dir / "network.html", out_dir / "network.png"))
    return result
