"""rightsgraph: a knowledge graph of human-rights reporting.

The package is laid out as the pipeline: ``corpus`` reads reports,
``curation`` loads the curated facts and checks their pointers, ``assemble``
turns both into RDF, ``validate`` runs the SHACL shapes, ``serialize`` writes
the outputs and ``build`` ties the steps together for the CLI.
"""

from graph.errors import BuildError

__all__ = ["BuildError"]
