"""The command line: version, bounded options, strict dates, a closed pipe."""

import sys

import pytest

from graph import dates
from rightsgraph import __version__
from rightsgraph.cli import main


def test_version_comes_from_the_distribution(capsys):
    from importlib.metadata import version

    with pytest.raises(SystemExit) as stop:
        main(["--version"])
    assert stop.value.code == 0
    assert capsys.readouterr().out.strip() == f"rightsgraph {version('rightsgraph')}" == f"rightsgraph {__version__}"


@pytest.mark.parametrize("args", [["query", "timeline", "--max-rows", "-1"], ["query", "timeline", "--max-rows", "0"],
                                  ["viz", "--focus", "NSS", "--hops", "9"], ["viz", "--hops", "\u0662"]])
def test_numbers_are_bounded(args, capsys):
    with pytest.raises(SystemExit) as stop:
        main(args)
    assert stop.value.code == 2 and "expected a whole number from" in capsys.readouterr().err


@pytest.mark.parametrize("value", ["2009\n", "\u0662\u0660\u0660\u0669", "2009-\u0661\u0662", "2009-05-01 "])
def test_dates_are_ascii_and_whole(value):
    assert dates.problem(value) is not None


def test_output_into_a_closed_pipe_is_one_line(built, monkeypatch, capsys):
    import io
    import os

    trig = built.written[0].parent / "graph.trig"
    read_end, write_end = os.pipe()
    os.close(read_end)  # the reader has gone away, as `| head` does after its lines
    closed = io.TextIOWrapper(io.FileIO(write_end, "w"), encoding="utf-8")
    monkeypatch.setattr(sys, "stdout", closed)
    assert main(["query", "timeline", "--graph", str(trig), "--format", "csv"]) == 2
    assert capsys.readouterr().err.strip().splitlines() == [
        "rightsgraph: error: stdout: the reader closed the pipe before the output ended"]


@pytest.mark.parametrize("args, message", [
    (["viz", "--from", "2009-13"], "--from 2009-13: not a date: is not a calendar date"),
    (["timeline", "--out", "{tmp}/x.gif"], "the timeline is written as .svg, .png or .pdf"),
    (["timeline", "--graph", "{tmp}/notrdf.ttl"], "notrdf.ttl: not a readable RDF graph"),
    (["query", "{tmp}/latin1.rq"], "latin1.rq:byte 24: not UTF-8 text"),
    (["query", "actor_events", "--param", "actor=http://a%zz/"], "--param actor: not a valid IRI: 'http://a%zz/'"),
    (["query", "actor_events", "--param", "actor=http://[::1"], "not a valid IRI: 'http://[::1'"),
    (["query", "-e", "SELECT * WHERE { }", "--param", "x=http://a%zz/"], "--param x: not a valid IRI"),
    (["query", "-e", "SELECT * WHERE { SERVICE <http://127.0.0.1:9/> { ?s ?p ?o } }"], "federation is off"),
    (["viz", "--out", "{tmp}"], "is a folder; name a file to write"),
    (["build", "--out", "{tmp}/notrdf.ttl", "--no-pictures"], "notrdf.ttl: is a file; --out names the folder"),
    (["sentences", "../../etc/passwd"], "'../../etc/passwd' is outside the corpus folder"),
    (["analyse", "--path", "nazarbaev", "nobody"], "no entity, event or instrument is called 'nobody'"),
])
def test_bad_input_is_one_line(args, message, built, tmp_path, capsys):
    (tmp_path / "notrdf.ttl").write_text("this is <not turtle\n")
    (tmp_path / "latin1.rq").write_bytes("SELECT * WHERE { } # caf\xe9".encode("latin-1"))
    built_file = built.written[0].parent / ("graph.trig" if args[0] == "query" else "graph.ttl")
    takes_graph = args[0] not in ("build", "sentences")
    graph = ["--graph", str(built_file)] if "--graph" not in args and takes_graph else []
    code = main([a.replace("{tmp}", str(tmp_path)) for a in args] + graph)
    err = capsys.readouterr().err.strip().splitlines()
    assert code == 2 and len(err) == 1 and message in err[0], err


def test_timeline_writes_pdf(built, tmp_path):
    out = tmp_path / "t.pdf"
    assert main(["timeline", "--graph", str(built.written[0].parent / "graph.ttl"), "--out", str(out)]) == 0
    assert out.read_bytes().startswith(b"%PDF")


def test_build_uncovered_prints_pasteable_pointers(tmp_path, capsys):
    """Each line is DOC:sN@FINGERPRINT, a pointer the curated files accept as written, then the sentence."""
    import shutil

    from graph.read.pointers import parse_pointer
    from tests.paths import MINI_CORPUS, MINI_DATA

    data = tmp_path / "data"
    shutil.copytree(MINI_DATA, data)
    entities = data / "entities.yaml"
    entities.write_text(entities.read_text(encoding="utf-8").replace(
        "evidence: [vl2013:s1@96e0b548]", "evidence: [vl2013:s2@fc9aaa16]"), encoding="utf-8")
    assert main(["build", "--corpus", str(MINI_CORPUS), "--data", str(data), "--out", str(tmp_path / "out"),
                 "--no-pictures", "--uncovered"]) == 0
    lines = [line for line in capsys.readouterr().out.splitlines() if line.startswith("vl2013:")]
    assert len(lines) == 1
    pointer, text = lines[0].split("\t")
    assert pointer == "vl2013:s1@96e0b548" and parse_pointer(pointer, "test") is not None
    assert text.startswith("Veloria is an invented country")


def test_e_queries_get_the_project_prefixes(built, capsys):
    trig = str(built.written[0].parent / "graph.trig")
    assert main(["query", "--graph", trig, "--format", "csv", "-e",
                 "SELECT (COUNT(*) AS ?n) WHERE { ?e a/rdfs:subClassOf* rg:Ruling }"]) == 0
    assert int(capsys.readouterr().out.splitlines()[1]) > 0
    # a prefix the query declares itself wins over the project's
    assert main(["query", "--graph", trig, "--format", "csv", "-e",
                 "PREFIX rg: <http://example.org/> SELECT (COUNT(*) AS ?n) WHERE { ?e a rg:Raid }"]) == 0
    assert capsys.readouterr().out.splitlines()[1] == "0"
    assert main(["query", "--prefixes"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert "PREFIX rg: <https://w3id.org/rightsgraph/ontology#>" in lines
    assert {line.split()[1] for line in lines} >= {"rg:", "rgd:", "rdfs:", "skos:", "sem:", "prov:", "oa:", "xsd:", "schema:"}


def test_prefixes_keep_the_line_of_a_syntax_error(built, capsys):
    trig = str(built.written[0].parent / "graph.trig")
    assert main(["query", "--graph", trig, "-e", "SELECT ?x WHERE {\n ?x rg:nope }}"]) == 2
    assert capsys.readouterr().err.startswith("rightsgraph: error: -e:2:")


@pytest.mark.parametrize("text, where, line, caret_under, reason", [
    # the predeclared prefixes sit on line 1, yet the column is the user's
    ("SELECT ?x WHERE { ?x ?p ?o . FILTER(?x = ) }", "-e:1:45", "SELECT ?x WHERE { ?x ?p ?o . FILTER(?x = ) }", 44,
     "unexpected end of query"),
    ("SELECT ?x WHERE { ?x ?p \"\u00e9t\u00e9\" .\n OPTIONL { ?x ?p ?d } }", "-e:2:10", " OPTIONL { ?x ?p ?d } }", 9,
     "unexpected '{' (expected OPTIONAL)"),
])
def test_a_syntax_error_shows_the_line_with_a_caret(built, capsys, text, where, line, caret_under, reason):
    """One error line with a short reason, then the user's own line and a caret under the place."""
    trig = str(built.written[0].parent / "graph.trig")
    assert main(["query", "--graph", trig, "-e", text]) == 2
    first, shown, caret = capsys.readouterr().err.splitlines()
    assert first == f"rightsgraph: error: {where}: SPARQL syntax error: {reason}"
    assert "expected one of" not in first
    assert shown == f"  {line}" and caret == "  " + " " * caret_under + "^"


def test_every_option_of_every_command_has_help_text():
    from rightsgraph.cli import parser

    bare = []
    for action in parser()._subparsers._group_actions:
        for name, sub in action.choices.items():
            bare += [f"{name} {a.option_strings or a.dest}" for a in sub._actions if a.dest != "help" and not a.help]
    assert bare == []


@pytest.mark.parametrize("args, written", [
    (["--out", "{tmp}/g.graphml"], ["g.graphml"]),
    (["--format", "csv", "--out", "{tmp}/g.csv"], ["g-edges.csv", "g-nodes.csv"]),
    (["--profile", "sem", "--out", "{tmp}/view.ttl"], ["view.ttl"]),
])
def test_export_out_names_the_file(built, tmp_path, capsys, args, written):
    """--out is the file written, as for every command that writes one file."""
    ttl = str(built.written[0].parent / "graph.ttl")
    assert main(["export", "--graph", ttl, *[a.format(tmp=tmp_path) for a in args]]) == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == written


@pytest.mark.parametrize("out, message", [(".", "is a folder; --out names the file to write"),
                                          ("g.txt", "a graphml export is written to a .graphml file")])
def test_export_refuses_an_out_that_is_not_its_file(built, tmp_path, capsys, out, message):
    ttl = str(built.written[0].parent / "graph.ttl")
    target = tmp_path if out == "." else tmp_path / out
    assert main(["export", "--graph", ttl, "--out", str(target)]) == 2
    assert message in capsys.readouterr().err and not (tmp_path / "g.txt").exists()


def test_a_page_of_rows_says_which_of_how_many(built, capsys):
    trig = str(built.written[0].parent / "graph.trig")
    assert main(["query", "timeline", "--graph", trig, "--format", "csv"]) == 0
    everything = capsys.readouterr().out.splitlines()[1:]
    assert main(["query", "timeline", "--graph", trig, "--format", "csv", "--limit", "5", "--offset", "10"]) == 0
    out = capsys.readouterr()
    assert out.out.splitlines()[1:] == everything[10:15]
    assert out.err.strip() == f"rightsgraph: rows 11-15 of {len(everything)} (--offset 15 for the next page)"


def test_build_keeps_verdicts_in_the_cache_folder_it_is_given(tmp_path, capsys):
    from tests.paths import MINI_CORPUS, MINI_DATA

    args = ["build", "--corpus", str(MINI_CORPUS), "--data", str(MINI_DATA), "--out", str(tmp_path / "out"), "--no-pictures"]
    assert main(args + ["--cache", str(tmp_path / "cache")]) == 0
    assert "validation: 2 of 2 parts validated" in capsys.readouterr().out
    assert main(args + ["--cache", str(tmp_path / "cache")]) == 0
    assert "validation: 0 of 2 parts validated (each report, and the shared graphs once), 2 unchanged" in capsys.readouterr().out
    assert main(args + ["--no-cache"]) == 0
    assert "validation:" not in capsys.readouterr().out


def test_build_jobs_change_nothing_but_the_processes(tmp_path, capsys):
    from tests.paths import MINI_CORPUS, MINI_DATA

    args = ["build", "--corpus", str(MINI_CORPUS), "--data", str(MINI_DATA), "--no-pictures", "--no-cache"]
    assert main(args + ["--out", str(tmp_path / "one"), "--jobs", "1"]) == 0
    assert main(args + ["--out", str(tmp_path / "two"), "--jobs", "2"]) == 0
    for name in ("graph.ttl", "graph.trig", "graph.nt", "graph.jsonld"):
        assert (tmp_path / "one" / name).read_bytes() == (tmp_path / "two" / name).read_bytes()
    capsys.readouterr()
    with pytest.raises(SystemExit) as bad:
        main(args + ["--out", str(tmp_path / "none"), "--jobs", "0"])
    assert bad.value.code == 2 and "--jobs" in capsys.readouterr().err and not (tmp_path / "none").exists()


def test_pictures_and_exports_read_a_store_on_disk_as_the_file(built, tmp_path):
    """--store DIR: the graph loaded once into Oxigraph on disk; the export is the file's, byte for byte."""
    ttl = built.written[0].parent / "graph.ttl"
    plain, stored = tmp_path / "plain.graphml", tmp_path / "stored.graphml"
    assert main(["export", "--graph", str(ttl), "--out", str(plain)]) == 0
    assert main(["export", "--graph", str(ttl), "--store", str(tmp_path / "store"), "--out", str(stored)]) == 0
    assert stored.read_bytes() == plain.read_bytes()
    assert (tmp_path / "store" / "rightsgraph-source.sha256").is_file()
    assert main(["viz", "--graph", str(ttl), "--store", str(tmp_path / "store"), "--focus", "NSS",
                 "--out", str(tmp_path / "nss.html")]) == 0
    assert "National Security Service" in (tmp_path / "nss.html").read_text(encoding="utf-8")
