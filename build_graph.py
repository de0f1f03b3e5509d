"""Build the graph from the corpus: the same as `rightsgraph build`."""

import sys

from rightsgraph.cli import main

if __name__ == "__main__":
    sys.exit(main(["build", *sys.argv[1:]]))
