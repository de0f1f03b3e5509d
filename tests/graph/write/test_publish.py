"""out/ is replaced whole: killed at any moment, a build leaves the old set or the new one, never a mix."""

from __future__ import annotations

import hashlib
import os
import random
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from graph.errors import BuildError
from graph.write.publish import staged
from tests.paths import CORPUS, DATA_DIR, ROOT


def digest(folder: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.iterdir()) if p.is_file()}


def test_a_failure_inside_leaves_out_untouched_and_no_stage(tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    (out / "graph.ttl").write_text("old")
    with pytest.raises(RuntimeError):
        with staged(out, {"graph.ttl"}) as stage:
            (stage / "graph.ttl").write_text("new")
            raise RuntimeError("screenshot failed")
    assert (out / "graph.ttl").read_text() == "old"
    assert sorted(p.name for p in tmp_path.iterdir()) == [".out.lock", "out"]


def test_what_the_build_does_not_own_is_kept_and_what_it_owns_is_replaced(tmp_path):
    out = tmp_path / "out"
    (out / "review").mkdir(parents=True)
    (out / "review" / "sheet.yaml").write_text("mine")
    (out / "network.png").write_text("stale picture")
    with staged(out, {"graph.ttl", "network.png"}) as stage:
        (stage / "graph.ttl").write_text("new")
    assert (out / "review" / "sheet.yaml").read_text() == "mine"
    assert sorted(p.name for p in out.iterdir()) == ["graph.ttl", "review"]


def test_out_that_is_a_file_is_refused(tmp_path):
    (tmp_path / "out").write_text("x")
    with pytest.raises(BuildError, match="is a file"):
        with staged(tmp_path / "out", set()):
            pass


def build(data: Path, out: Path, tmp: Path | None = None) -> subprocess.Popen:
    env = {**os.environ, **({"TMPDIR": str(tmp)} if tmp is not None else {})}
    return subprocess.Popen([sys.executable, "-m", "rightsgraph.cli", "build", "--corpus", str(CORPUS), "--data", str(data),
                             "--out", str(out), "--no-screenshot"], cwd=ROOT, stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE, text=True, env=env)


@pytest.fixture(scope="module")
def variants(tmp_path_factory):
    """Two curated data sets that differ in one label, each built once for reference."""
    root = tmp_path_factory.mktemp("variants")
    sets = {}
    for name, label in (("a", "Marie Struthers"), ("b", "Marie Struthers-Variant")):
        data = root / f"data-{name}"
        shutil.copytree(DATA_DIR, data, ignore=shutil.ignore_patterns("__pycache__"))
        entities = data / "entities.yaml"
        entities.write_text(entities.read_text(encoding="utf-8").replace("label: Marie Struthers", f"label: {label}"),
                            encoding="utf-8")
        ref = root / f"ref-{name}"
        assert build(data, ref).wait(timeout=120) == 0
        sets[name] = (data, digest(ref))
    assert sets["a"][1]["graph.ttl"] != sets["b"][1]["graph.ttl"]
    return sets


def test_builds_killed_at_random_moments_leave_a_whole_set(tmp_path, variants):
    out, tmp = tmp_path / "out", tmp_path / "tmp"  # tmp: the builds' own temporary folder (their kept outputs)
    tmp.mkdir()
    assert build(variants["a"][0], out, tmp).wait(timeout=120) == 0
    current = "a"
    rng = random.Random(20261129)
    for _ in range(5):
        other = "b" if current == "a" else "a"
        proc = build(variants[other][0], out, tmp)
        time.sleep(rng.uniform(0.5, 7.0))
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
        now = digest(out)
        assert now in (variants["a"][1], variants["b"][1]), "a mixed set of outputs"
        current = "a" if now == variants["a"][1] else "b"
    assert build(variants["a"][0], out, tmp).wait(timeout=120) == 0
    assert digest(out) == variants["a"][1]
    assert sorted(p.name for p in tmp_path.iterdir()) == [".out.lock", "out", "tmp"]  # killed builds' folders cleaned
    assert [p.name for p in tmp.iterdir() if p.name.startswith("rightsgraph-outputs-")] == []  # and their kept outputs


def test_two_builds_at_once_do_not_interleave(tmp_path, variants):
    out = tmp_path / "out"
    first, second = build(variants["a"][0], out), build(variants["b"][0], out)
    assert first.wait(timeout=180) == 0 and second.wait(timeout=180) == 0
    assert digest(out) in (variants["a"][1], variants["b"][1])
