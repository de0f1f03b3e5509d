"""Where the project's own files are found, and where a run reads and writes.

The ontology, the query library and the curated facts are edited in the
top-level ``ontology/``, ``queries/`` and ``data/`` folders and shipped inside
the distribution as the packages ``graph.resources.ontology``, ``.queries`` and
``.data``: the three entries here are symbolic links to those folders, which
the wheel build follows, so an installed wheel works from any directory and an
editable install is a plain path entry. They are read through importlib.resources, never through a path
relative to this file. A resource that is missing is an error, never an empty
result: an empty query library would look like a library with no questions.

What a run reads from the user and writes for them is relative to the working
directory: the corpus (``../shared/corpus``) and the outputs (``out/``).
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources
from pathlib import Path

from graph.errors import BuildError

DEFAULT_CORPUS = Path("..") / "shared" / "corpus"
DEFAULT_OUT = Path("out")

# What each shipped folder must hold; a folder without it is a broken install.
EXPECTED = {"ontology": "rightsgraph.ttl", "queries": "timeline.rq", "data": "sources.yaml"}


@lru_cache(maxsize=None)
def folder(name: str) -> Path:
    """The shipped folder `name` (ontology, queries or data) as a real directory."""
    if name not in EXPECTED:
        raise ValueError(f"unknown resource folder {name!r}")
    try:
        root = resources.files(f"graph.resources.{name}")
    except ModuleNotFoundError:
        raise BuildError(f"graph.resources.{name}", "missing from this installation: reinstall rightsgraph") from None
    path = Path(str(root))
    if not (path / EXPECTED[name]).is_file():
        raise BuildError(str(path), f"{EXPECTED[name]} is missing: the installed {name} folder is incomplete; reinstall rightsgraph")
    return path


def ontology_dir() -> Path:
    return folder("ontology")


def queries_dir() -> Path:
    return folder("queries")


def data_dir() -> Path:
    """The curated facts shipped with the package (in a checkout: data/)."""
    return folder("data")


def template(package: str, name: str) -> str:
    """The text of a page template shipped beside the module that fills it."""
    try:
        return resources.files(package).joinpath(name).read_text(encoding="utf-8")
    except (FileNotFoundError, ModuleNotFoundError):
        raise BuildError(f"{package}/{name}", "page template missing from this installation: reinstall rightsgraph") from None
