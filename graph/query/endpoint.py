"""The SPARQL endpoint: the Oxigraph server, read-only, over the built graph.

We do not write a SPARQL server: ``oxigraph serve-read-only`` (from the
``oxigraph`` package on PyPI) implements the SPARQL 1.1 Protocol with content
negotiation, refuses updates and stops queries at a time limit. This module
loads the built graph into an Oxigraph store, starts the server on loopback,
and writes the offline query page that talks to it.
"""

from __future__ import annotations

import subprocess
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path

from graph.errors import BuildError
from graph.query.federation import Guard
from graph.resources import DEFAULT_OUT, template
from graph.write.serialize import embed_json, fill_template
from graph.query import DEFAULT_MAX_ROWS, library
from graph.query.stores import oxigraph_binary, prepare_store

PAGE_MAX_ROWS = 1000
EXAMPLES = {"actor": "NSS", "place": "Almaty", "from": "2009-09", "to": "2009-12", "fact": "almaty-raid",
            "entity": "osce-chairmanship", "hops": "2", "date": "2009-05"}


def page_data(endpoint: str) -> dict:
    """What the query page needs: the library, entity names for parameters, rights.

    Asked of the endpoint the page is for, which is already running: loading
    the graph a second time only for the page doubled the memory of `serve`
    and its time to start on a large graph.
    """
    from graph.query import EndpointBackend
    from graph.query.params import entity_names

    backend = EndpointBackend(endpoint)
    # The names and aliases the command line accepts, so the page takes the same ("Semipalatinsk", "NSS").
    names: dict[str, list[str]] = {}
    for name, iri in entity_names(backend, "page"):
        names.setdefault(str(iri), []).append(name)
    rights = backend.run("""
        PREFIX rg: <https://w3id.org/rightsgraph/ontology#>
        PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
        SELECT ?r ?label WHERE { ?r a rg:Right ; skos:prefLabel ?label } ORDER BY ?label""",
                         {}, "page", DEFAULT_MAX_ROWS).rows
    queries = []
    for q in library().values():
        params = [{"name": p.name, "kind": p.kind, "help": p.help, "example": EXAMPLES.get(p.name, "")}
                  for p in q.params]
        queries.append({"name": q.name, "question": q.question, "text": q.text, "params": params})
    return {
        "endpoint": endpoint,
        "maxRows": PAGE_MAX_ROWS,
        "queries": queries,
        "entities": [{"iri": iri, "id": iri.rsplit("/", 1)[-1], "names": sorted(set(n))} for iri, n in sorted(names.items())],
        "rights": [{"iri": str(r["r"]), "label": str(r["label"])} for r in rights],
    }


def write_query_page(endpoint: str, target: Path) -> Path:
    from graph.write.serialize import write_atomic

    html = fill_template(template("graph.query", "query_page.html"), {"DATA": embed_json(page_data(endpoint))})
    write_atomic(target, html)
    return target


@dataclass
class Server:
    process: subprocess.Popen
    url: str
    guard: Guard | None = None

    @property
    def query_url(self) -> str:
        return f"{self.url}/query"

    def stop(self) -> None:
        if self.guard is not None:
            self.guard.stop()
            self.guard = None
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()


def _die_with_parent() -> None:
    """In the child, before exec: ask Linux to send SIGTERM when the parent dies, even by kill -9.

    Without it a killed `rightsgraph serve` would leave Oxigraph holding the
    port and serving a graph nobody is watching.
    """
    import ctypes
    import signal

    try:
        ctypes.CDLL("libc.so.6", use_errno=True).prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG
    except OSError:
        pass  # not Linux: the parent's signal handler still stops the child on a plain kill


def port_is_free(host: str, port: int) -> bool:
    import socket

    with socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET) as s:
        # As the server will: a port left in TIME_WAIT by a stopped server is free, a listening one is not.
        s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            s.bind((host, port))
        except OSError:
            return False
    return True


def free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(graph_file: Path = DEFAULT_OUT / "graph.trig", host: str = "127.0.0.1", port: int = 7878,
                 timeout_s: int = 30, store_dir: Path | None = None, ready_within: float = 20.0,
                 allow_federation: bool = False) -> Server:
    """Start `oxigraph serve-read-only` on the built graph behind the federation guard, and wait until it answers.

    Oxigraph listens on a private loopback port; clients reach it only through
    the guard on host:port (see graph/query/federation.py).
    """
    store = prepare_store(graph_file, store_dir or graph_file.parent / "oxigraph-store")
    if not port_is_free(host, port):
        raise BuildError(f"{host}:{port}", "the port is already in use (another server?): pass --port N")
    inner = free_port()
    cmd = [oxigraph_binary(), "serve-read-only", "--location", str(store), "--bind", f"127.0.0.1:{inner}",
           "--union-default-graph", "--cors", "--timeout-s", str(timeout_s)]
    process = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
                               preexec_fn=_die_with_parent)
    try:
        guard = Guard(host, port, inner, allow_federation)
    except OSError as err:
        Server(process, "").stop()
        raise BuildError(f"{host}:{port}", f"cannot listen: {err.strerror or err}") from None
    guard.start()
    url = f"http://{host}:{port}"
    server = Server(process, url, guard)
    deadline = time.monotonic() + ready_within
    while time.monotonic() < deadline:
        if process.poll() is not None:
            err = (process.stderr.read() or "").strip().splitlines()
            raise BuildError(f"{host}:{port}", f"the Oxigraph server stopped: {err[-1] if err else 'no message'}")
        try:
            with urllib.request.urlopen(f"{url}/query?query=ASK%7B%7D", timeout=1) as resp:
                # Our own child must be the one answering: a server that was
                # already on the port would answer too, for another graph.
                if resp.status == 200 and process.poll() is None:
                    return server
        except OSError:
            time.sleep(0.1)
    server.stop()
    raise BuildError(f"{host}:{port}", f"the Oxigraph server did not answer within {ready_within:.0f} s")
