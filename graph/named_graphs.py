"""Look-ups inside one named graph of a Dataset that cost what that graph holds, not what the Dataset holds.

rdflib's default store keeps one index for all the graphs of a Dataset. A
pattern asked of one named graph (every subject with a given predicate) is
answered from that index across every graph and then filtered down to the
graph asked: with a graph per report, each report's look-up grows with the
number of reports, and assembling 300 reports took four times as long as
100. Only a scan of the whole graph is kept per graph, so these scan it,
once per call: a scan costs some microseconds a statement, so a caller with
several predicates asks for them together.

The stores the build keeps its graphs in live here too, each a subclass of
rdflib's own that does less of what the build never needs (Store,
OneGraphStore), and the union of the Dataset's graphs, read where it is
(Union). Tests hold each equal to rdflib's own store, pattern by pattern.
"""

from __future__ import annotations

from itertools import chain

from rdflib import Graph, URIRef
from rdflib.plugins.stores.memory import Memory


def by_predicate(g: Graph, predicates) -> dict:
    """predicate: [(subject, object), ...] for every statement of g alone with one of the predicates."""
    out: dict = {p: [] for p in predicates}
    for s, p, o in g:
        if p in out:
            out[p].append((s, o))
    return out


def subjects(g: Graph, predicate) -> set:
    """The subjects of g alone with that predicate."""
    return {s for s, p, _ in g if p == predicate}


class Indexed(Graph):
    """A named graph of a Dataset, read through an index of its own statements by subject.

    For a reader that asks a graph about each of its subjects in turn, as
    rdflib's Turtle writer does: the store checks every statement of a
    subject, in every graph, for the graph asked, so a subject that every
    report describes (a publisher, the press release they all cite) was
    walked once per report for every report, and TriG took twice Turtle's
    time at 1,000 reports (31.7 s against 14.7 s). The index is made from
    one scan of the graph and answers exactly what the graph answers; it
    shares the graph's store and prefixes, which the writer also asks.
    """

    def __init__(self, graph: Graph):
        super().__init__(store=graph.store, identifier=graph.identifier, namespace_manager=graph.namespace_manager)
        self._described: dict = {}
        for s, p, o in graph:
            self._described.setdefault(s, []).append((p, o))

    def triples(self, triple):
        s, p, o = triple
        if p is not None and not isinstance(p, URIRef):  # a property path: the graph's own way
            yield from super().triples(triple)
            return
        for subject in (s,) if s is not None else list(self._described):
            for predicate, value in self._described.get(subject, ()):
                if (p is None or predicate == p) and (o is None or value == o):
                    yield subject, predicate, value


class Store(Memory):
    """rdflib's default store, doing less of what the build never needs; the same answers (tests hold them
    equal, pattern by pattern).

    It works out the named graphs of a statement it matches only when asked:
    rdflib's store works them out for every statement before handing it
    over, and a graph's look-ups throw them away (validating 50 synthetic
    reports on one core took 5.75 s with it and 5.3 s with this one). It
    files a statement without an event for listeners, names the graph asked
    last once, and shares one record of a statement's graph among the
    statements that graph alone holds (each method says why). It is rdflib's
    own store otherwise: pySHACL and a Dataset need one that keeps named
    graphs.
    """

    def __init__(self, *args, **kwargs):
        self._last_named = None  # (the graph asked last, rdflib's name for it): see _Memory__ctx_to_str
        self._records: dict = {}  # (graph name, quoted): the record the statements of that graph alone share
        self._quoted = False  # whether a statement was ever filed as quoted (in no graph's union)
        self._filing = None  # (graph, the union's statements, the graph's, its shared record or None): see add
        super().__init__(*args, **kwargs)

    def _Memory__contexts(self, triple):  # the name rdflib's store calls (its private __contexts)
        yield from Memory._Memory__contexts(self, triple)

    def _matching(self, triple_pattern):
        """The statements that match a pattern with a term given, read from the indexes alone: every
        statement filed there, whatever graphs hold it (a scan is rdflib's, as fast)."""
        s, p, o = triple_pattern
        if s is not None:
            by_p = self._Memory__spo.get(s, {})
            for pred in (p,) if p is not None else list(by_p):
                objects = by_p.get(pred, ())
                for obj in ((o,) if o in objects else ()) if o is not None else list(objects):
                    yield s, pred, obj
        elif p is not None:
            by_o = self._Memory__pos.get(p, {})
            for obj in ((o,) if o in by_o else ()) if o is not None else list(by_o):
                for subj in list(by_o[obj]):
                    yield subj, p, obj
        elif o is not None:
            by_s = self._Memory__osp.get(o, {})
            for subj in list(by_s):
                for pred in list(by_s[subj]):
                    yield subj, pred, o

    def add(self, triple, context, quoted=False):
        """File a statement as rdflib's store does, without announcing it to listeners.

        rdflib's store makes an event object for every statement it is given,
        for listeners that a store must be asked for by name (its dispatcher);
        the build's stores have none, and the event was a tenth of assembling.
        A statement new to the store, for the graph the last one went to, is
        filed straight into the indexes, the graph's statements and its
        shared record (_filing, kept by _filed): a build adds a report's
        statements one after the other, and working each place out again was
        half of adding.
        """
        filing = self._filing
        if filing is None or filing[0] is not context or quoted:
            return self._filed(triple, context, quoted)
        s, p, o = triple
        objects = self._Memory__spo.setdefault(s, {}).setdefault(p, {})
        if o in objects:  # in the store already, perhaps in another graph: its record changes
            return self._filed(triple, context, quoted)
        objects[o] = 1
        self._Memory__pos.setdefault(p, {}).setdefault(o, {})[s] = 1
        self._Memory__osp.setdefault(o, {}).setdefault(s, {})[p] = 1
        _, everywhere, held, record = filing
        everywhere.add(triple)
        held.add(triple)
        if record is None:  # the store's default record: rdflib keeps none for the statement
            self._Memory__tripleContexts.pop(triple, None)
        else:
            self._Memory__tripleContexts[triple] = record

    def _filed(self, triple, context, quoted):
        """add() worked out in full, as rdflib's store files a statement; then, for a statement of one graph,
        where the next of that graph goes (_filing)."""
        s, p, o = triple
        if context is not None:
            self._Memory__all_contexts.add(context)
        objects = self._Memory__spo.setdefault(s, {}).setdefault(p, {})
        exists = o in objects
        objects[o] = 1
        self._Memory__add_triple_context(triple, exists, context, quoted)
        if not exists:
            self._Memory__pos.setdefault(p, {}).setdefault(o, {})[s] = 1
            self._Memory__osp.setdefault(o, {}).setdefault(s, {})[p] = 1
        record = self._records.get((self._Memory__ctx_to_str(context), False)) if context is not None and not quoted else None
        if record is None:  # quoted, in no graph, or no statement new to the store filed for the graph yet
            self._filing = None
        else:
            held = self._Memory__contextTriples
            self._filing = (context, held[None], held[self._Memory__ctx_to_str(context)],
                            None if record == self._Memory__defaultContexts else record)

    def remove(self, triple_pattern, context=None):
        self._filing = None  # a graph's statements may go (rdflib drops an emptied graph's set)
        super().remove(triple_pattern, context)

    def remove_graph(self, graph):
        self._filing = None
        super().remove_graph(graph)

    def _Memory__ctx_to_str(self, ctx):
        """rdflib's name for a graph, worked out once for the graph asked last (a build adds a report's
        statements one after the other): rdflib formats it again at every call, a tenth of assembling."""
        last = self._last_named
        if last is not None and last[0] is ctx:
            return last[1]
        name = Memory._Memory__ctx_to_str(self, ctx)
        self._last_named = (ctx, name)
        return name

    def _Memory__add_triple_context(self, triple, triple_exists, context, quoted):
        """File a statement under its graph as rdflib's store does, but with one record of "in this graph" for
        all the statements that are in that graph alone.

        rdflib's store keeps, for each statement outside the first graph it
        was given, a dictionary of its own naming its graphs: a quarter of a
        gigabyte at 1,000 reports, where every statement of a report says
        the same. Here statements new to the store share one per graph; a
        record is copied before it changes, never changed in place (rdflib's
        removal copies it too).
        """
        name = self._Memory__ctx_to_str(context)
        quoted = bool(quoted)
        self._quoted = self._quoted or quoted
        records = self._Memory__tripleContexts
        if triple_exists:
            record = dict(records.get(triple, self._Memory__defaultContexts))
            record[name] = quoted
            if not quoted:
                record[None] = quoted
        else:
            record = self._records.get((name, quoted))
            if record is None:
                record = self._records[(name, quoted)] = {name: quoted} if quoted else {name: quoted, None: quoted}
        held = self._Memory__contextTriples
        if not quoted:
            held[None].add(triple)
        held.setdefault(name, set()).add(triple)
        if self._Memory__defaultContexts is None:  # the store's first statement: its record is the default
            self._Memory__defaultContexts = record
        if record == self._Memory__defaultContexts:
            records.pop(triple, None)
        else:
            records[triple] = record


class Union(Graph):
    """Every statement of a Dataset's graphs, read from the Dataset's own store: the union, without a copy.

    The store files each statement once, under its subject, predicate and
    object, whatever graphs hold it; asked without a graph, it answers the
    union from those indexes. A copy of the union cost a second index of
    every statement: some 600 MiB at 1,000 reports, and 4 to 9 s. It is read
    only: a statement added to it would belong to no graph.
    """

    def __init__(self, dataset: Graph):
        if not isinstance(dataset.store, Memory):
            raise TypeError("a union is read from rdflib's Memory store (graph/named_graphs.Store)")
        super().__init__(store=dataset.store, namespace_manager=dataset.namespace_manager)

    def triples(self, triple):
        s, p, o = triple
        if p is not None and not isinstance(p, URIRef):  # a property path: rdflib's own way, through triples()
            yield from super().triples(triple)
            return
        store = self.store
        if isinstance(store, Store):  # the union's statements, without working out the graphs of each
            if s is None and p is None and o is None:
                yield from list(store._Memory__contextTriples[None])  # a list: the store may change meanwhile
                return
            if not store._quoted:
                yield from store._matching(triple)  # every statement filed is in the union
                return
        for found, _ in store.triples(triple, None):
            yield found

    def __len__(self) -> int:
        return self.store.__len__(None)

    def add(self, triple):
        raise TypeError("the union of a Dataset's graphs is read only: add to one of the graphs")

    def addN(self, quads):
        raise TypeError("the union of a Dataset's graphs is read only: add to one of the graphs")

    def remove(self, triple):
        raise TypeError("the union of a Dataset's graphs is read only: remove from one of the graphs")


class OneGraphStore(Store):
    """A store for one graph (a validation part), which answers that graph's look-ups from its indexes alone.

    pySHACL asks a part millions of times, and rdflib's store names the graph
    asked at each call (formatting its identifier) and checks every match for
    it: a third of each look-up's time, which the answer does not need when
    every statement is in that graph. Should the store hold another graph
    too, or be asked for the union, it answers as rdflib's does.
    """

    def triples(self, triple_pattern, context=None):
        if triple_pattern == (None, None, None) or not self._holds_only(context):  # a scan: rdflib's is as fast
            return super().triples(triple_pattern, context)
        return self._indexed(triple_pattern)

    def _indexed(self, triple_pattern):
        contexts = self._Memory__contexts
        for triple in self._matching(triple_pattern):
            yield triple, contexts(triple)

    def copy(self, graph: Graph) -> Graph:
        """graph, the store's one graph, on a store of its own that holds the same statements.

        Every validation part starts from the same shared statements, and
        adding them one at a time, as rdflib does (its store checks and files
        each in five places), was a quarter of a part's time; copying the
        indexes whole is some twenty times faster.
        """
        if not (self._holds_only(graph) or len(self._Memory__contextTriples[None]) == 0):
            raise ValueError("only a store that holds one graph, and holds it alone, is copied")
        out = OneGraphStore()
        copy = OneGraph(store=out, identifier=graph.identifier, namespace_manager=graph.namespace_manager)
        for index in ("_Memory__spo", "_Memory__pos", "_Memory__osp"):
            setattr(out, index, {a: {b: dict(c) for b, c in bc.items()} for a, bc in getattr(self, index).items()})
        out._Memory__contextTriples = {name: set(held) for name, held in self._Memory__contextTriples.items()}
        out._Memory__tripleContexts = {t: dict(c) for t, c in self._Memory__tripleContexts.items()}
        default = self._Memory__defaultContexts
        out._Memory__defaultContexts = dict(default) if default is not None else None
        if self._Memory__all_contexts:
            out._Memory__all_contexts = {copy}
            out._Memory__context_obj_map = {name: copy for name in self._Memory__context_obj_map}
        return copy

    def add_all(self, graph: Graph, triples) -> None:
        """Add statements to graph, filing each in the indexes directly while graph is the only one the store
        holds (rdflib's own way otherwise): a part's report after copy(), some five times faster."""
        triples = iter(triples)
        if not self._holds_only(graph):
            for triple in triples:
                graph.add(triple)
                if self._holds_only(graph):  # an empty store's first statement: the rest directly
                    break
            else:
                return
        spo, pos, osp = self._Memory__spo, self._Memory__pos, self._Memory__osp
        everywhere, own = self._Memory__contextTriples[None], self._Memory__contextTriples[self._Memory__ctx_to_str(graph)]
        for triple in triples:
            s, p, o = triple
            objects = spo.setdefault(s, {}).setdefault(p, {})
            if o in objects:
                continue
            objects[o] = 1
            pos.setdefault(p, {}).setdefault(o, {})[s] = 1
            osp.setdefault(o, {}).setdefault(s, {})[p] = 1
            everywhere.add(triple)
            own.add(triple)

    def _holds_only(self, context) -> bool:
        """Whether every statement of the store is in `context`: the store has that one graph and no other."""
        if context is None:
            return False
        held = self._Memory__contextTriples
        if len(held) != 2:
            return False
        own = held.get(self._Memory__ctx_to_str(context))  # worked out once for the graph asked last
        return own is not None and len(own) == len(held[None])


class OneGraph(Graph):
    """The one graph of a OneGraphStore, which reads a look-up straight from the store's indexes.

    rdflib's graph asks its store, which hands each match over with its
    graphs, which the graph then drops: three generators deep for every
    match, where pySHACL asks a validation part and the shapes graph some
    thousands of times each. While the store holds this graph alone, every
    statement it files is this graph's, and the indexes' matches are the
    answer; otherwise (or for a scan, or a property path) the graph answers
    as rdflib's does.
    """

    def triples(self, triple):
        s, p, o = triple
        if (p is None or type(p) is URIRef) and (s is not None or p is not None or o is not None) \
                and self.store._holds_only(self):
            return self.store._matching(triple)
        return super().triples(triple)


def one_graph(*sources) -> Graph:
    """The statements of sources (graphs or lists of statements) in a graph on a OneGraphStore of its own."""
    g = OneGraph(store=OneGraphStore())
    add_all(g, chain.from_iterable(sources))
    return g


def add_all(graph: Graph, triples) -> None:
    """graph.add for each statement, faster on a OneGraphStore (its add_all)."""
    if isinstance(graph.store, OneGraphStore):
        graph.store.add_all(graph, triples)
    else:
        for triple in triples:
            graph.add(triple)


def copied(graph: Graph) -> Graph:
    """graph's statements in a graph on a OneGraphStore of its own: its indexes copied whole where graph is
    already the one graph of such a store, added one by one otherwise."""
    if isinstance(graph.store, OneGraphStore) and (graph.store._holds_only(graph) or not len(graph.store)):
        return graph.store.copy(graph)
    return one_graph(graph)
