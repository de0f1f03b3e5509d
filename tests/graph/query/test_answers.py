"""Answers a store on disk keeps: read again on the next ask, gone with the graph they came from."""

import shutil

from graph.query import LocalBackend, bind_params, find_query, inject_values, library, run_query, run_text
from graph.query.answers import FOLDER, KeptAnswers
from graph.query.stores import source_digest
from graph.query.results import page_of_tsv
from tests.graph.query.shared import PARAMS, normalise


def kept(store):
    return sorted((store / FOLDER).glob("*.tsv"))


def kept_path(store, name, params=None, backend=None):
    """Where a store keeps a question's table: under its text with the parameters bound, as `run_query` asks it."""
    query = find_query(name)
    text = inject_values(query.text, bind_params(query, params, backend), name) if params else query.text
    return KeptAnswers(store / FOLDER, source_digest(store)).path(text)


def rights(backend):
    from graph.query.answers import RIGHTS

    return [str(row["right"]) for row in backend.run(RIGHTS, {}, "rights", 100).rows]


def test_a_fresh_store_keeps_every_question_without_parameters_and_reads_them_back(built, tmp_path):
    trig = built.written[0].parent / "graph.trig"
    store = tmp_path / "store"
    memory = LocalBackend(trig)
    disk = LocalBackend(trig, store_dir=store)
    plain = sorted(name for name, query in library().items() if not query.params)
    # A question whose one parameter is a right is kept for every right of the scheme (eleven).
    per_right = [("events_by_right", {"right": right}) for right in rights(memory)]
    asks = [(name, {}) for name in plain] + per_right
    assert len(plain) > 10 and len(per_right) > 10
    assert kept(store) == sorted(kept_path(store, name, params, memory) for name, params in asks)
    for name, params in asks:  # each kept table is its own question's answer, row for row, its lists in the same order
        table = page_of_tsv(kept_path(store, name, params, memory).read_bytes(), None, 0, 10_000)
        assert table.rows == run_query(name, params, memory).rows, (name, params)
    religion = run_query("events_by_right", {"right": "freedom of religion"}, memory).rows
    assert religion and run_query("events_by_right", {"right": "freedom of religion"}, disk).rows == religion
    assert len(kept(store)) == len(asks)  # asked by its label, the right found the table kept under its IRI
    whole = run_query("timeline", {}, memory)
    first = run_query("timeline", {}, disk, page=(5, 0))
    assert first.rows == whole.rows[:5] and first.total == len(whole.rows)
    # The next ask reads the kept table: a row taken out of it is a row fewer.
    table = kept_path(store, "timeline")
    lines = table.read_bytes().split(b"\n")
    table.write_bytes(b"\n".join(lines[:1] + lines[2:]))
    again = run_query("timeline", {}, LocalBackend(trig, store_dir=store), page=(5, 0))
    assert again.total == len(whole.rows) - 1 and again.rows == whole.rows[1:6]


def test_each_parameter_is_kept_apart_and_graphs_and_ad_hoc_text_not_at_all(built, tmp_path):
    trig = built.written[0].parent / "graph.trig"
    store = tmp_path / "store"
    disk, memory = LocalBackend(trig, store_dir=store), LocalBackend(trig)
    warmed = kept(store)
    answers = []
    for actor in ["NSS", "Amnesty International"]:
        rows = run_query("actor_events", {"actor": actor}, disk).rows
        assert rows and normalise(rows) == normalise(run_query("actor_events", {"actor": actor}, memory).rows)
        answers.append(normalise(rows))
    # Each kept table is one actor's answer, not a shared or a mixed one.
    tables = [normalise(page_of_tsv(path.read_bytes(), None, 0, 10_000).rows) for path in kept(store) if path not in warmed]
    assert answers[0] != answers[1] and sorted(tables) == sorted(answers)
    assert run_query("neighbourhood", PARAMS["neighbourhood"], disk).kind == "graph"
    assert run_text("SELECT ?s WHERE { ?s a ?c } LIMIT 3", {}, disk, page=(2, 0)).total == 3
    assert len(kept(store)) == len(warmed) + 2  # neither the graph nor the ad-hoc text was kept


def test_kept_answers_go_with_their_graph(built, tmp_path):
    trig = tmp_path / "graph.trig"
    shutil.copy(built.written[0].parent / "graph.trig", trig)
    store = tmp_path / "store"
    before = run_query("counts_actors_by_class", {}, LocalBackend(trig, store_dir=store))
    assert kept_path(store, "counts_actors_by_class").is_file()
    with trig.open("a", encoding="utf-8") as out:  # one more actor
        out.write('\n<https://w3id.org/rightsgraph/id/graph/extra> { <https://w3id.org/rightsgraph/id/entity/extra> a '
                  '<https://w3id.org/rightsgraph/ontology#Person> ; '
                  '<http://www.w3.org/2000/01/rdf-schema#label> "Extra"@en . }\n')
    after = run_query("counts_actors_by_class", {}, LocalBackend(trig, store_dir=store))
    assert after.rows == run_query("counts_actors_by_class", {}, LocalBackend(trig)).rows != before.rows


def test_a_store_that_cannot_keep_still_answers(built, tmp_path):
    trig = built.written[0].parent / "graph.trig"
    store = tmp_path / "store"
    disk = LocalBackend(trig, store_dir=store)
    shutil.rmtree(store / FOLDER)
    (store / FOLDER).write_text("a file where the folder would go")  # nothing can be kept under it
    memory = LocalBackend(trig)
    for name in ["timeline", "actor_events"]:
        params = PARAMS.get(name, {})
        assert normalise(run_query(name, params, disk).rows) == normalise(run_query(name, params, memory).rows)
    assert not list(store.glob("**/*.part"))


def test_a_question_that_fails_while_the_store_loads_keeps_nothing_and_stops_nothing(built, tmp_path, monkeypatch):
    import graph.query
    from dataclasses import replace

    from graph.query.answers import warm

    real = library()
    gone = replace(real["timeline"], name="no_such_question")  # not in the library folder: run_query refuses it
    monkeypatch.setattr(graph.query, "library", lambda: {**real, "no_such_question": gone})
    trig = built.written[0].parent / "graph.trig"
    kept_names = warm(trig, tmp_path / "answers", "digest")
    plain = [(name, {}) for name in sorted(name for name, query in real.items() if not query.params)]
    per_right = [("events_by_right", {"right": right}) for right in rights(LocalBackend(trig))]
    assert len(kept_names) == len(plain + per_right) and all(ask in kept_names for ask in plain + per_right)
    assert len(list((tmp_path / "answers").glob("*.tsv"))) == len(plain) + len(per_right)
    assert warm(tmp_path / "missing.trig", tmp_path / "none", "digest") == [] and not (tmp_path / "none").exists()
