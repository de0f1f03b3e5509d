"""The shapes pass on the built graph and fail, for the right reason, on broken fixtures."""

from pathlib import Path

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import PROV, RDF, RDFS, XSD

from graph.model.ontology import load_ontology, load_shapes
from graph.model.terms import RG
from graph.validate import validate

SHAPES = Path(__file__).parent.parent / "fixtures" / "shapes"
RGD = "https://w3id.org/rightsgraph/id/"
EVENT = URIRef(RGD + "event/visit")
PERSON = URIRef(RGD + "entity/a-person")
EVIDENCE_QUOTE = URIRef(RGD + "evidence/fixture/0-29/quote")
OA_EXACT = URIRef("http://www.w3.org/ns/oa#exact")


def load(name: str) -> Graph:
    g = Graph()
    for t in load_ontology():
        g.add(t)
    g.parse(SHAPES / name)
    return g


def messages(g: Graph) -> list[str]:
    return [str(v) for v in validate(g, load_shapes())]


def test_built_graph_conforms(graph):
    assert messages(graph) == []


def test_valid_fixture_conforms():
    assert messages(load("valid.ttl")) == []


def test_unknown_role():
    assert any("role must be an rg:RoleType" in m for m in messages(load("unknown-role.ttl")))


def without(*triples):
    g = load("valid.ttl")
    for t in triples:
        g.remove(t)
    return g


@pytest.mark.parametrize("remove, expected", [
    ((EVENT, RG.hasParticipation, None), "needs at least one participant"),
    ((EVENT, PROV.wasDerivedFrom, None), "has no source"),
    ((PERSON, RDFS.label, None), "needs exactly one English rdfs:label"),
    ((EVENT, RG.date, None), "needs exactly one of a date, a start date, or rg:undated true"),
    ((EVIDENCE_QUOTE, OA_EXACT, None), "needs a TextQuoteSelector with the exact text"),
])
def test_missing_piece_is_a_violation(remove, expected):
    found = messages(without(remove))
    assert any(expected in m for m in found), found


def test_second_label_in_another_language():
    g = load("valid.ttl")
    g.add((PERSON, RDFS.label, Literal("Une personne", lang="fr")))
    assert any("English rdfs:label" in m for m in messages(g))


@pytest.mark.parametrize("value", [Literal("2009-13", datatype=XSD.gYearMonth), Literal("2009-05", datatype=XSD.date),
                                   Literal("May 2009")])
def test_malformed_dates(value):
    g = without((EVENT, RG.date, None))
    g.add((EVENT, RG.date, value))
    assert any("whose text fits its type" in m for m in messages(g))


def test_undated_marker_satisfies_date_rule():
    g = without((EVENT, RG.date, None))
    g.add((EVENT, RG.undated, Literal(True)))
    assert messages(g) == []


def judgment_date_under_adoption_date(graph) -> Graph:
    """A copy of the built graph with the sub-property put back that gave the Kaboulov judgment two adoption dates
    under entailment."""
    broken = Graph()
    for triple in graph:
        broken.add(triple)
    broken.add((RG.judgmentDate, RDFS.subPropertyOf, RG.adoptionDate))
    return broken


def test_validation_also_runs_under_rdfs_entailment(graph):
    found = validate(judgment_date_under_adoption_date(graph), load_shapes())
    assert found and all("(under RDFS entailment)" in v.message for v in found)
    assert any(v.focus.endswith("/instrument/kaboulov-judgment") and v.path.endswith("adoptionDate") for v in found)


def test_entailments_are_what_rdfs_adds_and_only_that():
    """Sub-property (rdfs7), domain (rdfs2), range (rdfs3) and sub-class (rdfs9), chained, and nothing the graph says."""
    from rdflib import Namespace
    from rdflib.namespace import RDF

    from graph.validate import entailments

    x = Namespace("urn:x:")
    g = Graph()
    for triple in [(x.judged, RDFS.subPropertyOf, x.decided), (x.decided, RDFS.domain, x.Ruling),
                   (x.decided, RDFS.range, x.Case), (x.Ruling, RDFS.subClassOf, x.Event),
                   (x.Event, RDFS.subClassOf, x.Thing), (x.r, x.judged, x.c), (x.r, x.decided, x.c),
                   (x.c, x.judged, Literal("a literal has no type"))]:
        g.add(triple)
    got = set(entailments(g))
    assert got == {(x.r, RDF.type, x.Ruling), (x.r, RDF.type, x.Event), (x.r, RDF.type, x.Thing),
                   (x.c, RDF.type, x.Case), (x.c, x.decided, Literal("a literal has no type")),
                   (x.c, RDF.type, x.Ruling), (x.c, RDF.type, x.Event), (x.c, RDF.type, x.Thing)}
    assert not got & set(g) and len(got) == len(entailments(g))  # only what the graph does not say, each once


def test_judging_in_place_gives_the_same_verdict_and_leaves_the_entailed_graph(graph):
    """A build's parts are judged in place (what RDFS entails added to them, not to a copy): the same violations."""
    broken = judgment_date_under_adoption_date(graph)
    size = len(broken)
    copied = validate(broken, load_shapes())
    assert len(broken) == size  # judged on a copy: the caller's graph is as it was
    in_place = validate(broken, load_shapes(), in_place=True)
    assert in_place == copied and copied
    assert len(broken) > size  # judged in place: the graph now holds what RDFS entails


PART = URIRef(RGD + "event/visit/participant/a-person/Participant")


@pytest.mark.parametrize("event_class, role, status, fits", [
    (RG.Visit, RG.Host, RG.Reported, True),               # a host of a visit
    (RG.Chairmanship, RG.Host, RG.Reported, False),       # nobody hosts a chairmanship
    (RG.DenialOfAccess, RG.DeniedParty, RG.Reported, True),
    (RG.Detention, RG.DeniedParty, RG.Reported, False),   # a party denied access belongs to a denial of access
    (RG.JudgmentDelivery, RG.Applicant, RG.Reported, True),  # a subclass of Ruling, where applicants belong
    (RG.Release, RG.Perpetrator, RG.Reported, False),     # no perpetrator of a release
    (RG.Extradition, RG.Victim, RG.Prospective, False),   # no victim of what did not happen
    (RG.Extradition, RG.Subject, RG.Prospective, True),
])
def test_roles_stay_inside_their_meaning(event_class, role, status, fits):
    g = load("valid.ttl")
    g.set((EVENT, URIRef("http://www.w3.org/1999/02/22-rdf-syntax-ns#type"), event_class))
    g.set((PART, RG.role, role))
    g.set((EVENT, RG.claimStatus, status))
    found = [m for m in messages(g) if any(k in m for k in ("belongs only to", "is never given", "prospective event"))]
    assert (found == []) == fits, found


def split_reports(mini):
    """The fixture's report graph with the police's record moved into a second report graph, as if named there first."""
    from rdflib import Graph, URIRef

    from graph.assemble import CURATION_GRAPH, ONTOLOGY_GRAPH

    ds = mini.dataset
    (doc,) = [g for g in ds.graphs() if isinstance(g.identifier, URIRef) and len(g)
              and g.identifier not in (ONTOLOGY_GRAPH, CURATION_GRAPH)]
    police = URIRef(RGD + "entity/police")
    first, second = Graph(), Graph()
    for s, p, o in doc:
        (second if s == police else first).add((s, p, o))
    assert len(second) > 3 and (None, None, police) in first
    shared = [ds.graph(ONTOLOGY_GRAPH), ds.graph(CURATION_GRAPH)]
    return {"first": first, "second": second}, shared


def test_reports_are_validated_one_by_one_borrowing_what_they_point_at(mini):
    from graph.validate import validate_reports

    reports, shared = split_reports(mini)
    assert validate_reports(reports, shared, load_shapes()) == []
    # without the borrowed record the first report's events would name an actor of no known class
    alone = Graph()
    for g in [*shared, reports["first"]]:
        for t in g:
            alone.add(t)
    assert any("rg:Actor" in str(v) for v in validate(alone, load_shapes()))


def test_a_broken_record_in_another_report_is_still_found(mini):
    from rdflib import URIRef

    from graph.validate import validate_reports

    reports, shared = split_reports(mini)
    police = URIRef(RGD + "entity/police")
    reports["second"].remove((police, RDFS.label, None))
    found = [str(v) for v in validate_reports(reports, shared, load_shapes())]
    assert any(v.startswith(str(police)) and "English rdfs:label" in v for v in found)


def test_parts_judged_side_by_side_give_the_verdict_of_one_process(mini):
    """Two broken records in two reports: forked workers find what one process finds, in the same order."""
    from graph.validate import validate_reports

    reports, shared = split_reports(mini)
    police = URIRef(RGD + "entity/police")
    reports["second"].remove((police, RDFS.label, None))
    event = next(s for s in reports["first"].subjects(RG.summary, None))
    reports["first"].remove((event, RG.summary, None))
    alone = validate_reports(reports, shared, load_shapes(), jobs=1)
    together = validate_reports(reports, shared, load_shapes(), jobs=2)
    assert together == alone
    assert {v.focus for v in alone} >= {str(police), str(event)}


def test_a_worker_error_is_the_one_line_error_of_one_process(mini):
    from graph.errors import BuildError
    from graph.validate import validate_reports

    reports, shared = split_reports(mini)
    broken = Graph()
    for t in load_shapes():
        broken.add(t)
    shape = next(broken.subjects(URIRef("http://www.w3.org/ns/shacl#path"), None))
    broken.add((shape, URIRef("http://www.w3.org/ns/shacl#minCount"), Literal("many")))
    errors = []
    for jobs in (1, 2):
        with pytest.raises(BuildError) as caught:
            validate_reports(reports, shared, broken, jobs=jobs)
        errors.append(str(caught.value))
    assert errors[0] == errors[1]
    assert errors[0].startswith("ontology/shapes.ttl: the SHACL shapes cannot be used:") and "\n" not in errors[0]


def test_focus_nodes_in_a_set_give_pyshacl_s_own_verdict(mini, monkeypatch):
    """graph/validate.py hands pySHACL its focus nodes as a set, for speed: the parts of a build with broken
    records give the same violations as with pySHACL's own list."""
    from pyshacl.validator import Validator
    from rdflib import URIRef

    from graph.validate import validate_reports

    reports, shared = split_reports(mini)
    reports["second"].remove((URIRef(RGD + "entity/police"), RDFS.label, None))
    event = sorted(reports["first"].subjects(RG.summary, None))[0]
    reports["first"].remove((event, RG.summary, None))
    with_set = validate_reports(reports, shared, load_shapes(), jobs=1)
    assert Validator.make_executor.focus_as_a_set
    monkeypatch.setattr(Validator, "make_executor", Validator.make_executor.original)
    assert validate_reports(reports, shared, load_shapes(), jobs=1) == with_set
    assert {v.focus for v in with_set} >= {str(event), RGD + "entity/police"}


def test_constraint_parameters_in_a_set_give_pyshacl_s_own_verdict(mini, monkeypatch):
    """pySHACL looks a shape's constraint parameters up in a set here, for speed: the same answers as its list,
    and the same violations on parts with broken records."""
    from pyshacl import shape
    from pyshacl.constraints import ALL_CONSTRAINT_PARAMETERS
    from rdflib import URIRef

    from graph.validate import SH, validate_reports

    listed = shape.CONSTRAINT_PARAMS[0]
    assert type(listed).__name__ == "_Listed" and list(listed) == list(ALL_CONSTRAINT_PARAMETERS)
    for term in (*ALL_CONSTRAINT_PARAMETERS, SH.path, SH.targetClass, URIRef("urn:x:not-a-parameter")):
        assert (term in listed) == (term in list(ALL_CONSTRAINT_PARAMETERS))
    reports, shared = split_reports(mini)
    reports["second"].remove((URIRef(RGD + "entity/police"), RDFS.label, None))
    event = sorted(reports["first"].subjects(RG.summary, None))[0]
    reports["first"].remove((event, RG.summary, None))
    reports["first"].set((event, RG.date, Literal("2009-13", datatype=XSD.gYearMonth)))
    with_set = validate_reports(reports, shared, load_shapes(), jobs=1)
    monkeypatch.setattr(shape, "CONSTRAINT_PARAMS", (list(listed), shape.CONSTRAINT_PARAMS[1]))
    assert validate_reports(reports, shared, load_shapes(), jobs=1) == with_set
    assert {v.focus for v in with_set} >= {str(event), RGD + "entity/police"}
    assert any("xsd:gYearMonth" in v.message for v in with_set)


def test_results_without_their_text_give_pyshacl_s_own_verdict_and_others_get_the_text(mini, monkeypatch):
    """pySHACL leaves each result's text out while graph/validate.py runs it (the report graph is what is read):
    the same violations on parts with broken records, among them results inside sh:or, sh:xone and sh:node, and
    a caller of pySHACL's own gets its text as before."""
    from pyshacl import validate as shacl
    from pyshacl.constraints.constraint_component import ConstraintComponent
    from rdflib import URIRef

    from graph.validate import validate_reports

    reports, shared = split_reports(mini)
    reports["second"].remove((URIRef(RGD + "entity/police"), RDFS.label, None))
    events = sorted(reports["first"].subjects(RG.summary, None))
    reports["first"].set((events[0], RG.date, Literal("2009-13", datatype=XSD.gYearMonth)))  # sh:node, sh:or
    reports["first"].remove((events[1], RG.date, None))  # sh:xone
    reports["first"].remove((events[1], RG.undated, None))
    reports["first"].remove((events[1], RG.startDate, None))
    without_text = validate_reports(reports, shared, load_shapes(), jobs=1)
    describe = ConstraintComponent.make_v_result_description
    assert describe.only_when_read
    monkeypatch.setattr(ConstraintComponent, "make_v_result_description", describe.original)
    assert validate_reports(reports, shared, load_shapes(), jobs=1) == without_text
    monkeypatch.undo()
    messages = {(v.focus, v.message) for v in without_text}
    assert ("2009-13", "must be an xsd:date, xsd:gYearMonth or xsd:gYear whose text fits its type") in messages
    assert (str(events[1]), "needs exactly one of a date, a start date, or rg:undated true") in messages
    conforms, _, text = shacl(without((EVENT, RG.date, None)), shacl_graph=load_shapes())
    assert not conforms and "Constraint Violation in XoneConstraintComponent" in text
    assert "needs exactly one of a date, a start date, or rg:undated true" in text


def test_a_part_s_entailments_are_the_shared_ones_and_its_own(mini, monkeypatch):
    """A build works out the shared statements' entailments once and each part's own: what it finds RDFS adds
    that a shape can see is what working out the whole part finds, none, some, and (where a report says
    something of the schema) left to the whole part's; and the violations are the same as the whole part's."""
    from rdflib import URIRef

    import graph.validate as V

    reports, shared = split_reports(mini)
    untyped = URIRef(RGD + "event/untyped")
    reports["third"] = Graph()
    reports["third"].add((untyped, RG.hasParticipation, URIRef(RGD + "event/untyped/participant")))
    reports["second"].add((URIRef(RGD + "class/sub-event"), RDFS.subClassOf, RG.Event))
    found = []
    added = V._Entailer.added

    def checked(self, part, statements):
        got = added(self, part, statements)
        whole = V.entailments(part)
        found.append(got)
        assert got is None or got == ([] if V.unseen(whole, part, self.shapes) else whole)
        return got

    monkeypatch.setattr(V._Entailer, "added", checked)
    parts = V.validate_reports(reports, shared, load_shapes(), jobs=1)
    assert [] in found and None in found and any(found)
    assert any(t == (untyped, RDF.type, RG.Event) for got in found if got for t in got)
    monkeypatch.setattr(V._Entailer, "added", lambda self, part, statements: None)
    assert V.validate_reports(reports, shared, load_shapes(), jobs=1) == parts
    assert str(untyped) in {v.focus for v in parts}


def test_property_shapes_judged_in_one_call_give_pyshacl_s_own_verdict(mini, monkeypatch):
    """pySHACL judges all the nodes a property shape is asked about in one call here, for speed: parts with
    several events broken the same way and in different ways (a missing summary, a second claim status, a
    malformed date, an actor's missing label) give the same violations as pySHACL's call per node."""
    from pyshacl.constraints.core.shape_based_constraints import PropertyConstraintComponent
    from rdflib import URIRef

    from graph.validate import validate_reports

    reports, shared = split_reports(mini)
    reports["second"].remove((URIRef(RGD + "entity/police"), RDFS.label, None))
    events = sorted(reports["first"].subjects(RG.summary, None))
    assert len(events) >= 3
    for event in events[:2]:
        reports["first"].remove((event, RG.summary, None))
    reports["first"].add((events[1], RG.claimStatus, RG.Alleged))
    reports["first"].add((events[1], RG.claimStatus, RG.Established))
    reports["first"].set((events[2], RG.date, Literal("2009-13", datatype=XSD.gYearMonth)))
    in_one_call = validate_reports(reports, shared, load_shapes(), jobs=1)
    run = PropertyConstraintComponent._evaluate_property_shape
    assert run.in_one_call
    monkeypatch.setattr(PropertyConstraintComponent, "_evaluate_property_shape", run.original)
    assert validate_reports(reports, shared, load_shapes(), jobs=1) == in_one_call
    found = {(v.focus, v.path.rsplit("#", 1)[-1]) for v in in_one_call}
    assert {(str(events[0]), "summary"), (str(events[1]), "summary"), (str(events[1]), "claimStatus"),
            (str(events[2]), "date")} <= found
    assert RGD + "entity/police" in {v.focus for v in in_one_call}


def test_an_entailment_no_shape_can_see_is_not_judged_again():
    """What RDFS adds is judged again only where a core shape can see it: a predicate or a class it names."""
    from rdflib import BNode, Namespace
    from rdflib.namespace import RDF

    from graph.validate import unseen

    x, sh = Namespace("urn:x:"), Namespace("http://www.w3.org/ns/shacl#")
    shapes = Graph()
    prop = BNode()
    for triple in [(x.S, RDF.type, sh.NodeShape), (x.S, sh.targetClass, x.Named), (x.S, sh.property, prop),
                   (prop, sh.path, x.p), (prop, sh.maxCount, Literal(1)),
                   (x.Implicit, RDF.type, sh.NodeShape), (x.Implicit, RDF.type, RDFS.Class)]:
        shapes.add(triple)
    data = Graph()
    for triple in [(x.Sub, RDFS.subClassOf, x.Named), (x.Other, RDFS.subClassOf, x.Top), (x.a, RDF.type, x.Sub)]:
        data.add(triple)
    cases = [
        ([], True),
        ([(x.a, RDF.type, x.Named)], True),  # a is a Named already, through Sub
        ([(x.b, RDF.type, x.Named)], False),  # b becomes a target
        ([(x.b, RDF.type, x.Sub)], False),  # and so it does through a sub-class
        ([(x.b, RDF.type, x.Implicit)], False),  # a class that is a shape targets its instances
        ([(x.b, RDF.type, x.Other)], True),  # no shape names Other, nor Top above it
        ([(x.a, x.q, x.b)], True),  # no shape names q
        ([(x.a, x.q, x.b), (x.a, x.p, x.c)], False),  # p is in a path
        ([(x.New, RDFS.subClassOf, x.Top)], False),  # a sub-class statement changes every class check
    ]
    for added, expected in cases:
        assert unseen(added, data, shapes) is expected, added
    shapes.add((x.S, sh.closed, Literal(True)))
    assert unseen([(x.a, x.q, x.b)], data, shapes) is False  # a closed shape sees every predicate


def test_leaving_out_what_no_shape_can_see_gives_the_same_verdict(mini, graph, monkeypatch):
    """A build's parts with broken records, and the built graph, judged with the second judgement left out where
    no shape can see what RDFS adds, and always judged twice: the same violations."""
    import graph.validate as V

    reports, shared = split_reports(mini)
    reports["second"].remove((URIRef(RGD + "entity/police"), RDFS.label, None))
    event = sorted(reports["first"].subjects(RG.summary, None))[0]
    reports["first"].remove((event, RG.summary, None))
    broken = Graph()
    for triple in graph:
        broken.add(triple)
    broken.remove((URIRef(RGD + "entity/nss"), RDFS.label, None))
    decided = []
    seen = V.unseen
    monkeypatch.setattr(V, "unseen", lambda *args: decided.append(seen(*args)) or decided[-1])
    parts = V.validate_reports(reports, shared, load_shapes(), jobs=1)
    whole = V.validate(broken, load_shapes())
    assert True in decided and parts and whole  # some judgement was left out, and there was something to find
    monkeypatch.setattr(V, "unseen", lambda *args: False)
    assert V.validate_reports(reports, shared, load_shapes(), jobs=1) == parts
    assert V.validate(broken, load_shapes()) == whole


@pytest.mark.parametrize("value", [Literal("2009-13", datatype=XSD.gYearMonth), Literal("May 2009")])
def test_a_part_checks_a_value_against_a_shape_of_its_own(mini, value):
    """A part of a build is judged with its own subjects as focus. A value checked against a shape of its own
    (a date against rgs:DateValue, through sh:node) is checked too, as when the whole graph is judged:
    pySHACL filtered those checks by the focus nodes as well, and a malformed date passed."""
    from graph.validate import validate_reports

    reports, shared = split_reports(mini)
    event = sorted(reports["first"].subjects(RG.date, None))[0]
    reports["first"].set((event, RG.date, value))
    found = validate_reports(reports, shared, load_shapes(), jobs=1)
    assert any("whose text fits its type" in v.message for v in found), found
    assert any(v.focus == str(event) and v.path == str(RG.date) for v in found)
    whole = Graph()
    for g in [*shared, *reports.values()]:
        for triple in g:
            whole.add(triple)
    assert found == validate(whole, load_shapes())


def test_a_role_given_in_the_wrong_event_is_found_at_the_event_in_its_part(mini):
    """The role shapes target the roles and reach the events through the participations: in a build, each
    report's part finds its own, and the violation names the event (not the role)."""
    from graph.validate import validate_reports

    reports, shared = split_reports(mini)
    first = reports["first"]
    event, part = next((e, p) for e, p in sorted(first.subject_objects(RG.hasParticipation))
                       if (e, RDF.type, RG.Visit) not in first)
    first.set((part, RG.role, RG.Host))
    found = validate_reports(reports, shared, load_shapes(), jobs=1)
    assert [(v.focus, v.message) for v in found if "belongs only to" in v.message] == \
        [(str(event), "role Host belongs only to: Visit")]


def test_a_participation_belongs_to_one_event():
    """The role rules read a participation's event; one without an event (or with two) is refused itself."""
    g = load("valid.ttl")
    orphan = URIRef(RGD + "event/visit/participant/nobody/Victim")
    for t in [(orphan, RDF.type, RG.Participation), (orphan, RG.participant, PERSON), (orphan, RG.role, RG.Victim)]:
        g.add(t)
    assert any(m.startswith(str(orphan)) and "belongs to exactly one event" in m for m in messages(g))
    g.add((URIRef(RGD + "event/other"), RG.hasParticipation, PART))
    assert any(m.startswith(str(PART)) and "belongs to exactly one event" in m for m in messages(g))


def test_a_part_s_store_names_the_graphs_of_what_it_matches_as_rdflib_s_own():
    """A part's store works out the named graphs of a statement only when asked: asked, it gives rdflib's."""
    from rdflib.plugins.stores.memory import Memory

    from graph.named_graphs import Store

    answers = []
    for store in (Memory(), Store()):
        g = Graph(store=store, identifier=URIRef(RGD + "graph/part"))
        for t in load("valid.ttl"):
            g.add(t)
        answers.append(sorted((t, sorted(str(c.identifier) for c in contexts))
                              for t, contexts in store.triples((None, None, None), None)))
    assert answers[0] == answers[1] and answers[0]
    assert all(names == [RGD + "graph/part"] for _, names in answers[1])


def test_a_part_sees_what_a_shape_can_see_of_the_shared_graphs_and_judges_as_with_all(mini, monkeypatch):
    """Each report's part copies, of the shared graphs, only what a shape can see or RDFS entail from: the
    ontology's comments and mappings stay out, and broken parts get the verdict they get with everything."""
    from rdflib.namespace import SKOS

    import graph.validate as validation

    shapes = load_shapes()
    context = validation.visible(load_ontology(), shapes)
    assert (None, RDFS.comment, None) not in context and (None, SKOS.closeMatch, None) not in context
    for kept in (RDFS.label, RDFS.subClassOf, RDFS.domain, URIRef("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")):
        assert set(context.triples((None, kept, None))) == set(load_ontology().triples((None, kept, None)))
    reports, shared = split_reports(mini)
    reports["second"].remove((URIRef(RGD + "entity/police"), RDFS.label, None))
    event, part = sorted(reports["first"].subject_objects(RG.hasParticipation))[0]
    reports["first"].set((part, RG.role, RG.Host))
    reports["first"].set((event, RG.date, Literal("2009-13", datatype=XSD.gYearMonth)))
    seen = validation.validate_reports(reports, shared, shapes, jobs=1)
    monkeypatch.setattr(validation, "visible", lambda data, shapes: data)
    assert validation.validate_reports(reports, shared, shapes, jobs=1) == seen
    said = " ".join(v.message for v in seen)
    assert "role Host belongs only to: Visit" in said and "English rdfs:label" in said and "fits its type" in said
