"""Entity mentions in one sentence: the gazetteer first, then grammars for names it does not know.

Reports name institutions by pattern ("X Court", "Ministry of ...", "Office
of ...", "Special Rapporteur on ...", "Law on ...", a name with its acronym in
brackets) and people by a run of capitalised words, often after a title
("President Nazarbaev") or a descriptor ("human rights defender Evgeniy
Zhovtis"). A capitalised word at the start of a sentence, or one the report
also writes in lower case, is an ordinary word, not a name.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from graph.extract.gazetteer import Gazetteer
from graph.read.corpus import MONTHS

ORG_HEADS = {
    "Court": "Court", "Tribunal": "Court", "Council": "StateBody", "Committee": "Organization",
    "Commission": "Organization", "Ministry": "StateBody", "Agency": "StateBody", "Office": "StateBody",
    "Service": "StateBody", "Services": "StateBody", "Party": "PoliticalParty", "Union": "Organization",
    "Association": "Organization", "Movement": "Organization", "Assembly": "StateBody", "Parliament": "StateBody",
    "Senate": "StateBody", "Bureau": "StateBody", "Department": "StateBody", "Foundation": "NGO",
    "Institute": "Organization", "Network": "NGO", "Coalition": "Organization", "Front": "Organization",
    "Inspectorate": "StateBody", "Guard": "StateBody", "Army": "StateBody", "Police": "StateBody",
    "Procuracy": "StateBody", "Prosecutor's": "StateBody", "Administration": "StateBody", "Government": "StateBody",
    "Authority": "StateBody", "Organization": "Organization", "Organisation": "Organization", "Society": "NGO",
    "League": "NGO", "Watch": "NGO", "Secretariat": "StateBody", "Cabinet": "StateBody", "Majilis": "StateBody",
    "Mazhilis": "StateBody", "Duma": "StateBody", "Akimat": "StateBody", "Centre": "Organization",
    "Center": "Organization", "Bank": "Organization", "Company": "Organization", "Corporation": "Organization",
    "Newspaper": "MediaOutlet", "Radio": "MediaOutlet", "Television": "MediaOutlet", "Agencies": "StateBody",
    "Forces": "StateBody", "Troops": "StateBody", "Ombudsman": "StateBody", "Commissioner": "StateBody",
    "Prosecutor-General's": "StateBody",
}
INSTRUMENT_HEADS = {
    "Law": "Law", "Code": "Code", "Constitution": "Constitution", "Convention": "Treaty", "Covenant": "Treaty",
    "Treaty": "Treaty", "Act": "Law", "Decree": "Law", "Plan": "ActionPlan", "Protocol": "Treaty",
    "Charter": "Treaty", "Amendment": "Amendment", "Amendments": "Amendment", "Bill": "DraftLaw",
    "Statute": "Law", "Ordinance": "Law", "Resolution": "Law", "Strategy": "ActionPlan", "Programme": "ActionPlan",
}
PLACE_HEADS = {
    "Region": "Place", "Province": "Place", "Oblast": "Place", "District": "Place", "Prefecture": "Place",
    "County": "Place", "Governorate": "Place", "Valley": "Place", "Island": "Place", "Islands": "Place",
    "Square": "Place", "Street": "Place", "Prison": "Facility", "Colony": "Facility", "Camp": "Facility",
    "Hospital": "Facility", "City": "City", "Mountains": "Place", "Republic": "Place",
}
HEADS = {**{k: ("org", v) for k, v in ORG_HEADS.items()}, **{k: ("instrument", v) for k, v in INSTRUMENT_HEADS.items()},
         **{k: ("place", v) for k, v in PLACE_HEADS.items()}}
CONNECTORS = {"of", "for", "on", "against", "and", "the", "de", "du", "des"}
TITLES = {"President", "Prime", "Minister", "Judge", "Mr", "Mr.", "Ms", "Ms.", "Mrs", "Mrs.", "Dr", "Dr.",
          "Colonel", "Major", "Captain", "Deputy", "Ambassador", "Secretary", "Director", "Chairman", "Chairwoman",
          "Chair", "Governor", "Mayor", "Senator", "Imam", "Pastor", "Father", "Sheikh", "Professor", "Prof.",
          "Commissioner", "Rapporteur", "Special", "Lieutenant", "Sergeant", "Head", "Speaker", "Chief", "King",
          "Queen", "Prince", "Emir", "Sultan", "Patriarch", "Bishop", "Archbishop", "Vice", "Acting", "Former"}
# Capitalised words that are never part of a person's name.
NOT_NAME = {"Human", "Rights", "National", "Public", "State", "Federal", "Central", "Eastern", "Western", "Northern",
            "Southern", "International", "Islamic", "Islamist", "Muslim", "Muslims", "Christian", "Christians", "Orthodox",
            "Catholic", "Protestant", "Protestants", "Baptist", "Baptists", "Jehovah's", "Witnesses", "Day", "Friday",
            "Monday", "Tuesday", "Wednesday", "Thursday", "Saturday", "Sunday", "Amnesty", "Report", "Annual", "World",
            "Europe", "Asia", "Africa", "America", "European", "Asian", "African", "American", "Middle", "East", "UN",
            "Internet", "English", "God", "Kazakh", "Russian", "Uzbek", "Kyrgyz", "Tajik", "Turkmen", "Chinese",
            "Uighur", "Uyghur", "Soviet", "Newsroom", "Press", "Release", "Security", "Justice", "Interior",
            "Prosecutor", "General", "Internal", "Affairs", "Defence", "Defense", "Foreign", "Health", "Education",
            "Religious", "Civil", "Criminal", "Supreme", "Constitutional", "Administrative", "Appeal", "Appeals",
            "Parliament", "Senate", "Government", "Presidential", "Kazakhstani", "Islam", "Christianity", "Buddhist",
            "Hindu", "Jewish", "Sunni", "Shi'a", "Shia", "Ahmadi", "Salafi", "Sufi", "Evangelical", "Pentecostal",
            *MONTHS}
# Sentence openers that are capitalised only because they open the sentence.
FUNCTION_WORDS = set("""a an the in on at by of for to from with without within during after before following since
until despite although though while when where which who whose whom that this these those there here it its they
their them he his him she her we our us i you your according reportedly allegedly both several some many most all
any each every no not none one two three four five six seven eight nine ten dozens hundreds thousands also however
moreover furthermore meanwhile later earlier then yet but and or nor so as if because unless whether between among
under over about against around throughout instead other another such only even still just despite amid
responding reacting speaking following""".split())
GROUP_HEADS = {"community", "communities", "minority", "minorities", "movement", "followers", "members", "congregation"}
GENERIC_GROUPS = re.compile(
    r"\b(?:(?:peaceful |striking |local |foreign |religious |political |ethnic |Uzbek |Muslim )?"
    r"(?:refugees|asylum-seekers|asylum seekers|protesters|protestors|demonstrators|journalists|activists|"
    r"human rights defenders|lawyers|detainees|prisoners|prisoners of conscience|workers|oil workers|students|"
    r"opposition activists|bloggers|migrants|minorities|communities|believers|relatives|families))\b")

TOKEN = re.compile(r"[^\W\d_][\w\u2019'\-.]*(?<!\.)|[0-9]+|\S")
ACRONYM = re.compile(r"^[A-Z][A-Z0-9]{1,6}$")
ROMAN = re.compile(r"^[IVXLC]+$")
SPECIAL = re.compile(r"\b(?:(?:UN|United Nations) )?(?:Special Rapporteur|Special Representative|Independent Expert|"
                     r"Working Group) on (?:the )?[a-z][a-z\-]*(?: (?:and|of|or|the|[a-z][a-z\-]*)){0,6}")
SPECIAL_STOP = re.compile(r" (?:concluded|stated|said|visited|noted|found|reported|urged|called|expressed|in|during|that|who|"
                          r"was|were|to|after|following|on|with|when|had|has|have|and the|received|recommended|issued|"
                          r"criticized|criticised|welcomed|is|are)\b")
ARTICLE = re.compile(r"\bArticles? (?P<n>[0-9]+[a-z]?(?:\([0-9a-z]+\))*)(?= of\b)")
LOCATIVE = re.compile(r"(?:\b(?:in|to|from|at|near|outside|around)|the (?:town|city|village|region|province|capital|district|"
                      r"settlement) of|the capital|in the city of|in the town of) $")


@dataclass(frozen=True)
class Mention:
    start: int  # offsets into the sentence
    end: int
    surface: str
    label: str
    cls: str  # a class of the ontology, by local name
    aliases: tuple[str, ...] = ()
    known: str | None = None
    via: str = "grammar"
    confidence: float = 0.9
    generic: bool = False  # an unnamed collective ("refugees"): a participant, not a name


def find_mentions(sentence: str, gazetteer: Gazetteer, common: set[str], title_case: bool = False) -> list[Mention]:
    """Mentions in the sentence, none overlapping; longer spans win, the gazetteer wins a tie."""
    candidates: list[Mention] = []
    for start, end, entry in gazetteer.find(sentence):
        candidates.append(Mention(start, end, sentence[start:end], entry.label, entry.cls, tuple(entry.aliases),
                                  entry.known, "gazetteer", 1.0))
    if not title_case:
        candidates += _special_procedures(sentence)
        candidates += _unnamed_instruments(sentence)
        for m in POLICE.finditer(sentence):
            candidates.append(Mention(m.start(), m.end(), m.group(), "police", "StateBody", (), None, "grammar", 0.6))
        candidates += _chunks(sentence, common)
        for m in GENERIC_GROUPS.finditer(sentence):
            candidates.append(Mention(m.start(), m.end(), m.group(), m.group(), "Group", (), None, "grammar", 0.6, True))
    chosen: list[Mention] = []
    for c in sorted(candidates, key=lambda c: (-(c.end - c.start), c.via != "gazetteer", c.start)):
        if all(c.end <= o.start or o.end <= c.start for o in chosen):
            chosen.append(c)
    return _articles(sentence, sorted(chosen, key=lambda c: c.start))


POLICE = re.compile(r"(?<![\w-])police(?![\w-])")
# Instruments that reports name in lower case: "a draft law on freedom of conscience".
DRAFT = re.compile(r"\b[Dd]raft (?:law|bill|amendments?) on (?:the )?[a-z][a-z-]*(?: (?:of|and|the|[a-z][a-z-]*)){0,5}")
DRAFT_STOP = re.compile(r" (?:which|that|was|were|is|are|would|to|in|on|by|with|remained|had|has|as)\b")
MEDIA = re.compile(r"(?:newspaper|magazine|weekly|daily|journal|news agency|news website|website|TV channel|"
                   r"television channel|radio station|portal|broadcaster) $")


def _unnamed_instruments(sentence: str) -> list[Mention]:
    found = []
    for m in DRAFT.finditer(sentence):
        text = m.group()
        stop = DRAFT_STOP.search(text, text.index(" on ") + 4)
        text = text[: stop.start()] if stop else text
        found.append(Mention(m.start(), m.start() + len(text), text, text[0].upper() + text[1:], "DraftLaw", (text,),
                             None, "grammar", 0.7))
    return found


def _special_procedures(sentence: str) -> list[Mention]:
    found = []
    for m in SPECIAL.finditer(sentence):
        text = m.group()
        stop = SPECIAL_STOP.search(text, text.index(" on ") + 4)
        if stop:
            text = text[: stop.start()]
        text = text.rstrip(" ,")
        label = text if text.startswith(("UN ", "United Nations ")) else "UN " + text
        found.append(Mention(m.start(), m.start() + len(text), text, label, "InternationalBody",
                             tuple({text, label.removeprefix("UN ")} - {label}), None, "grammar", 0.9))
    return found


def _articles(sentence: str, mentions: list[Mention]) -> list[Mention]:
    """"Article 3 of the European Convention" is an instrument of its own, part of the treaty."""
    out = list(mentions)
    for m in ARTICLE.finditer(sentence):
        after = re.compile(r" of (?:the )?").match(sentence, m.end())
        target = next((x for x in mentions if after and x.start == after.end()), None)
        if target is None or target.cls not in ("Treaty", "Law", "Code", "Constitution", "Amendment", "ActionPlan"):
            continue
        label = f"Article {m['n']} of {target.label}"
        surface = sentence[m.start():target.end]
        out.append(Mention(m.start(), m.end(), surface[: m.end() - m.start()], label, "TreatyArticle",
                           (surface,), None, "grammar", 0.9))
    return sorted(out, key=lambda c: c.start)


def _tokens(sentence: str):
    return [(t.start(), t.end(), t.group()) for t in TOKEN.finditer(sentence)]


CALENDAR = {*MONTHS, "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"}


def _is_cap(word: str) -> bool:
    """A word that can be part of a name: capitalised, and not a month or a weekday."""
    return word[:1].isupper() and any(c.isalpha() for c in word) and word not in CALENDAR


def _chunks(sentence: str, common: set[str]) -> list[Mention]:
    """Runs of capitalised words joined by connectors, each classified by its head word."""
    tokens = _tokens(sentence)
    found = []
    i = 0
    while i < len(tokens):
        if not _is_cap(tokens[i][2]):
            i += 1
            continue
        j = i
        run = [tokens[i]]
        seen_connector = False
        while j + 1 < len(tokens):
            nxt = tokens[j + 1][2]
            if _is_cap(nxt):
                run.append(tokens[j + 1])
                j += 1
                continue
            if nxt in CONNECTORS and j + 2 < len(tokens):
                k = j + 1
                conn = []
                while k < len(tokens) and tokens[k][2] in CONNECTORS:
                    conn.append(tokens[k])
                    k += 1
                words = [c[2] for c in conn]
                allowed = (words[0] in ("of", "for", "on", "against", "de", "du", "des")
                           or (words[0] == "and" and seen_connector))
                if allowed and k < len(tokens) and _is_cap(tokens[k][2]) and len(conn) <= 2:
                    seen_connector = seen_connector or words[0] != "and"
                    run.extend(conn)
                    run.append(tokens[k])
                    j = k
                    continue
            break
        found += _classify(sentence, run, i == 0, common)
        i = j + 1
    return found


def _classify(sentence: str, run, at_start: bool, common: set[str]) -> list[Mention]:
    words = [w for _, _, w in run]
    # Drop capitalised function words that open the sentence ("In", "The", "Following").
    while words and (words[0].lower() in FUNCTION_WORDS or (at_start and words[0].lower() in common)
                     or words[0].endswith("ly") and at_start):
        run, words, at_start = run[1:], words[1:], False
    while words and words[0] in CONNECTORS:
        run, words = run[1:], words[1:]
    while words and words[-1] in CONNECTORS:
        run, words = run[:-1], words[:-1]
    if not words:
        return []
    # A title after a name starts another mention ("Nursultan Nazarbaev Head of state", "Kazakhstan's President X").
    cut = next((k for k, w in enumerate(words)
                if k and w in TITLES and words[k - 1] not in TITLES and words[k - 1] not in CONNECTORS), None)
    if cut is not None:
        return (_classify(sentence, run[:cut], False, common)
                + _classify(sentence, run[cut:], False, common))
    start, end = run[0][0], run[-1][1]
    surface = sentence[start:end]
    pre = words[: next((k for k, w in enumerate(words) if w in CONNECTORS), len(words))]
    # The head: a keyword opening "X of/for/on ...", else the last keyword before any connector.
    head = None
    if len(words) > 1 and words[0] in HEADS and words[1] in CONNECTORS:
        head = words[0]
    else:
        head = next((w for w in reversed(pre) if w in HEADS), None)
    if head is None and len(pre) < len(words):
        return []  # "Director for Eastern Europe": connectors without a head are not a name
    if head is not None:
        kind, cls = HEADS[head]
        if len(words) == 1 and head != "Constitution":
            return []  # a bare "Court" or "Law" is a reference, not a name
        acronym = _bracketed_acronym(sentence, end)
        return [Mention(start, end, surface, surface, cls, (acronym,) if acronym else (), None, "grammar", 0.85)]
    # No keyword: a named outlet, an acronym, a titled person, a person's name, or a place after "in".
    if MEDIA.search(sentence[:start]) and len(words) <= 4:
        return [Mention(start, end, surface, surface, "MediaOutlet", (), None, "grammar", 0.8)]
    if len(words) == 1:
        word = words[0]
        if ACRONYM.match(word) and not ROMAN.match(word) and not _bracketed(sentence, start, end):
            return [Mention(start, end, word, word, "Organization", (), None, "grammar", 0.5)]
        before = sentence[:start]
        if (LOCATIVE.search(before) and word not in NOT_NAME and word.lower() not in common
                and not word.endswith("'s") and not word.endswith("\u2019s")):
            return [Mention(start, end, word, word, "Place", (), None, "grammar", 0.6)]
        return []
    title = []
    while words and words[0] in TITLES:
        title.append(words[0])
        run, words = run[1:], words[1:]
    if not words:
        return []
    while len(words) > 1 and (words[-1].lower() in common or words[-1] in NOT_NAME):
        run, words = run[:-1], words[:-1]
    end = run[-1][1]
    if any(w in NOT_NAME or w.lower() in common or w in HEADS or ACRONYM.match(w) for w in words) or len(words) > 4:
        return []
    name_start = run[0][0]
    name = sentence[name_start:end]
    for suffix in ("'s", "\u2019s"):
        if name.endswith(suffix):
            name = name[: -len(suffix)]
            end -= len(suffix)
    if len(words) == 1 and not title:
        return []
    aliases = {name.split()[-1]} if len(words) > 1 else set()
    if title:
        aliases.add(sentence[start:end])
        aliases.add(" ".join([*title, name.split()[-1]]))
    return [Mention(start, end, sentence[start:end], name, "Person", tuple(sorted(aliases - {name})), None, "grammar",
                    0.8 if title or len(words) > 1 else 0.6)]


def _bracketed(sentence: str, start: int, end: int) -> bool:
    """An acronym in brackets right after a name is that name's alias, not a mention of its own."""
    return sentence[start - 1:start] == "(" and sentence[end:end + 1] == ")" and sentence[start - 3:start - 1].strip() != ""


def _bracketed_acronym(sentence: str, end: int) -> str | None:
    m = re.compile(r" \((?P<a>[A-Z][A-Za-z]{1,7})\)").match(sentence, end)
    return m["a"] if m and sum(c.isupper() for c in m["a"]) >= 2 else None
