"""One report in, candidate facts out: the extraction pipeline, step by step.

The report is segmented by the same reader the build uses (so a candidate's
pointer is the pointer a curator would write), then each sentence goes
through dates, mentions, entities, triggers and events. Nothing here reads
the network or a model: the same text always gives the same candidates.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from graph.extract.entities import Entity, Registry, resolve_anaphora
from graph.extract.events import Candidate, clauses, frame_date, merge_continuations, sentence_events
from graph.extract.gazetteer import Gazetteer, build_gazetteer, report_country
from graph.extract.names import find_mentions
from graph.extract.triggers import find_triggers
from graph.extract.when import covered_year, find_dates
from graph.read.corpus import Document

WORD = re.compile(r"[^\W\d_][\w'\-]*")
LOWER_WORD = re.compile(r"(?<![\w'\-])[a-z][a-z'\-]*")
# Longer sentences are read only this far: a 1 MB "sentence" is not prose, and
# every step below stays linear in the text this way.
MAX_SENTENCE = 4000


@dataclass(frozen=True)
class MentionAt:
    sentence: int
    start: int  # offsets into the document text
    end: int
    entity: int


@dataclass
class Extraction:
    document: Document
    year: int | None
    entities: list[Entity]
    events: list[Candidate]
    mentions: list[MentionAt]
    dropped: set[int] = field(default_factory=set)  # entity keys a reviewer rejected before

    @property
    def kept_entities(self) -> list[Entity]:
        return [e for e in self.entities if e.key not in self.dropped]

    def entity(self, key: int) -> Entity:
        return self.entities[key]


def is_title_case(text: str) -> bool:
    """A headline ("Authorities Must Release Detained Protestors"): capitals say nothing about names there."""
    words = [w for w in WORD.findall(text) if len(w) > 3]
    return (not text.rstrip().endswith((".", "\u201d", '"')) and len(words) >= 4
            and sum(w[0].isupper() for w in words) / len(words) >= 0.7)


def extract_document(doc: Document, year: int | None = None, gazetteer: Gazetteer | None = None) -> Extraction:
    """Candidates from one segmented report; year is the year an annual chapter covers."""
    if year is None and doc.sentences:
        year = covered_year(doc.title.text)
    if gazetteer is None:
        gazetteer = build_gazetteer(country=report_country(doc.title.text) if doc.sentences else None)
    common = set(LOWER_WORD.findall(doc.text))
    paragraph_of = _paragraphs(doc)
    item_of = {s.index: item for item in doc.news
               for s in (item.dateline, item.title, *item.body)}
    registry = Registry()
    at: list[MentionAt] = []
    candidates: list[Candidate] = []
    own_date: dict[int, bool] = {}
    carried: tuple[int, str | None] = (-1, None)  # (paragraph, its date so far)
    for s in doc.sentences:
        if s.kind == "dateline":
            continue
        text = s.text[:MAX_SENTENCE]
        item = item_of.get(s.index)
        anchor: date | int | None = item.date if item else year
        plain = s.kind == "text" and not is_title_case(text)
        found = []
        for m in find_mentions(text, gazetteer, common, title_case=not plain):
            entity = registry.add(m, s.index)
            found.append((m.start, m.end, entity.key, entity.type))
        for start, end, entity in resolve_anaphora(text, registry, [(a, b, registry.entities[k]) for a, b, k, _ in found]):
            found.append((start, end, entity.key, entity.type))
        at += [MentionAt(s.index, s.start + a, s.start + b, k) for a, b, k, _ in found]
        if not plain:
            continue
        dates = find_dates(text, anchor)
        own_date[s.index] = any(d.is_event_date for d in dates)
        names = [(a, b) for a, b, _, _ in found]
        about_law = any(registry.entities[k].type == "LegalInstrument" for _, _, k, _ in found) or "law" in text.lower()
        triggers = find_triggers(text, names, about_law)
        para = paragraph_of[s.index]
        frame = frame_date(dates, clauses(text))
        if para != carried[0] or frame:
            carried = (para, frame)
        published = item.date.isoformat() if item else None
        candidates += sentence_events(text, s.index, s.start, triggers, dates, found, carried[1] or published, published)
    news_of = {index: item.dateline.index for index, item in item_of.items()}
    events = merge_continuations(candidates, own_date, paragraph_of, news_of)
    return Extraction(doc, year, registry.entities, events, at)


def _paragraphs(doc: Document) -> dict[int, int]:
    """Sentence index -> paragraph number: sentences on one line of the file share a paragraph."""
    out, line, pos = {}, 0, 0
    for s in doc.sentences:
        line += doc.text.count("\n", pos, s.start)
        pos = s.start
        out[s.index] = line
    return out
