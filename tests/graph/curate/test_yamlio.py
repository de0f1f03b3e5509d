"""Curated YAML reads the same on LibYAML's parser and on PyYAML's own."""

import pytest
import yaml

from graph.curate import yamlio
from graph.resources import data_dir


def lines(value):
    """The value with the line of every mapping and list beside it."""
    if isinstance(value, dict):
        return ("map", value.line, [(k, lines(v)) for k, v in value.items()])
    if isinstance(value, list):
        return ("list", value.line, [lines(v) for v in value])
    return value


@pytest.mark.skipif(not yaml.__with_libyaml__, reason="PyYAML was built without LibYAML: only its own parser is used")
def test_every_curated_file_reads_the_same_on_both_parsers(monkeypatch):
    files = sorted(data_dir().rglob("*.yaml"))
    assert len(files) > 3
    fast = [lines(yamlio.load_yaml(f)) for f in files]
    assert issubclass(yamlio._Loader, yaml.CSafeLoader)

    class Python(yaml.SafeLoader):
        yaml_constructors = yamlio._Loader.yaml_constructors

    monkeypatch.setattr(yamlio, "_Loader", Python)
    assert [lines(yamlio.load_yaml(f)) for f in files] == fast


def test_plain_scalars_are_text_except_true_false_and_null():
    """Dates and numbers stay as written (2009-05 is a month, not a date object; 007 keeps its zeros)."""
    got = yamlio.parse_yaml("a: 2009-05\nb: 007\nc: 1.50\nd: 2009-05-01\ne: true\nf: ~\ng: False\nh: null\n", "x")
    assert got == {"a": "2009-05", "b": "007", "c": "1.50", "d": "2009-05-01", "e": True, "f": None, "g": False,
                   "h": None}
