"""Queries at scale, in one run: load and every library query through the project and through raw pyoxigraph.

For each size, a seeded synthetic graph (bench/synth.py) is loaded once into
an in-memory Oxigraph store the way `rightsgraph query` loads it, and once
with pyoxigraph alone. Each library query then runs RUNS times through the
project (parameter resolution, VALUES binding, result conversion) and RUNS
times as the very same text on the raw store; the table gives both medians
and their ratio. Each size runs in its own process, so peak memory is that
size's own. `serve` is timed twice: loading its store on disk the first time,
and starting until its endpoint answers once the store is loaded.

    .venv/bin/python bench/run.py                       # 10k and 100k triples
    .venv/bin/python bench/run.py --sizes 10000 100000 1000000 --write
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
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

RUNS = 5
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
        rows[name] = {"project_ms": project, "raw_ms": bare, "rows": size}
    triples = sum(1 for _ in open(path, encoding="utf-8"))
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux
    return {"triples": triples, "load_s": load, "raw_load_s": raw_load, "peak_mib": peak, "queries": rows,
            **serve_times(path)}


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
    lines.append("| `serve`: store on disk, first load (s) | " + " | ".join(f"{r['store_load_s']:.2f}" for r in results) + " |")
    lines.append("| `serve`: first answer, store loaded (s) | " + " | ".join(f"{r['serve_first_answer_s']:.2f}" for r in results) + " |")
    for name in sorted(results[0]["queries"]):
        cells = []
        for r in results:
            q = r["queries"][name]
            ratio = q["project_ms"] / q["raw_ms"] if q["raw_ms"] > 0 else float("nan")
            cells.append(f"{q['project_ms']:.1f} / {q['raw_ms']:.1f} ({ratio:.2f}x, {q['rows']} rows)")
        lines.append(f"| `{name}` ms, project / raw | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--write", action="store_true", help="replace the section of bench/RESULTS.md")
    parser.add_argument("--one", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        print(json.dumps(one_size(args.one)))
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
    body = table(results)
    print(body)
    if args.write:
        command = "`.venv/bin/python bench/run.py --sizes " + " ".join(str(s) for s in args.sizes) + " --write`"
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
