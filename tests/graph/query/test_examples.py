"""Every library query against the fixture corpus, compared with the rows kept beside it.

``queries/examples/NAME.tsv`` holds what NAME answers on the invented report in
``tests/fixtures/mini``: its first line is the command that produced it, the
rest is the SPARQL 1.1 TSV result. A CONSTRUCT query keeps a Turtle file and is
compared as a graph (``rdflib.compare.isomorphic``). The rows were checked by
hand against the fixture text when they were written; after a deliberate
change, rewrite them with ``python -m tests.graph.query.test_examples`` and
read the diff.
"""

from __future__ import annotations

import shlex
import sys
from pathlib import Path

import pytest
from rdflib import Graph
from rdflib.compare import isomorphic

from graph.query import LocalBackend, format_result, library, run_query
from tests.paths import EXAMPLES

# The parameters each example is run with: names, aliases and dates of the fixture report.
PARAMS = {
    "actor_events": {"actor": "police"},
    "events_by_right": {"right": "FreedomOfAssembly"},
    "events_in_period": {"from": "2012-04", "to": "2012-09"},
    "events_in_place": {"place": "Lirna"},
    "claims_about": {"event": "lirna-beatings"},
    "evidence": {"fact": "lirna-beatings"},
    "neighbourhood": {"entity": "Mira Tolan", "hops": "1"},
    "office_holders": {"date": "2012-02"},
    "statement_sources": {"fact": "lirna-detention"},
}


def command(name: str) -> str:
    params = " ".join(f"--param {shlex.quote(f'{k}={v}')}" for k, v in PARAMS.get(name, {}).items())
    return f"# rightsgraph query {name} {params}".rstrip()


def canonical(tsv: str) -> list[list[str]]:
    """Rows as cells, with GROUP_CONCAT lists sorted: SPARQL leaves the order inside a group unspecified."""
    rows = []
    for line in tsv.splitlines():
        cells = []
        for cell in line.split("\t"):
            head, sep, tail = cell.rpartition('"')  # keep the literal's tag or datatype apart
            body = head[1:] if sep and head.startswith('"') else None
            cells.append(f'"{"; ".join(sorted(body.split("; ")))}"{tail}' if body is not None and "; " in body else cell)
        rows.append(cells)
    return rows


def answer(name: str, backend) -> tuple[str, str]:
    """(file suffix, text) of the query's answer in the form its example keeps."""
    result = run_query(name, PARAMS.get(name, {}), backend)
    if result.kind == "graph":
        return ".ttl", f"{command(name)}\n" + format_result(result, "ttl")
    return ".tsv", f"{command(name)}\n" + format_result(result, "tsv")


@pytest.fixture(scope="module")
def backend(mini):
    return LocalBackend(mini.written[0].parent / "graph.trig")


def test_every_library_query_has_an_example():
    kept = {p.stem for p in EXAMPLES.iterdir() if p.suffix in (".tsv", ".ttl")}
    assert kept == set(library()), "add or remove an example in queries/examples/"


@pytest.mark.parametrize("name", sorted(library()))
def test_query_answers_its_example(name, backend):
    suffix, text = answer(name, backend)
    expected = (EXAMPLES / f"{name}{suffix}").read_text(encoding="utf-8")
    assert text.splitlines()[0] == expected.splitlines()[0], "the example was made with other parameters"
    if suffix == ".ttl":
        assert isomorphic(Graph().parse(data=text, format="turtle"), Graph().parse(data=expected, format="turtle"))
    else:
        assert canonical(text) == canonical(expected)
    assert len(expected.splitlines()) > 2, "an example with no rows tests nothing"


def main(out: Path = EXAMPLES) -> None:
    """Rewrite every example from a fresh build of the fixture corpus (review the diff before committing)."""
    import tempfile

    from rightsgraph.pipeline import build
    from tests.paths import MINI_CORPUS, MINI_DATA

    with tempfile.TemporaryDirectory() as tmp:
        built = build(corpus=MINI_CORPUS, data_dir=MINI_DATA, out_dir=Path(tmp), with_pictures=False, screenshot=False)
        backend = LocalBackend(built.written[0].parent / "graph.trig")
        out.mkdir(exist_ok=True)
        for name in sorted(library()):
            suffix, text = answer(name, backend)
            (out / f"{name}{suffix}").write_text(text, encoding="utf-8")
            print(f"wrote {out / (name + suffix)}", file=sys.stderr)


if __name__ == "__main__":
    main()
