"""The three outputs of extract: evaluation JSON, review sheet, Turtle; each checked by reading it back."""

from __future__ import annotations

import json
import subprocess
import sys

import pyoxigraph
import yaml

from graph.read.corpus import read_document
from tests.paths import FIXTURES, ROOT

REPORT = FIXTURES / "extract" / "belarus-2015.txt"


def extract(*args: str) -> str:
    return subprocess.run([sys.executable, "-m", "rightsgraph.cli", "extract", str(REPORT), *args],
                          capture_output=True, text=True, check=True, cwd=ROOT).stdout


def test_eval_json_points_at_the_sentences_of_the_file_on_disk(scorer):
    system = json.loads(extract())
    assert scorer.check_system(system) == []
    text = REPORT.read_text(encoding="utf-8")
    doc = read_document(REPORT)
    for event in system["events"]:
        assert text[event["start"]:event["end"]] == event["sentence"]
        index = int(event["pointer"].split(":s")[1].split("@")[0])
        assert doc.sentences[index].pointer == event["pointer"].split(":", 1)[1]
        a, b = event["trigger_offsets"]
        assert text[a:b] == event["trigger"] and event["start"] <= a < b <= event["end"]


def test_the_review_sheet_is_in_the_format_of_data_with_a_decision_per_candidate():
    sheet = yaml.safe_load(extract("--format", "yaml"))
    assert sheet["source"]["id"] == "belarus-2015" and sheet["source"]["covers"] == "2014"
    rows = sheet["entities"] + sheet["instruments"] + sheet["events"]
    assert rows and all(r["candidate"]["decision"] == "pending" and 0 < r["candidate"]["confidence"] <= 1 for r in rows)
    ruling = next(e for e in sheet["events"] if e["type"] == "Sentencing")
    assert ruling["date"] == "2014-03" and ruling["participants"] == {"minsk-city-court": "DecisionMaker",
                                                                      "pavel-drozdovich": "Defendant"}
    assert "Law on Mass Media" not in yaml.safe_dump(sheet["entities"])  # instruments have their own list
    text = REPORT.read_text(encoding="utf-8")
    for e in sheet["events"]:
        assert e["summary"] not in text  # generated, never copied from the report


def test_turtle_keeps_candidates_apart_and_attributed_to_the_extractor():
    store = pyoxigraph.Store()
    store.load(extract("--format", "ttl").encode(), pyoxigraph.RdfFormat.TRIG)
    rows = list(store.query("""
        PREFIX rg: <https://w3id.org/rightsgraph/ontology#> PREFIX prov: <http://www.w3.org/ns/prov#>
        SELECT ?g ?agent ?status WHERE { GRAPH ?g { ?e rg:claimStatus ?status ; prov:wasAttributedTo ?agent .
                                                     ?agent a prov:SoftwareAgent } }"""))
    assert rows
    assert {str(r["g"].value) for r in rows} == {"https://w3id.org/rightsgraph/id/graph/candidates/belarus-2015"}
    assert all("agent/extractor/" in r["agent"].value for r in rows)
    # "Several of them alleged that officers beat them": the beating stays an allegation.
    beating = list(store.query("""
        PREFIX rg: <https://w3id.org/rightsgraph/ontology#>
        SELECT ?status WHERE { GRAPH ?g { ?e a rg:IllTreatment ; rg:claimStatus ?status } }"""))
    assert [r["status"].value for r in beating] == ["https://w3id.org/rightsgraph/ontology#Alleged"]


def test_same_input_same_bytes_across_processes():
    assert extract("--format", "ttl") == extract("--format", "ttl")
    assert extract("--format", "yaml") == extract("--format", "yaml")
