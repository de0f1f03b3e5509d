"""Where the tests find the checkout's own folders and the shared corpus beside it."""

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA_DIR = ROOT / "data"
ONTOLOGY_DIR = ROOT / "ontology"
CORPUS = ROOT.parent / "shared" / "corpus"
FIXTURES = ROOT / "tests" / "fixtures"
MINI_CORPUS = FIXTURES / "mini" / "corpus"
MINI_DATA = FIXTURES / "mini" / "data"
EXAMPLES = ROOT / "queries" / "examples"
