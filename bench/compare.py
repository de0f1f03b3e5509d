"""The build of one commit against another, side by side in one run, on the same synthetic corpora.

A change to the build is judged by what it saves on this machine today, not
against figures from another day (runs on a shared machine vary by more than
many changes save). The commit given is checked out into a temporary git
worktree; each corpus (bench/corpus.py, the same for both) is built by both
trees in turn, each build in its own process with no verdict cache (with
--cache, an empty one, as a first build has: then every part is hashed too),
and the medians of --runs builds are compared, step by step.

    .venv/bin/python bench/compare.py --before 943dc6c --reports 100 300
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

# A tree before the validation and the writers shared one pool has "validate" and "write" (each side by side);
# this one has "validate and write" (one pool), with the parts' seconds summed over the workers. The table
# shows the steps both trees have.
STEPS = ("load", "assemble", "union", "validate", "write", "validate and write", "validate: parts judged", "read back")
# What follows loading, assembling and the union (validating and writing, however a tree shares them out): the
# same span in every tree, so that two trees that name their steps differently still compare there.
BEFORE_VALIDATION = ("load", "assemble", "union")
REST = "validate and write (total less load, assemble, union)"
ONE_BUILD = """
import json, sys, time
from pathlib import Path
from graph.build import build
corpus, data = Path(sys.argv[1]), Path(sys.argv[2])
cache = Path(sys.argv[3]) if len(sys.argv) > 3 else None
start = time.perf_counter()
result = build(corpus, data, cache)
print(json.dumps({"total": time.perf_counter() - start, "statements": len(result.graph),
                  "parts validated": result.verdicts.misses, **result.seconds}))
"""


def one_build(tree: Path, corpus: Path, data: Path, cache: bool = False) -> dict:
    """One build by the code in `tree`, in a process of its own (its modules, nothing cached from another);
    with cache, given an empty verdict cache of its own."""
    with tempfile.TemporaryDirectory() as folder:
        done = subprocess.run([sys.executable, "-c", ONE_BUILD, str(corpus), str(data),
                               *([str(Path(folder) / "cache")] if cache else [])], cwd=tree, check=True,
                              capture_output=True, text=True, env={**os.environ, "PYTHONPATH": str(tree)})
    return json.loads(done.stdout)


def table(rows: list[tuple[int, int, dict, dict]], before: str) -> str:
    lines = [f"| reports | statements | step | {before} (s) | this tree (s) | this tree / {before} |",
             "|---:|---:|---|---:|---:|---:|"]
    for reports, statements, old, new in rows:
        old, new = ({**found, REST: found["total"] - sum(found.get(s, 0.0) for s in BEFORE_VALIDATION)}
                    for found in (old, new))
        for step in ("total", *STEPS, REST):
            if step in old and step in new:
                lines.append(f"| {reports} | {statements:,} | {step} | {old[step]:.2f} | {new[step]:.2f} | "
                             f"{new[step] / old[step]:.2f} |")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--before", required=True, help="the commit to compare this tree with")
    parser.add_argument("--reports", type=int, nargs="+", default=[100])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--cache", action="store_true", help="give each build an empty verdict cache")
    args = parser.parse_args()
    from bench.corpus import write_corpus

    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        old_tree = Path(tmp) / "before"
        subprocess.run(["git", "-C", str(ROOT), "worktree", "add", "--detach", str(old_tree), args.before],
                       check=True, capture_output=True)
        try:
            for reports in args.reports:
                corpus, data = write_corpus(Path(tmp) / f"corpus-{reports}", reports)
                runs: dict[str, list[dict]] = {"before": [], "after": []}
                for _ in range(args.runs):  # in turn, so that both see the machine as it is at the time
                    runs["before"].append(one_build(old_tree, corpus, data, args.cache))
                    runs["after"].append(one_build(ROOT, corpus, data, args.cache))
                medians = {side: {step: statistics.median(r.get(step, 0.0) for r in found) for step in found[0]}
                           for side, found in runs.items()}
                rows.append((reports, int(medians["after"]["statements"]), medians["before"], medians["after"]))
                print(f"built {reports} reports {args.runs} times each way", file=sys.stderr)
        finally:
            subprocess.run(["git", "-C", str(ROOT), "worktree", "remove", "--force", str(old_tree)], check=False,
                           capture_output=True)
    print(table(rows, args.before))


if __name__ == "__main__":
    main()
