"""rightsgraph: the commands that combine the graph pipeline (``graph``) and its pictures (``viz``).

``graph`` builds, validates, queries and links the RDF; ``viz`` draws and
analyses it; this package sits above both so that dependencies point one way.
The version is the distribution's, declared once in pyproject.toml.
"""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("rightsgraph")
except PackageNotFoundError:  # running from a tree that was never installed
    __version__ = "0+unknown"
