"""push: the built graph into a real, writable Oxigraph server, then every library query there as here."""

from __future__ import annotations

import subprocess
import time
import urllib.request

import pytest

from graph.errors import BuildError
from graph.query import EndpointBackend, LocalBackend, library, run_query, run_text
from graph.query.endpoint import free_port
from graph.query.stores import oxigraph_binary
from graph.query.push import push, sibling
from tests.graph.query.shared import PARAMS, normalise


def answering(url: str, seconds: float) -> None:
    """Wait until a SPARQL endpoint answers ASK {}; a server that never does fails the test here, by name."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url + "?query=ASK%7B%7D", timeout=2):
                return
        except OSError:
            time.sleep(0.2)
    pytest.fail(f"{url} did not answer within {seconds:.0f} s")


@pytest.fixture
def writable(tmp_path):
    """A writable Oxigraph server whose default graph is the union of its named graphs, as `serve` runs it."""
    port = free_port()
    proc = subprocess.Popen([oxigraph_binary(), "serve", "--location", str(tmp_path / "db"), "--bind",
                             f"127.0.0.1:{port}", "--union-default-graph"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}/query"
    answering(url, 20)
    yield url
    proc.terminate()
    proc.wait(timeout=20)


def count(url: str) -> int:
    rows = run_text("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }", {}, EndpointBackend(url)).rows
    return int(rows[0]["n"])


def test_push_then_every_library_query_answers_as_locally(built, writable):
    trig = built.written[0].parent / "graph.trig"
    pushed = push(trig, writable)
    assert {p.via for p in pushed} == {"graph store"}
    assert {p.graph.rsplit("/", 1)[-1] for p in pushed} == {"ontology", "curation", "kazakhstan-annual-report-2010"}
    answers_as_locally(trig, writable)


def answers_as_locally(trig, url):
    """Every library query gives the server the same rows (a CONSTRUCT: the same triples) as the file in memory."""
    from rdflib.compare import isomorphic

    local, remote = LocalBackend(trig), EndpointBackend(url)
    for name in sorted(library()):
        a = run_query(name, PARAMS.get(name, {}), local)
        b = run_query(name, PARAMS.get(name, {}), remote)
        if a.kind == "graph":
            assert isomorphic(a.graph, b.graph), name
        else:
            assert b.server_limit is None and normalise(a.rows) == normalise(b.rows), name


def test_pushing_again_replaces_each_report_graph_and_adds_nothing(built, writable):
    trig = built.written[0].parent / "graph.trig"
    first = push(trig, writable)
    once = count(writable)
    assert once == sum(p.triples for p in first)
    push(trig, writable)
    assert count(writable) == once


def test_graphs_sent_several_at_once_are_each_replaced_whole_and_reported_in_order(writable, tmp_path):
    trig = tmp_path / "graph.trig"
    names = [f"https://w3id.org/rightsgraph/id/graph/report-{k:02d}" for k in range(12)]
    trig.write_text("".join(f"<{name}> {{ " + " ".join(f'<urn:x:{k}-{i}> <urn:x:p> "{i}" .' for i in range(k + 1)) + " }\n"
                            for k, name in enumerate(names)), encoding="utf-8")
    pushed = push(trig, writable, requests=4)
    assert [p.graph for p in pushed] == names and [p.triples for p in pushed] == list(range(1, 13))
    assert {p.via for p in pushed} == {"graph store"} and count(writable) == sum(range(1, 13))
    push(trig, writable, requests=1)
    assert count(writable) == sum(range(1, 13))


def test_a_server_without_the_graph_store_protocol_gets_sparql_update(built, writable):
    trig = built.written[0].parent / "graph.trig"
    pushed = push(trig, writable, store_url=sibling(writable, "no-such-service"))
    assert {p.via for p in pushed} == {"update"}
    assert count(writable) == sum(p.triples for p in pushed)


def test_an_unreachable_server_is_one_line(built):
    with pytest.raises(BuildError) as err:
        push(built.written[0].parent / "graph.trig", f"http://127.0.0.1:{free_port()}/query")
    assert "cannot reach the server" in str(err.value) and "\n" not in str(err.value)


def test_the_command_prints_one_line_per_graph(built, writable, capsys):
    from rightsgraph.cli import main

    assert main(["push", "--endpoint", writable, "--graph", str(built.written[0].parent / "graph.trig"),
                 "--requests", "3"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 3 and all(line.startswith("replaced <https://w3id.org/rightsgraph/id/graph/") for line in lines)
    with pytest.raises(SystemExit):
        main(["push", "--endpoint", writable, "--requests", "0"])


@pytest.fixture
def virtuoso(tmp_path):
    """A real Virtuoso (Debian's virtuoso-opensource) on free ports, cutting answers at 1,000 rows to show the header."""
    import os
    import re
    import shutil

    binary, isql = shutil.which("virtuoso-t"), shutil.which("isql-vt")
    template = "/etc/virtuoso-opensource-7/virtuoso.ini"
    if not binary or not isql or not os.path.exists(template):
        message = "needs Debian's virtuoso-opensource (bash .ci/install installs it)"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    sql, http = free_port(), free_port()
    ini = open(template, encoding="utf-8").read().replace("/var/lib/virtuoso-opensource-7/db", str(tmp_path))
    ini = re.sub(r"(?m)^ServerPort\s*=\s*1111", f"ServerPort = {sql}", ini)
    ini = re.sub(r"(?m)^ServerPort\s*=\s*8890", f"ServerPort = {http}", ini)
    ini = re.sub(r"(?m)^ResultSetMaxRows\s*=.*", "ResultSetMaxRows = 1000", ini)
    (tmp_path / "virtuoso.ini").write_text(ini, encoding="utf-8")
    proc = subprocess.Popen([binary, "+foreground", "+configfile", str(tmp_path / "virtuoso.ini")], cwd=tmp_path,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{http}/sparql"
    try:
        answering(url, 90)
        # Its anonymous SPARQL user may write, as a team's loading account would; only the tests' throwaway server.
        subprocess.run([isql, str(sql), "dba", "dba", 'exec=GRANT SPARQL_UPDATE TO "SPARQL";'], check=True,
                       capture_output=True, timeout=60)
        yield url
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            proc.kill()


def test_push_to_virtuoso_then_query_it(built, virtuoso):
    """The same push, by the Graph Store Protocol at Virtuoso's own address; every library query answers as locally."""
    trig = built.written[0].parent / "graph.trig"
    store = sibling(virtuoso, "sparql-graph-crud")
    pushed = push(trig, virtuoso, store_url=store)
    assert {p.via for p in pushed} == {"graph store"}
    total = sum(p.triples for p in pushed)
    ours = "FILTER(STRSTARTS(STR(?g), 'https://w3id.org/rightsgraph/'))"
    counted = run_text(f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH ?g {{ ?s ?p ?o }} {ours} }}", {}, EndpointBackend(virtuoso))
    assert int(counted.rows[0]["n"]) == total
    push(trig, virtuoso, store_url=store)  # again: replaced, not added
    counted = run_text(f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH ?g {{ ?s ?p ?o }} {ours} }}", {}, EndpointBackend(virtuoso))
    assert int(counted.rows[0]["n"]) == total
    answers_as_locally(trig, virtuoso)
    # and the network the pictures and exports are drawn from, read with the projection's own questions
    from viz.network import project

    remote, local = project(EndpointBackend(virtuoso)), project(LocalBackend(trig))
    assert list(remote.nodes(data=True)) == list(local.nodes(data=True))
    assert list(remote.edges(keys=True, data=True)) == list(local.edges(keys=True, data=True))


def test_a_virtuoso_answer_cut_at_its_row_limit_is_reported(built, virtuoso, capsys):
    """Virtuoso says it cut an answer only in X-SPARQL-MaxRows; the command says the table is not whole."""
    from rightsgraph.cli import main

    push(built.written[0].parent / "graph.trig", virtuoso, store_url=sibling(virtuoso, "sparql-graph-crud"))
    result = run_text("SELECT ?s WHERE { ?s ?p ?o }", {}, EndpointBackend(virtuoso))
    assert result.server_limit == 1000 and result.truncated and len(result.rows) == 1000
    small = run_text("SELECT ?e WHERE { ?e a <https://w3id.org/rightsgraph/ontology#Raid> }", {}, EndpointBackend(virtuoso))
    assert small.server_limit is None and not small.truncated
    assert main(["query", "--endpoint", virtuoso, "--format", "csv", "-e", "SELECT ?s WHERE { ?s ?p ?o }"]) == 0
    assert "the endpoint cut its answer at 1000 rows" in capsys.readouterr().err
    # the network projection reads whole tables: a cut one is an error, never a smaller network
    with pytest.raises(BuildError, match="cut the answer at 1000 rows"):
        EndpointBackend(virtuoso).texts("SELECT ?s WHERE { ?s ?p ?o }")


def test_pictures_exports_and_analysis_run_against_the_server_as_locally(built, writable, tmp_path, capsys):
    """Pushed, the graph draws and exports from the server exactly as from the file: the same bytes."""
    from rightsgraph.cli import main
    from viz.views import select

    out = built.written[0].parent
    push(out / "graph.trig", writable)
    assert main(["export", "--endpoint", writable, "--out", str(tmp_path / "remote.graphml")]) == 0
    assert main(["export", "--graph", str(out / "graph.ttl"), "--out", str(tmp_path / "local.graphml")]) == 0
    assert (tmp_path / "remote.graphml").read_bytes() == (tmp_path / "local.graphml").read_bytes()
    remote, _ = select(out / "graph.ttl", query="torture_allegations", endpoint=writable)
    local, _ = select(out / "graph.ttl", query="torture_allegations")
    assert sorted(remote.nodes) == sorted(local.nodes) and remote.number_of_edges() == local.number_of_edges()
    capsys.readouterr()
    assert main(["analyse", "--endpoint", writable, "--path", "NSS", "UNHCR", "--format", "json"]) == 0
    assert "UNHCR" in capsys.readouterr().out
