"""The ontology's terms as closed Python values, read from ``ontology/kg.ttl``.

``kg.ttl`` is the one place that defines labels, relation types and node properties;
this module reads it once and offers them to the graph, the stores and the writers.
A misspelt term is an error, never a new term.

>>> LABELS[:3]
('Chain', 'Document', 'Firm')
>>> RELATIONS["HAS_LINK"].properties
('position',)
>>> relation("LIVES_IN")
Traceback (most recent call last):
...
kg.errors.SchemaError: unknown relation type 'LIVES_IN'; known: DEVELOPS, HAS_CHAIN, HAS_LINK, IN_INDUSTRY, IN_REGION, LOCATED_IN, MENTIONED_IN, NEXT, OPERATES_IN, PART_OF, SUPPORTS, TARGETS
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from rdflib import OWL, RDF, RDFS, Graph, Literal, Namespace
from rdflib.collection import Collection
from rdflib.namespace import ClosedNamespace

from kg.errors import SchemaError
from kg.ontology import ONTOLOGY_PATH

BASE = "https://w3id.org/zonekg/"
KG_IRI = BASE + "ontology#"
ID_IRI = BASE + "id/"
SOURCE_IRI = BASE + "source/"
KGNS = Namespace(KG_IRI)

PLATFORM_KINDS = ("university", "institute", "lab", "center", "platform", "incubator",
                  "event", "fund", "association")
FIRM_ROLES = ("local", "target", "other")
INDUSTRY_ROLES = ("leading", "emerging", "future", "service", "other")
STAGES = ("upstream", "midstream", "downstream")


@dataclass(frozen=True)
class RelationType:
    """A relation type: its Cypher name, RDF term, endpoint labels and properties."""

    name: str
    iri: str
    domains: tuple
    ranges: tuple
    properties: tuple
    label_zh: str
    label_en: str


@dataclass(frozen=True)
class PropertyType:
    """A node property: its Cypher name, RDF term, labels that carry it, list-valued or not."""

    name: str
    iri: str
    domains: tuple
    many: bool
    integer: bool


def _classes(graph: Graph, node) -> tuple:
    """The local class names of a domain or range, unfolding owl:unionOf."""
    if node is None:
        return ()
    union = graph.value(node, OWL.unionOf)
    members = list(Collection(graph, union)) if union is not None else [node]
    return tuple(sorted(str(m)[len(KG_IRI):] for m in members if str(m).startswith(KG_IRI)))


def _label(graph: Graph, term, lang: str) -> str:
    for value in graph.objects(term, RDFS.label):
        if isinstance(value, Literal) and value.language == lang:
            return str(value)
    return ""


@lru_cache(maxsize=1)
def _read():
    graph = Graph().parse(ONTOLOGY_PATH, format="turtle")
    cypher = KGNS.cypherName
    labels = tuple(sorted(str(c)[len(KG_IRI):] for c in graph.subjects(RDF.type, OWL.Class)
                          if str(c).startswith(KG_IRI) and graph.value(c, RDFS.label) is not None
                          and str(c) != KG_IRI + "Evidence"))
    relations, properties = {}, {}
    for term in graph.subjects(cypher, None):
        name = str(graph.value(term, cypher))
        if name.isupper():
            relations[name] = RelationType(
                name=name, iri=str(term),
                domains=_classes(graph, graph.value(term, RDFS.domain)) or labels,
                ranges=_classes(graph, graph.value(term, RDFS.range)) or labels,
                properties=tuple(sorted(str(p) for p in graph.objects(term, KGNS.edgeProperty))),
                label_zh=_label(graph, term, "zh"), label_en=_label(graph, term, "en"))
        else:
            rng = graph.value(term, RDFS.range)
            properties[name] = PropertyType(
                name=name, iri=str(term),
                domains=_classes(graph, graph.value(term, RDFS.domain)) or labels,
                many=bool(graph.value(term, KGNS.many)),
                integer=rng is not None and str(rng).endswith("integer"))
    names = sorted(str(t)[len(KG_IRI):] for t in set(graph.subjects()) if str(t).startswith(KG_IRI))
    names_zh = {name: _label(graph, KGNS[name], "zh") for name in labels}
    return labels, dict(sorted(relations.items())), dict(sorted(properties.items())), names, \
        names_zh


# LABELS_ZH: each node label's Chinese name in the ontology (Firm → 企业)
LABELS, RELATIONS, PROPERTIES, _TERMS, LABELS_ZH = _read()
KG = ClosedNamespace(KG_IRI, _TERMS)


def label(name: str) -> str:
    """Check that ``name`` is a node label of the ontology and return it."""
    if name not in LABELS:
        raise SchemaError(f"unknown label {name!r}; known: {', '.join(LABELS)}")
    return name


def relation(name: str) -> RelationType:
    """The relation type called ``name`` (Cypher spelling), or a SchemaError."""
    try:
        return RELATIONS[name]
    except KeyError:
        raise SchemaError(f"unknown relation type {name!r}; known: {', '.join(RELATIONS)}") from None


def node_properties(label_name: str) -> tuple:
    """Properties a node of ``label_name`` may carry in Cypher stores, besides id and name."""
    label(label_name)
    return tuple(p for p in PROPERTIES.values() if label_name in p.domains and p.name != "name")
