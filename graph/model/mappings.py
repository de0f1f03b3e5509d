"""The ontology's mappings to external vocabularies as an SSSOM table.

The Turtle is the source (rightsgraph.ttl and alignments.ttl); the table in
ontology/mappings.sssom.tsv is generated from it for tools that read SSSOM,
and a test fails when the two disagree.
"""

from __future__ import annotations

import io

from rdflib import Graph, URIRef
from rdflib.namespace import RDFS

from graph.errors import BuildError
from graph.model.ontology import load_ontology, local
from graph.model.terms import RG
from graph.model.vocab import ALLOWED, MAPPING_PREDICATES, prefix_of

PREDICATE_CURIES = {
    "http://www.w3.org/2000/01/rdf-schema#subClassOf": "rdfs:subClassOf",
    "http://www.w3.org/2000/01/rdf-schema#subPropertyOf": "rdfs:subPropertyOf",
    "http://www.w3.org/2002/07/owl#equivalentClass": "owl:equivalentClass",
    "http://www.w3.org/2002/07/owl#equivalentProperty": "owl:equivalentProperty",
    "http://www.w3.org/2004/02/skos/core#exactMatch": "skos:exactMatch",
    "http://www.w3.org/2004/02/skos/core#closeMatch": "skos:closeMatch",
    "http://www.w3.org/2004/02/skos/core#broadMatch": "skos:broadMatch",
    "http://www.w3.org/2004/02/skos/core#narrowMatch": "skos:narrowMatch",
    "http://www.w3.org/2004/02/skos/core#relatedMatch": "skos:relatedMatch",
}
PREDICATE_PREFIXES = {"owl": "http://www.w3.org/2002/07/owl#", "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
                      "skos": "http://www.w3.org/2004/02/skos/core#"}
COLUMNS = ["subject_id", "subject_label", "predicate_id", "object_id", "mapping_justification"]


def mappings(graph: Graph) -> list[tuple[str, str, str, str]]:
    """(subject curie, subject label, predicate curie, object curie) for every external mapping, sorted."""
    rows = set()
    for pred in MAPPING_PREDICATES:
        for s, o in graph.subject_objects(pred):
            if isinstance(s, URIRef) and str(s).startswith(str(RG)) and isinstance(o, URIRef) and prefix_of(o):
                prefix = prefix_of(o)
                rows.add((f"rg:{local(s)}", str(graph.value(s, RDFS.label) or ""), PREDICATE_CURIES[str(pred)],
                          f"{prefix}:{str(o)[len(ALLOWED[prefix]):]}"))
    return sorted(rows)


def sssom_tsv(graph: Graph | None = None) -> str:
    """The mapping set written by sssom-py, the SSSOM project's own library, so the file follows its spec."""
    try:
        import curies
        import pandas as pd
        from sssom.util import MappingSetDataFrame
        from sssom.writers import write_table
    except ImportError:
        raise BuildError("sssom", "sssom-py is not installed: pip install -e '.[mappings]'") from None
    graph = graph if graph is not None else load_ontology()
    rows = mappings(graph)
    used = sorted({r[3].split(":", 1)[0] for r in rows} | {r[2].split(":", 1)[0] for r in rows})
    prefixes = {"rg": str(RG), "semapv": "https://w3id.org/semapv/vocab/", **PREDICATE_PREFIXES,
                **{p: ALLOWED[p] for p in used if p in ALLOWED}}
    frame = pd.DataFrame([dict(zip(COLUMNS, [*row, "semapv:ManualMappingCuration"])) for row in rows], columns=COLUMNS)
    mapping_set = MappingSetDataFrame(df=frame, converter=curies.Converter.from_prefix_map(prefixes), metadata={
        "mapping_set_id": "https://w3id.org/rightsgraph/ontology/mappings.sssom.tsv",
        "mapping_set_description": "rightsgraph ontology terms mapped to SEM, schema.org, PROV-O, FOAF, ELI, LODE, "
                                   "CIDOC-CRM and Dublin Core",
        "license": "https://creativecommons.org/licenses/by/4.0/",
        "subject_source": "https://w3id.org/rightsgraph/ontology",
    })
    out = io.StringIO()
    write_table(mapping_set, out)
    return out.getvalue()
