"""Run SPARQL on the built graph: the query library, parameters, backends, formats.

Two backends give the same answers: the built graph loaded into an in-memory
Oxigraph store (pyoxigraph), and a SPARQL 1.1 endpoint over HTTP, normally the
Oxigraph server that ``rightsgraph serve`` starts. Both use the same engine,
so a library query means the same thing in both.
"""

from __future__ import annotations

from rdflib import Literal, URIRef

from graph.errors import BuildError, QuerySyntaxError
from graph.query.backends import DEFAULT_GRAPH, DEFAULT_MAX_ROWS, VARIABLE, check_iri, EndpointBackend, LocalBackend, inject_values, values_block
from graph.query.formats import format_result
from graph.query.library import LibraryQuery, Param, find_query, library, parse_library_file
from graph.query.params import bind_params, resolve_entity, resolve_right
from graph.query.results import Result


def run_query(spec: str, params: dict[str, str] | None = None, backend=None, max_rows: int = DEFAULT_MAX_ROWS,
              page: tuple[int | None, int] | None = None) -> Result:
    """Run a library query by name (or an .rq file) with parameters; the Python entry point.

    With page (limit, offset) a local store turns only those rows into terms and counts the rest. A library
    question, its parameters bound, has one answer per graph, so a store on disk keeps its table
    (graph/query/answers.py); ad-hoc text is never kept.
    """
    query = find_query(spec)
    backend = backend if backend is not None else LocalBackend()
    bindings = bind_params(query, params or {}, backend)
    return backend.run(query.text, bindings, str(query.path), max_rows, page=page, keep=True)


def run_text(text: str, params: dict[str, str] | None = None, backend=None, max_rows: int = DEFAULT_MAX_ROWS,
             prefixes: bool = False, page: tuple[int | None, int] | None = None) -> Result:
    """Run ad-hoc SPARQL; parameters are bound as plain literals (or IRIs when they are IRIs).

    With prefixes, the project's prefixes are declared on the first line, and a
    syntax error still points at the column of the text the user wrote.
    """
    if prefixes:
        from graph.model.namespaces import with_prefixes

        full = with_prefixes(text)
        try:
            return run_text(full, params, backend, max_rows, page=page)
        except QuerySyntaxError as err:
            raise err.shifted(len(full) - len(text)) from None
    backend = backend if backend is not None else LocalBackend()
    bindings = {}
    for name, value in (params or {}).items():
        if not VARIABLE.fullmatch(name):
            raise BuildError(f"--param {name}", "parameter names are SPARQL variable names")
        looks_like_iri = value.startswith(("http://", "https://")) and not any(c.isspace() for c in value)
        bindings[name] = URIRef(check_iri(value, f"--param {name}")) if looks_like_iri else Literal(value)
    return backend.run(text, bindings, "-e", max_rows, page=page)


__all__ = ["DEFAULT_GRAPH", "DEFAULT_MAX_ROWS", "EndpointBackend", "LibraryQuery", "LocalBackend", "Param", "Result",
           "bind_params", "find_query", "format_result", "inject_values", "library", "parse_library_file",
           "resolve_entity", "resolve_right", "run_query", "run_text", "values_block"]
