"""Reconciliation: propose Wikidata items for entities that have none, for a person to confirm.

Nothing found here is trusted. Candidates go to data/link-candidates.yaml,
ranked and unverified. `rightsgraph link --accept ENTITY=QID --source "…"`
moves one into data/links.yaml as verified, and only when the curator says
how they confirmed it. Ranking uses what the search answer itself gives: how
close the names are, whether the description fits the entity's class, and
whether it mentions the entity's country. No item ids are built into the
ranking, because a guessed id would be a defect even there.
"""

from __future__ import annotations

import difflib
import json
import re
import unicodedata
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path
from typing import Callable

from graph.curate.loader import Curation
from graph.errors import BuildError
from graph.curate.yamlio import load_yaml

SEARCH_API = "https://www.wikidata.org/w/api.php"
USER_AGENT = "rightsgraph/0.1 (human-rights knowledge graph; reconciliation of named entities)"
CLASS_WORDS = {
    "Person": ("politician", "president", "prime minister", "activist", "journalist", "lawyer", "human rights",
               "director", "statesman", "diplomat", "born", "secretary general", "judge"),
    "Country": ("country", "sovereign state", "republic", "state in"),
    "City": ("city", "town", "capital", "municipality"),
    "Facility": ("building", "prison", "detention", "station"),
    "Court": ("court", "tribunal", "council"),
    "InternationalCourt": ("court", "tribunal"),
    "InternationalBody": ("organization", "organisation", "united nations", "committee", "agency", "office",
                          "intergovernmental", "rapporteur", "treaty body"),
    "StateBody": ("agency", "service", "ministry", "police", "government", "authority", "security"),
    "NGO": ("non-governmental", "organization", "organisation", "ngo", "charity", "human rights"),
    "Group": ("community", "movement", "people", "group", "ethnic", "religious", "branch of islam"),
}
WEIGHTS = {"name": 0.6, "class": 0.25, "country": 0.15}

Fetch = Callable[[str], dict]


def norm(text: str) -> str:
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    words = re.sub(r"[^a-z0-9]+", " ", folded).split()
    return " ".join(w for w in words if w != "the")


def name_score(names: list[str], candidate: list[str]) -> float:
    ours = {norm(n) for n in names if norm(n)}
    theirs = {norm(n) for n in candidate if norm(n)}
    return max((difflib.SequenceMatcher(None, a, b).ratio() for a in ours for b in theirs), default=0.0)


@dataclass(frozen=True)
class Candidate:
    entity: str
    qid: str
    label: str
    description: str
    score: float
    rank: int
    query: str


def http_fetch(url: str) -> dict:
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT})
    try:
        with urllib.request.urlopen(request, timeout=20) as response:
            return json.loads(response.read().decode("utf-8"))
    except (urllib.error.URLError, OSError) as err:
        raise BuildError("www.wikidata.org", f"no network ({getattr(err, 'reason', err)}): rightsgraph link needs the internet; nothing was written") from None


def recorded_fetch(folder: Path) -> Fetch:
    """Answers read from files named after the searched text (tests, and offline replays)."""
    from graph.model.namespaces import slug

    def fetch(url: str) -> dict:
        query = urllib.parse.parse_qs(urllib.parse.urlparse(url).query)
        path = folder / f"{slug(query['search'][0])}.json"
        if not path.is_file():
            raise BuildError(str(path), "no recorded answer for this search")
        return json.loads(path.read_text(encoding="utf-8"))

    return fetch


def search_url(text: str, limit: int = 7) -> str:
    params = {"action": "wbsearchentities", "search": text, "language": "en", "uselang": "en", "type": "item",
              "limit": str(limit), "format": "json"}
    return f"{SEARCH_API}?{urllib.parse.urlencode(params)}"


def rank(curation: Curation, entity_id: str, answer: dict) -> list[Candidate]:
    """Score the items of one search answer for one entity, best first."""
    entity = curation.entities[entity_id]
    names = [entity.label, *entity.aliases]
    words = CLASS_WORDS.get(entity.type, ())
    country = _country_words(curation, entity_id)
    scored = []
    for item in answer.get("search", []):
        qid = item.get("id", "")
        if not re.fullmatch(r"Q[1-9]\d*", qid):
            continue
        label = item.get("label", "")
        description = item.get("description", "") or ""
        aliases = item.get("aliases", []) or []
        match = item.get("match", {}).get("text")
        text = description.lower()
        score = (WEIGHTS["name"] * name_score(names, [label, *aliases, *([match] if match else [])])
                 + WEIGHTS["class"] * (1.0 if any(w in text for w in words) else 0.0)
                 + WEIGHTS["country"] * (1.0 if country and any(c in text for c in country) else 0.0))
        scored.append((round(score, 3), qid, label, description))
    scored.sort(key=lambda s: (-s[0], int(s[1][1:])))
    return [Candidate(entity_id, qid, label, desc, score, i + 1, entity.label)
            for i, (score, qid, label, desc) in enumerate(scored)]


def _country_words(curation: Curation, entity_id: str) -> tuple[str, ...]:
    """Words that place the entity in its country: Kazakhstan for Kazakh bodies, cities and people."""
    entity = curation.entities[entity_id]
    country = None
    for key in ("located_in", "jurisdiction", "origin"):
        if entity.refs.get(key):
            country = entity.refs[key][0]
    if entity.type in ("StateBody", "Court", "Person") or entity.kind == "place":
        country = country or "kazakhstan"
    while country and curation.entities.get(country) and curation.entities[country].type != "Country":
        nxt = curation.entities[country].refs.get("located_in")
        country = nxt[0] if nxt else None
    if not country or country not in curation.entities:
        return ()
    stem = norm(curation.entities[country].label)[:6]
    return (stem,) if stem else ()


def unlinked(curation: Curation) -> list[str]:
    """Actors and places with no Wikidata link at all, verified or not, in id order."""
    linked = {link.entity for link in curation.links if link.scheme == "wikidata" and link.identifies}
    return sorted(e.id for e in curation.entities.values()
                  if e.kind in ("actor", "place") and e.id not in linked and e.type in CLASS_WORDS)


def reconcile(curation: Curation, entity_ids: list[str], fetch: Fetch = http_fetch, keep: int = 3) -> list[Candidate]:
    """The best `keep` candidates per entity, never an item recorded as a different thing."""
    refused = {(l.entity, l.id) for l in curation.links if l.scheme == "wikidata" and not l.identifies}
    out = []
    for entity_id in entity_ids:
        answer = fetch(search_url(curation.entities[entity_id].label))
        ranked = [c for c in rank(curation, entity_id, answer) if (entity_id, c.qid) not in refused]
        out.extend(replace(c, rank=i + 1) for i, c in enumerate(ranked[:keep]))
    return out


def candidates_yaml(candidates: list[Candidate], fetched: str) -> str:
    """The candidates file: unverified rows, one per line, for a person to review."""
    lines = [
        "# Wikidata candidates from `rightsgraph link`: UNVERIFIED. Review each one, then",
        "# `rightsgraph link --accept ENTITY=QID --source \"how you confirmed it\"` moves it to links.yaml.",
        "# score = 0.6 name similarity + 0.25 description fits the class + 0.15 description names the country",
    ]
    for c in sorted(candidates, key=lambda c: (c.entity, c.rank)):
        row = {"entity": c.entity, "scheme": "wikidata", "id": c.qid, "rank": c.rank, "score": c.score,
               "label": c.label, "description": c.description, "fetched": fetched,
               "source": f"Wikidata search for {c.query!r}, rank {c.rank}, score {c.score}; not confirmed"}
        lines.append("- " + json.dumps(row, ensure_ascii=False))
    return "\n".join(lines) + "\n"


def accept(data_dir: Path, entity: str, qid: str, source: str, today: str | None = None) -> str:
    """Append a verified row for a reviewed candidate to links.yaml and drop it from the candidates."""
    from graph.write.serialize import write_atomic

    candidates_file = data_dir / "link-candidates.yaml"
    rows = load_yaml(candidates_file) if candidates_file.exists() else []
    match = [r for r in rows or [] if r.get("entity") == entity and r.get("id") == qid]
    if not match:
        raise BuildError(str(candidates_file), f"no candidate {qid} for {entity!r}: run `rightsgraph link` first")
    if len(source.strip()) < 10:
        raise BuildError("--source", "say how the link was confirmed (at least a few words)")
    links_file = data_dir / "links.yaml"
    existing = load_yaml(links_file) or []
    if any(r.get("entity") == entity and r.get("id") == qid and r.get("match") == "distinct" for r in existing):
        raise BuildError(str(links_file), f"{qid} is recorded as a different item from {entity!r}: it cannot be accepted")
    if any(r.get("entity") == entity and r.get("scheme") == "wikidata" and r.get("verified")
           and r.get("match") != "distinct" for r in existing):
        raise BuildError(str(links_file), f"{entity!r} already has a verified Wikidata link")
    checked = today or date.today().isoformat()
    row = {"entity": entity, "scheme": "wikidata", "id": qid, "match": "exact", "verified": True,
           "checked": checked, "source": source.strip()}
    text = links_file.read_text(encoding="utf-8").rstrip("\n") + "\n- " + json.dumps(row, ensure_ascii=False) + "\n"
    write_atomic(links_file, text)
    kept = candidates_file.read_text(encoding="utf-8").splitlines()
    kept = [line for line in kept if not (line.startswith("- ") and json.loads(line[2:]).get("entity") == entity)]
    write_atomic(candidates_file, "\n".join(kept) + "\n")
    return f"{entity} -> {qid} (verified, {checked})"
