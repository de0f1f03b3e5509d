"""The curated-record schema: every field of every file in ``data/``, declared once.

Three readers used to keep their own copy of it: the loader's sets of allowed
fields, the assembler's tables of which key becomes which property, and the
field table in ``data/README.md``. Now all three are derived from ``RECORDS``:
the loader asks for ``keys(kind)`` and ``target(kind, key)``, the assembler for
``prop(kind, key)``, and ``rightsgraph gen-terms`` writes the README table
from ``readme_table()`` (a test fails when the README is stale).

How a value is parsed (a date, a pointer list, a count) is the loader's
business and stays in code; what the fields are, what they point at and what
they become in RDF is written only here.
"""

from __future__ import annotations

from dataclasses import dataclass

from rdflib import URIRef
from rdflib.namespace import DCTERMS, RDF, RDFS, SKOS

from graph.model.terms import RG


@dataclass(frozen=True)
class Field:
    key: str
    shape: str  # how it is written, for the README: "text", "date", "pointers", "entity id", ...
    prop: str | None = None  # the property it becomes: "rg:place", "rdfs:label"; None when it is not one triple
    target: tuple[str, str] | None = None  # for a reference: (ontology class the id must name, what to call it)
    required: bool = False
    note: str = ""


@dataclass(frozen=True)
class RecordKind:
    name: str
    file: str
    one_is: str
    fields: tuple[Field, ...]

    def field(self, key: str) -> Field:
        for f in self.fields:
            if f.key == key:
                return f
        raise KeyError(f"{self.name} has no field {key!r}")


def _f(key, shape, prop=None, target=None, required=False, note=""):
    return Field(key, shape, prop, target, required, note)


_LABELS = (
    _f("label", "text", "rdfs:label", required=True),
    _f("aliases", "texts", "skos:altLabel"),
    _f("comment", "text", "rdfs:comment"),
    _f("evidence", "pointers", required=True),
)

RECORDS: dict[str, RecordKind] = {r.name: r for r in (
    RecordKind("rejected", "rejected.yaml",
               "a candidate a reviewer rejected (written by `rightsgraph accept`; extraction does not propose it again)", (
                   _f("source", "source id", required=True),
                   _f("kind", "`entity` or `event`", required=True),
                   _f("key", "text", required=True, note="folded name, or category and sentence fingerprint"),
               )),
    RecordKind("source", "sources.yaml", "a report in the corpus", (
        _f("id", "id", required=True),
        _f("file", "file name in the corpus", required=True),
        _f("label", "text", "rdfs:label", required=True),
        _f("publisher", "entity id", "dcterms:publisher", required=True),
        _f("covers", "year", "rg:coversYear", note="the year an annual chapter covers"),
        _f("assertions", "mapping", note="minimum `sentences`, `sections`, `news_items`, `events`"),
    )),
    RecordKind("entity", "entities.yaml", "an actor or place", (
        _f("id", "id", required=True),
        _f("type", "class name", "rdf:type", required=True, note="a class under `rg:Actor` or `rg:Place`"),
        *_LABELS,
        _f("origin", "entity id", "rg:origin", ("Country", "country")),
        _f("part_of", "entity id", "rg:partOf", note="a group or place"),
        _f("located_in", "entity id", "rg:locatedIn", ("Place", "place"), note="a place's only: the larger place it lies in"),
        _f("members", "number", "rg:memberCount"),
    )),
    RecordKind("instrument", "instruments.yaml", "a legal instrument", (
        _f("id", "id", required=True),
        _f("type", "class name", "rdf:type", required=True, note="a class under `rg:LegalInstrument`"),
        *_LABELS,
        _f("jurisdiction", "entity id", "rg:jurisdiction", ("Country", "country")),
        _f("adopted_by", "entity id", "rg:adoptedBy", ("Actor", "actor")),
        _f("adopted", "date", "rg:adoptionDate"),
        _f("valid", "[first year, last year]", note="written as rg:validFrom and rg:validUntil"),
        _f("status", "status record", note="{`value`, `as_of`, `evidence`}"),
        _f("purpose", "purpose record", note="{`text`, `evidence`}"),
        _f("provisions", "list of provision records", note="[{`text`, `evidence`}]"),
        _f("amends", "instrument ids", "rg:amends", ("LegalInstrument", "legal instrument")),
        _f("part_of", "instrument id", "rg:partOf", ("LegalInstrument", "legal instrument")),
        _f("engages", "instrument ids", "rg:engages", ("LegalInstrument", "legal instrument")),
        _f("protects", "right names", "rg:protects", note="rights of `ontology/rights.ttl`"),
        _f("restricts", "right names", "rg:restricts", note="rights of `ontology/rights.ttl`"),
        _f("case", "case record", note="{`name`, `court`}"),
        _f("issued_by", "entity id", "rg:issuedBy", ("Actor", "actor")),
        _f("addressed_to", "entity id", "rg:addressedTo", ("Actor", "actor")),
        _f("reference", "treaty or article name", "skos:exactMatch", note="a treaty or article of `ontology/rights.ttl`"),
    )),
    RecordKind("status", "instruments.yaml", "an instrument's `status:`", (
        _f("value", "status name", "rg:instrumentStatus", required=True),
        _f("as_of", "date", "rg:statusDate", required=True),
        _f("evidence", "pointers", required=True),
    )),
    RecordKind("purpose", "instruments.yaml", "an instrument's `purpose:`", (
        _f("text", "text", "rg:purpose", required=True),
        _f("evidence", "pointers", required=True),
    )),
    RecordKind("provision", "instruments.yaml", "one of an instrument's `provisions:`", (
        _f("text", "text", "rg:provision", required=True),
        _f("evidence", "pointers", required=True),
    )),
    RecordKind("case", "instruments.yaml", "a judgment's `case:`", (
        _f("name", "text", "rg:caseName", required=True),
        _f("court", "entity id", "rg:court", ("Court", "court"), required=True),
    )),
    RecordKind("office", "offices.yaml", "`offices:` an office", (
        _f("id", "id", required=True),
        _f("label", "text", "rdfs:label", required=True),
        _f("aliases", "texts", "skos:altLabel"),
        _f("of", "entity id", "rg:ofOrganization", ("Actor", "actor"), required=True),
        _f("evidence", "pointers", required=True),
    )),
    RecordKind("term", "offices.yaml", "`terms:` a holder of an office", (
        _f("office", "office id", "rg:office", required=True),
        _f("holder", "entity id", "rg:holder", ("Person", "person"), required=True),
        _f("attested", "[from, until]", required=True,
           note="the dates the sources show the holder in office; written as rg:attestedFrom and rg:attestedUntil"),
        _f("evidence", "pointers", required=True),
    )),
    RecordKind("event", "events/FILE.yaml", "an event read from one report (`document:` its source id)", (
        _f("id", "id", required=True),
        _f("type", "class name", "rdf:type", required=True, note="a class under `rg:Event`"),
        _f("date", "date", "rg:date", note="exactly one of `date`, `start` (with `end`) or `undated: true`"),
        _f("start", "date", "rg:startDate"),
        _f("end", "date", "rg:endDate"),
        _f("undated", "true", "rg:undated"),
        _f("date_evidence", "pointers",
           note="the sentence the date is read from (a newsroom dateline, an earlier sentence), when it is not the event's own; kept on the date statements"),
        _f("summary", "text", "rg:summary", required=True),
        _f("participants", "mapping", "rg:hasParticipant", required=True,
           note="{entity: Role} or {entity: [Role, …]} or {entity: {`role`, `sentence`, `duration`, `life`}}"),
        _f("evidence", "pointers", required=True),
        _f("status", "claim status name", "rg:claimStatus",
           note="`Reported` by default, `Alleged`, `Established`, `Threatened`, `Prospective`"),
        _f("investigation", "investigation status name", "rg:investigationStatus"),
        _f("place", "entity id", "rg:place", ("Place", "place")),
        _f("destination", "entity id", "rg:destination", ("Country", "country")),
        _f("instruments", "instrument ids", "rg:concernsInstrument", ("LegalInstrument", "legal instrument")),
        _f("violates", "instrument ids", "rg:violates", ("LegalInstrument", "legal instrument")),
        _f("rights", "right names", "rg:concernsRight"),
        _f("about", "event or entity ids", "rg:about"),
        _f("related", "event ids", "rg:relatedEvent", ("Event", "event")),
        _f("part_of", "event id", "rg:partOfEvent", ("Event", "event")),
        _f("outcome", "text", "rg:outcome"),
        _f("quote", "pointer with /qK", "rg:quote", note="statements only"),
        _f("count", "count record", note="{`value`, `qualifier`}"),
    )),
    RecordKind("count", "events/FILE.yaml", "an event's `count:`", (
        _f("value", "number", "rg:count", required=True),
        _f("qualifier", "text", "rg:countQualifier", required=True),
        _f("evidence", "pointers",
           note="the sentence the number is read from, when it is not the event's own; kept on the statement"),
    )),
    RecordKind("participant", "events/FILE.yaml", "one role of a participant", (
        _f("role", "role name", "rg:role", required=True),
        _f("sentence", "text", "rg:sentence"),
        _f("duration", "xsd:duration", "rg:sentenceDuration"),
        _f("life", "true", "rg:lifeSentence"),
        _f("evidence", "pointers",
           note="the sentence that names this participant in this role, when it is not the event's own"),
    )),
    RecordKind("link", "links.yaml", "an external identifier", (
        _f("entity", "entity id", required=True),
        _f("scheme", "scheme name", "rg:scheme", required=True),
        _f("id", "identifier", "rg:identifier", required=True),
        _f("match", "`exact`, `close` or `distinct`", "rg:matchStrength", required=True,
           note="`distinct`: a checked \"this item is a different thing\", verified only"),
        _f("verified", "true or false", "rg:verified", required=True),
        _f("checked", "day", "rg:checkedOn", required=True),
        _f("source", "text", "rg:linkSource", required=True),
    )),
)}

# Top-level keys of the files that wrap their records.
CONTAINERS = {"offices file": {"offices", "terms"}, "events file": {"document", "events"}}

_NAMESPACES = {"rdf": RDF, "rdfs": RDFS, "skos": SKOS, "dcterms": DCTERMS}


def keys(kind: str) -> set[str]:
    """The allowed keys of a record kind (what the loader accepts, nothing else)."""
    if kind in CONTAINERS:
        return set(CONTAINERS[kind])
    return {f.key for f in RECORDS[kind].fields}


def prop(kind: str, key: str) -> URIRef:
    """The property a field becomes; rg: terms go through the closed namespace, so a typo fails at import."""
    curie = RECORDS[kind].field(key).prop
    if curie is None:
        raise KeyError(f"{kind}.{key} is not written as one property")
    prefix, local = curie.split(":", 1)
    if prefix == "rg":
        return RG[local]
    return _NAMESPACES[prefix][local]


def target(kind: str, key: str) -> tuple[str, str] | None:
    """(ontology class, words) that an id in this field must name, or None."""
    return RECORDS[kind].field(key).target


def readme_table() -> str:
    """The Markdown table of files and fields that data/README.md carries."""
    lines = ["| file | one record is | field | value | becomes | notes |", "|---|---|---|---|---|---|"]
    for kind in RECORDS.values():
        for i, f in enumerate(kind.fields):
            first = (f"`{kind.file}`", kind.one_is) if i == 0 else ("", "")
            shape = f.shape + ("" if f.required else ", optional")
            lines.append(f"| {first[0]} | {first[1]} | `{f.key}` | {shape} | {f'`{f.prop}`' if f.prop else ''} | {f.note} |")
    return "\n".join(lines) + "\n"


README_BEGIN = "<!-- field table: generated from graph/curate/schema.py by `rightsgraph gen-terms` -->"
README_END = "<!-- end of field table -->"


def readme_with_table(readme: str) -> str:
    """data/README.md with its field table replaced by the one derived from RECORDS."""
    head, sep, rest = readme.partition(README_BEGIN)
    if not sep:
        raise ValueError(f"data/README.md has no line {README_BEGIN!r}")
    _, sep, tail = rest.partition(README_END)
    if not sep:
        raise ValueError(f"data/README.md has no line {README_END!r}")
    return f"{head}{README_BEGIN}\n\n{readme_table()}\n{README_END}{tail}"
