"""Look-ups inside one named graph of a Dataset that cost what that graph holds, not what the Dataset holds.

rdflib's default store keeps one index for all the graphs of a Dataset. A
pattern asked of one named graph (every subject with a given predicate) is
answered from that index across every graph and then filtered down to the
graph asked: with a graph per report, each report's look-up grows with the
number of reports, and assembling 300 reports took four times as long as
100. Only a scan of the whole graph is kept per graph, so these scan it,
once per call: a scan costs some microseconds a statement, so a caller with
several predicates asks for them together.
"""

from __future__ import annotations

from rdflib import Graph
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


class Store(Memory):
    """rdflib's default store, which works out the named graphs of a statement it matches only when asked.

    rdflib's store works them out for every statement before handing it
    over, and a graph's look-ups throw them away: validating 50 synthetic
    reports on one core took 5.75 s with it and 5.3 s with this one. It is
    rdflib's own store otherwise (pySHACL and a Dataset need one that keeps
    named graphs); only that one step waits until a caller iterates what it
    returned, as a Dataset's quads do.
    """

    def _Memory__contexts(self, triple):  # the name rdflib's store calls (its private __contexts)
        yield from Memory._Memory__contexts(self, triple)
