"""Namespaces used in the graph, and the rules that mint its IRIs.

IRIs are built from curated identifiers (normalised slugs) or from hashes of
a thing's parts, never from counters or random numbers, so the same input
gives the same IRI in every build.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata

from rdflib import Namespace
from rdflib.namespace import DCTERMS, FOAF, OWL, PROV, RDF, RDFS, SDO, SKOS, XSD

from graph.model.terms import RG

RGD = Namespace("https://w3id.org/rightsgraph/id/")
SEM = Namespace("http://semanticweb.cs.vu.nl/2009/11/sem/")
OA = Namespace("http://www.w3.org/ns/oa#")
ELI = Namespace("http://data.europa.eu/eli/ontology#")
LODE = Namespace("http://linkedevents.org/ontology/")
CRM = Namespace("http://www.cidoc-crm.org/cidoc-crm/")
WD = Namespace("http://www.wikidata.org/entity/")

PREFIXES = {
    "rg": RG._NS, "rgd": RGD, "rdf": RDF._NS, "rdfs": RDFS._NS, "owl": OWL._NS, "xsd": XSD._NS,
    "skos": SKOS._NS, "dcterms": DCTERMS._NS, "prov": PROV._NS, "schema": SDO._NS, "foaf": FOAF._NS,
    "sem": SEM, "oa": OA, "eli": ELI, "wd": WD,
}


def with_prefixes(text: str) -> str:
    """The query with the project's prefixes declared, except those it declares itself.

    They go on the query's first line, so a syntax error still names the line
    the user wrote (only columns on line 1 shift).
    """
    declared = {m.lower() for m in re.findall(r"(?i)\bPREFIX\s+([A-Za-z][\w.-]*)?:", text)}
    head = " ".join(f"PREFIX {p}: <{ns}>" for p, ns in PREFIXES.items() if p.lower() not in declared)
    return f"{head} {text}" if head else text


def bind_prefixes(graph) -> None:
    for prefix, ns in PREFIXES.items():
        graph.bind(prefix, ns, override=True, replace=True)


def slug(text: str) -> str:
    """Lower-case ASCII words joined by hyphens: the normalised form of a name."""
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", folded.lower()).strip("-")


def short_hash(*parts: str) -> str:
    return hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()[:10]


def entity_iri(entity_id: str):
    return RGD[f"entity/{entity_id}"]


def instrument_iri(entity_id: str):
    return RGD[f"instrument/{entity_id}"]


def event_iri(event_id: str):
    return RGD[f"event/{event_id}"]


def office_iri(office_id: str):
    return RGD[f"office/{office_id}"]


def term_iri(office_id: str, holder: str):
    return RGD[f"office/{office_id}/term/{holder}"]


def document_iri(file_name: str):
    return RGD[f"document/{slug(file_name.rsplit('.', 1)[0])}"]


def graph_iri(name: str):
    return RGD[f"graph/{name}"]


def evidence_iri(file_name: str, start: int, end: int):
    return RGD[f"evidence/{slug(file_name.rsplit('.', 1)[0])}/{start}-{end}"]


def publication_iri(day: str, title: str):
    return RGD[f"publication/{day}-{short_hash(' '.join(title.split()))}"]
