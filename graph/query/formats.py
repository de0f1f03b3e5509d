"""Result formats: a terminal table and the four SPARQL 1.1 result formats for tables; Turtle, N-Triples, JSON-LD for graphs."""

from __future__ import annotations

import json

from rdflib import BNode, URIRef
from rdflib.namespace import XSD

from graph.errors import BuildError
from graph.model.namespaces import RGD, bind_prefixes
from graph.model.terms import RG
from graph.query.results import Result


def _plain(term) -> str:
    if term is None:
        return ""
    if isinstance(term, BNode):
        return f"_:{term}"
    return str(term)


# The SPARQL 1.1 result formats, written by pyoxigraph's serialisers (one
# maintained implementation of the W3C specs) from the JSON form below. CSV is
# the exception: it is written by graph.write.serialize.csv_rows, which guards
# cells against spreadsheet formula injection, as the plain SPARQL CSV cannot.
RESULT_FORMATS = {"json": "JSON", "tsv": "TSV", "xml": "XML"}


def _json_doc(result: Result) -> dict:
    if result.kind == "boolean":
        return {"head": {}, "boolean": result.boolean}
    bindings = []
    for row in result.rows:
        b = {}
        for k, v in row.items():
            if isinstance(v, URIRef):
                b[k] = {"type": "uri", "value": str(v)}
            elif isinstance(v, BNode):
                b[k] = {"type": "bnode", "value": str(v)}
            else:
                b[k] = {"type": "literal", "value": str(v)}
                if v.language:
                    b[k]["xml:lang"] = v.language
                elif v.datatype is not None and v.datatype != XSD.string:
                    b[k]["datatype"] = str(v.datatype)
        bindings.append(b)
    return {"head": {"vars": result.vars}, "results": {"bindings": bindings}}


def sparql_results(result: Result, fmt: str) -> str:
    """A SELECT or ASK result in a SPARQL 1.1 results format (json, csv, tsv, xml), by pyoxigraph."""
    import pyoxigraph as ox

    parsed = ox.parse_query_results(json.dumps(_json_doc(result)).encode("utf-8"), format=ox.QueryResultsFormat.JSON)
    text = parsed.serialize(format=getattr(ox.QueryResultsFormat, RESULT_FORMATS[fmt])).decode("utf-8")
    return text if text.endswith("\n") else text + "\n"


def format_result(result: Result, fmt: str) -> str:
    """table, json, csv, tsv or xml (SPARQL 1.1 results) for SELECT/ASK; ttl, nt or json (JSON-LD) for graphs."""
    if result.kind == "graph":
        g = result.graph
        bind_prefixes(g)
        if fmt in ("ttl", "table"):
            return g.serialize(format="turtle")
        if fmt == "nt":
            lines = sorted(line for line in g.serialize(format="nt").splitlines() if line.strip())
            return "\n".join(lines) + ("\n" if lines else "")
        if fmt == "json":
            from graph.write.serialize import jsonld

            return jsonld(g)
        raise BuildError("--format", f"a graph result is written as ttl, nt or json, not {fmt}")
    if fmt in RESULT_FORMATS:
        return sparql_results(result, fmt)
    if fmt == "csv" and result.kind == "select":
        from graph.write.serialize import csv_rows

        return csv_rows(result.vars, ([_plain(row.get(v)) for v in result.vars] for row in result.rows))
    if result.kind == "boolean":
        return ("true" if result.boolean else "false") + "\n"
    if fmt == "table":
        return table(result.vars, [[_short(row.get(v)) for v in result.vars] for row in result.rows])
    raise BuildError("--format", f"a table is written as table, csv, {', '.join(RESULT_FORMATS)}, not {fmt!r}")


def table(columns: list[str], rows: list[list[str]], width: int | None = None) -> str:
    """A table that fits the terminal (rich wraps long cells inside their column), with the row count under it.

    The width is the terminal's, or $COLUMNS, or 160 when the output is not a
    terminal; --format csv gives every cell whole on one line.
    """
    import io
    import shutil

    from rich import box
    from rich.console import Console
    from rich.table import Table

    width = width or shutil.get_terminal_size((160, 24)).columns
    grid = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False, header_style="bold", expand=False)
    for name in columns:
        grid.add_column(name, overflow="fold")
    for row in rows:
        grid.add_row(*row)
    out = io.StringIO()
    Console(file=out, width=width, color_system=None, force_terminal=False, highlight=False, emoji=False,
            markup=False, legacy_windows=False).print(grid)
    lines = [line.rstrip() for line in out.getvalue().splitlines()]
    lines.append(f"({len(rows)} row{'s' if len(rows) != 1 else ''})")
    return "\n".join(lines) + "\n"


def _short(term) -> str:
    text = _plain(term)
    for prefix, ns in (("rgd:", str(RGD)), ("rg:", str(RG._NS))):
        if text.startswith(ns):
            return prefix + text[len(ns):]
    return text.replace("\n", " ")
