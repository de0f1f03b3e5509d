"""Work shared out over forked workers: the answers of one process, in order, from other processes."""

import os

import pytest

from graph.errors import BuildError
from graph.parallel import side_by_side


def square_and_where(offset, item):
    return item * item + offset, os.getpid()


def refuse_three(_, item):
    if item == 3:
        raise BuildError("piece 3", "refused on purpose")
    return item


def test_answers_come_back_in_order_from_forked_workers():
    items = list(range(12))
    answers = side_by_side(square_and_where, 5, items, jobs=2)
    assert [a for a, _ in answers] == [i * i + 5 for i in items]
    assert os.getpid() not in {pid for _, pid in answers}


def test_one_job_or_one_piece_stays_in_this_process():
    assert {pid for _, pid in side_by_side(square_and_where, 0, [1, 2, 3], jobs=1)} == {os.getpid()}
    assert side_by_side(square_and_where, 0, [4], jobs=2) == [(16, os.getpid())]
    assert side_by_side(square_and_where, 0, [], jobs=2) == []


def test_a_workers_error_is_raised_here_as_it_was_there():
    for jobs in (1, 2):
        with pytest.raises(BuildError) as caught:
            side_by_side(refuse_three, None, [1, 2, 3, 4], jobs=jobs)
        assert str(caught.value) == "piece 3: refused on purpose"


def collector(_, item):
    import gc

    return gc.isenabled(), gc.get_freeze_count() > 0


def test_a_worker_collects_its_own_garbage_and_leaves_what_it_inherited_alone():
    """The build pauses the collector in its own process; its workers collect again (pySHACL leaves cycles for
    every part), with what they inherited set aside, never walked."""
    import gc

    was = gc.isenabled()
    gc.disable()
    try:
        assert side_by_side(collector, None, [1, 2], jobs=2) == [(True, True), (True, True)]
    finally:
        if was:
            gc.enable()


def test_a_build_pauses_the_collector_and_leaves_it_as_it_found_it(tmp_path, monkeypatch):
    import gc

    from graph import build

    seen = []
    monkeypatch.setattr(build, "_build", lambda *args: seen.append(gc.isenabled()))
    was = gc.isenabled()
    try:
        for enabled in (True, False):
            (gc.enable if enabled else gc.disable)()
            build.build(tmp_path, tmp_path)
            assert gc.isenabled() is enabled
    finally:
        (gc.enable if was else gc.disable)()
    assert seen == [False, False]


class Ring:
    """A garbage cycle: only the cycle collector frees it."""

    def __init__(self):
        self.me = self


def leave_a_ring(rings, item):
    import weakref

    ring = Ring()
    rings.append(weakref.ref(ring))
    return item


def test_pieces_in_this_process_have_their_garbage_cycles_collected_while_the_build_pauses_the_collector():
    """With one job (or one core) the parts are judged in the build's own process, whose collector is paused:
    the cycles each leaves are still collected, as a worker collects them, and the collector is left paused."""
    import gc

    was = gc.isenabled()
    gc.disable()
    try:
        rings = []
        assert side_by_side(leave_a_ring, rings, [1, 2, 3], jobs=1) == [1, 2, 3]
        assert len(rings) == 3 and all(ring() is None for ring in rings)
        assert not gc.isenabled() and gc.get_freeze_count() == 0
    finally:
        if was:
            gc.enable()
