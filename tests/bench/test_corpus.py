"""The benchmark's synthetic corpora: the same files for a count, and a build that passes on them."""

import filecmp

from bench.corpus import write_corpus


def same_tree(a, b) -> bool:
    cmp = filecmp.dircmp(a, b)
    return not (cmp.left_only or cmp.right_only or cmp.diff_files) and all(
        same_tree(a / d, b / d) for d in cmp.common_dirs)


def test_the_same_count_gives_the_same_files(tmp_path):
    write_corpus(tmp_path / "a", 3)
    write_corpus(tmp_path / "b", 3)
    assert same_tree(tmp_path / "a", tmp_path / "b")
    assert len(list((tmp_path / "a" / "corpus").iterdir())) == 3


def test_every_report_builds_and_the_shared_bodies_are_curated_once(tmp_path):
    from rdflib import URIRef
    from rdflib.namespace import RDF

    from graph.build import build
    from graph.model.namespaces import RGD
    from graph.model.terms import RG

    corpus, data = write_corpus(tmp_path, 3)
    result = build(corpus, data, None)
    amnesty = URIRef(RGD + "entity/amnesty")
    typed_in = [g.identifier for g in result.dataset.graphs() if (amnesty, RDF.type, None) in g]
    named_in = [g.identifier for g in result.dataset.graphs() if (None, None, amnesty) in g]
    assert len(typed_in) == 1 and len(named_in) >= 3  # one record, pointed at from every report
    events = {str(e).rsplit("/", 1)[-1] for e in result.graph.subjects(RG.summary, None)}
    assert {"lirna-detention-0000", "lirna-detention-0002"} <= events
