"""Every RDF export says what the graph says, checked against an oracle the writers do not share.

The oracle builds the expected dataset from the KnowledgeGraph with rdflib's own API and
mints IRIs with ``urllib.parse.quote``; each export is parsed by rdflib *and* pyoxigraph and
compared graph by graph (isomorphism). Evidence and statement IRIs are the writer's opaque
names (hashes), so both sides hold them as blank nodes; every other IRI of an export is
decoded and re-quoted the oracle's way before comparing, so an IRI must decode to exactly
the id it names. Every IRI must also hold only what RFC 3987 allows, by the RFC's own ranges
written out here.
"""
from __future__ import annotations

import json
import unicodedata
import warnings
from decimal import Decimal
from urllib.parse import quote, unquote

import pyoxigraph as ox
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rdflib import RDF, XSD, BNode, Dataset, Graph, Literal, URIRef
from rdflib.compare import isomorphic
from rdflib.term import _is_valid_uri

from kg import KnowledgeGraph, vocab
from kg.cli import cli
from kg.stores.rdf_export import export_rdf
from kg.workspace import Workspace

KG = vocab.KG_IRI
PROV_VALUE = URIRef("http://www.w3.org/ns/prov#value")
EVIDENCE, STATEMENT = vocab.BASE + "evidence/", vocab.BASE + "statement/"
# what the writers promise to carry of a relation's properties (kg/rdf.py's module docstring)
EDGE_TERMS = {**{n: URIRef(KG + n) for n in ("role", "position", "inferred", "industry",
                                             "sentence", "start", "end", "quote")},
              "matched": URIRef(KG + "keyword"), "score": PROV_VALUE}
NODE_TERMS = {p.name: URIRef(p.iri) for p in vocab.PROPERTIES.values()
              if p.name not in ("name", "aliases", "sources")}
SPOTS = ("sentence", "start", "end", "row")
OX = {"trig": ox.RdfFormat.TRIG, "nquads": ox.RdfFormat.N_QUADS, "ttl": ox.RdfFormat.TURTLE,
      "nt": ox.RdfFormat.N_TRIPLES, "jsonld": ox.RdfFormat.JSON_LD}
RDFLIB = {"trig": "trig", "nquads": "nquads", "ttl": "turtle", "nt": "nt", "jsonld": "json-ld"}
NAMED = {"trig", "nquads", "jsonld"}
SAFE = "/"  # the oracle's quoting: everything but the path separator is percent-encoded


def mint(base: str, text: str) -> URIRef:
    """The oracle's IRI: plain ASCII, every other byte percent-encoded."""
    return URIRef(base + quote(text, safe=SAFE))


# ----------------------------------------------------------------- the oracle
def _literal(value) -> Literal:
    if isinstance(value, bool):
        return Literal("true" if value else "false", datatype=XSD.boolean)
    if isinstance(value, int):
        return Literal(str(value), datatype=XSD.integer)
    if isinstance(value, float):
        return Literal(format(Decimal(repr(value)), "f"), datatype=XSD.decimal)
    if isinstance(value, (list, dict)):
        return Literal(json.dumps(value, ensure_ascii=False, sort_keys=True))
    return Literal(str(value))


def _values(value) -> list:
    return [_literal(v) for v in value] if isinstance(value, list) else [_literal(value)]


class Oracle:
    """The expected dataset, graph name → rdflib Graph (None: the default graph)."""

    def __init__(self, graph: KnowledgeGraph):
        self.graphs: dict = {}
        self.evidence: dict = {}  # (graph, record) → its blank node
        for node, data in graph.nx.nodes(data=True):
            self._node(node, data)
        for u, v, key, data in graph.nx.edges(keys=True, data=True):
            self._relation(u, v, key, data)

    def graph(self, doc) -> Graph:
        name = None if doc is None else mint(vocab.SOURCE_IRI, doc)
        return self.graphs.setdefault(name, Graph())

    def _evidence(self, record: dict) -> BNode:
        doc = record["doc"]
        key = (doc, json.dumps(record, sort_keys=True))
        if key not in self.evidence:
            ev = self.evidence[key] = BNode()
            g = self.graph(doc)
            g.add((ev, RDF.type, URIRef(KG + "Evidence")))
            g.add((ev, URIRef(KG + "document"), mint(vocab.ID_IRI, "Document/" + doc)))
            for spot in SPOTS:
                if spot in record:
                    g.add((ev, URIRef(KG + spot), _literal(int(record[spot]))))
            if "quote" in record:
                g.add((ev, URIRef(KG + "quote"), _literal(record["quote"])))
        return self.evidence[key]

    def _place(self, sources, triples) -> None:
        """The triples in the default graph, or in each source's graph with its evidence."""
        if not sources:
            for t in triples:
                self.graph(None).add(t)
            return
        for record in sources:
            g = self.graph(record["doc"])
            for t in triples:
                g.add(t)
            g.add((triples[-1][0], URIRef(KG + "evidence"), self._evidence(record)))

    def _node(self, node: str, data: dict) -> None:
        s = mint(vocab.ID_IRI, node)
        triples = [(s, RDF.type, URIRef(KG + data["label"])),
                   (s, URIRef(KG + "name"), _literal(data["name"]))]
        triples += [(s, URIRef(KG + "alias"), _literal(a)) for a in data.get("aliases") or ()]
        for prop, value in data.items():
            if prop in NODE_TERMS and value is not None:
                triples += [(s, NODE_TERMS[prop], o) for o in _values(value)]
        self._place(data.get("sources"), triples)

    def _relation(self, u, v, key, data) -> None:
        s, o = mint(vocab.ID_IRI, u), mint(vocab.ID_IRI, v)
        p = URIRef(vocab.relation(key).iri)
        props = [k for k in data if k in EDGE_TERMS]
        sources = data.get("sources")
        if not props and not sources:
            self.graph(None).add((s, p, o))
            return
        st = BNode()
        triples = [(s, p, o), (st, RDF.type, RDF.Statement), (st, RDF.subject, s),
                   (st, RDF.predicate, p), (st, RDF.object, o)]
        for k in props:
            triples += [(st, EDGE_TERMS[k], value) for value in _values(data[k])]
        if sources:
            self._place(sources, triples)
        else:
            for t in triples:
                self.graph(None).add(t)


# ----------------------------------------------------------------- reading an export
def _in_ucschar(cp: int) -> bool:
    """RFC 3987's ucschar ranges, as the RFC writes them."""
    if 0xA0 <= cp <= 0xD7FF or 0xF900 <= cp <= 0xFDCF or 0xFDF0 <= cp <= 0xFFEF:
        return True
    if 0xE1000 <= cp <= 0xEFFFD:
        return True
    return 0x10000 <= cp <= 0xDFFFD and (cp & 0xFFFF) <= 0xFFFD


def iri_is_rfc3987(iri: str) -> bool:
    """An absolute IRI of ours: ASCII pchars, pct-encodings and ucschar (no bidi marks, spaces)."""
    ascii_ok = set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"
                   "-._~!$&'()*+,;=:@/%#")
    for ch in iri:
        if ch in ascii_ok:
            continue
        if not _in_ucschar(ord(ch)) or unicodedata.category(ch) in ("Cf", "Zs", "Zl", "Zp"):
            return False
    return True


def _canon(term):
    """An export's term the oracle's way: opaque evidence and statements as blank nodes."""
    if isinstance(term, URIRef):
        text = str(term)
        assert _is_valid_uri(text) and iri_is_rfc3987(text), text
        if text.startswith((EVIDENCE, STATEMENT)):
            return BNode("x" + quote(text, safe=""))
        return URIRef(quote(unquote(text, errors="strict"), safe=SAFE + ":#"))
    return term


def _oracle_canon(term):
    if isinstance(term, URIRef):
        return URIRef(quote(unquote(str(term)), safe=SAFE + ":#"))
    return term


def _rdflib_quads(data: bytes, fmt: str):
    with warnings.catch_warnings():  # rdflib 7's Dataset.parse calls its own deprecated API
        warnings.simplefilter("ignore", DeprecationWarning)
        dataset = Dataset()
        dataset.parse(data=data, format=RDFLIB[fmt])
    for s, p, o, g in dataset.quads((None, None, None, None)):
        name = None if g is None or g == dataset.default_graph.identifier or \
            str(g).startswith("urn:x-rdflib:") else g
        yield s, p, o, name


def _ox_term(term):
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    if term.language or term.datatype.value == str(XSD.string):  # RDF 1.1: a plain literal
        return Literal(term.value, lang=term.language)
    return Literal(term.value, datatype=URIRef(term.datatype.value))


def _ox_quads(data: bytes, fmt: str):
    for q in ox.parse(data, format=OX[fmt]):
        g = None if isinstance(q.graph_name, ox.DefaultGraph) else URIRef(q.graph_name.value)
        yield _ox_term(q.subject), _ox_term(q.predicate), _ox_term(q.object), g


def _group(quads, named: bool) -> dict:
    graphs: dict = {}
    for s, p, o, g in quads:
        key = _canon(g) if named and g is not None else None
        graphs.setdefault(key, Graph()).add((_canon(s), _canon(p), _canon(o)))
    return graphs


def _expected(graph, named: bool) -> dict:
    oracle = Oracle(graph).graphs
    out: dict = {}
    for name, g in oracle.items():
        key = _oracle_canon(name) if named and name is not None else None
        target = out.setdefault(key, Graph())
        for s, p, o in g:
            target.add((_oracle_canon(s), _oracle_canon(p), _oracle_canon(o)))
    return out


def assert_export_matches(graph, fmt: str) -> None:
    """The export in ``fmt`` parses with rdflib and pyoxigraph to the oracle's dataset."""
    data = export_rdf(graph, fmt)
    named = fmt in NAMED
    want = _expected(graph, named)
    for reader in (_rdflib_quads, _ox_quads):
        got = _group(reader(data, fmt), named)
        assert set(got) == set(want), (fmt, reader.__name__, set(got) ^ set(want))
        for name in want:
            assert len(got[name]) == len(want[name]), (fmt, reader.__name__, name)
            assert same_graph(got[name], want[name]), (fmt, reader.__name__, name,
                                                        _diff(got[name], want[name]))


def _to_ox(term, blanks: dict):
    if isinstance(term, URIRef):
        return ox.NamedNode(str(term))
    if isinstance(term, BNode):  # a fresh node per blank node: rdflib's ids need not suit oxigraph
        return blanks.setdefault(term, ox.BlankNode())
    if term.language:
        return ox.Literal(str(term), language=term.language)
    return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype or XSD.string)))


def _canonical(triples) -> ox.Dataset:
    blanks: dict = {}
    data = ox.Dataset(ox.Quad(*(_to_ox(n, blanks) for n in t)) for t in triples)
    data.canonicalize(ox.CanonicalizationAlgorithm.UNSTABLE)
    return data


def same_graph(a: Graph, b: Graph) -> bool:
    """rdflib's ``isomorphic(a, b)``, answered fast when it holds.

    The triples without blank nodes must be equal as sets (a blank-node mapping cannot
    change them); the rest are compared by pyoxigraph's canonical blank-node labels, and
    only when those differ does rdflib's isomorphism decide (it takes ~10 s on the sample,
    whose evidence records are blank nodes).
    """
    if len(a) != len(b):
        return False
    def ground(t):
        return not any(isinstance(n, BNode) for n in t)
    if {t for t in a if ground(t)} != {t for t in b if ground(t)}:
        return False
    try:
        if _canonical(t for t in a if not ground(t)) == _canonical(t for t in b if not ground(t)):
            return True
    except ValueError:  # a canonicalised IRI pyoxigraph will not hold (two '#'): rdflib decides
        pass
    return isomorphic(a, b)


def _diff(got: Graph, want: Graph) -> tuple:
    """What one graph holds that the other does not (blank nodes aside), for the message."""
    from rdflib.compare import graph_diff, to_isomorphic

    _, only_got, only_want = graph_diff(to_isomorphic(got), to_isomorphic(want))
    return sorted(only_got)[:5], sorted(only_want)[:5]


# ----------------------------------------------------------------- the graphs
# names as documents and registries may hold them: Chinese, private use, C0/C1 controls,
# noncharacters, tags, bidi and format characters, spaces and IRI delimiters
HARD = ["\ue000", "\x80", "\x85", "\x9f", "\ufffe", "\uffff", "\U000e0041", "\U000e0001",
        "\u200e", "\u202e", "\u2066", "\ufeff", "\u00a0", "\u3000", "\u2028", " ", "<", ">",
        '"', "{", "}", "|", "\\", "^", "`", "%", "#", "?", "[", "]", "\x00", "\n", "\t",
        "\U0001d173", "\U0010fffd", "\U000ffffd", "\ufdd0", "郑", "州", "高", "新", "区", "/"]
names = st.text(st.one_of(st.sampled_from(HARD), st.characters(exclude_categories=("Cs",))),
                min_size=1, max_size=12).filter(lambda s: s.strip())
values = st.one_of(names, st.integers(-10**25, 10**25), st.booleans(),
                   st.floats(allow_nan=False, allow_infinity=False),
                   st.lists(names, min_size=1, max_size=3), st.dictionaries(names, names, max_size=2))
FIRM_PROPS = ("business_scope", "products", "founded", "investment", "stage", "kind")


@st.composite
def sources(draw):
    doc = draw(names)
    if draw(st.booleans()):
        return {"doc": doc, "row": draw(st.integers(0, 10**6))}
    quote_ = draw(names)
    start = draw(st.integers(0, 1000))
    return {"doc": doc, "sentence": draw(st.integers(0, 99)), "start": start,
            "end": start + len(quote_), "quote": quote_}


@st.composite
def graphs(draw):
    g = KnowledgeGraph()
    firms, places = [], []
    for _ in range(draw(st.integers(1, 4))):
        props = {k: draw(values) for k in draw(st.lists(st.sampled_from(FIRM_PROPS), max_size=3,
                                                         unique=True))}
        firms.append(g.add_entity("Firm", draw(names), key=draw(st.none() | names),
                                  source=draw(st.none() | sources()), **props))
    for _ in range(draw(st.integers(1, 3))):
        places.append(g.add_entity(draw(st.sampled_from(["Zone", "Region"])), draw(names),
                                   aliases=draw(st.lists(names, max_size=2)),
                                   source=draw(st.none() | sources())))
    for _ in range(draw(st.integers(0, 5))):
        firm, place = draw(st.sampled_from(firms)), draw(st.sampled_from(places))
        if firm in g.nx and place in g.nx:
            g.add_relation(firm, "LOCATED_IN", place, source=draw(st.none() | sources()),
                           score=draw(st.none() | st.floats(0, 1)),
                           matched=draw(st.none() | st.lists(names, min_size=1, max_size=2)))
    return g


@pytest.mark.parametrize("fmt", sorted(OX))
@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(graph=graphs())
def test_every_export_matches_the_oracle_whatever_the_names(fmt, graph):
    """Any names (private use, controls, noncharacters, tags, bidi marks): each export parses
    with rdflib and pyoxigraph to the dataset the oracle builds, with RFC 3987 IRIs."""
    assert_export_matches(graph, fmt)


@pytest.fixture(scope="module")
def sample():
    from kg.stores.fixtures import hostile_graph

    return hostile_graph()


@pytest.mark.parametrize("fmt", sorted(OX))
def test_sample_export_matches_the_oracle(fmt, sample):
    """The sample graph's export in each format is the oracle's dataset, read by both parsers."""
    assert_export_matches(sample, fmt)


def test_cli_sparql_and_validate_survive_any_code_point(tmp_path):
    """`kg sparql` and `kg validate` answer on a workspace whose names hold code points IRIs forbid."""
    from click.testing import CliRunner

    g = KnowledgeGraph()
    hard = "".join(HARD)
    firm = g.add_entity("Firm", "测试" + hard, source={"doc": "a" + hard, "row": 1})
    zone = g.add_entity("Zone", "郑州高新区" + hard)
    g.add_relation(firm, "LOCATED_IN", zone, source={"doc": "a" + hard, "row": 1})
    ws = Workspace(tmp_path / "ws")
    ws.save(g, [])
    runner = CliRunner()
    out = runner.invoke(cli, ["sparql", "-w", str(ws.path), "-f", "json",
                              "SELECT ?n WHERE { ?f <%sname> ?n }" % KG])
    assert out.exit_code == 0, out.output
    assert "测试" in out.stdout
    out = runner.invoke(cli, ["validate", "-w", str(ws.path)])
    assert out.exception is None or isinstance(out.exception, SystemExit), out.output
    assert "Traceback" not in out.output
