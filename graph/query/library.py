"""The query library: one question per `.rq` file, read with its header.

The header is the file's contract: the question, each parameter with its kind
and help, and the columns it returns. A file without one is an ad-hoc query.
"""

from __future__ import annotations

import difflib
import os
import re
from functools import lru_cache
from dataclasses import dataclass
from pathlib import Path
from stat import S_ISREG

from graph.errors import BuildError
from graph.resources import queries_dir

NAME = re.compile(r"[a-z0-9_]+")  # a library name: a file of the library folder, never a path
PARAM_KINDS = {"entity", "date", "integer", "right", "text"}


@dataclass(frozen=True)
class Param:
    name: str
    kind: str
    help: str


@dataclass(frozen=True)
class LibraryQuery:
    name: str
    path: Path
    text: str
    question: str
    params: tuple[Param, ...]
    returns: str


def _header(text: str) -> dict[str, list[str]]:
    """Read the comment block on top: 'Question:', 'Parameter:' and 'Returns:' entries."""
    fields: dict[str, list[str]] = {}
    current = None
    for line in text.splitlines():
        if not line.startswith("#"):
            break
        body = line[1:].strip()
        m = re.match(r"^(Question|Parameter|Returns):\s*(.*)$", body)
        if m:
            current = m.group(1)
            fields.setdefault(current, []).append(m.group(2))
        elif current and body:
            fields[current][-1] += " " + body
    return fields


def read_query_file(path: Path) -> str:
    """The text of an .rq file; a file that is not UTF-8 is a one-line error naming the byte."""
    try:
        return path.read_text(encoding="utf-8")
    except UnicodeDecodeError as err:
        raise BuildError(f"{path}:byte {err.start}", "not UTF-8 text: save the query as UTF-8") from None


def parse_library_file(path: Path) -> LibraryQuery:
    text = read_query_file(path)
    head = _header(text)
    if not head.get("Question") or not head.get("Returns"):
        raise BuildError(str(path), "a library query starts with '# Question:' and '# Returns:' comments")
    params = []
    for spec in head.get("Parameter", []):
        m = re.match(r"^(\w+) \((\w+)\) (.+)$", spec)
        if not m or m.group(2) not in PARAM_KINDS:
            raise BuildError(str(path), f"bad parameter line {spec!r}: expected 'name (kind) help', kind one of {sorted(PARAM_KINDS)}")
        params.append(Param(m.group(1), m.group(2), m.group(3)))
    return LibraryQuery(path.stem, path, text, head["Question"][0], tuple(params), head["Returns"][0])


def library(directory: Path | None = None) -> dict[str, LibraryQuery]:
    """The library, read again only when a file in it changed: a query is asked often, its file read once."""
    directory = directory if directory is not None else queries_dir()
    files = sorted(directory.glob("*.rq"))
    stamp = tuple((p.name, p.stat().st_mtime_ns, p.stat().st_size) for p in files)
    return dict(_parsed(directory, stamp))


@lru_cache(maxsize=256)
def _parsed_one(path: Path, mtime_ns: int, size: int) -> LibraryQuery:
    return parse_library_file(path)


@lru_cache(maxsize=16)
def _parsed(directory: Path, stamp: tuple) -> tuple[tuple[str, LibraryQuery], ...]:
    return tuple((Path(name).stem, parse_library_file(directory / name)) for name, *_ in stamp)


@lru_cache(maxsize=256)
def _named_file(directory: Path, spec: str) -> Path | None:
    """Where the question called spec would be; built once (a question is asked often, and pathlib is slow)."""
    return directory / f"{spec}.rq" if NAME.fullmatch(spec) else None


def find_query(spec: str, directory: Path | None = None) -> LibraryQuery:
    """A library name or a path to an .rq file; an unknown name lists close matches."""
    if spec.endswith(".rq"):
        path = Path(spec)
        if not path.is_file():
            raise BuildError(spec, "query file not found")
        text = read_query_file(path)
        head = _header(text)
        if head.get("Question"):
            return parse_library_file(path)
        return LibraryQuery(path.stem, path, text, "", (), "")
    directory = directory if directory is not None else queries_dir()
    one = _named_file(directory, spec)
    try:
        stat = os.stat(one) if one is not None else None
    except OSError:
        stat = None
    if stat is not None and S_ISREG(stat.st_mode):  # one file looked at, not the whole folder: a question is asked often
        return _parsed_one(one, stat.st_mtime_ns, stat.st_size)
    queries = library(directory)
    if spec not in queries:
        close = difflib.get_close_matches(spec, list(queries), n=3, cutoff=0.4)
        hint = f"; did you mean {', '.join(close)}?" if close else "; see `rightsgraph query --list`"
        raise BuildError(spec, f"no query of that name in {directory}{hint}")
    return queries[spec]


