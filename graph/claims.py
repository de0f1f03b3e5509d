"""Who says what: one rg:Claim per actor, stance and event, read off the curated roles and statements.

A single claim status cannot say "alleged by the refugees, found credible by
the Special Rapporteur, denied by the NSS". The curators already record each
of those voices, as a Claimant or Reporter on the event, or as the Speaker of
a denial, finding or statement about it; this rule makes each voice a node of
its own, with the sentences it rests on, so that a query, an export or the
page can show every account of an event side by side. Claims are derived,
never curated: a second hand-written copy would drift from the roles.
"""

from __future__ import annotations

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, PROV, RDF, RDFS

from graph import named_graphs
from graph.model import namespaces as ns
from graph.model.ontology import Vocabulary
from graph.model.terms import RG

# The role that makes an actor the source of an account of its own event.
ACCOUNT_ROLES = (RG.Claimant, RG.Reporter)
# The roles that voice a statement or ruling.
VOICE_ROLES = (RG.Speaker, RG.DecisionMaker)
# Stances of a statement about an event, most specific class first; other statements speak about it.
STATEMENT_STANCES = ((RG.Denial, RG.Denies), (RG.Finding, RG.Finds), (RG.Ruling, RG.Rules))


def claim_iri(event: URIRef, stance: URIRef, actor: URIRef) -> URIRef:
    """Readable and stable: the event's id, the stance and the actor's id."""
    def local(term: URIRef) -> str:
        return str(term).rstrip("/").rsplit("/", 1)[-1].rsplit("#", 1)[-1]
    return ns.RGD[f"claim/{local(event)}/{local(stance).lower()}/{local(actor)}"]


def _account_stance(status: URIRef, role: URIRef | None) -> URIRef | None:
    """The stance of an event's own account: by its claimant or reporter (role), or by the publisher (None)."""
    if status == RG.Prospective:
        return None  # nobody claims a hypothetical act happened; the ruling about it is its account
    if role == RG.Claimant:
        return RG.Alleges
    if status == RG.Alleged:
        return RG.Alleges if role is not None else RG.Relays
    return RG.Reports


class SubjectLookup:
    """What the graphs say of a subject, read only in the graphs that describe it.

    Reading every report's graph for every label and class (an aggregate of
    all graphs) made the claims step quadratic in the number of reports. The
    subjects are indexed once, before any claim is written; the claims add
    only their own new subjects, never a statement about an indexed one, so
    the index stays exact. Graphs are read in the order given, as the
    aggregate read them, so value() picks the same value.
    """

    def __init__(self, graphs: list[Graph]):
        self.where: dict = {}
        for g in graphs:
            for subject in set(g.subjects()):
                self.where.setdefault(subject, []).append(g)

    def objects(self, subject, predicate):
        for g in self.where.get(subject, ()):
            yield from g.objects(subject, predicate)

    def value(self, subject, predicate):
        return next(self.objects(subject, predicate), None)


class ClaimWriter:
    """Writes into one report's graph; reads labels and classes from everything built (lookup)."""

    def __init__(self, g: Graph, lookup: SubjectLookup, vocab: Vocabulary):
        self.g, self.lookup, self.vocab = g, lookup, vocab

    def publisher(self, event: URIRef) -> URIRef | None:
        for evidence in sorted(self.g.objects(event, PROV.wasDerivedFrom)):
            doc = self.lookup.value(evidence, ns.OA.hasSource)
            publisher = self.lookup.value(doc, DCTERMS.publisher) if doc is not None else None
            if publisher is not None:
                return publisher
        return None

    def is_a(self, node: URIRef, root: URIRef) -> bool:
        return any(self.vocab.is_subclass(c, root) for c in self.lookup.objects(node, RDF.type))

    def add(self, event: URIRef, stance: URIRef, actor: URIRef, sources, via: URIRef | None = None) -> None:
        g = self.g
        node = claim_iri(event, stance, actor)
        g.add((node, RDF.type, RG.Claim))
        g.add((node, RG.claimAbout, event))
        g.add((node, RG.accordingTo, actor))
        g.add((node, RG.stance, stance))
        g.add((node, RG.derivedBy, RG.ClaimRule))
        if via is not None:
            g.add((node, RG.conveyedBy, via))
        for source in sources:
            g.add((node, PROV.wasDerivedFrom, source))
        if g.value(node, RDFS.label) is None:
            who, what = self.lookup.value(actor, RDFS.label), self.lookup.value(event, RDFS.label)
            g.add((node, RDFS.label, Literal(f"{who} {self.vocab.label(stance)}: {what}", lang="en")))

    def accounts(self, event: URIRef) -> None:
        """The event's own sources: its claimants and reporters, else the report's publisher."""
        g = self.g
        status = g.value(event, RG.claimStatus)
        named = [p for p in sorted(g.objects(event, RG.hasParticipation)) if g.value(p, RG.role) in ACCOUNT_ROLES]
        for part in named:
            stance = _account_stance(status, g.value(part, RG.role))
            if stance is not None:
                self.add(event, stance, g.value(part, RG.participant), sorted(g.objects(part, PROV.wasDerivedFrom)))
        if named:
            return
        stance, publisher = _account_stance(status, None), self.publisher(event)
        if stance is not None and publisher is not None:
            self.add(event, stance, publisher, sorted(g.objects(event, PROV.wasDerivedFrom)))

    def statements(self, statement: URIRef) -> None:
        """A denial, finding, ruling or other statement: its speakers' stance on each event it is about."""
        g = self.g
        if not (self.is_a(statement, RG.Statement) or self.is_a(statement, RG.Ruling)):
            return
        stance = next((s for cls, s in STATEMENT_STANCES if self.is_a(statement, cls)), RG.Speaks)
        sources = sorted(g.objects(statement, PROV.wasDerivedFrom))
        speakers = sorted(g.value(p, RG.participant) for p in g.objects(statement, RG.hasParticipation)
                          if g.value(p, RG.role) in VOICE_ROLES)
        for about in sorted(g.objects(statement, RG.about)):
            if g.value(about, RG.hasParticipation) is None:
                continue  # about an entity, not an event
            for speaker in speakers:
                self.add(about, stance, speaker, sources, via=statement)


def add_claims(g: Graph, lookup: SubjectLookup, vocab: Vocabulary, events: list | None = None) -> None:
    """Write into g every claim its events support (rg:ClaimRule); lookup holds labels, documents, classes.

    The events are g's subjects with a participation: those of `events` (what the caller wrote into g), else
    found by a scan of g, which cost as much as writing the claims.
    """
    writer = ClaimWriter(g, lookup, vocab)
    found = named_graphs.subjects(g, RG.hasParticipation) if events is None else \
        {e for e in events if (e, RG.hasParticipation, None) in g}
    for event in sorted(found):
        writer.accounts(event)
        writer.statements(event)


__all__ = ["SubjectLookup", "add_claims", "claim_iri"]
