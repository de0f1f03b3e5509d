"""Bad curated input gives one clear error naming the file and the place."""

import re

import pytest

from graph.curate.loader import load_curation
from graph.errors import BuildError

EVENTS = "events/kazakhstan-annual-report-2010.yaml"


def edit(data, name, old, new, count=1):
    path = data / name
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, count), encoding="utf-8")


def fails(data, corpus, pattern):
    with pytest.raises(BuildError) as err:
        load_curation(data, corpus)
    message = str(err.value)
    assert "\n" not in message
    assert re.search(pattern, message), message
    return message


def test_real_data_loads(corpus, data_copy):
    c = load_curation(data_copy, corpus)
    assert "almaty-raid" in c.events and c.entities["nss"].label == "National Security Service of Kazakhstan"


def test_invalid_yaml_names_file_and_line(corpus, data_copy):
    edit(data_copy, "entities.yaml", "- id: tokayev\n", "- id: tokayev\n  label: [unclosed\n")
    fails(data_copy, corpus, r"entities.yaml:\d+:\d+: invalid YAML")


def test_unknown_type_suggests(corpus, data_copy):
    edit(data_copy, EVENTS, "type: Raid\n", "type: Raidd\n")
    fails(data_copy, corpus, r"kazakhstan-annual-report-2010.yaml:\d+: 'almaty-raid': unknown event type 'Raidd'; did you mean Raid")


def test_unknown_role(corpus, data_copy):
    edit(data_copy, EVENTS, "{nss: Perpetrator, almaty-five: Victim}", "{nss: Torturer, almaty-five: Victim}")
    fails(data_copy, corpus, r"unknown role 'Torturer'")


def test_duplicate_identifier(corpus, data_copy):
    edit(data_copy, "entities.yaml", "- id: massimov\n", "- id: tokayev\n")
    fails(data_copy, corpus, r"entities.yaml:\d+: duplicate identifier 'tokayev' \(first at .*entities.yaml:\d+\)")


def test_stale_pointer_names_fact_and_file(corpus, data_copy):
    edit(data_copy, EVENTS, "evidence: [kz2010:s23@246c246b]", "evidence: [kz2010:s24@246c246b]")
    fails(data_copy, corpus, r"'almaty-raid': pointer kz2010:s24@246c246b no longer matches its text in "
                             r"kazakhstan-annual-report-2010.txt .*that sentence is now s23")


def test_changed_corpus_is_noticed(corpus_copy, data_copy):
    path = corpus_copy / "kazakhstan-annual-report-2010.txt"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("night-time raid", "daytime raid"), encoding="utf-8")
    fails(data_copy, corpus_copy, r"entities.yaml:\d+: 'nss': pointer kz2010:s23@246c246b no longer matches .*no sentence has that fingerprint")


def test_unknown_field_is_not_dropped(corpus, data_copy):
    edit(data_copy, EVENTS, "- id: almaty-raid\n", "- id: almaty-raid\n  perpetrator: nss\n")
    fails(data_copy, corpus, r"'almaty-raid': unknown field 'perpetrator'")


def test_unknown_reference(corpus, data_copy):
    edit(data_copy, EVENTS, "place: almaty\n", "place: almatty\n")
    fails(data_copy, corpus, r"'almaty-raid': place 'almatty' is unknown id")


def test_located_in_is_for_places(corpus, data_copy):
    # rg:locatedIn's domain is rg:Place: a located security service would be a place to any RDFS reasoner
    edit(data_copy, "entities.yaml", "- id: nss\n", "- id: nss\n  located_in: astana\n")
    fails(data_copy, corpus, r"entities.yaml:\d+: 'nss': located_in is for places, and StateBody is not a kind of place")


def test_instrument_as_participant_is_refused(corpus, data_copy):
    edit(data_copy, EVENTS, "participants: {nazarbaev: DecisionMaker}\n  instruments: [nhrap]",
         "participants: {nhrap: Subject}\n  instruments: [nhrap]")
    fails(data_copy, corpus, r"participant 'nhrap' is not a actor")


def test_month_only_date_must_fall_in_covered_year(corpus, data_copy):
    edit(data_copy, EVENTS, 'date: "2009-09"\n  place: almaty', 'date: "2010-09"\n  place: almaty')
    fails(data_copy, corpus, r"'almaty-raid': date 2010-09 is outside 2009")


def test_news_event_cannot_postdate_its_item(corpus, data_copy):
    edit(data_copy, EVENTS, 'date: "2022-01-11"', 'date: "2022-02-11"')
    fails(data_copy, corpus, r"'jan2022-release-call': dated 2022-02-11, after the item of 2022-01-11")


def test_bad_date(corpus, data_copy):
    edit(data_copy, EVENTS, 'date: "2009-09"\n  place: almaty', 'date: "2009-13"\n  place: almaty')
    fails(data_copy, corpus, r"date '2009-13' is not a calendar date")


def test_date_and_undated_exclusive(corpus, data_copy):
    edit(data_copy, EVENTS, 'date: "2009-09"\n  place: almaty', 'date: "2009-09"\n  undated: true\n  place: almaty')
    fails(data_copy, corpus, r"give exactly one of date, start")


def test_date_evidence_needs_a_date(corpus, data_copy):
    edit(data_copy, EVENTS, "undated: true\n", "undated: true\n  date_evidence: [kz2010:s40@1669315e]\n")
    fails(data_copy, corpus, r"date_evidence needs a date")


def test_missing_corpus_folder(tmp_path, data_copy):
    fails(data_copy, tmp_path / "nowhere", r"nowhere: corpus folder not found")


def test_missing_report_file(corpus_copy, data_copy):
    (corpus_copy / "kazakhstan-annual-report-2010.txt").unlink()
    fails(data_copy, corpus_copy, r"kazakhstan-annual-report-2010.txt: report file not found")


def test_empty_report(corpus_copy, data_copy):
    (corpus_copy / "kazakhstan-annual-report-2010.txt").write_text("\n")
    fails(data_copy, corpus_copy, r"report is empty")


def test_not_utf8_report(corpus_copy, data_copy):
    (corpus_copy / "kazakhstan-annual-report-2010.txt").write_bytes(b"Title\n\xff\xfe broken\n")
    fails(data_copy, corpus_copy, r"kazakhstan-annual-report-2010.txt:2: not UTF-8")


def test_a_report_path_leaving_the_corpus_is_refused(corpus, data_copy):
    edit(data_copy, "sources.yaml", "file: kazakhstan-annual-report-2010.txt", "file: ../corpus/../../etc/passwd")
    fails(data_copy, corpus, r"sources.yaml:\d+: '../corpus/../../etc/passwd' is outside the corpus folder")


def test_an_empty_role_list_is_refused(corpus, data_copy):
    edit(data_copy, EVENTS, "{nss: Perpetrator, almaty-five: Victim}", "{nss: [], almaty-five: Victim}")
    fails(data_copy, corpus, r"'almaty-raid': participant 'nss' has an empty role list")


@pytest.mark.parametrize("text, pattern", [
    ("? [a, b]\n: 1\n", r"entities.yaml:1:3: invalid YAML: a key must be plain text"),
    # LibYAML's parser stops at its depth limit and says where; PyYAML's own runs out of stack
    ("[" * 20000 + "\n", r"entities.yaml(:1:1001)?: invalid YAML: (exceeded maximum nesting depth|nested too deeply)$"),
])
def test_hostile_yaml_is_one_line(corpus, data_copy, text, pattern):
    (data_copy / "entities.yaml").write_text(text, encoding="utf-8")
    fails(data_copy, corpus, pattern)


def test_an_impossible_dateline_is_one_line(corpus_copy, data_copy):
    report = corpus_copy / "kazakhstan-annual-report-2010.txt"
    report.write_text(report.read_text(encoding="utf-8").replace("January 7, 2022 \u2022", "February 30, 2022 \u2022"),
                      encoding="utf-8")
    fails(data_copy, corpus_copy, r"kazakhstan-annual-report-2010.txt:\d+: newsroom dateline with an impossible date: "
                                  r"'February 30, 2022")


def test_what_an_event_is_about_must_be_an_event_or_entity(corpus, data_copy):
    edit(data_copy, EVENTS, "about: [kaboulov-extradition]", "about: [kaboulov-extraditoin]")
    fails(data_copy, corpus, r"kazakhstan-annual-report-2010.yaml:\d+: '[a-z-]+': about 'kaboulov-extraditoin' is unknown id")


def test_a_group_is_part_of_a_group_or_place(corpus, data_copy):
    edit(data_copy, "entities.yaml", "part_of: uzbek-refugees", "part_of: nss")
    fails(data_copy, corpus, r"entities.yaml:\d+: 'almaty-five': part_of 'nss' is not a thing of the same kind")
