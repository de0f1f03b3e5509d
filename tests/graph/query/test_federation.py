"""No SERVICE request leaves rightsgraph unless federation was switched on: locally and at the served endpoint.

A recording HTTP server on loopback stands for the victim host; each test
checks that it saw nothing, and the switched-on cases show it would have.
"""

from __future__ import annotations

import http.server
import socketserver
import threading
import urllib.error
import urllib.parse
import urllib.request

import pytest

from graph.errors import BuildError
from graph.query import LocalBackend, run_text
from graph.query.endpoint import free_port, start_server
from graph.query.federation import uses_service


@pytest.mark.parametrize("text, found", [
    ("SELECT * WHERE { SERVICE <http://x/> { ?s ?p ?o } }", True),
    ("select * where { service silent <http://x/> { ?s ?p ?o } }", True),
    ("SELECT * WHERE { SERV\\u0049CE <http://x/> { ?s ?p ?o } }", True),  # decoded before parsing
    ("SELECT * WHERE { SERVICE ?endpoint { ?s ?p ?o } }", True),
    ('SELECT * WHERE { BIND("SERVICE" AS ?x) }', False),
    ("SELECT * WHERE { ?s <http://x/SERVICE> ?o }", False),
    ("SELECT * WHERE { ?s ?p ?o } # SERVICE <http://x/>", False),
    ("PREFIX service: <http://x/> SELECT * WHERE { ?s service:p ?service }", False),
])
def test_the_keyword_is_found_where_it_is_a_keyword(text, found):
    assert uses_service(text) is found


@pytest.fixture
def victim():
    """A loopback HTTP server that records every request it gets."""
    hits: list[str] = []

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self):
            hits.append(self.path)
            self.send_response(500)
            self.end_headers()

        do_POST = do_GET

        def log_message(self, *args):
            pass

    server = socketserver.TCPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/sparql", hits
    server.shutdown()
    server.server_close()


def federated(url: str) -> str:
    return f"SELECT * WHERE {{ SERVICE <{url}> {{ ?s ?p ?o }} }}"


def test_local_queries_do_not_federate(built, victim):
    url, hits = victim
    trig = built.written[0].parent / "graph.trig"
    with pytest.raises(BuildError, match="federation is off"):
        run_text(federated(url), {}, LocalBackend(trig))
    assert hits == []
    with pytest.raises(BuildError):  # switched on, the request goes out (and the victim answers 500)
        run_text(federated(url), {}, LocalBackend(trig, allow_federation=True))
    assert hits == ["/sparql"]


def ask(endpoint: str, query: str, how: str) -> int:
    if how == "get":
        req = urllib.request.Request(endpoint + "?" + urllib.parse.urlencode({"query": query}))
    elif how == "form":
        req = urllib.request.Request(endpoint, data=urllib.parse.urlencode({"query": query}).encode(),
                                     headers={"Content-Type": "application/x-www-form-urlencoded"})
    else:
        req = urllib.request.Request(endpoint, data=query.encode(), headers={"Content-Type": "application/sparql-query"})
    try:
        with urllib.request.urlopen(req, timeout=20) as resp:
            return resp.status
    except urllib.error.HTTPError as err:
        return err.code


@pytest.mark.parametrize("allow", [False, True])
def test_the_served_endpoint_does_not_federate_unless_allowed(built, victim, tmp_path, allow):
    url, hits = victim
    trig = built.written[0].parent / "graph.trig"
    server = start_server(trig, port=free_port(), timeout_s=5, store_dir=tmp_path / "store", allow_federation=allow)
    try:
        statuses = [ask(server.query_url, federated(url), how) for how in ("get", "form", "body")]
        assert ask(server.query_url, "ASK { ?s ?p ?o }", "get") == 200  # everything else still passes
    finally:
        server.stop()
    if allow:
        assert len(hits) == 3
    else:
        assert statuses == [403, 403, 403] and hits == []
