"""From mentions to entities: one entity per real thing, every name the report uses kept as an alias.

Reports introduce a person in full and then use the surname ("Evgeniy
Zhovtis" ... "Zhovtis"), a title ("President Nazarbaev") or only the title
("the President"); they give an institution's acronym once in brackets and
then use it alone; transliterations vary by a letter. Merging follows those
habits: surname and title forms join the full name, acronyms join the name
they were defined for, near-identical spellings of the same type join
(rapidfuzz), and a definite description ("the President", "the Court", "the
law") refers to the latest entity it fits.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from rapidfuzz import fuzz

from graph.extract.gazetteer import coarse_type
from graph.extract.names import Mention

FUZZY = 92  # rapidfuzz ratio above which two names of the same type are one spelling apart


@dataclass
class Entity:
    key: int
    label: str
    cls: str
    aliases: set[str] = field(default_factory=set)
    known: str | None = None
    confidence: float = 0.0
    generic: bool = False
    first: int = 0  # sentence index of the first mention

    @property
    def type(self) -> str:
        return coarse_type(self.cls)

    @property
    def names(self) -> set[str]:
        return {self.label, *self.aliases}


def fold(name: str) -> str:
    words = re.sub(r"[^\w' ]", " ", name.casefold().replace("\u2019", "'")).split()
    return " ".join(words[1:] if words[:1] == ["the"] else words)


class Registry:
    """The entities of one report, with the mention-to-entity resolution as it goes."""

    def __init__(self) -> None:
        self.entities: list[Entity] = []
        self.by_name: dict[tuple[str, str], Entity] = {}

    def add(self, mention: Mention, sentence_index: int) -> Entity:
        kind = coarse_type(mention.cls)
        names = {mention.label, mention.surface, *mention.aliases}
        entity = self._find(mention, kind, names)
        if entity is None:
            entity = Entity(len(self.entities), mention.label, mention.cls, set(), mention.known,
                            mention.confidence, mention.generic, sentence_index)
            self.entities.append(entity)
        else:
            self._upgrade(entity, mention)
        entity.aliases |= {n for n in names if n != entity.label}
        entity.confidence = max(entity.confidence, mention.confidence)
        for name in entity.names:
            self.by_name[(kind, fold(name))] = entity
        return entity

    def _find(self, mention: Mention, kind: str, names: set[str]) -> Entity | None:
        # A full name is looked up by itself only: its surname alias is shared by relatives.
        lookup = {mention.label, mention.surface} if kind == "Person" and len(mention.label.split()) > 1 else names
        for name in lookup:
            hit = self.by_name.get((kind, fold(name)))
            if hit is not None:
                return hit
        if mention.cls == "Organization" and mention.via == "grammar" and mention.label.isupper():
            # An acronym used alone joins whatever entity it was defined for, whatever its type.
            for (k, n), e in self.by_name.items():
                if n == fold(mention.label) and k != "Person":
                    return e
        for e in self.entities:
            if coarse_type(e.cls) != kind or e.generic != mention.generic:
                continue
            if kind == "Person" and _same_person(e, mention):
                return e
            if kind != "Person" and any(_extends(a, b) for a in e.names for b in names):
                return e
            if fuzz.ratio(fold(e.label), fold(mention.label)) >= FUZZY:
                return e
        return None

    def _upgrade(self, entity: Entity, mention: Mention) -> None:
        """A curated match, or a person's fuller name, becomes the label; the old label stays an alias."""
        label = entity.label
        if mention.known and not entity.known:
            entity.known, entity.cls, label = mention.known, mention.cls, mention.label
        else:
            if entity.cls in ("Organization", "Place") and mention.cls not in ("Organization", "Place"):
                entity.cls = mention.cls
            if (not entity.known and coarse_type(mention.cls) == "Person"
                    and len(mention.label.split()) > len(entity.label.split())):
                label = mention.label
        if label != entity.label:
            entity.aliases.add(entity.label)
            entity.label = label


def _same_person(entity: Entity, mention: Mention) -> bool:
    a, b = fold(entity.label).split(), fold(mention.label).split()
    if not a or not b:
        return False
    if fuzz.ratio(a[-1], b[-1]) < FUZZY:
        return False
    # A surname alone joins the full name; two full names must agree on the first name too.
    return len(a) == 1 or len(b) == 1 or fuzz.ratio(a[0], b[0]) >= 80


def _extends(a: str, b: str) -> bool:
    """'Supreme Court' and 'Supreme Court of Kazakhstan'; 'Committee against Torture' and 'UN Committee against Torture'."""
    fa, fb = fold(a), fold(b)
    if not fa or not fb or fa == fb:
        return fa == fb and bool(fa)
    short, long_ = sorted((fa, fb), key=len)
    return (len(short.split()) >= 2 and (long_.startswith(short + " of ") or long_.endswith(" " + short)
                                         and long_.split()[0] in ("un", "united", "osce", "eu", "european")))


# Definite descriptions and the entity they refer to: a head word and the classes it fits.
ANAPHORA = re.compile(r"\b[Tt]he (?P<head>President|Prime Minister|Court|court|Council|Committee|Commission|Ministry|"
                      r"Office|Agency|Service|Rapporteur|Special Rapporteur|law|Law|Plan|plan|Convention|Code|"
                      r"Constitution|Parliament|Government|government|authorities|Prosecutor)\b(?! (?:of|on|for|against)\b)")


def resolve_anaphora(sentence: str, registry: Registry, offset_entities: list[tuple[int, int, Entity]]):
    """Yield (start, end, entity) for each definite description that has a referent."""
    for m in ANAPHORA.finditer(sentence):
        if any(s <= m.start() < e for s, e, _ in offset_entities):
            continue
        head = m["head"]
        target = None
        for entity in reversed(registry.entities):
            names = " ".join(entity.names)
            if head in ("President", "Prime Minister") and entity.type == "Person" and head in names:
                target = entity
            elif head.lower() in ("law", "plan", "code", "convention", "constitution") and entity.type == "LegalInstrument" \
                    and head.lower() in names.lower():
                target = entity
            elif head not in ("President", "Prime Minister") and entity.type == "Organization" and re.search(
                    rf"\b{re.escape(head)}\b", entity.label, re.I):
                target = entity
            if target is not None:
                break
        if target is not None:
            if head == "President":
                target.aliases.add("the President")
            yield m.start(), m.end(), target
