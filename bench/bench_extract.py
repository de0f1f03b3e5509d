"""Extraction speed in sentences per second, and how it grows with the size of a report.

Inputs: the development text, the corpus report, and synthetic reports made
by concatenating the fixture texts (tests/fixtures/extract) up to 0.1, 1 and
4 MB, so growth can be read off one table. Segmentation (the build's own
sentence reader) and extraction are timed apart; peak memory is tracemalloc's.
"""

from __future__ import annotations

import argparse
import platform
import statistics
import time
import tracemalloc
from pathlib import Path

from graph.extract.gazetteer import build_gazetteer
from graph.extract.report import extract_document
from graph.read.corpus import parse_text
from graph.resources import DEFAULT_CORPUS

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures" / "extract"


def inputs() -> list[tuple[str, str]]:
    dev = ROOT.parent / "shared" / "eval" / "dev" / "kazakhstan-2012-dev.txt"
    out = [("dev text", dev.read_text(encoding="utf-8")),
           ("corpus report", (DEFAULT_CORPUS / "kazakhstan-annual-report-2010.txt").read_text(encoding="utf-8"))]
    body = "\n\n".join(p.read_text(encoding="utf-8").split("\n", 1)[1] for p in sorted(FIXTURES.glob("*.txt")))
    for mb in (0.1, 1, 4):
        text = "Belarus 2015\n"
        while len(text) < mb * 1_000_000:
            text += body
        out.append((f"synthetic {mb:g} MB", text))
    return out


def measure(text: str, gazetteer, runs: int) -> tuple[int, float, float, float]:
    seg, ext = [], []
    for _ in range(runs):
        start = time.perf_counter()
        doc = parse_text(text, Path("bench.txt"))
        mid = time.perf_counter()
        extract_document(doc, 2014, gazetteer)
        seg.append(mid - start)
        ext.append(time.perf_counter() - mid)
    tracemalloc.start()
    extract_document(parse_text(text, Path("bench.txt")), 2014, gazetteer)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return len(doc.sentences), statistics.median(seg), statistics.median(ext), peak / 2**20


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    gazetteer = build_gazetteer()
    print(f"machine: {platform.machine()}, {platform.python_implementation()} {platform.python_version()}, "
          f"{platform.system()} {platform.release()}")
    print(f"| input | chars | sentences | segment (median of {args.runs}) | extract (median) | sentences/s | peak MiB |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    for name, text in inputs():
        n, seg, ext, peak = measure(text, gazetteer, args.runs)
        print(f"| {name} | {len(text):,} | {n:,} | {seg * 1000:.0f} ms | {ext * 1000:.0f} ms | {n / ext:,.0f} | {peak:.0f} |")


if __name__ == "__main__":
    main()
