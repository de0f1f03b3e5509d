"""Bad input: a one-line message or a valid, possibly empty, result; never a traceback."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from graph.extract.formats import to_eval
from graph.extract.report import extract_document
from graph.read.corpus import parse_text
from tests.paths import ROOT


def run(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "rightsgraph.cli", "extract", *args], capture_output=True, text=True,
                          cwd=cwd, timeout=120)


@pytest.mark.parametrize("content, message", [
    (b"", "report is empty"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary file"),
    (b"Belarus 2015\n\nIn March caf\xe9 owners were detained.\n", "not UTF-8"),
])
def test_unreadable_reports_are_one_line_errors(tmp_path, content, message):
    report = tmp_path / "r.txt"
    report.write_bytes(content)
    result = run(str(report))
    assert result.returncode == 2 and result.stdout == ""
    assert len(result.stderr.strip().splitlines()) == 1 and message in result.stderr
    assert "Traceback" not in result.stderr


def test_a_report_over_the_size_limit_is_refused_without_being_read(tmp_path):
    report = tmp_path / "huge.txt"
    with report.open("wb") as f:
        f.truncate(50 * 1024 * 1024)  # sparse: 50 MB on paper, nothing on disk
    result = run(str(report))
    assert result.returncode == 2 and "MB are refused" in result.stderr


def test_a_missing_report_is_one_line(tmp_path):
    result = run(str(tmp_path / "nope.txt"))
    assert result.returncode == 2 and "report file not found" in result.stderr


@pytest.mark.parametrize("text", [
    "Belarus 2015\n\n" + "word " * 200_000 + "\n",  # a 1 MB line without a full stop
    "Belarus 2015\n\n12345 67890\n\n--- *** ---\n",  # no sentences with words
    "Belarus 2015\n",  # a title and nothing else
])
def test_odd_texts_give_a_valid_result(tmp_path, text, scorer):
    report = tmp_path / "odd.txt"
    report.write_text(text, encoding="utf-8")
    result = run(str(report))
    assert result.returncode == 0, result.stderr
    assert scorer.check_system(json.loads(result.stdout)) == []


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=600))
def test_offsets_always_lie_inside_the_text_and_quote_it(gazetteer, text):
    """Arbitrary text: every offset is inside the text, every quoted sentence is the text at its offsets."""
    doc = parse_text(text, Path("x.txt"))
    x = extract_document(doc, 2011, gazetteer)
    out = to_eval(x, "x")
    for event in out["events"]:
        assert 0 <= event["start"] < event["end"] <= len(text)
        assert text[event["start"]:event["end"]] == event["sentence"]
        a, b = event["trigger_offsets"]
        assert event["start"] <= a < b <= event["end"]
    for m in x.mentions:
        assert 0 <= m.start < m.end <= len(text)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from([
    "In May, police detained ", "President Ilham Rzayev ", "the Supreme Court ", "upheld the sentence of ",
    "Amnesty International said ", "on 30 February ", "(KGB) ", "Law on Media ", "in Baku. ", "\n\n", "reportedly ",
    "called for the release of ", "between 2 and 11 January ", "\u2028", "\u201cquoted\u201d ", "Article 3 of the ",
]), max_size=30))
def test_report_like_text_never_breaks_the_extractor(gazetteer, parts):
    text = "Azerbaijan 2014\n\n" + "".join(parts)
    x = extract_document(parse_text(text, Path("x.txt")), None, gazetteer)
    out = to_eval(x, "x")
    for event in out["events"]:
        assert text[event["start"]:event["end"]] == event["sentence"]
        assert event["date"] is None or event["date"][:4].isdigit()
