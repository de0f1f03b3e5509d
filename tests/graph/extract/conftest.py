"""Helpers for the extraction tests: the shared scorer, loaded from ../shared/eval, and extraction of a text."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from graph.extract.gazetteer import build_gazetteer
from graph.extract.report import extract_document
from graph.read.corpus import parse_text
from tests.paths import ROOT

EVAL = ROOT.parent / "shared" / "eval"


@pytest.fixture(scope="session")
def scorer():
    """The scorer every extractor is judged by; the tests use it exactly as the README does."""
    spec = importlib.util.spec_from_file_location("score_extraction", EVAL / "score_extraction.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="session")
def gazetteer():
    return build_gazetteer()


@pytest.fixture
def extract(gazetteer):
    """Extract from text in memory, with the built-in gazetteer only (no curated data)."""

    def run(text: str, year: int | None = 2011, name: str = "t.txt"):
        return extract_document(parse_text(text, Path(name)), year, gazetteer)

    return run
