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

    def __reduce__(self):  # whole across a process boundary (a validation worker's error)
        return (BuildError, (self.where, self.message)) if type(self) is BuildError else super().__reduce__()


class QuerySyntaxError(BuildError):
    """A SPARQL syntax error at a line and column, which can show the user's line with a caret under the place.

    The message stays one line (``where:line:column: SPARQL syntax error: reason``);
    the excerpt is extra, for a terminal.
    """

    def __init__(self, where: str, line: int, column: int, reason: str, source_line: str):
        self.base, self.line, self.column, self.reason, self.source_line = where, line, column, reason, source_line
        super().__init__(f"{where}:{line}:{column}", f"SPARQL syntax error: {reason}")

    def excerpt(self) -> list[str]:
        """The query's line and a caret under the column, both cut to 120 characters around the place."""
        start = max(0, self.column - 80)
        text = self.source_line[start:start + 120]
        return [text, " " * (self.column - 1 - start) + "^"]

    def shifted(self, columns_on_first_line: int) -> QuerySyntaxError:
        """The same error on a text whose first line lost its first characters (the predeclared prefixes)."""
        if self.line != 1:
            return self
        return QuerySyntaxError(self.base, 1, max(1, self.column - columns_on_first_line), self.reason,
                                self.source_line[columns_on_first_line:])
