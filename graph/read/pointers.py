"""Pointers from curated facts to the sentences they were read from.

A pointer is written ``DOC:sN@FINGERPRINT`` (optionally ``/qK`` for the K-th
quotation inside that sentence). The fingerprint lets the build notice when the
corpus changed under a curated fact; the quote text itself is never stored in
the repository, only taken from the corpus here, at build time.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from graph.read.corpus import CLOSE_QUOTE, OPEN_QUOTE, Document, Sentence
from graph.errors import BuildError

POINTER = re.compile(r"^(?P<doc>[a-z0-9][a-z0-9-]*):s(?P<index>0|[1-9][0-9]*)@(?P<fp>[0-9a-f]{8})(?:/q(?P<quote>[1-9][0-9]*))?$")


@dataclass(frozen=True)
class Pointer:
    doc: str
    index: int
    fingerprint: str
    quote: int | None = None

    def __str__(self) -> str:
        q = f"/q{self.quote}" if self.quote else ""
        return f"{self.doc}:s{self.index}@{self.fingerprint}{q}"


@dataclass(frozen=True)
class Span:
    """A resolved pointer: exact offsets into a document's text."""

    doc_id: str
    document: Document
    sentence: Sentence
    start: int
    end: int

    @property
    def exact(self) -> str:
        return self.document.text[self.start:self.end]


def parse_pointer(value: object, where: str) -> Pointer:
    m = POINTER.fullmatch(value) if isinstance(value, str) else None
    if not m:
        raise BuildError(where, f"bad pointer {value!r}: expected DOC:sN@xxxxxxxx or DOC:sN@xxxxxxxx/qK")
    quote = int(m["quote"]) if m["quote"] else None
    return Pointer(m["doc"], int(m["index"]), m["fp"], quote)


def resolve(pointer: Pointer, documents: dict[str, Document], where: str) -> Span:
    """Find the pointer's text, or fail naming the fact, the file and where the sentence went."""
    doc = documents.get(pointer.doc)
    if doc is None:
        raise BuildError(where, f"pointer {pointer} names unknown document {pointer.doc!r} (see data/sources.yaml)")
    sentence = doc.sentence(pointer.index)
    if sentence is None or sentence.fingerprint != pointer.fingerprint:
        moved = doc.find_fingerprint(pointer.fingerprint)
        hint = f"; that sentence is now s{moved.index}" if moved else "; no sentence has that fingerprint any more"
        now = f"s{pointer.index} is {sentence.pointer}" if sentence else f"{doc.name} has {len(doc.sentences)} sentences"
        raise BuildError(where, f"pointer {pointer} no longer matches its text in {doc.name} ({now}{hint})")
    if pointer.quote is None:
        return Span(pointer.doc, doc, sentence, sentence.start, sentence.end)
    quotes = quotations(doc.text, sentence.start, sentence.end)
    if pointer.quote > len(quotes):
        raise BuildError(where, f"pointer {pointer}: s{pointer.index} of {doc.name} has {len(quotes)} quotation(s)")
    start, end = quotes[pointer.quote - 1]
    return Span(pointer.doc, doc, sentence, start, end)


def quotations(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Spans of the text inside each top-level double quotation in text[start:end].

    An unclosed quotation runs to the end of the sentence, as in press releases
    whose quoted statement continues past the excerpt.
    """
    spans, depth, begin = [], 0, None
    for i in range(start, end):
        if text[i] == OPEN_QUOTE:
            if depth == 0:
                begin = i + 1
            depth += 1
        elif text[i] == CLOSE_QUOTE and depth:
            depth -= 1
            if depth == 0:
                spans.append((begin, i))
    if depth and begin is not None:
        spans.append((begin, end))
    return spans
