"""Parameters cannot inject SPARQL, formats follow the standards, errors are located."""

import csv
import io
import json

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.compare import isomorphic

from graph.errors import BuildError
from graph.query import (LocalBackend, find_query, format_result, inject_values, run_query, run_text,
                          values_block)

HOSTILE = ['"} ; DROP ALL ; #', "x' } DELETE WHERE { ?s ?p ?o } #", 'a\\" } INSERT DATA { <a> <b> <c> }', "line\nbreak", "tail\\\n"]


@pytest.fixture(scope="module")
def backend(built):
    return LocalBackend(built.written[0].parent / "graph.trig")


@pytest.mark.parametrize("value", HOSTILE)
def test_hostile_text_is_bound_as_a_literal(backend, value):
    result = run_text("SELECT ?v (STRLEN(?v) AS ?n) WHERE { }", {"v": value}, backend)
    assert result.records() == [{"v": value, "n": len(value)}]


@pytest.mark.parametrize("value", HOSTILE)
def test_hostile_text_in_values_block_stays_one_literal(backend, value):
    text = inject_values("SELECT ?v WHERE { }", {"v": Literal(value)}, "-e")
    plain = Graph().query(text)  # a second, independent SPARQL engine reads it back
    assert [str(r[0]) for r in plain] == [value]


@pytest.mark.parametrize("value", HOSTILE + ["NSS } ; DROP ALL"])
def test_hostile_entity_parameter_is_refused(backend, value):
    with pytest.raises(BuildError, match="no entity, event or instrument is called"):
        run_query("actor_events", {"actor": value}, backend)


def test_unsafe_iri_never_reaches_values_block():
    with pytest.raises(BuildError, match="not a valid IRI"):
        values_block({"x": URIRef("http://a.org/x> } ; DROP ALL ; <http://b")})


def test_date_and_integer_parameters_are_checked(backend):
    for _ in range(2):  # a date's terms are made once per value: a refusal is not kept as an answer
        with pytest.raises(BuildError, match=r"'2009-05\" }' is not a date"):
            run_query("office_holders", {"date": '2009-05" }'}, backend)
    with pytest.raises(BuildError, match="not a whole number"):
        run_query("neighbourhood", {"entity": "osce", "hops": "2 } ; DROP ALL"}, backend)


def test_missing_and_unknown_parameters(backend):
    with pytest.raises(BuildError, match=r"missing parameter 'actor' \(entity\)"):
        run_query("actor_events", {}, backend)
    with pytest.raises(BuildError, match="unknown parameter 'who'"):
        run_query("actor_events", {"actor": "NSS", "who": "x"}, backend)


def test_ambiguous_name_lists_candidates(tmp_path):
    two = tmp_path / "two.ttl"
    two.write_text("""@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
<https://w3id.org/rightsgraph/id/entity/a> rdfs:label "Same Name"@en .
<https://w3id.org/rightsgraph/id/entity/b> rdfs:label "same name"@en .
""")
    with pytest.raises(BuildError, match=r"'Same name' names 2 things: .*entity/a, .*entity/b"):
        run_query("actor_events", {"actor": "Same name"}, LocalBackend(two))


def test_unknown_query_name_suggests():
    with pytest.raises(BuildError, match="did you mean timeline"):
        find_query("timelin")


@pytest.mark.parametrize("query, param, value, hint", [
    ("actor_events", "actor", "Nazarbayev", "did you mean 'Nazarbaev'"),
    ("actor_events", "actor", "almaty-raidd", "did you mean 'almaty-raid'"),
    ("events_by_right", "right", "freedom of religon", "did you mean 'freedom of religion'?"),
])
def test_an_unknown_name_suggests_the_closest(backend, query, param, value, hint):
    with pytest.raises(BuildError) as err:
        run_query(query, {param: value}, backend)
    assert hint in str(err.value)


def test_a_name_nothing_resembles_gets_no_suggestion(backend):
    with pytest.raises(BuildError) as err:
        run_query("actor_events", {"actor": "xyzzy"}, backend)
    assert "did you mean" not in str(err.value)


def test_syntax_error_has_line_and_column(backend):
    with pytest.raises(BuildError, match=r"^-e:2:\d+: SPARQL syntax error"):
        run_text("SELECT * WHERE {\n  ?s ?p }", {}, backend)


def test_syntax_error_in_a_file(tmp_path, backend):
    bad = tmp_path / "bad.rq"
    bad.write_text("# Question: broken?\n# Returns: nothing\nSELECT * WHERE { ?s ?p ?o \n")
    with pytest.raises(BuildError, match=r"bad.rq:4:1: SPARQL syntax error"):
        run_query(str(bad), {}, backend)


def test_csv_is_readable_by_the_csv_module(backend):
    result = run_query("court_decisions", {}, backend)
    table = list(csv.reader(io.StringIO(format_result(result, "csv"))))
    assert table[0] == result.vars
    assert len(table) == len(result.rows) + 1
    assert any("25 years' imprisonment" in cell for row in table for cell in row)


def test_json_follows_sparql_results_format(backend):
    result = run_query("office_holders", {"date": "2009-05"}, backend)
    doc = json.loads(format_result(result, "json"))
    assert doc["head"]["vars"] == result.vars
    for binding in doc["results"]["bindings"]:
        assert set(binding) <= set(doc["head"]["vars"])
        for value in binding.values():
            assert value["type"] in {"uri", "literal", "bnode"} and isinstance(value["value"], str)
            assert not ("xml:lang" in value and "datatype" in value)
    holders = {b["holder"]["value"] for b in doc["results"]["bindings"]}
    assert "Nursultan Nazarbaev" in holders


def test_tsv_uses_rdf_term_syntax(backend):
    result = run_query("external_identifiers", {}, backend)
    lines = format_result(result, "tsv").splitlines()
    assert lines[0].split("\t") == [f"?{v}" for v in result.vars]
    assert any('"Q232"' in line for line in lines)


def test_tsv_writes_plain_strings_without_a_datatype(backend):
    """STR() gives xsd:string; the TSV format writes it as a simple literal, as SPARQL 1.1 TSV does."""
    text = format_result(run_query("office_holders", {"date": "2009-05"}, backend), "tsv")
    assert "XMLSchema#string" not in text
    assert '\t"2009-02"\t' in text and text.splitlines()[1].startswith('"2009-05"\t')


def test_xml_results_parse_back_to_the_same_rows(backend):
    import pyoxigraph as ox

    result = run_query("court_decisions", {}, backend)
    back = ox.parse_query_results(format_result(result, "xml").encode(), format=ox.QueryResultsFormat.XML)
    assert [v.value for v in back.variables] == result.vars
    assert len(list(back)) == len(result.rows) > 0


def test_construct_round_trips_as_turtle(backend):
    result = run_query("neighbourhood", {"entity": "osce-chairmanship", "hops": "2"}, backend)
    again = Graph().parse(data=format_result(result, "ttl"), format="turtle")
    assert isomorphic(again, result.graph)
    assert len(again) > 50


def test_max_rows_is_reported(backend):
    result = run_query("timeline", {}, backend, max_rows=5)
    assert len(result.rows) == 5 and result.truncated


def test_readme_python_example(built, tmp_path, monkeypatch, root):
    import doctest
    import shutil

    (tmp_path / "out").mkdir()
    shutil.copy(built.written[0].parent / "graph.trig", tmp_path / "out" / "graph.trig")
    monkeypatch.chdir(tmp_path)
    failures, tried = doctest.testfile(str(root / "README.md"), module_relative=False, optionflags=doctest.ELLIPSIS)
    assert tried >= 4 and failures == 0


def test_a_date_parameter_binds_its_first_and_last_day(backend):
    """The calendar rule is graph/dates.py's: February 2008 has 29 days, "2009" ends on 31 December."""
    from pathlib import Path

    from graph.query.library import LibraryQuery, Param
    from graph.query.params import bind_params

    q = LibraryQuery("t", Path("t.rq"), "SELECT ?d ?d_first ?d_last WHERE { }", "q", (Param("d", "date", "h"),), "d")
    for given, first, last in [("2008-02", "2008-02-01", "2008-02-29"), ("2009", "2009-01-01", "2009-12-31"),
                               ("2009-05-17", "2009-05-17", "2009-05-17")]:
        row = run_text(q.text, bind_params(q, {"d": given}, backend), backend).rows[0]
        assert (str(row["d"]), str(row["d_first"]), str(row["d_last"])) == (given, first, last)


def test_every_dated_event_has_plain_date_bounds(graph):
    from graph.model.terms import RG

    dated = set(graph.subjects(RG.date, None)) | set(graph.subjects(RG.startDate, None))
    assert dated
    for event in dated:
        first, last = graph.value(event, RG.earliestDate), graph.value(event, RG.latestDate)
        assert first is not None and last is not None, event
        assert first.datatype == last.datatype == URIRef("http://www.w3.org/2001/XMLSchema#date")
        assert first.toPython() <= last.toPython()


def test_a_period_matches_an_event_on_its_last_day_only(backend):
    """An event dated 2009-03 overlaps a period that ends on 1 March and not one that ends on 28 February."""
    hits = run_query("events_in_period", {"from": "2009-02-20", "to": "2009-03-01"}, backend).rows
    before = run_query("events_in_period", {"from": "2009-02-20", "to": "2009-02-28"}, backend).rows
    march = {str(r["event"]) for r in hits if str(r["date"]) == "2009-03"}
    assert march and not {str(r["event"]) for r in before} & march
