"""The graph as RDF: one named graph per source, evidence as PROV entities.

Each node becomes ``<id> a kg:Label`` with ``kg:name``, ``kg:alias`` and its
properties; each relation a triple with the ontology's property. Every triple sits
in the named graph of each source it came from (``<…/source/plan.txt>``), so a
source can be traced and withdrawn. Sentence-level evidence is a ``kg:Evidence``
node; relations with properties or sentence evidence are also reified
(``rdf:Statement``) to carry them.

>>> from kg import KnowledgeGraph
>>> g = KnowledgeGraph()
>>> _ = g.add_entity("Region", "郑州市", source={"doc": "a.txt", "sentence": 0, "start": 0, "end": 3, "quote": "郑州市"})
>>> b"Region" in serialize(g, "trig")
True
"""
from __future__ import annotations

import hashlib
import json
import re
from typing import Iterator

import pyoxigraph as ox

from kg import vocab

FORMATS = {
    "trig": ox.RdfFormat.TRIG,
    "nquads": ox.RdfFormat.N_QUADS,
    "ttl": ox.RdfFormat.TURTLE,
    "nt": ox.RdfFormat.N_TRIPLES,
    "jsonld": ox.RdfFormat.JSON_LD,
}
GRAPH_FORMATS = {"trig", "nquads", "jsonld"}  # formats that keep named graphs
SUFFIXES = {"trig": ".trig", "nquads": ".nq", "ttl": ".ttl", "nt": ".nt", "jsonld": ".jsonld"}

_UNSAFE = re.compile(r"[\x00-\x20<>\"{}|^`\\%#?\x7f]")
RDF_TYPE = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
RDF_ = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
XSD_INT = ox.NamedNode("http://www.w3.org/2001/XMLSchema#integer")
XSD_DEC = ox.NamedNode("http://www.w3.org/2001/XMLSchema#decimal")
XSD_BOOL = ox.NamedNode("http://www.w3.org/2001/XMLSchema#boolean")


def iri_part(text: str) -> str:
    """Escape what an IRI may not hold, keeping Chinese readable.

    >>> iri_part('Firm/<img src=x>')
    'Firm/%3Cimg%20src=x%3E'
    """
    return _UNSAFE.sub(lambda m: "".join(f"%{b:02X}" for b in m.group().encode()), text)


def node_iri(node: str) -> ox.NamedNode:
    """The IRI of a node id."""
    return ox.NamedNode(vocab.ID_IRI + iri_part(node))


def source_iri(doc: str) -> ox.NamedNode:
    """The named graph of a source file."""
    return ox.NamedNode(vocab.SOURCE_IRI + iri_part(doc))


def _term(name: str) -> ox.NamedNode:
    return ox.NamedNode(vocab.KG_IRI + name)


def literal(value) -> ox.Literal:
    """A typed literal for a property value (lists and dicts become JSON strings)."""
    if isinstance(value, bool):
        return ox.Literal("true" if value else "false", datatype=XSD_BOOL)
    if isinstance(value, int):
        return ox.Literal(str(value), datatype=XSD_INT)
    if isinstance(value, float):
        return ox.Literal(repr(value), datatype=XSD_DEC)
    if isinstance(value, (list, dict)):
        return ox.Literal(json.dumps(value, ensure_ascii=False, sort_keys=True))
    return ox.Literal(str(value))


_PROP_TERMS = {p.name: ox.NamedNode(p.iri) for p in vocab.PROPERTIES.values()}
_REL_TERMS = {r.name: ox.NamedNode(r.iri) for r in vocab.RELATIONS.values()}
_EDGE_PROP_TERMS = {name: _term(name) for name in ("role", "position", "score", "matched",
                                                    "inferred", "industry", "sentence", "start",
                                                    "end", "quote")}
_EDGE_PROP_TERMS["matched"] = _term("keyword")
_EDGE_PROP_TERMS["score"] = ox.NamedNode("http://www.w3.org/ns/prov#value")


def _evidence(record: dict) -> tuple:
    digest = hashlib.sha1(json.dumps(record, sort_keys=True, ensure_ascii=False).encode()).hexdigest()[:16]
    ev = ox.NamedNode(vocab.BASE + "evidence/" + digest)
    triples = [(ev, RDF_TYPE, _term("Evidence")),
               (ev, _term("document"), node_iri("Document/" + record["doc"]))]
    for name in ("sentence", "start", "end", "row"):
        if name in record:
            triples.append((ev, _term(name), literal(int(record[name]))))
    if "quote" in record:
        triples.append((ev, _term("quote"), literal(record["quote"])))
    return ev, triples


def _graphs(sources: list) -> list:
    docs = sorted({s["doc"] for s in sources}) if sources else []
    return [source_iri(d) for d in docs] or [ox.DefaultGraph()]


def graph_quads(graph) -> Iterator[ox.Quad]:
    """Every quad of the graph, in the named graph of each of its sources."""
    for record in graph.node_records():
        subject = node_iri(record["id"])
        sources = record.get("sources", [])
        triples = [(subject, RDF_TYPE, _term(record["label"])),
                   (subject, _term("name"), literal(record["name"]))]
        triples += [(subject, _term("alias"), literal(a)) for a in record.get("aliases", [])]
        for prop, value in record.items():
            term = _PROP_TERMS.get(prop)
            if term is None or prop in ("name", "aliases", "sources") or value is None:
                continue
            for item in (value if isinstance(value, list) else [value]):
                triples.append((subject, term, literal(item)))
        for src in sources:
            ev, ev_triples = _evidence(src)
            triples.append((subject, _term("evidence"), ev))
            for g in _graphs([src]):
                for t in ev_triples:
                    yield ox.Quad(*t, g)
        for g in _graphs(sources):
            for t in triples:
                yield ox.Quad(*t, g)
    for record in graph.edge_records():
        s, p, o = node_iri(record["src"]), _REL_TERMS[record["rel"]], node_iri(record["dst"])
        sources = record.get("sources", [])
        props = {k: v for k, v in record.items() if k in _EDGE_PROP_TERMS}
        triples = [(s, p, o)]
        detailed = [src for src in sources if "sentence" in src or "row" in src]
        if props or detailed:
            digest = hashlib.sha1(f"{record['src']}|{record['rel']}|{record['dst']}".encode()).hexdigest()[:16]
            stmt = ox.NamedNode(vocab.BASE + "statement/" + digest)
            triples += [(stmt, RDF_TYPE, ox.NamedNode(RDF_ + "Statement")),
                        (stmt, ox.NamedNode(RDF_ + "subject"), s),
                        (stmt, ox.NamedNode(RDF_ + "predicate"), p),
                        (stmt, ox.NamedNode(RDF_ + "object"), o)]
            for name, value in sorted(props.items()):
                for item in (value if isinstance(value, list) else [value]):
                    triples.append((stmt, _EDGE_PROP_TERMS[name], literal(item)))
            for src in detailed:
                ev, ev_triples = _evidence(src)
                triples.append((stmt, _term("evidence"), ev))
                for g in _graphs([src]):
                    for t in ev_triples:
                        yield ox.Quad(*t, g)
        for g in _graphs(sources):
            for t in triples:
                yield ox.Quad(*t, g)


def serialize(graph, fmt: str = "trig") -> bytes:
    """The graph in an RDF format (trig, nquads, ttl, nt, jsonld), sorted so it is canonical."""
    return ox.serialize(canonical_quads(graph, fmt), format=FORMATS[fmt],
                        prefixes=_prefixes(fmt))


def canonical_quads(graph, fmt: str = "trig") -> list:
    """The graph's quads without duplicates, in a stable order (triples for ttl and nt)."""
    quads = set(graph_quads(graph))
    if fmt in GRAPH_FORMATS:
        return sorted(quads, key=str)
    return sorted({ox.Triple(q.subject, q.predicate, q.object) for q in quads}, key=str)


def _prefixes(fmt: str):
    if fmt not in ("trig", "ttl"):
        return None
    return {"kg": vocab.KG_IRI, "id": vocab.ID_IRI, "src": vocab.SOURCE_IRI,
            "rdf": RDF_, "xsd": "http://www.w3.org/2001/XMLSchema#"}


def write(graph, path, fmt: str = "trig") -> None:
    """Write the graph to ``path`` in an RDF format."""
    with open(path, "wb") as handle:
        handle.write(serialize(graph, fmt))
