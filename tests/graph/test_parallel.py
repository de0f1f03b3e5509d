"""Work shared out over forked workers: the answers of one process, in order, from other processes."""

import os

import pytest

from graph.errors import BuildError
from graph.parallel import side_by_side, together


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


def negate_and_where(scale, item):
    return -item * scale, os.getpid()


def test_several_works_share_one_pool_and_answer_each_in_its_order():
    """The build's writers and its validation's parts on one pool: each work's answers in the order of its
    pieces, from the same workers; in this process with one job; a work without pieces answers nothing."""
    works = [(square_and_where, 1, [3, 1, 2]), (negate_and_where, 10, list(range(9))), (square_and_where, 0, [])]
    answers = together(works, jobs=2)
    assert [[a for a, _ in work] for work in answers] == [[10, 2, 5], [-10 * i for i in range(9)], []]
    pids = {pid for work in answers for _, pid in work}
    assert os.getpid() not in pids and len(pids) <= 2
    alone = together(works, jobs=1)
    assert [[a for a, _ in work] for work in alone] == [[10, 2, 5], [-10 * i for i in range(9)], []]
    assert {pid for work in alone for _, pid in work} == {os.getpid()}
    assert together([], jobs=2) == []


def test_a_workers_error_is_raised_here_as_it_was_there():
    for jobs in (1, 2):
        with pytest.raises(BuildError) as caught:
            side_by_side(refuse_three, None, [1, 2, 3, 4], jobs=jobs)
        assert str(caught.value) == "piece 3: refused on purpose"


def collector(_, item):
    import gc

    return gc.isenabled(), gc.get_freeze_count() > 0


def test_a_worker_collects_its_own_garbage_and_leaves_what_it_inherited_alone():
    """The build pauses the collector in its own process; its workers run each piece with it paused too, with
    what they inherited set aside, never walked, whatever the parent's collector did."""
    import gc

    was = gc.isenabled()
    try:
        for enabled in (False, True):
            (gc.enable if enabled else gc.disable)()
            assert side_by_side(collector, None, [1, 2], jobs=2) == [(False, True), (False, True)]
    finally:
        (gc.enable if was else gc.disable)()


LEFT: list = []  # in a worker: a weak reference to the ring its last piece left


def leave_a_ring_and_look_back(_, item):
    """Whether the ring this process's last piece left was collected (None for a worker's first piece)."""
    import weakref

    before = LEFT[-1]() is None if LEFT else None
    ring = Ring()
    LEFT.append(weakref.ref(ring))
    return before, os.getpid()


def test_a_worker_collects_the_garbage_cycles_of_each_piece_after_it():
    """pySHACL leaves garbage cycles for every part: a worker collects them after each piece, as the build's own
    process does with one job."""
    answers = side_by_side(leave_a_ring_and_look_back, None, list(range(8)), jobs=2)
    looked = [collected for collected, _ in answers if collected is not None]
    assert looked and all(looked) and os.getpid() not in {pid for _, pid in answers}


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
