"""Answers as rdflib terms: each term converted once, and never mistaken for one that looks like it."""

from rdflib import Literal, URIRef
from rdflib.namespace import XSD

import graph.query.results
from graph.query import LocalBackend, run_text


def test_terms_that_look_alike_stay_apart_and_columns_keep_their_names(tmp_path):
    nt = tmp_path / "g.nt"
    nt.write_text('<urn:x:a> <urn:x:p> "1" .\n<urn:x:b> <urn:x:p> "1"^^<http://www.w3.org/2001/XMLSchema#integer> .\n'
                  '<urn:x:c> <urn:x:p> "1"@en .\n<urn:x:d> <urn:x:p> <urn:x:1> .\n<urn:x:e> <urn:x:p> "1" .\n',
                  encoding="utf-8")
    backend = LocalBackend(nt)
    answer = run_text("SELECT ?o ?none ?s WHERE { ?s <urn:x:p> ?o } ORDER BY ?s", {}, backend)
    assert answer.vars == ["o", "none", "s"]
    assert [(row["s"], row["o"]) for row in answer.rows] == [
        (URIRef("urn:x:a"), Literal("1", datatype=XSD.string)), (URIRef("urn:x:b"), Literal("1", datatype=XSD.integer)),
        (URIRef("urn:x:c"), Literal("1", lang="en")), (URIRef("urn:x:d"), URIRef("urn:x:1")),
        (URIRef("urn:x:e"), Literal("1", datatype=XSD.string))]
    assert all(set(row) == {"o", "s"} for row in answer.rows)  # an unbound value is left out
    cut = run_text("SELECT ?o ?none ?s WHERE { ?s <urn:x:p> ?o } ORDER BY ?s", {}, backend, max_rows=2)
    assert cut.rows == answer.rows[:2] and cut.truncated


def test_terms_kept_across_answers_stay_apart_when_the_keeping_is_emptied(tmp_path, monkeypatch):
    """Terms converted in one answer are reused in the next; a full keep is emptied, never consulted stale; a
    literal keeps the lexical form the graph gives it."""
    nt = tmp_path / "g.nt"
    nt.write_text('<urn:x:a> <urn:x:p> "2009-05-01Z"^^<http://www.w3.org/2001/XMLSchema#date> .\n'
                  '<urn:x:b> <urn:x:p> "1"^^<http://www.w3.org/2001/XMLSchema#integer> .\n'
                  '<urn:x:c> <urn:x:p> "1"@en-GB .\n<urn:x:d> <urn:x:p> "1"@en .\n', encoding="utf-8")
    backend = LocalBackend(nt)
    question = "SELECT ?s ?o WHERE { ?s <urn:x:p> ?o } ORDER BY ?s"
    expected = [(URIRef("urn:x:a"), Literal("2009-05-01Z", datatype=XSD.date, normalize=False)),
                (URIRef("urn:x:b"), Literal("1", datatype=XSD.integer)),
                (URIRef("urn:x:c"), Literal("1", lang="en-GB")), (URIRef("urn:x:d"), Literal("1", lang="en"))]
    for keep in (1 << 16, 3):  # as shipped, then a keep that fills up inside one answer
        monkeypatch.setattr(graph.query.results, "KNOWN_TERMS", keep)
        monkeypatch.setattr(graph.query.results, "_KNOWN", {})
        for _ in range(2):
            rows = run_text(question, {}, backend).rows
            assert [(row["s"], row["o"]) for row in rows] == expected
            assert [str(row["o"]) for row in rows] == ["2009-05-01Z", "1", "1", "1"]  # rdflib's own drops the zone
            assert 0 < len(graph.query.results._KNOWN) <= keep


def test_a_graph_answer_is_the_engines_triples_and_copies_into_a_graph_with_contexts(tmp_path):
    """A CONSTRUCT answer is filled in rdflib's plain store; the README's copy gives one pySHACL can take."""
    from pyshacl import validate
    from rdflib import Graph

    nt = tmp_path / "g.nt"
    nt.write_text('<urn:x:a> <urn:x:p> "2009-05-01Z"^^<http://www.w3.org/2001/XMLSchema#date> .\n'
                  '<urn:x:a> <urn:x:q> <urn:x:b> .\n<urn:x:b> <urn:x:p> "1"@en .\n', encoding="utf-8")
    answer = run_text("CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }", {}, LocalBackend(nt)).graph
    assert set(answer) == {(URIRef("urn:x:a"), URIRef("urn:x:p"), Literal("2009-05-01Z", datatype=XSD.date, normalize=False)),
                           (URIRef("urn:x:a"), URIRef("urn:x:q"), URIRef("urn:x:b")),
                           (URIRef("urn:x:b"), URIRef("urn:x:p"), Literal("1", lang="en"))}
    assert not answer.store.context_aware
    copy = Graph() + answer
    assert copy.store.context_aware and set(copy) == set(answer)
    assert validate(copy)[0]
