"""The graph as RDF: one named graph per source, evidence as PROV entities.

Each node becomes ``<id> a kg:Label`` with ``kg:name``, ``kg:alias`` and its
properties; each relation a triple with the ontology's property. Every triple sits
in the named graph of each source it came from (``<…/source/plan.txt>``), so a
source can be traced and withdrawn. Each source record is a ``kg:Evidence`` node
(document, sentence, span and quote, or registry row); relations with properties
or evidence are also reified (``rdf:Statement``) to carry them.

The TriG writer streams lines (nodes and relations in id order, so the output is
canonical); other formats are converted from it by pyoxigraph.

>>> from kg import KnowledgeGraph
>>> g = KnowledgeGraph()
>>> _ = g.add_entity("Region", "郑州市", source={"doc": "a.txt", "sentence": 0, "start": 0, "end": 3, "quote": "郑州市"})
>>> "a kg:Region" in serialize(g, "trig").decode()
True
"""
from __future__ import annotations

import hashlib
import io
import json
import os
import re
import tempfile
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
RDF_ = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
XSD = "http://www.w3.org/2001/XMLSchema#"
PROV_VALUE = "http://www.w3.org/ns/prov#value"


def iri_part(text: str) -> str:
    """Escape what an IRI may not hold, keeping Chinese readable.

    >>> iri_part('Firm/<img src=x>')
    'Firm/%3Cimg%20src=x%3E'
    """
    return _UNSAFE.sub(lambda m: "".join(f"%{b:02X}" for b in m.group().encode()), text)


def node_iri(node: str) -> str:
    """The IRI of a node id."""
    return vocab.ID_IRI + iri_part(node)


def source_iri(doc: str) -> str:
    """The IRI of the named graph that holds a source file's facts."""
    return vocab.SOURCE_IRI + iri_part(doc)


def literal(value) -> str:
    """A value as an N-Triples literal (lists and dicts become JSON strings).

    >>> literal(3), literal('a"b')
    ('"3"^^xsd:integer', '"a\\\\"b"')
    """
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return f'"{value}"^^xsd:integer'
    if isinstance(value, float):
        return f'"{value!r}"^^xsd:decimal'
    if isinstance(value, (list, dict)):
        value = json.dumps(value, ensure_ascii=False, sort_keys=True)
    return json.dumps(str(value), ensure_ascii=False)


def _t(name: str) -> str:
    return f"kg:{name}"


_SIMPLE = re.compile(r"[A-Za-z0-9_\u3400-\u4dbf\u4e00-\u9fff/-]+")
PREFIXES = {"kg": vocab.KG_IRI, "id": vocab.ID_IRI, "rdf": RDF_, "xsd": XSD,
            "prov": "http://www.w3.org/ns/prov#", "ev": vocab.BASE + "evidence/",
            "st": vocab.BASE + "statement/"}
_HEADER = "".join(f"@prefix {k}: <{v}> .\n" for k, v in PREFIXES.items())


def _id_term(node: str) -> str:
    """A node as ``id:Firm\\/300750`` when the id is plain, else as a full IRI."""
    if _SIMPLE.fullmatch(node) and not node.startswith(("-", "/")) and not node.endswith("/"):
        return "id:" + node.replace("/", "\\/")
    return f"<{node_iri(node)}>"


TYPE = "a"
_PROP_TERMS = {p.name: "kg:" + p.iri[len(vocab.KG_IRI):] for p in vocab.PROPERTIES.values()
               if p.name not in ("name", "aliases", "sources")}
_REL_TERMS = {r.name: "kg:" + r.iri[len(vocab.KG_IRI):] for r in vocab.RELATIONS.values()}
_EDGE_PROP_TERMS = {name: _t(name) for name in ("role", "position", "inferred", "industry",
                                                 "sentence", "start", "end", "quote")}
_EDGE_PROP_TERMS["matched"] = _t("keyword")
_EDGE_PROP_TERMS["score"] = "prov:value"
_NAME, _ALIAS, _EVIDENCE = _t("name"), _t("alias"), _t("evidence")


class _Writer:
    """Collects lines per named graph, each evidence record once."""

    def __init__(self):
        self.graphs: dict = {}
        self.evidence_seen: set = set()
        self.iris: dict = {}

    def iri(self, node: str) -> str:
        iri = self.iris.get(node)
        if iri is None:
            iri = self.iris[node] = _id_term(node)
        return iri

    def lines(self, graph_iri: str) -> list:
        lines = self.graphs.get(graph_iri)
        if lines is None:
            lines = self.graphs[graph_iri] = []
        return lines

    def evidence(self, record: dict, out: list) -> str:
        """The evidence node of a source record; its triples are written once."""
        if "sentence" not in record and "row" in record and len(record) == 2:
            ev = f"<{vocab.BASE}evidence/{iri_part(record['doc'])}/row/{record['row']}>"
        else:
            digest = hashlib.sha1(json.dumps(record, sort_keys=True, ensure_ascii=False)
                                  .encode()).hexdigest()[:16]
            ev = f"ev:{digest}"
        if ev not in self.evidence_seen:
            self.evidence_seen.add(ev)
            parts = [f"{ev} a kg:Evidence ; kg:document {self.iri('Document/' + record['doc'])}"]
            for name in ("sentence", "start", "end", "row"):
                if name in record:
                    parts.append(f"kg:{name} {literal(int(record[name]))}")
            if "quote" in record:
                parts.append(f"kg:quote {literal(record['quote'])}")
            out.append(" ; ".join(parts) + " .")
        return ev


def _graph_lines(graph) -> dict:
    w = _Writer()
    default = w.lines("")
    for node, data in sorted(graph.nx.nodes(data=True)):
        s = w.iri(node)
        parts = [f"{s} a kg:{data['label']} ; {_NAME} {literal(data['name'])}"]
        parts += [f"{_ALIAS} {literal(a)}" for a in data.get("aliases", ())]
        for prop, value in data.items():
            term = _PROP_TERMS.get(prop)
            if term is None or value is None:
                continue
            for item in (value if isinstance(value, list) else [value]):
                parts.append(f"{term} {literal(item)}")
        _emit(w, data.get("sources", ()), s, [" ; ".join(parts) + " ."], default)
    for u, v, key, data in sorted(graph.nx.edges(keys=True, data=True), key=lambda e: e[:3]):
        s, p, o = w.iri(u), _REL_TERMS[key], w.iri(v)
        triples = [f"{s} {p} {o} ."]
        props = [(k, val) for k, val in sorted(data.items()) if k in _EDGE_PROP_TERMS]
        sources = data.get("sources", ())
        stmt = None
        if props or sources:
            digest = hashlib.sha1(f"{u}|{key}|{v}".encode()).hexdigest()[:16]
            stmt = f"st:{digest}"
            triples += [f"{stmt} a rdf:Statement ; rdf:subject {s} ; rdf:predicate {p} ; "
                        f"rdf:object {o} ."]
            extra = [f"{_EDGE_PROP_TERMS[name]} {literal(item)}" for name, value in props
                     for item in (value if isinstance(value, list) else [value])]
            if extra:
                triples[-1] = triples[-1][:-2] + " ; " + " ; ".join(extra) + " ."
        _emit(w, sources, stmt, triples, default)
    return w.graphs


def _emit(w: _Writer, sources, subject, triples, default) -> None:
    if not sources:
        default.extend(triples)
        return
    docs = []
    for record in sources:
        out = w.lines(source_iri(record["doc"]))
        if subject is not None:
            ev = w.evidence(record, out)
            out.append(f"{subject} {_EVIDENCE} {ev} .")
        if record["doc"] not in docs:
            docs.append(record["doc"])
    for doc in docs:
        w.lines(source_iri(doc)).extend(triples)


def write_trig(graph, handle) -> None:
    """Write the graph as TriG to a binary handle: one block per named graph, canonical order."""
    groups = _graph_lines(graph)
    handle.write(_HEADER.encode())
    for graph_iri in sorted(groups):
        lines = groups[graph_iri]
        if not lines:
            continue
        if graph_iri:
            handle.write(f"<{graph_iri}> {{\n".encode())
        handle.write(("\n".join(lines) + "\n").encode("utf-8", "surrogatepass"))
        if graph_iri:
            handle.write(b"}\n")


def serialize(graph, fmt: str = "trig") -> bytes:
    """The graph in an RDF format (trig, nquads, ttl, nt, jsonld)."""
    buffer = io.BytesIO()
    write_trig(graph, buffer)
    if fmt == "trig":
        return buffer.getvalue()
    return convert(buffer.getvalue(), fmt)


def convert(trig: bytes, fmt: str) -> bytes:
    """TriG bytes in another format; formats without graphs get the union of all graphs."""
    quads = ox.parse(trig, format=ox.RdfFormat.TRIG)
    if fmt in GRAPH_FORMATS:
        items = list(quads)
    else:
        items = list(dict.fromkeys(ox.Triple(q.subject, q.predicate, q.object) for q in quads))
    return ox.serialize(items, format=FORMATS[fmt], prefixes=_prefixes(fmt))


def quads(graph) -> Iterator[ox.Quad]:
    """Every quad of the graph as pyoxigraph terms."""
    return ox.parse(serialize(graph, "trig"), format=ox.RdfFormat.TRIG)


def _prefixes(fmt: str):
    if fmt not in ("trig", "ttl"):
        return None
    return dict(PREFIXES)


def write(graph, path, fmt: str = "trig") -> None:
    """Write the graph to ``path`` in an RDF format (atomically)."""
    folder = os.path.dirname(os.path.abspath(path))
    fd, tmp = tempfile.mkstemp(dir=folder, prefix=".rdf-")
    try:
        with os.fdopen(fd, "wb") as handle:
            if fmt == "trig":
                write_trig(graph, handle)
            else:
                handle.write(serialize(graph, fmt))
        os.replace(tmp, path)
    except BaseException:
        os.unlink(tmp)
        raise
