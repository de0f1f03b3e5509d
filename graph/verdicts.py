"""Validation verdicts kept by content hash, so a build re-validates only the reports whose graph changed.

SHACL validation is most of a build's time, and it is a pure function of its
input: the report's part of the graph (with the shared graphs and what it
borrows), the shapes, and the validator. The key hashes all of them: each
piece's N-Triples sorted (the build makes no blank nodes, so they are
stable), the ontology and shape files, this code and the pySHACL version. Any change
to any of them is a new key, and the part is validated again; nothing is
ever read back under a key that could mean different input.

The cache is a folder of small JSON files (the violations found, usually
none), written to a temporary file and renamed. It is only a saving: a cache
that cannot be written is skipped, and ``--no-cache`` validates everything.
"""

from __future__ import annotations

import hashlib
import json
import os
from importlib.metadata import version
from pathlib import Path

FORMAT = "2"  # bump when the stored JSON changes meaning


def default_folder() -> Path:
    """$RIGHTSGRAPH_CACHE, else the XDG cache folder (~/.cache/rightsgraph)."""
    if os.environ.get("RIGHTSGRAPH_CACHE"):
        return Path(os.environ["RIGHTSGRAPH_CACHE"])
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "rightsgraph"


def _digest_files(paths: list[Path]) -> str:
    h = hashlib.sha256()
    for path in paths:
        h.update(path.name.encode("utf-8") + b"\0" + path.read_bytes() + b"\0")
    return h.hexdigest()


def validator_digest(ontology_folder: Path) -> str:
    """What else decides a verdict: the ontology and shape files, the code that derives and runs the shapes, pySHACL."""
    from graph import validate
    from graph.model import ontology

    files = [ontology_folder / name for name in (*ontology.ONTOLOGY_FILES, ontology.SHAPES_FILE)]
    code = [Path(validate.__file__), Path(ontology.__file__), Path(__file__)]
    return hashlib.sha256(f"{FORMAT}\0{version('pyshacl')}\0{version('rdflib')}\0{_digest_files(files)}\0"
                          f"{_digest_files(code)}".encode("utf-8")).hexdigest()


def graph_digest(statements) -> str:
    """The SHA-256 of a graph's N-Triples lines (or of any statements'), sorted, each ending in a line break (the
    build makes no blank nodes, so they are stable). The lines are rdflib's (serialize.nt_lines), made without
    rdflib's writer: hashing a part with it was a twelfth of the part's time."""
    from graph.write.serialize import nt_lines

    lines = sorted(nt_lines(statements))
    return hashlib.sha256(("\n".join(lines) + "\n" if lines else "").encode("utf-8")).hexdigest()


class Verdicts:
    """Violations per validated part, by content hash; folder None keeps nothing (always validate)."""

    def __init__(self, folder: Path | None, validator: str):
        self.folder = folder / "verdicts" if folder is not None else None
        self.validator = validator
        self.hits = self.misses = 0

    def key(self, pieces: list[str], focus: list) -> str:
        """The digests of the part's pieces (graph_digest: the shared graphs, the report, what it borrows) and
        the nodes judged in it, with the validator's digest."""
        h = hashlib.sha256(self.validator.encode("utf-8"))
        h.update("\n".join(sorted(str(n) for n in focus)).encode("utf-8") + b"\0")
        h.update("\0".join(pieces).encode("utf-8"))
        return h.hexdigest()

    def known(self, key: str) -> list[tuple[str, str, str]] | None:
        """The violations kept under key, or None; not counted (a worker asks, and `record` counts)."""
        if self.folder is None:
            return None
        try:
            found = json.loads((self.folder / f"{key}.json").read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        return [tuple(v) for v in found]

    def record(self, key: str, violations: list[tuple[str, str, str]], kept: bool) -> None:
        """Count a part as known (kept) or validated, and keep a new verdict."""
        if self.folder is None:
            return
        if kept:
            self.hits += 1
        else:
            self.misses += 1
            self.put(key, violations)

    def put(self, key: str, violations: list[tuple[str, str, str]]) -> None:
        if self.folder is None:
            return
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            tmp = self.folder / f".{key}.{os.getpid()}.tmp"
            tmp.write_text(json.dumps(sorted(violations)), encoding="utf-8")
            tmp.replace(self.folder / f"{key}.json")
        except OSError:
            pass  # a cache that cannot be written only costs time
