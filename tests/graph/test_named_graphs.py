"""Look-ups inside one named graph see that graph alone, whatever else the Dataset holds."""

from rdflib import Dataset, Namespace

from graph.named_graphs import by_predicate, subjects

X = Namespace("urn:x:")


def test_a_look_up_sees_its_own_graph_only():
    ds = Dataset()
    first, second = ds.graph(X.first), ds.graph(X.second)
    first.add((X.a, X.p, X.b))
    first.add((X.a, X.q, X.c))
    second.add((X.d, X.p, X.e))  # the same predicate in another graph
    ds.graph(X.third).add((X.a, X.p, X.f))  # and the same subject
    assert by_predicate(first, {X.p, X.r}) == {X.p: [(X.a, X.b)], X.r: []}
    assert by_predicate(second, {X.p}) == {X.p: [(X.d, X.e)]}
    assert subjects(first, X.q) == {X.a} and subjects(second, X.q) == set()


def test_a_store_with_one_graph_answers_every_pattern_as_rdflib_s_own():
    """OneGraphStore, and OneGraph on it, answer from the indexes alone while the store holds one graph, and as
    rdflib's store and graph do always: with one graph, with a second one (then rdflib's own way), asked for
    another graph, along a property path, after statements are removed."""
    from itertools import product

    from rdflib import Graph, Literal
    from rdflib.paths import MulPath, OneOrMore
    from rdflib.plugins.stores.memory import Memory

    from graph.named_graphs import OneGraph, OneGraphStore

    stores = {"rdflib": Memory(), "ours": OneGraphStore()}
    graphs = {"rdflib": Graph(store=stores["rdflib"], identifier=X.part),
              "ours": OneGraph(store=stores["ours"], identifier=X.part)}
    statements = [(X.a, X.p, X.b), (X.a, X.p, Literal("1")), (X.a, X.q, X.b), (X.b, X.p, X.a), (X.c, X.q, X.c)]
    terms = [None, X.a, X.b, X.c, X.p, X.q, Literal("1"), X.nowhere]

    def answers(name, asked):
        return {pattern: sorted(graphs[name].triples(pattern) if asked is None else
                                (t for t, _ in stores[name].triples(pattern, asked)))
                for pattern in product(terms, repeat=3)}

    def same(asked=None):
        assert answers("rdflib", asked) == answers("ours", asked)
        path = (X.b, MulPath(X.p, OneOrMore), None)
        assert sorted(graphs["rdflib"].triples(path)) == sorted(graphs["ours"].triples(path))

    for name, g in graphs.items():
        for t in statements:
            g.add(t)
    assert stores["ours"]._holds_only(graphs["ours"])
    same()
    assert set(answers("ours", None)[(X.a, X.p, None)]) == {(X.a, X.p, Literal("1")), (X.a, X.p, X.b)}
    for name, g in graphs.items():
        g.remove((X.a, X.p, X.b))
    same()
    for name, store in stores.items():
        Graph(store=store, identifier=X.other).add((X.d, X.p, X.a))
    assert not stores["ours"]._holds_only(graphs["ours"])
    same()
    same(Graph(store=stores["ours"], identifier=X.other))


def test_a_named_graph_s_index_answers_as_the_graph_does():
    """TriG reads each named graph through an index of its own statements: every pattern gives the graph's own
    answers, also for a subject that other graphs describe too (which rdflib's store filters by graph)."""
    from rdflib import Literal, URIRef

    from graph.named_graphs import Indexed

    ds = Dataset()
    shared, p, q = URIRef("urn:x:shared"), URIRef("urn:x:p"), URIRef("urn:x:q")
    for n in range(3):
        g = ds.graph(URIRef(f"urn:x:g{n}"))
        g.add((shared, p, Literal(f"said in {n}")))
        g.add((shared, q, URIRef("urn:x:both")))
        g.add((URIRef(f"urn:x:own{n}"), p, shared))
    g = ds.graph(URIRef("urn:x:g1"))
    view = Indexed(g)
    terms = [None, shared, p, q, URIRef("urn:x:both"), Literal("said in 1"), Literal("said in 2"), URIRef("urn:x:own1")]
    for pattern in ((s, pr, o) for s in terms for pr in terms for o in terms):
        assert sorted(view.triples(pattern)) == sorted(g.triples(pattern)), pattern
    assert len(list(view.triples((None, None, None)))) == 3


def test_a_copied_store_and_its_directly_filed_statements_answer_as_rdflib_s_own():
    """A validation part starts as a copy of the shared statements' store, and its report's statements are filed
    in the copy's indexes directly (copied, add_all): every pattern, the length and the graphs give rdflib's
    answers, then too after a removal and an ordinary add, and the store copied from is left as it was."""
    from itertools import product

    from rdflib import Graph, Literal
    from rdflib.plugins.stores.memory import Memory

    from graph.named_graphs import OneGraph, OneGraphStore, add_all, copied, one_graph

    shared = [(X.a, X.p, X.b), (X.a, X.p, Literal("1")), (X.b, X.q, X.c)]
    own = [(X.a, X.p, X.b), (X.c, X.q, X.c), (X.a, X.q, Literal("1", lang="en")), (X.c, X.p, X.a)]
    base = one_graph(shared)
    part = copied(base)
    add_all(part, own)
    assert isinstance(part.store, OneGraphStore) and part.store is not base.store and isinstance(part, OneGraph)
    plain = Graph(store=Memory(), identifier=part.identifier)
    for t in shared + own:
        plain.add(t)
    terms = [None, X.a, X.b, X.c, X.p, X.q, Literal("1"), Literal("1", lang="en"), X.nowhere]

    def same():
        for pattern in product(terms, repeat=3):
            assert sorted(part.triples(pattern)) == sorted(plain.triples(pattern)), pattern
        assert len(part) == len(plain) and [g.identifier for g in part.store.contexts()] == [part.identifier]

    same()
    assert sorted(base) == sorted(shared) and len(base) == 3  # the copy's statements are its own
    for g in (part, plain):
        g.remove((X.a, X.p, None))
        g.add((X.d, X.q, X.a))
    same()
    assert sorted(base) == sorted(shared)
    add_all(part, [(X.e, X.p, X.a)])  # after a removal and an add, still filed directly, and still the same
    plain.add((X.e, X.p, X.a))
    same()


def test_the_union_of_a_dataset_s_graphs_is_read_where_it_is():
    """The build's union is a view of the Dataset's store, read from its indexes: every pattern, a property path
    and the length give what a copy of every graph's statements gives (a statement two graphs hold counts
    once), and it refuses a change, which would belong to no graph."""
    from itertools import product

    import pytest
    from rdflib import Graph, Literal
    from rdflib.paths import MulPath, OneOrMore

    from rdflib.plugins.stores.memory import Memory

    from graph.named_graphs import Store, Union

    ds = Dataset(store=Store())
    first, second = ds.graph(X.first), ds.graph(X.second)
    for t in [(X.a, X.p, X.b), (X.b, X.p, X.c), (X.a, X.q, Literal("1"))]:
        first.add(t)
    for t in [(X.a, X.p, X.b), (X.c, X.q, X.a), (X.c, X.p, X.d)]:
        second.add(t)
    copy = Graph()
    for g in (first, second):
        for t in g:
            copy.add(t)
    view = Union(ds)
    terms = [None, X.a, X.b, X.c, X.d, X.p, X.q, Literal("1"), X.nowhere]
    for pattern in product(terms, repeat=3):
        assert sorted(view.triples(pattern)) == sorted(copy.triples(pattern)), pattern
    assert len(view) == len(copy) == 5
    path = MulPath(X.p, OneOrMore)
    assert sorted(view.objects(X.a, path)) == sorted(copy.objects(X.a, path)) == [X.b, X.c, X.d]
    second.remove((X.a, X.p, X.b))  # still in the first graph
    assert (X.a, X.p, X.b) in view and len(view) == 5
    for change in (lambda: view.add((X.e, X.p, X.e)), lambda: view.remove((X.a, X.p, X.b)),
                   lambda: view.addN([(X.e, X.p, X.e, first)])):
        with pytest.raises(TypeError, match="read only"):
            change()
    assert len(view) == 5
    # A quoted statement (a formula's) is filed in the indexes but is in no graph's union: then every look-up
    # is rdflib's own answer for the union, which leaves it out.
    ds.store.add((X.f, X.p, X.a), first, quoted=True)
    for pattern in product([*terms, X.f], repeat=3):
        assert sorted(view.triples(pattern)) == sorted(t for t, _ in Memory.triples(ds.store, pattern, None)), pattern
    assert (X.f, X.p, X.a) not in view and len(view) == 5


def test_the_build_s_store_names_each_statement_s_graphs_as_rdflib_s_own():
    """The build's store shares one record of "in this graph" among the statements a graph alone holds: after
    adds to several graphs (a statement in two, one quoted), removals from one graph and from all, and adds
    again, every pattern in every graph, with the graphs each match is in, and every length are rdflib's."""
    import random
    from itertools import product

    from rdflib import Graph, Literal
    from rdflib.plugins.stores.memory import Memory

    from graph.named_graphs import Store

    stores = {"rdflib": Memory(), "ours": Store()}
    names = [X.g1, X.g2, X.g3]
    graphs = {name: {g: Graph(store=store, identifier=g) for g in names} for name, store in stores.items()}
    terms = [X.a, X.b, X.p, Literal("1")]
    statements = [(s, p, o) for s in terms[:2] for p in terms[2:3] for o in terms]
    rng = random.Random(7)
    steps = []
    for _ in range(60):
        kind = rng.choice(["add", "add", "add", "quoted", "remove", "remove all"])
        steps.append((kind, rng.choice(names), rng.choice(statements), rng.choice([None, X.a, X.p])))

    def state(name):
        store = stores[name]
        out = {}
        for asked in [None, *names]:
            context = graphs[name][asked] if asked is not None else None
            for pattern in product([None, X.a, X.b], [None, X.p], [None, X.a, Literal("1")]):
                out[(asked, pattern)] = sorted((t, sorted(str(c.identifier) for c in cs))
                                               for t, cs in store.triples(pattern, context))
            out[(asked, "len")] = store.__len__(context)
        return out

    for step, (kind, g, triple, s) in enumerate(steps):
        for name, store in stores.items():
            graph = graphs[name][g]
            if kind == "add":
                graph.add(triple)
            elif kind == "quoted":
                store.add(triple, graph, quoted=True)
            elif kind == "remove":
                graph.remove((s, None, None))
            else:
                store.remove((s, None, None), None)
        assert state("rdflib") == state("ours"), (step, kind)
