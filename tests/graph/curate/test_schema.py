"""The record schema is the one owner: loader, assembler and data/README.md follow it."""

from __future__ import annotations

import pytest

from graph.curate import schema
from graph.curate.yamlio import load_yaml
from graph.errors import BuildError
from tests.paths import DATA_DIR


def test_data_readme_table_is_derived_from_the_schema():
    readme = (DATA_DIR / "README.md").read_text(encoding="utf-8")
    assert schema.readme_with_table(readme) == readme, "data/README.md is stale: run `rightsgraph gen-terms`"


def test_readme_table_names_every_field_of_every_record():
    table = schema.readme_table()
    for kind in schema.RECORDS.values():
        for f in kind.fields:
            assert f"| `{f.key}` |" in table


def test_every_declared_property_exists_in_the_closed_namespaces():
    for kind in schema.RECORDS.values():
        for f in kind.fields:
            if f.prop:
                schema.prop(kind.name, f.key)  # KeyError / AttributeError on a term the ontology lacks


def test_a_field_without_a_property_is_refused():
    with pytest.raises(KeyError):
        schema.prop("event", "evidence")


def _used_keys() -> dict[str, set[str]]:
    """Which record kinds use which keys in the shipped curated files."""
    used: dict[str, set[str]] = {k: set() for k in schema.RECORDS}
    for row in load_yaml(DATA_DIR / "entities.yaml"):
        used["entity"] |= set(row)
    for row in load_yaml(DATA_DIR / "instruments.yaml"):
        used["instrument"] |= set(row)
        for sub in ("status", "purpose", "case"):
            if isinstance(row.get(sub), dict):
                used[sub] |= set(row[sub])
    for path in sorted((DATA_DIR / "events").glob("*.yaml")):
        for row in load_yaml(path)["events"]:
            used["event"] |= set(row)
            if isinstance(row.get("count"), dict):
                used["count"] |= set(row["count"])
    return used


def test_every_used_field_with_a_property_reaches_the_graph(graph):
    """A key the curators use and the schema maps must show up as that property in the built graph."""
    missing = []
    for kind, keys in _used_keys().items():
        for key in sorted(keys):
            f = schema.RECORDS[kind].field(key)
            if f.prop and not any(True for _ in graph.triples((None, schema.prop(kind, key), None))):
                missing.append(f"{kind}.{key} -> {f.prop}")
    assert not missing


def test_loader_refuses_a_key_the_schema_does_not_declare(data_copy, corpus):
    from graph.curate.loader import load_curation

    path = data_copy / "offices.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("  - id: ", "  - colour: red\n    id: ", 1), encoding="utf-8")
    with pytest.raises(BuildError) as err:
        load_curation(data_copy, corpus)
    assert "unknown field 'colour'" in str(err.value)
    assert sorted(schema.keys("office"))[0] in str(err.value)  # the allowed list comes from the schema


def test_reference_targets_come_from_the_schema(data_copy, corpus):
    """An event's place must name a Place, as the schema's target says."""
    from graph.curate.loader import load_curation

    path = next((data_copy / "events").glob("*.yaml"))
    text = path.read_text(encoding="utf-8")
    assert "\n  place: kazakhstan\n" in text
    path.write_text(text.replace("\n  place: kazakhstan\n", "\n  place: nss\n", 1), encoding="utf-8")
    with pytest.raises(BuildError) as err:
        load_curation(data_copy, corpus)
    assert "place 'nss' is not a place" in str(err.value)
