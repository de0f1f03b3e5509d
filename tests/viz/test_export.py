"""Exports load back in networkx with labels, classes and dates as attributes."""

import csv
import io
import json

import networkx as nx
import pytest

from viz import export
from viz.network import project


@pytest.fixture(scope="module")
def G(graph):
    return project(graph)


@pytest.mark.parametrize("network", ["full", "actors"])
def test_graphml_round_trip(G, network, tmp_path):
    H = export.network(G, network)
    path = tmp_path / "g.graphml"
    path.write_text(export.to_graphml(H))
    back = nx.read_graphml(path)
    assert back.number_of_nodes() == H.number_of_nodes()
    assert back.number_of_edges() == H.number_of_edges()
    assert back.nodes["rgd:entity/nss"]["label"] == "National Security Service of Kazakhstan"
    if network == "full":
        assert back.nodes["rgd:event/almaty-raid"]["date"] == "2009-09"
        assert back.nodes["rgd:event/almaty-raid"]["class_label"] == "raid"


def test_gexf_round_trip(G, tmp_path):
    path = tmp_path / "g.gexf"
    path.write_text(export.to_gexf(G))
    back = nx.read_gexf(path)
    assert back.number_of_nodes() == G.number_of_nodes()
    assert back.nodes["rgd:entity/kazakhstan"]["external_ids"] == "wikidata:Q232; iso3166:KZ"


def test_csv(G):
    nodes, edges = export.to_csv(G)
    rows = list(csv.DictReader(io.StringIO(nodes)))
    assert len(rows) == G.number_of_nodes()
    assert next(r for r in rows if r["id"] == "rgd:event/almaty-raid")["kind"] == "Event"
    edge_rows = list(csv.DictReader(io.StringIO(edges)))
    assert len(edge_rows) == G.number_of_edges()
    assert {"source", "target", "label"} <= set(edge_rows[0])


def test_cytoscape(G):
    doc = json.loads(export.to_cytoscape(G))
    ids = {n["data"]["id"] for n in doc["elements"]["nodes"]}
    assert "rgd:entity/nss" in ids and len(doc["elements"]["edges"]) == G.number_of_edges()


def test_exports_keep_claim_status_and_denials(G):
    """GraphML and the CSV edges carry each role edge's claim; the event node says who denies it."""
    back = nx.parse_graphml(export.to_graphml(G), force_multigraph=True)
    node = back.nodes["rgd:event/almaty-ill-treatment"]
    assert node["status"] == "alleged" and node["denied_by"] == "National Security Service of Kazakhstan"
    assert node["accounts"] == "Amnesty International relays an allegation; National Security Service of Kazakhstan denies"
    claims = {d["claim"] for a, _, d in back.edges(data=True) if a == "rgd:event/almaty-ill-treatment" and "claim" in d}
    assert claims == {"Alleged"}
    _, edges = export.to_csv(G)
    rows = [r for r in csv.DictReader(io.StringIO(edges)) if r["source"] == "rgd:event/almaty-ill-treatment"]
    assert rows and {r["claim"] for r in rows if r["relation"] == "role"} == {"Alleged"}
