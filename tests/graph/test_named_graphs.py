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
