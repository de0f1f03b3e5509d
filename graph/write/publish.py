"""Publishing a whole output folder in one step: readers see the old set or the new set, never a mix.

Writing files one by one into out/ leaves a mixed set when the process is
killed half-way (new graph files beside an old page), and two builds into
one folder interleave. So a build writes everything into a fresh folder
beside out/, then exchanges the two folders with one atomic rename
(``renameat2(RENAME_EXCHANGE)`` on Linux; elsewhere two renames, with a
moment where out/ is missing but never mixed), under an exclusive lock on a
file beside out/. Entries of out/ that the build does not own (a served
store, review sheets, pages written by other commands) are carried into the
new folder as hard links before the exchange, so nothing of yours is lost.
Folders left by a killed build are removed by the next one, under the lock.
"""

from __future__ import annotations

import contextlib
import ctypes
import errno
import fcntl
import os
import shutil
from pathlib import Path

from graph.errors import BuildError

STAGE_MARK = ".new-"


def _siblings(out_dir: Path) -> tuple[Path, Path]:
    parent = out_dir.resolve().parent
    return parent / f".{out_dir.name}.lock", parent / f".{out_dir.name}{STAGE_MARK}{os.getpid()}"


@contextlib.contextmanager
def staged(out_dir: Path, owned: set[str]):
    """Yield a fresh folder to write into; on success it becomes out_dir, on failure it is removed."""
    if out_dir.exists() and not out_dir.is_dir():
        raise BuildError(str(out_dir), "is a file; --out names the folder the outputs go to")
    lock_path, stage = _siblings(out_dir)
    lock_path.parent.mkdir(parents=True, exist_ok=True)
    with open(lock_path, "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # a second build waits for the first, then replaces its set whole
        for stale in lock_path.parent.glob(f".{out_dir.name}{STAGE_MARK}*"):
            shutil.rmtree(stale, ignore_errors=True)
        stage.mkdir()
        try:
            yield stage
            if out_dir.is_dir():
                _carry_over(out_dir, stage, owned)
            _swap(stage, out_dir)
        finally:
            shutil.rmtree(stage, ignore_errors=True)


def _carry_over(old: Path, new: Path, owned: set[str]) -> None:
    for entry in sorted(old.iterdir()):
        if entry.name in owned or (new / entry.name).exists():
            continue
        if entry.is_dir() and not entry.is_symlink():
            shutil.copytree(entry, new / entry.name, symlinks=True, copy_function=_link)
        else:
            _link(entry, new / entry.name)


def _link(src, dst) -> None:
    try:
        os.link(src, dst, follow_symlinks=False)
    except OSError:
        shutil.copy2(src, dst, follow_symlinks=False)


def _swap(stage: Path, out_dir: Path) -> None:
    """Put stage at out_dir in one step; the old folder ends up at stage's path (then removed)."""
    if not out_dir.exists():
        os.rename(stage, out_dir)
        return
    if _exchange(stage, out_dir):
        return
    aside = stage.with_name(stage.name + ".old")
    os.rename(out_dir, aside)
    os.rename(stage, out_dir)
    os.rename(aside, stage)


def _exchange(a: Path, b: Path) -> bool:
    libc = ctypes.CDLL(None, use_errno=True)
    renameat2 = getattr(libc, "renameat2", None)
    if renameat2 is None:
        return False
    at_fdcwd, rename_exchange = -100, 2
    if renameat2(at_fdcwd, os.fsencode(a), at_fdcwd, os.fsencode(b), rename_exchange) == 0:
        return True
    code = ctypes.get_errno()
    if code in (errno.ENOSYS, errno.EINVAL, errno.EOPNOTSUPP):
        return False
    raise OSError(code, os.strerror(code), str(b))
