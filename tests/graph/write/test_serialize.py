"""Every output format carries the same graph, and the writers are deterministic."""

import csv
import io
import json

import pytest

from rdflib import Dataset, Graph, Namespace, URIRef
from rdflib.compare import isomorphic

from graph.write.serialize import jsonld, ntriples, write_atomic


def test_all_formats_hold_the_same_graph(built):
    out = built.written[0].parent
    turtle = Graph().parse(out / "graph.ttl", format="turtle")
    assert isomorphic(turtle, built.graph)
    assert isomorphic(Graph().parse(out / "graph.nt", format="nt"), turtle)
    assert isomorphic(Graph().parse(out / "graph.jsonld", format="json-ld"), turtle)
    ds = Dataset()
    ds.parse(out / "graph.trig", format="trig")
    merged = Graph()
    for s, p, o, _ in ds.quads((None, None, None, None)):
        merged.add((s, p, o))
    assert isomorphic(merged, turtle)


def test_trig_has_one_graph_per_source_plus_ontology(built):
    ds = Dataset()
    ds.parse(built.written[0].parent / "graph.trig", format="trig")
    names = {str(g.identifier) for g in ds.graphs() if len(g)}
    assert "https://w3id.org/rightsgraph/id/graph/kazakhstan-annual-report-2010" in names
    assert "https://w3id.org/rightsgraph/id/graph/ontology" in names
    ontology = ds.graph("https://w3id.org/rightsgraph/id/graph/ontology")
    assert (None, None, None) in ontology and len(ontology) > 500


def test_jsonld_is_sorted_and_uses_prefixes(built):
    doc = json.loads(built.outputs["graph.jsonld"])
    ids = [n["@id"] for n in doc["@graph"]]
    assert doc["@context"]["rg"] == "https://w3id.org/rightsgraph/ontology#"
    assert "rgd:event/almaty-raid" in ids
    assert len(ids) == len(set(ids))


def test_jsonld_is_laid_out_as_json_lays_it_out(built):
    """graph.jsonld is written without json's slow indenting encoder, in its layout to the byte: the corpus, and
    literals a quoting slip would break (quotes, backslashes, line and paragraph separators, controls, non-ASCII)."""
    from rdflib import Literal

    from graph.write.serialize import _indented

    def json_own(text):
        return json.dumps(json.loads(text), indent=1, ensure_ascii=False) + "\n"

    assert built.outputs["graph.jsonld"] == json_own(built.outputs["graph.jsonld"])
    g = Graph()
    for k, text in enumerate(['say "no"', "back\\slash", "two\nlines\u2028\u2029", "tab\tbell\x07\x1f",
                              "Нұрсұлтан – «ÿ» 😀", ""]):
        g.add((URIRef(f"urn:x:s{k}"), URIRef("urn:x:p"), Literal(text, lang="kk" if k % 2 else None)))
        g.add((URIRef(f"urn:x:s{k}"), URIRef("urn:x:p"), URIRef(f"urn:x:o{k}")))
    from rdflib.namespace import RDF, XSD

    g.add((URIRef("urn:x:s0"), RDF.type, URIRef("urn:x:B")))
    g.add((URIRef("urn:x:s0"), RDF.type, URIRef("urn:x:A")))
    g.add((URIRef("urn:x:s1"), URIRef("urn:x:p"), Literal("2009", datatype=XSD.gYear)))
    g.add((URIRef("urn:x:s1"), URIRef("urn:x:p"), Literal("2009", lang="en")))
    written = jsonld(g)
    assert written == json_own(written) and jsonld(Graph()) == json_own(jsonld(Graph()))
    # In the Streaming JSON-LD document form (types before a node's @id and a value's): read so node by node,
    # the same statements as read whole.
    import pyoxigraph as ox

    def read(form):
        return sorted(str(t) for t in ox.parse(written.encode("utf-8"), format=form))

    assert read(ox.RdfFormat.STREAMING_JSON_LD) == read(ox.RdfFormat.JSON_LD) and len(read(ox.RdfFormat.JSON_LD)) == len(g)
    nodes = {n["@id"]: n for n in json.loads(written)["@graph"]}
    assert nodes["urn:x:s0"]["@type"] == ["urn:x:A", "urn:x:B"]
    values = nodes["urn:x:s1"]["urn:x:p"]
    assert len(values) == 4 and values == sorted(values, key=lambda v: json.dumps(v, sort_keys=True, ensure_ascii=False))
    assert {str(o) for o in Graph().parse(data=written, format="json-ld").objects()} == {str(o) for o in g.objects()}
    for value in ({}, [], {"a": []}, [{}], {"k": {"q": ["x", {"y": "z"}]}}):
        out = []
        _indented(value, "", out)
        assert "".join(out) == json.dumps(value, indent=1, ensure_ascii=False)
    with pytest.raises(TypeError):
        _indented({"n": 1}, "", [])


def test_jsonld_shortens_an_iri_unless_its_local_part_would_begin_a_path_segment():
    """rg: and rgd: share a stem, not a namespace, and each shortens its own IRIs; an IRI whose local part would
    begin a path segment (rgd: plus "/x") is not shortened, and an IRI under no namespace is written whole."""
    from graph.model.namespaces import RG, RGD
    from graph.write.serialize import _compact

    assert _compact(RG.Event) == "rg:Event"
    assert _compact(URIRef(RGD + "event/a")) == "rgd:event/a"
    assert _compact(URIRef(RGD + "/x")) == RGD + "/x"
    assert _compact(URIRef("http://purl.org/dc/terms/source")) == "dcterms:source"
    assert _compact(URIRef("urn:x:y")) == "urn:x:y"


def test_ntriples_sorted_unique(built):
    lines = built.outputs["graph.nt"].splitlines()
    assert lines == sorted(set(lines))


def test_same_graph_built_in_another_order_serialises_identically(graph):
    shuffled = Graph()
    for t in sorted(graph, key=lambda t: str(t[1]) + str(t[2]), reverse=True):
        shuffled.add(t)
    assert jsonld(shuffled) == jsonld(graph)
    assert ntriples(shuffled) == ntriples(graph)


def test_write_atomic_leaves_no_temporary_file(tmp_path):
    target = tmp_path / "x" / "a.txt"
    write_atomic(target, "one")
    write_atomic(target, "two")
    assert target.read_text() == "two"
    assert sorted(p.name for p in target.parent.iterdir()) == ["a.txt"]


@pytest.mark.parametrize("value", ["=HYPERLINK(\"http://x\")", "+1+1", "-2+3", "@SUM(A1)", "\tx", "\rx"])
def test_csv_cells_never_start_a_formula(value):
    from graph.write.serialize import csv_rows

    text = csv_rows(["label"], [[value], [7], [-3]])
    rows = list(csv.reader(io.StringIO(text)))
    assert rows[1] == ["'" + value] and rows[2] == ["7"] and rows[3] == ["-3"]


def test_query_csv_neutralises_formulas():
    from rdflib import Literal

    from graph.query import Result, format_result

    text = format_result(Result("select", vars=["a"], rows=[{"a": Literal("=cmd|' /C calc'!A0")}]), "csv")
    assert text.splitlines()[1] == "'=cmd|' /C calc'!A0"


def test_a_placeholder_inside_data_is_inserted_as_data():
    from graph.write.serialize import embed_json, fill_template

    page = fill_template("<script>/*DATA*/</script><script>/*VIS*/</script>",
                         {"DATA": embed_json({"label": "a /*VIS*/ b"}), "VIS": "vis();"})
    assert page == '<script>{"label": "a /*VIS*/ b"}</script><script>vis();</script>'


def rdflib_turtle(graph, **bound):
    """rdflib's own Turtle writer, on a fresh copy of the graph with the project's prefixes (and those bound)."""
    from graph.model.namespaces import bind_prefixes

    copy = Graph()
    for triple in graph:
        copy.add(triple)
    for prefix, namespace in bound.items():
        copy.bind(prefix, namespace)
    bind_prefixes(copy)
    return copy.serialize(format="turtle")


def test_turtle_is_rdflibs_turtle_byte_for_byte(graph, tmp_path):
    """The shortcut for the project's own IRIs changes the time, never a byte: corpus and four synthetic reports."""
    from bench.corpus import write_corpus
    from graph.build import build
    from graph.write.serialize import turtle

    corpus, data = write_corpus(tmp_path / "reports", 4)
    synthetic = build(corpus, data, None, jobs=1).graph
    for g in (graph, synthetic):
        assert turtle(g) == rdflib_turtle(g)


def test_each_trig_block_is_rdflibs_turtle_of_that_graph_alone(built, tmp_path):
    """trig() writes each named graph where it is, without copying it into a graph of its own: every block is still
    rdflib's Turtle of that graph alone, byte for byte (corpus and four synthetic reports)."""
    from bench.corpus import write_corpus
    from graph.build import build
    from graph.write.serialize import trig

    corpus, data = write_corpus(tmp_path / "reports", 4)
    for ds in (built.dataset, build(corpus, data, None, jobs=1).dataset):
        text = trig(ds)
        graphs = sorted((g for g in ds.graphs() if len(g)), key=lambda g: str(g.identifier))
        assert len(graphs) > 2
        for g in graphs:
            alone = "\n".join(line for line in rdflib_turtle(g).split("\n") if not line.startswith("@prefix")).strip("\n")
            assert f"<{g.identifier}> {{\n{alone}\n}}\n" in text, g.identifier


def test_turtle_leaves_a_graph_with_prefixes_below_rgd_to_rdflib():
    """An rgd: predicate makes rdflib bind a prefix below rgd:, and a bound one shortens IRIs: the shortcut stands aside."""
    from rdflib import Literal, URIRef

    from graph.model.namespaces import RGD
    from graph.write.serialize import turtle

    g = Graph()
    g.add((URIRef(RGD + "event/a"), URIRef(RGD + "vocab/p"), URIRef(RGD + "vocab/b")))
    assert turtle(g) == rdflib_turtle(g) and "<https://w3id.org/rightsgraph/id/vocab/p>" not in turtle(g)
    h = Graph()
    h.add((URIRef(RGD + "event/a"), URIRef("urn:x:p"), Literal("x")))
    h.bind("ev", RGD + "event/")
    assert turtle(h) == rdflib_turtle(h, ev=RGD + "event/") and "ev:a" in turtle(h)


def test_an_iri_that_gains_a_prefix_while_writing_is_written_as_rdflib_writes_it():
    """Turtle answers each IRI's prefixed name once, until a namespace comes into use: an IRI of an unbound
    namespace seen first as an object, then as a predicate (for which rdflib makes a prefix up)."""
    from rdflib import Literal, URIRef

    from graph.write.serialize import turtle

    g = Graph()
    for k in range(20):  # whichever order rdflib meets them in, some object comes before the predicate
        g.add((URIRef(f"urn:x:s{k}"), URIRef("http://purl.org/dc/terms/relation"), URIRef("http://example.org/v/q")))
    g.add((URIRef("urn:x:t"), URIRef("http://example.org/v/q"), Literal("v")))
    text = turtle(g)
    assert text == rdflib_turtle(g)
    assert "ns1:q" in text and "<http://example.org/v/q>" not in text


AWKWARD = Namespace("https://w3id.org/rightsgraph/id/event/")
OWN = Namespace("https://w3id.org/rightsgraph/ontology#")  # rg: as bound, with terms of the tests' own


def awkward_graph() -> Graph:
    """Every kind of term a graph may hold: literals with quotes, line breaks, backslashes and non-ASCII text,
    language tags, datatypes written plain or prefixed or whole, IRIs no prefixed name can hold, an rdfs:Class
    member, shared objects and subjects pointed at more or less often, a predicate of an unbound namespace."""
    from rdflib import Literal
    from rdflib.namespace import RDF, RDFS, XSD

    X, RG = AWKWARD, OWN
    g = Graph()
    values = [Literal('say "no"'), Literal("two\nlines"), Literal('three """ quotes'), Literal("back\\slash"),
              Literal("tab\tcr\rseparator\u2028end"), Literal("Назарбаев", lang="ru"), Literal("label", lang="en"),
              Literal("7", datatype=XSD.integer),
              Literal(True), Literal("1.50", datatype=XSD.decimal), Literal("2.5e3", datatype=XSD.double),
              Literal("2009-05", datatype=XSD.gYearMonth), Literal("x", datatype=URIRef("urn:dt:own")),
              Literal("y", datatype=URIRef("http://example.org/types/t")), URIRef("urn:x:plain"),
              URIRef(RG + "with(paren)"), URIRef(RG + "ends."), URIRef(RG + "per%cent"), X.b, X.c]
    for n, value in enumerate(values):
        g.add((X[f"e{n % 4}"], RG.says, value))
        g.add((X[f"e{n % 3}"], RDFS.label, Literal(f"event {n}", lang="en")))
    g.add((RG.Kind, RDF.type, RDFS.Class))
    g.add((RG.Kind, RDFS.label, Literal("kind", lang="en")))
    g.add((X.e1, RDF.type, RG.Kind))
    for k in range(3):
        g.add((X[f"e{k}"], RG.next, X.e3))
    g.add((X.e3, RG.next, X.e0))
    g.add((X.e2, URIRef("http://example.org/unbound/p"), X.e1))  # a predicate rdflib makes a prefix up for
    return g


def test_turtle_in_one_pass_is_rdflibs_turtle_for_awkward_terms_and_stands_aside_where_it_must():
    """The one-pass Turtle writer gives rdflib's bytes for every kind of term (awkward_graph). It leaves to
    rdflib a graph with a blank node, a list or a base."""
    from rdflib import BNode, Literal
    from rdflib.collection import Collection

    from graph.write.serialize import _Turtle, turtle

    X, RG = AWKWARD, OWN
    g = awkward_graph()
    assert turtle(g) == rdflib_turtle(g)
    assert _Turtle(g).flat() is not None  # written in one pass, not by rdflib
    plain = Graph()  # a datatype written nowhere (7 is written plain) still has its prefix written, as rdflib does
    plain.add((X.e0, RG.total, Literal(7)))
    assert turtle(plain) == rdflib_turtle(plain) and "@prefix xsd:" in turtle(plain)

    nested = Graph()
    nested.add((X.e0, RG.at, BNode()))
    listed = Graph()
    Collection(listed, X.list, [X.e0])
    based = Graph(base="https://w3id.org/rightsgraph/id/")
    based.add((X.e0, RG.says, Literal("x")))
    for other in (nested, listed, based):
        assert _Turtle(other).flat() is None
    assert turtle(listed) == rdflib_turtle(listed)


def test_ntriples_are_rdflibs_lines_sorted():
    from graph.write.serialize import ntriples

    g = awkward_graph()
    lines = {line for line in g.serialize(format="nt").split("\n") if line}
    assert ntriples(g) == "\n".join(sorted(lines)) + "\n" and len(lines) == len(g)


def test_outputs_kept_on_disk_read_back_as_written_and_go_with_the_mapping(tmp_path):
    """A build keeps each serialisation in a file of a folder of its own until it is asked for: the text comes
    back character for character (a carriage return and non-ASCII text too, where reading as text would turn
    line endings), a text set in memory stays as it is, writing copies the kept bytes, and the folder goes
    when the mapping does."""
    import gc

    from graph.write.serialize import Outputs, write_all

    folder = tmp_path / "kept"
    folder.mkdir()
    text = 'a "Нұр" line\r\nand a lone \r and \u2028 end\n'
    (folder / "graph.nt").write_bytes(text.encode("utf-8"))
    outputs = Outputs(folder)
    outputs.keep("graph.nt", folder / "graph.nt")
    outputs["network.html"] = "<p>drawn</p>\r\n"
    assert outputs["graph.nt"] == text and dict(outputs) == {"graph.nt": text, "network.html": "<p>drawn</p>\r\n"}
    assert outputs.file("graph.nt") == folder / "graph.nt" and outputs.file("network.html") is None
    out = tmp_path / "out"
    write_all(outputs, out)
    assert (out / "graph.nt").read_bytes() == text.encode("utf-8")
    assert (out / "network.html").read_bytes() == b"<p>drawn</p>\r\n"
    del outputs["network.html"]
    assert list(outputs) == ["graph.nt"] and len(outputs) == 1
    del outputs
    gc.collect()
    assert not folder.exists()


def test_a_build_s_outputs_folder_sweeps_those_of_builds_whose_process_is_gone(tmp_path, monkeypatch):
    """A killed build cannot remove the folder it kept its outputs in: the next build removes every such folder
    whose process is gone, and leaves a running process's (its own, or another build's) alone."""
    import os
    import subprocess
    import sys
    import tempfile

    from graph.write.serialize import OUTPUTS_PREFIX, outputs_folder

    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    gone = subprocess.Popen([sys.executable, "-c", "pass"])
    gone.wait()
    stale = tmp_path / f"{OUTPUTS_PREFIX}{gone.pid}-x1"
    running = tmp_path / f"{OUTPUTS_PREFIX}{os.getppid()}-x2"
    other = tmp_path / "rightsgraph-other"
    for folder in (stale, running, other):
        folder.mkdir()
        (folder / "graph.nt").write_text("kept")
    fresh = outputs_folder()
    assert fresh.parent == tmp_path and fresh.name.startswith(f"{OUTPUTS_PREFIX}{os.getpid()}-")
    assert not stale.exists() and running.exists() and other.exists()
