"""Validation verdicts by content hash: an unchanged report is not validated again, a changed one is."""

import pytest

from bench.corpus import write_corpus
from graph.build import build
from graph.errors import BuildError


@pytest.fixture
def three(tmp_path):
    return write_corpus(tmp_path / "reports", 3)


def counts(result) -> tuple[int, int]:
    return result.verdicts.misses, result.verdicts.hits


@pytest.mark.parametrize("jobs", [1, 2])
def test_a_second_build_validates_only_what_changed(three, tmp_path, jobs):
    """The same in one process and in workers, which look each part up themselves and tell the build."""
    corpus, data = three
    cache = tmp_path / "cache"
    first = build(corpus, data, cache, jobs=jobs)
    assert counts(first) == (4, 0)  # three reports and the shared graphs
    assert len(list((cache / "verdicts").glob("*.json"))) == 4
    again = build(corpus, data, cache, jobs=jobs)
    assert counts(again) == (0, 4)
    assert again.outputs == first.outputs
    events = data / "events" / "veloria-0001.yaml"
    events.write_text(events.read_text(encoding="utf-8").replace(
        "Police detain six Green Road members", "Police hold six Green Road members"), encoding="utf-8")
    changed = build(corpus, data, cache, jobs=jobs)
    assert counts(changed) == (1, 3)
    assert changed.outputs["graph.nt"] != first.outputs["graph.nt"]


def test_a_kept_verdict_still_fails_the_build(three, tmp_path):
    corpus, data = three
    events = data / "events" / "veloria-0001.yaml"
    # Only the shapes catch this: a prospective event with a perpetrator and a victim.
    events.write_text(events.read_text(encoding="utf-8").replace(
        "  place: lirna-0001\n  summary: Police detain", "  status: Prospective\n  place: lirna-0001\n  summary: Police detain", 1),
        encoding="utf-8")
    cache = tmp_path / "cache"
    with pytest.raises(BuildError) as first:
        build(corpus, data, cache)
    assert str(first.value).startswith("SHACL") and "prospective event" in str(first.value)
    with pytest.raises(BuildError) as second:
        build(corpus, data, cache)
    assert str(second.value) == str(first.value)
    assert any((cache / "verdicts").glob("*.json"))


def test_no_cache_validates_everything(three):
    corpus, data = three
    result = build(corpus, data, None)
    assert result.verdicts.folder is None and counts(result) == (0, 0)


def test_a_report_part_does_not_grow_with_other_reports(tmp_path):
    """An actor every report names is borrowed from its one record, not from what every report says of it."""
    from rdflib import URIRef

    from graph.assemble import CURATION_GRAPH, ONTOLOGY_GRAPH, assemble
    from graph.build import load
    from graph.model.namespaces import RGD
    from graph.validate import borrowed

    sizes = []
    for n in (3, 6):
        corpus, data = write_corpus(tmp_path / str(n), n)
        ds = assemble(load(data, corpus))
        graphs = {g.identifier: g for g in ds.graphs() if g.identifier not in (ONTOLOGY_GRAPH, CURATION_GRAPH) and len(g)}
        from rdflib.namespace import RDF

        homes = {s: g for g in graphs.values() for s in g.subjects(RDF.type, None)}
        own = graphs[URIRef(RGD + "graph/veloria-0001")]
        sizes.append(len(borrowed(own, homes)))
        # A worker keeps the records it borrowed for the next part: each part borrows what it would alone.
        records: dict = {}
        for g in sorted(graphs.values(), key=lambda g: g.identifier):
            assert sorted(borrowed(g, homes, records=records)) == sorted(borrowed(g, homes))
        assert records and set(records) <= set(homes)  # only records that have a home
    assert sizes[0] == sizes[1] > 0


def test_a_part_knows_the_class_of_every_record_it_names(three, monkeypatch):
    """The last records a part borrows are borrowed with their types, so that RDFS types nothing a shape can see
    and no part of a build of well-formed reports is judged a second time."""
    from rdflib import Graph, URIRef
    from rdflib.namespace import RDF

    import graph.validate as V
    from graph.assemble import CURATION_GRAPH, ONTOLOGY_GRAPH, assemble
    from graph.build import load
    from graph.model.ontology import load_shapes

    corpus, data = three
    ds = assemble(load(data, corpus))
    shared = [ds.graph(ONTOLOGY_GRAPH), ds.graph(CURATION_GRAPH)]
    graphs = {str(g.identifier): g for g in ds.graphs() if g.identifier not in (ONTOLOGY_GRAPH, CURATION_GRAPH) and len(g)}
    homes = {s: g for g in graphs.values() for s in g.subjects(RDF.type, None)}
    for own in graphs.values():
        part = Graph()
        for g in (*shared, own, V.borrowed(own, homes)):
            for triple in g:
                part.add(triple)
        named = {n for triple in part for n in triple if isinstance(n, URIRef) and n in homes}
        assert all((n, RDF.type, None) in part for n in named)
    decided = []
    seen = V.unseen
    monkeypatch.setattr(V, "unseen", lambda *args: decided.append(seen(*args)) or decided[-1])
    assert V.validate_reports(graphs, shared, load_shapes(), jobs=1) == []
    assert decided == [True] * 5  # the shared statements' entailments (once), the shared graphs' part, the three reports'


def test_a_graph_s_digest_is_that_of_rdflib_s_n_triples_lines(built):
    """The digest of a part's pieces hashes rdflib's N-Triples lines, sorted, each with its line break: made
    without rdflib's writer, it keys a part as before (a cache kept from an earlier build still answers)."""
    import hashlib

    from rdflib import Graph

    from graph.verdicts import graph_digest
    from tests.graph.write.test_serialize import awkward_graph

    def rdflib_digest(g: Graph) -> str:
        h = hashlib.sha256()
        for line in sorted(g.serialize(format="nt", encoding="utf-8").splitlines()):
            h.update(line + b"\n")
        return h.hexdigest()

    graphs = [g for g in built.dataset.graphs() if len(g)] + [awkward_graph(), Graph()]
    for g in graphs:
        assert graph_digest(g) == graph_digest(list(g)) == rdflib_digest(g), g.identifier
    assert len({graph_digest(g) for g in graphs}) == len(graphs)
