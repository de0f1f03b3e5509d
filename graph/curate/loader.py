"""Load the curated facts in ``data/`` and check them against corpus and ontology.

Curated files are the hand-written half of the graph, so they get the
strictest checks: unknown fields are errors (nothing is dropped silently),
every name of a type, role, right or status must exist in the ontology, every
reference must resolve, and every pointer must still match its sentence.
Each error is one line naming the file, the line and the record.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from graph import dates
from graph.read.corpus import Document, corpus_file, read_document
from graph.errors import BuildError
from graph.model.ontology import Vocabulary, vocabulary
from graph.read.pointers import Span
from graph.progress import progress
from graph.curate.records import DURATION, ID, Record, check_date, unknown_name
from graph.curate.schema import keys, target
from graph.curate.yamlio import load_yaml



# --------------------------------------------------------------------------
# Records


@dataclass
class Source:
    id: str
    file: str
    label: str
    publisher: str
    covers: str | None
    assertions: dict[str, int]
    where: str


@dataclass
class Entity:
    """An actor, place or legal instrument: anything events refer to."""

    id: str
    type: str
    label: str
    where: str
    aliases: list[str] = field(default_factory=list)
    comment: str | None = None
    evidence: list[Span] = field(default_factory=list)
    refs: dict[str, list[str]] = field(default_factory=dict)  # field -> entity ids
    values: dict[str, object] = field(default_factory=dict)  # other typed fields
    kind: str = "actor"  # actor, place or instrument


@dataclass
class Participation:
    entity: str
    role: str
    sentence: str | None = None
    duration: str | None = None
    life: bool = False
    evidence: list[Span] = field(default_factory=list)


@dataclass
class Event:
    id: str
    type: str
    doc: str
    summary: str
    where: str
    evidence: list[Span]
    participants: list[Participation]
    date: str | None = None
    start: str | None = None
    end: str | None = None
    undated: bool = False
    status: str = "Reported"
    investigation: str | None = None
    place: str | None = None
    destination: str | None = None
    outcome: str | None = None
    quote: Span | None = None
    count: tuple[int, str] | None = None
    count_evidence: list[Span] = field(default_factory=list)
    date_evidence: list[Span] = field(default_factory=list)
    refs: dict[str, list[str]] = field(default_factory=dict)  # instruments, violates, about, related, part_of
    rights: list[str] = field(default_factory=list)


@dataclass
class Office:
    id: str
    label: str
    of: str
    where: str
    aliases: list[str]
    evidence: list[Span]


@dataclass
class Term:
    office: str
    holder: str
    attested_from: str
    attested_until: str
    evidence: list[Span]
    where: str

    @property
    def id(self) -> str:
        return f"{self.office}/{self.holder}"


@dataclass
class Curation:
    sources: dict[str, Source]
    documents: dict[str, Document]
    entities: dict[str, Entity]
    offices: dict[str, Office]
    terms: list[Term]
    events: dict[str, Event]
    links: list = field(default_factory=list)


# --------------------------------------------------------------------------
# Loading


def load_sources(data_dir: Path, corpus: Path) -> tuple[dict[str, Source], dict[str, Document]]:
    path = data_dir / "sources.yaml"
    rows = load_yaml(path)
    if not isinstance(rows, list) or not rows:
        raise BuildError(str(path), "must be a non-empty list of sources")
    if not corpus.is_dir():
        raise BuildError(str(corpus), "corpus folder not found (pass --corpus DIR)")
    sources: dict[str, Source] = {}
    documents: dict[str, Document] = {}
    for row in progress(rows, "reading reports"):
        r = Record(row, path, "source", keys("source"))
        sid = r.ident()
        if sid in sources:
            raise r.fail(f"duplicate source id (first at {sources[sid].where})")
        covers = r.text("covers")
        if covers is not None and not re.fullmatch(r"[0-9]{4}", covers):
            raise r.fail("covers must be a year")
        assertions = row.get("assertions") or {}
        if not isinstance(assertions, dict) or not all(re.fullmatch(r"[0-9]+", str(v)) for v in assertions.values()):
            raise r.fail("assertions must map names to whole numbers")
        sources[sid] = Source(sid, r.text("file", True), r.text("label", True), r.ident("publisher"), covers,
                              {k: int(v) for k, v in assertions.items()}, r.where)
        documents[sid] = read_document(corpus_file(corpus, sources[sid].file, r.where))
    return sources, documents


def load_entities(path: Path, documents, vocab: Vocabulary) -> list[Entity]:
    rows = load_yaml(path)
    if not isinstance(rows, list):
        raise BuildError(str(path), "must be a list of entities")
    actor_types = vocab.subclasses("Actor") | vocab.subclasses("Place")
    places = vocab.subclasses("Place")
    out = []
    for row in rows:
        r = Record(row, path, "entity", keys("entity"))
        etype = r.name_in("type", actor_types, "actor or place type", required=True)
        entity = Entity(
            id=r.ident(), type=etype, label=r.text("label", True), where=r.where,
            aliases=r.texts("aliases"), comment=r.text("comment"),
            evidence=r.pointers("evidence", documents, required=True),
            kind="place" if etype in places and etype != "Country" else "actor",
        )
        if r.text("located_in") and entity.type not in places:
            # rg:locatedIn's domain is rg:Place: under RDFS a located court would become a place
            raise r.fail(f"located_in is for places, and {etype} is not a kind of place")
        for key in ("origin", "part_of", "located_in"):
            if r.text(key):
                entity.refs[key] = [r.ident(key)]
        members = r.text("members")
        if members is not None:
            if not re.fullmatch(r"[0-9]+", members):
                raise r.fail("members must be a whole number")
            entity.values["members"] = int(members)
        out.append(entity)
    return out


def load_instruments(path: Path, documents, vocab: Vocabulary) -> list[Entity]:
    rows = load_yaml(path)
    if not isinstance(rows, list):
        raise BuildError(str(path), "must be a list of legal instruments")
    types = vocab.subclasses("LegalInstrument")
    statuses = vocab.instances("InstrumentStatus")
    rights = vocab.instances("Right")
    out = []
    for row in rows:
        r = Record(row, path, "instrument", keys("instrument"))
        inst = Entity(
            id=r.ident(), type=r.name_in("type", types, "legal instrument type", required=True),
            label=r.text("label", True), where=r.where, aliases=r.texts("aliases"), comment=r.text("comment"),
            evidence=r.pointers("evidence", documents, required=True), kind="instrument",
        )
        for key in ("jurisdiction", "adopted_by", "part_of", "issued_by", "addressed_to"):
            if r.text(key):
                inst.refs[key] = [r.ident(key)]
        for key in ("amends", "engages"):
            inst.refs[key] = r.texts(key)
        inst.values["adopted"] = r.date("adopted")
        reference = r.text("reference")
        if reference is not None:
            known = vocab.instances("TreatyArticle") | vocab.instances("Treaty")
            if reference not in known:
                raise r.fail(unknown_name("reference instrument (ontology/rights.ttl)", reference, known))
            inst.values["reference"] = reference
        inst.values["protects"] = r.names_in("protects", rights, "right")
        inst.values["restricts"] = r.names_in("restricts", rights, "right")
        valid = r.texts("valid")
        if valid:
            if len(valid) != 2 or not all(re.fullmatch(r"[0-9]{4}", v) for v in valid) or valid[0] > valid[1]:
                raise r.fail("valid must be [first year, last year]")
            inst.values["valid"] = valid
        if row.get("status") is not None:
            s = Record(row["status"], path, "status", keys("status"), row.line)
            s.name = inst.id
            inst.values["status"] = (
                s.name_in("value", statuses, "instrument status", required=True),
                s.date("as_of", required=True),
                s.pointers("evidence", documents, required=True),
            )
        if row.get("purpose") is not None:
            p = Record(row["purpose"], path, "purpose", keys("purpose"), row.line)
            p.name = inst.id
            inst.values["purpose"] = (p.text("text", True), p.pointers("evidence", documents, required=True))
        provisions = row.get("provisions") or []
        if not isinstance(provisions, list):
            raise r.fail("provisions must be a list")
        inst.values["provisions"] = []
        for item in provisions:
            p = Record(item, path, "provision", keys("provision"), row.line)
            p.name = inst.id
            inst.values["provisions"].append((p.text("text", True), p.pointers("evidence", documents, required=True)))
        if row.get("case") is not None:
            c = Record(row["case"], path, "case", keys("case"), row.line)
            c.name = inst.id
            inst.values["case_name"] = c.text("name", True)
            inst.refs["court"] = [c.ident("court")]
        out.append(inst)
    return out


def load_offices(path: Path, documents) -> tuple[list[Office], list[Term]]:
    data = load_yaml(path)
    top = Record(data, path, "offices file", keys("offices file"), 1)
    offices, terms = [], []
    for row in top.data.get("offices") or []:
        r = Record(row, path, "office", keys("office"))
        offices.append(Office(r.ident(), r.text("label", True), r.ident("of"), r.where, r.texts("aliases"),
                              r.pointers("evidence", documents, required=True)))
    for row in top.data.get("terms") or []:
        r = Record(row, path, "term", keys("term"))
        r.name = f"{row.get('office')}/{row.get('holder')}"
        attested = r.texts("attested")
        if len(attested) != 2:
            raise r.fail("attested must be [from, until]")
        for value in attested:
            check_date(value, r)
        if dates.earliest(attested[0]) > dates.earliest(attested[1]):
            raise r.fail("attested dates are in the wrong order")
        terms.append(Term(r.ident("office"), r.ident("holder"), attested[0], attested[1],
                          r.pointers("evidence", documents, required=True), r.where))
    return offices, terms


def load_events(path: Path, documents, vocab: Vocabulary) -> list[Event]:
    data = load_yaml(path)
    top = Record(data, path, "events file", keys("events file"), 1)
    doc = top.text("document", required=True)
    if doc not in documents:
        raise top.fail(f"document {doc!r} is not in data/sources.yaml")
    types = vocab.subclasses("Event")
    roles = vocab.instances("RoleType")
    rights = vocab.instances("Right")
    statuses = vocab.instances("ClaimStatus")
    investigations = vocab.instances("InvestigationStatus")
    out = []
    for row in top.data.get("events") or []:
        r = Record(row, path, "event", keys("event"))
        event = Event(
            id=r.ident(), type=r.name_in("type", types, "event type", required=True), doc=doc,
            summary=r.text("summary", True), where=r.where,
            evidence=r.pointers("evidence", documents, required=True),
            participants=read_participants(r, roles, documents),
            date=r.date("date"), start=r.date("start"), end=r.date("end"), undated=r.flag("undated"),
            status=r.name_in("status", statuses, "claim status", default="Reported"),
            investigation=r.name_in("investigation", investigations, "investigation status"),
            outcome=r.text("outcome"), quote=r.pointer("quote", documents),
            rights=r.names_in("rights", rights, "right"),
        )
        for key in ("place", "destination"):
            if r.text(key):
                setattr(event, key, r.ident(key))
        for key in ("instruments", "violates", "about", "related"):
            event.refs[key] = r.texts(key)
        event.refs["part_of"] = [r.ident("part_of")] if r.text("part_of") else []
        check_event_dates(event, r)
        event.date_evidence = r.pointers("date_evidence", documents)
        if event.date_evidence and event.undated:
            raise r.fail("date_evidence needs a date: an undated event has none to support")
        if row.get("count") is not None:
            c = Record(row["count"], path, "count", keys("count"), row.line)
            c.name = event.id
            value = c.text("value", True)
            if not re.fullmatch(r"[0-9]+", value):
                raise c.fail("count value must be a whole number")
            event.count = (int(value), c.text("qualifier", True))
            event.count_evidence = c.pointers("evidence", documents)
        if event.quote is not None and not vocab.is_a(event.type, "Statement"):
            raise r.fail("only statements carry a quote")
        out.append(event)
    return out


def read_participants(r: Record, roles: set[str], documents) -> list[Participation]:
    value = r.data.get("participants")
    if not isinstance(value, dict) or not value:
        raise r.fail("participants must map at least one entity to its role")
    out = []
    for who, spec in value.items():
        if not isinstance(who, str) or not ID.fullmatch(who):
            raise r.fail(f"participant {who!r} is not an entity id")
        specs = spec if isinstance(spec, list) else [spec]
        if not specs:
            raise r.fail(f"participant {who!r} has an empty role list")
        for item in specs:
            if isinstance(item, str):
                item = {"role": item}
            p = Record(item, r.path, "participant", keys("participant"), r.data.line)
            p.name = f"{r.name}/{who}"
            role = p.name_in("role", roles, "role", required=True)
            duration = p.text("duration")
            if duration is not None and not DURATION.fullmatch(duration):
                raise p.fail(f"duration {duration!r} must be an xsd:duration such as P25Y")
            out.append(Participation(who, role, p.text("sentence"), duration, p.flag("life"), p.pointers("evidence", documents)))
    return out


def check_event_dates(event: Event, r: Record) -> None:
    given = [k for k in ("date", "start", "undated") if getattr(event, k)]
    if len(given) != 1:
        raise r.fail("give exactly one of date, start (with end) or undated: true")
    if event.end and not event.start:
        raise r.fail("end needs start")
    if event.start and event.end and dates.earliest(event.start) > dates.earliest(event.end):
        raise r.fail("start is after end")


def check_chapter_years(event: Event, source: Source) -> None:
    """Month-only dates in an annual chapter must fall in the year it covers.

    A sentence that gives no year of its own ("In May, ...") can only mean the
    covered year; a different year in the curated date is a typo.
    """
    when = event.date or event.start
    if not when or not source.covers:
        return
    first = event.evidence[0]
    if first.document.news_item_of(first.sentence) is not None:
        return
    if not any(re.search(r"\b[0-9]{4}\b", span.exact) for span in event.evidence) and when[:4] != source.covers:
        raise BuildError(event.where, f"{event.id!r}: date {when} is outside {source.covers}, the year the chapter covers, and its sentence names no year")


def check_news_dates(event: Event) -> None:
    """An event cannot be dated after the newsroom item that reports it."""
    when = event.date or event.start
    if not when:
        return
    first = event.evidence[0]
    item = first.document.news_item_of(first.sentence)
    if item is not None and dates.earliest(when) > item.date:
        raise BuildError(event.where, f"{event.id!r}: dated {when}, after the item of {item.date} that reports it")


def load_curation(data_dir: Path, corpus: Path) -> Curation:
    """Read and cross-check all curated files; raise BuildError on the first problem."""
    vocab = vocabulary()
    sources, documents = load_sources(data_dir, corpus)
    entities: dict[str, Entity] = {}
    for item in load_entities(data_dir / "entities.yaml", documents, vocab) + load_instruments(
        data_dir / "instruments.yaml", documents, vocab
    ):
        if item.id in entities:
            raise BuildError(item.where, f"duplicate identifier {item.id!r} (first at {entities[item.id].where})")
        entities[item.id] = item
    offices_list, terms = load_offices(data_dir / "offices.yaml", documents)
    offices: dict[str, Office] = {}
    for office in offices_list:
        if office.id in entities or office.id in offices:
            raise BuildError(office.where, f"duplicate identifier {office.id!r}")
        offices[office.id] = office
    events: dict[str, Event] = {}
    for path in sorted((data_dir / "events").glob("*.yaml")):
        for event in load_events(path, documents, vocab):
            if event.id in events or event.id in entities or event.id in offices:
                raise BuildError(event.where, f"duplicate identifier {event.id!r}")
            events[event.id] = event
    curation = Curation(sources, documents, entities, offices, terms, events)
    check_references(curation, vocab)
    for event in events.values():
        check_chapter_years(event, sources[event.doc])
        check_news_dates(event)
    return curation


def check_references(c: Curation, vocab: Vocabulary) -> None:
    """Every id a record names must exist and be of the class its schema field names (graph/curate/schema.py)."""
    classes: dict[str, set[str]] = {}

    def of_class(cls: str) -> set[str]:
        """The ids of a class, gathered once per class: gathered per reference, the check was quadratic."""
        if cls not in classes:
            classes[cls] = set(c.events) if cls == "Event" else {k for k, e in c.entities.items() if vocab.is_a(e.type, cls)}
        return classes[cls]

    def need(where: str, owner: str, kind: str, key: str, value: str, allowed: set[str] | None = None,
             what: str | None = None) -> None:
        if allowed is None:
            cls, what = target(kind, key)
            allowed = of_class(cls)
        if value not in allowed:
            known = "unknown id" if value not in c.entities and value not in c.events else f"not a {what}"
            raise BuildError(where, f"{owner!r}: {key} {value!r} is {known}")

    # Gathered once too: a union per reference made the check quadratic again (300 reports loaded in 1.47 s, 1.21 now).
    same_kind = of_class("Group") | of_class("Place")  # a group is part of a group, a place of a place
    events_or_entities = set(c.events) | set(c.entities)  # what an event may be about
    for e in c.entities.values():
        kind = "instrument" if e.kind == "instrument" else "entity"
        for key, values in e.refs.items():
            for v in values:
                if kind == "entity" and key == "part_of":  # a group in a group, a place in a place
                    need(e.where, e.id, kind, key, v, same_kind, "thing of the same kind")
                else:
                    need(e.where, e.id, "case" if key == "court" else kind, key, v)
    for o in c.offices.values():
        need(o.where, o.id, "office", "of", o.of)
    for t in c.terms:
        if t.office not in c.offices:
            raise BuildError(t.where, f"{t.id!r}: office {t.office!r} is unknown")
        need(t.where, t.id, "term", "holder", t.holder)
    for ev in c.events.values():
        for p in ev.participants:
            need(ev.where, ev.id, "event", "participant", p.entity, of_class("Actor"),
                 "actor (instruments go under instruments:)")
        for key in ("place", "destination"):
            if getattr(ev, key):
                need(ev.where, ev.id, "event", key, getattr(ev, key))
        for key in ("instruments", "violates", "related", "part_of"):
            for v in ev.refs[key]:
                need(ev.where, ev.id, "event", key, v)
        for v in ev.refs["about"]:
            need(ev.where, ev.id, "event", "about", v, events_or_entities, "event or entity")
