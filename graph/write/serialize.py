"""Write the graph in several formats, byte-identical from build to build.

rdflib's Turtle and TriG writers sort subjects and predicates, so they are
stable as long as the graph has no blank nodes (the assembler makes none).
Its N-Triples and JSON-LD writers follow hash order, which changes between
Python processes, so N-Triples lines are sorted here and JSON-LD is written
by a small writer that orders nodes, keys and values.
"""

from __future__ import annotations

import json
import shutil
import weakref
from collections.abc import MutableMapping
from json.encoder import encode_basestring as _quote  # json's own quoting (C where it can), not ASCII-only
import os
import tempfile
from io import BytesIO
from pathlib import Path

from rdflib import BNode, Dataset, Graph, Literal, URIRef
from rdflib.namespace import RDF, RDFS
from rdflib.plugins.serializers.turtle import TurtleSerializer

from graph import named_graphs
from graph.errors import BuildError
from graph.model.namespaces import PREFIXES, RGD, bind_prefixes

_RGD = str(RGD)

JSONLD_CONTEXT = {prefix: str(ns) for prefix, ns in sorted(PREFIXES.items())}


def turtle(graph: Graph) -> str:
    bind_prefixes(graph)
    if (any(str(p).startswith(_RGD) for p in graph.predicates(unique=True))
            or any(str(ns).startswith(_RGD) and str(ns) != _RGD for _, ns in graph.namespaces())):
        return graph.serialize(format="turtle")  # a prefix below rgd: is bound, or would be: rdflib's own way
    text = _Turtle(graph).flat()
    if text is not None:  # rdflib's writer encodes as it writes, a character it cannot encode replaced
        return text.encode("utf-8", "replace").decode("utf-8")
    out = BytesIO()
    _Turtle(graph).serialize(out, base=None, encoding="utf-8")
    return out.getvalue().decode("utf-8")


class _Turtle(TurtleSerializer):
    """rdflib's Turtle writer, byte for byte, without its quadratic look-up for the project's own IRIs.

    For every IRI it cannot shorten, rdflib files the IRI's namespace in a trie
    of namespaces and, for the next IRI of a namespace, walks all the longer
    ones filed under it: every report adds its own (rgd:event/..., rgd:evidence/
    <report>/...), so graph.ttl took 1.5 s for 10 reports and 12.4 s for 50. An
    IRI below a path segment under rgd: (rgd:event/x) is never shortened: its
    namespace ends after that segment, no prefix is bound below rgd:, and no
    predicate is an rgd: IRI, which would bind one (turtle() checks both). So
    its answer, no prefix, is known without the walk.

    Every other answer is worked out once per IRI (rdflib asks again for each
    use, twice per statement: a third of the writing). It can only change when
    a namespace comes into use, which the key holds.
    """

    def get_pname(self, uri, gen_prefix=True):
        if not gen_prefix and isinstance(uri, URIRef) and str.startswith(uri, _RGD) and "/" in uri[len(_RGD):]:
            return None
        key = (uri, gen_prefix, len(self.namespaces))
        known = self._pnames.get(key, self)
        if known is self:
            known = self._pnames[key] = super().get_pname(uri, gen_prefix)
        return known

    def reset(self):
        super().reset()
        self._pnames = {}

    def flat(self) -> str | None:
        """serialize()'s document, character for character, for a graph with no blank node, list or base;
        None for any other graph (then serialize() writes it).

        rdflib's writer works statement by statement through a dozen calls
        (a position, an indent, a write of a few characters each), and asks
        for every statement's name again: Turtle and TriG were half of the
        writing at 1,000 reports. Without blank nodes nothing is nested, so
        each subject is one block: the same subjects in the same order (the
        rdfs:Class members, then by how often each is pointed at, then by
        term), predicates (rdf:type, rdfs:label, then in order), objects (in
        order), names and layout, each name worked out once. The prefixes
        written are those serialize() writes: the ones its first pass names
        (also a literal's datatype, even where the literal is written
        without it).
        """
        graph = self.store
        if graph.base is not None:
            return None
        self.reset()
        # IRIs are kept and looked up by their text: rdflib compares two equal terms in Python, and a million
        # statements name the same predicates, types and nodes again and again (equal, not the same objects).
        # A term's text tells IRIs apart, and no blank node gets this far.
        described: dict = {}  # subject's text: its statements
        references: dict = {}
        datatypes: set = set()
        predicates: dict = {}
        blank = False
        for triple in graph.triples((None, None, None)):
            s, p, o = triple
            key = str(s)
            held = described.get(key)
            if held is None:
                described[key] = [triple]
                blank = blank or type(s) is not URIRef and isinstance(s, BNode)
            else:
                held.append(triple)
            predicates[str(p)] = p
            if isinstance(o, Literal):
                if o.datatype is not None:
                    datatypes.add(o.datatype)
            else:
                blank = blank or type(o) is not URIRef and isinstance(o, BNode)
                key = str(o)
                references[key] = references.get(key, 0) + 1
        if blank or str(RDF.nil) in described or str(RDF.nil) in references:
            return None
        # Only a predicate's name may bind a new prefix, which can change how other IRIs are written: those
        # first, as rdflib's first pass has done before it writes any of them.
        for key in sorted(predicates.keys() - {str(RDF.type)}):
            self.get_pname(predicates[key], True)
        for datatype in sorted(datatypes):
            self.get_pname(datatype, False)
        first = sorted({str(s) for s in graph.subjects(RDF.type, RDFS.Class)})
        chosen = set(first)
        order = first + [key for _, key in sorted((references.get(key, 0), key) for key in described if key not in chosen)]
        iris: dict = {}  # an IRI's text: its name
        verbs: dict = {str(RDF.type): "a"}
        literals: dict = {}

        def name(node) -> str:
            if type(node) is URIRef:
                key = str(node)
                known = iris.get(key)
                if known is None:
                    known = iris[key] = self.get_pname(node, False) or node.n3()
            elif isinstance(node, Literal):
                known = literals.get(node)
                if known is None:
                    known = literals[node] = node._literal_n3(use_plain=True,
                                                              qname_callback=lambda dt: self.get_pname(dt, False))
            else:
                known = self.get_pname(node, False) or node.n3()
            return known

        def verb(key: str) -> str:
            known = verbs.get(key)
            if known is None:
                node = predicates[key]
                known = verbs[key] = self.get_pname(node, True) or node.n3()
            return known

        ordered = [str(q) for q in self.predicateOrder]
        parts = []
        for key in order:
            statements = described[key]
            properties: dict = {}
            for _, p, o in statements:
                properties.setdefault(str(p), []).append(o)
            said = [q for q in ordered if q in properties]
            said += sorted(q for q in properties if q not in said)
            parts.append("\n" + name(statements[0][0]))
            for n, predicate in enumerate(said):
                objects = properties[predicate]
                if len(objects) > 1:
                    objects.sort()
                parts.append((" " if n == 0 else " ;\n    ") + verb(predicate) + " " + name(objects[0]))
                for obj in objects[1:]:
                    parts.append(",\n        " + name(obj))
            parts.append(" .\n")
        header = "".join(f"@prefix {prefix}: <{uri}> .\n" for prefix, uri in sorted(self.namespaces.items()))
        return header + "".join(parts) + "\n"


def ntriples(graph: Graph) -> str:
    """One line per statement, sorted: rdflib's N-Triples lines (nt_lines)."""
    return "\n".join(sorted(nt_lines(graph))) + "\n"


def nt_lines(statements) -> set[str]:
    """rdflib's N-Triples line of each statement (of a graph, or any statements), without its line break, with
    each IRI's form worked out once: rdflib checks and formats an IRI at every use, and its lines went through
    bytes and back (7.8 s at 1,000 reports)."""
    names: dict = {}
    lines = set()
    for s, p, o in statements:
        subject = names.get(s) or names.setdefault(s, s.n3())
        predicate = names.get(p) or names.setdefault(p, p.n3())
        value = _nt_literal(o) if isinstance(o, Literal) else names.get(o) or names.setdefault(o, o.n3())
        lines.add(f"{subject} {predicate} {value} .")
    return lines


def _nt_literal(value: Literal) -> str:
    """A literal as rdflib's N-Triples writer writes it: backslash, line feed, quote and carriage return escaped,
    then its language or its datatype."""
    text = '"' + value.replace("\\", "\\\\").replace("\n", "\\n").replace('"', '\\"').replace("\r", "\\r") + '"'
    if value.language:
        return f"{text}@{value.language}"
    return f"{text}^^<{value.datatype}>" if value.datatype else text


def trig(ds: Dataset) -> str:
    """One block per named graph, graphs in IRI order, each body as sorted Turtle."""
    header = "".join(f"@prefix {p}: <{ns}> .\n" for p, ns in sorted(PREFIXES.items()))
    blocks = []
    for g in sorted(ds.graphs(), key=lambda g: str(g.identifier)):
        if len(g) == 0:
            continue
        text = turtle(named_graphs.Indexed(g))  # read where it is: copying it into a store of its own cost as much
        # Lines are kept as they are: a multi-line literal must not gain indentation.
        body_text = "\n".join(line for line in text.split("\n") if not line.startswith("@prefix")).strip("\n")
        blocks.append(f"<{g.identifier}> {{\n{body_text}\n}}\n")
    return header + "\n" + "\n".join(blocks)


# The longest namespace first (then the first prefix of those that share one): the first that fits is the one.
_LONGEST_FIRST = sorted(JSONLD_CONTEXT.items(), key=lambda item: (-len(item[1]), item[0]))


def _compact(iri: URIRef) -> str:
    """The IRI under the longest namespace it lies in, if its local part does not begin a new path segment."""
    text = str(iri)
    for prefix, ns in _LONGEST_FIRST:
        if text.startswith(ns) and text[len(ns):len(ns) + 1] != "/":
            return f"{prefix}:{text[len(ns):]}"
    return text


class _Compacted(dict):
    """_compact's answers, each worked out once: a graph names the same predicates, types and nodes again and again."""

    def __missing__(self, iri: URIRef) -> str:
        self[iri] = short = _compact(iri)
        return short


def _value(term, short: dict, ids: dict) -> tuple[str, str]:
    """A value's text in graph.jsonld (a list item of a node) and what json.dumps(value, sort_keys=True) writes of
    it, by which a node's values are sorted. An IRI's text is worked out once (ids): a graph names the same
    nodes again and again."""
    if isinstance(term, URIRef):
        known = ids.get(term)
        if known is None:
            quoted = _quote(short[term])
            known = ids[term] = ("{\n     \"@id\": " + quoted + "\n    }", "{\"@id\": " + quoted + "}")
        return known
    if isinstance(term, BNode):
        raise ValueError("the graph must not contain blank nodes")
    assert isinstance(term, Literal)
    value = _quote(str(term))
    if term.language:
        language = _quote(term.language)
        return ("{\n     \"@value\": " + value + ",\n     \"@language\": " + language + "\n    }",
                "{\"@language\": " + language + ", \"@value\": " + value + "}")
    if term.datatype is not None:
        datatype = _quote(short[term.datatype])
        return ("{\n     \"@type\": " + datatype + ",\n     \"@value\": " + value + "\n    }",  # @type first (jsonld)
                "{\"@type\": " + datatype + ", \"@value\": " + value + "}")
    return "{\n     \"@value\": " + value + "\n    }", "{\"@value\": " + value + "}"


def jsonld(graph: Graph) -> str:
    """JSON-LD with a prefix context and one node object per subject, all sorted, laid out as
    json.dumps(document, indent=1, ensure_ascii=False) lays it out; in the Streaming JSON-LD document form
    (the context first, then a node's types, then its @id), which a parser can read node by node.

    Each node is written as text here: built as dictionaries and laid out by
    `_indented`, a node's values were half of the writing (a dictionary and a
    walk for each of a million values at 1,000 reports).
    """
    # One scan of the graph, grouped here, instead of four look-ups for every subject and predicate.
    described: dict = {}
    for s, p, o in graph:
        described.setdefault(s, {}).setdefault(p, []).append(o)
    short, ids = _Compacted(), {}
    a = RDF.type
    out: list[str] = ["{\n \"@context\": "]
    _indented(JSONLD_CONTEXT, " ", out)
    out.append(",\n \"@graph\": [")
    lead = "\n  {\n   "
    for subject in sorted(described, key=str):
        if isinstance(subject, BNode):
            raise ValueError("the graph must not contain blank nodes")
        statements = described[subject]
        types = statements.pop(a, None)
        out.append(lead)
        lead = ",\n  {\n   "
        if types:  # first, then the node's @id: the order Streaming JSON-LD reads (readback.py parses it so)
            out.append("\"@type\": [\n    " + ",\n    ".join(_quote(t) for t in sorted(short[t] for t in types))
                       + "\n   ],\n   ")
        out.append("\"@id\": " + _quote(_compact(subject)))
        for predicate in sorted(statements, key=str):
            values = [_value(o, short, ids) for o in statements[predicate]]
            if len(values) > 1:
                values.sort(key=lambda v: v[1])
            out.append(",\n   " + _quote(short[predicate]) + ": [\n    " + ",\n    ".join(text for text, _ in values)
                       + "\n   ]")
        out.append("\n  }")
    out.append("\n ]\n}\n" if described else "]\n}\n")
    return "".join(out)


def _indented(value, pad: str, out: list) -> None:
    """What json.dumps(value, indent=1, ensure_ascii=False) writes, for the dicts, lists and strings a JSON-LD
    document is made of here: with an indent, json gives up its C encoder for one in Python that yields every
    token through a generator for each level, half of writing graph.jsonld."""
    if isinstance(value, str):
        out.append(_quote(value))
        return
    inner = pad + " "
    if isinstance(value, dict):
        if not value:
            out.append("{}")
            return
        lead = "{\n"
        for key, item in value.items():
            out.append(lead + inner + _quote(key) + ": ")
            _indented(item, inner, out)
            lead = ",\n"
        out.append("\n" + pad + "}")
    elif isinstance(value, list):
        if not value:
            out.append("[]")
            return
        lead = "[\n"
        for item in value:
            out.append(lead + inner)
            _indented(item, inner, out)
            lead = ",\n"
        out.append("\n" + pad + "]")
    else:
        raise TypeError(f"not written as JSON-LD here: {type(value).__name__}")


def embed_json(data: dict) -> str:
    """JSON that is safe inside an HTML <script> element: no '<', '>' or '&' survive as such.

    Both generated pages carry their data this way, so that no string from a
    report can close the script or start markup.
    """
    text = json.dumps(data, ensure_ascii=False, sort_keys=True)
    return text.replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e")


FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def csv_rows(header: list[str], rows) -> str:
    """CSV text whose cells a spreadsheet will never run as formulas.

    A cell that begins with =, +, -, @, a tab or a carriage return is prefixed
    with a single quote, as OWASP recommends against CSV injection: a label
    such as "=HYPERLINK(...)" must stay text when a journalist opens the file.
    Numbers are left as they are, so a negative count stays a number.
    """
    import csv
    import io

    def cell(value) -> object:
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            return value
        text = "" if value is None else str(value)
        return "'" + text if text.startswith(FORMULA_START) else text

    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\r\n")
    writer.writerow([cell(h) for h in header])
    for row in rows:
        writer.writerow([cell(v) for v in row])
    return buf.getvalue()


def fill_template(text: str, values: dict[str, str]) -> str:
    """Put each value where its /*NAME*/ placeholder stands, in one pass over the template.

    Chained replacements would look for the next placeholder inside data that
    was already inserted, so a label containing "/*VIS*/" could blank the page.
    One pass over the template alone cannot be steered by what it inserts.
    """
    import re

    pattern = re.compile(r"/\*(" + "|".join(re.escape(k) for k in sorted(values)) + r")\*/")
    found = set(pattern.findall(text))
    if found != set(values):
        raise ValueError(f"template placeholders {sorted(found)} do not match {sorted(values)}")
    return pattern.sub(lambda m: values[m.group(1)], text)


def write_atomic(path: Path, text: str | Path) -> None:
    """Write to a temporary file beside the target, then rename over it; text, or a file's bytes (copied)."""
    if path.is_dir():
        raise BuildError(str(path), "is a folder; name a file to write")
    for parent in path.parents:
        if parent.exists() and not parent.is_dir():
            raise BuildError(str(parent), "is a file, so nothing can be written inside it")
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        if isinstance(text, Path):
            with os.fdopen(fd, "wb") as handle, text.open("rb") as source:
                shutil.copyfileobj(source, handle)
        else:
            with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
                handle.write(text)
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


OUTPUTS_PREFIX = "rightsgraph-outputs-"  # then the building process's id: see outputs_folder


def outputs_folder() -> Path:
    """A fresh folder for a build's outputs (Outputs), in the system's temporary folder ($TMPDIR), named after
    this process; the folders of builds whose process is gone are removed first. A killed build cannot remove
    its own, and at 1,000 reports one holds some 700 MB."""
    for stale in Path(tempfile.gettempdir()).glob(f"{OUTPUTS_PREFIX}*"):
        pid = stale.name[len(OUTPUTS_PREFIX):].split("-", 1)[0]
        if pid.isdigit() and not _running(int(pid)):
            shutil.rmtree(stale, ignore_errors=True)
    return Path(tempfile.mkdtemp(prefix=f"{OUTPUTS_PREFIX}{os.getpid()}-"))


def _running(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # another user's: running, and not ours to remove
        return True
    return True


class Outputs(MutableMapping):
    """The texts of a build by file name, each kept on disk, in a folder of its own, as the UTF-8 its writer wrote
    (the bytes write_atomic writes), and read when asked: held in memory, the four serialisations of 1,000
    reports were some 700 MiB of the build's peak (a text with one character beyond Latin-1 takes two or four
    bytes a character), and each crossed a pipe from the worker that wrote it. A text set here is kept as
    it is. The folder goes when the mapping does."""

    def __init__(self, folder: Path):
        self._texts: dict[str, str] = {}
        self._files: dict[str, Path] = {}
        weakref.finalize(self, shutil.rmtree, folder, True)  # kept alive by weakref's own registry

    def file(self, name: str) -> Path | None:
        """Where a text written by a worker is kept (None for one set here)."""
        return self._files.get(name)

    def keep(self, name: str, path: Path) -> None:
        """Take a text its writer put in a file of this folder."""
        self._texts.pop(name, None)
        self._files[name] = path

    def __getitem__(self, name: str) -> str:
        if name in self._texts:
            return self._texts[name]
        return self._files[name].read_bytes().decode("utf-8")  # as written: no line endings translated

    def __setitem__(self, name: str, text: str) -> None:
        self._files.pop(name, None)
        self._texts[name] = text

    def __delitem__(self, name: str) -> None:
        if self._texts.pop(name, None) is None:
            del self._files[name]

    def __iter__(self):
        return iter([*self._files, *self._texts])

    def __len__(self) -> int:
        return len(self._files) + len(self._texts)


def write_all(outputs: MutableMapping, out_dir: Path) -> list[Path]:
    """Write every output only after all of them were produced; a text kept in a file (Outputs) is copied."""
    if out_dir.exists() and not out_dir.is_dir():
        raise BuildError(str(out_dir), "is a file; --out names the folder the outputs go to")
    written = []
    for name in sorted(outputs):
        target = out_dir / name
        kept = outputs.file(name) if isinstance(outputs, Outputs) else None
        write_atomic(target, kept if kept is not None else outputs[name])  # a kept file is copied, not read
        written.append(target)
    return written
