"""YAML reading that remembers line numbers.

Curated files are edited by hand; an error that says which line is wrong saves
the curator a search, so every mapping and list loaded here carries ``.line``.
Scalars stay strings: ``2009-05`` and ``2009`` are dates at a precision, not a
date object and an integer.
"""

from __future__ import annotations

import re
from pathlib import Path

import yaml

from graph.errors import BuildError


_SURROGATE = re.compile("[\ud800-\udfff]")


class Mapping(dict):
    line: int = 0


class Sequence(list):
    line: int = 0


class _Loader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):
    """The safe loader, on LibYAML's parser where PyYAML was built with it (reading 100 synthetic reports' files
    took 1.3 s on PyYAML's own parser, in Python, and 0.4 s on LibYAML's); the constructors below serve both."""


def _mapping(loader: _Loader, node: yaml.MappingNode) -> Mapping:
    out = Mapping()
    out.line = node.start_mark.line + 1
    for key_node, value_node in node.value:
        if not isinstance(key_node, yaml.ScalarNode):
            raise yaml.constructor.ConstructorError(None, None, "a key must be plain text, not a list or mapping",
                                                    key_node.start_mark)
        key = loader.construct_object(key_node, deep=True)
        if key in out:
            raise yaml.constructor.ConstructorError(None, None, f"duplicate key {key!r}", key_node.start_mark)
        out[key] = loader.construct_object(value_node, deep=True)
    return out


def _sequence(loader: _Loader, node: yaml.SequenceNode) -> Sequence:
    out = Sequence(loader.construct_object(child, deep=True) for child in node.value)
    out.line = node.start_mark.line + 1
    return out


def _string(loader: _Loader, node: yaml.ScalarNode) -> str:
    text = loader.construct_scalar(node)
    if _SURROGATE.search(text):
        # "\ud83d\ude00" in double quotes gives two lone surrogates, which no output file can hold.
        raise yaml.constructor.ConstructorError(None, None, "text with a lone surrogate escape (\\udXXX); "
                                                "write the character itself", node.start_mark)
    return text


# Plain scalars are strings here whatever they look like, so only true/false and null are told apart: the
# resolver tried every other pattern (numbers, dates) on every scalar (reading 1,000 synthetic reports' files
# took 4.6 s with them and 4.4 s without).
_Loader.yaml_implicit_resolvers = {
    first: [(tag, pattern) for tag, pattern in resolvers if tag in ("tag:yaml.org,2002:bool", "tag:yaml.org,2002:null")]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()}
_Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _mapping)
_Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_SEQUENCE_TAG, _sequence)
for tag in ("str", "int", "float", "timestamp"):
    _Loader.add_constructor(f"tag:yaml.org,2002:{tag}", _string)


def load_yaml(path: Path):
    """Parse a curated file; invalid YAML is a BuildError naming file and line."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise BuildError(str(path), "file not found") from None
    except UnicodeDecodeError as err:
        raise BuildError(str(path), f"not UTF-8 (byte {err.start})") from None
    return parse_yaml(text, str(path))


def parse_yaml(text: str, where: str):
    """Parse YAML text read from where; every failure is one BuildError line."""
    path = where
    try:
        return yaml.load(text, Loader=_Loader)
    except yaml.MarkedYAMLError as err:
        mark = err.problem_mark or err.context_mark
        line = f":{mark.line + 1}:{mark.column + 1}" if mark else ""
        raise BuildError(f"{path}{line}", f"invalid YAML: {err.problem or err.context}") from None
    except yaml.YAMLError as err:
        raise BuildError(str(path), f"invalid YAML: {err}") from None
    except RecursionError:
        raise BuildError(str(path), "invalid YAML: nested too deeply") from None
