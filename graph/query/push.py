"""Load the built graph into a SPARQL server, one named graph per report, each replaced whole.

A team shares one server; every build pushes its reports there. The SPARQL
1.1 Graph Store HTTP Protocol replaces a named graph with one PUT, which the
server applies atomically, so a reader never sees half a report. A server
without the protocol gets the same through SPARQL Update (DROP SILENT GRAPH,
then INSERT DATA, in one request). Only the URL changes from one server to
another: Oxigraph, Virtuoso, GraphDB, Neptune and QLever all speak one or the
other.
"""

from __future__ import annotations

import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass
from pathlib import Path

from graph.errors import BuildError

TIMEOUT_S = 120
REQUESTS = 1  # graphs sent at once, by default: one, as every server handles it


@dataclass
class Pushed:
    graph: str
    triples: int
    via: str  # "graph store" or "update"

    def line(self) -> str:
        return f"replaced <{self.graph}>: {self.triples} triples (by {self.via})"


def sibling(url: str, name: str) -> str:
    """The server's URL for another service beside this one: .../query -> .../store."""
    parts = urllib.parse.urlsplit(url)
    path = parts.path.rsplit("/", 1)[0] + "/" + name
    return urllib.parse.urlunsplit((parts.scheme, parts.netloc, path, "", ""))


def graphs_of(trig: Path) -> dict[str, bytes]:
    """Each named graph of the built TriG as N-Triples, read by pyoxigraph (no rdflib on the way)."""
    import pyoxigraph as ox

    if not trig.is_file():
        raise BuildError(str(trig), "graph file not found: run `rightsgraph build` first, or pass --graph FILE")
    store = ox.Store()
    try:
        store.bulk_load(path=str(trig), format=ox.RdfFormat.TRIG)
    except SyntaxError as err:
        raise BuildError(str(trig), f"not a readable RDF graph: {str(err).splitlines()[0][:200]}") from None
    out = {}
    for name in sorted(store.named_graphs(), key=lambda g: g.value):
        out[name.value] = store.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=name) or b""
    if not out:
        raise BuildError(str(trig), "holds no named graph to push (a build writes one per report)")
    return out


def _send(request: urllib.request.Request, where: str) -> int:
    try:
        with urllib.request.urlopen(request, timeout=TIMEOUT_S) as resp:
            return resp.status
    except urllib.error.HTTPError as err:
        if err.code in (404, 405, 501):
            return err.code
        body = err.read().decode("utf-8", "replace").strip().splitlines()
        raise BuildError(where, f"the server refused the graph: HTTP {err.code} {body[0][:200] if body else err.reason}") from None
    except (urllib.error.URLError, OSError) as err:
        reason = getattr(err, "reason", err)
        raise BuildError(where, f"cannot reach the server: {reason}") from None


def put_graph(store_url: str, graph: str, ntriples: bytes) -> bool:
    """Graph Store Protocol PUT; False when the server has no such service (404, 405, 501)."""
    target = f"{store_url}?{urllib.parse.urlencode({'graph': graph})}"
    request = urllib.request.Request(target, data=ntriples, method="PUT",
                                     headers={"Content-Type": "application/n-triples"})
    return _send(request, store_url) not in (404, 405, 501)


def update_graph(update_url: str, graph: str, ntriples: bytes) -> None:
    """The same replacement as one SPARQL Update request, for a server without the Graph Store Protocol."""
    body = (f"DROP SILENT GRAPH <{graph}> ;\nINSERT DATA {{ GRAPH <{graph}> {{\n".encode("utf-8")
            + ntriples + b"}}")
    request = urllib.request.Request(update_url, data=body, method="POST",
                                     headers={"Content-Type": "application/sparql-update"})
    status = _send(request, update_url)
    if status in (404, 405, 501):
        raise BuildError(update_url, f"the server has neither the Graph Store Protocol nor SPARQL Update here (HTTP {status})")


def push(trig: Path, endpoint: str, store_url: str | None = None, update_url: str | None = None,
         progress=lambda items: items, requests: int = REQUESTS) -> list[Pushed]:
    """Replace every named graph of the built graph on the server; what was pushed, graph by graph.

    The first graph finds out which protocol the server speaks; the others go `requests` at a time. A server
    loads and indexes each graph in its own transaction, which grows slower as its store fills (0.07 s for the
    first of 500 graphs of 2,000 statements into Oxigraph, 0.19 s for the last), and Oxigraph loads two at
    once in 0.6 of the time; each graph is still replaced whole, in one request. One at a time stays the
    default: after graphs were sent two at a time, Virtuoso 7 answered one library question (international_bodies)
    with no rows in the project's own check, three runs of three; one at a time, never.
    """
    from concurrent.futures import ThreadPoolExecutor

    from graph.query.backends import check_iri

    check_iri(endpoint, "--endpoint")
    store_url = check_iri(store_url, "--store-url") if store_url else sibling(endpoint, "store")
    update_url = check_iri(update_url, "--update-url") if update_url else sibling(endpoint, "update")
    graphs = graphs_of(trig)
    use_store = True

    def replace(name: str) -> Pushed:
        data = graphs[name]
        if use_store and put_graph(store_url, name, data):
            return Pushed(name, data.count(b"\n"), "graph store")
        update_graph(update_url, name, data)
        return Pushed(name, data.count(b"\n"), "update")

    names = list(graphs)
    ticks = iter(progress(names))
    done = [replace(names[0])]
    next(ticks)
    use_store = done[0].via == "graph store"  # a server without the Graph Store Protocol gets SPARQL Update
    pool = ThreadPoolExecutor(max_workers=requests)
    try:
        for pushed, _ in zip(pool.map(replace, names[1:]), ticks):  # answered in order; the bar moves as they come
            done.append(pushed)
    finally:  # on the first error, the graphs not sent yet are not sent
        pool.shutdown(wait=True, cancel_futures=True)
    return done


__all__ = ["Pushed", "push", "sibling"]
