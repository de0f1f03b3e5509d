"""The external vocabularies the ontology maps to, and the terms each one defines.

A mapping to a misspelt term (sem:hasTimestamp, eli:passedBy) is a silent
error: it points at nothing. Where rdflib ships a closed namespace for a
vocabulary, it is the check; for the others the terms are listed here, read
from the vocabulary as published, and the source is named beside each list.
"""

from __future__ import annotations

from rdflib import URIRef
from rdflib.namespace import DCTERMS, FOAF, OWL, PROV, RDFS, SDO, SKOS, DefinedNamespace

from graph.model.namespaces import CRM, ELI, LODE, OA, SEM

# Namespaces a mapping may point into.
ALLOWED = {
    "sem": str(SEM), "schema": str(SDO._NS), "prov": str(PROV._NS), "foaf": str(FOAF._NS), "eli": str(ELI),
    "lode": str(LODE), "crm": str(CRM), "oa": str(OA), "dcterms": str(DCTERMS._NS), "skos": str(SKOS._NS),
}

# rdflib's closed namespaces (each generated from the vocabulary file).
DEFINED: dict[str, type[DefinedNamespace]] = {
    "schema": SDO, "prov": PROV, "foaf": FOAF, "dcterms": DCTERMS, "skos": SKOS,
}

# SEM 2009/11, from sem.rdf (as listed by manomayam/rdf_vocabularies, src/ns/sem.rs).
SEM_TERMS = frozenset("""
Actor ActorType Authority Constraint Core Event EventType Object Place PlaceType Role RoleType Temporary Time
TimeType Type View accordingTo actorType eventProperty eventType hasActor hasBeginTimeStamp
hasEarliestBeginTimeStamp hasEarliestEndTimeStamp hasEndTimeStamp hasLatestBeginTimeStamp hasLatestEndTimeStamp
hasPlace hasSubEvent hasSubType hasTime hasTimeStamp placeType roleType subEventOf subTypeOf timeType type
""".split())

# Web Annotation vocabulary, from the W3C ontology (manomayam/rdf_vocabularies, src/ns/oa.rs); the terms used here.
OA_TERMS = frozenset("""
Annotation SpecificResource ResourceSelection Selector TextPositionSelector TextQuoteSelector FragmentSelector
RangeSelector hasSource hasSelector hasTarget hasBody exact prefix suffix start end refinedBy
""".split())

# ELI ontology, from the Publications Office release (as listed by Eclipse RDF4J's ELI vocabulary class).
ELI_TERMS = frozenset("""
AdministrativeArea Agent ComplexWork Expression Format FormatType InForce Language LegalExpression LegalResource
LegalResourceSubdivision LegalValue Manifestation Organization Person ResourceType SubdivisionType Version Work
WorkSubdivision WorkType amended_by amends applied_by applies based_on basis_for changed_by changes cited_by
cited_by_case_law cited_by_case_law_reference cites commenced_by commences consolidated_by consolidates
corrected_by corrects countersigned_by date_applicability date_document date_no_longer_in_force date_publication
description embodies ensures_implementation_of first_date_entry_in_force format has_annex has_another_publication
has_derivative has_member has_part has_translation id_local implementation_ensured_by in_force is_about
is_annex_of is_another_publication_of is_derivative_of is_embodied_by is_exemplified_by is_member_of is_part_of
is_realized_by is_translation_of jurisdiction language legal_value licence media_type number passed_by
published_in published_in_format publisher publisher_agent publishes realizes related_to relevant_for repealed_by
repeals responsibility_of responsibility_of_agent rights rightsholder rightsholder_agent title title_alternative
title_short transposed_by transposes type_document type_subdivision uri_schema version version_date work_type
""".split())

# LODE, from linkedevents.org/ontology (every term it defines).
LODE_TERMS = frozenset("Event atPlace atTime circa illustrate inSpace involved involvedAgent".split())

# CIDOC CRM (7.1) classes and properties used in the mappings; names as the CRM RDFS publishes them.
CRM_TERMS = frozenset("""
E5_Event E7_Activity E21_Person E31_Document E39_Actor E53_Place E55_Type E74_Group
P7_took_place_at P11_had_participant P11i_participated_in P14_carried_out_by P89_falls_within
""".split())

LISTED = {"sem": SEM_TERMS, "oa": OA_TERMS, "eli": ELI_TERMS, "lode": LODE_TERMS, "crm": CRM_TERMS}
MAPPING_PREDICATES = (RDFS.subClassOf, RDFS.subPropertyOf, OWL.equivalentClass, OWL.equivalentProperty,
                      SKOS.exactMatch, SKOS.closeMatch, SKOS.broadMatch, SKOS.narrowMatch, SKOS.relatedMatch)


def prefix_of(term: URIRef) -> str | None:
    for prefix, ns in ALLOWED.items():
        if str(term).startswith(ns):
            return prefix
    return None


def is_defined(term: URIRef) -> bool:
    """True when the term exists in its vocabulary (closed rdflib namespace or the lists above)."""
    prefix = prefix_of(term)
    if prefix is None:
        return False
    name = str(term)[len(ALLOWED[prefix]):]
    if prefix in DEFINED:
        closed = DEFINED[prefix]
        return name in closed.__annotations__ or name in getattr(closed, "_extras", [])
    return name in LISTED[prefix]


__all__ = ["ALLOWED", "MAPPING_PREDICATES", "is_defined", "prefix_of"]
