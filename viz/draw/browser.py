"""Headless Chromium (Debian's `chromium`) for screenshots of the pages we ship."""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

from graph.errors import BuildError

# Flags that keep Chromium from reaching out to the network at start (the machine has none).
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync", "--hide-scrollbars"]


def chromium() -> str | None:
    for name in ("chromium", "chromium-browser", "google-chrome"):
        found = shutil.which(name)
        if found:
            return found
    return None


def screenshot(page: Path, target: Path, width: int = 1500, height: int = 950) -> Path:
    binary = chromium()
    if binary is None:
        raise BuildError("chromium", "headless Chromium is not installed (Debian package chromium)")
    target.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as profile:
        tmp = target.with_name(f".{target.name}.tmp.png")
        done = subprocess.run([binary, *FLAGS, f"--user-data-dir={profile}", f"--window-size={width},{height}",
                               "--virtual-time-budget=5000", f"--screenshot={tmp}", page.resolve().as_uri()],
                              capture_output=True, text=True, timeout=120)
        if done.returncode != 0 or not tmp.exists():
            raise BuildError(str(page), f"Chromium could not take a screenshot: {done.stderr.strip().splitlines()[-1:] or ''}")
        tmp.replace(target)
    return target
