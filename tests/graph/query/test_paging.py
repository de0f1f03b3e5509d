"""One page of a table: the rows the whole answer has at those places, with the whole answer's count."""

import pytest
from rdflib import BNode, Literal, URIRef

from graph.query import LocalBackend, library, run_query, run_text
from tests.graph.query.shared import PARAMS


def lists_sorted(rows):
    """Rows in their order, each "; " list sorted: Oxigraph's GROUP_CONCAT(DISTINCT) gives a list in any order."""
    return [{k: "; ".join(sorted(str(v).split("; "))) for k, v in row.items()} for row in rows]


@pytest.fixture(scope="module")
def backend(built):
    return LocalBackend(built.written[0].parent / "graph.trig")


def test_every_library_table_pages_as_its_whole_answer_slices(backend):
    for name in sorted(library()):
        whole = run_query(name, PARAMS.get(name, {}), backend)
        if whole.kind != "select":
            continue
        for limit, offset in [(3, 0), (4, 2), (50, len(whole.rows) - 1), (5, len(whole.rows) + 3)]:
            page = run_query(name, PARAMS.get(name, {}), backend, page=(limit, max(offset, 0)))
            assert page.vars == whole.vars, name
            expected = whole.rows[max(offset, 0):max(offset, 0) + limit]
            assert lists_sorted(page.rows) == lists_sorted(expected), (name, limit, offset)
            assert page.total == len(whole.rows), name


def test_the_page_line_counts_the_whole_table(backend):
    whole = run_query("timeline", {}, backend)
    page, line = run_query("timeline", {}, backend, page=(5, 10)).page(5, 10)
    assert len(page.rows) == 5
    assert line == f"rows 11-15 of {len(whole.rows)} (--offset 15 for the next page)"
    last, line = run_query("timeline", {}, backend, page=(5, len(whole.rows) - 2)).page(5, len(whole.rows) - 2)
    assert len(last.rows) == 2 and line == f"rows {len(whole.rows) - 1}-{len(whole.rows)} of {len(whole.rows)}"


def test_a_page_larger_than_max_rows_is_cut_and_says_so(backend):
    page = run_query("timeline", {}, backend, max_rows=4, page=(10, 0))
    assert len(page.rows) == 4 and page.truncated and page.total > 10


def test_paged_terms_come_back_whole(tmp_path):
    """Line breaks, tabs, quotes, a language, a datatype, a blank node and an unbound value survive the TSV."""
    nt = tmp_path / "g.nt"
    nt.write_text('<urn:x:a> <urn:x:p> "two\\nlines\\tand \\"quotes\\" \\\\ é"@en-GB .\n'
                  '<urn:x:a> <urn:x:p> "7"^^<http://www.w3.org/2001/XMLSchema#integer> .\n'
                  '<urn:x:a> <urn:x:p> _:b .\n<urn:x:a> <urn:x:p> <urn:x:o> .\n', encoding="utf-8")
    text = "SELECT ?o ?none WHERE { <urn:x:a> <urn:x:p> ?o } ORDER BY STR(?o)"
    backend = LocalBackend(nt)
    whole, page = run_text(text, {}, backend), run_text(text, {}, backend, page=(10, 0))
    assert page.rows == whole.rows and page.total == 4
    values = [row["o"] for row in page.rows]
    assert Literal('two\nlines\tand "quotes" \\ é', lang="en-gb") in values
    assert Literal("7", datatype=URIRef("http://www.w3.org/2001/XMLSchema#integer")) in values
    assert URIRef("urn:x:o") in values and any(isinstance(v, BNode) for v in values)
    assert all("none" not in row for row in page.rows)


def test_a_graph_answer_is_not_paged(backend):
    answer = run_query("neighbourhood", PARAMS["neighbourhood"], backend, page=(3, 0))
    assert answer.kind == "graph" and len(answer.graph) > 3
