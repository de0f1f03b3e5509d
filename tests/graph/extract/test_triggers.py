"""Triggers, and the words around them that say an event did not, or need not, happen."""

from __future__ import annotations

import pytest

from graph.extract.triggers import find_triggers


def categories(sentence, names=(), about_law=False):
    return [t.category for t in find_triggers(sentence, list(names), about_law)]


@pytest.mark.parametrize("sentence, category", [
    ("In February, the Supreme Court refused to review the conviction.", "Ruling"),
    ("The court sentenced opposition activist Pavel Drozdovich to three years.", "Ruling"),
    ("Police detained more than 40 demonstrators.", "Detention"),
    ("Police raided the offices of three organizations.", "Raid"),
    ("Officers beat them in the police van.", "IllTreatment"),
    ("He died in police custody.", "Killing"),
    ("In July, Azerbaijan deported two asylum-seekers to Iran.", "Transfer"),
    ("He was released without charge.", "Release"),
    ("The President declared a state of emergency.", "Restriction"),
    ("Religious minorities continued to report harassment by police.", "Restriction"),
    ("The Parliament adopted a new Law on Freedom of Assembly.", "Legislation"),
    ("In April, President Nazarbaev was re-elected.", "Election"),
    ("The Special Rapporteur visited the country.", "Visit"),
    ("Observers said that the count was flawed.", "Statement"),
])
def test_a_trigger_gives_its_category(sentence, category):
    assert category in categories(sentence)


@pytest.mark.parametrize("sentence, absent", [
    ("Amnesty International called for his release.", "Release"),  # a call, not a release
    ("The authorities must release the journalists.", "Release"),  # an obligation
    ("The Committee had asked the authorities to halt the extraditions.", "Transfer"),
    ("They were threatened with extradition to Uzbekistan.", "Transfer"),
    ("He was jailed for organizing an unauthorized rally.", "Protest"),  # the charge
    ("No investigations into the allegations of torture were conducted.", "IllTreatment"),
    ("A spokesperson described the raids as a document check.", "Raid"),  # told before
    ("It could pave the way for reactions that result in unlawful killings.", "Killing"),
])
def test_hedged_negated_or_repeated_events_are_not_events(sentence, absent):
    assert absent not in categories(sentence)


def test_a_trigger_inside_a_name_is_not_an_event():
    sentence = "The UN Committee against Torture met."
    start = sentence.index("UN")
    assert "IllTreatment" not in categories(sentence, [(start, start + len("UN Committee against Torture"))])


def test_what_a_law_provides_is_not_a_separate_event():
    sentence = "The law obliged communities to re-register and banned prayer rooms in state buildings."
    assert "Restriction" not in categories(sentence, about_law=True)
    assert "Restriction" in categories("Officials banned prayer rooms in state buildings.", about_law=False)
