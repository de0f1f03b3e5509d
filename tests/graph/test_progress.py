"""Long steps show a bar on a terminal; short ones and pipes stay quiet."""

import io

from graph.progress import progress


class Terminal(io.StringIO):
    def isatty(self):
        return True


def test_a_long_step_on_a_terminal_shows_a_bar():
    out = Terminal()
    assert list(progress(range(12), "reading reports", stream=out)) == list(range(12))
    assert "reading reports" in out.getvalue() and "/12" in out.getvalue()


def test_a_short_step_stays_quiet():
    out = Terminal()
    assert list(progress(range(3), "reading reports", stream=out)) == [0, 1, 2]
    assert out.getvalue() == ""


def test_a_pipe_gets_no_bar_however_long():
    out = io.StringIO()  # not a terminal
    list(progress(range(50), "reading reports", stream=out))
    assert out.getvalue() == ""
