"""The projected network has one node per actor, place, instrument and event, and labelled edges."""

import pytest
from rdflib.namespace import RDFS

from viz.network import in_period, neighbourhood, project


@pytest.fixture(scope="module")
def G(graph):
    return project(graph)


def count(graph, query):
    return int(next(iter(graph.query(query)))[0])


def test_node_and_edge_counts_match_the_graph(graph, G):
    nodes = count(graph, """PREFIX rg: <https://w3id.org/rightsgraph/ontology#>
        PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
        SELECT (COUNT(DISTINCT ?x) AS ?n) WHERE { VALUES ?top { rg:Actor rg:Place rg:LegalInstrument rg:Event }
          ?x a/rdfs:subClassOf* ?top . FILTER(STRSTARTS(STR(?x), "https://w3id.org/rightsgraph/id/")) }""")
    roles = count(graph, """PREFIX rg: <https://w3id.org/rightsgraph/ontology#>
        SELECT (COUNT(*) AS ?n) WHERE { ?e rg:hasParticipation ?p }""")
    assert G.number_of_nodes() == nodes > 0
    role_edges = [e for e in G.edges(data=True) if e[2]["relation"] == "role"]
    assert len(role_edges) == roles


def test_every_node_has_label_and_class(G):
    for n, d in G.nodes(data=True):
        assert d["label"] and d["class_label"] and d["kind"], n


def test_edge_labels_come_from_the_ontology(graph, G):
    labels = {str(o) for o in graph.objects(None, RDFS.label)}
    assert {d["label"] for *_, d in G.edges(data=True)} <= labels
    assert ("rgd:event/almaty-raid", "rgd:entity/nss") in {(a, b) for a, b, d in G.edges(data=True) if d["label"] == "perpetrator or agent"}


def test_event_attributes(G):
    raid = G.nodes["rgd:event/almaty-raid"]
    assert (raid["date"], raid["year"], raid["event_type"], raid["status"]) == ("2009-09", 2009, "Raid", "reported")
    assert raid["evidence"]["quote"].startswith("In September, armed and masked NSS officers")
    order = G.nodes["rgd:event/fire-without-warning-order"]
    assert order["quote"] == "fire without warning"


def test_neighbourhood_and_period(G):
    near = neighbourhood(G, "rgd:entity/nss", 1)
    assert "rgd:event/almaty-raid" in near and "rgd:entity/almaty-five" not in near
    assert "rgd:entity/almaty-five" in neighbourhood(G, "rgd:entity/nss", 2)
    period = in_period(G, "2022", "2022")
    events = {n for n, d in period.nodes(data=True) if d["kind"] == "Event"}
    assert "rgd:event/jan2022-protests" in events and "rgd:event/almaty-raid" not in events


def run_viz(built, tmp_path, *args):
    import subprocess
    import sys

    from tests.paths import ROOT

    out = tmp_path / "page.html"
    done = subprocess.run([sys.executable, "-m", "rightsgraph.cli", "viz", "--graph", str(built.written[0].parent / "graph.ttl"),
                           "--out", str(out), *args], cwd=ROOT, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    return out.read_text(), done.stdout


@pytest.mark.parametrize("args, present, absent", [
    (["--focus", "NSS", "--hops", "1"], ["rgd:event/almaty-raid"], ["rgd:entity/tian"]),
    (["--query", "torture_allegations"], ["rgd:event/almaty-ill-treatment", "rgd:event/nss-detention-torture"],
     ["rgd:event/jan2022-protests"]),
    (["--query", "events_in_place", "--param", "place=Semipalatinsk"], ["rgd:event/semey-raids"], ["rgd:event/almaty-raid"]),
    (["--from", "2022", "--to", "2022"], ["rgd:event/fire-without-warning-order"], ["rgd:event/almaty-raid"]),
])
def test_viz_subgraphs(built, tmp_path, args, present, absent):
    html, stdout = run_viz(built, tmp_path, *args)
    data = html.split('id="data">', 1)[1].split("</script>", 1)[0]
    assert present, "a case with nothing expected on the page would pass on an empty page"
    for node in present:
        assert f'"id": "{node}"' in data
    for node in absent:
        assert f'"id": "{node}"' not in data
    assert "nodes" in stdout


def test_allegations_and_denials_reach_the_network(G):
    """The role edges of an alleged event carry its status; a denied event says who denies it."""
    edges = [e for _, _, e in G.out_edges("rgd:event/almaty-ill-treatment", data=True) if e["relation"] == "role"]
    assert edges and {e["claim"] for e in edges} == {"Alleged"}
    assert G.nodes["rgd:event/almaty-ill-treatment"]["denied_by"] == ["National Security Service of Kazakhstan"]
    assert all(e["denied_by"] == "National Security Service of Kazakhstan" for e in edges)
    established = [e for _, _, e in G.out_edges("rgd:event/beatings-for-confessions", data=True) if e["relation"] == "role"]
    assert {e["claim"] for e in established} == {"Established"} and "denied_by" not in G.nodes["rgd:event/beatings-for-confessions"]
    assert G.nodes["rgd:event/almaty-ill-treatment"]["accounts"] == [
        "Amnesty International relays an allegation", "National Security Service of Kazakhstan denies"]
    assert G.nodes["rgd:event/beatings-for-confessions"]["accounts"] == [
        "Amnesty International reports", "UN Special Rapporteur on torture finds"]


def test_a_query_that_names_nothing_drawable_writes_no_page(built, tmp_path):
    """One line, exit 2, and no empty page."""
    import subprocess
    import sys

    from tests.paths import ROOT

    empty = tmp_path / "nothing.rq"
    empty.write_text("# Question: nothing?\n# Returns: x\nSELECT ?x WHERE { ?x a <http://example.org/Nothing> }\n")
    out = tmp_path / "page.html"
    done = subprocess.run([sys.executable, "-m", "rightsgraph.cli", "viz", "--graph", str(built.written[0].parent / "graph.ttl"),
                           "--query", str(empty), "--out", str(out)], cwd=ROOT, capture_output=True, text=True)
    assert done.returncode == 2 and not out.exists()
    assert done.stderr.strip().splitlines() == [
        f"rightsgraph: error: --query {empty}: selects nothing the network draws "
        "(no actor, event, place or instrument); no page written"]


def network_data(G):
    return list(G.nodes(data=True)), list(G.edges(keys=True, data=True))


def test_every_store_gives_the_same_network(built, graph, G, tmp_path):
    """The projection is SPARQL: the build's graph, the file in memory and a store on disk give one network."""
    from graph.query import LocalBackend

    trig = next(p for p in built.written if p.name == "graph.trig")
    assert network_data(project(LocalBackend(trig))) == network_data(G)
    assert network_data(project(LocalBackend(trig, store_dir=tmp_path / "store"))) == network_data(G)


def test_text_the_store_writes_as_csv_comes_back_whole():
    """Values travel from Oxigraph as CSV: commas, quotes and line breaks in a label must not split or cut it."""
    from rdflib import Graph, Literal
    from rdflib.namespace import RDF

    from graph.model.namespaces import RGD
    from graph.model.ontology import load_ontology
    from graph.model.terms import RG

    g = Graph()
    for triple in load_ontology():  # a copy: the loaded ontology is shared by the whole process
        g.add(triple)
    person = RGD["entity/x"]
    tricky = 'Ann "the lawyer", of Almaty\nand Astana'
    g.add((person, RDF.type, RG.Person))
    g.add((person, RDFS.label, Literal(tricky)))
    g.add((person, RDFS.comment, Literal("a, b; \"c\"")))
    d = project(g).nodes["rgd:entity/x"]
    assert (d["label"], d["comment"], d["kind"]) == (tricky, "a, b; \"c\"", "Person")
