"""Every library query parses, declares its parameters, and answers its question on the built graph.

Each query has its own check of the facts it must return: a question answered
with the wrong rows fails here, not only a question answered with none.
"""

import re

import pyoxigraph as ox
import pytest

from graph.query import library, run_query

LIBRARY = library()


@pytest.fixture(scope="module")
def backend(built):
    from graph.query import LocalBackend

    return LocalBackend(built.written[0].parent / "graph.trig")


def test_library_has_every_question_asked_for():
    assert len(LIBRARY) >= 15
    assert {"timeline", "legal_instruments", "actor_events", "torture_allegations", "court_decisions",
            "international_bodies", "targeted_groups", "events_in_place", "events_in_period", "events_by_right",
            "evidence", "neighbourhood", "external_identifiers", "office_holders", "publications",
            "counts_events_by_type_year", "counts_actors_by_class", "counts_facts_by_provenance"} <= set(LIBRARY)


@pytest.mark.parametrize("name", sorted(LIBRARY))
def test_parses_and_declares_parameters(name):
    q = LIBRARY[name]
    ox.Store().query(q.text)  # raises SyntaxError on a bad query
    assert "?" in q.question and q.returns
    assert re.fullmatch(r"[a-z0-9_]+", name)
    for p in q.params:
        assert f"?{p.name}" in q.text, p.name
        head = q.text.split("WHERE", 1)[0]
        assert f"?{p.name}" in head or "CONSTRUCT" in head, f"{p.name} must be projected so it can be bound"


def rows(backend, name, **params):
    return run_query(name, params, backend).records()


def col(result, key):
    return [r.get(key) for r in result]


def ids(result, key="event"):
    """Event IRIs as their short ids (almaty-raid)."""
    return {r[key].rsplit("/", 1)[-1] for r in result}


def test_timeline(backend):
    r = rows(backend, "timeline")
    assert {"almaty-raid", "kaboulov-ruling"} <= ids(r)
    dated = [x["date"] for x in r if x["date"] != "undated"]
    assert dated == sorted(dated) and dated[0] == "2008-11" and dated[-1] == "2022-01-11"
    raid = next(x for x in r if x["event"].endswith("/almaty-raid"))
    assert (raid["date"], raid["type"], raid["place"], raid["document"], raid["sentence"]) == (
        "2009-09", "raid", "Almaty", "kazakhstan-annual-report-2010.txt", 23)
    assert r[-1]["date"] == "undated"


def test_legal_instruments(backend):
    r = {x["instrument"]: x for x in rows(backend, "legal_instruments")}
    assert r["National Human Rights Action Plan 2009-2012"]["by"] == "Nursultan Nazarbaev"
    assert r["National Human Rights Action Plan 2009-2012"]["date"] == "2009-05"
    assert r["2009 amendments to the internet law"]["amends"] == "Kazakhstan's law on the internet"
    assert r["Draft law on freedom of conscience"]["status"] == "pending (2009-12)"
    assert r["Draft law on freedom of conscience"]["by"] == "Constitutional Council of Kazakhstan"
    assert set(r["Amendments to the Criminal and Criminal Procedure Codes against abusive practices"]["amends"].split("; ")) == {
        "Criminal Code of Kazakhstan", "Criminal Procedure Code of Kazakhstan"}
    assert r["Kaboulov v. Ukraine"]["action"] == "delivery of a judgment"


def test_actor_events_for_the_nss(backend):
    r = rows(backend, "actor_events", actor="NSS")
    events = {x["event"].rsplit("/", 1)[-1]: x["role"] for x in r}
    assert events["almaty-raid"] == "perpetrator or agent"
    assert events["almaty-detention"] == "perpetrator or agent"
    assert events["almaty-ill-treatment"] == "perpetrator or agent"
    assert events["nss-detention-torture"] == "perpetrator or agent"
    assert events["monitoring-access-denied"] == "responsible authority"
    assert events["nss-denial"] == "speaker"
    assert events["semey-raids"] == "perpetrator or agent"


def test_actor_events_includes_parts_of_a_group(backend):
    r = rows(backend, "actor_events", actor="Ahmadi community")
    assert {"Ahmadi Muslim community in Semey", "Ahmadi Muslim community in Kazakhstan"} == set(col(r, "as"))


def test_torture_allegations(backend):
    r = {x["event"].rsplit("/", 1)[-1]: x for x in rows(backend, "torture_allegations")}
    assert r["tian-evloev-torture"]["investigation"] == "not investigated"
    assert r["tian-evloev-torture"]["status"] == "alleged"
    assert set(r["tian-evloev-torture"]["victims"].split("; ")) == {"Dmitri Tian", "Oleg Evloev"}
    assert r["almaty-ill-treatment"]["perpetrators"] == "National Security Service of Kazakhstan"
    assert r["almaty-ill-treatment"]["date"] == "2009-09" and not r["almaty-ill-treatment"].get("place")
    assert r["nss-detention-torture"]["investigation"] == "not stated"


def test_court_decisions(backend):
    r = {x["event"].rsplit("/", 1)[-1]: x for x in rows(backend, "court_decisions")}
    sentencing = r["tian-evloev-sentencing"]
    assert sentencing["court"] == "Trial court in Astana" and sentencing["date"] == "2009-06"
    assert set(sentencing["parties"].split("; ")) == {
        "Dmitri Tian (defendant or appellant: 25 years' imprisonment)",
        "Oleg Evloev (defendant or appellant: life imprisonment)"}
    assert r["tian-evloev-appeals"]["outcome"] == "Appeals rejected."
    assert r["tian-evloev-appeals"]["court"] == "Supreme Court of Kazakhstan"
    assert r["kaboulov-ruling"]["case"] == "Kaboulov v. Ukraine"
    assert r["religion-law-review"]["court"] == "Constitutional Council of Kazakhstan"
    assert "incompatible" in r["religion-law-review"]["outcome"]


def test_international_bodies(backend):
    r = rows(backend, "international_bodies")
    sr = [x for x in r if x["body"] == "UN Special Rapporteur on torture"]
    assert {x["type"] for x in sr} == {"visit", "finding"}
    assert any(x["quote"] and x["quote"].startswith("received many credible allegations") for x in sr)
    cat = next(x for x in r if x["body"] == "UN Committee against Torture")
    assert (cat["date"], cat["type"]) == ("2008-11", "issuing of recommendations")
    assert any(x["body"] == "European Court of Human Rights" and x["date"] == "2009-11" for x in r)


def test_targeted_groups(backend):
    r = rows(backend, "targeted_groups")
    five = [x for x in r if x["group"].startswith("Three refugees")]
    assert {x["type"] for x in five} >= {"raid", "detention", "torture or ill-treatment", "denial of access"}
    assert "release" not in {x["type"] for x in five}  # the sentence names nobody who released them
    assert all(x["by"] == "National Security Service of Kazakhstan" for x in five)
    salafi = next(x for x in r if x["group"].startswith("Followers of the Salafi"))
    assert set(salafi["by"].split("; ")) == {"National Security Service of Kazakhstan", "Police of Kazakhstan"}


def test_events_in_place_follows_located_in(backend):
    r = rows(backend, "events_in_place", place="almaty")
    assert ids(r) == {"almaty-raid", "almaty-detention"}  # the detention is in the NSS building, inside Almaty
    assert ids(rows(backend, "events_in_place", place="Semipalatinsk")) == {"semey-raids", "semey-detention"}


def test_events_in_period(backend):
    r = rows(backend, "events_in_period", **{"from": "2009-09", "to": "2009-12"})
    assert ids(r) == {"almaty-raid", "almaty-detention", "almaty-ill-treatment", "almaty-extradition-threat",
                                    "almaty-release", "almaty-contact-denied", "kaboulov-ruling", "tian-evloev-appeals",
                                    "sr-finding-beatings"}
    spans = rows(backend, "events_in_period", **{"from": "2022-01-05", "to": "2022-01-05"})
    assert {"jan2022-protests", "jan2022-arrests", "struthers-on-protests"} <= ids(spans)


def test_events_by_right_includes_narrower(backend):
    r = rows(backend, "events_by_right", right="FreedomOfExpression")
    assert {"internet-law-signing", "jan2022-journalists-detained"} <= ids(r)
    assert "media freedom" in col(r, "concerns")
    religion = rows(backend, "events_by_right", right="freedom of religion")
    assert {"semey-raids", "religion-law-review", "unregistered-muslims-targeted"} <= ids(religion)


def test_evidence_for_a_statement(backend, built):
    r = rows(backend, "evidence", fact="sr-finding-beatings")
    kinds = {x["kind"]: x for x in r}
    text = built.curation.documents["kz2010"].text
    for x in r:
        assert text[x["start"]:x["end"]] == x["quote"]
    assert kinds["evidence"]["sentence"] == 9 and kinds["evidence"]["quote"].startswith("Following his visit")
    assert kinds["quotation"]["quote"].startswith("received many credible allegations")


def test_neighbourhood_of_osce_chairmanship(backend):
    from rdflib import URIRef

    rgd = "https://w3id.org/rightsgraph/id/"
    one = run_query("neighbourhood", {"entity": "osce-chairmanship", "hops": "1"}, backend).graph
    two = run_query("neighbourhood", {"entity": "osce-chairmanship", "hops": "2"}, backend).graph
    related = URIRef("https://w3id.org/rightsgraph/ontology#relatedEvent")
    assert (URIRef(rgd + "event/nhrap-approval"), related, URIRef(rgd + "event/osce-chairmanship")) in one
    assert (URIRef(rgd + "event/nhrap-approval"), URIRef("https://w3id.org/rightsgraph/ontology#hasParticipant"),
            URIRef(rgd + "entity/nazarbaev")) in two
    assert len(two) > len(one)


def test_external_identifiers(backend):
    r = rows(backend, "external_identifiers")
    links = {(x["entity"], x["scheme"]): x for x in r}
    assert links[("Kazakhstan", "wikidata")]["identifier"] == "Q232" and links[("Kazakhstan", "wikidata")]["verified"] == "true"
    assert links[("Nursultan Nazarbaev", "wikidata")]["verified"] == "false"
    assert links[("Kaboulov v. Ukraine", "echr-application")]["identifier"] == "41015/04"
    assert links[("Kazakhstan", "iso3166")]["identifier"] == "KZ"
    assert ("Oleg Evloev", "none") in links


@pytest.mark.parametrize("date, president", [("2009-05", "Nursultan Nazarbaev"), ("2022-01", "Kassym-Jomart Tokayev")])
def test_office_holders(backend, date, president):
    r = rows(backend, "office_holders", date=date)
    assert [x["holder"] for x in r if x["office"] == "President of Kazakhstan"] == [president]


def test_publications(backend):
    r = rows(backend, "publications")
    assert col(r, "date") == sorted(col(r, "date")) and len(set(col(r, "date"))) == len(r)
    old_habits = next(x for x in r if x["date"] == "2013-07-10")
    assert old_habits["kind"] == "report" and "torture" in old_habits["about"].lower()


def test_counts(backend, built):
    """Counted by SPARQL, they agree with the curated records counted in Python."""
    by_type = {(x["type"], x["year"]): x["events"] for x in rows(backend, "counts_events_by_type_year")}
    assert by_type[("Raid", "2009")] == 2 and by_type[("Detention", "2022")] == 2
    classes = {x["class"]: x["count"] for x in rows(backend, "counts_actors_by_class")}
    curated = {}
    for e in built.curation.entities.values():
        curated[e.type] = curated.get(e.type, 0) + 1
    assert (classes["person"], classes["group"], classes["country"]) == (curated["Person"], curated["Group"], curated["Country"])
    provenance = {x["agent"]: x["facts"] for x in rows(backend, "counts_facts_by_provenance")}
    assert provenance["rightsgraph corpus reader"] == 16 and provenance["rightsgraph curators"] > 250


def test_contested_allegations_pair_the_allegation_with_its_denial(backend):
    r = rows(backend, "contested_allegations")
    ill = [x for x in r if x["allegation"].endswith("/almaty-ill-treatment")]
    assert ill and all(x["denied_by"] == "National Security Service of Kazakhstan" for x in ill)
    assert {x["alleging_sentence"][:9] for x in ill} == {"Allegedly"}
    assert all(x["denying_sentence"].startswith("A spokesperson of the NSS") for x in ill)


def test_international_findings_name_the_established_event(backend):
    r = rows(backend, "international_findings")
    assert [(x["body"], x["established"].rsplit("/", 1)[-1]) for x in r] == [
        ("UN Special Rapporteur on torture", "beatings-for-confessions")]
    assert "forensic medical evidence" in r[0]["sentence"]


LISTING = [name for name, q in sorted(LIBRARY.items()) if "GROUP_CONCAT" in q.text]


def test_lists_come_out_in_the_same_order_in_every_process(built):
    """SPARQL leaves the order of a GROUP_CONCAT list to the engine, and Oxigraph's joins hash with a new seed in
    every process: `publications` gave its topics in two orders from one run to the next. Same graph, same bytes."""
    import subprocess
    import sys

    trig = built.written[0].parent / "graph.trig"
    script = ("import sys; from graph.query import LocalBackend, format_result, run_query; b = LocalBackend(sys.argv[1]); "
              f"[print(format_result(run_query(n, {{}}, b), 'csv')) for n in {LISTING!r}]")
    outputs = {subprocess.run([sys.executable, "-c", script, str(trig)], capture_output=True, text=True, check=True).stdout
               for _ in range(5)}
    assert len(LISTING) >= 5 and len(outputs) == 1


@pytest.mark.parametrize("name", sorted(n for n, q in LIBRARY.items() if re.search(r"(?m)^ORDER BY", q.text)))
def test_the_order_names_every_column_so_no_rows_tie(name):
    """A total order: the same rows in the same order from every store (tests/graph/query/test_stores.py)."""
    text = LIBRARY[name].text
    head = re.search(r"(?ms)^SELECT (?:DISTINCT )?(.*?) WHERE", text).group(1)
    plain = re.findall(r"\?(\w+)", re.sub(r"\([^()]*(\([^()]*\))*[^()]*\)", " ", head))  # (expr AS ?x) aside
    keys = set(re.findall(r"\?(\w+)", re.search(r"(?m)^ORDER BY (.*)$", text).group(1)))
    assert plain and set(plain) <= keys, sorted(set(plain) - keys)


PERIOD_EDGES = """
@prefix rg: <https://w3id.org/rightsgraph/ontology#> .
@prefix x: <urn:x:> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
x:Raid rdfs:subClassOf rg:Event ; rdfs:label "raid" .
x:NightRaid rdfs:subClassOf x:Raid ; rdfs:label "night raid" .
x:Unlabelled rdfs:subClassOf rg:Event .
x:Note rdfs:label "note" .
x:in a x:Raid ; rg:summary "in" ; rg:date "2009-10" ;
    rg:earliestDate "2009-10-01"^^xsd:date ; rg:latestDate "2009-10-31"^^xsd:date .
x:deep a x:NightRaid, x:Note ; rg:summary "deep" ; rg:startDate "2009-08" ;
    rg:earliestDate "2009-08-01"^^xsd:date ; rg:latestDate "2010-01-31"^^xsd:date .
x:twice a x:Raid ; rg:summary "twice", "twice again" ; rg:date "2009-11-02" ;
    rg:earliestDate "2009-11-02"^^xsd:date ; rg:latestDate "2009-11-02"^^xsd:date .
x:nosummary a x:Raid ; rg:date "2009-10" ;
    rg:earliestDate "2009-10-01"^^xsd:date ; rg:latestDate "2009-10-31"^^xsd:date .
x:nolabel a x:Unlabelled ; rg:summary "no label" ; rg:date "2009-10" ;
    rg:earliestDate "2009-10-01"^^xsd:date ; rg:latestDate "2009-10-31"^^xsd:date .
x:notevent a x:Note ; rg:summary "not an event" ; rg:date "2009-10" ;
    rg:earliestDate "2009-10-01"^^xsd:date ; rg:latestDate "2009-10-31"^^xsd:date .
x:noend a x:Raid ; rg:summary "no end" ; rg:earliestDate "2009-10-01"^^xsd:date .
x:before a x:Raid ; rg:summary "before" ; rg:date "2009-08" ;
    rg:earliestDate "2009-08-01"^^xsd:date ; rg:latestDate "2009-08-31"^^xsd:date .
x:after a x:Raid ; rg:summary "after" ; rg:date "2010-01" ;
    rg:earliestDate "2010-01-01"^^xsd:date ; rg:latestDate "2010-01-31"^^xsd:date .
"""

PLAIN_JOIN = """PREFIX rg: <https://w3id.org/rightsgraph/ontology#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
SELECT ?from ?to ?date ?event ?type ?summary WHERE {
  ?event a ?cls ; rg:summary ?summary ; rg:earliestDate ?begins ; rg:latestDate ?ends .
  FILTER(?begins <= ?to_last && ?ends >= ?from_first)
  ?cls rdfs:subClassOf* rg:Event ; rdfs:label ?type .
  OPTIONAL { ?event rg:date ?d }
  OPTIONAL { ?event rg:startDate ?s }
  BIND(COALESCE(STR(?d), STR(?s)) AS ?date)
}
ORDER BY ?date ?event ?from ?to ?type ?summary"""


def test_events_in_period_gives_the_rows_of_a_plain_join(tmp_path):
    """The query narrows by date first and keeps OPTIONALs only when bound, for speed; its rows must stay those of
    the plain join it replaced, on the cases where the two could part: an event without a summary, without an end,
    with a class that is no event or has no label, with two summaries, or a class two steps below rg:Event."""
    from graph.query import LocalBackend, bind_params, find_query

    graph = tmp_path / "edges.ttl"
    graph.write_text(PERIOD_EDGES, encoding="utf-8")
    backend = LocalBackend(graph)
    params = {"from": "2009-09", "to": "2009-12"}
    got = run_query("events_in_period", params, backend).rows
    bound = bind_params(find_query("events_in_period"), params, backend)
    expected = backend.run(PLAIN_JOIN, bound, "plain join", 1000).rows
    assert got == expected
    assert [(r["event"].rsplit(":", 1)[-1], str(r["summary"])) for r in got] == [
        ("deep", "deep"), ("in", "in"), ("twice", "twice"), ("twice", "twice again")]
