"""The ``rightsgraph`` command: a thin layer over the library functions.

Each subcommand parses its options, calls one function and prints; errors
the user can fix are BuildErrors, printed as one line with exit status 2.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from graph.errors import BuildError
from graph.paths import DATA_DIR, DEFAULT_CORPUS, DEFAULT_OUT


def cmd_build(args: argparse.Namespace) -> int:
    from graph.build import build, summary

    result = build(corpus=args.corpus, data_dir=args.data, out_dir=args.out)
    print(summary(result))
    return 0


def cmd_sentences(args: argparse.Namespace) -> int:
    """Print each sentence with the pointer a curator would write for it."""
    from graph.corpus import read_document

    doc = read_document(args.corpus / args.file)
    for s in doc.sentences:
        print(f"s{s.index}@{s.fingerprint}\t{s.kind}\t{s.text}")
    return 0


def cmd_gen_terms(args: argparse.Namespace) -> int:
    from graph.ontology import load_ontology, terms_module_source
    from graph.serialize import write_atomic

    target = Path(__file__).with_name("terms.py")
    write_atomic(target, terms_module_source(load_ontology()))
    print(f"wrote {target}")
    return 0


def _params(pairs: list[str]) -> dict[str, str]:
    out = {}
    for pair in pairs:
        name, sep, value = pair.partition("=")
        if not sep or not name:
            raise BuildError(f"--param {pair}", "expected NAME=VALUE")
        out[name] = value
    return out


def cmd_query(args: argparse.Namespace) -> int:
    from graph import sparql

    if args.list:
        for q in sparql.library().values():
            params = " ".join(f"--param {p.name}=<{p.kind}>" for p in q.params)
            print(f"{q.name}{' ' + params if params else ''}\n    {q.question}")
        return 0
    if bool(args.query) == bool(args.expression):
        raise BuildError("query", "give a library name, an .rq file, or -e 'SPARQL' (see --list)")
    backend = sparql.EndpointBackend(args.endpoint) if args.endpoint else sparql.LocalBackend(args.graph)
    params = _params(args.param)
    if args.expression:
        result = sparql.run_text(args.expression, params, backend, args.max_rows)
    else:
        result = sparql.run_query(args.query, params, backend, args.max_rows)
    sys.stdout.write(sparql.format_result(result, args.format))
    if result.truncated:
        print(f"rightsgraph: note: result cut at {args.max_rows} rows (raise --max-rows to see more)", file=sys.stderr)
    return 0


def cmd_serve(args: argparse.Namespace) -> int:
    from graph.endpoint import start_server, write_query_page

    server = start_server(args.graph, args.host, args.port, args.timeout)
    page = write_query_page(args.graph, server.query_url, args.page)
    print(f"SPARQL endpoint (read-only): {server.query_url}")
    print(f"query page (works offline): {page.resolve().as_uri()}")
    print(f"time limit per query: {args.timeout} s; stop with Ctrl-C")
    try:
        server.process.wait()
    except KeyboardInterrupt:
        pass
    finally:
        server.stop()
    return 0


def parser() -> argparse.ArgumentParser:
    top = argparse.ArgumentParser(prog="rightsgraph", description="A knowledge graph of human-rights reporting.")
    sub = top.add_subparsers(dest="command", required=True)

    b = sub.add_parser("build", help="build, validate and write the graph")
    b.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS, help="folder of report files (default: ../shared/corpus)")
    b.add_argument("--data", type=Path, default=DATA_DIR, help="folder of curated facts (default: data/)")
    b.add_argument("--out", type=Path, default=DEFAULT_OUT, help="output folder (default: out/)")
    b.set_defaults(func=cmd_build)

    s = sub.add_parser("sentences", help="list a report's sentences with their pointers")
    s.add_argument("file", help="file name inside the corpus folder")
    s.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    s.set_defaults(func=cmd_sentences)

    q = sub.add_parser("query", help="run a library query, an .rq file or -e SPARQL on the graph or an endpoint")
    q.add_argument("query", nargs="?", help="library name (see --list) or path to an .rq file")
    q.add_argument("-e", "--expression", help="ad-hoc SPARQL text")
    q.add_argument("--param", action="append", default=[], metavar="NAME=VALUE", help="bind a parameter (repeatable)")
    q.add_argument("--format", default="table", choices=["table", "csv", "tsv", "json", "ttl", "nt"])
    q.add_argument("--graph", type=Path, default=DEFAULT_OUT / "graph.trig", help="built graph (default: out/graph.trig)")
    q.add_argument("--endpoint", help="query a SPARQL endpoint URL instead of the graph file")
    q.add_argument("--max-rows", type=int, default=10_000, help="stop after this many rows and say so (default 10000)")
    q.add_argument("--list", action="store_true", help="list the library with each question")
    q.set_defaults(func=cmd_query)

    sv = sub.add_parser("serve", help="serve the graph as a read-only SPARQL endpoint (Oxigraph) with a query page")
    sv.add_argument("--graph", type=Path, default=DEFAULT_OUT / "graph.trig")
    sv.add_argument("--host", default="127.0.0.1")
    sv.add_argument("--port", type=int, default=7878)
    sv.add_argument("--timeout", type=int, default=30, help="seconds a query may run (default 30)")
    sv.add_argument("--page", type=Path, default=DEFAULT_OUT / "query.html", help="where to write the query page")
    sv.set_defaults(func=cmd_serve)

    g = sub.add_parser("gen-terms", help="regenerate graph/terms.py from the ontology")
    g.set_defaults(func=cmd_gen_terms)
    return top


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    try:
        return args.func(args)
    except BuildError as err:
        print(f"rightsgraph: error: {err}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
