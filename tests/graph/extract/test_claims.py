"""Claim status from reporting verbs: an allegation in the text stays an allegation."""

from __future__ import annotations

import pytest

from graph.extract.claims import claim_status


@pytest.mark.parametrize("sentence, category, status", [
    ("Allegedly, the men were beaten in custody.", "IllTreatment", "Alleged"),
    ("Confessions reportedly extracted under torture were admitted.", "IllTreatment", "Alleged"),
    ("According to relatives, guards beat the prisoners.", "IllTreatment", "Alleged"),
    ("The Rapporteur found that detainees were beaten, supported by forensic evidence.", "IllTreatment", "Established"),
    ("Police beat the protesters.", "IllTreatment", "Reported"),
    ("Relatives alleged that guards beat him, the ministry said.", "Statement", "Reported"),  # the statement itself was made
])
def test_claim_status(sentence, category, status):
    assert claim_status(sentence, category) == status
