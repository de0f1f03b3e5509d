"""Centrality, communities and explained shortest paths on the real graph."""

import json
import subprocess
import sys

import pytest

from tests.paths import ROOT
from viz.analysis import actor_network, centrality, communities, explain, shortest_path
from viz.network import project


@pytest.fixture(scope="module")
def G(graph):
    return project(graph)


def test_shortest_path_is_a_chain_of_events(G):
    steps = shortest_path(G, "rgd:entity/uzbek-refugees", "rgd:entity/unhcr")
    assert [s["id"] for s in steps] == ["rgd:entity/uzbek-refugees", "rgd:entity/almaty-five",
                                        "rgd:event/almaty-contact-denied", "rgd:entity/unhcr"]
    assert explain(steps) == ("Asylum-seekers and refugees from Uzbekistan -[part of]- Three refugees and two "
                              "asylum-seekers from Uzbekistan raided in Almaty -[victim or target]- denial of access "
                              "(2009-09) -[party denied access]- UNHCR")


def test_path_from_tokayev_to_amnesty(G):
    ids = [s["id"] for s in shortest_path(G, "rgd:entity/tokayev", "rgd:entity/amnesty")]
    assert ids == ["rgd:entity/tokayev", "rgd:event/fire-without-warning-order", "rgd:event/struthers-on-order",
                   "rgd:entity/amnesty"]


def test_central_actors(G):
    top = [r["id"] for r in centrality(G, 5)]
    assert "rgd:entity/nss" in top and "rgd:entity/amnesty" in top


def test_communities_keep_cases_together(G):
    found = communities(G)
    tian = next(c for c in found if "Dmitri Tian" in c)
    assert {"Oleg Evloev", "Trial court in Astana", "Supreme Court of Kazakhstan"} <= set(tian)


def test_actor_network_weights(G):
    A = actor_network(G)
    # raid, detention, ill-treatment, extradition threat, contact denied; not the release, which names no one
    assert A["rgd:entity/nss"]["rgd:entity/almaty-five"]["weight"] == 5


def test_cli_json(built):
    graph_file = built.written[0].parent / "graph.ttl"
    done = subprocess.run([sys.executable, "-m", "rightsgraph.cli", "analyse", "--graph", str(graph_file), "--path", "NSS",
                           "UNHCR", "--format", "json"], cwd=ROOT, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout)
    assert report["path"]["explained"].endswith("-[party denied access]- UNHCR")
    assert report["central_actors"] and report["communities"]
