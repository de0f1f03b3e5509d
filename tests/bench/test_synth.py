"""The benchmark's synthetic graphs: the same for a seed, in the project's shape, answered by the library."""

import io

from rdflib import Dataset, Graph

from bench.synth import generate
from graph.model.ontology import load_shapes
from graph.validate import validate


def text(triples: int, seed: int) -> str:
    out = io.StringIO()
    generate(triples, out, seed, ontology=False)
    return out.getvalue()


def test_the_same_seed_gives_the_same_graph_and_another_seed_another():
    assert text(5000, 1) == text(5000, 1)
    assert text(5000, 1) != text(5000, 2)


def test_size_is_about_what_was_asked():
    for size in (5000, 20000):
        assert 0.8 * size <= len(text(size, 1).splitlines()) <= 1.25 * size


def test_it_passes_the_project_shapes():
    """In the project's own shape: the SHACL shapes the build enforces accept it (roles inside their meaning too)."""
    out = io.StringIO()
    generate(2500, out, 3)
    ds = Dataset()
    ds.parse(data=out.getvalue(), format="nquads")
    g = Graph()
    for s, p, o, _ in ds.quads((None, None, None, None)):
        g.add((s, p, o))
    assert [str(v) for v in validate(g, load_shapes())] == []


def test_facts_are_counted_by_their_described_agent():
    """The curators are typed and labelled, as the build describes them, so provenance questions find them."""
    from graph.query import LocalBackend, run_query

    out = io.StringIO()
    generate(2500, out, 3)
    rows = run_query("counts_facts_by_provenance", {}, LocalBackend.of_text(out.getvalue(), quads=True)).rows
    assert [str(r["agent"]) for r in rows] == ["rightsgraph curators"] and int(rows[0]["facts"]) > 100
