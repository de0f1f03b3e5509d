"""Run SPARQL on the built graph: the query library, parameters, backends, formats.

Two backends give the same answers: the built graph loaded into an in-memory
Oxigraph store (pyoxigraph), and a SPARQL 1.1 endpoint over HTTP, normally the
Oxigraph server that ``rightsgraph serve`` starts. Both use the same engine,
so a library query means the same thing in both.

Parameters never become query text. A value is first turned into a typed RDF
term (an IRI of a known entity, a validated date, an integer). Locally it is
bound with pyoxigraph's ``substitutions``. For an endpoint it is written as a
VALUES block from that term, and IRIs there are checked against a strict
character set first.
"""

from __future__ import annotations

import difflib
import json
import re
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import XSD

from graph import dates
from graph.errors import BuildError
from graph.namespaces import RGD, bind_prefixes
from graph.paths import DEFAULT_OUT, QUERIES_DIR
from graph.terms import RG

DEFAULT_GRAPH = DEFAULT_OUT / "graph.trig"
DEFAULT_MAX_ROWS = 10_000
SAFE_IRI = re.compile(r"^https?://[^\s<>\"{}|\\^`]+$")
PARAM_KINDS = {"entity", "date", "integer", "right", "text"}


# --------------------------------------------------------------------------
# The library


@dataclass(frozen=True)
class Param:
    name: str
    kind: str
    help: str


@dataclass(frozen=True)
class LibraryQuery:
    name: str
    path: Path
    text: str
    question: str
    params: tuple[Param, ...]
    returns: str


def _header(text: str) -> dict[str, list[str]]:
    """Read the comment block on top: 'Question:', 'Parameter:' and 'Returns:' entries."""
    fields: dict[str, list[str]] = {}
    current = None
    for line in text.splitlines():
        if not line.startswith("#"):
            break
        body = line[1:].strip()
        m = re.match(r"^(Question|Parameter|Returns):\s*(.*)$", body)
        if m:
            current = m.group(1)
            fields.setdefault(current, []).append(m.group(2))
        elif current and body:
            fields[current][-1] += " " + body
    return fields


def parse_library_file(path: Path) -> LibraryQuery:
    text = path.read_text(encoding="utf-8")
    head = _header(text)
    if not head.get("Question") or not head.get("Returns"):
        raise BuildError(str(path), "a library query starts with '# Question:' and '# Returns:' comments")
    params = []
    for spec in head.get("Parameter", []):
        m = re.match(r"^(\w+) \((\w+)\) (.+)$", spec)
        if not m or m.group(2) not in PARAM_KINDS:
            raise BuildError(str(path), f"bad parameter line {spec!r}: expected 'name (kind) help', kind one of {sorted(PARAM_KINDS)}")
        params.append(Param(m.group(1), m.group(2), m.group(3)))
    return LibraryQuery(path.stem, path, text, head["Question"][0], tuple(params), head["Returns"][0])


def library(directory: Path = QUERIES_DIR) -> dict[str, LibraryQuery]:
    return {p.stem: parse_library_file(p) for p in sorted(directory.glob("*.rq"))}


def find_query(spec: str, directory: Path = QUERIES_DIR) -> LibraryQuery:
    """A library name or a path to an .rq file; an unknown name lists close matches."""
    path = Path(spec)
    if spec.endswith(".rq"):
        if not path.is_file():
            raise BuildError(spec, "query file not found")
        text = path.read_text(encoding="utf-8")
        head = _header(text)
        if head.get("Question"):
            return parse_library_file(path)
        return LibraryQuery(path.stem, path, text, "", (), "")
    queries = library(directory)
    if spec not in queries:
        close = difflib.get_close_matches(spec, list(queries), n=3, cutoff=0.4)
        hint = f"; did you mean {', '.join(close)}?" if close else "; see `rightsgraph query --list`"
        raise BuildError(spec, f"no query of that name in {directory}{hint}")
    return queries[spec]


# --------------------------------------------------------------------------
# Results


@dataclass
class Result:
    """A SELECT table (vars and rows of rdflib terms), a graph, or a boolean."""

    kind: str  # "select", "graph" or "boolean"
    vars: list[str] = field(default_factory=list)
    rows: list[dict] = field(default_factory=list)
    graph: Graph | None = None
    boolean: bool | None = None
    truncated: bool = False

    def records(self) -> list[dict[str, object]]:
        """Rows as plain Python values (str, int, date ...), for use in code."""
        return [{k: (v.toPython() if isinstance(v, Literal) else str(v)) for k, v in row.items()} for row in self.rows]


# --------------------------------------------------------------------------
# Backends


def _from_ox(term):
    import pyoxigraph as ox

    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    if isinstance(term, ox.Literal):
        if term.language:
            return Literal(term.value, lang=term.language)
        return Literal(term.value, datatype=URIRef(term.datatype.value))
    raise TypeError(f"unexpected term {term!r}")


def _to_ox(term):
    import pyoxigraph as ox

    if isinstance(term, URIRef):
        return ox.NamedNode(str(term))
    if isinstance(term, Literal):
        if term.language:
            return ox.Literal(str(term), language=term.language)
        return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype or XSD.string)))
    raise TypeError(f"cannot bind {term!r}")


def _syntax_error(where: str, err: Exception) -> BuildError:
    message = str(err)
    m = re.match(r"error at (\d+):(\d+): (.*)", message, re.S)
    if m:
        return BuildError(f"{where}:{m.group(1)}:{m.group(2)}", f"SPARQL syntax error: {m.group(3).splitlines()[0]}")
    return BuildError(where, f"SPARQL syntax error: {message.splitlines()[0]}")


class LocalBackend:
    """The built graph in an in-memory Oxigraph store; named graphs unioned as the default graph."""

    def __init__(self, path: Path = DEFAULT_GRAPH):
        import pyoxigraph as ox

        path = Path(path)
        if not path.is_file():
            raise BuildError(str(path), "graph file not found: run `rightsgraph build` first, or pass --graph FILE")
        formats = {".trig": ox.RdfFormat.TRIG, ".ttl": ox.RdfFormat.TURTLE, ".nt": ox.RdfFormat.N_TRIPLES,
                   ".nq": ox.RdfFormat.N_QUADS}
        fmt = formats.get(path.suffix)
        if fmt is None:
            raise BuildError(str(path), f"unknown graph format (use one of {', '.join(formats)})")
        self.store = ox.Store()
        try:
            self.store.bulk_load(path=str(path), format=fmt)
        except SyntaxError as err:
            raise BuildError(str(path), f"cannot parse graph: {err}") from None
        self.where = str(path)

    def run(self, text: str, bindings: dict[str, object], where: str, max_rows: int) -> Result:
        import pyoxigraph as ox

        subs = {ox.Variable(k): _to_ox(v) for k, v in bindings.items()}
        try:
            answer = self.store.query(text, substitutions=subs or None, use_default_graph_as_union=True)
        except SyntaxError as err:
            raise _syntax_error(where, err) from None
        except RuntimeError as err:
            if "SELECT projection" in str(err):
                raise BuildError(where, f"parameters must appear in the SELECT clause: {err}") from None
            raise BuildError(where, f"query failed: {err}") from None
        if isinstance(answer, ox.QueryBoolean):
            return Result("boolean", boolean=bool(answer))
        if isinstance(answer, ox.QuerySolutions):
            names = [v.value for v in answer.variables]
            rows, truncated = [], False
            for solution in answer:
                if len(rows) == max_rows:
                    truncated = True
                    break
                rows.append({n: _from_ox(solution[n]) for n in names if solution[n] is not None})
            return Result("select", vars=names, rows=rows, truncated=truncated)
        g = Graph()
        for triple in answer:
            g.add((_from_ox(triple.subject), _from_ox(triple.predicate), _from_ox(triple.object)))
        return Result("graph", graph=g)


def values_block(bindings: dict[str, object]) -> str:
    """A VALUES clause written from typed terms; IRIs must pass a strict character check."""
    names, terms = [], []
    for name, term in sorted(bindings.items()):
        if isinstance(term, URIRef):
            if not SAFE_IRI.match(str(term)):
                raise BuildError(f"--param {name}", f"not a safe IRI: {str(term)!r}")
            terms.append(f"<{term}>")
        elif isinstance(term, Literal):
            terms.append(term.n3())
        else:
            raise BuildError(f"--param {name}", "cannot bind this value")
        names.append(f"?{name}")
    return f"VALUES ({' '.join(names)}) {{ ({' '.join(terms)}) }}"


def inject_values(text: str, bindings: dict[str, object], where: str) -> str:
    """Put the VALUES block first inside the top-level WHERE group, so every pattern sees it."""
    if not bindings:
        return text
    code = re.sub(r"#[^\n]*", lambda m: " " * len(m.group(0)), text)  # keep offsets, drop comments
    m = re.search(r"\bWHERE\s*\{", code, re.I)
    if not m:
        raise BuildError(where, "a query with parameters needs an explicit WHERE { ... } for an endpoint")
    return text[:m.end()] + "\n  " + values_block(bindings) + "\n" + text[m.end():]


class EndpointBackend:
    """A SPARQL 1.1 Protocol endpoint over HTTP (POST, form-encoded)."""

    def __init__(self, url: str, timeout: float = 60.0):
        if not re.match(r"^https?://", url):
            raise BuildError(url, "endpoint must be an http(s) URL")
        self.url = url
        self.timeout = timeout
        self.where = url

    def _post(self, text: str, accept: str) -> bytes:
        data = urllib.parse.urlencode({"query": text}).encode()
        req = urllib.request.Request(self.url, data=data, headers={
            "Accept": accept, "Content-Type": "application/x-www-form-urlencoded"})
        try:
            with urllib.request.urlopen(req, timeout=self.timeout) as resp:
                return resp.read()
        except urllib.error.HTTPError as err:
            body = err.read().decode("utf-8", "replace").strip().splitlines()
            raise BuildError(self.url, f"endpoint answered {err.code}: {body[0] if body else err.reason}") from None
        except (urllib.error.URLError, OSError) as err:
            raise BuildError(self.url, f"cannot reach endpoint: {getattr(err, 'reason', err)}") from None

    def run(self, text: str, bindings: dict[str, object], where: str, max_rows: int) -> Result:
        import pyoxigraph as ox

        try:
            ox.Store().query(text)  # parse locally first, for a located syntax error
        except SyntaxError as err:
            raise _syntax_error(where, err) from None
        except RuntimeError:
            pass
        query = inject_values(text, bindings, where)
        form = re.sub(r"#[^\n]*", "", query)
        form = re.sub(r"(?is)^\s*((PREFIX|BASE)\s+[^\n]*\s*)*", "", form).lstrip().upper()
        if form.startswith(("CONSTRUCT", "DESCRIBE")):
            body = self._post(query, "application/n-triples")
            g = Graph()
            try:
                g.parse(data=body.decode("utf-8"), format="nt")
            except Exception:
                raise BuildError(self.url, self._cut_short(body)) from None
            return Result("graph", graph=g)
        body = self._post(query, "application/sparql-results+json")
        try:
            doc = json.loads(body)
        except ValueError:
            raise BuildError(self.url, self._cut_short(body)) from None
        if "boolean" in doc:
            return Result("boolean", boolean=bool(doc["boolean"]))
        names = doc["head"]["vars"]
        bindings_out = doc["results"]["bindings"]
        rows = [{k: _from_json(v) for k, v in b.items()} for b in bindings_out[:max_rows]]
        return Result("select", vars=names, rows=rows, truncated=len(bindings_out) > max_rows)

    @staticmethod
    def _cut_short(body: bytes) -> str:
        text = body.decode("utf-8", "replace")
        if "cancelled" in text:
            return "the endpoint stopped the query at its time limit (answer cut short)"
        return "the endpoint's answer could not be read"


def _from_json(value: dict):
    if value["type"] == "uri":
        return URIRef(value["value"])
    if value["type"] == "bnode":
        return BNode(value["value"])
    if "xml:lang" in value:
        return Literal(value["value"], lang=value["xml:lang"])
    return Literal(value["value"], datatype=URIRef(value.get("datatype", str(XSD.string))))


# --------------------------------------------------------------------------
# Parameters


def _lookup(backend, text: str, bindings: dict, where: str) -> list[dict]:
    return backend.run(text, bindings, where, DEFAULT_MAX_ROWS).rows


def resolve_entity(backend, value: str, where: str) -> URIRef:
    """An IRI, a prefixed rgd: name, an id (almaty-raid) or a label/alias (NSS) to the entity's IRI."""
    if value.startswith(("http://", "https://")):
        if not SAFE_IRI.match(value):
            raise BuildError(where, f"not a valid IRI: {value!r}")
        return URIRef(value)
    if value.startswith("rgd:"):
        value = value[4:]
    candidates = []
    if re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*(/[a-z0-9-]+)*", value):
        candidates = [RGD[f"{kind}/{value}"] for kind in ("entity", "instrument", "event", "office")]
        if "/" in value:
            candidates.append(RGD[value])
    found = []
    for iri in candidates:
        rows = _lookup(backend, "SELECT ?x WHERE { ?x ?p ?o } LIMIT 1", {"x": iri}, where)
        if rows:
            found.append(iri)
    if len(found) == 1:
        return found[0]
    rows = _lookup(backend, """
        PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
        PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
        SELECT DISTINCT ?x ?name WHERE {
          { ?x rdfs:label ?l } UNION { ?x skos:altLabel ?l }
          FILTER(LCASE(STR(?l)) = LCASE(?name))
          FILTER(STRSTARTS(STR(?x), "https://w3id.org/rightsgraph/id/"))
        } ORDER BY ?x""", {"name": Literal(value)}, where)
    iris = sorted({str(r["x"]) for r in rows})
    if len(iris) == 1:
        return URIRef(iris[0])
    if len(iris) > 1:
        raise BuildError(where, f"{value!r} names {len(iris)} things: {', '.join(iris)}; pass one IRI")
    raise BuildError(where, f"no entity, event or instrument is called {value!r}")


def resolve_right(backend, value: str, where: str) -> URIRef:
    if value.startswith(("http://", "https://")):
        iri = URIRef(value)
    elif re.fullmatch(r"(rg:)?[A-Za-z]+", value):
        iri = RG._NS[value.removeprefix("rg:")]
    else:
        rows = _lookup(backend, """PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
            SELECT ?r ?name WHERE { ?r skos:prefLabel ?l FILTER(LCASE(STR(?l)) = LCASE(?name)) }""",
                       {"name": Literal(value)}, where)
        if len(rows) != 1:
            raise BuildError(where, f"no right is called {value!r}")
        iri = rows[0]["r"]
    rows = _lookup(backend, """PREFIX rg: <https://w3id.org/rightsgraph/ontology#>
        SELECT ?r WHERE { ?r a rg:Right }""", {"r": iri}, where)
    if not rows:
        raise BuildError(where, f"{value!r} is not a right of the rights scheme (see ontology/rights.ttl)")
    return iri


def bind_params(query: LibraryQuery, raw: dict[str, str], backend) -> dict[str, object]:
    """Turn --param strings into typed terms, checking each against its declared kind."""
    declared = {p.name: p for p in query.params}
    where = str(query.path)
    if declared:
        unknown = sorted(set(raw) - set(declared))
        if unknown:
            raise BuildError(where, f"unknown parameter {unknown[0]!r} (this query takes: {', '.join(declared)})")
        missing = [p for p in query.params if p.name not in raw]
        if missing:
            p = missing[0]
            raise BuildError(where, f"missing parameter {p.name!r} ({p.kind}): {p.help}; pass --param {p.name}=VALUE")
    out: dict[str, object] = {}
    for name, value in raw.items():
        kind = declared[name].kind if name in declared else "text"
        here = f"--param {name}"
        if kind == "entity":
            out[name] = resolve_entity(backend, value, here)
        elif kind == "right":
            out[name] = resolve_right(backend, value, here)
        elif kind == "date":
            if dates.problem(value):
                raise BuildError(here, f"{value!r} is not a date (YYYY, YYYY-MM or YYYY-MM-DD)")
            out[name] = Literal(value)
        elif kind == "integer":
            if not re.fullmatch(r"\d{1,6}", value):
                raise BuildError(here, f"{value!r} is not a whole number")
            out[name] = Literal(int(value))
        else:
            out[name] = Literal(value)
    return out


def run_query(spec: str, params: dict[str, str] | None = None, backend=None, max_rows: int = DEFAULT_MAX_ROWS) -> Result:
    """Run a library query by name (or an .rq file) with parameters; the Python entry point."""
    query = find_query(spec)
    backend = backend if backend is not None else LocalBackend()
    bindings = bind_params(query, params or {}, backend)
    return backend.run(query.text, bindings, str(query.path), max_rows)


def run_text(text: str, params: dict[str, str] | None = None, backend=None, max_rows: int = DEFAULT_MAX_ROWS) -> Result:
    """Run ad-hoc SPARQL; parameters are bound as plain literals (or IRIs when they are IRIs)."""
    backend = backend if backend is not None else LocalBackend()
    bindings = {}
    for name, value in (params or {}).items():
        if not re.fullmatch(r"[A-Za-z_]\w*", name):
            raise BuildError(f"--param {name}", "parameter names are SPARQL variable names")
        bindings[name] = URIRef(value) if SAFE_IRI.match(value) else Literal(value)
    return backend.run(text, bindings, "-e", max_rows)


# --------------------------------------------------------------------------
# Output formats


def _plain(term) -> str:
    if term is None:
        return ""
    if isinstance(term, BNode):
        return f"_:{term}"
    return str(term)


def _ntriples_term(term) -> str:
    if term is None:
        return ""
    return term.n3()


def format_result(result: Result, fmt: str) -> str:
    """table, csv, tsv or json (SPARQL 1.1 results) for SELECT/ASK; ttl or nt for graphs."""
    import csv
    import io

    if result.kind == "graph":
        g = result.graph
        bind_prefixes(g)
        if fmt in ("ttl", "table"):
            return g.serialize(format="turtle")
        if fmt == "nt":
            lines = sorted(line for line in g.serialize(format="nt").splitlines() if line.strip())
            return "\n".join(lines) + ("\n" if lines else "")
        if fmt == "json":
            from graph.serialize import jsonld

            return jsonld(g)
        raise BuildError("--format", f"a graph result is written as ttl, nt or json, not {fmt}")
    if result.kind == "boolean":
        if fmt == "json":
            return json.dumps({"head": {}, "boolean": result.boolean}) + "\n"
        return ("true" if result.boolean else "false") + "\n"
    if fmt == "json":
        bindings = []
        for row in result.rows:
            b = {}
            for k, v in row.items():
                if isinstance(v, URIRef):
                    b[k] = {"type": "uri", "value": str(v)}
                elif isinstance(v, BNode):
                    b[k] = {"type": "bnode", "value": str(v)}
                else:
                    b[k] = {"type": "literal", "value": str(v)}
                    if v.language:
                        b[k]["xml:lang"] = v.language
                    elif v.datatype is not None and v.datatype != XSD.string:
                        b[k]["datatype"] = str(v.datatype)
            bindings.append(b)
        return json.dumps({"head": {"vars": result.vars}, "results": {"bindings": bindings}}, ensure_ascii=False, indent=1) + "\n"
    if fmt == "csv":
        buf = io.StringIO()
        writer = csv.writer(buf, lineterminator="\r\n")
        writer.writerow(result.vars)
        for row in result.rows:
            writer.writerow([_plain(row.get(v)) for v in result.vars])
        return buf.getvalue()
    if fmt == "tsv":
        lines = ["\t".join(f"?{v}" for v in result.vars)]
        lines += ["\t".join(_ntriples_term(row.get(v)) for v in result.vars) for row in result.rows]
        return "\n".join(lines) + "\n"
    if fmt == "table":
        cells = [[_short(row.get(v)) for v in result.vars] for row in result.rows]
        widths = [max([len(v)] + [len(c[i]) for c in cells]) for i, v in enumerate(result.vars)]
        out = ["  ".join(v.ljust(w) for v, w in zip(result.vars, widths)).rstrip(),
               "  ".join("-" * w for w in widths)]
        out += ["  ".join(c.ljust(w) for c, w in zip(row, widths)).rstrip() for row in cells]
        out.append(f"({len(result.rows)} row{'s' if len(result.rows) != 1 else ''})")
        return "\n".join(out) + "\n"
    raise BuildError("--format", f"unknown format {fmt!r} (table, csv, tsv, json, ttl, nt)")


def _short(term) -> str:
    text = _plain(term)
    for prefix, ns in (("rgd:", str(RGD)), ("rg:", str(RG._NS))):
        if text.startswith(ns):
            return prefix + text[len(ns):]
    return text.replace("\n", " ")
