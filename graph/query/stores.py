"""Oxigraph stores on disk: a large graph is loaded once and reused by every command until it changes.

Parsing a million triples takes seconds and gigabytes; a store on disk opens
at once. The store remembers the SHA-256 of the graph file it was loaded from
and is loaded again (into a fresh folder, renamed into place when complete)
only when the file changed, so a half-loaded store is never used. While it
loads, the library's questions without parameters, and those whose one
parameter is a right (for every right), are worked out and kept inside it
(graph/query/answers.py), so a fresh store answers them at once. Loaded,
the store is compacted (``oxigraph optimize``) before it is used: it is opened
read-only from then on, and a read-only store is never compacted.
"""

from __future__ import annotations

import hashlib
import shutil
import subprocess
import sys
from pathlib import Path

from graph.errors import BuildError
from graph.query.answers import FOLDER, warm

MARKER = "rightsgraph-source.sha256"


def oxigraph_binary() -> str:
    """The oxigraph CLI installed beside this Python, or on PATH."""
    beside = Path(sys.executable).with_name("oxigraph")
    if beside.exists():
        return str(beside)
    found = shutil.which("oxigraph")
    if not found:
        raise BuildError("oxigraph", "the Oxigraph server is not installed (pip install oxigraph)")
    return found


def prepare_store(graph_file: Path, store_dir: Path) -> Path:
    """Load the graph into an Oxigraph store, reusing it while the graph file is unchanged."""
    if not graph_file.is_file():
        raise BuildError(str(graph_file), "graph file not found: run `rightsgraph build` first, or pass --graph FILE")
    digest = hashlib.sha256()
    with graph_file.open("rb") as data:  # in blocks: a large graph is not read into memory to be hashed
        for block in iter(lambda: data.read(1 << 20), b""):
            digest.update(block)
    digest = digest.hexdigest()
    marker = store_dir / MARKER
    if marker.is_file() and marker.read_text().strip() == digest:
        return store_dir
    tmp = store_dir.with_name(store_dir.name + ".loading")
    answers = store_dir.with_name(store_dir.name + ".answers")
    for old in (tmp, answers):
        shutil.rmtree(old, ignore_errors=True)
    running = subprocess.Popen([oxigraph_binary(), "load", "--location", str(tmp), "--file", str(graph_file)],
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    try:
        warm(graph_file, answers, digest)  # on this core, while Oxigraph loads the store on another
        _finish(running, graph_file, "load the graph")
        # The bulk loader leaves its files as written. Compacted, they answer a third faster (in the bench at
        # 1.1M statements, events_in_period's first ask 0.44 s instead of 0.66 s) for about two thirds more
        # disk; a server open for writing compacts in the background, a read-only store never does.
        running = subprocess.Popen([oxigraph_binary(), "optimize", "--location", str(tmp)],
                                   stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        _finish(running, graph_file, "optimize the store")
        (tmp / marker.name).write_text(digest + "\n")
        if answers.is_dir():
            answers.rename(tmp / FOLDER)
        shutil.rmtree(store_dir, ignore_errors=True)
        tmp.rename(store_dir)
    finally:  # stopped or failed: no half-loaded store, no stray tables, no loader left running
        if running.returncode is None:
            running.kill()
            running.wait()
        for old in (tmp, answers):
            shutil.rmtree(old, ignore_errors=True)
    return store_dir


def _finish(process: subprocess.Popen, graph_file: Path, doing: str) -> None:
    _, err = process.communicate()
    if process.returncode != 0:
        last = (err.strip().splitlines() or ["unknown error"])[-1]
        raise BuildError(str(graph_file), f"oxigraph could not {doing}: {last}")


def source_digest(store_dir: Path) -> str:
    """The SHA-256 of the graph file a prepared store was loaded from."""
    return (store_dir / MARKER).read_text().strip()


__all__ = ["oxigraph_binary", "prepare_store", "source_digest"]
