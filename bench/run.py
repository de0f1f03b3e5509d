"""Queries at scale, in one run: load and every library query through the project and through raw pyoxigraph.

For each size, a seeded synthetic graph (bench/synth.py) is loaded once into
an in-memory Oxigraph store the way `rightsgraph query` loads it, and once
with pyoxigraph alone. Each library query then runs RUNS times through the
project (parameter resolution, VALUES binding, result conversion) and RUNS
times as the very same text on the raw store; the table gives both medians
and their ratio. Each size runs in its own process, so peak memory is that
size's own. `serve` is timed twice: loading its store on disk the first time,
and starting until its endpoint answers once the store is loaded. `viz` is
timed as the command runs it (load, the projection's SPARQL, node budget,
layout, timeline, page), then Chromium's first draw of the page, and a GraphML
export, and `push` into a writable Oxigraph server. The first page of each
question is timed in memory and from a store on disk (its engine alone, the
first ask on a freshly prepared store, then the asks that read the table the
store kept). Last, the build itself on synthetic corpora of curated reports
(bench/corpus.py), first with no kept verdicts and then after one report
changed, with the time of each step (SHACL validation and the four writers,
each side by side on the machine's cores).

    .venv/bin/python bench/run.py                       # 10k and 100k triples
    .venv/bin/python bench/run.py --sizes 10000 100000 1000000 --reports 10 50 100 --write   # bench/RESULTS.md
"""

from __future__ import annotations

import argparse
import json
import platform
import resource
import statistics
import subprocess
import sys
import time
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

RUNS = 5
PAGE = 50  # rows in a first page
# Parameters that name things of the synthetic graph.
PARAMS = {
    "actor_events": {"actor": "actor-3"}, "events_in_place": {"place": "place-0"},
    "events_in_period": {"from": "2009-09", "to": "2009-12"}, "events_by_right": {"right": "FreedomFromTorture"},
    "evidence": {"fact": "c00000-e00"}, "neighbourhood": {"entity": "c00000-e00", "hops": "2"},
    "office_holders": {"date": "2009-05"}, "statement_sources": {"fact": "c00000-e00"},
    "claims_about": {"event": "c00000-e00"},
}


def median_ms(call) -> float:
    times = []
    for _ in range(RUNS):
        start = time.perf_counter()
        call()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def one_size(path: Path) -> dict:
    """Everything measured on one synthetic graph, in this process."""
    import pyoxigraph as ox

    from graph.query import LocalBackend, bind_params, find_query, inject_values, library, run_query

    start = time.perf_counter()
    raw = ox.Store()
    raw.bulk_load(path=str(path), format=ox.RdfFormat.N_QUADS)
    raw_load = time.perf_counter() - start
    start = time.perf_counter()
    backend = LocalBackend(path)
    load = time.perf_counter() - start
    rows = {}
    for name in sorted(library()):
        query = find_query(name)
        params = PARAMS.get(name, {})
        text = inject_values(query.text, bind_params(query, params, backend), name)
        project = median_ms(lambda: run_query(name, params, backend))
        bare = median_ms(lambda: list(raw.query(text, use_default_graph_as_union=True)))
        answer = run_query(name, params, backend)
        size = len(answer.rows) if answer.kind == "select" else len(answer.graph)
        page = median_ms(lambda: run_query(name, params, backend, page=(PAGE, 0)))
        rows[name] = {"project_ms": project, "raw_ms": bare, "rows": size, "page_ms": page}
    kept = kept_times(path, sorted(rows))
    triples = sum(1 for _ in open(path, encoding="utf-8"))
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux
    return {"triples": triples, "load_s": load, "raw_load_s": raw_load, "peak_mib": peak, "queries": rows, **kept,
            **serve_times(path), **picture_times(path), **push_seconds(path)}


def kept_times(path: Path, names) -> dict:
    """The first page of each question from a store on disk: the store's engine alone (nothing kept), the first
    ask on a freshly prepared store (a question without parameters, or whose one parameter is a right, was kept
    while the store loaded; any other is worked out by the engine and kept), then the median of the asks after it (read from the kept
    table). A graph answer (neighbourhood) is not kept: each ask works it out."""
    import tempfile

    from graph.query import LocalBackend, run_query

    times = {}
    with tempfile.TemporaryDirectory() as tmp:
        disk = LocalBackend(path, store_dir=Path(tmp) / "store")
        engine = LocalBackend(path, store_dir=Path(tmp) / "store")
        engine.kept = None
        for name in names:
            params = PARAMS.get(name, {})
            start = time.perf_counter()
            run_query(name, params, engine, page=(PAGE, 0))
            alone = (time.perf_counter() - start) * 1000
            start = time.perf_counter()
            run_query(name, params, disk, page=(PAGE, 0))
            first = (time.perf_counter() - start) * 1000
            times[name] = {"engine_ms": alone, "first_ms": first,
                           "kept_ms": median_ms(lambda: run_query(name, params, disk, page=(PAGE, 0)))}
    return {"kept": times}


def picture_times(path: Path) -> dict:
    """`viz` and `export` on this graph, step by step as the commands run them, and Chromium's first draw."""
    from bench.bench_viz import first_draw_seconds
    from viz import export
    from viz.draw.page import page_html
    from viz.views import load_network

    start = time.perf_counter()
    G = load_network(path)  # load into Oxigraph, then the projection's SPARQL
    network = time.perf_counter() - start
    start = time.perf_counter()
    html = page_html(G, "benchmark")  # node budget, layout, timeline, page
    page = time.perf_counter() - start
    start = time.perf_counter()
    export.to_graphml(export.network(G, "full"))
    graphml = time.perf_counter() - start
    drawn = first_draw_seconds(html)
    return {"network_s": network, "page_s": page, "viz_s": network + page, "graphml_s": graphml,
            "page_mib": len(html.encode("utf-8")) / 2**20, "drawn_s": drawn, "nodes": G.number_of_nodes()}


def serve_times(path: Path) -> dict:
    """`serve` on this graph: loading its store on disk the first time, then the first answer from a loaded store."""
    import shutil
    import tempfile

    from graph.query.endpoint import free_port, start_server
    from graph.query.stores import prepare_store

    with tempfile.TemporaryDirectory() as tmp:
        store = Path(tmp) / "store"
        start = time.perf_counter()
        prepare_store(path, store)
        store_load = time.perf_counter() - start
        start = time.perf_counter()
        server = start_server(path, port=free_port(), store_dir=store)  # returns once the endpoint answers
        first_answer = time.perf_counter() - start
        server.stop()
        shutil.rmtree(store, ignore_errors=True)
    return {"store_load_s": store_load, "serve_first_answer_s": first_answer}


def build_times(reports: int) -> dict:
    """The build on a synthetic corpus of `reports` reports (bench/corpus.py), in this process: the first build
    with an empty verdict cache, then again after one report's facts changed (the others are not validated)."""
    import shutil
    import tempfile

    from bench.corpus import write_corpus
    from graph.build import build

    with tempfile.TemporaryDirectory() as tmp:
        corpus, data = write_corpus(Path(tmp), reports)
        cache = Path(tmp) / "cache"
        start = time.perf_counter()
        first = build(corpus, data, cache)
        first_s = time.perf_counter() - start
        # The first build's peak, taken before the second runs; and its graph let go, so that the second build
        # does not hold two graphs at once (the peak of the run before this was measured so, near twice as high).
        peak_mib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        worker_peak_mib = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
        triples, first_steps = len(first.graph), first.seconds
        del first
        events = data / "events" / "veloria-0000.yaml"
        events.write_text(events.read_text(encoding="utf-8").replace("Police detain", "Police hold", 1), encoding="utf-8")
        start = time.perf_counter()
        again = build(corpus, data, cache)
        again_s = time.perf_counter() - start
        shutil.rmtree(cache, ignore_errors=True)
    return {"reports": reports, "triples": triples, "build_s": first_s, "rebuild_s": again_s,
            "validated": again.verdicts.misses, "unchanged": again.verdicts.hits, "steps": first_steps,
            "again_steps": again.seconds, "peak_mib": peak_mib, "worker_peak_mib": worker_peak_mib}


STEPS = ("load", "assemble", "union", "validate: parts prepared", "validate and write", "validate: parts judged",
         "write graph.ttl", "write graph.trig", "write graph.nt", "write graph.jsonld", "read back")
STEP_NAMES = {"union": "union of the named graphs", "validate: parts prepared": "validation's parts prepared",
              "validate and write": "validate and write (one pool, side by side)",
              "validate: parts judged": "… parts judged (seconds of every worker, summed)",
              "write graph.ttl": "… write graph.ttl", "write graph.trig": "… write graph.trig",
              "write graph.nt": "… write graph.nt", "write graph.jsonld": "… write graph.jsonld",
              "read back": "… read back (each file by its writer's process, summed)"}


def build_table(results: list[dict]) -> str:
    lines = ["| reports | statements | first build (s) | peak memory of the first build (MiB), build / largest worker | after one report changed (s) | parts validated / unchanged |",
             "|---:|---:|---:|---:|---:|---|"]
    for r in results:
        lines.append(f"| {r['reports']} | {r['triples']:,} | {r['build_s']:.1f} | {r['peak_mib']:.0f} / {r['worker_peak_mib']:.0f} | {r['rebuild_s']:.1f} | "
                     f"{r['validated']} / {r['unchanged']} |")
    lines += ["", "Where the time goes, step by step (s), first build / after one report changed:", "",
              "| step | " + " | ".join(f"{r['reports']} reports" for r in results) + " |", "|---|" + "---:|" * len(results)]
    for step in STEPS:
        lines.append(f"| {STEP_NAMES.get(step, step)} | " + " | ".join(f"{r['steps'].get(step, 0):.1f} / {r['again_steps'].get(step, 0):.1f}"
                                                for r in results) + " |")
    return "\n".join(lines)


def push_seconds(path: Path) -> dict:
    """`push` of this graph into a writable Oxigraph server started here (the graph as TriG, as a build writes it),
    one graph at a time and two at a time, each into a fresh server on disk, and one at a time into a server that
    keeps its store in memory; apart, the client's own part (reading the TriG into one N-Triples document per named
    graph). The two last tell the server's storage from the rest."""
    import tempfile

    import pyoxigraph as ox

    from graph.query.push import graphs_of, push

    with tempfile.TemporaryDirectory() as tmp:
        trig = Path(tmp) / "graph.trig"
        store = ox.Store()
        store.bulk_load(path=str(path), format=ox.RdfFormat.N_QUADS)
        store.dump(str(trig), format=ox.RdfFormat.TRIG)
        del store
        start = time.perf_counter()
        graphs_of(trig)
        out = {"push_client_s": time.perf_counter() - start}
        for requests, location, key in ((1, Path(tmp) / "db-1", "push_s"), (2, Path(tmp) / "db-2", "push_two_s"),
                                        (1, None, "push_memory_s")):
            with writable_server(location) as url:
                start = time.perf_counter()
                push(trig, url, requests=requests)
                out[key] = time.perf_counter() - start
        return out


@contextmanager
def writable_server(location: Path | None):
    """A writable Oxigraph server on a fresh store (in memory without a location), its query URL once it answers."""
    import subprocess as sp
    import urllib.request

    from graph.query.endpoint import free_port
    from graph.query.stores import oxigraph_binary

    port = free_port()
    where = ["--location", str(location)] if location is not None else []
    server = sp.Popen([oxigraph_binary(), "serve", *where, "--bind", f"127.0.0.1:{port}", "--union-default-graph"],
                      stdout=sp.DEVNULL, stderr=sp.DEVNULL)
    url = f"http://127.0.0.1:{port}/query"
    try:
        for _ in range(200):
            try:
                urllib.request.urlopen(url + "?query=ASK%7B%7D", timeout=2).close()
                break
            except OSError:
                time.sleep(0.1)
        yield url
    finally:
        server.terminate()
        server.wait(timeout=60)


def machine() -> str:
    cpu = "unknown CPU"
    try:
        for line in open("/proc/cpuinfo", encoding="utf-8"):
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    import os

    return f"{platform.machine()}, {os.cpu_count()} cores ({cpu}), CPython {platform.python_version()}, {platform.system()}"


def table(results: list[dict]) -> str:
    sizes = [f"{r['triples']:,}" for r in results]
    lines = ["| step | " + " | ".join(sizes) + " |", "|---|" + "---:|" * len(results)]
    lines.append("| load, project (s) | " + " | ".join(f"{r['load_s']:.2f}" for r in results) + " |")
    lines.append("| load, raw pyoxigraph (s) | " + " | ".join(f"{r['raw_load_s']:.2f}" for r in results) + " |")
    lines.append("| peak memory (MiB) | " + " | ".join(f"{r['peak_mib']:.0f}" for r in results) + " |")
    lines.append("| store on disk: load, keep the questions without parameters or with a right, compact (s) | " + " | ".join(f"{r['store_load_s']:.2f}" for r in results) + " |")
    lines.append("| `serve`: first answer, store loaded (s) | " + " | ".join(f"{r['serve_first_answer_s']:.2f}" for r in results) + " |")
    lines.append("| network nodes (page draws at most 2,000) | " + " | ".join(f"{r['nodes']:,}" for r in results) + " |")
    lines.append("| `viz`: load and project the network (s) | " + " | ".join(f"{r['network_s']:.2f}" for r in results) + " |")
    lines.append("| `viz`: budget, layout, timeline, page (s) | " + " | ".join(f"{r['page_s']:.2f}" for r in results) + " |")
    lines.append("| `viz`: whole (s) | " + " | ".join(f"{r['viz_s']:.2f}" for r in results) + " |")
    lines.append("| page size (MiB) | " + " | ".join(f"{r['page_mib']:.1f}" for r in results) + " |")
    lines.append("| Chromium: open to first draw (s) | " + " | ".join(
        f"{r['drawn_s']:.2f}" if r["drawn_s"] is not None else "n/a" for r in results) + " |")
    lines.append("| `export --format graphml`, after the projection (s) | " + " | ".join(f"{r['graphml_s']:.2f}" for r in results) + " |")
    lines.append("| `push` into a writable Oxigraph server on disk (s) | " + " | ".join(f"{r['push_s']:.2f}" for r in results) + " |")
    lines.append("| `push --requests 2`, two graphs at a time (s) | " + " | ".join(f"{r['push_two_s']:.2f}" for r in results) + " |")
    lines.append("| `push` into a writable Oxigraph server that keeps its store in memory (s) | "
                 + " | ".join(f"{r['push_memory_s']:.2f}" for r in results) + " |")
    lines.append("| … reading the TriG into named graphs, the client's part of either (s) | "
                 + " | ".join(f"{r['push_client_s']:.2f}" for r in results) + " |")
    for name in sorted(results[0]["queries"]):
        cells = []
        for r in results:
            q = r["queries"][name]
            ratio = q["project_ms"] / q["raw_ms"] if q["raw_ms"] > 0 else float("nan")
            cells.append(f"{q['project_ms']:.1f} / {q['raw_ms']:.1f} ({ratio:.2f}x, {q['rows']} rows)")
        lines.append(f"| `{name}` ms, project / raw | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def page_table(results: list[dict]) -> str:
    """The first page of every question: in memory, and from a store on disk (its engine alone, first ask, then
    kept)."""
    sizes = [f"{r['triples']:,}" for r in results]
    lines = ["| question: first page of " + str(PAGE) + " rows, ms | " + " | ".join(sizes) + " |",
             "|---|" + "---:|" * len(results)]
    for name in sorted(results[0]["queries"]):
        cells = []
        for r in results:
            page = f"{r['queries'][name]['page_ms']:.1f}"
            kept = r["kept"].get(name)
            cells.append(f"{page} / {kept['engine_ms']:.0f} / {kept['first_ms']:.1f} / {kept['kept_ms']:.1f}")
        lines.append(f"| `{name}` | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--write", action="store_true", help="replace the section of bench/RESULTS.md")
    parser.add_argument("--reports", type=int, nargs="*", default=[10, 50],
                        help="synthetic corpora to build, by number of reports (none: skip the build)")
    parser.add_argument("--one", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--build-one", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        print(json.dumps(one_size(args.one)))
        return
    if args.build_one:
        print(json.dumps(build_times(args.build_one)))
        return
    from bench.synth import write

    folder = ROOT / "build" / "bench"
    folder.mkdir(parents=True, exist_ok=True)
    results = []
    for size in args.sizes:
        path = folder / f"synthetic-{size}.nq"
        if not path.exists():
            write(path, size)
        done = subprocess.run([sys.executable, __file__, "--one", str(path)], capture_output=True, text=True, check=True)
        results.append(json.loads(done.stdout))
        print(f"measured {results[-1]['triples']:,} statements", file=sys.stderr)
    builds = []
    for reports in args.reports:
        done = subprocess.run([sys.executable, __file__, "--build-one", str(reports)], capture_output=True, text=True, check=True)
        builds.append(json.loads(done.stdout))
        print(f"built {reports} reports", file=sys.stderr)
    body = table(results)
    body += ("\n\nThe first page (`--limit " + str(PAGE) + "`) of each question: in memory / from a store on disk, "
             "its engine alone (nothing kept) / from a freshly prepared store, the first ask (a question without "
             "parameters, or whose one parameter is a right, was kept while the store loaded; any other is worked "
             "out and kept) / the asks "
             "after it (median; `neighbourhood` is a graph, worked out at every ask):\n\n" + page_table(results))
    if builds:
        body += ("\n\nThe build on synthetic corpora (`bench/corpus.py`: the invented fixture report, its facts "
                 "under new ids per report, the bodies every report names curated once), each in its own process; "
                 "\"after one report changed\" is the same build again with one event summary edited, its "
                 "verdict cache kept:\n\n" + build_table(builds))
    print(body)
    if args.write:
        command = ("`.venv/bin/python bench/run.py --sizes " + " ".join(str(s) for s in args.sizes)
                   + " --reports " + " ".join(str(r) for r in args.reports) + " --write`")
        section = (f"## Queries at scale (`bench/run.py`)\n\nCommand: {command}, one run, on {machine()}. "
                   f"Medians of {RUNS} runs; each size in its own process. Synthetic graphs from `bench/synth.py` "
                   "(seeded; one named graph per chapter of 50 events, with participations, roles and evidence, "
                   "and the ontology). \"project\" is `run_query` on the store `rightsgraph query` loads "
                   "(parameter resolution, VALUES binding, conversion to rdflib terms); \"raw\" is the same query "
                   "text on a pyoxigraph store, results only iterated.\n\n" + body + "\n")
        target = ROOT / "bench" / "RESULTS.md"
        text = target.read_text(encoding="utf-8")
        head, sep, rest = text.partition("## Queries at scale (`bench/run.py`)")
        tail = rest[rest.find("\n## "):] if sep and "\n## " in rest else ""
        target.write_text(head.rstrip() + "\n\n" + section + tail, encoding="utf-8")
        print(f"wrote {target}", file=sys.stderr)


if __name__ == "__main__":
    main()
