"""How long a large network takes: layout, page, and Chromium's first draw with physics off."""

from __future__ import annotations

import argparse
import random
import tempfile
import time
import tracemalloc
from pathlib import Path

import networkx as nx

from viz.draw.layout import positions
from viz.draw.page import page_html

ROLES = ["perpetrator or agent", "victim or target", "decision-maker", "speaker", "subject"]
KINDS = [("Person", "person"), ("Group", "group"), ("Organization", "organisation"), ("Place", "place")]


def synthetic(nodes: int, seed: int = 7) -> nx.MultiDiGraph:
    rng = random.Random(seed)
    G = nx.MultiDiGraph()
    events = nodes // 2
    actors = nodes - events
    for i in range(actors):
        kind, label = KINDS[i % len(KINDS)]
        G.add_node(f"a{i}", label=f"Actor {i}", kind=kind, kind_label=label, cls=kind, class_label=label)
    for i in range(events):
        year = rng.randint(2008, 2022)
        G.add_node(f"e{i}", label=f"Event {i}", kind="Event", kind_label="event", cls="Raid", class_label="raid",
                   date=str(year), year=year, event_type="Raid", summary=f"Synthetic event {i}", rights=[])
        for _ in range(rng.randint(1, 4)):
            G.add_edge(f"e{i}", f"a{rng.randrange(actors)}", label=rng.choice(ROLES), relation="role")
    return G


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--nodes", type=int, default=2000)
    args = parser.parse_args()
    G = synthetic(args.nodes)
    tracemalloc.start()
    t = time.perf_counter()
    positions(G)
    print(f"layout of {G.number_of_nodes()} nodes, {G.number_of_edges()} edges: {time.perf_counter() - t:.2f} s")
    t = time.perf_counter()
    html = page_html(G, "benchmark", with_timeline=False)
    print(f"page (includes a second layout): {time.perf_counter() - t:.2f} s, {len(html) / 2**20:.1f} MiB")
    print(f"peak traced memory: {tracemalloc.get_traced_memory()[1] / 2**20:.1f} MiB")
    seconds = first_draw_seconds(html)
    if seconds is None:
        print("no Chromium (or selenium): browser timing skipped")
    else:
        print(f"Chromium: loaded and first drawn in {seconds:.2f} s")


def first_draw_seconds(html: str) -> float | None:
    """Seconds from opening the page in headless Chromium until it says it has drawn; None without Chromium."""
    try:
        from selenium import webdriver
        from selenium.webdriver.chrome.service import Service
        from selenium.webdriver.support.ui import WebDriverWait

        from viz.draw.browser import FLAGS, chromium
    except ImportError:
        return None
    if chromium() is None:
        return None
    with tempfile.TemporaryDirectory() as tmp:
        page = Path(tmp) / "bench.html"
        page.write_text(html, encoding="utf-8")
        options = webdriver.ChromeOptions()
        for flag in FLAGS:
            options.add_argument(flag)
        driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
        try:
            t = time.perf_counter()
            driver.get(page.as_uri())
            WebDriverWait(driver, 300).until(lambda d: d.execute_script("return document.body.dataset.drawn === 'yes'"))
            return time.perf_counter() - t
        finally:
            driver.quit()

if __name__ == "__main__":
    main()
