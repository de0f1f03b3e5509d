"""Dates as reports write them, at the precision the text gives, anchored to the covered year or a dateline."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, strategies as st

from graph.extract.when import covered_year, find_dates


@pytest.mark.parametrize("text, anchor, values", [
    ("In May, the President approved a plan.", 2009, ["2009-05"]),
    ("On 17 December the President declared a state of emergency.", 2011, ["2011-12-17"]),
    ("It was released on January 7, 2022 in the capital.", 2021, ["2022-01-07"]),
    ("He was sentenced in September 2009 after an accident.", 2011, ["2009-09"]),
    ("Between 2 and 11 January police detained hundreds.", 2022, ["2022-01-02"]),
    ("in early 2011, the law changed", 2012, ["2011"]),
    ("the visit in 2009 ended", None, ["2009"]),
    ("Officials may detain suspects.", 2011, []),  # the verb, not the month
    ("A plan for 2009 to 2012 was approved.", 2009, ["2009"]),  # a period (not an event date)
    ("More than 2000 people marched.", 2011, []),
    ("In Fall, something.", 2011, []),
])
def test_date_spans(text, anchor, values):
    assert [d.value for d in find_dates(text, anchor)] == values


def test_a_period_is_not_an_event_date():
    (period,) = find_dates("A plan for 2009 to 2012.", 2009)
    assert period.kind == "period" and not period.is_event_date


def test_a_newsroom_dateline_looks_back_across_new_year():
    """"on December 30" in an item dated January 5, 2022 is December 2021."""
    (d,) = find_dates("Protests began on December 30.", date(2022, 1, 5))
    assert d.value == "2021-12-30"


def test_an_impossible_day_keeps_only_the_month():
    (d,) = find_dates("It happened on 30 February.", 2011)
    assert d.value == "2011-02"


def test_without_an_anchor_a_month_has_no_year():
    (d,) = find_dates("In March, police raided a church.", None)
    assert d.value is None and not d.is_event_date


@pytest.mark.parametrize("title, year", [("Kazakhstan 2012", 2011), ("Annual Report: Belarus 2015", 2014),
                                         ("Kazakhstan Human Rights", None)])
def test_covered_year_from_the_title(title, year):
    assert covered_year(title) == year


@given(st.text(max_size=300))
def test_every_span_lies_inside_the_text(text):
    for d in find_dates(text, 2011):
        assert 0 <= d.start < d.end <= len(text)
        assert d.value is None or d.value[:4].isdigit()
