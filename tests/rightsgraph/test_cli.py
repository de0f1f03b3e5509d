"""The command line: version, bounded options, strict dates, a closed pipe."""

import sys

import pytest

from graph import dates
from rightsgraph import __version__
from rightsgraph.cli import main


def test_version_comes_from_the_distribution(capsys):
    from importlib.metadata import version

    with pytest.raises(SystemExit) as stop:
        main(["--version"])
    assert stop.value.code == 0
    assert capsys.readouterr().out.strip() == f"rightsgraph {version('rightsgraph')}" == f"rightsgraph {__version__}"


@pytest.mark.parametrize("args", [["query", "timeline", "--max-rows", "-1"], ["query", "timeline", "--max-rows", "0"],
                                  ["viz", "--focus", "NSS", "--hops", "9"], ["viz", "--hops", "\u0662"]])
def test_numbers_are_bounded(args, capsys):
    with pytest.raises(SystemExit) as stop:
        main(args)
    assert stop.value.code == 2 and "expected a whole number from" in capsys.readouterr().err


@pytest.mark.parametrize("value", ["2009\n", "\u0662\u0660\u0660\u0669", "2009-\u0661\u0662", "2009-05-01 "])
def test_dates_are_ascii_and_whole(value):
    assert dates.problem(value) is not None


def test_output_into_a_closed_pipe_is_one_line(built, monkeypatch, capsys):
    import io
    import os

    trig = built.written[0].parent / "graph.trig"
    read_end, write_end = os.pipe()
    os.close(read_end)  # the reader has gone away, as `| head` does after its lines
    closed = io.TextIOWrapper(io.FileIO(write_end, "w"), encoding="utf-8")
    monkeypatch.setattr(sys, "stdout", closed)
    assert main(["query", "timeline", "--graph", str(trig), "--format", "csv"]) == 2
    assert capsys.readouterr().err.strip().splitlines() == [
        "rightsgraph: error: stdout: the reader closed the pipe before the output ended"]
