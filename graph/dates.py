"""Dates at the precision a report gives them: YYYY, YYYY-MM or YYYY-MM-DD.

Curated files, query parameters and the network page's period filter all
accept the same forms and compare them the same way: a date stands for the
span from its first to its last day.
"""

from __future__ import annotations

import re
from datetime import date

PATTERN = re.compile(r"^([0-9]{4})(?:-([0-9]{2})(?:-([0-9]{2}))?)?$")


def problem(value: str) -> str | None:
    """Why value is not a date at some precision, or None when it is one."""
    m = PATTERN.fullmatch(value)
    if not m:
        return "must be YYYY, YYYY-MM or YYYY-MM-DD"
    year, month, day = (int(g) if g else None for g in m.groups())
    try:
        date(year, month or 1, day or 1)
    except ValueError:
        return "is not a calendar date"
    return None


def earliest(value: str) -> date:
    """The first day the date covers."""
    parts = [int(p) for p in value.split("-")]
    return date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)


def first_day(value: str) -> str:
    return earliest(value).isoformat()


def last_day(value: str) -> str:
    """An upper bound for string comparison: "2009" -> "2009-12-31", "2009-05" -> "2009-05-31".

    Day 31 for every month is what the library queries use too; as text it
    sorts after every real day of the month, which is all a comparison needs.
    """
    return value + ("-12-31" if len(value) == 4 else "-31" if len(value) == 7 else "")
