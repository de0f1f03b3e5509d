"""Claim status from reporting verbs: an allegation in the text stays an allegation.

The same rules as for curated facts (data/README.md): "reportedly",
"allegedly", "alleged", "accused", "claimed" and "according to" make the
events of their sentence allegations; a finding ("found that", "concluded
that", "credible", "confirmed") by the body the sentence names establishes
them; anything else is reported as fact by the report's author. A statement
or ruling is itself reported: that it was made is not in doubt.
"""

from __future__ import annotations

import re

ALLEGED = re.compile(r"\b(?:[Aa]lleged(?:ly)?|[Rr]eportedly|claimed|[Cc]laims?|accused|[Aa]ccording to|[Aa]llegations?|"
                     r"complained|reported (?:being|that|having))\b")
ESTABLISHED = re.compile(r"\b(?:found that|concluded that|confirmed|established that|credible|ruled that|held that|"
                         r"supported by (?:forensic|medical) evidence)\b")
SPEECH = ("Statement", "Ruling")


def claim_status(sentence: str, category: str) -> str:
    if category in SPEECH:
        return "Reported"
    if ESTABLISHED.search(sentence):
        return "Established"
    if ALLEGED.search(sentence):
        return "Alleged"
    return "Reported"
