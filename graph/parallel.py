"""Work shared out over the machine's cores: forked workers that start with the build's graphs in memory.

Validating hundreds of report parts and writing four serialisations are
independent pieces of pure work; on two cores they take half the time side by
side. Workers are forked, so the graphs are not copied or parsed again; only
each piece's answer comes back through a pipe, in the order of the pieces, so
the outcome never depends on how the work was shared out.

Python's cycle collector is managed here too, for the same processes: the
build pauses it (collector_paused), and each worker collects only what its
own pieces leave, after each.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
from collections.abc import Callable, Sequence
from contextlib import contextmanager

_WORK: tuple | None = None  # ((call, state, items), ...): what the forked workers read, set only while a pool runs


def cores() -> int:
    """The cores this process may use."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)


@contextmanager
def collector_paused():
    """Python's cycle collector off while the build (or a writer) runs, as it was after.

    The build makes millions of small objects (statements, index entries)
    and almost no garbage cycles, and the collector walks every object it
    tracks, again and again as their number grows: at 1,000 reports it was
    a fifth of loading, assembling and the union (9 s), and found 30
    objects to free. The forked workers, and the pieces run here, collect
    after each piece (_started, _here): pySHACL leaves cycles behind it for
    every part.
    """
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


def _started() -> None:
    """A worker collects the garbage cycles its own pieces leave (pySHACL leaves some for every part), but never
    walks what it inherited: that is never its garbage, and walking it would touch, and so copy, every page of
    the parent's memory (with the build's collector paused, every object the parent made was still waiting for
    its first collection). Each piece runs with the collector paused and is collected after (_piece): left
    running, the collector walked a piece's objects again and again while it ran, a fifth of judging a part."""
    gc.freeze()
    gc.disable()


def _here(call: Callable, state, items: Sequence) -> list:
    """The pieces in this process, collecting the garbage cycles each leaves as a worker does, where the
    collector is paused (the build pauses it): with one job, pySHACL's cycles of a thousand parts would
    otherwise stay until the build ends. What was here before is set aside while they run, never walked."""
    if gc.isenabled() or gc.get_freeze_count():  # collecting already, or a caller froze objects of its own
        return [call(state, item) for item in items]
    gc.freeze()
    try:
        out = []
        for item in items:
            out.append(call(state, item))
            gc.collect()
        return out
    finally:
        gc.unfreeze()


def _piece(index: tuple[int, int]):
    """One piece in a worker, then its garbage cycles collected (_started)."""
    work, item = index
    call, state, items = _WORK[work]
    try:
        return call(state, items[item])
    finally:
        gc.collect()


def side_by_side(call: Callable, state, items: Sequence, jobs: int | None = None) -> list:
    """[call(state, item) for item in items], on up to `jobs` forked processes (every core by default)."""
    return together([(call, state, items)], jobs)[0]


def together(works: Sequence[tuple[Callable, object, Sequence]], jobs: int | None = None) -> list[list]:
    """[[call(state, item) for item in items] for call, state, items in works], all the works' pieces on one pool
    of up to `jobs` forked processes (every core by default), handed out in the order given.

    One pool for several works keeps every core busy to the end: the build's
    four writers, side by side after the validation, left one core idle
    while the slowest finished (some seconds at 1,000 reports); given first,
    with the validation's thousand small parts after them, they end
    together. One process does it all where forking is not available, or
    there is only one piece or one job. Nothing is sent to a worker but a
    piece's place; its answer comes back pickled.
    """
    global _WORK
    jobs = jobs if jobs is not None else cores()
    places = [(w, i) for w, (_, _, items) in enumerate(works) for i in range(len(items))]
    if jobs < 2 or len(places) < 2 or "fork" not in multiprocessing.get_all_start_methods():
        return [_here(call, state, items) for call, state, items in works]
    _WORK = tuple(works)  # inherited by the forked workers: only the place of a piece is sent
    try:
        with multiprocessing.get_context("fork").Pool(min(jobs, len(places)), initializer=_started) as pool:
            answers = pool.map(_piece, places, chunksize=1)
    finally:
        _WORK = None
    out: list[list] = [[] for _ in works]
    for (w, _), answer in zip(places, answers):
        out[w].append(answer)
    return out


__all__ = ["collector_paused", "cores", "side_by_side", "together"]
