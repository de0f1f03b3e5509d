"""Reading one mapping of a curated file, field by field, with errors that say where.

Every curated YAML file (facts, sources, links) is read through ``Record``, so
an unknown field, a wrong kind of value or a misspelt name gets the same kind
of one-line message naming the file, the line and the record.
"""

from __future__ import annotations

import re
from pathlib import Path

from graph import dates
from graph.errors import BuildError
from graph.read.corpus import Document
from graph.read.pointers import Span, parse_pointer, resolve

ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
DURATION = re.compile(r"^P(?:[0-9]+Y)?(?:[0-9]+M)?(?:[0-9]+D)?$")


class Record:
    """One mapping of a curated file, read field by field with located errors."""

    def __init__(self, data: object, path: Path, what: str, allowed: set[str], line: int = 0):
        self.path = path
        line = getattr(data, "line", line)
        self.where = f"{path}:{line}"
        if not isinstance(data, dict):
            raise BuildError(self.where, f"{what} must be a mapping")
        self.data = data
        self.name = data.get("id") if isinstance(data.get("id"), str) else what
        unknown = sorted(set(data) - allowed)
        if unknown:
            raise BuildError(self.where, f"{self.label}: unknown field {unknown[0]!r} (allowed: {', '.join(sorted(allowed))})")

    @property
    def label(self) -> str:
        return f"{self.name!r}"

    def fail(self, message: str) -> BuildError:
        return BuildError(self.where, f"{self.label}: {message}")

    def text(self, key: str, required: bool = False) -> str | None:
        value = self.data.get(key)
        if value is None:
            if required:
                raise self.fail(f"missing field {key!r}")
            return None
        if not isinstance(value, str) or not value.strip():
            raise self.fail(f"field {key!r} must be non-empty text")
        return value.strip()

    def ident(self, key: str = "id") -> str:
        value = self.text(key, required=True)
        if not ID.fullmatch(value):
            raise self.fail(f"{key} {value!r} must be lower-case words joined by hyphens")
        return value

    def texts(self, key: str) -> list[str]:
        value = self.data.get(key)
        if value is None:
            return []
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
            raise self.fail(f"field {key!r} must be a list of texts")
        return [v.strip() for v in value]

    def date(self, key: str, required: bool = False) -> str | None:
        value = self.text(key, required)
        if value is not None:
            check_date(value, self)
        return value

    def flag(self, key: str) -> bool:
        value = self.data.get(key)
        if value is None:
            return False
        if not isinstance(value, bool):
            raise self.fail(f"field {key!r} must be true or false")
        return value

    def name_in(self, key: str, allowed: set[str], what: str, required: bool = False, default: str | None = None) -> str | None:
        value = self.text(key, required) or default
        if value is not None and value not in allowed:
            raise self.fail(unknown_name(what, value, allowed))
        return value

    def names_in(self, key: str, allowed: set[str], what: str) -> list[str]:
        values = self.texts(key)
        for value in values:
            if value not in allowed:
                raise self.fail(unknown_name(what, value, allowed))
        return values

    def pointers(self, key: str, documents: dict[str, Document], required: bool = False) -> list[Span]:
        values = self.texts(key)
        if required and not values:
            raise self.fail(f"missing field {key!r}: every fact needs evidence")
        where = f"{self.where}: {self.label}"
        return [resolve(parse_pointer(v, where), documents, where) for v in values]

    def pointer(self, key: str, documents: dict[str, Document]) -> Span | None:
        value = self.text(key)
        if value is None:
            return None
        where = f"{self.where}: {self.label}"
        return resolve(parse_pointer(value, where), documents, where)


def unknown_name(what: str, value: str, allowed: set[str]) -> str:
    import difflib

    close = difflib.get_close_matches(value, sorted(allowed), n=3)
    hint = f"; did you mean {', '.join(close)}?" if close else ""
    return f"unknown {what} {value!r}{hint}"


def check_date(value: str, record: Record) -> None:
    why = dates.problem(value)
    if why:
        raise record.fail(f"date {value!r} {why}")


