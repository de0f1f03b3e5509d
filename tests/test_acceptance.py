"""Acceptance: the whole corpus report, built and counted, in one place.

Behaviour is tested on the small fixture corpus (tests/fixtures/mini) and on
single records; this module alone pins what the curated graph of the real
report adds up to. A new curated event changes the numbers here and nowhere
else: update them with the change, and say in the commit why they moved.
"""

from __future__ import annotations

from rdflib.namespace import RDF

from graph.model.terms import RG
from graph.query import LocalBackend, run_query
from viz.network import project

EVENTS = 54
NETWORK_NODES = 128
LINKS = 17
NEWS_ITEMS = 10
EVENTS_IN_2009 = 17


def test_curated_event_count(built):
    assert len(built.curation.events) == EVENTS


def test_summary_counts(built):
    from graph.build import summary

    text = summary(built)
    assert f"Event {EVENTS}" in text and f"2009 {EVENTS_IN_2009}" in text


def test_timeline_lists_every_event(built):
    backend = LocalBackend(built.written[0].parent / "graph.trig")
    assert len(run_query("timeline", {}, backend).rows) == EVENTS


def test_network_node_count(graph):
    assert project(graph).number_of_nodes() == NETWORK_NODES


def test_link_count(graph):
    assert len(set(graph.subjects(RDF.type, RG.ExternalLink))) == LINKS


def test_newsroom_items_and_publications(built, graph):
    doc = built.curation.documents["kz2010"]
    assert len(doc.news) == NEWS_ITEMS
    assert len(set(graph.subjects(RDF.type, RG.Publication))) == NEWS_ITEMS
    backend = LocalBackend(built.written[0].parent / "graph.trig")
    assert len(run_query("publications", {}, backend).rows) == NEWS_ITEMS


def test_uncovered_sentences_of_the_report(built):
    from graph.build import uncovered

    assert [f"{doc}:{s.pointer}" for doc, s in uncovered(built)] == ["kz2010:s56@2ec1127b", "kz2010:s58@0a797ec6"]
