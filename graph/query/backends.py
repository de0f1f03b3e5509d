"""Two backends that give the same answers: the built graph in memory, or an endpoint.

The local backend loads the graph into an in-memory Oxigraph store; the
endpoint backend speaks the SPARQL 1.1 Protocol. Both bind parameters the same
way: a VALUES block written from typed terms, each checked by a round trip,
first inside the WHERE group. pyoxigraph's ``substitutions`` would avoid the
text but binds only projected variables (a date parameter's ``?from_first``
bound is not projected) and is not pushed into the joins, which costs three
orders of magnitude on a large graph.
"""

from __future__ import annotations

import json
import re
import sys
from functools import lru_cache
import urllib.error
from pathlib import Path

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import XSD

from graph.errors import BuildError, QuerySyntaxError
from graph.query.federation import refuse_service, uses_service
from graph.query.results import Result, _from_json, _from_ox, graph_of, page_of_tsv, rows_of
from graph.resources import DEFAULT_OUT

DEFAULT_GRAPH = DEFAULT_OUT / "graph.trig"
DEFAULT_MAX_ROWS = 10_000
SAFE_IRI = re.compile(r"https?://[^\s<>\"{}|\\^`]+")  # always used with fullmatch


def check_iri(value: str, where: str) -> str:
    """An http(s) IRI that SPARQL can carry and Oxigraph accepts ("http://a%zz/" is neither), or a BuildError."""
    import pyoxigraph as ox

    try:
        ok = bool(SAFE_IRI.fullmatch(value)) and ox.NamedNode(value) is not None
    except ValueError:
        ok = False
    if not ok:
        raise BuildError(where, f"not a valid IRI: {value!r}")
    return value
VARIABLE = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")  # a SPARQL variable name, ASCII only


def _reason(message: str, rest: str) -> str:
    """A short reason: what the parser met, and what it wanted when that is one thing (a list of tokens helps nobody)."""
    first = message.splitlines()[0] if message else "not SPARQL"
    found = re.match(r"expected (?:one of )?(.*)", first)
    if not found:
        return first
    wanted = [w.strip() for w in found.group(1).split(", ") if w.strip() and w.strip() != "[_]"]
    token = re.match(r"\S{1,20}", rest)
    met = f"unexpected {token.group(0)!r}" if token else "unexpected end of query"
    return f"{met} (expected {wanted[0]})" if len(wanted) == 1 else met


def _syntax_error(where: str, err: Exception, text: str = "") -> BuildError:
    """The parser's error as a QuerySyntaxError, with the line it points into (columns count characters)."""
    message = str(err)
    m = re.match(r"error at (\d+):(\d+): (.*)", message, re.S)
    if not m:
        return BuildError(where, f"SPARQL syntax error: {message.splitlines()[0] if message else 'not SPARQL'}")
    line_no, column = int(m.group(1)), int(m.group(2))
    lines = text.split("\n")
    source = lines[line_no - 1] if 0 < line_no <= len(lines) else ""
    rest = source[column - 1:].lstrip() or "\n".join(lines[line_no:]).lstrip()
    return QuerySyntaxError(where, line_no, column, _reason(m.group(3), rest), source)


def check_syntax(text: str, where: str) -> None:
    """Parse the query as the user wrote it, so a syntax error points into the user's own text.

    pyoxigraph parses only by evaluating, and evaluating a SERVICE clause calls
    out even on an empty store: such a query is left to the engine it is sent to.
    """
    if uses_service(text):
        return
    problem = _parse_problem(text)
    if problem is not None:
        raise _syntax_error(where, SyntaxError(problem), text)


@lru_cache(maxsize=512)
def _parse_problem(text: str) -> str | None:
    """The parser's message for a query, or None; asked once per text (library queries run again and again)."""
    import pyoxigraph as ox

    try:
        ox.Store().query(text)
    except SyntaxError as err:
        return str(err)
    except (RuntimeError, OSError):
        pass
    return None


class LocalBackend:
    """The built graph in an Oxigraph store; named graphs unioned as the default graph.

    In memory by default; with store_dir, an Oxigraph store on disk that is
    loaded once and reused until the graph file changes (graph/query/stores.py).
    """

    def __init__(self, path: Path = DEFAULT_GRAPH, allow_federation: bool = False, store_dir: Path | None = None):
        import pyoxigraph as ox

        self.allow_federation = allow_federation
        path = Path(path)
        if not path.is_file():
            raise BuildError(str(path), "graph file not found: run `rightsgraph build` first, or pass --graph FILE")
        formats = {".trig": ox.RdfFormat.TRIG, ".ttl": ox.RdfFormat.TURTLE, ".nt": ox.RdfFormat.N_TRIPLES,
                   ".nq": ox.RdfFormat.N_QUADS}
        fmt = formats.get(path.suffix)
        if fmt is None:
            raise BuildError(str(path), f"unknown graph format (use one of {', '.join(formats)})")
        self.where, self.kept = str(path), None
        if store_dir is not None:
            from graph.query.answers import FOLDER, KeptAnswers
            from graph.query.stores import prepare_store, source_digest

            folder = prepare_store(path, Path(store_dir))
            self.store = ox.Store.read_only(str(folder))
            self.kept = KeptAnswers(folder / FOLDER, source_digest(folder))
            return
        self.store = ox.Store()
        try:
            self.store.bulk_load(path=str(path), format=fmt)
        except SyntaxError as err:
            raise BuildError(str(path), f"not a readable RDF graph: {str(err).splitlines()[0][:200]}") from None

    @classmethod
    def of_graph(cls, graph: Graph) -> LocalBackend:
        """An rdflib graph (a test's) in an in-memory store, so code that reads a graph asks one engine.

        Named graphs are kept when the graph has them; rdflib writes N-Quads or N-Triples and Oxigraph reads them.
        """
        quads = graph.context_aware
        return cls.of_text(graph.serialize(format="nquads" if quads else "nt", encoding="utf-8"), quads)

    @classmethod
    def of_text(cls, data: str | bytes, quads: bool = False) -> LocalBackend:
        """N-Triples (or N-Quads) already written, such as a build's graph.nt, in an in-memory store."""
        import pyoxigraph as ox

        self = cls.__new__(cls)
        self.allow_federation, self.where, self.store, self.kept = False, "graph in memory", ox.Store(), None
        self.store.bulk_load(data, format=ox.RdfFormat.N_QUADS if quads else ox.RdfFormat.N_TRIPLES)
        return self

    def run(self, text: str, bindings: dict[str, object], where: str, max_rows: int,
            page: tuple[int | None, int] | None = None, keep: bool = False) -> Result:
        """The answer; with page (limit, offset), only those rows of a table, and its total.

        With keep, on a store on disk, the whole table is kept there for the next ask of the same text, its
        parameters bound (graph/query/answers.py): for the library's questions, which have one answer per graph.
        """
        if not self.allow_federation:
            refuse_service(text, where)
        check_syntax(text, where)
        text = inject_values(text, bindings, where)
        try:
            if page is None and not (keep and self.kept is not None):
                return self._collect(self.store.query(text, use_default_graph_as_union=True), max_rows)
            table = self._table(text, keep)
            if not isinstance(table, bytes):  # a graph or a boolean: nothing to page
                return self._collect(table, max_rows)
            limit, offset = page if page is not None else (None, 0)
            return page_of_tsv(table, limit, offset, max_rows)
        except SyntaxError as err:
            raise _syntax_error(where, err, text) from None
        except OSError as err:  # a SERVICE request that failed, with federation on (results are lazy)
            raise BuildError(where, f"query failed: {str(err).splitlines()[0]}") from None
        except RuntimeError as err:
            raise BuildError(where, f"query failed: {err}") from None

    def _table(self, text: str, keep: bool):
        """A SELECT's whole table as SPARQL TSV, written by Oxigraph in Rust, kept on a store on disk with keep;
        any other answer as the engine gave it."""
        import pyoxigraph as ox

        def work_out():
            answer = self.store.query(text, use_default_graph_as_union=True)
            return answer.serialize(format=ox.QueryResultsFormat.TSV) if isinstance(answer, ox.QuerySolutions) else answer

        return self.kept.table(text, work_out) if keep and self.kept is not None else work_out()

    def described(self, iris: list[URIRef], where: str) -> list[URIRef]:
        """Those of the IRIs that are the subject of a statement, read from the store's index.

        An entity parameter is resolved at every ask; a SPARQL question for it cost a fifth of a small answer.
        """
        import pyoxigraph as ox

        return [iri for iri in iris
                if next(iter(self.store.quads_for_pattern(ox.NamedNode(str(iri)), None, None)), None) is not None]

    def texts(self, text: str) -> list[tuple]:
        """A SELECT's rows as plain strings (an IRI, a literal's lexical form, or None), in the variables' order.

        For the project's own questions over a whole graph (the network projection): building an rdflib
        term per value costs more than the query at a million statements. Never for user text (no checks).
        """
        import csv
        import io

        import pyoxigraph as ox

        # Oxigraph writes the whole table as SPARQL CSV in Rust, eight times faster than reading each solution's
        # terms from Python. CSV gives every value as plain text; an unbound one (and an empty literal) is None.
        data = self.store.query(text, use_default_graph_as_union=True).serialize(format=ox.QueryResultsFormat.CSV)
        lines = csv.reader(io.StringIO(data.decode("utf-8"), newline=""))
        next(lines, None)
        return [tuple(v or None for v in row) for row in lines]

    @staticmethod
    def _collect(answer, max_rows: int) -> Result:
        import pyoxigraph as ox

        if isinstance(answer, ox.QueryBoolean):
            return Result("boolean", boolean=bool(answer))
        if isinstance(answer, ox.QuerySolutions):
            names = [v.value for v in answer.variables]
            rows, truncated = rows_of(answer, names, max_rows)
            return Result("select", vars=names, rows=rows, truncated=truncated)
        return Result("graph", graph=graph_of(answer))


ECHAR = {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r", "\t": "\\t", "\b": "\\b", "\f": "\\f"}
LANGUAGE = re.compile(r"[A-Za-z]{1,8}(-[A-Za-z0-9]{1,8})*")


def sparql_term(term, where: str) -> str:
    """A term as SPARQL text that cannot end its string early, checked by parsing it back.

    The characters that could end or break a string literal (quote, backslash,
    line breaks) are written as the escapes SPARQL reads only inside strings
    (ECHAR: \\" \\\\ \\n ...). Never as \\u escapes: the SPARQL grammar lets an
    engine decode those before parsing, and \\u0022 would then close the string.
    The text is parsed by Oxigraph and must give back the very same term.
    """
    if not isinstance(term, (URIRef, Literal)):
        raise BuildError(where, "cannot bind this value")
    text, problem = _term_text(term)
    if problem is not None:
        raise BuildError(where, problem)
    return text


@lru_cache(maxsize=4096)
def _term_text(term: URIRef | Literal) -> tuple[str, str | None]:
    """(SPARQL text, None) or ("", why not); worked out once per term, as a parameter is bound again and again.

    rdflib terms are equal only when their kind, lexical form, datatype and language are, so a term that
    hashes equal is written the same way.
    """
    try:
        if isinstance(term, URIRef):
            text = f"<{check_iri(str(term), '')}>"
        elif term.language:
            if not LANGUAGE.fullmatch(term.language):
                return "", f"not a language tag: {term.language!r}"
            text = f'"{_escaped(str(term))}"@{term.language}'
        elif term.datatype is not None:
            datatype, problem = _term_text(URIRef(term.datatype))
            if problem is not None:
                return "", problem
            text = f'"{_escaped(str(term))}"^^{datatype}'
        else:
            text = f'"{_escaped(str(term))}"'
    except BuildError as err:
        return "", err.message
    back = _read_back(text)
    if back is None:
        return "", f"cannot write {str(term)!r} as a SPARQL term"
    if isinstance(term, Literal) and not term.language and term.datatype is None:
        term = Literal(str(term), datatype=XSD.string)  # what a plain literal is in RDF 1.1
    if _from_ox(back) != term:
        return "", f"{str(term)!r} does not survive as a SPARQL term"
    return text, None


def _escaped(body: str) -> str:
    return "".join(ECHAR.get(c, c) for c in body)


@lru_cache(maxsize=4096)
def _read_back(text: str):
    """The term Oxigraph reads from a term's SPARQL text, or None; asked once per text (a parameter is bound
    again and again)."""
    import pyoxigraph as ox

    try:
        return next(iter(ox.Store().query(f"SELECT ?v WHERE {{ VALUES ?v {{ {text} }} }}")))["v"]
    except (SyntaxError, StopIteration):
        return None


def values_block(bindings: dict[str, object]) -> str:
    """A VALUES clause written from typed terms, each checked by round trip (sparql_term)."""
    names, terms = [], []
    for name, term in sorted(bindings.items()):
        if not VARIABLE.fullmatch(name):
            raise BuildError(f"--param {name}", "parameter names are SPARQL variable names")
        terms.append(sparql_term(term, f"--param {name}"))
        names.append(f"?{name}")
    return f"VALUES ({' '.join(names)}) {{ ({' '.join(terms)}) }}"


def inject_values(text: str, bindings: dict[str, object], where: str) -> str:
    """Put the VALUES block first inside the top-level WHERE group, so every pattern sees it.

    It goes on the line of the WHERE, so an engine's error still names the line the user wrote.
    """
    if not bindings:
        return text
    at = _inside_where(text)
    if at is None:
        raise BuildError(where, "a query with parameters needs an explicit WHERE { ... } for an endpoint")
    return text[:at] + " " + values_block(bindings) + " " + text[at:]  # same line: line numbers hold


@lru_cache(maxsize=512)
def _inside_where(text: str) -> int | None:
    """Where the top-level WHERE group opens, comments aside; found once per text (a library query is asked often)."""
    code = re.sub(r"#[^\n]*", lambda m: " " * len(m.group(0)), text)  # keep offsets, drop comments
    m = re.search(r"\bWHERE\s*\{", code, re.I)
    return m.end() if m else None


class EndpointBackend:
    """A SPARQL 1.1 Protocol endpoint, spoken to through SPARQLWrapper (POST, form-encoded).

    SPARQLWrapper is the RDFLib project's maintained client: it negotiates the
    result format, tells the query form from the text and maps HTTP errors to
    exceptions. This class only turns those into one-line BuildErrors and the
    answer into the same Result the local backend gives.
    """

    CODES = {"QueryBadFormed": 400, "Unauthorized": 401, "EndPointNotFound": 404, "URITooLong": 414,
             "EndPointInternalError": 500}

    def __init__(self, url: str, timeout: float = 60.0):
        if not re.match(r"^https?://", url):
            raise BuildError(url, "endpoint must be an http(s) URL")
        self.url = url
        self.timeout = timeout
        self.where = url

    def _ask(self, query: str):
        """(graph form?, response, body): SPARQLWrapper tells the query form and asks for a matching format."""
        from SPARQLWrapper import CONSTRUCT, DESCRIBE, JSON, POST, TURTLE, URLENCODED, SPARQLWrapper
        from SPARQLWrapper.SPARQLExceptions import SPARQLWrapperException

        client = SPARQLWrapper(self.url)
        client.setMethod(POST)
        client.setRequestMethod(URLENCODED)
        client.setTimeout(int(max(1, self.timeout)))
        client.setQuery(query)
        graph_form = client.queryType in (CONSTRUCT, DESCRIBE)
        client.setReturnFormat(TURTLE if graph_form else JSON)
        try:
            response = client.query()
            return graph_form, response, response.response.read()
        except SPARQLWrapperException as err:
            code = self.CODES.get(type(err).__name__)
            answered = f"endpoint answered {code}" if code else "endpoint answered"
            raise BuildError(self.url, f"{answered}: {self._first_line(err)}") from None
        except urllib.error.HTTPError as err:
            body = err.read().decode("utf-8", "replace").strip().splitlines()
            raise BuildError(self.url, f"endpoint answered {err.code}: {body[0] if body else err.reason}") from None
        except (urllib.error.URLError, OSError) as err:
            raise BuildError(self.url, f"cannot reach endpoint: {getattr(err, 'reason', err)}") from None

    @staticmethod
    def _first_line(err: Exception) -> str:
        """The first line of the server's answer, which SPARQLWrapper keeps only inside its message."""
        import ast

        head, sep, body = str(err).partition("Response:\n")
        if sep:
            try:
                lines = ast.literal_eval(body).decode("utf-8", "replace").strip().splitlines()
                if lines:
                    return lines[0]
            except (ValueError, SyntaxError, AttributeError):
                pass
        return head.split(": ", 1)[-1].strip().rstrip(".")

    def run(self, text: str, bindings: dict[str, object], where: str, max_rows: int,
            page: tuple[int | None, int] | None = None, keep: bool = False) -> Result:
        """The answer (page and keep are the local backend's: an endpoint's table is paged by Result.page)."""
        check_syntax(text, where)
        graph_form, response, body = self._ask(inject_values(text, bindings, where))
        if graph_form:
            g = Graph()
            content_type = response.response.headers.get("Content-Type", "text/turtle").split(";")[0].strip()
            try:
                g.parse(data=body.decode("utf-8"), format="nt" if content_type == "application/n-triples" else "turtle")
            except Exception:
                raise BuildError(self.url, self._cut_short(body)) from None
            return Result("graph", graph=g)
        try:
            doc = json.loads(body)
        except ValueError:
            raise BuildError(self.url, self._cut_short(body)) from None
        if "boolean" in doc:
            return Result("boolean", boolean=bool(doc["boolean"]))
        names = doc["head"]["vars"]
        bindings_out = doc["results"]["bindings"]
        rows = [{k: _from_json(v) for k, v in b.items()} for b in bindings_out[:max_rows]]
        # Virtuoso cuts an answer at its ResultSetMaxRows and says so only in this header: a full-looking table
        # that is not whole. Carried to the caller, which says it.
        cap = response.response.headers.get("X-SPARQL-MaxRows", "")
        server_limit = int(cap) if cap.isdigit() and len(bindings_out) >= int(cap) else None
        return Result("select", vars=names, rows=rows, truncated=len(bindings_out) > max_rows or server_limit is not None,
                      server_limit=server_limit)

    def described(self, iris: list[URIRef], where: str) -> list[URIRef]:
        """Those of the IRIs that are the subject of a statement (LocalBackend.described), in one question."""
        terms = " ".join(sparql_term(iri, where) for iri in iris)
        found = self.run(f"SELECT DISTINCT ?x WHERE {{ VALUES ?x {{ {terms} }} FILTER EXISTS {{ ?x ?p ?o }} }}", {}, where,
                         DEFAULT_MAX_ROWS).rows
        return [row["x"] for row in found]

    def texts(self, text: str) -> list[tuple]:
        """A SELECT's rows as plain strings, in the variables' order (LocalBackend.texts)."""
        result = self.run(text, {}, self.url, sys.maxsize)
        if result.server_limit is not None:
            raise BuildError(self.url, f"the endpoint cut the answer at {result.server_limit} rows (X-SPARQL-MaxRows): "
                             "raise its ResultSetMaxRows to read the whole graph")
        return [tuple(None if row.get(v) is None else str(row[v]) for v in result.vars) for row in result.rows]

    @staticmethod
    def _cut_short(body: bytes) -> str:
        text = body.decode("utf-8", "replace")
        if "cancelled" in text:
            return "the endpoint stopped the query at its time limit (answer cut short)"
        return "the endpoint's answer could not be read"


