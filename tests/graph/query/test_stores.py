"""The Oxigraph store on disk: the same answers as in memory, loaded once, loaded again when the graph changes."""

import shutil

import pytest

from graph.errors import BuildError

from graph.query import LocalBackend, library, run_query, run_text
from tests.graph.query.shared import PARAMS, normalise


def test_every_library_query_answers_the_same_from_the_store_on_disk(built, tmp_path):
    trig = built.written[0].parent / "graph.trig"
    memory, disk = LocalBackend(trig), LocalBackend(trig, store_dir=tmp_path / "store")
    engine = LocalBackend(trig, store_dir=tmp_path / "store")
    engine.kept = None  # the store's own engine, not the tables it keeps (tests/graph/query/test_answers.py)
    for name in sorted(library()):
        a = run_query(name, PARAMS.get(name, {}), memory)
        for b in (run_query(name, PARAMS.get(name, {}), disk), run_query(name, PARAMS.get(name, {}), engine)):
            if a.kind == "graph":
                assert len(a.graph) == len(b.graph) > 0, name
            else:
                assert normalise(a.rows) == normalise(b.rows), name


def test_the_store_is_reused_until_the_graph_file_changes(built, tmp_path):
    trig = tmp_path / "graph.trig"
    shutil.copy(built.written[0].parent / "graph.trig", trig)
    store = tmp_path / "store"
    count = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"
    before = int(run_text(count, {}, LocalBackend(trig, store_dir=store)).rows[0]["n"])
    marker = store / "rightsgraph-source.sha256"
    stamp = marker.stat().st_mtime_ns
    LocalBackend(trig, store_dir=store)
    assert marker.stat().st_mtime_ns == stamp  # not loaded again
    with trig.open("a", encoding="utf-8") as out:
        out.write('\n<https://w3id.org/rightsgraph/id/graph/extra> { <urn:x:a> <urn:x:b> "c" . }\n')
    after = int(run_text(count, {}, LocalBackend(trig, store_dir=store)).rows[0]["n"])
    assert after == before + 1 and not (tmp_path / "store.loading").exists()


def test_a_graph_oxigraph_cannot_load_leaves_no_store_behind(tmp_path):
    broken = tmp_path / "graph.trig"
    broken.write_text("<https://w3id.org/rightsgraph/id/graph/a> { <urn:x:a> <urn:x:b> . }\n", encoding="utf-8")
    with pytest.raises(BuildError, match="oxigraph could not load the graph"):
        LocalBackend(broken, store_dir=tmp_path / "store")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["graph.trig"]  # no store, no half-load, no kept table


def test_every_order_is_total_so_memory_and_a_store_on_disk_agree_row_for_row(tmp_path):
    """Rows that tie on every ORDER BY key come out in the engine's own order, which differs between Oxigraph in
    memory and on disk: a synthetic graph has events on one date with one first sentence. A list's items
    (GROUP_CONCAT) are in the engine's order too; those questions are compared in test_answers, through the
    tables a store keeps."""
    from bench.run import PARAMS as SYNTHETIC
    from bench.synth import write

    path = tmp_path / "synthetic.nq"
    write(path, 10_000)
    memory, engine = LocalBackend(path), LocalBackend(path, store_dir=tmp_path / "store")
    engine.kept = None  # the store's own engine
    compared = 0
    for name, query in sorted(library().items()):
        if "GROUP_CONCAT" in query.text or not query.text.lstrip("#").count("ORDER BY"):
            continue
        a, b = run_query(name, SYNTHETIC.get(name, {}), memory), run_query(name, SYNTHETIC.get(name, {}), engine)
        assert a.rows == b.rows, name
        compared += 1
    assert compared >= 15
