"""The names the extractor knows before it reads a report.

Three sources, in this order of trust: entities already curated in ``data/``,
the international bodies and treaties in ``bodies.yaml``, and every country
pycountry knows. A curated entity that belongs to one country (a ministry, a
court, a city, a group) is offered only for reports about that country, so
that a "Supreme Court" in another country's report is never linked to
Kazakhstan's; and everything curated from the report being read is left out,
so that scoring the extractor against the curated graph stays honest.
"""

from __future__ import annotations

import re
from functools import lru_cache
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

import pycountry
import yaml

from graph.errors import BuildError
from graph.model.ontology import vocabulary

# Short names reports use where ISO 3166 writes a formal one; the first is the label.
CUSTOMARY = {
    "RU": ["Russia"], "SY": ["Syria"], "LA": ["Laos"], "VN": ["Vietnam"], "TR": ["Turkey"],
    "CZ": ["Czech Republic"], "BN": ["Brunei"], "KR": ["South Korea"], "KP": ["North Korea"],
    "IR": ["Iran"], "MD": ["Moldova"], "TZ": ["Tanzania"], "BO": ["Bolivia"], "VE": ["Venezuela"],
    "GB": ["United Kingdom", "UK", "Britain", "Great Britain"], "US": ["United States", "USA", "United States of America"],
    "CD": ["Democratic Republic of the Congo", "DRC"], "CG": ["Republic of the Congo"],
    "CI": ["C\u00f4te d'Ivoire", "Ivory Coast"], "CV": ["Cape Verde"], "MK": ["North Macedonia", "Macedonia"],
    "PS": ["Palestine"], "TW": ["Taiwan"], "FM": ["Micronesia"], "SZ": ["Eswatini", "Swaziland"],
    "MM": ["Myanmar", "Burma"], "KZ": ["Kazakhstan", "Kazakstan"], "KG": ["Kyrgyzstan", "Kyrgyz Republic"],
}
DOMESTIC_TYPES = ("StateBody", "Court", "City", "Facility", "Group", "OversightBody", "PoliticalParty", "MediaOutlet")


@dataclass
class Entry:
    label: str
    cls: str  # a class of the ontology, by local name
    aliases: list[str] = field(default_factory=list)
    known: str | None = None  # a curated entity id, when the entry comes from data/

    @property
    def names(self) -> list[str]:
        return [self.label, *self.aliases]


@lru_cache(maxsize=None)
def coarse_type(cls: str) -> str:
    """The evaluation's five entity types, read from the ontology's class tree."""
    vocab = vocabulary()
    for root in ("Person", "Group", "Place", "LegalInstrument", "Organization"):
        if vocab.is_a(cls, root):
            return root
    return "Organization"


@lru_cache(maxsize=1)
def country_entries() -> list[Entry]:
    entries = []
    for country in pycountry.countries:
        short = country.name.split(", ")[0]
        names = {country.name, short, *(getattr(country, a, None) or short for a in ("common_name", "official_name"))}
        names.update(CUSTOMARY.get(country.alpha_2, []))
        label = CUSTOMARY.get(country.alpha_2, [getattr(country, "common_name", None) or short])[0]
        entries.append(Entry(label, "Country", sorted(names - {label})))
    return entries


def body_entries() -> list[Entry]:
    text = resources.files("graph.extract").joinpath("bodies.yaml").read_text(encoding="utf-8")
    return [Entry(row["label"], row["type"], list(row.get("aliases") or [])) for row in yaml.safe_load(text)]


PROPER = re.compile(r"[A-Z]")


def curated_entries(data_dir: Path | None, corpus: Path | None, country: str | None, leave_out: str | None) -> list[Entry]:
    """Curated entities and instruments with a proper name, scoped as the module docstring says.

    leave_out is a source id: nothing whose evidence points into it is offered.
    Failing to read data/ is not fatal to extraction: a report can be read
    without any curated graph, and the caller says so.
    """
    if data_dir is None or corpus is None:
        return []
    from graph.curate.loader import load_curation

    try:
        curation = load_curation(data_dir, corpus)
    except BuildError:
        return []
    homes = {sid: _country_in(doc.title.text) for sid, doc in curation.documents.items()}
    entries = []
    for ent in curation.entities.values():
        docs = {ev.doc_id for ev in ent.evidence}
        if leave_out and leave_out in docs:
            continue
        domestic = ent.type in DOMESTIC_TYPES or (ent.kind == "instrument" and ent.type not in ("Treaty", "TreatyArticle"))
        if domestic and (country is None or country not in {homes.get(d) for d in docs}):
            continue
        names = [n for n in [ent.label, *ent.aliases] if PROPER.search(n) and not n.lower().startswith("the ")]
        if not names:
            continue
        entries.append(Entry(ent.label, ent.type, [n for n in names if n != ent.label], known=ent.id))
    return entries


def _country_in(text: str) -> str | None:
    for entry in country_entries():
        if any(re.search(rf"(?<![\w-]){re.escape(n)}(?![\w-])", text) for n in entry.names):
            return entry.label
    return None


def report_country(title: str) -> str | None:
    """The country a report is about, read from its title ("Kazakhstan 2012")."""
    return _country_in(title)


class Gazetteer:
    """Every known name, matched case-sensitively as whole words, longest first."""

    def __init__(self, entries: list[Entry]):
        self.by_name: dict[str, Entry] = {}
        for entry in entries:  # earlier sources win a shared name
            for name in entry.names:
                self.by_name.setdefault(name, entry)
        names = sorted(self.by_name, key=lambda n: (-len(n), n))
        alternation = "|".join(re.escape(n) for n in names) or "(?!)"
        self.pattern = re.compile(rf"(?<![\w\-'\u2019])(?:{alternation})(?![\w\-])")

    def find(self, text: str):
        for m in self.pattern.finditer(text):
            yield m.start(), m.end(), self.by_name[m.group()]


def build_gazetteer(data_dir: Path | None = None, corpus: Path | None = None,
                    country: str | None = None, leave_out: str | None = None) -> Gazetteer:
    return Gazetteer(curated_entries(data_dir, corpus, country, leave_out) + body_entries() + country_entries())
