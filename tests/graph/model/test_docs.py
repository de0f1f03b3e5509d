"""The ontology documentation is generated from the Turtle, current, and works offline."""

import re

from graph.model.docs import ontology_html
from tests.paths import ROOT


def test_docs_are_current_and_offline():
    html = ontology_html()
    assert html == (ROOT / "docs" / "ontology.html").read_text(encoding="utf-8"), "run `rightsgraph docs`"
    assert "<title>rightsgraph ontology</title>" in html
    assert "https://w3id.org/rightsgraph/ontology#ConstitutionalReview" in html
    assert not re.search(r"<script[^>]+src=\"https?:", html)
    assert not re.search(r"<link[^>]+href=\"https?:[^\"]+\.css", html)
