"""Parameters: user strings turned into typed RDF terms before any query sees them.

An entity parameter takes an id, a name or alias, or an IRI, and must name
something in the graph; a date must be a date; a right must be in the rights
scheme. Nothing a user types is pasted into query text.

A date parameter NAME binds three variables: ``?NAME`` as given ("2009-05"),
and ``?NAME_first`` and ``?NAME_last``, the first and last day it covers as
``xsd:date``, so a query compares them with the graph's ``rg:earliestDate``
and ``rg:latestDate`` and never pads strings itself.
"""

from __future__ import annotations

import re
from functools import lru_cache

from rdflib import Literal, URIRef
from rdflib.namespace import XSD

from graph import dates
from graph.errors import BuildError
from graph.model.namespaces import RGD
from graph.model.terms import RG
from graph.query.backends import DEFAULT_MAX_ROWS, check_iri
from graph.query.library import LibraryQuery


def _lookup(backend, text: str, bindings: dict, where: str) -> list[dict]:
    return backend.run(text, bindings, where, DEFAULT_MAX_ROWS).rows


NAMES = """
    PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
    PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
    SELECT DISTINCT ?x ?name WHERE {
      { ?x rdfs:label ?l } UNION { ?x skos:altLabel ?l }
      BIND(STR(?l) AS ?name)
      FILTER(STRSTARTS(STR(?x), "https://w3id.org/rightsgraph/id/"))
    } ORDER BY ?name ?x"""


def entity_names(backend, where: str = "names") -> list[tuple[str, URIRef]]:
    """Every (name or alias, IRI) an entity parameter accepts besides ids; the CLI and the query page share it."""
    return [(str(r["name"]), r["x"]) for r in _lookup(backend, NAMES, {}, where)]


def did_you_mean(value: str, names: list[str]) -> str:
    """'; did you mean A, B?' from the closest names (rapidfuzz), or nothing when none is close."""
    from rapidfuzz import fuzz, process, utils

    close = process.extract(value, sorted(set(names)), scorer=fuzz.WRatio, processor=utils.default_process,
                            limit=10, score_cutoff=80)
    picked: dict[str, str] = {}
    for name, score, _ in close:  # the best, and those nearly as good; one spelling per name whatever its case
        if score >= close[0][1] - 5 and len(picked) < 3:
            picked.setdefault(name.casefold(), name)
    return f"; did you mean {', '.join(repr(n) for n in picked.values())}?" if picked else ""


@lru_cache(maxsize=1024)
def _id_candidates(value: str) -> tuple[URIRef, ...]:
    """The IRIs an id may name, one per kind of thing; built once per id (a parameter is resolved at every ask)."""
    if not re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*(/[a-z0-9-]+)*", value):
        return ()
    kinds = [f"{kind}/{value}" for kind in ("entity", "instrument", "event", "office")] + ([value] if "/" in value else [])
    return tuple(RGD[name] for name in kinds)


def resolve_entity(backend, value: str, where: str) -> URIRef:
    """An IRI, a prefixed rgd: name, an id (almaty-raid) or a label/alias (NSS) to the entity's IRI."""
    if value.startswith(("http://", "https://")):
        return URIRef(check_iri(value, where))
    if value.startswith("rgd:"):
        value = value[4:]
    candidates = _id_candidates(value)
    if candidates:
        found = backend.described(list(candidates), where)
        if len(found) == 1:
            return found[0]
    names = entity_names(backend, where)
    iris = sorted({str(iri) for name, iri in names if name.casefold() == value.casefold()})
    if len(iris) == 1:
        return URIRef(iris[0])
    if len(iris) > 1:
        raise BuildError(where, f"{value!r} names {len(iris)} things: {', '.join(iris)}; pass one IRI")
    ids = [str(iri).rsplit("/", 1)[-1] for _, iri in names]
    raise BuildError(where, f"no entity, event or instrument is called {value!r}{did_you_mean(value, [n for n, _ in names] + ids)}")


def resolve_right(backend, value: str, where: str) -> URIRef:
    if value.startswith(("http://", "https://")):
        iri = URIRef(check_iri(value, where))
    elif re.fullmatch(r"(rg:)?[A-Za-z]+", value):
        iri = RG._NS[value.removeprefix("rg:")]
    else:
        rows = _lookup(backend, """PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
            SELECT ?r ?name WHERE { ?r skos:prefLabel ?l FILTER(LCASE(STR(?l)) = LCASE(?name)) }""",
                       {"name": Literal(value)}, where)
        if len(rows) != 1:
            known = _lookup(backend, """PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
                PREFIX rg: <https://w3id.org/rightsgraph/ontology#>
                SELECT ?name WHERE { ?r a rg:Right ; skos:prefLabel ?l BIND(STR(?l) AS ?name) }""", {}, where)
            raise BuildError(where, f"no right is called {value!r}{did_you_mean(value, [str(r['name']) for r in known])}")
        iri = rows[0]["r"]
    rows = _lookup(backend, """PREFIX rg: <https://w3id.org/rightsgraph/ontology#>
        SELECT ?r WHERE { ?r a rg:Right }""", {"r": iri}, where)
    if not rows:
        raise BuildError(where, f"{value!r} is not a right of the rights scheme (see ontology/rights.ttl)")
    return iri


@lru_cache(maxsize=1024)
def _date_terms(value: str) -> tuple[Literal, Literal, Literal] | None:
    """The date as given, its first and its last day; None when it is no date. Built once per value: an
    rdflib xsd:date literal parses its text, and this was a tenth of a small answer's time."""
    if dates.problem(value):
        return None
    return (Literal(value), Literal(dates.earliest(value).isoformat(), datatype=XSD.date),
            Literal(dates.latest(value).isoformat(), datatype=XSD.date))


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
            terms = _date_terms(value)
            if terms is None:
                raise BuildError(here, f"{value!r} is not a date (YYYY, YYYY-MM or YYYY-MM-DD)")
            out[name], out[f"{name}_first"], out[f"{name}_last"] = terms
        elif kind == "integer":
            if not re.fullmatch(r"[0-9]{1,6}", value):
                raise BuildError(here, f"{value!r} is not a whole number")
            out[name] = Literal(int(value))
        else:
            out[name] = Literal(value)
    return out


