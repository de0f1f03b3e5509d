"""Reconciliation on recorded answers proposes the right candidate first and verifies nothing by itself."""


import pytest

from graph.links import reconcile
from rightsgraph.cli import main
from graph.build import load as load_curation
from graph.errors import BuildError
from tests.paths import FIXTURES

RESPONSES = FIXTURES / "wikidata"


@pytest.fixture
def curation(data_copy, corpus):
    return load_curation(data_copy, corpus)


@pytest.mark.parametrize("entity, expected", [("nazarbaev", "Q19766"), ("almaty", "Q999999911"),
                                              ("supreme-court", "Q999999921")])
def test_right_candidate_first(curation, entity, expected):
    found = reconcile.reconcile(curation, [entity], reconcile.recorded_fetch(RESPONSES))
    assert found[0].qid == expected and found[0].rank == 1
    assert found[0].score > found[1].score


def test_candidates_are_written_unverified_then_accepted(data_copy, corpus, capsys):
    assert main(["link", "almaty", "supreme-court", "--responses", str(RESPONSES), "--data", str(data_copy),
                 "--corpus", str(corpus)]) == 0
    text = (data_copy / "link-candidates.yaml").read_text()
    assert "UNVERIFIED" in text and '"id": "Q999999921"' in text and "not confirmed" in text
    assert "Q999999921" not in (data_copy / "links.yaml").read_text()
    with pytest.raises(BuildError, match="say how the link was confirmed"):
        reconcile.accept(data_copy, "supreme-court", "Q999999921", "ok")
    with pytest.raises(BuildError, match="'almaty' already has a verified Wikidata link"):
        reconcile.accept(data_copy, "almaty", "Q999999911", "test: checked the item's label and country by hand")
    reconcile.accept(data_copy, "supreme-court", "Q999999921", "test: checked the item's label and country by hand",
                     today="2026-11-28")
    links = load_curation(data_copy, corpus).links
    accepted = next(l for l in links if l.entity == "supreme-court")
    assert (accepted.id, accepted.verified, accepted.checked) == ("Q999999921", True, "2026-11-28")
    assert '"entity": "supreme-court"' not in (data_copy / "link-candidates.yaml").read_text()


def test_an_item_recorded_as_different_is_never_proposed(curation):
    found = reconcile.reconcile(curation, ["cat"], reconcile.recorded_fetch(RESPONSES))
    assert [c.qid for c in found] == ["Q999999931", "Q999999932"] and found[0].rank == 1
    assert "cat" in reconcile.unlinked(curation)  # a "not this item" row is no link


def test_without_network_one_line_and_nothing_written(data_copy, corpus, capsys):
    code = main(["link", "almaty", "--data", str(data_copy), "--corpus", str(corpus)])
    err = capsys.readouterr().err.strip().splitlines()
    assert code == 2 and len(err) == 1 and "no network" in err[0] and "nothing was written" in err[0]
    assert not (data_copy / "link-candidates.yaml").exists()


def test_unlinked_lists_entities_without_wikidata(curation):
    todo = reconcile.unlinked(curation)
    assert "supreme-court" in todo and "almaty" not in todo and "kazakhstan" not in todo and "nazarbaev" not in todo


@pytest.mark.network
def test_live_search_finds_kazakhstan(curation):
    found = reconcile.reconcile(curation, ["kazakhstan"])
    assert found[0].qid == "Q232"
