"""Dates at the precision a report gives them: YYYY, YYYY-MM or YYYY-MM-DD.

Curated files, query parameters and the network page's period filter all
accept the same forms and compare them the same way: a date stands for the
span from its first to its last day. The build writes those two days as
``rg:earliestDate`` and ``rg:latestDate``, so queries compare plain dates and
this module stays the only place that knows how long a month is.
"""

from __future__ import annotations

import calendar
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


def latest(value: str) -> date:
    """The last day the date covers: "2009" -> 2009-12-31, "2009-02" -> 2009-02-28."""
    parts = [int(p) for p in value.split("-")]
    if len(parts) == 3:
        return date(*parts)
    if len(parts) == 2:
        return date(parts[0], parts[1], calendar.monthrange(parts[0], parts[1])[1])
    return date(parts[0], 12, 31)


def overlaps(first: str, last: str, period_from: str | None, period_to: str | None) -> bool:
    """Whether the span [first, last] shares a day with the period (either end may be open)."""
    return ((period_from is None or latest(last) >= earliest(period_from))
            and (period_to is None or earliest(first) <= latest(period_to)))
