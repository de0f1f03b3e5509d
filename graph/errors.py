"""The one exception the pipeline raises for bad input.

Every problem a user can cause (a missing corpus, a stale pointer, a typo in a
curated file) ends as one line naming the file and the place, so the CLI can
print it and exit non-zero without a traceback.
"""

from __future__ import annotations


class BuildError(Exception):
    """Bad input: the message is one line that names the file and the place."""

    def __init__(self, where: str, message: str):
        self.where = where
        self.message = message
        super().__init__(f"{where}: {message}")
