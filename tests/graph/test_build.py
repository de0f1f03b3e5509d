"""The build end to end: the CLI, determinism, and failing cleanly on bad input."""

import os
import subprocess
import sys

import pytest

from graph.build import build, summary
from rightsgraph.pipeline import build as build_and_write
from graph.errors import BuildError
from tests.paths import ROOT


def run(*args, seed="0", cwd=ROOT):
    env = {**os.environ, "PYTHONHASHSEED": seed}
    return subprocess.run([sys.executable, *args], cwd=cwd, env=env, capture_output=True, text=True, timeout=300)


def test_two_builds_are_byte_identical(tmp_path):
    first, second = tmp_path / "a", tmp_path / "b"
    assert run("build_graph.py", "--out", str(first), seed="1").returncode == 0
    assert run("-m", "rightsgraph.cli", "build", "--out", str(second), seed="2").returncode == 0
    names = sorted(p.name for p in first.iterdir() if p.name != "network.png")  # a browser's pixels, not ours
    assert names == ["graph.jsonld", "graph.nt", "graph.trig", "graph.ttl", "network.html", "timeline.svg"]
    for name in names:
        assert (first / name).read_bytes() == (second / name).read_bytes(), name


def test_summary_reports_counts(built):
    """"No fact without a source" is the SHACL shape's to enforce (tests/graph/test_validate.py breaks it)."""
    text = summary(built)
    events = len(built.curation.events)
    assert f"Event {events}" in text
    in_2009 = sum(1 for e in built.curation.events.values() if (e.date or e.start or "").startswith("2009"))
    assert f"2009 {in_2009}" in text


def test_summary_and_the_provenance_query_count_the_same_facts(built):
    """The same thing gets the same number, in the build summary and in counts_facts_by_provenance."""
    import re

    from graph.query import LocalBackend, run_query

    backend = LocalBackend(built.written[0].parent / "graph.trig")
    counted = {r["agent"].value: int(r["facts"]) for r in run_query("counts_facts_by_provenance", {}, backend).rows}
    curated, read = map(int, re.search(r"provenance: (\d+) facts by the curators, (\d+) found by the corpus reader",
                                       summary(built)).groups())
    assert (curated, read) == (counted["rightsgraph curators"], counted["rightsgraph corpus reader"])


def test_bad_input_is_one_line_nonzero_and_writes_nothing(tmp_path, data_copy):
    events = data_copy / "events" / "kazakhstan-annual-report-2010.yaml"
    events.write_text(events.read_text().replace("type: Raid\n", "type: Riad\n", 1))
    out = tmp_path / "out"
    result = run("build_graph.py", "--data", str(data_copy), "--out", str(out))
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "unknown event type 'Riad'" in lines[0] and "kazakhstan-annual-report-2010.yaml:" in lines[0]
    assert not out.exists()


def test_failed_build_keeps_previous_outputs(tmp_path, data_copy, corpus):
    """The failure comes from the last check, after the graph was assembled and validated."""
    out = tmp_path / "out"
    build_and_write(corpus=corpus, data_dir=data_copy, out_dir=out)
    before = {p.name: p.read_bytes() for p in out.iterdir()}
    events = data_copy / "events" / "kazakhstan-annual-report-2010.yaml"
    events.write_text(events.read_text().replace("summary: ", "summary: Changed. ", 1))  # new outputs...
    sources = data_copy / "sources.yaml"
    sources.write_text(sources.read_text().replace("events: 45", "events: 500"))  # ...that the last check refuses
    with pytest.raises(BuildError, match="expected at least 500 events"):
        build_and_write(corpus=corpus, data_dir=data_copy, out_dir=out)
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before


def test_missing_corpus_via_cli(tmp_path):
    result = run("build_graph.py", "--corpus", str(tmp_path / "none"), "--out", str(tmp_path / "out"))
    assert result.returncode == 2
    assert result.stderr.strip() == f"rightsgraph: error: {tmp_path / 'none'}: corpus folder not found (pass --corpus DIR)"


def test_unmet_source_assertion(data_copy, corpus):
    sources = data_copy / "sources.yaml"
    sources.write_text(sources.read_text().replace("events: 45", "events: 500"))
    with pytest.raises(BuildError, match=r"sources.yaml:\d+: 'kz2010': expected at least 500 events, found \d+ in kazakhstan-annual-report-2010.txt"):
        build(corpus=corpus, data_dir=data_copy)


def test_sentences_command_prints_pointers():
    result = run("-m", "rightsgraph.cli", "sentences", "kazakhstan-annual-report-2010.txt")
    assert result.returncode == 0
    assert "kz2010:s23@246c246b\ttext\tIn September" in result.stdout  # pasteable into data/ as it is


def test_sentences_takes_a_path_into_the_corpus_too(corpus):
    """A path to the report (as a shell completes it) gives the same listing as its name; outside the corpus stays refused."""
    by_name = run("-m", "rightsgraph.cli", "sentences", "kazakhstan-annual-report-2010.txt")
    by_path = run("-m", "rightsgraph.cli", "sentences", str(corpus / "kazakhstan-annual-report-2010.txt"))
    assert by_path.returncode == 0 and by_path.stdout == by_name.stdout
    outside = run("-m", "rightsgraph.cli", "sentences", "/etc/hostname")
    assert outside.returncode == 2 and "is outside the corpus folder" in outside.stderr and "--corpus FOLDER" in outside.stderr


def test_line_separators_and_controls_in_labels_read_back(tmp_path, data_copy, corpus):
    """U+2028, U+2029, \\v, \\f, \\x1c-\\x1e and \\x85 once split N-Triples lines and broke graph.nt and graph.trig."""
    import pyoxigraph as ox

    entities = data_copy / "entities.yaml"
    text = entities.read_text()
    assert "comment: The UN agency for refugees." in text
    entities.write_text(text.replace("comment: The UN agency for refugees.",
                                     'comment: "The UN agency\\u2028for\\u2029re\\vfu\\fgees\\x1c\\x1d\\x1e\\x85."'))
    out = tmp_path / "out"
    build_and_write(corpus=corpus, data_dir=data_copy, out_dir=out)
    expected = "The UN agency\u2028for\u2029re\vfu\fgees\x1c\x1d\x1e\x85."
    for name, fmt in (("graph.nt", ox.RdfFormat.N_TRIPLES), ("graph.trig", ox.RdfFormat.TRIG),
                      ("graph.ttl", ox.RdfFormat.TURTLE), ("graph.jsonld", ox.RdfFormat.JSON_LD)):
        store = ox.Store()
        store.load(path=str(out / name), format=fmt)
        comments = {q.object.value for q in store if q.predicate.value.endswith("#comment")}
        assert expected in comments, name


def test_an_output_that_does_not_read_back_stops_the_build():
    from graph.write import readback

    with pytest.raises(BuildError, match="graph.nt: the written file does not read back"):
        readback.check("graph.nt", '<http://a> <http://b> "broken\n" .\n')
    with pytest.raises(BuildError, match="reads back as 1 statements, not the 2 written"):
        readback.check("graph.nt", "<http://a> <http://b> <http://c> .\n", 2)
    with pytest.raises(BuildError, match="timeline.svg: the written XML is not well-formed"):
        readback.check("timeline.svg", "<svg><text>\x1c</text></svg>")
    with pytest.raises(BuildError, match="graph.ttl: the written file does not read back"):  # past good lines
        readback.check("graph.ttl", "<http://a> <http://b> <http://c> .\n" * 3 + "<http://a> <http://b> .\n", 4)
    with pytest.raises(BuildError, match="reads back as 2 statements, not the 1 written"):  # a writer's repeat
        readback.check("graph.nt", "<http://a> <http://b> <http://c> .\n" * 2, 1)
    xsd = "http://www.w3.org/2001/XMLSchema#"  # the same value under two datatypes: two statements, as written
    readback.check("graph.nt", f'<http://a> <http://b> "1"^^<{xsd}integer> .\n'
                               f'<http://a> <http://b> "1"^^<{xsd}nonNegativeInteger> .\n', 2)
    # A writer's text is read back as the bytes that are written: the same verdicts; a lone surrogate is refused.
    with pytest.raises(BuildError, match="graph.nt: the written file does not read back"):
        readback.check("graph.nt", '<http://a> <http://b> "broken\n" .\n'.encode("utf-8"))
    with pytest.raises(BuildError, match="reads back as 1 statements, not the 2 written"):
        readback.check("graph.nt", "<http://a> <http://b> <http://c> .\n".encode("utf-8"), 2)
    readback.check("graph.ttl", '<http://a> <http://b> "Нұр" .\n'.encode("utf-8"), 1)
    # The build's JSON-LD is read node by node, in the streaming form its writer keeps; other JSON-LD whole.
    node = '{"@context": {"x": "urn:x:"}, "@graph": [{"@id": "x:a", "@type": ["x:C"]}]}'
    readback.check("graph.jsonld", node, 1)
    with pytest.raises(BuildError, match="^graph.jsonld: the written file does not read back: @type must be"):
        readback.check("graph.jsonld", node, 1, streaming=True)
    readback.check("graph.jsonld", node.replace('"@id": "x:a", "@type": ["x:C"]', '"@type": ["x:C"], "@id": "x:a"'),
                   1, streaming=True)
    with pytest.raises(BuildError, match="^graph.nt: cannot be written as UTF-8: surrogates not allowed at character 23$"):
        readback.utf8("graph.nt", '<http://a> <http://b> "\ud800" .\n')


def test_coverage_counts_text_sentences_that_curated_facts_point_at(mini, tmp_path):
    """The fixture's nine text sentences are all pointed at; take one record's only pointer away and it shows."""
    import shutil

    from graph.build import build, coverage_line, uncovered
    from tests.paths import MINI_CORPUS, MINI_DATA

    assert uncovered(mini) == []
    assert coverage_line(mini).startswith("coverage: 9 of 9 report sentences (100%)")
    data = tmp_path / "data"
    shutil.copytree(MINI_DATA, data)
    events = data / "events" / "veloria-2013.yaml"
    text = events.read_text(encoding="utf-8")
    # the UN finding is the only fact on sentence 9 besides the WGAD entity and its opinion: drop all three pointers
    for path in (events, data / "entities.yaml", data / "instruments.yaml"):
        path.write_text(path.read_text(encoding="utf-8").replace("vl2013:s9@9683435b", "vl2013:s8@52dbcf07"),
                        encoding="utf-8")
    assert "vl2013:s9@" not in text.replace("vl2013:s9@9683435b", "")
    result = build(MINI_CORPUS, data)
    assert [(doc, s.index) for doc, s in uncovered(result)] == [("vl2013", 9)]
    assert "8 of 9 report sentences (89%)" in coverage_line(result)


@pytest.mark.parametrize("jobs", [1, 2])
def test_an_output_is_read_back_where_it_was_written_and_stops_the_build(monkeypatch, jobs):
    """The four outputs are read back by the workers that wrote them: a writer's broken text is still the
    one-line error of one process, and nothing is returned."""
    from graph import build as build_module
    from tests.paths import MINI_CORPUS, MINI_DATA

    monkeypatch.setitem(build_module.WRITERS, "graph.nt", lambda graph: '<http://a> <http://b> "broken\n" .\n')
    with pytest.raises(BuildError, match="^graph.nt: the written file does not read back"):
        build_module.build(MINI_CORPUS, MINI_DATA, None, jobs)


@pytest.mark.parametrize("jobs", [1, 2])
def test_a_build_keeps_its_outputs_on_disk_until_it_goes_and_a_failed_one_keeps_none(monkeypatch, tmp_path, jobs):
    """The four serialisations are kept in a folder of the build's own (not in memory, nor sent through a pipe):
    each reads back as the text its writer made, the folder goes when the build's result does, and a build
    that fails leaves none behind."""
    import gc
    import tempfile

    from graph import build as build_module
    from graph.write.serialize import ntriples
    from tests.paths import MINI_CORPUS, MINI_DATA

    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    result = build_module.build(MINI_CORPUS, MINI_DATA, None, jobs)
    kept = result.outputs.file("graph.nt")
    assert kept.parent.parent == tmp_path and result.outputs["graph.nt"] == ntriples(result.graph)
    assert sorted(result.outputs) == ["graph.jsonld", "graph.nt", "graph.trig", "graph.ttl"]
    del result
    gc.collect()
    assert list(tmp_path.iterdir()) == []
    monkeypatch.setitem(build_module.WRITERS, "graph.ttl", lambda graph: "<broken")
    with pytest.raises(BuildError):
        build_module.build(MINI_CORPUS, MINI_DATA, None, jobs)
    gc.collect()
    assert list(tmp_path.iterdir()) == []


def test_a_writer_runs_with_the_collector_paused_in_its_worker(monkeypatch, tmp_path):
    """A writer, which makes millions of objects and no cycles, runs with the collector paused, in a worker (which
    collects after each piece) as in the build's own process."""
    import gc

    from rdflib import Graph, Literal, URIRef

    from graph import build as build_module
    from graph.parallel import side_by_side
    from graph.write.serialize import ntriples

    g = Graph()
    g.add((URIRef("urn:x:a"), URIRef("urn:x:b"), Literal("c")))
    monkeypatch.setitem(build_module.WRITERS, "graph.nt", lambda graph: "" if gc.isenabled() else ntriples(graph))
    answers = side_by_side(build_module._write, (g, None, len(g), 0, tmp_path), ["graph.nt", "graph.nt"], jobs=2)
    assert [kept.read_text(encoding="utf-8") for kept, _, _ in answers] == [ntriples(g)] * 2
