"""Dates and continuations: each event gets the date its own clause, sentence or paragraph gives it."""

from __future__ import annotations


def events(x):
    return [(c.category, c.date) for c in x.events]


def test_two_events_in_one_sentence_take_their_own_dates(extract):
    x = extract("Kazakhstan 2012\n\nIn February, the Supreme Court refused to review the conviction of Evgeniy Zhovtis, "
                "who was serving a four-year prison sentence imposed in September 2009 after a road accident.\n")
    assert events(x) == [("Ruling", "2011-02"), ("Ruling", "2009-09")]


def test_a_paragraph_date_carries_to_the_sentences_after_it(extract):
    x = extract("Belarus 2015\n\nIn September, police raided the homes of five refugees. They were released "
                "without charge.\n\nThey were released again.\n", year=2014)
    assert events(x) == [("Raid", "2014-09"), ("Release", "2014-09"), ("Release", None)]


def test_a_sentence_that_goes_on_about_an_event_adds_to_it(extract):
    x = extract("Kazakhstan 2012\n\nIn December, police opened fire on workers in Zhanaozen. According to officials, "
                "15 people were killed.\n")
    (killing,) = x.events
    assert killing.category == "Killing" and killing.sentences == [1, 2]


def test_statements_of_one_press_release_are_one_statement_on_its_date(extract):
    x = extract("Kazakhstan Newsroom\n\nJanuary 11, 2022 \u2022 Press Release\n\nRelease the detainees\n\n"
                "The authorities detained hundreds since January 2, said Amnesty International. "
                "The director said the arrests were arbitrary.\n", year=None)
    statements = [c for c in x.events if c.category == "Statement"]
    assert [(c.date, len(c.sentences)) for c in statements] == [("2022-01-11", 2)]
    assert ("Detention", "2022-01-02") in events(x)


def test_an_undated_event_outside_any_frame_stays_undated(extract):
    x = extract("Belarus 2015\n\nPolice detained activists.\n", year=2014)
    assert events(x) == [("Detention", None)]
