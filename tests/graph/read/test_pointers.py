"""Pointers resolve to exact text, and fail loudly when the text moved or changed."""

import pytest

from graph.read.corpus import read_document
from graph.errors import BuildError
from graph.read.pointers import parse_pointer, quotations, resolve


@pytest.fixture
def docs(tmp_path):
    path = tmp_path / "r.txt"
    path.write_text("Title\n\nFirst one. The expert said \u201cbad things\u201d and \u201cworse\u201d.\n", encoding="utf-8")
    return {"r": read_document(path)}


def test_resolves_sentence_and_quotation(docs):
    s = docs["r"].sentences[2]
    span = resolve(parse_pointer(f"r:s2@{s.fingerprint}", "here"), docs, "here")
    assert span.exact == s.text
    q2 = resolve(parse_pointer(f"r:s2@{s.fingerprint}/q2", "here"), docs, "here")
    assert q2.exact == "worse"


def test_stale_pointer_names_where_sentence_went(docs):
    s = docs["r"].sentences[2]
    with pytest.raises(BuildError, match=r"no longer matches its text in r.txt .*that sentence is now s2"):
        resolve(parse_pointer(f"r:s1@{s.fingerprint}", "data/x.yaml:3"), docs, "data/x.yaml:3")


def test_changed_text_is_caught(docs):
    with pytest.raises(BuildError, match="no sentence has that fingerprint"):
        resolve(parse_pointer("r:s2@00000000", "w"), docs, "w")


def test_bad_syntax_and_unknown_document(docs):
    with pytest.raises(BuildError, match="bad pointer"):
        parse_pointer("r:2@abc", "w")
    with pytest.raises(BuildError, match="unknown document 'zz'"):
        resolve(parse_pointer("zz:s0@00000000", "w"), docs, "w")


def test_missing_quotation(docs):
    s = docs["r"].sentences[2]
    with pytest.raises(BuildError, match="has 2 quotation"):
        resolve(parse_pointer(f"r:s2@{s.fingerprint}/q3", "w"), docs, "w")


def test_unclosed_quotation_runs_to_sentence_end():
    text = "He said: \u201cIt goes on"
    assert [text[a:b] for a, b in quotations(text, 0, len(text))] == ["It goes on"]
