"""The link table: verified links become sameAs, candidates stay candidates, ECLIs fit the pattern."""

import re
from pathlib import Path

import pytest
from rdflib import URIRef
from rdflib.namespace import OWL, RDF, SKOS, XSD

from graph.errors import BuildError
from graph.links.table import echr_ecli, iso3166, load_links
from graph.model.namespaces import RGD
from graph.model.terms import RG

WD = "http://www.wikidata.org/entity/"


def test_echr_ecli_pattern():
    ecli = echr_ecli("2009-11-19", "41015/04")
    assert ecli == "ECLI:CE:ECHR:2009:1119JUD004101504"
    assert re.fullmatch(r"ECLI:CE:ECHR:\d{4}:\d{4}(JUD|DEC)\d{7}\d{2}", ecli)


def test_only_verified_links_are_same_as(graph):
    same = {(str(s).rsplit("/", 1)[1], str(o)[len(WD):]) for s, o in graph.subject_objects(OWL.sameAs)}
    assert same == {("kazakhstan", "Q232"), ("uzbekistan", "Q265"), ("ukraine", "Q212"), ("astana", "Q1520"),
                    ("almaty", "Q35493"), ("semey", "Q61944"), ("ecthr", "Q122880"), ("osce", "Q81299")}
    assert (RGD["entity/nazarbaev"], SKOS.closeMatch, URIRef(WD + "Q19766")) in graph
    assert (RGD["entity/tokayev"], SKOS.closeMatch, URIRef(WD + "Q200881")) in graph
    assert (None, None, URIRef(WD + "Q61513")) not in graph  # the probably wrong id is gone
    assert (RGD["entity/unhcr"], OWL.sameAs, None) not in graph


def test_the_un_committee_is_never_the_council_of_europe_one(graph):
    coe_committee = URIRef(WD + "Q1378135")
    assert (RGD["entity/cat"], OWL.differentFrom, coe_committee) in graph
    assert (RGD["entity/cat"], OWL.sameAs, coe_committee) not in graph
    assert (RGD["entity/cat"], SKOS.closeMatch, coe_committee) not in graph


def test_every_link_has_a_source_and_a_verified_flag(graph):
    links = set(graph.subjects(RDF.type, RG.ExternalLink))
    assert links
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


ROW = '{{entity: {entity}, scheme: wikidata, id: {id}, match: {match}, verified: {verified}, checked: "2026-11-28", source: "{source}"}}'


@pytest.mark.parametrize("rows, message", [
    ([("a", "Q1", "exact", "true", "a checked source"), ("a", "Q2", "exact", "true", "another source")],
     "two verified wikidata identifiers"),
    ([("a", "Q1", "exact", "false", "a source"), ("b", "Q1", "exact", "false", "a source")],
     "given to both 'a' and 'b'"),
    ([("a", "Q9", "distinct", "true", "a checked source says Q9 is another body"), ("a", "Q9", "close", "false", "a list")],
     "must not be linked to Q9: .* records it as a different item"),
    ([("a", "Q9", "distinct", "false", "a guess")], "needs scheme wikidata and verified: true"),
])
def test_rows_that_contradict_each_other_or_the_rules(tmp_path, rows, message):
    text = "".join("- " + ROW.format(entity=e, id=i, match=m, verified=v, source=src) + "\n" for e, i, m, v, src in rows)
    with pytest.raises(BuildError, match=message):
        load_links(write(tmp_path, text), {"a", "b"})


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


# --------------------------------------------------------------------------
# The link table and ../shared/links.md cannot drift apart.

MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December")


def links_md_rows(path: Path) -> list[dict[str, str]]:
    """The rows of every table in links.md, as thing / identifier / status."""
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if not line.startswith("|") or len(cells) < 3 or set(cells[0]) <= {"-"} or cells[0] == "thing":
            continue
        rows.append({"thing": cells[0], "identifier": cells[1], "status": cells[2]})
    return rows


def spellings(link) -> set[str]:
    """How links.md may write an identifier: as it is, or a date as '19 November 2009'."""
    out = {link.id}
    if link.scheme == "judgment-date":
        year, month, day = link.id.split("-")
        out.add(f"{int(day)} {MONTHS[int(month) - 1]} {year}")
    return out


def words(text: str) -> set[str]:
    return {w for w in re.findall(r"[a-z0-9]+", text.lower()) if len(w) > 2}


def test_every_verified_link_is_checked_in_shared_links_md(corpus):
    from graph.build import load as load_curation
    from tests.paths import DATA_DIR

    links_md = corpus.parent / "links.md"
    rows = links_md_rows(links_md)
    assert len(rows) >= 15, f"could not read the tables of {links_md}"
    curation = load_curation(DATA_DIR, corpus)
    verified = [l for l in curation.links if l.verified and l.identifies]
    assert len(verified) >= 10
    for link in verified:
        entity = curation.entities[link.entity]
        names = words(" ".join([entity.label, *entity.aliases]))
        checked = [r for r in rows if r["status"].startswith("checked")
                   and any(s in r["identifier"] for s in spellings(link))]
        assert checked, f"{link.entity} {link.scheme} {link.id} is verified in data/links.yaml but not 'checked' in {links_md}"
        assert any(names & words(r["thing"]) for r in checked), \
            f"{link.id} is checked in links.md for {[r['thing'] for r in checked]}, not for {entity.label!r}"
    for link in curation.links:
        if not link.identifies:
            paragraphs = [" ".join(p.split()) for p in links_md.read_text(encoding="utf-8").split("\n\n")]
            said = [p for p in paragraphs if link.id in p]
            assert any("never use" in p and "different" in p for p in said), \
                f"{link.entity} is recorded as distinct from {link.id}, which links.md does not say"


def test_unverified_rows_are_not_checked_in_links_md(corpus):
    """A 'one source' or 'conflicting' row in links.md never ships as verified, and vice versa."""
    from graph.build import load as load_curation
    from tests.paths import DATA_DIR

    rows = links_md_rows(corpus.parent / "links.md")
    for link in load_curation(DATA_DIR, corpus).links:
        if link.scheme == "wikidata" and link.identifies and not link.verified:
            statuses = [r["status"] for r in rows if r["identifier"] == link.id]
            assert statuses and not any(s.startswith("checked") for s in statuses), link
