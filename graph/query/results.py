"""What a query returns, whichever backend answered it, and the term conversions behind it."""

from __future__ import annotations

from dataclasses import dataclass, field

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import XSD


@dataclass
class Result:
    """A SELECT table (vars and rows of rdflib terms), a graph, or a boolean."""

    kind: str  # "select", "graph" or "boolean"
    vars: list[str] = field(default_factory=list)
    rows: list[dict] = field(default_factory=list)
    graph: Graph | None = None
    boolean: bool | None = None
    truncated: bool = False
    server_limit: int | None = None  # the endpoint cut its answer at this many rows (X-SPARQL-MaxRows)
    total: int | None = None  # set when the backend gave one page: the whole table's rows, counted by the engine
    offset: int = 0  # and the rows skipped before this page

    def page(self, limit: int | None, offset: int = 0) -> tuple[Result, str | None]:
        """Rows offset+1 to offset+limit of a table, and a line saying which of how many they are.

        A table the backend already paged (total set) is that page; otherwise the rows are sliced here.
        """
        if self.kind != "select" or (limit is None and not offset):
            return self, None
        if self.total is not None:
            page, total, offset = self, self.total, self.offset
        else:
            total = len(self.rows)
            rows = self.rows[offset:offset + limit] if limit is not None else self.rows[offset:]
            page = Result(self.kind, self.vars, rows, truncated=self.truncated, server_limit=self.server_limit)
        shown = f"rows {offset + 1}-{offset + len(page.rows)}" if page.rows else "no rows"
        more = f" (--offset {offset + len(page.rows)} for the next page)" if offset + len(page.rows) < total else ""
        of = f"{total}{'+' if self.truncated and self.total is None else ''}"
        return page, f"{shown} of {of}{more}"

    def records(self) -> list[dict[str, object]]:
        """Rows as plain Python values (str, int, date ...), for use in code."""
        return [{k: (v.toPython() if isinstance(v, Literal) else str(v)) for k, v in row.items()} for row in self.rows]


def page_of_tsv(table: bytes, limit: int | None, offset: int, max_rows: int) -> Result:
    """One page of a SELECT table that Oxigraph wrote as SPARQL TSV, with the whole table's row count.

    Only the page's lines become rdflib terms: building a term per value costs
    more than the query on a large answer. TSV escapes line breaks inside
    literals, so a line is a row; the page's lines are read back by Oxigraph's
    own TSV parser, so every term comes back as the engine wrote it.
    """
    import pyoxigraph as ox

    lines = table.split(b"\n")  # Oxigraph ends every line, the header's too, with a line break
    header, body = lines[0], lines[1:-1]
    count = min(limit if limit is not None else len(body), max_rows)
    chosen = body[offset:offset + count]
    answer = ox.parse_query_results(b"\n".join([header, *chosen, b""]), format=ox.QueryResultsFormat.TSV)
    names = [v.value for v in answer.variables]
    rows, _ = rows_of(answer, names)
    cut = count < (limit if limit is not None else len(body)) and offset + count < len(body)
    return Result("select", vars=names, rows=rows, truncated=cut, total=len(body), offset=offset)


def rows_of(solutions, names: list[str], max_rows: int | None = None) -> tuple[list[dict], bool]:
    """The solutions as rows of rdflib terms, at most max_rows, and whether more were left.

    A term met again (a type, a role, a label on every row, or in the answer
    before) is converted once: looking a pyoxigraph term up costs a hash in Rust,
    and converting it again cost more than the query for a table of thousands
    of rows, and a third of a small answer's time.
    """
    rows: list[dict] = []
    for solution in solutions:
        if max_rows is not None and len(rows) == max_rows:
            return rows, True
        # A solution gives its values in the variables' order.
        rows.append({name: term_of(term) for name, term in zip(names, solution) if term is not None})
    return rows, False


def graph_of(triples) -> Graph:
    """A CONSTRUCT's triples as an rdflib graph in the plain triple store: the default one also keeps
    contexts, and adding to it cost twice as much (an answer is one graph)."""
    g = Graph(store="SimpleMemory")
    add = g.store.add
    for triple in triples:
        add((term_of(triple.subject), term_of(triple.predicate), term_of(triple.object)), g)
    return g


KNOWN_TERMS = 1 << 16
_KNOWN: dict = {}  # pyoxigraph term -> rdflib term, across answers; emptied when full


def term_of(term):
    """The rdflib term for a pyoxigraph term, converted once while it is kept."""
    value = _KNOWN.get(term)
    if value is None:
        if len(_KNOWN) >= KNOWN_TERMS:
            _KNOWN.clear()
        value = _KNOWN[term] = _from_ox(term)
    return value


def _from_ox(term):
    """A pyoxigraph term as an rdflib term (term_of keeps those it made). A literal keeps the lexical form the
    engine gives it: rdflib would rewrite a form it can read ("2009-05-01Z"^^xsd:date lost its time zone, and
    "1"^^xsd:double became "1.0"), and an answer would quote the graph wrongly."""
    import pyoxigraph as ox

    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    if isinstance(term, ox.Literal):
        if term.language:
            return Literal(term.value, lang=term.language)
        return Literal(term.value, datatype=URIRef(term.datatype.value), normalize=False)
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


def _from_json(value: dict):
    if value["type"] == "uri":
        return URIRef(value["value"])
    if value["type"] == "bnode":
        return BNode(value["value"])
    if "xml:lang" in value:
        return Literal(value["value"], lang=value["xml:lang"])
    return Literal(value["value"], datatype=URIRef(value.get("datatype", str(XSD.string))), normalize=False)
