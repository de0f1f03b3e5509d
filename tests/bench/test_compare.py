"""The side-by-side build comparison: each tree builds in a process of its own, and the table says both."""

from bench.compare import ROOT, one_build, table
from tests.paths import MINI_CORPUS, MINI_DATA


def test_a_tree_builds_in_its_own_process_and_says_where_the_time_went():
    found = one_build(ROOT, MINI_CORPUS, MINI_DATA)
    assert found["statements"] > 100 and found["total"] > 0
    assert {"load", "assemble", "validate and write", "validate: parts judged", "read back"} <= set(found)
    text = table([(1, found["statements"], found, {**found, "total": found["total"] / 2})], "abc1234")
    assert "| abc1234 (s) | this tree (s) | this tree / abc1234 |" in text
    assert f"| 1 | {found['statements']:,} | total | {found['total']:.2f} | {found['total'] / 2:.2f} | 0.50 |" in text
    rest = found["total"] - found["load"] - found["assemble"] - found["union"]
    assert f"| validate and write (total less load, assemble, union) | {rest:.2f} |" in text


def test_a_build_given_an_empty_cache_hashes_and_keeps_every_part(tmp_path):
    """--cache: each build has an empty verdict cache of its own, so every part is validated and kept: as many
    as a build here validates with an empty cache (each report's part and the shared graphs')."""
    from graph.build import build

    parts = build(MINI_CORPUS, MINI_DATA, tmp_path / "cache", jobs=1).verdicts.misses
    assert parts == len(list((tmp_path / "cache" / "verdicts").glob("*.json"))) >= 2
    assert one_build(ROOT, MINI_CORPUS, MINI_DATA)["parts validated"] == 0  # no cache: nothing counted
    assert one_build(ROOT, MINI_CORPUS, MINI_DATA, cache=True)["parts validated"] == parts
    assert one_build(ROOT, MINI_CORPUS, MINI_DATA, cache=True)["parts validated"] == parts  # a cache of its own each time
