"""The real Oxigraph server on a free loopback port: standard protocol, read-only, limits reported."""

import json
import re
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request

import pytest
from SPARQLWrapper import CSV, JSON, SPARQLWrapper

from graph.query.endpoint import free_port, start_server, write_query_page
from graph.write.serialize import embed_json
from graph.errors import BuildError
from tests.paths import ROOT
from graph.query import EndpointBackend, LocalBackend, library, run_query, run_text
from rdflib import URIRef

from tests.graph.query.shared import PARAMS, normalise



@pytest.fixture(scope="module")
def trig(built):
    return built.written[0].parent / "graph.trig"


@pytest.fixture(scope="module")
def server(trig, tmp_path_factory):
    srv = start_server(trig, port=free_port(), timeout_s=2, store_dir=tmp_path_factory.mktemp("store") / "db")
    yield srv
    srv.stop()


def get(url, accept):
    req = urllib.request.Request(url, headers={"Accept": accept})
    with urllib.request.urlopen(req, timeout=10) as resp:
        return resp.headers.get("Content-Type"), resp.read().decode()


def test_sparqlwrapper_select(server):
    client = SPARQLWrapper(server.query_url)
    client.setQuery("""PREFIX rg: <https://w3id.org/rightsgraph/ontology#>
        PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
        SELECT ?label WHERE { ?t rg:holder/rdfs:label ?label ; rg:office/rdfs:label "President of Kazakhstan"@en }
        ORDER BY ?label""")
    client.setReturnFormat(JSON)
    labels = [b["label"]["value"] for b in client.queryAndConvert()["results"]["bindings"]]
    assert labels == ["Kassym-Jomart Tokayev", "Nursultan Nazarbaev"]
    client.setReturnFormat(CSV)
    assert client.queryAndConvert().decode().splitlines()[0] == "label"


@pytest.mark.parametrize("accept, expected", [
    ("application/sparql-results+json", "application/sparql-results+json"),
    ("application/sparql-results+xml", "application/sparql-results+xml"),
    ("text/csv", "text/csv"),
    ("text/tab-separated-values", "text/tab-separated-values"),
])
def test_content_negotiation_for_select(server, accept, expected):
    query = urllib.parse.quote("SELECT ?s WHERE { ?s a <https://w3id.org/rightsgraph/ontology#Raid> } ORDER BY ?s")
    ctype, body = get(f"{server.query_url}?query={query}", accept)
    assert ctype.startswith(expected)
    assert "almaty-raid" in body and "semey-raids" in body


def test_turtle_for_construct(server):
    query = urllib.parse.quote("CONSTRUCT { ?s a ?t } WHERE { ?s a ?t FILTER(?t = <https://w3id.org/rightsgraph/ontology#Raid>) }")
    ctype, body = get(f"{server.query_url}?query={query}", "text/turtle")
    assert ctype.startswith("text/turtle") and "almaty-raid" in body


def test_updates_are_refused(server):
    for path, field in (("/update", "update"), ("/query", "query")):
        data = urllib.parse.urlencode({field: "DROP ALL"}).encode()
        with pytest.raises(urllib.error.HTTPError) as err:
            urllib.request.urlopen(urllib.request.Request(server.url + path, data=data), timeout=10)
        assert err.value.code in (400, 403)
    assert run_query("timeline", {}, EndpointBackend(server.query_url)).rows  # nothing was dropped


def test_time_limit_is_reported(server):
    heavy = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"
    with pytest.raises(BuildError, match="time limit"):
        EndpointBackend(server.query_url, timeout=30).run(heavy, {}, "-e", 10)




@pytest.mark.parametrize("name", sorted(library()))
def test_library_answers_the_same_over_http(server, trig, name):
    remote = run_query(name, PARAMS.get(name, {}), EndpointBackend(server.query_url))
    local = run_query(name, PARAMS.get(name, {}), LocalBackend(trig))
    if local.kind == "graph":
        from rdflib.compare import isomorphic

        assert isomorphic(remote.graph, local.graph)
    else:
        assert normalise(remote.rows) == normalise(local.rows)
        assert remote.rows


def test_cli_against_endpoint(server):
    done = subprocess.run([sys.executable, "-m", "rightsgraph.cli", "query", "office_holders", "--param", "date=2009-05",
                           "--endpoint", server.query_url, "--format", "csv"], cwd=ROOT, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert "President of Kazakhstan,Nursultan Nazarbaev" in done.stdout


def test_query_page_is_offline_and_has_the_library(server, trig, tmp_path):
    page = write_query_page(server.query_url, tmp_path / "query.html").read_text()
    for name in library():
        assert f'"name": "{name}"' in page
    assert not re.search(r"<(script|link|img|iframe)[^>]+(src|href)\s*=", page, re.I)
    assert not re.search(r"@import|url\(\s*[\"']?https?:", page, re.I)
    # The only address the page talks to is the endpoint it was written for.
    assert set(re.findall(r"https?://127\.0\.0\.1:\d+/query", page)) == {server.query_url}


def test_embedded_json_cannot_close_the_script():
    text = embed_json({"label": "</script><script>alert(1)</script>"})
    assert "</script>" not in text and json.loads(text)["label"].startswith("</script>")


def ask_on_the_page(driver, page, query, param, value):
    """Open the query page, pick a library question, type one parameter and run it; the parameter's input box."""
    from selenium.webdriver.common.by import By

    driver.get("about:blank")
    driver.get(page.resolve().as_uri())
    driver.find_element(By.CSS_SELECTOR, f'nav button[data-name="{query}"]').click()
    box = driver.find_element(By.ID, f"param-{param}")
    box.clear()
    box.send_keys(value)
    driver.find_element(By.ID, "run").click()
    return box


def result_cells(driver) -> list[str]:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    WebDriverWait(driver, 20).until(lambda d: d.find_elements(By.CSS_SELECTOR, "#results td"))
    return [td.text for td in driver.find_elements(By.CSS_SELECTOR, "#results td")]


def test_query_page_runs_a_library_question_in_chromium(server, trig, tmp_path, driver):
    from selenium.webdriver.common.by import By

    page = write_query_page(server.query_url, tmp_path / "query.html")
    box = ask_on_the_page(driver, page, "office_holders", "date", "2022-01")
    assert "Kassym-Jomart Tokayev" in result_cells(driver)
    assert driver.find_element(By.ID, "status").text == "2 rows"
    box.clear()
    box.send_keys('2022" } ; DROP ALL')
    driver.find_element(By.ID, "run").click()
    assert "not a date" in driver.find_element(By.ID, "status").text
    assert [e for e in driver.get_log("browser") if e["level"] == "SEVERE"] == []


@pytest.mark.parametrize("place, expected", [("Semipalatinsk", "ok"), ("semey", "ok"), ("Lisbon", "unknown entity")])
def test_query_page_takes_the_names_the_command_line_takes(server, trig, tmp_path, driver, place, expected):
    """An alias ("Semipalatinsk") and an id work on the page as they do in `rightsgraph query`."""
    from selenium.webdriver.common.by import By

    page = write_query_page(server.query_url, tmp_path / "query.html")
    ask_on_the_page(driver, page, "events_in_place", "place", place)
    if expected == "ok":
        assert any("Semey" in c for c in result_cells(driver))
    else:
        assert expected in driver.find_element(By.ID, "status").text


@pytest.fixture
def serve_command(trig, tmp_path):
    """Start `rightsgraph serve` in its own process; whatever the test does, nothing is left running."""
    started = []

    def start(port):
        proc = subprocess.Popen([sys.executable, "-m", "rightsgraph.cli", "serve", "--graph", str(trig), "--port",
                                 str(port), "--page", str(tmp_path / "query.html")], cwd=ROOT,
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        started.append(proc)
        return proc

    yield start
    for proc in started:
        if proc.poll() is None:
            proc.kill()
        proc.wait(timeout=20)


def test_serve_command_starts_and_stops(serve_command, tmp_path):
    port = free_port()
    proc = serve_command(port)
    line = proc.stdout.readline()
    assert line.strip() == f"SPARQL endpoint (read-only): http://127.0.0.1:{port}/query"
    assert "query page (works offline)" in proc.stdout.readline()
    editor = proc.stdout.readline().strip().rsplit(" ", 1)[-1]
    assert editor == f"http://127.0.0.1:{port}/"
    import urllib.request

    with urllib.request.urlopen(editor, timeout=10) as page:  # Oxigraph's YASGUI, its script served locally
        assert "<title>Oxigraph server</title>" in page.read().decode("utf-8")
    with urllib.request.urlopen(editor + "yasgui.min.js", timeout=10) as script:
        assert script.status == 200 and len(script.read()) > 10_000
    assert (tmp_path / "query.html").is_file()
    answer = run_query("office_holders", {"date": "2009-05"}, EndpointBackend(f"http://127.0.0.1:{port}/query"))
    assert "Nursultan Nazarbaev" in {r["holder"] for r in answer.records()}
    proc.terminate()
    assert proc.wait(timeout=20) == 0
    with pytest.raises(BuildError, match="cannot reach endpoint"):
        EndpointBackend(f"http://127.0.0.1:{port}/query", timeout=2).run("ASK {}", {}, "-e", 1)


def test_serve_on_a_busy_port_fails_with_the_reason(serve_command, server):
    busy = int(server.url.rsplit(":", 1)[1])
    proc = serve_command(busy)
    out, err = proc.communicate(timeout=60)
    assert proc.returncode == 2 and "SPARQL endpoint" not in out
    assert err.strip().splitlines() == [f"rightsgraph: error: 127.0.0.1:{busy}: the port is already in use (another server?): pass --port N"]


def test_serve_killed_hard_leaves_no_server_behind(serve_command):
    port = free_port()
    proc = serve_command(port)
    assert proc.stdout.readline().startswith("SPARQL endpoint")
    proc.kill()  # SIGKILL: no handler runs; the child must go by itself
    proc.wait(timeout=20)
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        try:
            EndpointBackend(f"http://127.0.0.1:{port}/query", timeout=1).run("ASK {}", {}, "-e", 1)
        except BuildError:
            return
        time.sleep(0.2)
    pytest.fail("the Oxigraph server outlived `rightsgraph serve`")

@pytest.mark.parametrize("a, b", [
    ("x\\\n", "} ?s ?p ?o . { "),          # the reported break-out: a backslash and a newline end the string
    ('"', '" } UNION { ?s ?p ?o } #'),
    ("\u2028\x85\\u0022 } #", "'''\"\"\""),
    ("é𝄞\t\r", "@en"),
])
def test_endpoint_parameters_stay_data(server, a, b):
    result = run_text("SELECT ?a ?b WHERE { }", {"a": a, "b": b}, EndpointBackend(server.query_url))
    assert [(str(r["a"]), str(r["b"])) for r in result.rows] == [(a, b)]


def test_a_term_that_does_not_round_trip_is_refused():
    from rdflib import Literal

    from graph.query.backends import sparql_term

    assert sparql_term(Literal("a\\\n\\u0022"), "--param x") == '"a\\\\\\n\\\\u0022"'
    for where in ("--param x", "--param y"):  # worked out once, and each refusal still names its own place
        with pytest.raises(BuildError, match="not a valid IRI") as refused:
            sparql_term(URIRef("http://a/\n> ?p ?o"), where)
        assert refused.value.where == where
    with pytest.raises(BuildError, match="^--param z: not a valid IRI"):  # a literal whose datatype cannot be written
        sparql_term(Literal("1", datatype=URIRef("http://a/\n> ?p ?o")), "--param z")


def test_both_backends_find_the_same_described_iris(server, trig):
    """An id parameter is checked from the store's index locally and by a question at an endpoint."""
    local = LocalBackend(trig)
    ask = "SELECT ?o WHERE { ?s ?p ?o FILTER(isIRI(?o)) FILTER NOT EXISTS { ?o ?q ?r } } ORDER BY ?o LIMIT 1"
    only_an_object = run_text(ask, {}, local).rows[0]["o"]
    subject = URIRef("https://w3id.org/rightsgraph/id/entity/nss")
    iris = [URIRef("https://w3id.org/rightsgraph/id/entity/no-such-thing"), subject, only_an_object]
    assert local.described(iris, "-e") == [subject]
    assert EndpointBackend(server.query_url).described(iris, "-e") == [subject]


def test_endpoint_refusals_come_back_as_one_line_with_the_status(server):
    """The guard's 403 and the engine's 400 reach the user as 'endpoint answered CODE: reason', one line."""
    with pytest.raises(BuildError) as err:
        EndpointBackend(server.query_url).run("SELECT * WHERE { SERVICE <http://127.0.0.1:9/s> { ?s ?p ?o } }", {}, "-e", 5)
    message = str(err.value)
    assert "endpoint answered 403: " in message and "\n" not in message
    with pytest.raises(BuildError, match=r"endpoint answered 500: The custom function <http://x.invalid/f> is not supported$"):
        EndpointBackend(server.query_url).run("SELECT * WHERE { BIND(<http://x.invalid/f>(1) AS ?x) }", {}, "-e", 5)


def test_a_construct_on_one_line_is_still_a_graph(server):
    """The query form is SPARQLWrapper's reading of the text, prefixes on the same line or not."""
    one_line = ("PREFIX rg: <https://w3id.org/rightsgraph/ontology#> CONSTRUCT { ?s a rg:Court } "
                "WHERE { ?s a rg:Court }")
    result = EndpointBackend(server.query_url).run(one_line, {}, "-e", 5)
    assert result.kind == "graph" and len(result.graph) > 0
