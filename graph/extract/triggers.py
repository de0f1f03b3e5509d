"""Event triggers: the words that say something happened, mapped to the thirteen reporting categories.

A trigger only counts when the sentence says the event took place: a call
for a release, a demand to halt extraditions, a threat of extradition, a
plan that "would" restrict, a negated verb, or a trigger word inside a name
("Committee against Torture") do not make events. What a law provides ("the
law banned ...") describes the law, not a separate event.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# (category, the ontology class a candidate gets, pattern). The category is the
# class's skos:notation; the more specific class is kept for the review sheet.
LEXICON: list[tuple[str, str, str]] = [
    ("Legislation", "LawSigning", r"signed (?:into law |a decree |the decree )?|signs? (?=the|a|amendments|into)"),
    ("Legislation", "AmendmentAdoption", r"amended|adopted amendments|amendments? (?:to|of) (?:the |a )?(?:[A-Z]\w+ )*(?:law|code|constitution|Law|Code|Constitution)\b(?= (?:were|was) (?:adopted|passed|signed|approved))"),
    ("Legislation", "PlanApproval", r"approved (?=(?:a|an|the|its|new) (?:[\w-]+ ){0,6}(?:[Pp]lan|[Ss]trategy|[Pp]rogramme|[Ll]aw|[Cc]ode|[Aa]mendments?|[Bb]ill|[Dd]ecree))"),
    ("Legislation", "LegislativeAction", r"(?:adopted|passed|enacted|ratified|promulgated|introduced|drafted) (?=(?:a|an|the|its|new) (?:[\w-]+ ){0,6}(?:[Pp]lan|[Ss]trategy|[Pp]rogramme|[Ll]aw|[Cc]ode|[Aa]mendments?|[Bb]ill|[Dd]ecree|[Cc]onvention|[Cc]ovenant|[Pp]rotocol|[Ll]egislation|[Cc]onstitution))|came into (?:force|effect)|entered into force|(?:law|bill|amendments?|code|decree) (?:was|were) (?:adopted|passed|signed|approved|enacted)"),
    ("Ruling", "Sentencing", r"\bsentenced\b|sentence (?:was |were )?imposed|(?:was|were|been) convicted|convicted (?:him|her|them)|found (?:him|her|them|\w+) guilty|(?:was|were) (?:found )?guilty|(?:was|were) acquitted|acquitted"),
    ("Ruling", "AppealDecision", r"(?:turned down|rejected|dismissed|upheld|overturned|quashed|refused) (?:the |an |their |his |her |all )?(?:appeals?|cassation|complaint|conviction|verdict|sentence)|refused to (?:review|hear|consider) |upheld|overturned"),
    ("Ruling", "JudgmentDelivery", r"\bruled\b|\bruling\b(?= (?:that|in|of))|issued (?:a |its )?(?:judgment|decision|verdict)|held that|found a violation|declared (?:the |it |\w+ )?(?:unconstitutional|illegal|extremist)"),
    ("Detention", "Arrest", r"(?:was|were|been|being) (?:arbitrarily |briefly |reportedly |allegedly )?(?:arrested|detained|taken into custody)|\barrested\b|\bdetained\b|\barrests?\b(?! warrant)|\bdetentions? of\b|remanded in custody|taken into custody|held incommunicado|\babducted\b"),
    ("Raid", "Raid", r"\braid(?:s|ed)?\b|\bsearched\b(?= (?:the|their|his|her|a) (?:homes?|offices?|premises|flats?|apartments?|houses?))|\bstormed\b"),
    ("IllTreatment", "IllTreatment", r"\btortured\b|\btorture\b|\bbeaten\b|\bbeat\b|\bbeatings?\b|\bill-treated\b|\bill-treatment\b|\babused\b|\bkicked\b|\bill treatment\b|\bbeating\b"),
    ("Killing", "Killing", r"\bkilled\b|\bdied\b|\bopened fire\b|\bshot dead\b|\bkillings?\b|\bmurdered\b|\bexecuted\b|\bdeaths?\b(?= (?:of|in) )|\bwas shot\b|\bwere shot\b|\bfound dead\b|\blethal force\b"),
    ("Protest", "Protest", r"\bprotests?\b|\bprotested\b|\bdemonstrations?\b|\bdemonstrated\b|\brall(?:y|ies)\b|\bstrikes?\b(?! (?:on|against))|\bhunger strike\b|\bpicket(?:s|ed)?\b|\bmarched\b|\bunrest\b"),
    ("Visit", "Visit", r"\bvisited\b|\bvisit (?:to|of)\b|\bvisits? to\b|\bmission to\b|\btravelled to\b|\bhis visit\b|\bher visit\b|\btheir visit\b|\bofficial visit\b"),
    ("Statement", "Statement", r"\bsaid\b|\bstated\b|\bconcluded\b|\bannounced\b|\bwarned\b|\bnoted that\b|\bexpressed (?:concern|alarm|regret)\b|\bcriticized\b|\bcriticised\b|\bcondemned\b|\bdeclared that\b|\bpublished (?:a |its )?report\b|\blaunched (?:its |a )?(?:annual )?(?:report|assessment)|\bwrote\b|\bin a statement\b"),
    ("Statement", "RecommendationIssued", r"\brecommended\b|\brecommendations?\b(?= (?:of|by|to|from|that))|\burged\b|\bcalled (?:on|upon)\b|\bcalled for\b|\basked (?:the|them|it|\w+) (?:authorities )?to\b|\brequested\b|\bappealed to\b"),
    ("Statement", "Denial", r"\bdenied (?:any|that|the|all|it|having)\b|\bdenial\b|\brejected (?:the )?(?:allegations|claims|criticism)"),
    ("Statement", "Finding", r"\bfound that\b|\bfound (?:the |these |those )?(?:allegations|claims|evidence)\b|\bconcluded that\b"),
    ("Election", "Election", r"\bre-elected\b|\belected\b|\belections?\b|\breferendum\b|\bappointed\b|\bsworn in\b|\bchairmanship\b|\btook office\b|\bassumed (?:office|the presidency|the chairmanship)\b|\bvoted\b|\bpolls\b(?= (?:were|was|opened|closed))"),
    ("Transfer", "Extradition", r"\bextradited\b|\bextraditions?\b|\bdeported\b|\bdeportations?\b|\bexpelled\b|\bforcibly returned\b|\bhanded (?:him |her |them )?over\b|\brefoulement\b|\bfled (?:to|from|across|the country)\b|\bremoved to\b|\brendition\b|\bsent back to\b"),
    ("Release", "Release", r"\breleased\b|\bfreed\b|\bpardoned\b|\bacquitted and released\b|\bset free\b|\breleases? of\b|\bamnestied\b|\bon bail\b"),
    ("Restriction", "Restriction", r"\bbanned\b|\bban on\b|\bbans\b|\bclosed down\b|\bclosure\b|\bsuspended\b|\bblocked\b|\bdenied access\b|\bwere denied\b|\bwas denied\b|\brefused (?:permission|access|registration|entry)\b|\bstate of emergency\b|\bcurfew\b|\bprohibited\b|\bliquidated\b|\bshut down\b|\brefused to register\b|\bdenied registration\b|\bbarred\b|\bdissolved\b|\bcensored\b|\brestricted\b"),
    ("Restriction", "Harassment", r"\bharass(?:ed|ment)\b|\bintimidat(?:ed|ion)\b|\bthreatened\b(?! (?:them |him |her )?with)|\bsurveillance\b|\btargeted\b"),
]

COMPILED = [(cat, cls, re.compile(pattern)) for cat, cls, pattern in LEXICON]

# Words before a trigger that say it did not, or need not, happen.
MODALITY = re.compile(
    r"(?:\b(?:not|never|no|n't|must|should|would|could|might|may|to|failed to|refused to|threatened (?:them |him |her )?with|"
    r"called for|calls for|calling for|demanded|demand|urged|urging|halt|stop|prevent|plans? to|intended to|"
    r"risk of|risks|without|any|possible|potential|against|alleged|for|allegations of|accused of|charged with|"
    r"for (?:organi[sz]ing|taking part in|participating in|holding|staging|calling for|inciting))\s+(?:\w+\s+){0,2})$")
# What someone is charged with is an accusation, not an event the report tells.
CHARGE = re.compile(r"for (?:organi[sz]ing|taking part in|participating in|holding|staging|calling for|inciting)\b")
# Nouns that name an event the report has already told: "the raids", "during arrest", "one of the protests".
REFERENCE = re.compile(r"(?:\b(?:the|these|those|such|this|that|[Dd]uring|[Aa]fter|[Ff]ollowing|[Bb]efore|[Ss]ince)\s+"
                       r"(?:(?:recent|ongoing|earlier|same|mass|alleged|first|second|latest)\s+)*)$")
NOUN_TRIGGER = re.compile(r"(?:raids?|arrests?|detentions?|protests?|demonstrations?|rall(?:y|ies)|elections?|killings?|"
                          r"beatings?|extraditions?|deportations?|torture|ill-treatment|unrest|visit|trial|closure|"
                          r"ruling|strikes?|violence|deaths?|release)\b")
# Modal verbs earlier in the trigger's own clause: "must release", "could result in killings".
CLAUSE_MODAL = re.compile(r"\b(?:must|should|would|could|might|will|shall|may|cannot|can)\b")
CLAUSE_START = re.compile(r"(?:[,;:]\s|\b(?:who|which|whom|whose|and)\s)")
# "continued to report", "began to arrest": the "to" of an ongoing fact is not a hedge.
ONGOING = re.compile(r"\b(?:continued|continue|continues|began|begun|started|went on|proceeded|managed|used|came|forced|"
                     r"had|has|have|were|was|being)\s+$")
# Triggers that keep their force after these words (a conviction "for" murder, a sentence "to" prison are real).
NO_MODALITY = {"Sentencing", "AppealDecision"}


@dataclass(frozen=True)
class Trigger:
    start: int
    end: int
    category: str
    cls: str


def find_triggers(sentence: str, inside_names: list[tuple[int, int]], about_law: bool) -> list[Trigger]:
    """Triggers in the sentence, left to right, at most one per place."""
    found: list[Trigger] = []
    if negated_sentence(sentence):
        return found
    for category, cls, pattern in COMPILED:
        for m in pattern.finditer(sentence):
            start, end = m.start(), max(m.end(), m.start() + 1)
            if any(s <= start < e for s, e in inside_names):
                continue
            if any(start < t.end and t.start < end for t in found):
                continue
            if cls not in NO_MODALITY and _hedged(sentence, start, category):
                continue
            if NOUN_TRIGGER.match(sentence, start) and REFERENCE.search(sentence, 0, start):
                continue
            if category not in ("Statement",) and _modal_in_clause(sentence, start):
                continue
            if about_law and category != "Legislation" and _describes_law(sentence, start):
                continue
            found.append(Trigger(start, end, category, cls))
    return sorted(found, key=lambda t: t.start)


def _modal_in_clause(sentence: str, start: int) -> bool:
    last_break = max((m.end() for m in CLAUSE_START.finditer(sentence, 0, start)), default=0)
    return bool(CLAUSE_MODAL.search(sentence, last_break, start))


def negated_sentence(sentence: str) -> bool:
    """"No investigations were conducted": nothing in the sentence took place."""
    return sentence.startswith(("No ", "None "))


def _hedged(sentence: str, start: int, category: str) -> bool:
    before = sentence[max(0, start - 40):start]
    m = MODALITY.search(before)
    if not m:
        return False
    word = m.group().split()[0].lower()
    # "alleged" before a trigger marks a claim, not a non-event; "for" only hedges a call.
    if word == "alleged":
        return False
    if word == "for" and not re.search(r"\bcall(?:ed|s|ing)? for\s", before, re.I) and not CHARGE.match(m.group()):
        return False
    if word == "to" and ONGOING.search(before[: m.start()]):
        return False
    if word in ("to", "any") and category in ("Statement", "Visit"):
        return word == "any"
    return True


LAW_SUBJECT = re.compile(r"(?:^|[;,] )(?:The|the|This|this|It|it|which|that)\s+(?:new\s+)?(?:[\w-]+\s+){0,3}?"
                         r"(?:law|Law|amendments?|code|Code|decree|bill|provisions?|legislation|it|which)\b")


def _describes_law(sentence: str, start: int) -> bool:
    """'The law obliged ... and banned ...': a provision of the law, not a separate event."""
    clause_start = max(sentence.rfind(", which", 0, start), sentence.rfind(". ", 0, start), 0)
    return bool(LAW_SUBJECT.search(sentence[clause_start:start]))
