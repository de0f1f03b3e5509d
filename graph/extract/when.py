"""Dates in report sentences: regular expressions pick the spans, then each is normalised.

A general date parser run over free text turns "may" into May and "the
second" into a day; here only spans that look like dates in the way reports
write them are taken ("In May", "on 17 December", "January 7, 2022", "in
September 2009", "between 2 and 11 January", "for 2009 to 2012", "in early
2011"), and a span without a year takes the year the text is anchored to (the
year an annual chapter covers, or a newsroom item's dateline), at the
precision the text gives and never finer.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from graph.read.corpus import MONTHS

_MONTH = "(?P<month>" + "|".join(MONTHS) + ")"
_DAY = r"(?P<day>[0-9]{1,2})(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20)[0-9]{2})"

# Longest forms first: the first pattern that matches at a place wins.
PATTERNS = [
    ("range", re.compile(r"\b[Bb]etween " + _DAY + r" and (?P<day2>[0-9]{1,2}) " + _MONTH + r"(?:,? " + _YEAR + r")?\b")),
    ("period", re.compile(r"\b(?:for|from) (?P<year>(?:19|20)[0-9]{2}) (?:to|until|-|\u2013) (?P<year2>(?:19|20)[0-9]{2})\b")),
    ("period", re.compile(r"\b(?P<year>(?:19|20)[0-9]{2})[-\u2013/](?P<year2>(?:19|20)?[0-9]{2})\b")),
    ("day", re.compile(r"\b" + _DAY + r" " + _MONTH + r"(?:,? " + _YEAR + r")?\b")),
    ("day", re.compile(r"\b" + _MONTH + r" " + _DAY + r"\b(?:,? " + _YEAR + r"\b)?(?![0-9])")),
    ("month", re.compile(r"\b(?P<lead>(?:[Ii]n|[Oo]n|[Ss]ince|[Bb]y|[Uu]ntil|[Dd]uring|[Ff]rom|[Tt]o|[Oo]f|[Bb]etween|[Aa]nd|"
                         r"[Ee]arly|[Ll]ate|[Mm]id-?|[Ee]nd of|[Ss]tart of|[Bb]eginning of|[Ll]ast|[Tt]his|[Nn]ext)\s+)?"
                         + _MONTH + r"(?:,? " + _YEAR + r")?\b")),
    ("year", re.compile(r"\b(?:(?P<lead>[Ii]n|[Dd]uring|[Ss]ince|[Bb]y|[Uu]ntil|[Oo]f|[Ff]rom)\s+(?:(?:early|late|mid-?)\s*)?)?"
                        + _YEAR + r"\b(?![-\u2013/][0-9])")),
]

# A year that is a quantity, not a date ("2000 people", "1500 tenge").
NOT_A_YEAR_AFTER = re.compile(r"\s*(?:per|people|persons|men|women|children|members|years|tenge|dollars|euros|km|metres)\b", re.I)


@dataclass(frozen=True)
class DateMention:
    start: int  # offsets into the sentence
    end: int
    value: str | None  # YYYY, YYYY-MM or YYYY-MM-DD; None when no year is known
    kind: str  # "day", "month", "year", "range", "period"

    @property
    def is_event_date(self) -> bool:
        """A validity period ("a plan for 2009 to 2012") says how long something lasts, not when it happened."""
        return self.kind != "period" and self.value is not None


def valid_day(year: int, month: int, day: int) -> bool:
    try:
        date(year, month, day)
    except ValueError:
        return False
    return True


def _value(year: int | None, month: int | None = None, day: int | None = None) -> str | None:
    if year is None:
        return None
    if month is None:
        return f"{year:04d}"
    if day is None:
        return f"{year:04d}-{month:02d}"
    return f"{year:04d}-{month:02d}-{day:02d}" if valid_day(year, month, day) else f"{year:04d}-{month:02d}"


def anchor_year(month: int, anchor: date | int | None) -> int | None:
    """The year of a month written without one.

    An annual chapter's covered year is taken as it is. A newsroom item looks
    back from its dateline: "on December 30" in an item dated January 5 is
    the December before.
    """
    if anchor is None:
        return None
    if isinstance(anchor, int):
        return anchor
    return anchor.year - 1 if month > anchor.month else anchor.year


def find_dates(sentence: str, anchor: date | int | None) -> list[DateMention]:
    """Every date span in the sentence, left to right, none overlapping."""
    taken: list[tuple[int, int]] = []
    found: list[DateMention] = []
    for kind, pattern in PATTERNS:
        for m in pattern.finditer(sentence):
            if any(m.start() < e and s < m.end() for s, e in taken):
                continue
            mention = _normalise(kind, m, sentence, anchor)
            if mention is not None:
                taken.append((m.start(), m.end()))
                found.append(mention)
    return sorted(found, key=lambda d: d.start)


def _normalise(kind: str, m: re.Match, sentence: str, anchor) -> DateMention | None:
    groups = m.groupdict()
    year = int(groups["year"]) if groups.get("year") else None
    if kind == "period":
        second = groups["year2"]
        if len(second) == 2:
            second = groups["year"][:2] + second
        if not year < int(second) <= year + 20:
            return None
        return DateMention(m.start(), m.end(), _value(year), kind)
    if kind == "year":
        if NOT_A_YEAR_AFTER.match(sentence, m.end()) or _inside_number(sentence, m.start("year"), m.end("year")):
            return None
        return DateMention(m.start(), m.end(), _value(year), kind)
    month = MONTHS.index(groups["month"]) + 1
    if groups["month"] == "May" and kind == "month" and not groups.get("lead") and year is None:
        return None  # "May" alone may be the verb
    if year is None:
        year = anchor_year(month, anchor)
    if kind in ("day", "range"):
        day = int(groups["day"])
        if not 1 <= day <= 31:
            return None
        return DateMention(m.start(), m.end(), _value(year, month, day), kind)
    return DateMention(m.start(), m.end(), _value(year, month), kind)


def _inside_number(text: str, start: int, end: int) -> bool:
    before = text[start - 1] if start else ""
    after = text[end] if end < len(text) else ""
    return (bool(before) and before in ",.$\u20ac\u00a3") or (bool(after) and after in ",." and text[end + 1:end + 2].isdigit())


TITLE_YEAR = re.compile(r"\b((?:19|20)[0-9]{2})\b")


def covered_year(title: str) -> int | None:
    """The year an annual report covers: a report titled "Kazakhstan 2013" covers 2012."""
    years = TITLE_YEAR.findall(title)
    return int(years[-1]) - 1 if years else None
