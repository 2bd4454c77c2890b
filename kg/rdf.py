"""The graph as RDF: one named graph per source, evidence as PROV entities.

Each node becomes ``<id> a kg:Label`` with ``kg:name``, ``kg:alias`` and its
properties; each relation a triple with the ontology's property. Every triple sits
in the named graph of each source it came from (``<…/source/plan.txt>``), so a
source can be traced and withdrawn. Each source record is a ``kg:Evidence`` node
(document, sentence, span and quote, or registry row); relations with properties
or evidence are also reified (``rdf:Statement``) to carry them.

Every writer is one walk of the graph, :func:`blocks` (nodes, then relations, in
id order, so the output is canonical), that hands each subject's predicate–object
pairs, already spelt in the target syntax (a :class:`Syntax`), to a writer that joins
them into lines and writes large chunks: TriG and Turtle (prefixed names), N-Quads
and N-Triples (one statement a line), and the compact JSON-LD of
:mod:`kg.stores.rdf_export`. ``serialize(graph, "jsonld")`` is pyoxigraph's plain
JSON-LD of the same quads.

>>> from kg import KnowledgeGraph
>>> g = KnowledgeGraph()
>>> _ = g.add_entity("Region", "郑州市", source={"doc": "a.txt", "sentence": 0, "start": 0, "end": 3, "quote": "郑州市"})
>>> "a kg:Region" in serialize(g, "trig").decode()
True
>>> line = ('<https://w3id.org/zonekg/id/Region/郑州> <https://w3id.org/zonekg/ontology#name> "郑州市" '
...         '<https://w3id.org/zonekg/source/a.txt> .')
>>> line in serialize(g, "nquads").decode().splitlines()
True
"""
from __future__ import annotations

import hashlib
import io
import json
import math
import re
from binascii import hexlify
from decimal import Decimal
from json.encoder import encode_basestring
from typing import Iterator

import pyoxigraph as ox

from kg import vocab
from kg.gc_pause import gc_paused

FORMATS = {
    "trig": ox.RdfFormat.TRIG,
    "nquads": ox.RdfFormat.N_QUADS,
    "ttl": ox.RdfFormat.TURTLE,
    "nt": ox.RdfFormat.N_TRIPLES,
    "jsonld": ox.RdfFormat.JSON_LD,
}
GRAPH_FORMATS = {"trig", "nquads", "jsonld"}  # formats that keep named graphs
SUFFIXES = {"trig": ".trig", "nquads": ".nq", "ttl": ".ttl", "nt": ".nt", "jsonld": ".jsonld"}

RDF_ = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
XSD = "http://www.w3.org/2001/XMLSchema#"
PROV = "http://www.w3.org/ns/prov#"
PROV_VALUE = PROV + "value"
EVIDENCE_IRI = vocab.BASE + "evidence/"
STATEMENT_IRI = vocab.BASE + "statement/"

# A string literal is ``json.dumps(text, ensure_ascii=False)`` without its per-call set-up
# (in C): \\ " \n \r (and \t \b \f) become ECHAR escapes and every other C0 control a
# \\uXXXX UCHAR; all are legal in N-Quads, N-Triples, Turtle, TriG and JSON, so one
# quoting serves every syntax. IRIs are percent-encoded by iri_part.
_quote = encode_basestring
_json = json.JSONEncoder(ensure_ascii=False, sort_keys=True).encode
_CHUNK = 8192  # lines joined per write


# RFC 3987: an IRI path segment holds ASCII unreserved and sub-delims, ":", "@" (and "/"
# between segments) and ``ucschar``; every other code point is percent-encoded as UTF-8.
# ``ucschar`` leaves out controls (C0, DEL, U+0080-U+009F), surrogates, private use,
# noncharacters (U+FDD0-U+FDEF, U+xFFFE/U+xFFFF) and the U+E0000 block (tags); bidi and
# other format characters and spaces are allowed by its ranges but section 4.1 forbids
# the bidi marks and a space inside an IRI is one that cannot be read back, so those are
# encoded too. "%" itself is always encoded, so decoding an IRI gives back the id exactly.
_UCSCHAR = ((0xA0, 0xD7FF), (0xF900, 0xFDCF), (0xFDF0, 0xFFEF),
            *((plane << 16, (plane << 16) + 0xFFFD) for plane in range(1, 14)),
            (0xE1000, 0xEFFFD))
_ASCII_SAFE = "A-Za-z0-9\\-._~!$&'()*+,;=:@/"
_HIDDEN = ("Cc", "Cf", "Cs", "Co", "Zs", "Zl", "Zp")  # categories encoded inside ucschar


def _unsafe_pattern() -> re.Pattern:
    """The code points an IRI may not hold raw, as one regular expression class."""
    import unicodedata

    allowed = []
    for low, high in _UCSCHAR:
        start = low
        scan_to = min(high, 0x1FFFF)  # format and space characters live in the BMP and SMP
        for cp in range(low, scan_to + 1):
            if unicodedata.category(chr(cp)) in _HIDDEN:
                if start < cp:
                    allowed.append((start, cp - 1))
                start = cp + 1
        if start <= high:
            allowed.append((start, high))
    ranges = "".join(f"{chr(a)}-{chr(b)}" if a != b else chr(a) for a, b in allowed)
    return re.compile(f"[^{_ASCII_SAFE}{ranges}]")


_UNSAFE = _unsafe_pattern()


def _percent(match: re.Match) -> str:
    return "".join(f"%{b:02X}" for b in match.group().encode("utf-8", "surrogatepass"))


def iri_part(text: str) -> str:
    """Escape what an IRI may not hold (RFC 3987), keeping Chinese readable.

    >>> iri_part('Firm/<img src=x>')
    'Firm/%3Cimg%20src=x%3E'
    >>> iri_part('郑州\ue000\x85\ufffe\U000e0041 100%')
    '郑州%EE%80%80%C2%85%EF%BF%BE%F3%A0%81%81%20100%25'
    """
    return _UNSAFE.sub(_percent, text)


def node_iri(node: str) -> str:
    """The IRI of a node id."""
    return vocab.ID_IRI + iri_part(node)


def source_iri(doc: str) -> str:
    """The IRI of the named graph that holds a source file's facts."""
    return vocab.SOURCE_IRI + iri_part(doc)


def decimal_text(value: float) -> str:
    """A finite float's xsd:decimal lexical form (no exponent), or "" when it is not finite.

    >>> decimal_text(0.25), decimal_text(1e-05), decimal_text(float("inf"))
    ('0.25', '0.00001', '')
    """
    text = repr(value)
    if "e" in text or "n" in text:  # 1e-05, 1e+22, inf, nan
        if not math.isfinite(value):
            return ""
        text = format(Decimal(text), "f")
    return text


_DOUBLE = {"inf": "INF", "-inf": "-INF", "nan": "NaN"}


def double_literal(value: float) -> str:
    """A float that is not finite, as an xsd:double literal with its datatype's full IRI."""
    return f'"{_DOUBLE[repr(value)]}"^^<{XSD}double>'


def _literal(value, spelling: tuple) -> str:
    true, false, integer, decimal = spelling
    if isinstance(value, bool):
        return true if value else false
    if isinstance(value, int):
        return f'"{value}"{integer}'
    if isinstance(value, float):
        text = decimal_text(value)
        return f'"{text}"{decimal}' if text else double_literal(value)
    if isinstance(value, (list, dict)):
        value = _json(value)
    return _quote(str(value))


_TURTLE_TYPED = ("true", "false", "^^xsd:integer", "^^xsd:decimal")
_NT_TYPED = (f'"true"^^<{XSD}boolean>', f'"false"^^<{XSD}boolean>', f"^^<{XSD}integer>",
             f"^^<{XSD}decimal>")


def literal(value) -> str:
    """A value as a Turtle literal (lists and dicts become JSON strings).

    >>> literal(3), literal('a"b')
    ('"3"^^xsd:integer', '"a\\\\"b"')
    """
    return _literal(value, _TURTLE_TYPED)


def nt_literal(value) -> str:
    """A value as an N-Triples / N-Quads literal (datatypes as full IRIs).

    >>> nt_literal(True), nt_literal('第"1"行\\n')
    ('"true"^^<http://www.w3.org/2001/XMLSchema#boolean>', '"第\\\\"1\\\\"行\\\\n"')
    """
    return _literal(value, _NT_TYPED)


_SIMPLE = re.compile(r"[A-Za-z0-9_\u3400-\u4dbf\u4e00-\u9fff/-]+")
PREFIXES = {"kg": vocab.KG_IRI, "id": vocab.ID_IRI, "rdf": RDF_, "xsd": XSD,
            "prov": PROV, "ev": EVIDENCE_IRI, "st": STATEMENT_IRI}
_HEADER = "".join(f"@prefix {k}: <{v}> .\n" for k, v in PREFIXES.items())


def _id_term(node: str) -> str:
    """A node as ``id:Firm\\/300750`` when the id is plain, else as a full IRI."""
    if _SIMPLE.fullmatch(node) and not node.startswith(("-", "/")) and not node.endswith("/"):
        return "id:" + node.replace("/", "\\/")
    return f"<{node_iri(node)}>"


_EDGE_PROPS = {name: vocab.KG_IRI + name for name in ("role", "position", "inferred", "industry",
                                                      "sentence", "start", "end", "quote")}
_EDGE_PROPS["matched"] = vocab.KG_IRI + "keyword"
_EDGE_PROPS["score"] = PROV_VALUE
NODE_PROPS = {p.name: p.iri for p in vocab.PROPERTIES.values()
              if p.name not in ("name", "aliases", "sources")}
SPOTS = ("sentence", "start", "end", "row", "quote")  # what an evidence node may say
_MARK = "\uffff"  # stands for the variable end of an IRI while its spelling is worked out


def predicates() -> dict:
    """Every predicate IRI the writers may use → True when its objects are IRIs."""
    refs = {vocab.KG_IRI + "evidence": True, vocab.KG_IRI + "document": True,
            **{RDF_ + n: True for n in ("subject", "predicate", "object")},
            **{r.iri: True for r in vocab.RELATIONS.values()}}
    plain = [vocab.KG_IRI + "name", vocab.KG_IRI + "alias", *NODE_PROPS.values(),
             *_EDGE_PROPS.values(), *(vocab.KG_IRI + n for n in SPOTS)]
    return {**dict.fromkeys(plain, False), **refs}


def _utf8(text: str) -> bytes:
    return text.encode("utf-8", "surrogatepass")


class Syntax:
    """How one RDF syntax spells terms, as UTF-8 bytes, for :func:`blocks`.

    The writers work in bytes: each term is encoded once and lines are joined as
    bytes, a third of the cost of joining text (which, with Chinese in it, is two
    bytes a character) and encoding it. A subclass says how to spell an IRI, a
    vocabulary term, a predicate (with what follows it, so a pair is one
    concatenation), a type, a literal, and what goes with a source's named graph
    (``graph``; ``default`` for the default graph).
    """

    graphs = True  # False: every fact in the default graph (the union)
    default = b""

    def __init__(self):
        def key(iri):
            return _utf8(self.key(iri))
        kg = vocab.KG_IRI
        self.labels = {label: _utf8(self.type_pair(kg + label, label))
                       for label in (*vocab.LABELS, "Evidence")}
        self.statement = _utf8(self.type_pair(RDF_ + "Statement", "Statement"))
        self.name, self.alias, self.evidence, self.document = (
            key(kg + n) for n in ("name", "alias", "evidence", "document"))
        self.spot = {n: key(kg + n) for n in SPOTS}
        self.subject, self.predicate, self.object = (key(RDF_ + n) for n in ("subject", "predicate", "object"))
        self.props = {name: key(iri) for name, iri in NODE_PROPS.items()}
        self.relations = {r.name: key(r.iri) for r in vocab.RELATIONS.values()}
        self.relation_terms = {r.name: _utf8(self.vocab(r.iri)) for r in vocab.RELATIONS.values()}
        self.edge_props = {name: key(iri) for name, iri in _EDGE_PROPS.items()}
        self.evidence_ns, self.statement_ns = (self.around(self.vocab(ns + _MARK))
                                               for ns in (EVIDENCE_IRI, STATEMENT_IRI))

    @staticmethod
    def around(term: str) -> tuple:
        """(before, after) the mark in a term's spelling, as bytes."""
        head, _, tail = term.rpartition(_MARK)
        return _utf8(head), _utf8(tail)

    def iri(self, iri: str) -> str:
        return f"<{iri}>"

    def vocab(self, iri: str) -> str:
        """A term of ours (class, relation, evidence, statement)."""
        return f"<{iri}>"

    def key(self, iri: str) -> str:
        return self.vocab(iri) + " "

    def type_pair(self, iri: str, name: str) -> str:
        return self.key(RDF_ + "type") + self.vocab(iri)

    def literal(self, value) -> str:
        return _literal(value, _NT_TYPED)

    def integer(self, number: int) -> str:
        return f'"{number}"^^<{XSD}integer>'

    def node(self, node: str) -> bytes:
        return _utf8(self.iri(node_iri(node)))

    def row_evidence(self, doc: str) -> tuple:
        """(before, after) the row number in the IRI of a registry row's evidence."""
        return self.around(self.iri(f"{EVIDENCE_IRI}{iri_part(doc)}/row/{_MARK}"))

    def graph(self, doc: str) -> bytes:
        return _utf8(f" <{source_iri(doc)}> .\n") if self.graphs else self.default

    @staticmethod
    def many(key: bytes, values: list) -> list:
        """The pairs of one predicate with several objects."""
        return [key + value for value in values]


class NQuads(Syntax):
    """N-Quads (N-Triples without graphs): ``graph`` is the end of each line."""

    default = b" .\n"

    def __init__(self, *, graphs: bool = True):
        self.graphs = graphs
        super().__init__()


class TriG(Syntax):
    """TriG (Turtle without graphs): prefixed names, ``graph`` is the graph's name."""

    _SHORT = tuple((k, PREFIXES[k]) for k in ("kg", "rdf", "prov", "ev", "st"))

    def __init__(self, *, graphs: bool = True):
        self.graphs = graphs
        super().__init__()

    def vocab(self, iri: str) -> str:
        for prefix, base in self._SHORT:
            if iri.startswith(base):
                return f"{prefix}:{iri[len(base):]}"
        return f"<{iri}>"

    def type_pair(self, iri: str, name: str) -> str:
        return "a " + self.vocab(iri)

    def literal(self, value) -> str:
        return _literal(value, _TURTLE_TYPED)

    def integer(self, number: int) -> str:
        return f'"{number}"^^xsd:integer'

    def node(self, node: str) -> bytes:
        return _utf8(_id_term(node))

    def graph(self, doc: str) -> bytes:
        return _utf8(f"<{source_iri(doc)}>") if self.graphs else self.default


def blocks(graph, syn: Syntax) -> Iterator[tuple]:
    """Every ``(graph, subject, [predicate-object bytes])`` of the graph, in canonical order.

    ``graph`` is ``syn.graph(doc)`` of a source, or ``syn.default``. A subject's pairs
    come in one block per named graph (with its ``kg:evidence`` links there); an
    evidence node's block comes once, before the first block that links to it; a
    predicate with several objects in a block goes through ``syn.many`` (so JSON-LD
    can make them one array). Nodes come first, then relations (see :class:`_Walk`).
    """
    walk = _Walk(graph, syn)
    yield from walk.nodes()
    yield from walk.relations()


class _Walk:
    """One walk of a graph for :func:`blocks`: terms and evidence spelt once, then nodes and
    relations in id order.

    This walk is the writers' whole cost: the loops read networkx's own dicts (its
    read-only views cost a Python call per lookup) and keep hot names in locals, and a
    subject's common case (one source) is inline.
    """

    def __init__(self, graph, syn: Syntax):
        nxg = graph.nx
        self.syn = syn
        self.attrs, self.adj = nxg._node, nxg._adj
        self.order = sorted(nxg)
        self.term = {node: syn.node(node) for node in self.order}
        self.literal = syn.literal
        self.graph_of: dict = {}  # doc → graph bytes
        self.row_ev: dict = {}  # doc → (before, after) the row in its row evidence IRI
        self.documents: dict = {}  # doc → "kg:document <its Document node>"
        self.seen: set = set()  # evidence terms already written

    def lit(self, value) -> bytes:
        return self.literal(value).encode("utf-8", "surrogatepass")

    def _document(self, doc: str) -> bytes:
        """The named graph of a source, set up (its row evidence, its Document) on first use."""
        g = self.graph_of.get(doc)
        if g is None:
            syn = self.syn
            g = self.graph_of[doc] = syn.graph(doc)
            self.row_ev[doc] = syn.row_evidence(doc)
            node = "Document/" + doc
            self.documents[doc] = syn.document + (self.term.get(node) or syn.node(node))
        return g

    def evidence(self, record: dict) -> tuple:
        """(graph, evidence term, its pairs or None when already written)."""
        doc = record["doc"]
        g = self._document(doc)
        syn, seen = self.syn, self.seen
        if len(record) == 2 and "row" in record and "sentence" not in record:
            before, after = self.row_ev[doc]
            ev = before + str(record["row"]).encode() + after
            if ev in seen:
                return g, ev, None
            seen.add(ev)
            return g, ev, [syn.labels["Evidence"], self.documents[doc],
                           syn.spot["row"] + _utf8(syn.integer(int(record["row"])))]
        ev_ns, ev_close = syn.evidence_ns
        ev = ev_ns + hexlify(hashlib.sha1(_json(record).encode()).digest()[:8]) + ev_close
        if ev in seen:
            return g, ev, None
        seen.add(ev)
        pos = [syn.labels["Evidence"], self.documents[doc]]
        for name in ("sentence", "start", "end", "row"):
            if name in record:
                pos.append(syn.spot[name] + _utf8(syn.integer(int(record[name]))))
        if "quote" in record:
            pos.append(syn.spot["quote"] + self.lit(record["quote"]))
        return g, ev, pos

    def attach(self, s, pos, sources, triple=None):
        """The blocks of a subject with several sources: one per graph, with its evidence."""
        links: dict = {}
        for record in sources:
            g, ev, ev_pos = self.evidence(record)
            if ev_pos is not None:
                yield g, ev, ev_pos
            here = links.get(g)
            if here is None:
                links[g] = [ev]
            elif ev not in here:
                here.append(ev)
        for g, here in links.items():
            if triple is not None:
                yield g, triple[0], [triple[1]]
            yield g, s, pos + self.syn.many(self.syn.evidence, here)

    def node_pairs(self, data: dict) -> list:
        """A node's type, name, aliases and properties as predicate-object bytes."""
        syn, lit, many = self.syn, self.lit, self.syn.many
        name = data["name"]
        pos = [syn.labels[data["label"]],
               syn.name + (_utf8(_quote(name)) if name.__class__ is str else lit(name))]
        aliases = data.get("aliases")
        if aliases:
            pos += many(syn.alias, [_utf8(_quote(a)) if a.__class__ is str else lit(a)
                                    for a in aliases])
        prop_terms = syn.props
        for prop, value in data.items():
            p = prop_terms.get(prop)
            if p is None or value is None:
                continue
            if value.__class__ is str:
                pos.append(p + _utf8(_quote(value)))
            elif isinstance(value, list):
                pos += many(p, [lit(item) for item in value])
            else:
                pos.append(p + lit(value))
        return pos

    def nodes(self) -> Iterator[tuple]:
        """Each node's blocks: in the default graph, or in each of its sources' graphs."""
        attrs, term, default, evidence_p = self.attrs, self.term, self.syn.default, self.syn.evidence
        for node in self.order:
            data = attrs[node]
            s, pos = term[node], self.node_pairs(data)
            sources = data.get("sources")
            if not sources:
                yield default, s, pos
            elif len(sources) == 1:
                g, ev, ev_pos = self.evidence(sources[0])
                if ev_pos is not None:
                    yield g, ev, ev_pos
                pos.append(evidence_p + ev)
                yield g, s, pos
            else:
                yield from self.attach(s, pos, sources)

    def statement_pairs(self, u, key, o: bytes, data: dict, props: list) -> list:
        """The pairs of a relation's statement (reified to carry properties or evidence)."""
        syn, lit, edge_terms = self.syn, self.lit, self.syn.edge_props
        pos = [syn.statement, syn.subject + self.term[u],
               syn.predicate + syn.relation_terms[key], syn.object + o]
        if len(props) > 1:
            props.sort()
        for k in props:
            value = data[k]
            if isinstance(value, list):
                pos += syn.many(edge_terms[k], [lit(item) for item in value])
            else:
                pos.append(edge_terms[k] + lit(value))
        return pos

    def relations(self) -> Iterator[tuple]:
        """Each relation: its triple, and a statement for its properties and evidence."""
        adj, term, default, syn = self.adj, self.term, self.syn.default, self.syn
        relations, edge_terms, evidence_p = syn.relations, syn.edge_props, syn.evidence
        st_ns, st_close = syn.statement_ns
        last_record = last_g = last_ev = None
        for u in self.order:
            nbrs = adj[u]
            if not nbrs:
                continue
            s = term[u]
            for v in (sorted(nbrs) if len(nbrs) > 1 else nbrs):
                o = term[v]
                keyed = nbrs[v]
                for key in (sorted(keyed) if len(keyed) > 1 else keyed):
                    data = keyed[key]
                    po = relations[key] + o
                    sources = data.get("sources")
                    props = [k for k in data if k in edge_terms]
                    if not props and not sources:
                        yield default, s, [po]
                        continue
                    pos = self.statement_pairs(u, key, o, data, props)
                    # a statement is named by a hash of the ids, whatever their spelling
                    st = st_ns + hexlify(hashlib.sha1(f"{u}|{key}|{v}".encode()).digest()[:8]) \
                        + st_close
                    if not sources:
                        yield default, s, [po]
                        yield default, st, pos
                    elif len(sources) == 1:
                        record = sources[0]
                        if record != last_record:  # a node's relations mostly share its source
                            g, ev, ev_pos = self.evidence(record)
                            if ev_pos is not None:
                                yield g, ev, ev_pos
                            last_record, last_g, last_ev = record, g, ev
                        yield last_g, s, [po]
                        pos.append(evidence_p + last_ev)
                        yield last_g, st, pos
                    else:
                        yield from self.attach(st, pos, sources, (s, po))


TRIG, TURTLE = TriG(), TriG(graphs=False)
NQUADS, NTRIPLES = NQuads(), NQuads(graphs=False)


def grouped(graph, syn: Syntax, head: bytes, middle: bytes, sep: bytes, end: bytes) -> dict:
    """Each graph's lines (``syn.graph`` bytes → [line]), for syntaxes that nest graphs.

    A block becomes one line, ``head + subject + middle + sep.join(pairs) + end``.
    """
    groups: dict = {}
    with gc_paused():  # millions of short-lived lists: no cycles to find
        for g, s, pos in blocks(graph, syn):
            lines = groups.get(g)
            if lines is None:
                lines = groups[g] = []
            lines.append(head + s + middle + sep.join(pos) + end)
    return groups


def _write_turtle(graph, handle, syn: TriG) -> None:
    groups = grouped(graph, syn, b"", b" ", b" ; ", b" .\n")
    handle.write(_HEADER.encode())
    for name in sorted(groups):
        lines = groups.pop(name)
        if name:
            handle.write(name + b" {\n")
        for start in range(0, len(lines), _CHUNK):
            handle.write(b"".join(lines[start:start + _CHUNK]))
        if name:
            handle.write(b"}\n")


def write_trig(graph, handle) -> None:
    """Write the graph as TriG to a binary handle: one block per named graph, canonical order."""
    _write_turtle(graph, handle, TRIG)


def write_turtle(graph, handle) -> None:
    """Write the union of the graph's named graphs as Turtle to a binary handle."""
    _write_turtle(graph, handle, TURTLE)


def _write_lines(graph, handle, syn: NQuads) -> None:
    buffer: list = []
    append = buffer.append
    with gc_paused():
        for g, s, pos in blocks(graph, syn):
            # one line per pair: "s p o <g> .\n"; the separator ends a line and starts the next
            append(s + b" " + (g + s + b" ").join(pos) + g)
            if len(buffer) >= _CHUNK:
                handle.write(b"".join(buffer))
                buffer.clear()
    handle.write(b"".join(buffer))


def write_nquads(graph, handle) -> None:
    """Write the graph as N-Quads to a binary handle, each source's facts in its named graph."""
    _write_lines(graph, handle, NQUADS)


def write_ntriples(graph, handle) -> None:
    """Write the union of the graph's named graphs as N-Triples to a binary handle."""
    _write_lines(graph, handle, NTRIPLES)


WRITERS = {"trig": write_trig, "nquads": write_nquads, "ttl": write_turtle, "nt": write_ntriples}


def serialize(graph, fmt: str = "trig") -> bytes:
    """The graph in an RDF format (trig, nquads, ttl, nt, jsonld)."""
    buffer = io.BytesIO()
    write_handle(graph, buffer, fmt)
    return buffer.getvalue()


def write_handle(graph, handle, fmt: str = "trig") -> None:
    """Write the graph in an RDF format to a binary handle (JSON-LD: pyoxigraph's, expanded)."""
    writer = WRITERS.get(fmt)
    if writer is not None:
        writer(graph, handle)
        return
    ox.serialize(quads(graph), handle, format=FORMATS[fmt], prefixes=_prefixes(fmt))


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
    return ox.parse(serialize(graph, "nquads"), format=ox.RdfFormat.N_QUADS)


def _prefixes(fmt: str):
    if fmt not in ("trig", "ttl"):
        return None
    return dict(PREFIXES)


def write(graph, path, fmt: str = "trig") -> None:
    """Write the graph to ``path`` in an RDF format (atomically)."""
    from kg.atomic import atomic_open

    with atomic_open(path) as handle:
        write_handle(graph, handle, fmt)
