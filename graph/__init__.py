"""rightsgraph: a knowledge graph of human-rights reporting.

The package is laid out as the pipeline: ``corpus`` reads reports,
``curation`` loads the curated facts and checks their pointers, ``assemble``
turns both into RDF, ``validate`` runs the SHACL shapes, ``serialize`` writes
the outputs and ``build`` ties the steps together for the CLI.
"""

from graph.errors import BuildError
from graph.query import EndpointBackend, LocalBackend, Result, format_result, run_query, run_text


def load_graph(path=None) -> LocalBackend:
    """The built graph, ready for queries (default: out/graph.trig)."""
    return LocalBackend(path) if path is not None else LocalBackend()


__all__ = ["BuildError", "EndpointBackend", "LocalBackend", "Result", "format_result", "load_graph", "run_query", "run_text"]
