"""Turn the corpus structure and the curated facts into RDF.

Two kinds of fact go in, told apart by ``prov:wasAttributedTo``: what the
corpus reader finds by itself (documents, sections, newsroom publications)
and what curators wrote in ``data/``. Every fact is tied with
``prov:wasDerivedFrom`` to an evidence node that carries the exact text and
offsets, read from the corpus now, at build time.
"""

from __future__ import annotations

import hashlib

from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, PROV, RDF, RDFS, SKOS, XSD

from graph import dates, named_graphs
from graph.claims import SubjectLookup, add_claims
from graph.model import namespaces as ns
from graph.read.corpus import Document, NewsItem
from graph.curate.loader import Curation, Entity, Event
from graph.curate.schema import prop
from graph.model.ontology import load_ontology, vocabulary
from graph.read.pointers import Span
from graph.model.terms import RG

CURATORS = ns.RGD["agent/curators"]
READER = ns.RGD["agent/corpus-reader"]
ONTOLOGY_GRAPH = ns.graph_iri("ontology")
CURATION_GRAPH = ns.graph_iri("curation")
CONTEXT_CHARS = 32
PUBLICATION_KINDS = {"Press Release": RG.PressReleaseKind, "Report": RG.ReportKind}


def typed_date(value: str) -> Literal:
    """A date literal typed by its precision: xsd:gYear, xsd:gYearMonth or xsd:date."""
    datatype = {1: XSD.gYear, 2: XSD.gYearMonth, 3: XSD.date}[len(value.split("-"))]
    return Literal(value, datatype=datatype)


def statement_iri(s, p, o) -> URIRef:
    """The reified statement's IRI: a hash of the triple, so the same statement gets the same node in every build."""
    digest = hashlib.sha256(" ".join(t.n3() for t in (s, p, o)).encode("utf-8")).hexdigest()[:16]
    return ns.RGD[f"statement/{digest}"]


def reify(g: Graph, s, p, o) -> URIRef:
    node = statement_iri(s, p, o)
    g.add((node, RDF.type, RDF.Statement))
    g.add((node, RDF.subject, s))
    g.add((node, RDF.predicate, p))
    g.add((node, RDF.object, o))
    return node


def derived(g: Graph, s, p, o, rule: URIRef) -> bool:
    """Write a statement no sentence states, marked with the rule that made it (unless a curator stated it
    too); whether it was new."""
    if (s, p, o) in g:
        return False
    g.add((s, p, o))
    g.add((reify(g, s, p, o), RG.derivedBy, rule))
    return True


def add_bounds(g: Graph, subject: URIRef, first: str, last: str) -> None:
    """The first and last day a dated thing can cover, as plain xsd:date (graph/dates.py owns the rule)."""
    derived(g, subject, RG.earliestDate, Literal(dates.earliest(first).isoformat(), datatype=XSD.date), RG.DateBoundsRule)
    derived(g, subject, RG.latestDate, Literal(dates.latest(last).isoformat(), datatype=XSD.date), RG.DateBoundsRule)


def en(text: str) -> Literal:
    return Literal(text, lang="en")


def evidence_node(g: Graph, doc: Document, start: int, end: int, sentence, agent: URIRef,
                  section: URIRef | None = None) -> URIRef:
    """Add (once) the node that says "these characters of this report", with quote and position selectors.

    Shared by the build and the extractor's Turtle, so a candidate's evidence
    and a curated fact's evidence for the same span are the same node.
    """
    node = ns.evidence_iri(doc.name, start, end)
    if (node, RDF.type, RG.Evidence) in g:
        return node
    quote, position = URIRef(f"{node}/quote"), URIRef(f"{node}/position")
    g.add((node, RDF.type, RG.Evidence))
    g.add((node, ns.OA.hasSource, ns.document_iri(doc.name)))
    g.add((node, ns.OA.hasSelector, quote))
    g.add((node, ns.OA.hasSelector, position))
    g.add((node, RG.sentenceIndex, Literal(sentence.index)))
    g.add((node, RG.fingerprint, Literal(sentence.fingerprint)))
    if section is not None:
        g.add((node, RG.inSection, section))
    g.add((node, PROV.wasAttributedTo, agent))
    g.add((quote, RDF.type, ns.OA.TextQuoteSelector))
    g.add((quote, ns.OA.exact, Literal(doc.text[start:end])))
    g.add((quote, ns.OA.prefix, Literal(doc.text[max(0, start - CONTEXT_CHARS):start])))
    g.add((quote, ns.OA.suffix, Literal(doc.text[end:end + CONTEXT_CHARS])))
    g.add((position, RDF.type, ns.OA.TextPositionSelector))
    g.add((position, ns.OA.start, Literal(start, datatype=XSD.nonNegativeInteger)))
    g.add((position, ns.OA.end, Literal(end, datatype=XSD.nonNegativeInteger)))
    return node


class Assembler:
    def __init__(self, curation: Curation):
        self.c = curation
        self.vocab = vocabulary()
        self.ds = Dataset(store=named_graphs.Store())
        ns.bind_prefixes(self.ds)
        self.doc_graphs: dict[str, Graph] = {}
        self.publications: dict[tuple[str, int], URIRef] = {}

    # -- helpers -----------------------------------------------------------

    def graph_for(self, doc_id: str) -> Graph:
        if doc_id not in self.doc_graphs:
            name = ns.slug(self.c.sources[doc_id].file.rsplit(".", 1)[0])
            self.doc_graphs[doc_id] = self.ds.graph(ns.graph_iri(name))
        return self.doc_graphs[doc_id]

    def iri(self, entity_id: str) -> URIRef:
        if entity_id in self.c.events:
            return ns.event_iri(entity_id)
        entity = self.c.entities[entity_id]
        return ns.instrument_iri(entity_id) if entity.kind == "instrument" else ns.entity_iri(entity_id)

    def evidence(self, span: Span, agent: URIRef) -> URIRef:
        """The evidence node for a span, with quote and position selectors."""
        doc = span.document
        section = span.sentence.section
        return evidence_node(self.graph_for(span.doc_id), doc, span.start, span.end, span.sentence, agent,
                             self.section_iri(doc, section) if section is not None else None)

    def supported(self, g: Graph, s, p, o, spans) -> None:
        """A curated statement with its own sentences, kept apart from its record's (per-field evidence).

        Without sentences of its own the statement rests on its record's and is not reified.
        """
        g.add((s, p, o))
        if not spans:
            return
        node = reify(g, s, p, o)
        for span in spans:
            g.add((node, PROV.wasDerivedFrom, self.evidence(span, CURATORS)))

    def derive(self, g: Graph, subject: URIRef, spans, agent: URIRef = CURATORS) -> None:
        for span in spans:
            g.add((subject, PROV.wasDerivedFrom, self.evidence(span, agent)))
        g.add((subject, PROV.wasAttributedTo, agent))

    def section_iri(self, doc: Document, index: int) -> URIRef:
        return URIRef(f"{ns.document_iri(doc.name)}/section/{index}")

    # -- steps ---------------------------------------------------------------

    def build(self) -> Dataset:
        self.add_ontology()
        self.add_agents()
        for doc_id in sorted(self.c.sources):
            self.add_document(doc_id)
        for entity in sorted(self.c.entities.values(), key=lambda e: e.id):
            self.add_entity(entity)
        self.add_offices()
        self.add_links()
        for event in sorted(self.c.events.values(), key=lambda e: e.id):
            self.add_event(event)
        self.add_claims()
        self.add_inverses()
        return self.ds

    def add_ontology(self) -> None:
        g = self.ds.graph(ONTOLOGY_GRAPH)
        for triple in load_ontology():
            g.add(triple)

    def add_agents(self) -> None:
        g = self.ds.graph(CURATION_GRAPH)
        g.add((CURATORS, RDF.type, PROV.Agent))
        g.add((CURATORS, RDFS.label, en("rightsgraph curators")))
        g.add((CURATORS, RDFS.comment, en("People who read the reports and wrote the facts in data/, each pointing at its sentence.")))
        g.add((READER, RDF.type, PROV.SoftwareAgent))
        g.add((READER, RDFS.label, en("rightsgraph corpus reader")))
        g.add((READER, RDFS.comment, en("graph/corpus.py: finds titles, sections and dated newsroom items from the layout of a report.")))

    def add_document(self, doc_id: str) -> None:
        source = self.c.sources[doc_id]
        doc = self.c.documents[doc_id]
        g = self.graph_for(doc_id)
        d = ns.document_iri(doc.name)
        g.add((d, RDF.type, RG.SourceDocument))
        g.add((d, prop("source", "label"), en(source.label)))
        g.add((d, DCTERMS.title, Literal(doc.title.text)))
        g.add((d, RG.fileName, Literal(doc.name)))
        g.add((d, RG.sha256, Literal(doc.sha256)))
        g.add((d, prop("source", "publisher"), self.iri(source.publisher)))
        if source.covers:
            g.add((d, prop("source", "covers"), Literal(source.covers, datatype=XSD.gYear)))
        g.add((d, PROV.wasAttributedTo, READER))
        for section in doc.sections:
            s = self.section_iri(doc, section.index)
            g.add((s, RDF.type, RG.Section))
            heading = section.heading.text if section.heading else "Opening section"
            g.add((s, RDFS.label, en(heading)))
            if section.heading:
                g.add((s, RG.heading, Literal(section.heading.text)))
                g.add((s, PROV.wasDerivedFrom, self.evidence(self.span(doc_id, section.heading), READER)))
            else:
                g.add((s, PROV.wasDerivedFrom, d))
            g.add((s, DCTERMS.isPartOf, d))
            g.add((s, PROV.wasAttributedTo, READER))
        for item in doc.news:
            self.add_publication(doc_id, item)

    def span(self, doc_id: str, sentence) -> Span:
        doc = self.c.documents[doc_id]
        return Span(doc_id, doc, sentence, sentence.start, sentence.end)

    def add_publication(self, doc_id: str, item: NewsItem) -> None:
        g = self.graph_for(doc_id)
        doc = self.c.documents[doc_id]
        p = ns.publication_iri(item.date.isoformat(), item.title.text)
        self.publications[(doc_id, item.dateline.index)] = p
        g.add((p, RDF.type, RG.Publication))
        g.add((p, RDFS.label, en(item.title.text)))
        g.add((p, DCTERMS.title, Literal(item.title.text)))
        g.add((p, DCTERMS.date, Literal(item.date.isoformat(), datatype=XSD.date)))
        add_bounds(g, p, item.date.isoformat(), item.date.isoformat())
        kind = PUBLICATION_KINDS.get(item.kind)
        if kind is not None:
            g.add((p, RG.publicationKind, kind))
        g.add((p, RG.listedIn, ns.document_iri(doc.name)))
        g.add((p, DCTERMS.publisher, self.iri(self.c.sources[doc_id].publisher)))
        spans = [self.span(doc_id, item.dateline), self.span(doc_id, item.title)]
        self.derive(g, p, spans, READER)

    def add_entity(self, e: Entity) -> None:
        doc_id = e.evidence[0].doc_id
        g = self.graph_for(doc_id)
        s = self.iri(e.id)
        kind = "instrument" if e.kind == "instrument" else "entity"
        g.add((s, RDF.type, RG[e.type]))
        g.add((s, prop(kind, "label"), en(e.label)))
        for alias in sorted(set(e.aliases) - {e.label}):
            g.add((s, prop(kind, "aliases"), en(alias)))
        if e.comment:
            g.add((s, prop(kind, "comment"), en(e.comment)))
        self.derive(g, s, e.evidence)
        for key, targets in sorted(e.refs.items()):
            for t in targets:
                g.add((s, prop("case" if key == "court" else kind, key), self.iri(t)))
        v = e.values
        if "members" in v:
            g.add((s, prop(kind, "members"), Literal(v["members"])))
        if v.get("adopted"):
            g.add((s, prop(kind, "adopted"), typed_date(v["adopted"])))
            add_bounds(g, s, v["adopted"], v["adopted"])
        if "valid" in v:
            g.add((s, RG.validFrom, Literal(v["valid"][0], datatype=XSD.gYear)))
            g.add((s, RG.validUntil, Literal(v["valid"][1], datatype=XSD.gYear)))
        for key in ("protects", "restricts"):
            for right in v.get(key, []):
                g.add((s, prop(kind, key), RG[right]))
        if "status" in v:
            status, as_of, spans = v["status"]
            self.supported(g, s, prop("status", "value"), RG[status], spans)
            self.supported(g, s, prop("status", "as_of"), typed_date(as_of), spans)
        if "purpose" in v:
            text, spans = v["purpose"]
            self.supported(g, s, prop("purpose", "text"), en(text), spans)
        for text, spans in v.get("provisions", []):
            self.supported(g, s, prop("provision", "text"), en(text), spans)
        if v.get("reference"):
            g.add((s, prop(kind, "reference"), RG[v["reference"]]))
        if "case_name" in v:
            g.add((s, prop("case", "name"), Literal(v["case_name"])))

    def add_offices(self) -> None:
        for office in sorted(self.c.offices.values(), key=lambda o: o.id):
            g = self.graph_for(office.evidence[0].doc_id)
            o = ns.office_iri(office.id)
            g.add((o, RDF.type, RG.Office))
            g.add((o, prop("office", "label"), en(office.label)))
            for alias in sorted(set(office.aliases)):
                g.add((o, prop("office", "aliases"), en(alias)))
            g.add((o, prop("office", "of"), self.iri(office.of)))
            self.derive(g, o, office.evidence)
        for term in sorted(self.c.terms, key=lambda t: t.id):
            g = self.graph_for(term.evidence[0].doc_id)
            t = ns.term_iri(term.office, term.holder)
            holder = self.c.entities[term.holder]
            g.add((t, RDF.type, RG.OfficeTerm))
            g.add((t, RDFS.label, en(f"{holder.label} as {self.c.offices[term.office].label}")))
            g.add((t, prop("term", "office"), ns.office_iri(term.office)))
            g.add((t, prop("term", "holder"), self.iri(term.holder)))
            derived(g, self.iri(term.holder), RG.holds, t, RG.InverseRule)
            g.add((t, RG.attestedFrom, typed_date(term.attested_from)))
            g.add((t, RG.attestedUntil, typed_date(term.attested_until)))
            add_bounds(g, t, term.attested_from, term.attested_until)
            self.derive(g, t, term.evidence)

    def add_links(self) -> None:
        """Link records in the curation graph; sameAs only for verified exact Wikidata links."""
        from rdflib.namespace import OWL

        from graph.links.table import iso3166

        g = self.ds.graph(CURATION_GRAPH)
        for link in sorted(self.c.links, key=lambda l: (l.entity, l.scheme, l.id)):
            entity = self.iri(link.entity)
            node = ns.RGD[f"link/{link.entity}/{link.scheme}/{ns.slug(link.id)}"]
            g.add((entity, RG.hasLink, node))
            g.add((node, RDF.type, RG.ExternalLink))
            g.add((node, prop("link", "scheme"), Literal(link.scheme)))
            g.add((node, prop("link", "id"), Literal(link.id)))
            g.add((node, prop("link", "match"), Literal(link.match)))
            g.add((node, prop("link", "verified"), Literal(link.verified)))
            g.add((node, prop("link", "source"), Literal(link.source)))
            g.add((node, prop("link", "checked"), Literal(link.checked, datatype=XSD.date)))
            g.add((node, PROV.wasAttributedTo, CURATORS))
            if link.iri:
                target = URIRef(link.iri)
                g.add((node, RG.target, target))
                if not link.identifies:
                    g.add((entity, OWL.differentFrom, target))
                else:
                    exact = link.verified and link.match == "exact"
                    g.add((entity, OWL.sameAs if exact else SKOS.closeMatch, target))
            if link.verified and link.scheme == "echr-application":
                g.add((entity, RG.applicationNumber, Literal(link.id)))
            if link.verified and link.scheme == "judgment-date":
                g.add((entity, RG.judgmentDate, Literal(link.id, datatype=XSD.date)))
            if link.scheme == "ecli":
                g.add((entity, RG.ecli, Literal(link.id)))
        for entity in sorted(self.c.entities.values(), key=lambda e: e.id):
            if entity.type == "Country":
                codes = iso3166(entity.label)
                if codes is not None:
                    g.add((self.iri(entity.id), RG.iso3166Alpha2, Literal(codes[0])))
                    g.add((self.iri(entity.id), RG.iso3166Alpha3, Literal(codes[1])))

    def event_label(self, ev: Event) -> str:
        when = ev.date or (f"{ev.start} to {ev.end}" if ev.end else ev.start) or "undated"
        first = self.c.entities[ev.participants[0].entity].label
        return f"{self.vocab.label(RG[ev.type]).capitalize()}: {first} ({when})"

    def add_event(self, ev: Event) -> None:
        g = self.graph_for(ev.doc)
        s = ns.event_iri(ev.id)
        source = self.c.sources[ev.doc]
        g.add((s, RDF.type, RG[ev.type]))
        g.add((s, RDFS.label, en(self.event_label(ev))))
        g.add((s, prop("event", "summary"), en(ev.summary)))
        for key in ("date", "start", "end"):
            if getattr(ev, key):
                self.supported(g, s, prop("event", key), typed_date(getattr(ev, key)), ev.date_evidence)
        if ev.date or ev.start:
            add_bounds(g, s, ev.date or ev.start, ev.date or ev.end or ev.start)
        if ev.undated:
            g.add((s, prop("event", "undated"), Literal(True)))
        first = ev.evidence[0]
        item = first.document.news_item_of(first.sentence)
        if item is None and source.covers and ev.undated and ev.status != "Prospective":
            # Only an undated chapter event is placed in the covered year; a dated one says when it
            # happened, and a prospective one (an extradition a court forbade) did not happen at all.
            derived(g, s, RG.reportingPeriod, Literal(source.covers, datatype=XSD.gYear), RG.ReportingPeriodRule)
        if item is not None and self.vocab.is_a(ev.type, "Statement"):
            g.add((s, RG.publishedIn, self.publications[(ev.doc, item.dateline.index)]))
        g.add((s, prop("event", "status"), RG[ev.status]))
        if ev.investigation:
            g.add((s, prop("event", "investigation"), RG[ev.investigation]))
        for key in ("place", "destination"):
            if getattr(ev, key):
                g.add((s, prop("event", key), self.iri(getattr(ev, key))))
        if ev.outcome:
            g.add((s, prop("event", "outcome"), en(ev.outcome)))
        if ev.count:
            for key, value in (("value", Literal(ev.count[0])), ("qualifier", Literal(ev.count[1]))):
                self.supported(g, s, prop("count", key), value, ev.count_evidence)
        for right in ev.rights:
            g.add((s, prop("event", "rights"), RG[right]))
        for key, targets in sorted(ev.refs.items()):
            for t in targets:
                g.add((s, prop("event", key), self.iri(t)))
        for t in ev.refs["instruments"]:
            inst = self.c.entities[t]
            if inst.type in ("CourtJudgment", "Recommendation"):
                derived(g, self.iri(t), RG.deliveredIn, s, RG.DeliveryRule)
        if ev.quote is not None:
            g.add((s, prop("event", "quote"), self.evidence(ev.quote, CURATORS)))
        self.derive(g, s, ev.evidence)
        for p in ev.participants:
            node = URIRef(f"{s}/participant/{p.entity}/{p.role}")
            g.add((s, prop("event", "participants"), self.iri(p.entity)))
            g.add((s, RG.hasParticipation, node))
            g.add((node, RDF.type, RG.Participation))
            g.add((node, RG.participant, self.iri(p.entity)))
            g.add((node, prop("participant", "role"), RG[p.role]))
            if p.sentence:
                g.add((node, prop("participant", "sentence"), en(p.sentence)))
            if p.duration:
                g.add((node, prop("participant", "duration"), Literal(p.duration, datatype=XSD.duration)))
            if p.life:
                g.add((node, prop("participant", "life"), Literal(True)))
            self.derive(g, node, p.evidence or ev.evidence)

    def add_claims(self) -> None:
        lookup = SubjectLookup([*self.doc_graphs.values(), self.ds.graph(ONTOLOGY_GRAPH)])
        events: dict = {}
        for event in self.c.events.values():
            events.setdefault(event.doc, []).append(ns.event_iri(event.id))
        for doc_id in sorted(self.doc_graphs):
            add_claims(self.doc_graphs[doc_id], lookup, self.vocab, events.get(doc_id, []))

    def add_inverses(self) -> None:
        """Materialise what owl:inverseOf and owl:SymmetricProperty declare, so queries need no reasoner.

        The pairs are read from the ontology, never listed here: a new inverse
        in the Turtle is materialised without a change to this code.
        """
        pairs = vocabulary().inverses()
        for g in [*self.doc_graphs.values(), self.ds.graph(CURATION_GRAPH)]:
            # Each pair sees what the pairs before it wrote, as a look-up of the graph would.
            found = named_graphs.by_predicate(g, {p for p, _ in pairs} | {RG.publishedIn})
            for p, q in pairs:
                for s, o in list(found[p]):
                    if derived(g, o, q, s, RG.SymmetryRule if p == q else RG.InverseRule) and q in found:
                        found[q].append((o, s))
            # A publication is about whatever the statements published in it are about.
            for statement, pub in found[RG.publishedIn]:
                for topic in list(g.objects(statement, RG.about)):
                    derived(g, pub, RG.about, topic, RG.PublicationTopicRule)


def assemble(curation: Curation) -> Dataset:
    return Assembler(curation).build()


def union(ds: Dataset) -> Graph:
    """All named graphs merged into one, for validation, querying and flat formats: read from the Dataset's
    store where it is (named_graphs.Union), not copied."""
    g = named_graphs.Union(ds)
    ns.bind_prefixes(g)
    return g


__all__ = ["assemble", "union", "typed_date"]
