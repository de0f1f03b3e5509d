"""The ``rightsgraph`` command: a thin layer over the library functions.

Each subcommand parses its options, calls one function and prints; errors
the user can fix are BuildErrors, printed as one line with exit status 2.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from graph.errors import BuildError
from graph.paths import DATA_DIR, DEFAULT_CORPUS, DEFAULT_OUT


def cmd_build(args: argparse.Namespace) -> int:
    from graph.build import build, summary

    result = build(corpus=args.corpus, data_dir=args.data, out_dir=args.out)
    print(summary(result))
    return 0


def cmd_sentences(args: argparse.Namespace) -> int:
    """Print each sentence with the pointer a curator would write for it."""
    from graph.corpus import read_document

    doc = read_document(args.corpus / args.file)
    for s in doc.sentences:
        print(f"s{s.index}@{s.fingerprint}\t{s.kind}\t{s.text}")
    return 0


def cmd_gen_terms(args: argparse.Namespace) -> int:
    from graph.ontology import load_ontology, terms_module_source
    from graph.serialize import write_atomic

    target = Path(__file__).with_name("terms.py")
    write_atomic(target, terms_module_source(load_ontology()))
    print(f"wrote {target}")
    return 0


def parser() -> argparse.ArgumentParser:
    top = argparse.ArgumentParser(prog="rightsgraph", description="A knowledge graph of human-rights reporting.")
    sub = top.add_subparsers(dest="command", required=True)

    b = sub.add_parser("build", help="build, validate and write the graph")
    b.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS, help="folder of report files (default: ../shared/corpus)")
    b.add_argument("--data", type=Path, default=DATA_DIR, help="folder of curated facts (default: data/)")
    b.add_argument("--out", type=Path, default=DEFAULT_OUT, help="output folder (default: out/)")
    b.set_defaults(func=cmd_build)

    s = sub.add_parser("sentences", help="list a report's sentences with their pointers")
    s.add_argument("file", help="file name inside the corpus folder")
    s.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    s.set_defaults(func=cmd_sentences)

    g = sub.add_parser("gen-terms", help="regenerate graph/terms.py from the ontology")
    g.set_defaults(func=cmd_gen_terms)
    return top


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    try:
        return args.func(args)
    except BuildError as err:
        print(f"rightsgraph: error: {err}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
