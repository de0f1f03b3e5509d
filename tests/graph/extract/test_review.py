"""Accepting a reviewed sheet into data/: merges, clashes, rejections remembered, nothing half-written."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml

from graph.errors import BuildError
from graph.curate.loader import load_curation
from graph.extract.formats import sheet_yaml
from graph.extract.inputs import extract_file
from graph.extract.review import accept, review
from tests.paths import CORPUS, DATA_DIR, FIXTURES

REPORT = FIXTURES / "extract" / "belarus-2015.txt"


@pytest.fixture
def workspace(tmp_path):
    """A copy of data/ and a corpus holding the shared report and the new one."""
    data, corpus = tmp_path / "data", tmp_path / "corpus"
    shutil.copytree(DATA_DIR, data, ignore=shutil.ignore_patterns("__pycache__"))
    corpus.mkdir()
    for f in CORPUS.glob("*.txt"):
        shutil.copy(f, corpus)
    shutil.copy(REPORT, corpus)
    prepared = extract_file(corpus / REPORT.name, None, data, corpus)
    sheet = yaml.safe_load(sheet_yaml(prepared.extraction, prepared.doc_id, prepared.source))
    sheet["source"]["publisher"] = "amnesty"
    return data, corpus, sheet, tmp_path / "sheet.yaml"


def decide(sheet, **decisions):
    for row in sheet["entities"] + sheet["instruments"] + sheet["events"]:
        key = row["id"] if row["id"] in decisions else row["type"]
        if key in decisions:
            row["candidate"]["decision"] = decisions[key]


def snapshot(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*.yaml"))}


def test_accepted_candidates_become_curated_facts_that_build(workspace):
    data, corpus, sheet, path = workspace
    decide(sheet, **{"minsk-city-court": "accept", "pavel-drozdovich": "accept", "Sentencing": "accept",
                     "demonstrators": "reject", "Arrest": "reject"})
    path.write_text(yaml.safe_dump(sheet))
    result = accept(path, data, corpus)
    assert result.added["entities.yaml"] == ["minsk-city-court", "pavel-drozdovich"]
    assert result.source_added and result.rejected == 2
    curation = load_curation(data, corpus)
    (event,) = [e for e in curation.events.values() if e.doc == "belarus-2015"]
    assert event.type == "Sentencing" and event.date == "2014-03"
    assert {p.entity: p.role for p in event.participants} == {"minsk-city-court": "DecisionMaker",
                                                              "pavel-drozdovich": "Defendant"}
    assert event.evidence[0].sentence.text.startswith("In March, the Minsk City Court")
    # Rejected candidates are not proposed again.
    again = extract_file(corpus / REPORT.name, None, data, corpus)
    assert "Arrest" not in {c.cls for c in again.extraction.events}
    assert "demonstrators" not in {e.label for e in again.extraction.kept_entities}


def test_a_candidate_is_merged_with_the_curated_entity_of_the_same_name(workspace):
    data, corpus, sheet, path = workspace
    committee = next(r for r in sheet["entities"] if r["label"] == "UN Human Rights Committee")
    committee["label"], committee["aliases"] = "Human Rights Committee", []
    # the curated graph has no Human Rights Committee; add one in a copy to merge with
    (data / "entities.yaml").write_text((data / "entities.yaml").read_text() + (
        "\n- id: hrc\n  type: InternationalBody\n  label: UN Human Rights Committee\n  aliases: [Human Rights Committee]\n"
        "  evidence: [kz2010:s1@30828f09]\n"))
    committee["candidate"]["decision"] = "accept"
    path.write_text(yaml.safe_dump(sheet))
    result = accept(path, data, corpus)
    assert result.merged == {committee["id"]: "hrc"} and "entities.yaml" not in result.added


def test_a_clash_with_a_curated_id_stops_and_names_both_changing_nothing(workspace):
    data, corpus, sheet, path = workspace
    decide(sheet, police="accept")
    path.write_text(yaml.safe_dump(sheet))
    before = snapshot(data)
    with pytest.raises(BuildError) as err:
        accept(path, data, corpus)
    assert "clashes with the curated 'police'" in str(err.value) and "entities.yaml:" in str(err.value)
    assert snapshot(data) == before


def test_a_sheet_that_would_break_the_build_changes_nothing(workspace):
    data, corpus, sheet, path = workspace
    decide(sheet, **{"pavel-drozdovich": "accept"})
    next(r for r in sheet["entities"] if r["id"] == "pavel-drozdovich")["evidence"] = ["belarus-2015:s3@00000000"]
    path.write_text(yaml.safe_dump(sheet))
    before = snapshot(data)
    with pytest.raises(BuildError, match="accepting would break the build"):
        accept(path, data, corpus)
    assert snapshot(data) == before


def test_an_event_naming_an_entity_that_is_not_accepted_is_refused(workspace):
    data, corpus, sheet, path = workspace
    decide(sheet, Sentencing="accept")
    path.write_text(yaml.safe_dump(sheet))
    with pytest.raises(BuildError, match="neither accepted in this sheet nor curated"):
        accept(path, data, corpus)


def test_review_asks_about_each_pending_candidate_and_saves(workspace):
    data, corpus, sheet, path = workspace
    path.write_text(yaml.safe_dump(sheet))
    answers = iter(["a", "e label=Minsk court", "r", "x", "s", "q"])
    said = []
    decided, pending = review(path, lambda prompt: next(answers), said.append)
    saved = yaml.safe_load(path.read_text())
    first, second = saved["entities"][0], saved["entities"][1]
    assert first["candidate"]["decision"] == "accept"
    assert (second["label"], second["candidate"]["decision"]) == ("Minsk court", "reject")
    assert saved["entities"][2]["candidate"]["decision"] == "pending"
    assert decided == 2 and pending == len(sheet["entities"] + sheet["instruments"] + sheet["events"]) - 2
    assert any("not understood" in line for line in said)
