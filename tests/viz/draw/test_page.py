"""The network page works offline, escapes everything, and really draws in Chromium."""

import re

import pytest
from rdflib import Graph

from tests.paths import FIXTURES
from graph.model.ontology import load_ontology
from viz.network import project
from viz.draw.page import page_html

FIXTURE = FIXTURES / "viz" / "hostile.ttl"


@pytest.fixture(scope="module")
def page(built):
    return built.written[0].parent / "network.html"


def test_no_remote_script_or_stylesheet(page):
    html = page.read_text()
    assert not re.search(r"<script[^>]+src\s*=", html, re.I)
    assert not re.search(r"<link[^>]+href\s*=\s*[\"']?https?:", html, re.I)
    assert not re.search(r"@import|url\(\s*[\"']?https?:", html, re.I)
    assert "cdn.jsdelivr" not in html and "cdnjs" not in html and "unpkg" not in html


def test_physics_off_and_positions_precomputed(page):
    html = page.read_text()
    assert "physics: false" in html
    nodes = re.findall(r'"x": -?\d', html)
    assert len(nodes) >= 120


@pytest.fixture(scope="module")
def hostile_page(tmp_path_factory):
    g = Graph()
    for t in load_ontology():
        g.add(t)
    g.parse(FIXTURE)
    html = page_html(project(g), "<script>document.body.dataset.pwned='title'</script>")
    path = tmp_path_factory.mktemp("hostile") / "page.html"
    path.write_text(html)
    return path


def test_hostile_strings_never_appear_raw(hostile_page):
    html = hostile_page.read_text()
    data = html.split('id="data">', 1)[1].split("</script>", 1)[0]
    assert "<" not in data and ">" not in data
    assert "document.body.dataset.pwned" in data  # still there, as escaped text


def browser_errors(driver):
    return [e for e in driver.get_log("browser") if e["level"] == "SEVERE"]


def open_page(driver, url):
    driver.get("about:blank")
    driver.get(url)
    wait_ready(driver)


def wait_ready(driver):
    from selenium.webdriver.support.ui import WebDriverWait

    WebDriverWait(driver, 30).until(lambda d: d.execute_script("return document.body.dataset.ready === 'yes' && document.body.dataset.drawn !== undefined"))


def test_page_draws_and_search_narrows(driver, page):
    from selenium.webdriver.common.by import By

    open_page(driver, page.resolve().as_uri())
    assert driver.execute_script("return document.body.dataset.drawn") == "yes"
    assert int(driver.execute_script("return document.body.dataset.painted")) > 50
    legend = driver.find_elements(By.CSS_SELECTOR, "#classes input.kind")
    assert len(legend) == 6
    for control in ("search", "etype", "right", "yfrom", "yto", "focus", "hops", "focusbtn", "reset"):
        assert driver.find_element(By.ID, control).is_displayed()
    total = int(driver.execute_script("return document.body.dataset.visible"))
    driver.find_element(By.ID, "search").send_keys("NSS")
    narrowed = int(driver.execute_script("return document.body.dataset.visible"))
    assert 0 < narrowed < total
    assert driver.find_element(By.ID, "status").text == f"Showing {narrowed} of {total} nodes"
    driver.find_element(By.ID, "reset").click()
    assert int(driver.execute_script("return document.body.dataset.visible")) == total
    assert driver.execute_script("return window.rgErrors") == []
    assert browser_errors(driver) == []


def test_focus_and_side_panel(driver, page):
    from selenium.webdriver.common.by import By

    open_page(driver, page.resolve().as_uri() + "#focus=rgd:entity/nss&hops=1")
    visible = int(driver.execute_script("return document.body.dataset.visible"))
    assert 5 < visible < 40
    panel = driver.find_element(By.ID, "panel").text
    assert "National Security Service of Kazakhstan" in panel
    assert "Also called" in panel and "NSS" in panel
    assert "kazakhstan-annual-report-2010.txt, characters" in panel
    assert browser_errors(driver) == []


def test_external_links_in_panel(driver, page):
    from selenium.webdriver.common.by import By

    open_page(driver, page.resolve().as_uri() + "#focus=rgd:entity/kazakhstan")
    links = driver.find_elements(By.CSS_SELECTOR, "#panel a")
    assert [a.get_attribute("href") for a in links] == ["https://www.wikidata.org/wiki/Q232"]


def test_hostile_labels_show_as_text_and_never_run(driver, hostile_page):
    from selenium.webdriver.common.by import By

    open_page(driver, hostile_page.resolve().as_uri() + "#focus=rgd:entity/evil")
    assert driver.execute_script("return document.body.dataset.pwned") is None
    heading = driver.find_element(By.CSS_SELECTOR, "#panel h2").text
    assert heading == "<img src=x onerror=\"document.body.dataset.pwned='label'\">"
    assert driver.find_elements(By.CSS_SELECTOR, "#panel img, #panel script, #panel svg") == []
    assert driver.find_element(By.ID, "title").text.startswith("<script>")
    open_page(driver, hostile_page.resolve().as_uri() + "#focus=rgd:event/evil-event")
    assert driver.execute_script("return document.body.dataset.pwned") is None
    assert "<svg onload" in driver.find_element(By.ID, "panel").text


def test_screenshot_kept_with_the_build(built):
    from viz.draw.browser import chromium

    if chromium() is None:
        pytest.skip("no Chromium")
    png = built.written[0].parent / "network.png"
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and png.stat().st_size > 20_000


def test_alleged_and_denied_edges_are_drawn_differently(graph):
    """Dashed for an allegation, red and dashed for a denied one, solid otherwise; the legend explains the lines."""
    import json as _json

    html = page_html(project(graph), "t")
    data = _json.loads(html.split('id="data">', 1)[1].split("</script>", 1)[0].replace("\\u003c", "<"))
    by_event = {}
    for e in data["edges"]:
        by_event.setdefault(e["from"], []).append(e)
    denied = by_event["rgd:event/almaty-ill-treatment"]
    assert all(e.get("dashes") and e.get("color") == "#c0392b" for e in denied if e["relation"] == "role")
    threat = [e for e in by_event["rgd:event/almaty-extradition-threat"] if e["relation"] == "role"]
    assert threat and all(e.get("dashes") and "color" not in e for e in threat)
    sentencing = [e for e in by_event["rgd:event/tian-evloev-sentencing"] if e["relation"] == "role"]
    assert sentencing and not any(e.get("dashes") for e in sentencing)
    assert [item["label"] for item in data["edgeLegend"]] == [
        "reported or established", "alleged, threatened or hypothetical", "denied by a party"]


SHOTS = ("full", ""), ("search", "#search=NSS"), ("filter", "#type=IllTreatment"), ("focus", "#focus=rgd:entity/nss&hops=1")


def screenshot_dir():
    """Where the tests keep their screenshots, as build artefacts (build/ is not in git)."""
    from tests.paths import ROOT

    target = ROOT / "build" / "screenshots"
    target.mkdir(parents=True, exist_ok=True)
    return target


def labels_apart(driver) -> int:
    """How many labels are drawn, after checking that no two of them overlap on screen."""
    boxes = driver.execute_script("return window.rgLabelBoxes")
    for i, a in enumerate(boxes):
        for b in boxes[i + 1:]:
            assert not (a["x1"] < b["x2"] and a["x2"] > b["x1"] and a["y1"] < b["y2"] and a["y2"] > b["y1"]), (a, b)
    return len(boxes)


@pytest.mark.parametrize("name, view", SHOTS)
def test_each_view_is_legible_and_kept_as_a_screenshot(driver, page, name, view):
    """Full page, a search, a filter and a focus, at 1400x900: labels drawn, none on another, the view fitted."""
    from selenium.webdriver.common.by import By

    open_page(driver, page.resolve().as_uri() + view)
    assert labels_apart(driver) >= (12 if name == "full" else 3)
    png = screenshot_dir() / f"network-{name}.png"
    driver.save_screenshot(str(png))
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and png.stat().st_size > 20_000
    if name == "full":
        # links to the hub (Kazakhstan) and to places are hidden until asked for, so they cannot make a star
        assert "Kazakhstan" in driver.find_element(By.ID, "lines").text
    assert browser_errors(driver) == []


def test_a_search_zooms_in_on_what_it_finds(driver, page):
    from selenium.webdriver.common.by import By

    open_page(driver, page.resolve().as_uri())
    whole = float(driver.execute_script("return document.body.dataset.scale"))
    box = driver.find_element(By.ID, "search")
    box.send_keys("Evloev")
    found = int(driver.execute_script("return document.body.dataset.visible"))
    assert 0 < found < 20 and labels_apart(driver) >= 2
    assert float(driver.execute_script("return document.body.dataset.scale")) > 1.5 * whole  # zoomed in to fit


def test_event_types_are_named_by_their_labels(graph):
    import json as _json

    html = page_html(project(graph), "t")
    data = _json.loads(html.split('id="data">', 1)[1].split("</script>", 1)[0].replace("\\u003c", "<"))
    labels = {t["value"]: t["label"] for t in data["eventTypes"]}
    assert labels["IllTreatment"] == "torture or ill-treatment" and labels["Transfer"] == "transfer across a border"


def test_past_the_node_budget_the_page_keeps_the_most_connected_part_and_says_so(graph):
    """Grown from the most connected node: one connected picture with events between the actors, not a grid of
    the highest-degree actors with no edge among them (what 2,000 of a million statements looked like)."""
    import json as _json

    import networkx as nx

    G = project(graph)
    html = page_html(G, "t", budget=20)
    data = _json.loads(html.split('id="data">', 1)[1].split("</script>", 1)[0].replace("\\u003c", "<"))
    assert len(data["nodes"]) == 20 and data["omitted"] == G.number_of_nodes() - 20 and data["total"] == G.number_of_nodes()
    kept = {n["id"] for n in data["nodes"]}
    assert {"rgd:entity/kazakhstan", "rgd:entity/nss"} <= kept
    assert {n for n in kept if n.startswith("rgd:event/")} and len(data["edges"]) >= 19
    assert nx.is_connected(G.subgraph(kept).to_undirected())
    assert "left out" in html  # the status line says what the page left out


def test_a_query_view_draws_who_did_what_to_whom(driver, built, tmp_path):
    """`viz --query torture_allegations`: the alleged perpetrators and victims with their edges, kept as a screenshot."""
    from viz.views import select

    G, title = select(built.written[0].parent / "graph.ttl", query="torture_allegations")
    assert {"rgd:entity/nss", "rgd:entity/almaty-five", "rgd:entity/tian", "rgd:entity/evloev"} <= set(G.nodes)
    roles = {(a, b) for a, b, e in G.edges(data=True) if e["relation"] == "role"}
    assert ("rgd:event/almaty-ill-treatment", "rgd:entity/nss") in roles
    assert ("rgd:event/almaty-ill-treatment", "rgd:entity/almaty-five") in roles
    path = tmp_path / "query.html"
    path.write_text(page_html(G, title))
    open_page(driver, path.resolve().as_uri())
    assert labels_apart(driver) >= 8
    png = screenshot_dir() / "network-query.png"
    driver.save_screenshot(str(png))
    assert png.stat().st_size > 20_000 and browser_errors(driver) == []
