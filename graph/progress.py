"""Progress bars for long steps, silence for short ones.

Reading hundreds of reports or extracting a folder takes minutes, and a
terminal that says nothing for minutes looks hung; a bar for three reports is
noise. A step shows a bar when it has at least `long` items and standard error
is a terminal (tqdm's own check), and never writes into a pipe or a log.
"""

from __future__ import annotations

import sys

LONG = 10


def progress(items, what: str, unit: str = "report", long: int = LONG, stream=None):
    from tqdm import tqdm

    items = list(items)
    return tqdm(items, desc=what, unit=unit, file=stream if stream is not None else sys.stderr,
                disable=True if len(items) < long else None, leave=False)


__all__ = ["progress"]
