"""The ``rightsgraph`` command: a thin layer over the library functions.

Each subcommand parses its options, calls one function and prints; errors
the user can fix are BuildErrors, printed as one line with exit status 2.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from graph.errors import BuildError
from graph.resources import DEFAULT_CORPUS, DEFAULT_OUT, data_dir
from rightsgraph import __version__


def cmd_build(args: argparse.Namespace) -> int:
    from graph.build import summary
    from rightsgraph.pipeline import build

    result = build(corpus=args.corpus, data_dir=args.data, out_dir=args.out, with_pictures=not args.no_pictures,
                   screenshot=not args.no_screenshot, cache=None if args.no_cache else args.cache or "default",
                   jobs=args.jobs)
    print(summary(result))
    if args.uncovered:
        from graph.build import uncovered

        for doc_id, sentence in uncovered(result):
            print(f"{doc_id}:{sentence.pointer}\t{sentence.text}")
    return 0


def cmd_viz(args: argparse.Namespace) -> int:
    from graph.write.serialize import write_atomic
    from viz.draw.page import page_html
    from viz.views import select

    G, title = select(args.graph, args.focus, args.hops, args.query, _params(args.param), args.date_from, args.date_to,
                      endpoint=args.endpoint, store=args.store)
    write_atomic(args.out, page_html(G, title))
    print(f"wrote {args.out} ({G.number_of_nodes()} nodes, {G.number_of_edges()} edges)")
    if args.screenshot:
        from viz.draw.browser import screenshot

        print(f"wrote {screenshot(args.out, args.screenshot)}")
    return 0


def cmd_timeline(args: argparse.Namespace) -> int:
    from graph.write.serialize import write_atomic
    from viz.draw.timeline import render
    from viz.views import load_network

    fmt = args.out.suffix.lstrip(".").lower()
    if fmt not in ("svg", "png", "pdf"):
        raise BuildError(f"--out {args.out}", "the timeline is written as .svg, .png or .pdf")
    data = render(load_network(args.graph, args.endpoint, args.store), fmt)
    if fmt in ("png", "pdf"):
        tmp = args.out.with_name(f".{args.out.name}.tmp")
        tmp.write_bytes(data)
        tmp.replace(args.out)
    else:
        write_atomic(args.out, data.decode("utf-8"))
    print(f"wrote {args.out}")
    return 0


def cmd_analyse(args: argparse.Namespace) -> int:
    import json

    from viz.analysis import centrality, communities, explain, shortest_path
    from viz.network import project
    from viz.views import backend_for, node_id

    backend = backend_for(args.graph, args.endpoint, args.store)
    G = project(backend)
    report = {"central_actors": centrality(G, args.top), "communities": communities(G)}
    if args.path:
        a, b = (node_id(backend, v) for v in args.path)
        steps = shortest_path(G, a, b)
        report["path"] = {"steps": steps, "explained": explain(steps)}
    if args.format == "json":
        print(json.dumps(report, indent=1, ensure_ascii=False))
        return 0
    print("Most central actors (betweenness, degree):")
    for r in report["central_actors"]:
        print(f"  {r['betweenness']:.3f}  {r['degree']:3d}  {r['label']} ({r['class']})")
    print("Communities (actors who share events):")
    for i, c in enumerate(report["communities"], 1):
        print(f"  {i}. {'; '.join(c)}")
    if args.path:
        print("Shortest path:")
        print(f"  {report['path']['explained']}")
    return 0


EXPORT_SUFFIX = {"graphml": ".graphml", "gexf": ".gexf", "csv": ".csv", "cytoscape": ".cyjs", "schema": ".jsonld", "sem": ".ttl"}


def export_target(args: argparse.Namespace) -> Path:
    """The file --out names (as everywhere a command writes one file), checked against the format."""
    kind = args.profile or args.format
    suffix = EXPORT_SUFFIX[kind]
    default = {"schema": "graph.schema.jsonld", "sem": "graph.sem.ttl"}.get(kind, f"network-{args.network}{suffix}")
    out = args.out if args.out is not None else DEFAULT_OUT / default
    if out.is_dir():
        raise BuildError(f"--out {out}", f"is a folder; --out names the file to write, for example {out / default}")
    if out.suffix.lower() != suffix:
        raise BuildError(f"--out {out}", f"a {kind} export is written to a {suffix} file")
    return out


def cmd_export(args: argparse.Namespace) -> int:
    from graph.write import readback
    from graph.write.serialize import write_atomic

    out = export_target(args)
    if args.profile:
        from graph.write import profiles, serialize
        from viz.views import load_rdf

        g = load_rdf(args.graph, args.endpoint, args.store)
        targets = {out: profiles.schema_org(g) if args.profile == "schema" else serialize.turtle(profiles.sem(g))}
    else:
        from viz import export
        from viz.views import load_network

        G = export.network(load_network(args.graph, args.endpoint, args.store), args.network)
        if args.format == "csv":  # two files: NAME-nodes.csv and NAME-edges.csv beside each other
            nodes, edges = export.to_csv(G)
            targets = {out.with_name(f"{out.stem}-nodes.csv"): nodes, out.with_name(f"{out.stem}-edges.csv"): edges}
        else:
            write = {"graphml": export.to_graphml, "gexf": export.to_gexf, "cytoscape": export.to_cytoscape}[args.format]
            targets = {out: write(G)}
    for path, text in targets.items():
        readback.check(path.name, text)  # every file must parse as what it says before it replaces one
        write_atomic(path, text)
        print(f"wrote {path}")
    return 0


def cmd_extract(args: argparse.Namespace) -> int:
    """Candidate facts from one report, in the evaluation JSON, a review sheet or Turtle."""
    from graph.extract.formats import candidates_trig, eval_json, sheet_yaml
    from graph.extract.inputs import extract_file
    from graph.write.serialize import write_atomic

    if args.gold_from_graph:
        from graph.extract.gold import gold_json

        text = gold_json(args.gold_from_graph, args.data or data_dir(), args.corpus)
    else:
        if args.report is None:
            raise BuildError("extract", "name a report file (or --gold-from-graph SOURCE)")
        prepared = extract_file(args.report, args.year, args.data or data_dir(), args.corpus)
        x, doc_id = prepared.extraction, prepared.doc_id
        if args.format == "eval":
            text = eval_json(x, doc_id)
        elif args.format == "yaml":
            text = sheet_yaml(x, doc_id, prepared.source)
        else:
            text = candidates_trig(x, doc_id, __version__)
    if args.out:
        write_atomic(args.out, text)
        print(f"wrote {args.out}", file=sys.stderr)
    else:
        sys.stdout.write(text)
    return 0


def cmd_review(args: argparse.Namespace) -> int:
    """Go through a review sheet's pending candidates in the terminal, one question each."""
    from graph.extract.review import read_sheet, review
    from graph.read.corpus import read_document

    sheet = read_sheet(args.sheet)
    sentences = {}
    report = args.corpus / str(sheet["source"].get("file", ""))
    if report.is_file():
        doc = read_document(report)
        sentences = {f"{sheet['source']['id']}:{s.pointer}": s.text for s in doc.sentences}
    decided, pending = review(args.sheet, input, print, sentences)
    print(f"{decided} decided, {pending} still pending; saved {args.sheet}. Next: rightsgraph accept {args.sheet}")
    return 0


def cmd_accept(args: argparse.Namespace) -> int:
    """Move a sheet's accepted candidates into data/ as curated facts (checked first, never overwriting)."""
    from graph.extract.review import accept

    result = accept(args.sheet, args.data or data_dir(), args.corpus)
    print(result.summary())
    return 0


def cmd_ingest(args: argparse.Namespace) -> int:
    """Extract every new report of a folder into review sheets, with a progress bar and a summary per report."""
    from graph.extract.ingest import ingest
    from graph.progress import progress

    # every report is a long step here (extraction), so even two get a bar
    summaries = ingest(args.folder, args.data or data_dir(), args.corpus, args.out,
                       lambda files: progress(files, "reports", long=1))
    for s in summaries:
        print(s.line())
    return 1 if any(s.error for s in summaries) else 0


def cmd_sentences(args: argparse.Namespace) -> int:
    """Print each sentence with the pointer a curator would write for it."""
    from graph.read.corpus import corpus_file, read_document

    from graph.curate.yamlio import load_yaml

    name, given = args.file, Path(args.file)
    if given.is_file() and args.corpus.resolve() in given.resolve().parents:
        name = str(given.resolve().relative_to(args.corpus.resolve()))  # a path into the corpus folder works too
    doc = read_document(corpus_file(args.corpus, name, "sentences"))
    # The source id from sources.yaml, so each pointer can be pasted into data/ as it is.
    listing = (args.data or data_dir()) / "sources.yaml"
    sources = load_yaml(listing) if listing.is_file() else []
    ids = [row.get("id") for row in sources or [] if isinstance(row, dict) and row.get("file") == doc.name]
    prefix = f"{ids[0]}:" if ids and isinstance(ids[0], str) else ""
    for s in doc.sentences:
        print(f"{prefix}{s.pointer}\t{s.kind}\t{s.text}")
    return 0


def cmd_gen_terms(args: argparse.Namespace) -> int:
    from graph.model.ontology import load_ontology, terms_module_source
    from graph.write.serialize import write_atomic

    from graph.model import terms

    target = Path(terms.__file__)
    write_atomic(target, terms_module_source(load_ontology()))
    print(f"wrote {target}")
    from graph.curate.schema import readme_with_table

    readme = data_dir() / "README.md"
    write_atomic(readme, readme_with_table(readme.read_text(encoding="utf-8")))
    print(f"wrote the field table in {readme}")
    return 0


def bounded(low: int, high: int):
    """An argparse type: a whole number from low to high, so no option can switch its own limit off."""
    def parse(text: str) -> int:
        if not text.isascii() or not text.strip().isdigit() or not low <= int(text) <= high:
            raise argparse.ArgumentTypeError(f"expected a whole number from {low} to {high}, not {text!r}")
        return int(text)
    return parse


def _params(pairs: list[str]) -> dict[str, str]:
    out = {}
    for pair in pairs:
        name, sep, value = pair.partition("=")
        if not sep or not name:
            raise BuildError(f"--param {pair}", "expected NAME=VALUE")
        out[name] = value
    return out


def cmd_query(args: argparse.Namespace) -> int:
    from graph import query as sparql

    if args.prefixes:
        from graph.model.namespaces import PREFIXES

        for prefix, ns in PREFIXES.items():
            print(f"PREFIX {prefix}: <{ns}>")
        return 0
    if args.list:
        for q in sparql.library().values():
            params = " ".join(f"--param {p.name}=<{p.kind}>" for p in q.params)
            print(f"{q.name}{' ' + params if params else ''}\n    {q.question}")
        return 0
    if bool(args.query) == bool(args.expression):
        raise BuildError("query", "give a library name, an .rq file, or -e 'SPARQL' (see --list)")
    backend = (sparql.EndpointBackend(args.endpoint) if args.endpoint
               else sparql.LocalBackend(args.graph, allow_federation=args.allow_federation, store_dir=args.store))
    params = _params(args.param)
    page = (args.limit, args.offset) if args.limit is not None or args.offset else None
    if args.expression:
        result = sparql.run_text(args.expression, params, backend, args.max_rows, prefixes=True, page=page)
    else:
        result = sparql.run_query(args.query, params, backend, args.max_rows, page=page)
    result, page = result.page(args.limit, args.offset)
    sys.stdout.write(sparql.format_result(result, args.format))
    if page is not None:
        print(f"rightsgraph: {page}", file=sys.stderr)
    if result.server_limit is not None:
        print(f"rightsgraph: note: the endpoint cut its answer at {result.server_limit} rows (its X-SPARQL-MaxRows limit, "
              "as Virtuoso's ResultSetMaxRows does): the table is not whole; raise the server's limit", file=sys.stderr)
    elif result.truncated:
        print(f"rightsgraph: note: result cut at {args.max_rows} rows (raise --max-rows to see more)", file=sys.stderr)
    return 0


def cmd_serve(args: argparse.Namespace) -> int:
    import signal

    from graph.query.endpoint import start_server, write_query_page

    # A plain `kill` must stop the Oxigraph server too, not leave it running on its
    # port: the handler is in place before the child exists.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    server = start_server(args.graph, args.host, args.port, args.timeout, allow_federation=args.allow_federation)
    print(f"SPARQL endpoint (read-only): {server.query_url}", flush=True)  # it answers from here on
    page = write_query_page(server.query_url, args.page)
    print(f"query page (works offline): {page.resolve().as_uri()}", flush=True)
    print(f"Oxigraph's own query editor (YASGUI, served by Oxigraph, offline): {server.query_url.rsplit('/', 1)[0]}/",
          flush=True)
    print(f"time limit per query: {args.timeout} s; federation (SERVICE): {'on' if args.allow_federation else 'off'}; "
          "stop with Ctrl-C", flush=True)
    try:
        server.process.wait()
    except KeyboardInterrupt:
        pass
    finally:
        server.stop()
    return 0


def cmd_push(args: argparse.Namespace) -> int:
    from graph.progress import progress
    from graph.query.push import push

    for done in push(args.graph, args.endpoint, args.store_url, args.update_url,
                     lambda graphs: progress(graphs, "graphs", unit="graph"), args.requests):
        print(done.line())
    return 0


def cmd_mappings(args: argparse.Namespace) -> int:
    from graph.model.mappings import sssom_tsv
    from graph.resources import ontology_dir
    from graph.write.serialize import write_atomic

    target = ontology_dir() / "mappings.sssom.tsv"
    write_atomic(target, sssom_tsv())
    print(f"wrote {target}")
    return 0


def cmd_docs(args: argparse.Namespace) -> int:
    from graph.model.docs import write_docs

    print(f"wrote {write_docs(args.out)}")
    return 0


def cmd_link(args: argparse.Namespace) -> int:
    from graph.links import reconcile
    from graph.build import load
    from graph.write.serialize import write_atomic

    if args.accept:
        entity, sep, qid = args.accept.partition("=")
        if not sep:
            raise BuildError("--accept", "expected ENTITY=QID")
        print(reconcile.accept(args.data or data_dir(), entity, qid, args.source or ""))
        return 0
    curation = load(args.data or data_dir(), args.corpus)
    targets = args.entity or reconcile.unlinked(curation)
    unknown = [e for e in targets if e not in curation.entities]
    if unknown:
        raise BuildError(unknown[0], "unknown entity id")
    fetch = reconcile.recorded_fetch(args.responses) if args.responses else reconcile.http_fetch
    from datetime import date

    found = reconcile.reconcile(curation, targets, fetch)
    target = (args.data or data_dir()) / "link-candidates.yaml"
    write_atomic(target, reconcile.candidates_yaml(found, date.today().isoformat()))
    for c in found:
        if c.rank == 1:
            print(f"{c.entity}: {c.qid} {c.label!r} ({c.description}) score {c.score}")
    print(f"wrote {len(found)} unverified candidates to {target}; confirm with --accept ENTITY=QID --source \"…\"")
    return 0


def graph_source(parser: argparse.ArgumentParser, what: str) -> None:
    """--graph, --endpoint and --store: where the drawing and analysing commands read the graph."""
    parser.add_argument("--graph", type=Path, default=DEFAULT_OUT / "graph.ttl", help=f"built graph to {what} (default: out/graph.ttl)")
    parser.add_argument("--endpoint", help="instead of --graph: a SPARQL endpoint that holds the graph (pushed with `rightsgraph push`)")
    parser.add_argument("--store", type=Path, help="an Oxigraph store folder on disk: loaded from --graph the first time, "
                                                   "reused until the graph file changes (for large graphs)")


def parser() -> argparse.ArgumentParser:
    from graph.query.push import REQUESTS

    top = argparse.ArgumentParser(prog="rightsgraph", description="A knowledge graph of human-rights reporting.")
    top.add_argument("--version", action="version", version=f"rightsgraph {__version__}")
    sub = top.add_subparsers(dest="command", required=True)

    b = sub.add_parser("build", help="build, validate and write the graph")
    b.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS, help="folder of report files (default: ../shared/corpus)")
    b.add_argument("--data", type=Path, help="folder of curated facts (default: the curated data shipped with rightsgraph)")
    b.add_argument("--out", type=Path, default=DEFAULT_OUT, help="output folder (default: out/)")
    b.add_argument("--no-pictures", action="store_true", help="skip the network page and timeline")
    b.add_argument("--no-screenshot", action="store_true", help="skip the Chromium screenshot of the network page")
    b.add_argument("--cache", type=Path, help="folder of validation verdicts, so that unchanged reports are not validated "
                                              "again (default: $RIGHTSGRAPH_CACHE, else ~/.cache/rightsgraph)")
    b.add_argument("--no-cache", action="store_true", help="validate every report, and keep no verdicts")
    b.add_argument("--jobs", type=bounded(1, 256), help="processes that validate reports side by side "
                                                        "(default: every core this process may use)")
    b.add_argument("--uncovered", action="store_true",
                   help="after the summary, list every report sentence that no curated fact points at (pointer and text)")
    b.set_defaults(func=cmd_build)

    v = sub.add_parser("viz", help="write the interactive network page (offline HTML)")
    graph_source(v, "draw")
    v.add_argument("--out", type=Path, default=DEFAULT_OUT / "network.html", help="page to write (default: out/network.html)")
    v.add_argument("--focus", help="draw only what lies around this entity or event (id, name or IRI)")
    v.add_argument("--hops", type=bounded(1, 3), default=1, help="how far around --focus, 1 to 3 (default 1)")
    v.add_argument("--query", help="draw what a library query or .rq file returns")
    v.add_argument("--param", action="append", default=[], metavar="NAME=VALUE",
                   help="bind a parameter of the --query (repeatable)")
    v.add_argument("--from", dest="date_from", help="only events from this date (YYYY, YYYY-MM, YYYY-MM-DD)")
    v.add_argument("--to", dest="date_to", help="only events up to this date")
    v.add_argument("--screenshot", type=Path, help="also save a PNG screenshot (needs Chromium)")
    v.set_defaults(func=cmd_viz)

    t = sub.add_parser("timeline", help="draw events over time (SVG or PNG)")
    graph_source(t, "draw")
    t.add_argument("--out", type=Path, default=DEFAULT_OUT / "timeline.svg",
                   help="picture to write; .svg, .png or .pdf (default: out/timeline.svg)")
    t.set_defaults(func=cmd_timeline)

    a = sub.add_parser("analyse", help="central actors, communities, shortest path between two entities")
    graph_source(a, "analyse")
    a.add_argument("--path", nargs=2, metavar=("FROM", "TO"), help="explain the shortest chain between two entities")
    a.add_argument("--top", type=int, default=10, help="how many central actors to list (default: 10)")
    a.add_argument("--format", choices=["table", "json"], default="table", help="text for people or JSON for programs (default: table)")
    a.set_defaults(func=cmd_analyse)

    x = sub.add_parser("export", help="the network for Gephi, Cytoscape and spreadsheets")
    graph_source(x, "export")
    x.add_argument("--format", choices=["graphml", "gexf", "csv", "cytoscape"], default="graphml",
                   help="GraphML (Gephi, yEd), GEXF, CSV (a nodes and an edges file) or Cytoscape JSON (default: graphml)")
    x.add_argument("--network", choices=["full", "actors"], default="full",
                   help="full: events, actors, places, instruments; actors: actors linked by shared events")
    x.add_argument("--profile", choices=["schema", "sem"],
                   help="instead of a network: the graph as schema.org JSON-LD or as plain SEM Turtle")
    x.add_argument("--out", type=Path,
                   help="the file to write, with the format's suffix (default: out/network-NETWORK.graphml, .gexf, .cyjs; "
                        "out/network-NETWORK.csv becomes -nodes.csv and -edges.csv; out/graph.schema.jsonld, out/graph.sem.ttl)")
    x.set_defaults(func=cmd_export)

    e = sub.add_parser("extract", help="read one report and write candidate facts (evaluation JSON, review sheet or Turtle)")
    e.add_argument("report", type=Path, nargs="?", help="the report's text file (UTF-8)")
    e.add_argument("--year", type=bounded(1900, 2100), help="the year an annual report covers (default: from data/sources.yaml, "
                   "else the title's year minus one: \"Kazakhstan 2013\" covers 2012)")
    e.add_argument("--format", choices=["eval", "yaml", "ttl"], default="eval",
                   help="eval: the JSON of ../shared/eval/README.md (default); yaml: a review sheet in the format of data/; "
                   "ttl: the candidates as TriG in a named graph of their own, attributed to the extractor")
    e.add_argument("--out", type=Path, help="write to this file instead of standard output")
    e.add_argument("--gold-from-graph", metavar="SOURCE", help="instead: the curated facts of this source id, in the scorer's gold format")
    e.add_argument("--data", type=Path, help="folder of curated facts (default: the shipped data/)")
    e.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS, help="folder of report files (default: ../shared/corpus)")
    e.set_defaults(func=cmd_extract)

    rv = sub.add_parser("review", help="accept, reject or correct each pending candidate of a review sheet, in the terminal")
    rv.add_argument("sheet", type=Path, help="a sheet written by `extract --format yaml` or `ingest`")
    rv.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS, help="where the report is, to show each sentence")
    rv.set_defaults(func=cmd_review)

    ac = sub.add_parser("accept", help="move a review sheet's accepted candidates into data/ as curated facts")
    ac.add_argument("sheet", type=Path, help="a reviewed sheet")
    ac.add_argument("--data", type=Path, help="folder of curated facts to write (default: the shipped data/)")
    ac.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS, help="folder of report files; the report must be in it")
    ac.set_defaults(func=cmd_accept)

    ig = sub.add_parser("ingest", help="extract every new report of a folder into review sheets")
    ig.add_argument("folder", type=Path, help="folder of report text files (*.txt)")
    ig.add_argument("--out", type=Path, default=DEFAULT_OUT / "review", help="where to write the sheets (default: out/review/)")
    ig.add_argument("--data", type=Path, help="folder of curated facts (default: the shipped data/)")
    ig.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS, help="folder of report files (default: ../shared/corpus)")
    ig.set_defaults(func=cmd_ingest)

    s = sub.add_parser("sentences", help="list a report's sentences with their pointers")
    s.add_argument("file", help="a report of the corpus folder: its file name, or a path to it")
    s.add_argument("--data", type=Path,
                   help="folder of curated facts whose sources.yaml names the report (default: the shipped data); "
                        "its source id prefixes every pointer")
    s.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS, help="folder of report files (default: ../shared/corpus)")
    s.set_defaults(func=cmd_sentences)

    q = sub.add_parser("query", help="run a library query, an .rq file or -e SPARQL on the graph or an endpoint")
    q.add_argument("query", nargs="?", help="library name (see --list) or path to an .rq file")
    q.add_argument("-e", "--expression", help="ad-hoc SPARQL text")
    q.add_argument("--param", action="append", default=[], metavar="NAME=VALUE", help="bind a parameter (repeatable)")
    q.add_argument("--format", default="table", choices=["table", "csv", "tsv", "json", "xml", "ttl", "nt"],
                   help="table for people; csv, or the SPARQL results formats json, tsv, xml; ttl, nt or json for a CONSTRUCT (default: table)")
    q.add_argument("--graph", type=Path, default=DEFAULT_OUT / "graph.trig", help="built graph (default: out/graph.trig)")
    q.add_argument("--endpoint", help="query a SPARQL endpoint URL instead of the graph file")
    q.add_argument("--max-rows", type=bounded(1, 1_000_000), default=10_000,
                   help="stop after this many rows and say so, 1 to 1000000 (default 10000)")
    q.add_argument("--store", type=Path, help="an Oxigraph store folder on disk: loaded from --graph the first time, "
                                              "reused until the graph file changes (for large graphs)")
    q.add_argument("--limit", type=bounded(1, 1_000_000), help="show one page of this many rows; stderr says which rows of how many")
    q.add_argument("--offset", type=bounded(0, 1_000_000), default=0, help="skip this many rows first (with --limit: the page's start)")
    q.add_argument("--list", action="store_true", help="list the library with each question")
    q.add_argument("--prefixes", action="store_true",
                   help="print the prefixes that -e queries get without declaring them (rg:, rgd:, rdfs:, skos:, sem:, prov:, oa:, xsd:, schema: ...)")
    q.add_argument("--allow-federation", action="store_true",
                   help="let the query use SERVICE to fetch from other endpoints (off by default)")
    q.set_defaults(func=cmd_query)

    sv = sub.add_parser("serve", help="serve the graph as a read-only SPARQL endpoint (Oxigraph) with a query page")
    sv.add_argument("--graph", type=Path, default=DEFAULT_OUT / "graph.trig", help="built graph to serve (default: out/graph.trig)")
    sv.add_argument("--host", default="127.0.0.1", help="address to listen on (default: 127.0.0.1, this machine only)")
    sv.add_argument("--port", type=int, default=7878, help="port to listen on (default: 7878)")
    sv.add_argument("--timeout", type=int, default=30, help="seconds a query may run (default 30)")
    sv.add_argument("--page", type=Path, default=DEFAULT_OUT / "query.html", help="where to write the query page")
    sv.add_argument("--allow-federation", action="store_true",
                    help="let queries use SERVICE to fetch from other endpoints (off: a query could make the server "
                    "request any URL)")
    sv.set_defaults(func=cmd_serve)

    pu = sub.add_parser("push", help="load the built graph into a SPARQL server, each report's named graph replaced whole")
    pu.add_argument("--endpoint", required=True,
                    help="the server's SPARQL query URL, e.g. http://127.0.0.1:7878/query (its store and update "
                         "services are looked for beside it)")
    pu.add_argument("--graph", type=Path, default=DEFAULT_OUT / "graph.trig", help="built graph to push (default: out/graph.trig)")
    pu.add_argument("--store-url", help="the Graph Store Protocol URL, when it is not ENDPOINT/../store")
    pu.add_argument("--update-url", help="the SPARQL Update URL for servers without the Graph Store Protocol "
                                         "(default: ENDPOINT/../update)")
    pu.add_argument("--requests", type=bounded(1, 64), default=REQUESTS,
                    help=f"graphs sent at once, each replaced whole in its own request (default: {REQUESTS}; "
                         "Oxigraph loads 2 at once in 0.6 of the time)")
    pu.set_defaults(func=cmd_push)

    m = sub.add_parser("mappings", help="regenerate ontology/mappings.sssom.tsv from the Turtle")
    m.set_defaults(func=cmd_mappings)

    lk = sub.add_parser("link", help="propose Wikidata items for unlinked entities (needs the internet), or accept one")
    lk.add_argument("entity", nargs="*", help="entity ids (default: every actor and place without a Wikidata link)")
    lk.add_argument("--accept", metavar="ENTITY=QID", help="confirm a reviewed candidate: it moves to data/links.yaml as verified")
    lk.add_argument("--source", help="with --accept: how the link was confirmed")
    lk.add_argument("--responses", type=Path, help="replay recorded search answers from this folder instead of the network")
    lk.add_argument("--data", type=Path, help="folder of curated facts to read and write (default: the shipped data/)")
    lk.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS, help="folder of report files (default: ../shared/corpus)")
    lk.set_defaults(func=cmd_link)

    d = sub.add_parser("docs", help="write the ontology documentation page (pyLODE)")
    d.add_argument("--out", type=Path, default=Path("docs") / "ontology.html", help="where to write the page (default: docs/ontology.html)")
    d.set_defaults(func=cmd_docs)

    g = sub.add_parser("gen-terms", help="regenerate graph/model/terms.py from the ontology and the field table in data/README.md from graph/curate/schema.py")
    g.set_defaults(func=cmd_gen_terms)
    return top


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    try:
        code = args.func(args)
        sys.stdout.flush()  # meet a closed pipe here, not at interpreter exit
        return code
    except BrokenPipeError:
        # The reader (`| head`) went away: say so once, on stderr, and leave stdout alone.
        import os

        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        print("rightsgraph: error: stdout: the reader closed the pipe before the output ended", file=sys.stderr)
        return 2
    except BuildError as err:
        # Paths under the working directory are shown relative to it: shorter, and still clickable.
        print(f"rightsgraph: error: {str(err).replace(f'{Path.cwd()}/', '')}", file=sys.stderr)
        for line in err.excerpt() if hasattr(err, "excerpt") else []:
            print(f"  {line}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
