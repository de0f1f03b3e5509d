"""SHACL validation of the built graph against ontology/shapes.ttl.

The data is validated merged with the ontology, so that ``sh:class`` sees
subclasses (a Sentencing is a Ruling is an Event) and role, status and right
individuals declared in Turtle. It is validated twice: as written, and under
RDFS entailment, because a consumer with a reasoner sees the entailed graph
(a sub-property adds a value to its super-property, where a ``sh:maxCount``
may then fail). A graph that passes only without entailment is not valid.
The second judgement is left out when no shape can see what entailment adds
(``unseen``): then it would give the first one's verdict.
"""

from __future__ import annotations

from contextlib import contextmanager
from dataclasses import dataclass, field

from pyshacl import validate as shacl_validate
from rdflib import Graph, Literal, Namespace, URIRef
from rdflib.namespace import RDF, RDFS

from graph import named_graphs
from graph.errors import BuildError
from graph.model.namespaces import RGD
from graph.parallel import side_by_side
from graph.verdicts import Verdicts, graph_digest

SH = Namespace("http://www.w3.org/ns/shacl#")


def _focus_as_a_set() -> None:
    """Let pySHACL look its focus nodes up in a set instead of a list.

    Every shape asks, for each of its targets, whether the target is a focus
    node, and pySHACL keeps them in a list: with a report's few hundred nodes
    that is a third of the validation, spent in rdflib's Python-level term
    equality (0.82 s instead of 1.25 s for the first report's graph). A set
    answers the same (a term's hash agrees with its equality) and is all the
    executor needs (`len` and `in`). Only where pySHACL builds its executor
    as 0.40 does; elsewhere it is left as it is, slower and just as right.
    """
    from pyshacl.validator import Validator

    build = getattr(Validator, "make_executor", None)
    if build is None or getattr(build, "focus_as_a_set", False):
        return

    def make_executor(self):
        executor = build(self)
        if getattr(executor, "focus_nodes", None):
            executor.focus_nodes = frozenset(executor.focus_nodes)
        return executor

    make_executor.focus_as_a_set = True
    make_executor.original = build
    Validator.make_executor = make_executor


def _focus_for_targets_only() -> None:
    """Let pySHACL's focus nodes choose what is judged, not what a judged node's values are checked against.

    pySHACL filters by the focus nodes it was given wherever a shape is
    evaluated, also where a constraint checks a value against a shape of its
    own (sh:node, sh:not, sh:or, sh:and, sh:xone): a value that is not itself
    a focus node, such as a date literal checked against rgs:DateValue or an
    event reached from a role, was then not checked at all, and passed. Each
    part of a build is judged with its own subjects as focus, so a malformed
    date passed the build that the whole graph's validation refused. Such an
    evaluation is given its focus by the constraint (pySHACL passes it), so
    it is run here without the filter; a shape's own targets still are.
    """
    from pyshacl.shape import Shape

    run = Shape.validate
    if getattr(run, "targets_only", False):
        return

    def validate(self, executor, target_graph, focus=None, _evaluation_path=None):
        if focus is None or not executor.focus_nodes:
            return run(self, executor, target_graph, focus, _evaluation_path)
        chosen, executor.focus_nodes = executor.focus_nodes, None
        try:
            return run(self, executor, target_graph, focus, _evaluation_path)
        finally:
            executor.focus_nodes = chosen

    validate.targets_only = True
    validate.original = run
    Shape.validate = validate


class _Listed(list):
    """A list that answers `in` from a set of its items: the same answers, without a walk."""

    def __init__(self, items):
        super().__init__(items)
        self._items = frozenset(items)

    def __contains__(self, item) -> bool:
        return item in self._items


def _constraint_parameters_as_a_set() -> None:
    """Let pySHACL find a shape's constraint parameters by looking them up in a set instead of a list.

    Each time a shape is evaluated (for every focus node and every value a
    constraint checks against a shape), pySHACL walks the list of all its
    constraint parameters for each of the shape's predicates, in rdflib's
    Python-level term equality: 7.4 million comparisons for 100 reports,
    an eighth of the validation. The list keeps its order, so nothing that
    iterates it changes. Only where pySHACL keeps it as 0.40 does (filled in
    on first use, in the module's CONSTRAINT_PARAMS); elsewhere it is left as it is.
    """
    from pyshacl import shape
    from pyshacl.constraints import ALL_CONSTRAINT_PARAMETERS, CONSTRAINT_PARAMETERS_MAP

    if not hasattr(shape, "module") or isinstance(getattr(shape, "CONSTRAINT_PARAMS", (None,))[0], _Listed):
        return
    shape.CONSTRAINT_PARAMS = (_Listed(ALL_CONSTRAINT_PARAMETERS), CONSTRAINT_PARAMETERS_MAP)


def _property_shapes_in_one_call() -> None:
    """Let pySHACL judge all the nodes a property shape is asked about in one call, not one call per node.

    For a node shape's sh:property, pySHACL runs the property shape once
    for every focus node, and each run reads the shape's parameters from the
    shapes graph and builds its constraint objects again: a third of the
    validation went into that, for the ten events of a report each checked
    against the event shape's seventeen property shapes. A shape judges each
    node on its own, so one call with all the nodes finds the same
    violations (a node asked about twice, once). Where the property shape is
    missing, malformed or part of a recursion, pySHACL's own way runs, with
    its own error. Only where pySHACL names these as 0.40 does; elsewhere it
    is left as it is.
    """
    from pyshacl.constraints.core.shape_based_constraints import PropertyConstraintComponent

    run = getattr(PropertyConstraintComponent, "_evaluate_property_shape", None)
    if run is None or getattr(run, "in_one_call", False):
        return

    def evaluate(self, executor, prop_shape, target_graph, focus_value_nodes, potentially_recursive,
                 _evaluation_path):
        found = self.shape.get_other_shape(prop_shape)
        if not found or not found.is_property_shape or (potentially_recursive and found in potentially_recursive):
            return run(self, executor, prop_shape, target_graph, focus_value_nodes, potentially_recursive,
                       _evaluation_path)
        nodes = list(dict.fromkeys(v for values in focus_value_nodes.values() for v in values))
        if not nodes:
            return False, []
        conforms, reports = found.validate(executor, target_graph, focus=nodes, _evaluation_path=_evaluation_path[:])
        return not conforms, reports

    evaluate.in_one_call = True
    evaluate.original = run
    PropertyConstraintComponent._evaluate_property_shape = evaluate


_TEXT_READ = [True]  # whether pySHACL's text report will be read: not while _violations runs (_text_unread)


def _descriptions_only_when_read() -> None:
    """Let pySHACL leave out the text of each validation result where its text report is not read.

    pySHACL writes a paragraph for every result it makes, naming each node
    in prefixed form, also for the results of a shape inside sh:or, sh:xone
    or sh:node that it throws away: each event's date checked against three
    date types, each event's three ways to be dated. That was a tenth of each
    part's validation, for a text `_violations` never reads (it reads the
    report graph, which keeps every result and message). Only while
    `_violations` runs; any other caller gets pySHACL's text. Only where
    pySHACL names this as 0.40 does; elsewhere it is left as it is.
    """
    from pyshacl.constraints.constraint_component import ConstraintComponent

    describe = getattr(ConstraintComponent, "make_v_result_description", None)
    if describe is None or getattr(describe, "only_when_read", False):
        return

    def make_v_result_description(self, *args, **kwargs):
        return describe(self, *args, **kwargs) if _TEXT_READ[0] else ""

    make_v_result_description.only_when_read = True
    make_v_result_description.original = describe
    ConstraintComponent.make_v_result_description = make_v_result_description


@contextmanager
def _text_unread():
    """pySHACL's text report left unwritten while it runs here (_descriptions_only_when_read)."""
    was, _TEXT_READ[0] = _TEXT_READ[0], False
    try:
        yield
    finally:
        _TEXT_READ[0] = was


_focus_as_a_set()
_focus_for_targets_only()
_constraint_parameters_as_a_set()
_property_shapes_in_one_call()
_descriptions_only_when_read()


@dataclass(frozen=True)
class Violation:
    focus: str
    path: str
    message: str

    def __str__(self) -> str:
        path = f" {self.path}" if self.path else ""
        return f"{self.focus}{path}: {self.message}"


def validate(data: Graph, shapes: Graph, focus: list | None = None, in_place: bool = False,
             added: list[tuple] | None = None) -> list[Violation]:
    """Return the violations as written and under RDFS entailment (where a shape can see what it adds), sorted;
    an empty list means the graph conforms.

    With focus, only those nodes are judged (the rest of the data is context for them). With in_place, what RDFS
    entails is added to data itself for the second judgement, instead of to a copy: for a graph put together
    only to be judged, as each part of a build is (copying it took a fifth of the validation). With added, the
    caller has worked out what RDFS adds that a shape can see (a build's part, `_Entailer`): an empty list
    leaves the second judgement out.
    """
    if not data.store.context_aware:  # pySHACL wraps the data in a dataset; the build's union keeps no named graphs
        data, in_place = _plus(data, [], in_place=False), True  # a copy of our own, judged in place
    out = _violations(data, shapes, focus)
    if added is None:
        added = entailments(data)
        added = [] if unseen(added, data, shapes) else added
    if added:
        out |= {Violation(v.focus, v.path, f"{v.message} (under RDFS entailment)")
                for v in _violations(_plus(data, added, in_place), shapes, focus) - out}
    return sorted(out, key=lambda v: (v.focus, v.path, v.message))


# What lets a shape see statements whose predicate it does not name: a closed shape, SPARQL, rules, SHACL-AF
# targets, JavaScript. With any of these, every entailed statement may change a verdict.
SEES_ALL = {SH.closed, SH.sparql, SH.rule, SH.target, SH.js, SH.select, SH.ask, SH.construct}
# One-term sets: a term is looked up in a set by its hash, where `==` on rdflib terms runs in Python (a walk of a
# part's statements made a million comparisons).
_TYPE, _SUBCLASS = {RDF.type}, {RDFS.subClassOf}


def terms_targeted(shapes: Graph) -> set:
    """The terms a shape targets by name (sh:targetNode: each role, rgs:RoleFits-ROLE). Every report's part
    judges them, and a violation found through one is reported at the data node it reached."""
    return set(shapes.objects(None, SH.targetNode))


def named_in(shapes: Graph) -> set | None:
    """Every IRI the shapes name, through which alone a core shape reaches a statement (besides rdf:type and
    rdfs:subClassOf); None when a shape can see every statement (SEES_ALL)."""
    if any((None, feature, None) in shapes for feature in SEES_ALL):
        return None
    return set(shapes.objects()) | set(shapes.subjects())


def unseen(added: list[tuple], data: Graph, shapes: Graph, known: tuple | None = None) -> bool:
    """Whether no core SHACL shape can tell data from data with the added statements, so that judging both
    would give one verdict twice (the second judgement was half of the validation).

    A core shape reaches a statement only through an IRI it names: a
    predicate in a path, a target or a property-pair constraint, a class in
    sh:class or sh:targetClass, always an object of the shapes graph; a class
    that is itself a shape (an implicit class target) is a subject there. So
    an added statement is invisible when its predicate is named nowhere, and
    an added type (rdf:type itself named nowhere) when its subject already has
    it through a sub-class (sh:class and class targets follow
    rdfs:subClassOf in the data, where the ontology is merged), or when
    neither the class nor any class above it is named. With known, the caller
    has read both already: (named_in(shapes), Rules.of(data).supers_c), for
    a build's thousand parts with one schema.
    """
    named, supers = known if known is not None else (named_in(shapes), {})
    if named is None:
        return False
    asked: dict = {}

    def above(cls) -> set:
        found = supers.get(cls)
        if found is None:
            found = asked.get(cls)
            if found is None:
                found = asked[cls] = set(data.transitive_objects(cls, RDFS.subClassOf))
        return found

    for s, p, o in added:
        if p in named or p in _SUBCLASS:  # a sub-class statement changes what every class check sees
            return False
        if p in _TYPE and not any(o in above(own) for own in data.objects(s, RDF.type)) and above(o) & named:
            return False
    return True


def validate_reports(graphs: dict[str, Graph], shared: list[Graph], shapes: Graph, verdicts=None,
                     jobs: int | None = None) -> list[Violation]:
    """Each report's graph on its own, with the shared graphs (ontology, curation) and what it borrows, judged
    side by side on `jobs` processes (all the cores this process may use, by default): `parts` says how. The
    build judges the same parts on the pool that writes its serialisations (graph/build.py)."""
    work = parts(graphs, shared, shapes, verdicts)
    return work.verdict(side_by_side(*work.job, jobs))


@dataclass(frozen=True)
class Parts:
    """A validation shared out in parts: each piece is judged by _part(state, piece), anywhere, in any order
    (graph/parallel.py), and `verdict` reads their answers, in the order of the pieces."""
    state: _Given
    pieces: list

    @property
    def job(self) -> tuple:
        """(call, state, pieces), as graph/parallel.py takes a work."""
        return _part, self.state, self.pieces

    def verdict(self, answers: list) -> list[Violation]:
        """The violations of every part, sorted; each part's verdict kept (verdicts) and counted."""
        out: set[Violation] = set()
        for key, kept, found in answers:
            if self.state.verdicts is not None:
                self.state.verdicts.record(key, found, kept)
            out |= {Violation(*v) for v in found}
        return sorted(out, key=lambda v: (v.focus, v.path, v.message))


def parts(graphs: dict[str, Graph], shared: list[Graph], shapes: Graph, verdicts=None) -> Parts:
    """The validation of each report's graph on its own, with the shared graphs (ontology, curation) and what it
    borrows, as parts to be judged side by side (the build judges them beside its writers).

    pySHACL slows down sharply on large graphs, and hundreds of reports
    validated as one graph would make the build quadratic in practice; one
    report at a time keeps it linear. A report may point at a record another
    report holds (an actor named first elsewhere): that record is borrowed, so
    that its type and label are seen, and is judged in the report that types
    it. Each part judges only its own subjects (pySHACL's focus nodes), and the
    shared graphs' records are judged once, on their own. With one report the
    verdict is that of the whole graph. With verdicts (graph/verdicts.py), a
    part already validated is not validated again.
    """
    # Never borrowed: the ontology's own terms, whole in every part. A record of the data (an actor) may be
    # described in the curation graph (its links) and in a report (its type and label): it is borrowed.
    terms = {s for g in shared for s in g.subjects() if not str(s).startswith(str(RGD))}
    homes = {s: g for _, g in sorted(graphs.items()) for s in named_graphs.subjects(g, RDF.type)}
    common = named_graphs.one_graph(*shared)
    # The shared graphs' own records (roles, rights, links) are judged once, on their own; each report then
    # judges only its own subjects (worked out in _part), with the shared graphs and what it borrows as context.
    # A shape may target a term (each role) and reach the report's events from it: every report judges those
    # terms too, seeing only its own events (and what it borrows) through them.
    judged = sorted({s for s in common.subjects(RDF.type, None) if isinstance(s, URIRef)}, key=str)
    pieces = ([(common, judged)] if judged else []) + [(graphs[name], None) for name in sorted(graphs)]
    # A part's key is made of its pieces' digests (graph/verdicts.py), so a part validated before is known
    # without being put together: merging the shared graphs into every part costs more than hashing them.
    # Each part is borrowed for, hashed, looked up and, if unknown, judged in a worker: done here, borrowing and
    # hashing were a fifth of the validation, on one core. Each part is judged on its own, so the verdict does
    # not depend on how the parts are shared out. Each report's part takes, of the shared graphs, what a shape
    # can see; the shared graphs' own part takes all.
    context = visible(common, shapes)
    return Parts(_Given(context, shapes, common, homes, terms, terms_targeted(shapes),
                        graph_digest(common) if verdicts is not None else "", verdicts, _Entailer(context, shapes)),
                 pieces)


def visible(data: Graph, shapes: Graph) -> Graph:
    """The statements of data that a core SHACL shape can see, or anything that RDFS entails from them.

    The reasoning of `unseen`: a core shape reaches a statement only through
    a predicate it names, rdf:type or rdfs:subClassOf; what else RDFS may
    entail comes from the statements of a property that has a super-property,
    a domain or a range. The ontology's comments, mappings and SKOS notes are
    none of these: they were two fifths of what every report's part copied
    (a fifth of a part's time went into copying the shared graphs). With a
    shape that sees everything (closed, SPARQL, rules), data is kept whole.
    The statements are put in a store of their own (named_graphs.one_graph),
    which every part starts from as a copy.
    """
    named = named_in(shapes)
    if named is None:
        return named_graphs.one_graph(data)
    entailing = {s for s, p, _ in data if p in (RDFS.subPropertyOf, RDFS.domain, RDFS.range)}
    seen = named | entailing | {RDF.type, RDFS.subClassOf, RDFS.subPropertyOf, RDFS.domain, RDFS.range}
    return named_graphs.one_graph(triple for triple in data if triple[1] in seen)


@dataclass(frozen=True)
class _Given:
    """What every part of a build is judged with: context is what the shapes can see of the shared graphs
    (common, whole), homes and terms say what a part borrows (`borrowed`), judged are the terms every report's
    part judges, verdicts keeps what was judged, and entailer works out what RDFS adds to a part."""
    context: Graph
    shapes: Graph
    common: Graph
    homes: dict
    terms: set
    judged: set
    common_digest: str
    verdicts: Verdicts | None
    entailer: _Entailer
    records: dict = field(default_factory=dict)  # the records borrowed so far, by node (`borrowed`): in each worker its own


def _part(state: _Given, piece: tuple) -> tuple[str | None, bool, list[tuple[str, str, str]]]:
    """One part's cache key, whether its verdict was kept from an earlier build, and its violations as plain
    tuples (a worker's answer crosses a pipe)."""
    own, focus = piece
    lent = borrowed(own, state.homes, state.terms, records=state.records)
    mine = list(own)  # read once: a scan of a report's graph in the Dataset costs some microseconds a statement
    if focus is None:  # a report's part judges its own subjects and the terms shapes target
        focus = sorted({s for s, _, _ in mine if isinstance(s, URIRef)} | state.judged, key=str)
    key = None
    if state.verdicts is not None:  # graph/verdicts.py: a part validated before, byte for byte, is not validated again
        pieces = [state.common_digest, state.common_digest if own is state.common else graph_digest(mine),
                  graph_digest(lent)]
        key = state.verdicts.key(pieces, focus)
        kept = state.verdicts.known(key)
        if kept is not None:
            return key, True, kept
    part = named_graphs.copied(state.context)  # the shared graphs' own part brings them whole as its own
    statements = {*mine, *lent}
    named_graphs.add_all(part, statements)
    added = state.entailer.added(part, statements)
    return key, False, [(v.focus, v.path, v.message) for v in validate(part, state.shapes, focus, True, added)]


def borrowed(own: Graph, homes: dict, known: set = frozenset(), depth: int = 2, records: dict | None = None) -> Graph:
    """The records of the nodes `own` names but does not describe, and the records those point at (so a
    borrowed actor's evidence is typed), as context for `own`'s shapes.

    A record is described where it is typed, and borrowed from there (homes: node to the report graph
    that types it) and only from there. A report may say a little of another's actor without typing it
    (a claim's speaker, a publisher): that actor is borrowed too, or its shapes would fail here. What other
    reports say of it is not: with an actor every report names, that would grow each part with the number
    of reports and make the build quadratic. The last records pointed at are
    borrowed with their types only: without them RDFS would type them from the
    properties that name them, and a part would be judged a second time for
    what a shape sees nowhere (its own nodes are the only focus).

    records keeps each record read, for the next part that borrows it: the
    Dataset's store finds a node's statements in one graph by walking its
    statements in every graph, and an actor every report names is said
    something of in every report (what the assembler makes of the inverse
    properties), so that each part's borrowing grew with the number of
    reports.
    """
    records = records if records is not None else {}

    def record(node, home) -> list:
        found = records.get(node)
        if found is None:
            found = records[node] = list(home.predicate_objects(node))
        return found

    out: set = set()
    described = set(known)
    named = set()
    for s, p, o in own:  # one scan of own
        named.add(s)
        if p in _TYPE:
            described.add(s)
        if isinstance(o, URIRef):
            named.add(o)
    frontier = {n for n in named if isinstance(n, URIRef) and n not in described}
    seen: set = set()
    for level in range(depth + 1):
        nxt = set()
        for node in frontier - seen:  # in any order: the records borrowed are the same
            seen.add(node)
            home = homes.get(node)
            if home is None or home is own:
                continue
            if level == depth:  # the last records pointed at: their types only
                for p, cls in record(node, home):
                    if p in _TYPE:
                        out.add((node, RDF.type, cls))
                continue
            for p, o in record(node, home):
                out.add((node, p, o))
                if isinstance(o, URIRef) and o not in described:
                    nxt.add(o)
        frontier = nxt
    return named_graphs.one_graph(out)


def _plus(data: Graph, added: list[tuple], in_place: bool) -> Graph:
    """The graph with the added statements: a copy, or with in_place the graph itself."""
    g = data if in_place else named_graphs.copied(data)
    named_graphs.add_all(g, added)
    return g


SCHEMA = {RDFS.subPropertyOf, RDFS.subClassOf, RDFS.domain, RDFS.range}  # what the RDFS rules below are read from


@dataclass(frozen=True)
class Rules:
    """A graph's RDFS schema, as the rules `entailments` applies: each property's super-properties other than
    itself (rdfs5, followed to their ends), each class's super-classes and itself (rdfs11), and the domains
    and ranges."""
    supers_p: dict
    supers_c: dict
    domains: dict
    ranges: dict

    @classmethod
    def of(cls, data: Graph) -> Rules:
        return cls({p: set(data.transitive_objects(p, RDFS.subPropertyOf)) - {p} for p in set(data.subjects(RDFS.subPropertyOf, None))},
                   {c: set(data.transitive_objects(c, RDFS.subClassOf)) for c in set(data.subjects(RDFS.subClassOf, None))},
                   {p: set(data.objects(p, RDFS.domain)) for p in set(data.subjects(RDFS.domain, None))},
                   {p: set(data.objects(p, RDFS.range)) for p in set(data.subjects(RDFS.range, None))})

    def entailed(self, triples) -> set[tuple]:
        """What the rules entail from these statements, some of which a graph holding them may say already.

        Each rule has one premise besides the schema, so what a union of
        statements entails is the union of what each part of it entails:
        the shared statements' entailments are worked out once for every
        part of a build (`_Entailer`).
        """
        supers_p, supers_c, domains, ranges = self.supers_p, self.supers_c, self.domains, self.ranges
        rdf_type = RDF.type
        new: set[tuple] = set()
        typed = set()
        for s, p, o in triples:
            if p in _TYPE:
                typed.add((s, o))
            ups = supers_p.get(p)
            for q in ups or ():
                new.add((s, q, o))
            for q in (p, *ups) if ups else (p,):
                for cls in domains.get(q, ()):
                    new.add((s, rdf_type, cls))
                if not isinstance(o, Literal):
                    for cls in ranges.get(q, ()):
                        if isinstance(cls, URIRef):
                            new.add((o, rdf_type, cls))
        typed |= {(s, o) for s, p, o in new if p in _TYPE}
        for s, cls in typed:
            for sup in supers_c.get(cls, ()):
                new.add((s, rdf_type, sup))
        return new


def entailments(data: Graph) -> list[tuple]:
    """What RDFS entails from the graph and it does not say, in a stable order: a statement's super-properties
    (rdfs7), the types its domains and ranges give (rdfs2, 3), and every class above a type (rdfs9).

    These are the RDFS rules that can change what a shape sees. The chains of
    sub-properties and sub-classes (rdfs5, 11) are followed to their ends, but
    not written as statements of their own; the axiomatic triples and literal
    rules of the full entailment regime cannot change a verdict. Computed here rather than by pySHACL's inference="rdfs"
    (owlrl), which took three seconds a build on the first report alone. Only
    the new statements are gathered (in a set, which is cheap), not the whole
    graph again (adding to an rdflib graph is not).
    """
    return _stable(triple for triple in Rules.of(data).entailed(data) if triple not in data)


def _stable(triples) -> list[tuple]:
    return sorted(triples, key=lambda triple: tuple(map(str, triple)))


class _Entailer:
    """What RDFS adds to a build's part that a shape can see, with the shared statements' part worked out once.

    Every part holds the same shared statements (the ontology, the curation
    graph), and working out their entailments, and whether a shape sees
    them, again in each part was a fifth of a part's time. A part whose own
    statements say nothing of the schema (no sub-class, sub-property, domain
    or range: a report never does) has the shared statements' rules, and its
    entailments are theirs and its own. What the shared ones add stays
    unseen in a part: it holds the shared statements and more, and more
    types of a node only hide more (`unseen`).
    """

    def __init__(self, shared: Graph, shapes: Graph):
        self.shapes = shapes
        self.rules = Rules.of(shared)
        self.known = (named_in(shapes), self.rules.supers_c)
        self.held = set(shared)  # asked by hash: a part's look-up runs rdflib's matching in Python
        self.shared = [triple for triple in self.rules.entailed(shared) if triple not in self.held]
        self.shared_unseen = unseen(self.shared, shared, shapes, self.known)

    def added(self, part: Graph, statements: set[tuple]) -> list[tuple] | None:
        """What RDFS adds to part (the shared statements with these of its own) that a shape can see, [] for
        nothing; None where its own statements say something of the schema (then `validate` works it out)."""
        if any(p in SCHEMA for _, p, _ in statements):
            return None
        held = self.held
        added = [t for t in self.rules.entailed(statements) if t not in held and t not in statements]
        if self.shared_unseen and unseen(added, part, self.shapes, self.known):
            return []
        return _stable({*added, *(t for t in self.shared if t not in statements)})


def _violations(data: Graph, shapes: Graph, focus: list | None = None) -> set[Violation]:
    from pyshacl.errors import ReportableRuntimeError

    try:
        with _text_unread():  # the report graph is read below, never the text
            conforms, report, _ = shacl_validate(
                data, shacl_graph=shapes, inference="none", advanced=False, allow_warnings=False, focus_nodes=focus,
                inplace=True,  # no inference and no rules: pySHACL writes nothing into the graph, so it need not copy it
            )
    except ReportableRuntimeError as err:  # a shape pySHACL cannot load: one line, whole across a worker's pipe
        raise BuildError("ontology/shapes.ttl", f"the SHACL shapes cannot be used: {str(err).splitlines()[0]}") from None
    if conforms:
        return set()
    if not isinstance(report, Graph):  # the shapes themselves are broken: pySHACL says why instead of reporting
        raise BuildError("ontology/shapes.ttl", f"the SHACL shapes cannot be used: {report}")
    out = set()
    targeted = terms_targeted(shapes)
    for result in report.subjects(RDF.type, SH.ValidationResult):
        focus = report.value(result, SH.focusNode)
        if focus in targeted and isinstance(report.value(result, SH.value), URIRef):
            focus = report.value(result, SH.value)  # a role's shape found it at an event: the event is what is wrong
        path = report.value(result, SH.resultPath)
        message = report.value(result, SH.resultMessage)
        out.add(Violation(str(focus), str(path) if path is not None and not isinstance(path, type(result)) else "",
                          str(message) if message is not None else "constraint not met"))
    return out
