"""Mentions: the gazetteer, the grammars for names it does not know, and what is never a name."""

from __future__ import annotations

import pytest

from graph.extract.gazetteer import build_gazetteer, curated_entries, report_country
from graph.extract.names import find_mentions
from tests.paths import CORPUS, DATA_DIR


def labels(sentence, gazetteer, common=frozenset()):
    return {(m.label, m.cls) for m in find_mentions(sentence, gazetteer, set(common))}


@pytest.mark.parametrize("sentence, expected", [
    ("In March, the Minsk City Court sentenced him.", ("Minsk City Court", "Court")),
    ("Officers of the Ministry of National Security arrested her.", ("Ministry of National Security", "StateBody")),
    ("The Agency for Religious Affairs refused.", ("Agency for Religious Affairs", "StateBody")),
    ("The President signed the Law on Religious Activity and Religious Associations.",
     ("Law on Religious Activity and Religious Associations", "Law")),
    ("The Prosecutor General's Office said so.", ("Prosecutor General's Office", "StateBody")),
    ("They were held in Mangistau Region.", ("Mangistau Region", "Place")),
    ("The court jailed human rights defender Evgeniy Zhovtis.", ("Evgeniy Zhovtis", "Person")),
    ("The independent newspaper Vecherny Vestnik was closed.", ("Vecherny Vestnik", "MediaOutlet")),
    ("Police detained him in Zhanaozen last week.", ("Zhanaozen", "Place")),
    ("The UN Special Rapporteur on torture concluded that it was widespread.",
     ("UN Special Rapporteur on torture", "InternationalBody")),
    ("The Council assessed a draft law on freedom of conscience which would restrict rights.",
     ("Draft law on freedom of conscience", "DraftLaw")),
    ("In June, Kazakhstan extradited them to Uzbekistan.", ("Uzbekistan", "Country")),
])
def test_grammar_and_gazetteer_find(sentence, expected, gazetteer):
    # Every report writes "officers" in lower case somewhere; the sentence-opening capital does not make a name.
    assert expected in labels(sentence, gazetteer, {"officers"})


def test_a_name_with_its_acronym_in_brackets_carries_it():
    gaz = build_gazetteer()
    (m,) = [m for m in find_mentions("The State Committee for Religion (SCR) refused.", gaz, set()) if m.cls != "Country"]
    assert m.label == "State Committee for Religion" and "SCR" in m.aliases


def test_a_titled_person_is_named_without_the_title(gazetteer):
    (m,) = find_mentions("In April, President Ilham Rzayev was re-elected.", gazetteer, set())
    assert (m.label, m.cls) == ("Ilham Rzayev", "Person")
    assert {"President Ilham Rzayev", "Rzayev", "President Rzayev"} <= set(m.aliases)


@pytest.mark.parametrize("sentence", [
    "In September 2009 nothing happened.",  # a month after "in" is no place
    "Reportedly, officials denied it.",  # a capitalised adverb opening the sentence
    "Marie Struthers, Director for Eastern Europe and Central Asia, said so.",  # a title with "for", no head
])
def test_no_false_names(sentence, gazetteer):
    found = labels(sentence, gazetteer)
    assert not {l for l, _ in found} & {"September", "Reportedly", "Director for Eastern Europe and Central Asia"}


def test_a_word_the_report_writes_in_lower_case_is_not_a_name(gazetteer):
    assert labels("Observers Said Little.", gazetteer, {"observers", "said", "little"}) == set()


def test_headlines_give_only_known_names(gazetteer):
    found = find_mentions("Kazakhstani Authorities Must Release Detained Protestors", gazetteer, set(), title_case=True)
    assert found == []


def test_curated_domestic_bodies_are_offered_only_for_the_same_country():
    """The curated Supreme Court is Kazakhstan's: never offered for a Belarus report."""
    for_kz = {e.known for e in curated_entries(DATA_DIR, CORPUS, "Kazakhstan", None)}
    for_by = {e.known for e in curated_entries(DATA_DIR, CORPUS, "Belarus", None)}
    assert "supreme-court" in for_kz and "supreme-court" not in for_by
    assert "ecthr" in for_by  # international bodies go everywhere
    assert curated_entries(DATA_DIR, CORPUS, "Kazakhstan", "kz2010") == []  # all of them come from kz2010


def test_report_country_from_the_title():
    assert report_country("Belarus 2015") == "Belarus"
    assert report_country("Annual Report: Kazakstan 2010") == "Kazakhstan"
