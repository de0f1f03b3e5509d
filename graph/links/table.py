"""External identifiers: the link table in ``data/links.yaml``, ISO codes, ECLIs.

A guessed identifier is a defect, so every row must say where it was seen
and whether it was verified; only verified exact links become ``owl:sameAs``,
the rest stay ``skos:closeMatch`` candidates. Identifiers that can be derived
(an ECHR ECLI from the judgment date and application number, ISO 3166 codes
from pycountry's copy of the standard) are derived, and a recorded value that
disagrees with the derivation is an error.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from graph.curate.records import Record, check_date
from graph.curate.schema import keys
from graph.errors import BuildError
from graph.curate.yamlio import load_yaml

SCHEMES = {
    "wikidata": re.compile(r"^Q[1-9][0-9]*$"),
    "hudoc": re.compile(r"^[0-9]{3}-[0-9]+$"),
    "ecli": re.compile(r"^ECLI:CE:ECHR:[0-9]{4}:[0-9]{4}(JUD|DEC)[0-9]{9}$"),
    "echr-application": re.compile(r"^[0-9]{1,5}/[0-9]{2}$"),
    "judgment-date": re.compile(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$"),
}
WIKIDATA_ENTITY = "http://www.wikidata.org/entity/"
# exact and close link an entity to an item; distinct records that a checked
# item is a different thing (the CoE's torture committee is not the UN's), so
# that no later row or reconciliation can link the two.
MATCHES = ("exact", "close", "distinct")


@dataclass(frozen=True)
class Link:
    entity: str
    scheme: str
    id: str
    match: str
    verified: bool
    checked: str
    source: str
    where: str

    @property
    def identifies(self) -> bool:
        """True for a link that names the entity (exact or close), False for a recorded 'not this item'."""
        return self.match != "distinct"

    @property
    def iri(self) -> str | None:
        return WIKIDATA_ENTITY + self.id if self.scheme == "wikidata" else None


def echr_ecli(judgment_date: str, application: str, kind: str = "JUD") -> str:
    """The ECHR's ECLI: ECLI:CE:ECHR:YYYY:MMDD + JUD/DEC + 7-digit application number + 2-digit year."""
    year, month, day = judgment_date.split("-")
    number, yy = application.split("/")
    return f"ECLI:CE:ECHR:{year}:{month}{day}{kind}{int(number):07d}{yy}"


def iso3166(name: str) -> tuple[str, str] | None:
    """(alpha-2, alpha-3) for a country name, from pycountry; None when it does not know the name."""
    import pycountry

    try:
        country = pycountry.countries.lookup(name)
    except LookupError:
        return None
    return country.alpha_2, country.alpha_3


def load_links(path: Path, known: set[str]) -> list[Link]:
    rows = load_yaml(path)
    if not isinstance(rows, list):
        raise BuildError(str(path), "must be a list of links")
    links = []
    for row in rows:
        r = Record(row, path, "link", keys("link"))
        entity = r.ident("entity")
        r.name = f"{entity}/{row.get('scheme')}"
        if entity not in known:
            raise r.fail(f"entity {entity!r} is unknown")
        scheme = r.name_in("scheme", set(SCHEMES), "scheme", required=True)
        ident = r.text("id", True)
        if not SCHEMES[scheme].fullmatch(ident):
            raise r.fail(f"{ident!r} is not a well-formed {scheme} identifier")
        if scheme == "judgment-date":
            check_date(ident, r)
        match = r.name_in("match", set(MATCHES), "match strength", required=True)
        if "verified" not in row:
            raise r.fail("missing field 'verified'")
        if match == "distinct" and (scheme != "wikidata" or row.get("verified") is not True):
            raise r.fail("a distinct row records a checked Wikidata item that is NOT the entity: it needs scheme wikidata and verified: true")
        checked = r.date("checked", required=True)
        if len(checked) != 10:
            raise r.fail("checked must be a full date")
        source = r.text("source", True)
        links.append(Link(entity, scheme, ident, match, r.flag("verified"), checked, source, r.where))
    check_consistency(links)
    return links


def check_consistency(links: list[Link]) -> None:
    """No entity has two verified identifiers in one scheme, no identifier two entities, ECLIs fit their pattern."""
    seen: dict[tuple[str, str], Link] = {}
    owners: dict[tuple[str, str], Link] = {}
    refused = {(l.entity, l.scheme, l.id): l for l in links if not l.identifies}
    for link in links:
        if not link.identifies:
            continue
        wrong = refused.get((link.entity, link.scheme, link.id))
        if wrong is not None:
            raise BuildError(link.where, f"{link.entity!r} must not be linked to {link.id}: {wrong.where} records it as a different item")
        if link.verified:
            key = (link.entity, link.scheme)
            if key in seen and seen[key].id != link.id:
                raise BuildError(link.where, f"{link.entity!r} has two verified {link.scheme} identifiers: {seen[key].id} and {link.id}")
            seen[key] = link
        owner = owners.get((link.scheme, link.id))
        if owner is not None and owner.entity != link.entity:
            raise BuildError(link.where, f"{link.scheme} {link.id} is given to both {owner.entity!r} and {link.entity!r}")
        owners[(link.scheme, link.id)] = link
    by_entity: dict[str, dict[str, Link]] = {}
    for link in links:
        by_entity.setdefault(link.entity, {})[link.scheme] = link
    for entity, schemes in by_entity.items():
        if "ecli" in schemes:
            if "judgment-date" not in schemes or "echr-application" not in schemes:
                raise BuildError(schemes["ecli"].where, f"{entity!r}: an ECLI needs the judgment date and application number to check it against")
            expected = echr_ecli(schemes["judgment-date"].id, schemes["echr-application"].id)
            if schemes["ecli"].id != expected:
                raise BuildError(schemes["ecli"].where, f"{entity!r}: ECLI {schemes['ecli'].id} does not fit the ECHR pattern ({expected})")
