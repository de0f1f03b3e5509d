"""Events of one sentence: a trigger, its date, its participants and how firmly the text asserts it.

The date of a trigger is the nearest date in its own clause, else the date
that frames the sentence ("In May, ..."), else a newsroom item's dateline;
a sentence with two events ("refused in February to review a sentence imposed
in September 2009") gives each its own. One sentence yields at most one event
per category and date; a sentence that goes on about the event of the
sentence before ("police opened fire ... 15 people were killed") adds to it
instead of starting a new one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from graph.extract.claims import claim_status
from graph.extract.triggers import Trigger
from graph.extract.when import DateMention

CLAUSE_BREAK = re.compile(r", (?:who|which|whom|whose|although|though|while|whereas|but|after|before|because|when)\b|; ")


@dataclass
class Participant:
    entity: int  # Entity.key
    role: str


@dataclass
class Candidate:
    category: str
    cls: str
    date: str | None
    sentence: int  # sentence index
    trigger: tuple[int, int]  # offsets into the document text
    status: str
    participants: list[Participant] = field(default_factory=list)
    sentences: list[int] = field(default_factory=list)
    confidence: float = 0.7


def clauses(sentence: str) -> list[tuple[int, int]]:
    bounds, start = [], 0
    for m in CLAUSE_BREAK.finditer(sentence):
        bounds.append((start, m.start()))
        start = m.start() + 1
    bounds.append((start, len(sentence)))
    return bounds


def clause_of(pos: int, spans: list[tuple[int, int]]) -> int:
    return next(i for i, (s, e) in enumerate(spans) if s <= pos <= e)


def frame_date(dates: list[DateMention], spans) -> str | None:
    """The date that opens a sentence ("In September, ..."); the rest of its paragraph happened then too."""
    frame = [d for d in dates if d.is_event_date and clause_of(d.start, spans) == 0 and d.start < 25]
    return frame[0].value if frame else None


def choose_date(trigger: Trigger, dates: list[DateMention], spans, fallback: str | None) -> str | None:
    usable = [d for d in dates if d.is_event_date]
    here = clause_of(trigger.start, spans)
    same = [d for d in usable if clause_of(d.start, spans) == here]
    if same:
        return min(same, key=lambda d: min(abs(d.start - trigger.end), abs(trigger.start - d.end))).value
    return frame_date(dates, spans) or fallback


ROLE_BEFORE = {"Ruling": "DecisionMaker", "Legislation": "DecisionMaker", "Statement": "Speaker", "Visit": "Participant",
               "Election": "Participant", "Restriction": "Perpetrator", "Detention": "Perpetrator", "Raid": "Perpetrator",
               "IllTreatment": "Perpetrator", "Killing": "Perpetrator", "Transfer": "Perpetrator", "Release": "ResponsibleAuthority",
               "Protest": "Participant"}
ROLE_AFTER = {"Ruling": "Subject", "Legislation": "Subject", "Statement": "Subject", "Visit": "Host", "Election": "Participant",
              "Restriction": "Victim", "Detention": "Victim", "Raid": "Victim", "IllTreatment": "Victim", "Killing": "Victim",
              "Transfer": "Victim", "Release": "Victim", "Protest": "Participant"}
PASSIVE = re.compile(r"\b(?:was|were|been|being|is|are)\s+(?:\w+\s+)?$")


def role_for(category: str, entity_type: str, before: bool, passive: bool) -> str:
    """A first guess for the review sheet; a reviewer confirms or corrects it."""
    if entity_type == "Place":
        return "Participant"
    if entity_type == "LegalInstrument":
        return "Subject"
    if passive:
        before = not before
    if category == "Ruling" and entity_type == "Person":
        return "Defendant"
    return (ROLE_BEFORE if before else ROLE_AFTER).get(category, "Participant")


def sentence_events(sentence_text: str, index: int, base: int, triggers: list[Trigger], dates: list[DateMention],
                    mentions: list[tuple[int, int, int, str]], fallback: str | None,
                    published: str | None = None) -> list[Candidate]:
    """Candidates of one sentence; mentions are (start, end, entity key, coarse type) in sentence offsets.

    fallback is the date of the paragraph (or the newsroom item) the sentence
    belongs to; published is a newsroom item's dateline, which is when the
    statements it reports were made.
    """
    spans = clauses(sentence_text)
    out: list[Candidate] = []
    for trigger in triggers:
        if published and trigger.category == "Statement":
            date = published
        else:
            date = choose_date(trigger, dates, spans, fallback)
        if any(c.category == trigger.category and c.date == date for c in out):
            continue
        here = clause_of(trigger.start, spans)
        # "X died", "X was killed": the one before the verb is the victim.
        passive = bool(PASSIVE.search(sentence_text[: trigger.start])) or sentence_text.startswith("died", trigger.start)
        # Participants: the trigger's clause first, then the rest of the sentence.
        ordered = sorted(mentions, key=lambda m: (clause_of(m[0], spans) != here, abs(m[0] - trigger.start)))
        participants, seen = [], set()
        for start, _end, key, etype in ordered:
            if key in seen:
                continue
            seen.add(key)
            participants.append(Participant(key, role_for(trigger.category, etype, start < trigger.start, passive)))
        out.append(Candidate(trigger.category, trigger.cls, date, index, (base + trigger.start, base + trigger.end),
                             claim_status(sentence_text, trigger.category), participants, [index]))
    return out


# Each statement or ruling is an act of its own, even when the next sentence makes another.
SEPARATE_ACTS = ("Statement", "Ruling")


def merge_continuations(candidates: list[Candidate], own_date: dict[int, bool], paragraph_of: dict[int, int],
                        news_of: dict[int, int | None]) -> list[Candidate]:
    """Fold an event into an earlier one it continues; see the module docstring for when."""
    merged: list[Candidate] = []
    for c in candidates:
        prev = next((m for m in reversed(merged) if m.category == c.category), None)
        if prev is not None and _continues(c, prev, own_date, paragraph_of, news_of):
            prev.sentences.append(c.sentence)
            known = {p.entity for p in prev.participants}
            prev.participants += [p for p in c.participants if p.entity not in known]
            continue
        merged.append(c)
    return merged


def _continues(c: Candidate, prev: Candidate, own_date, paragraph_of, news_of) -> bool:
    if c.category == "Statement" and news_of.get(c.sentence) is not None:
        # A press release is one publication: its statements are one statement, made on its date.
        return news_of.get(c.sentence) == news_of.get(prev.sentence)
    return (c.category not in SEPARATE_ACTS and c.sentence != prev.sentence
            and paragraph_of.get(c.sentence) == paragraph_of.get(prev.sentence)
            and not own_date.get(c.sentence))
