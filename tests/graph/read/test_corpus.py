"""The reader's contract: sentences, sections and newsroom items with exact offsets."""

from datetime import date

import pytest

from graph.read.corpus import fingerprint, read_document, split_sentences
from graph.errors import BuildError

REPORT = "kazakhstan-annual-report-2010.txt"


@pytest.fixture(scope="module")
def doc(corpus):
    return read_document(corpus / REPORT)


def test_sentences_cover_the_file_and_lose_nothing(doc, corpus):
    """Between two sentences there is only white space, and the file read separately agrees with the offsets."""
    on_disk = (corpus / REPORT).read_bytes().decode("utf-8")
    last = 0
    for s in doc.sentences:
        assert on_disk[last:s.start].strip() == "", f"text lost before sentence {s.index}"
        assert on_disk[s.start:s.end] == s.text and s.text == s.text.strip() and s.text
        last = s.end
    assert on_disk[last:].strip() == ""


def test_fixture_report_splits_as_written_by_hand():
    """The invented report of tests/fixtures/mini, sentence by sentence: kind and first words."""
    from tests.paths import MINI_CORPUS

    doc = read_document(MINI_CORPUS / "veloria-2013.txt")
    assert [(s.kind, " ".join(s.text.split()[:3])) for s in doc.sentences] == [
        ("title", "Veloria Human Rights"), ("text", "Veloria is an"), ("text", "In February, President"),
        ("heading", "Torture and other"), ("text", "In April, police"), ("text", "The detainees alleged"),
        ("text", "The Ministry of"), ("heading", "Justice system"), ("text", "On 14 September,"),
        ("text", "In November, the"), ("text", "The European Court"), ("heading", "Veloria Newsroom"),
        ("dateline", "March 3, 2013"), ("pubtitle", "Veloria must release"), ("text", "The authorities must"),
    ]
    assert [s.index for s in doc.sentences] == list(range(15))
    assert [(n.date, n.kind) for n in doc.news] == [(date(2013, 3, 3), "Press Release")]


def test_quoted_finding_stays_one_sentence(doc):
    # The Special Rapporteur's finding quotes two sentences; splitting inside
    # the quotation would cut the evidence in half.
    finding = next(s for s in doc.sentences if "forensic medical evidence" in s.text)
    assert finding.text.startswith("Following his visit")
    assert finding.text.count("\u201c") == 1 and finding.text.endswith("\u201d")


def test_case_name_abbreviation_does_not_split(doc):
    assert any("Kaboulov v. Ukraine that the extradition" in s.text for s in doc.sentences)


def test_headings_and_glued_heading(doc):
    headings = [s.heading.text for s in doc.sections if s.heading]
    assert headings == ["Torture and other ill-treatment", "Counter-terror and security",
                        "Freedom of religion", "Kazakhstan Newsroom"]


def test_newsroom_items(doc):
    assert [(n.date, n.kind) for n in doc.news][:3] == [
        (date(2022, 1, 11), "Press Release"), (date(2022, 1, 7), "Press Release"), (date(2022, 1, 5), "Press Release")]
    assert {n.kind for n in doc.news} == {"Press Release", "Report"}
    land = next(n for n in doc.news if n.date == date(2016, 5, 20))
    assert "Land Code" in land.title.text and land.body


def test_split_sentences_rules():
    text = "Mr. Smith left. He said \u201cStop. Now.\u201d Then 3 men came! A. B. Jones stayed"
    spans = [text[a:b] for a, b in split_sentences(text, 0, len(text))]
    assert spans == ["Mr. Smith left.", "He said \u201cStop. Now.\u201d", "Then 3 men came!", "A. B. Jones stayed"]


def test_fingerprint_ignores_rewrapping():
    assert fingerprint("a  b\nc") == fingerprint("a b c") != fingerprint("a b d")


def test_missing_file(tmp_path):
    with pytest.raises(BuildError, match="report file not found"):
        read_document(tmp_path / "nope.txt")


def test_empty_report(tmp_path):
    path = tmp_path / "empty.txt"
    path.write_text("  \n\n")
    with pytest.raises(BuildError, match="report is empty") as err:
        read_document(path)
    assert str(path) in str(err.value)


def test_not_utf8_names_line(tmp_path):
    path = tmp_path / "latin1.txt"
    path.write_bytes("Title\n\nCaf\u00e9 in Almaty.\n".encode("latin-1"))
    with pytest.raises(BuildError, match=r"latin1.txt:3: not UTF-8"):
        read_document(path)
