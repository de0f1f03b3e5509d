"""Where things live, relative to the checkout.

The corpus sits beside the checkout (``../shared/corpus``) and is never copied
into it; outputs go to ``out/``, which git ignores.
"""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ONTOLOGY_DIR = ROOT / "ontology"
DATA_DIR = ROOT / "data"
QUERIES_DIR = ROOT / "queries"
DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus"
DEFAULT_OUT = ROOT / "out"
