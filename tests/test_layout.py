"""The package layout keeps its one rule: dependencies point one way.

rightsgraph (the commands) -> viz (pictures) -> graph (the RDF pipeline). Inside
graph, curation never reaches for links: links read curated files with the
same record reader, not the other way round.
"""

import ast

import pytest

from tests.paths import ROOT


def imports_of(package: str) -> dict[str, set[str]]:
    """Every module a package's files import, lazily inside functions included."""
    found = {}
    for path in sorted((ROOT / package.replace(".", "/")).rglob("*.py")):
        names = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                names.add(node.module)
            elif isinstance(node, ast.Import):
                names.update(a.name for a in node.names)
        found[str(path.relative_to(ROOT))] = names
    return found


@pytest.mark.parametrize("package, forbidden", [
    ("graph", ("viz", "rightsgraph")),
    ("viz", ("rightsgraph",)),
    ("graph.curate", ("graph.links",)),
    ("graph.read", ("graph.curate", "graph.links", "graph.query", "graph.write")),
])
def test_dependencies_point_one_way(package, forbidden):
    offenders = [f"{path} imports {name}" for path, names in imports_of(package).items() for name in sorted(names)
                 if any(name == f or name.startswith(f + ".") for f in forbidden)]
    assert not offenders, offenders
