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
