"""The main job: build the graph, draw its pictures, and write everything to out/.

This is the one place that combines ``graph`` (the RDF) with ``viz`` (the
pictures); ``graph`` never imports ``viz``. Every output is produced first (the
serialisations kept in a folder of the build's own, the pictures in memory),
so nothing is written to out/ unless every step has passed, and the set is
published whole (graph/write/publish.py).
"""

from __future__ import annotations

from pathlib import Path

from graph.build import BuildResult, build as build_graph
from graph.resources import DEFAULT_CORPUS, DEFAULT_OUT
from graph.write import publish, readback, serialize

TITLE = "rightsgraph: actors, events and legal instruments"
PICTURES = ("network.html", "timeline.svg")
SCREENSHOT = "network.png"


def pictures(result: BuildResult) -> dict[str, str]:
    """The network page and the timeline, drawn from the graph just built."""
    from graph.query import LocalBackend
    from viz.draw.page import page_html
    from viz.draw.timeline import render
    from viz.network import project

    kept = result.outputs.file("graph.nt")  # the N-Triples the build wrote, not written again (nor decoded)
    G = project(LocalBackend.of_text(kept.read_bytes() if kept is not None else result.outputs["graph.nt"]))
    timeline = render(G, "svg")  # drawn once: the page embeds the same picture
    return dict(zip(PICTURES, (page_html(G, TITLE, timeline_svg=timeline), timeline.decode("utf-8"))))


def build(corpus: Path = DEFAULT_CORPUS, data_dir: Path | None = None, out_dir: Path | None = DEFAULT_OUT,
          with_pictures: bool = False, screenshot: bool = False, cache: Path | None | str = "default",
          jobs: int | None = None) -> BuildResult:
    """Build; with pictures, add the network page and timeline; write to out_dir unless it is None.

    With screenshot (when Chromium is installed) a PNG of the page is saved
    too, for people who just want to look. cache is the folder of validation
    verdicts (graph/verdicts.py): "default" for the user's cache folder, None for none. jobs is how many
    processes validate reports side by side (None: every core).
    """
    from graph.verdicts import default_folder

    result = build_graph(corpus, data_dir, default_folder() if cache == "default" else cache, jobs)
    if with_pictures:
        drawn = pictures(result)
        for name, text in drawn.items():
            readback.check(name, text)
        result.outputs.update(drawn)
    if out_dir is not None:
        # Everything, the screenshot included, goes into a fresh folder that replaces out/ in one step.
        # What a build writes is never carried over from the old set (a stale picture beside a new graph);
        # anything else in out/ (a served store, review sheets) is.
        owned = {*result.outputs, *PICTURES, SCREENSHOT}
        with publish.staged(out_dir, owned) as stage:
            names = [p.name for p in serialize.write_all(result.outputs, stage)]
            if with_pictures and screenshot:
                from viz.draw.browser import chromium, screenshot as take

                if chromium() is not None:
                    names.append(take(stage / PICTURES[0], stage / SCREENSHOT).name)
        result.written = [out_dir / name for name in names]
    return result
