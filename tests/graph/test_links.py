"""The link table: verified links become sameAs, candidates stay candidates, ECLIs fit the pattern."""

import re

import pytest
from rdflib import URIRef
from rdflib.namespace import OWL, RDF, SKOS, XSD

from graph.errors import BuildError
from graph.links import echr_ecli, iso3166, load_links
from graph.namespaces import RGD
from graph.terms import RG

WD = "http://www.wikidata.org/entity/"


def test_echr_ecli_pattern():
    ecli = echr_ecli("2009-11-19", "41015/04")
    assert ecli == "ECLI:CE:ECHR:2009:1119JUD004101504"
    assert re.fullmatch(r"ECLI:CE:ECHR:\d{4}:\d{4}(JUD|DEC)\d{7}\d{2}", ecli)


def test_only_verified_links_are_same_as(graph):
    same = {(str(s), str(o)) for s, o in graph.subject_objects(OWL.sameAs)}
    assert same == {(str(RGD["entity/kazakhstan"]), WD + "Q232"), (str(RGD["entity/ecthr"]), WD + "Q122880")}
    assert (RGD["entity/nazarbaev"], SKOS.closeMatch, URIRef(WD + "Q19766")) in graph
    assert (RGD["entity/osce"], OWL.sameAs, None) not in graph


def test_every_link_has_a_source_and_a_verified_flag(graph):
    links = set(graph.subjects(RDF.type, RG.ExternalLink))
    assert len(links) == 13
    for link in links:
        assert len(str(graph.value(link, RG.linkSource))) > 20
        assert graph.value(link, RG.verified).datatype == XSD.boolean


def test_no_entity_has_two_qids(graph):
    seen = {}
    for s, o in graph.subject_objects(OWL.sameAs):
        assert seen.setdefault(s, o) == o


def test_judgment_identifiers(graph):
    j = RGD["instrument/kaboulov-judgment"]
    assert str(graph.value(j, RG.applicationNumber)) == "41015/04"
    assert str(graph.value(j, RG.judgmentDate)) == "2009-11-19"
    assert str(graph.value(j, RG.ecli)) == echr_ecli("2009-11-19", "41015/04")


def test_iso_codes_from_pycountry(graph):
    assert iso3166("Kazakhstan") == ("KZ", "KAZ")
    assert str(graph.value(RGD["entity/uzbekistan"], RG.iso3166Alpha2)) == "UZ"
    assert iso3166("Atlantis") is None


def write(tmp_path, rows):
    path = tmp_path / "links.yaml"
    path.write_text(rows)
    return path


def test_two_verified_qids_for_one_entity_is_an_error(tmp_path):
    path = write(tmp_path, """
- {entity: a, scheme: wikidata, id: Q1, match: exact, verified: true, checked: "2026-11-28", source: "a checked source"}
- {entity: a, scheme: wikidata, id: Q2, match: exact, verified: true, checked: "2026-11-28", source: "another source"}
""")
    with pytest.raises(BuildError, match="two verified wikidata identifiers"):
        load_links(path, {"a"})


def test_one_qid_for_two_entities_is_an_error(tmp_path):
    path = write(tmp_path, """
- {entity: a, scheme: wikidata, id: Q1, match: exact, verified: false, checked: "2026-11-28", source: "a source"}
- {entity: b, scheme: wikidata, id: Q1, match: exact, verified: false, checked: "2026-11-28", source: "a source"}
""")
    with pytest.raises(BuildError, match="given to both 'a' and 'b'"):
        load_links(path, {"a", "b"})


@pytest.mark.parametrize("row, message", [
    ('{entity: a, scheme: wikidata, id: X12, match: exact, verified: false, checked: "2026-11-28", source: "s s s"}', "not a well-formed wikidata"),
    ('{entity: a, scheme: wikidata, id: Q12, match: exact, verified: false, checked: "2026-11-28"}', "missing field 'source'"),
    ('{entity: a, scheme: wikidata, id: Q12, match: exact, checked: "2026-11-28", source: "s s s"}', "missing field 'verified'"),
    ('{entity: zz, scheme: wikidata, id: Q12, match: exact, verified: false, checked: "2026-11-28", source: "s"}', "unknown"),
])
def test_bad_rows(tmp_path, row, message):
    with pytest.raises(BuildError, match=message):
        load_links(write(tmp_path, f"- {row}\n"), {"a"})


def test_ecli_must_fit_date_and_application(tmp_path):
    path = write(tmp_path, """
- {entity: j, scheme: echr-application, id: 41015/04, match: exact, verified: true, checked: "2026-11-28", source: "case-law sites"}
- {entity: j, scheme: judgment-date, id: "2009-11-19", match: exact, verified: true, checked: "2026-11-28", source: "case-law sites"}
- {entity: j, scheme: ecli, id: "ECLI:CE:ECHR:2009:1120JUD004101504", match: exact, verified: false, checked: "2026-11-28", source: "derived"}
""")
    with pytest.raises(BuildError, match=r"does not fit the ECHR pattern \(ECLI:CE:ECHR:2009:1119JUD004101504\)"):
        load_links(path, {"j"})
