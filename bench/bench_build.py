"""Time the build on the real corpus: load and check, assemble, validate, serialise, pictures."""

from __future__ import annotations

import argparse
import statistics
import time
import tracemalloc

from graph.assemble import assemble, union
from graph.build import BuildResult, load
from graph.model.ontology import load_shapes
from graph.resources import DEFAULT_CORPUS, data_dir
from graph.validate import validate
from graph.write import serialize
from rightsgraph.pipeline import pictures


def once() -> dict[str, float]:
    t = {}
    start = time.perf_counter()
    curation = load(data_dir(), DEFAULT_CORPUS)
    t["load and check"] = time.perf_counter() - start
    start = time.perf_counter()
    ds = assemble(curation)
    g = union(ds)
    t["assemble"] = time.perf_counter() - start
    start = time.perf_counter()
    validate(g, load_shapes())
    t["validate (SHACL)"] = time.perf_counter() - start
    start = time.perf_counter()
    serialize.turtle(g), serialize.ntriples(g), serialize.jsonld(g), serialize.trig(ds)
    t["serialise"] = time.perf_counter() - start
    start = time.perf_counter()
    pictures(BuildResult(ds, g, curation, {}))
    t["network page and timeline"] = time.perf_counter() - start
    return t


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    tracemalloc.start()
    runs = [once() for _ in range(args.runs)]
    _, peak = tracemalloc.get_traced_memory()
    for step in runs[0]:
        values = [r[step] for r in runs]
        print(f"{step:28s} median {statistics.median(values) * 1000:8.1f} ms   min {min(values) * 1000:8.1f} ms")
    print(f"peak traced memory: {peak / 2**20:.1f} MiB over {args.runs} runs")


if __name__ == "__main__":
    main()
