"""Alias merging: one entity per real thing, with every name the report uses."""

from __future__ import annotations


def entity(x, label_part):
    return next(e for e in x.entities if label_part in e.label)


def test_a_surname_and_a_title_join_the_full_name(extract):
    x = extract("Belarus 2015\n\nThe court jailed activist Pavel Drozdovich in March. "
                "Drozdovich appealed. President Lukin said nothing.\n")
    drozdovich = [e for e in x.entities if "Drozdovich" in e.names]
    assert len(drozdovich) == 1 and drozdovich[0].label == "Pavel Drozdovich"


def test_an_acronym_defined_in_brackets_joins_its_name(extract):
    x = extract("Belarus 2015\n\nThe State Security Committee (KGB) arrested him. Later the KGB released him.\n")
    kgb = [e for e in x.entities if "KGB" in e.names]
    assert len(kgb) == 1 and kgb[0].label == "State Security Committee"


def test_the_president_refers_to_the_last_president_named(extract):
    x = extract("Kazakhstan 2012\n\nIn April, President Nazarbaev was re-elected. In October, the President signed a decree.\n")
    nazarbaev = entity(x, "Nazarbaev")
    assert "the President" in nazarbaev.aliases
    signing = next(c for c in x.events if c.category == "Legislation")
    assert nazarbaev.key in {p.entity for p in signing.participants}


def test_spelling_variants_of_one_name_merge(extract):
    x = extract("Kazakhstan 2012\n\nNursultan Nazarbaev spoke. Nursultan Nazarbayev left.\n")
    assert len([e for e in x.entities if e.type == "Person"]) == 1


def test_two_people_with_one_surname_stay_two(extract):
    x = extract("Azerbaijan 2014\n\nRashad Aliyev was arrested. Leyla Aliyev was released.\n")
    assert {e.label for e in x.entities if e.type == "Person"} == {"Rashad Aliyev", "Leyla Aliyev"}
