"""Answers a store on disk keeps: a library question's whole table, worked out once, then read a page at a time.

A library question, its parameters bound, has one answer per graph. At a million
statements the engine needs seconds for the ordered questions (`timeline`
orders every event with its first sentence, and no rewrite brought it near
200 ms), and a store on disk answers several times slower than one in memory;
a reader paging through a table asks the same question again and again. So the
first ask keeps the table, as Oxigraph wrote it (SPARQL TSV), inside the store
folder. That folder is replaced whole when its graph file changes
(graph/query/stores.py), so a kept answer cannot outlive its graph; the key
also covers the graph's SHA-256, the query text (with its parameters' VALUES
block) and the engine's version.

A store is warmed when it is prepared (warm): every library question without
parameters is worked out once, in memory, on one core while Oxigraph loads the
store on the other, so even the first ask of `timeline` on a fresh store reads
a kept table. So is every question whose one parameter is a right, for each
right of the scheme: there are eleven, and on disk the first ask of
`events_by_right` took over a second at a million statements.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from collections.abc import Callable
from pathlib import Path

FOLDER = "rightsgraph-answers"


class KeptAnswers:
    """The tables kept in one store folder."""

    def __init__(self, folder: Path, source_digest: str):
        self.folder = Path(folder)
        self.source_digest = source_digest

    def path(self, text: str) -> Path:
        import pyoxigraph as ox

        key = hashlib.sha256(f"{self.source_digest}\n{ox.__version__}\n{text}".encode("utf-8")).hexdigest()
        return self.folder / f"{key}.tsv"

    def table(self, text: str, work_out: Callable[[], object]):
        """The kept table for this query text, or what work_out gives: kept for the next ask when it is a table
        (bytes), passed on as it is when it is not (a graph or a boolean)."""
        path = self.path(text)
        try:
            return path.read_bytes()
        except OSError:  # not kept yet (or not readable): worked out again
            pass
        table = work_out()
        if not isinstance(table, bytes):
            return table
        tmp = None
        try:  # whole or not at all: a reader never sees half a table
            self.folder.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=self.folder, suffix=".part")
            with os.fdopen(fd, "wb") as out:
                out.write(table)
            os.replace(tmp, path)
        except OSError:  # a store in a folder this user cannot write still answers; it only keeps nothing
            if tmp is not None:
                Path(tmp).unlink(missing_ok=True)
        return table


RIGHTS = """PREFIX rg: <https://w3id.org/rightsgraph/ontology#>
SELECT ?right WHERE { ?right a rg:Right } ORDER BY ?right"""


def warm(graph_file: Path, folder: Path, source_digest: str) -> list[tuple[str, dict[str, str]]]:
    """Keep, in folder, the tables of the library questions that take no parameter, and of those whose one
    parameter is a right, for every right in the graph; the (name, parameters) kept.

    Worked out in an in-memory store, several times faster than the store on
    disk and asked through `run_query`, as any ask is, so the keys are the ones
    a later ask looks for: a right named by its label or by its IRI is bound to
    the same IRI. Warming only saves time: a graph or a question that fails
    here keeps nothing and fails, with its own error, when it is asked.
    """
    from graph.errors import BuildError
    from graph.query import LocalBackend, library, run_query
    from graph.query.backends import DEFAULT_MAX_ROWS

    try:
        backend = LocalBackend(graph_file)
        rights = [str(row["right"]) for row in backend.run(RIGHTS, {}, "rights", DEFAULT_MAX_ROWS).rows]
    except BuildError:
        return []
    backend.kept = KeptAnswers(folder, source_digest)
    asks: list[tuple[str, dict[str, str]]] = []
    for name, query in sorted(library().items()):
        if not query.params:
            asks.append((name, {}))
        elif len(query.params) == 1 and query.params[0].kind == "right":
            asks += [(name, {query.params[0].name: right}) for right in rights]
    done = []
    for name, params in asks:
        try:
            run_query(name, params, backend, page=(0, 0))  # no row becomes a term: the table is only kept
        except BuildError:
            continue
        done.append((name, params))
    return done


__all__ = ["FOLDER", "KeptAnswers", "warm"]
