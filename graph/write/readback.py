"""Every output is read back before it is renamed into place.

A file that a parser cannot read is worse than no file: it replaces a good
one and fails later, in someone else's tool. So each RDF serialisation is
parsed again (with pyoxigraph, an independent parser) and must hold exactly
as many triples or quads as the graph it came from, and each XML output must
be well-formed.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET

from graph.errors import BuildError

RDF_FORMATS = {".ttl": "TURTLE", ".nt": "N_TRIPLES", ".trig": "TRIG", ".jsonld": "JSON_LD", ".nq": "N_QUADS"}
# The build's graph.jsonld is written in the Streaming JSON-LD document form (serialize.jsonld), which pyoxigraph
# reads node by node, and is read back so (streaming): read as JSON-LD, the whole document is held while it is
# parsed (some 650 MB at 1,000 reports). Other JSON-LD (an export's) is read as JSON-LD.
STREAMING = {".jsonld": "STREAMING_JSON_LD"}
XML_SUFFIXES = (".svg", ".graphml", ".gexf", ".xml")


def count_statements(name: str, text: str | bytes, streaming: bool = False) -> int:
    """Parse an RDF text by its file name's suffix; the number of statements (triples or quads) it holds.

    Counted as they are parsed, without loading them into a store: twice as
    fast, and exact where a store is not (Oxigraph's store merges a literal
    with the same value under another numeric datatype). A statement written
    twice counts twice, which no writer here does and `check` would refuse.
    """
    import pyoxigraph as ox

    suffix = name[name.rfind("."):]
    data = text.encode("utf-8") if isinstance(text, str) else text
    form = STREAMING.get(suffix, RDF_FORMATS[suffix]) if streaming else RDF_FORMATS[suffix]
    try:
        return sum(1 for _ in ox.parse(data, format=getattr(ox.RdfFormat, form)))
    except (SyntaxError, ValueError) as err:
        raise BuildError(name, f"the written file does not read back: {str(err).splitlines()[0]}") from None


def utf8(name: str, text: str) -> bytes:
    """The text as UTF-8, as it is written; BuildError where it cannot be (a lone surrogate)."""
    try:
        return text.encode("utf-8")
    except UnicodeEncodeError as err:
        raise BuildError(name, f"cannot be written as UTF-8: {err.reason} at character {err.start}") from None


def check(name: str, text: str | bytes, expected: int | None = None, streaming: bool = False) -> None:
    """Raise BuildError unless `text` (or its UTF-8 bytes, as written) parses as what `name` says it is (and
    holds `expected` statements); with streaming, JSON-LD is read in the streaming document form."""
    suffix = name[name.rfind("."):]
    if suffix in RDF_FORMATS:
        found = count_statements(name, utf8(name, text) if isinstance(text, str) else text, streaming)
        if expected is not None and found != expected:
            raise BuildError(name, f"reads back as {found} statements, not the {expected} written")
    elif suffix in XML_SUFFIXES:
        try:
            ET.fromstring(text.encode("utf-8") if isinstance(text, str) else text)
        except ET.ParseError as err:
            raise BuildError(name, f"the written XML is not well-formed: {err}") from None
