"""Ontology documentation: an HTML page generated from the Turtle by pyLODE.

pyLODE is pinned at 3.3.4 (3.4.1 fails to import) and is run in its own
process with a fixed hash seed, because the schema.org block it embeds picks
one of several candidate nodes in hash order; with the seed fixed, the page
is the same on every run.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

from rdflib import Graph
from rdflib.namespace import RDF, SKOS

from graph.errors import BuildError
from graph.model.ontology import load_ontology
from graph.write.serialize import turtle, write_atomic


def _for_pylode(graph: Graph) -> Graph:
    """pyLODE treats every skos:ConceptScheme as part of the ontology's header and merges their titles;
    the schemes are documented as plain resources instead."""
    out = Graph()
    for triple in graph:
        if triple[1] == RDF.type and triple[2] == SKOS.ConceptScheme:
            continue
        out.add(triple)
    return out


def ontology_html() -> str:
    try:
        import pylode  # noqa: F401
    except ImportError:
        raise BuildError("pylode", "pyLODE is not installed: pip install -e '.[docs]'") from None
    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp) / "rightsgraph.ttl"
        source.write_text(turtle(_for_pylode(load_ontology())), encoding="utf-8")
        target = Path(tmp) / "ontology.html"
        env = {**os.environ, "PYTHONHASHSEED": "0"}
        done = subprocess.run([sys.executable, "-m", "pylode", str(source), "-o", str(target), "-c", "true", "-s"],
                              capture_output=True, text=True, env=env)
        if done.returncode != 0 or not target.exists():
            last = (done.stderr.strip().splitlines() or ["no message"])[-1]
            raise BuildError("pylode", f"could not document the ontology: {last}")
        return target.read_text(encoding="utf-8")


def write_docs(target: Path) -> Path:
    write_atomic(target, ontology_html())
    return target
