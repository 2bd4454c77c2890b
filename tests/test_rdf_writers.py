"""kg.rdf's writers: N-Quads, N-Triples, TriG, Turtle and JSON-LD written straight from the graph
say the same thing, whatever the names hold."""
from __future__ import annotations

import io

import pyoxigraph as ox
import pytest
from rdflib import Graph
from rdflib.compare import isomorphic

from kg import KnowledgeGraph, rdf, vocab
from kg.stores.rdf_export import export_rdf
from tests.test_rdf_export import _dataset

# what documents put in names: quotes, backslashes, backticks, braces, $, line breaks, CDATA
# and script ends, percent signs, IRI delimiters, control characters, U+2028
NASTY = ('a"b\\c`d{e}f$g\nh\ri\tj\x00k\x1fl\x7fm\u2028n]]></script><!--%20#?<>|^ '
         "x'}) MATCH (n) DETACH DELETE n // 中文")
DOC = 'plan "1" <x> {y}|^`\\ 100%#?\n.txt'
REGISTRY = "firms <b>.csv"


@pytest.fixture(scope="module")
def graph():
    """Every kind of node, relation, value and source, with hostile text everywhere."""
    g = KnowledgeGraph()
    said = {"doc": DOC, "sentence": 3, "start": 0, "end": len(NASTY), "quote": NASTY}
    region = g.add_entity("Region", NASTY, aliases=[NASTY + "2", "别\n名"], source=said)
    city = g.add_entity("Region", "郑州市", level="city")
    g.add_relation(region, "PART_OF", city)  # no source, no property: the default graph
    firm = g.add_entity("Firm", "测试" + NASTY, key='K<"{}|^`\\ \n%>', business_scope=NASTY,
                        products=[NASTY, "传感器"], founded=10**22, investment=2.5,
                        kind={"k": NASTY}, stage=True, position=-3,
                        source={"doc": REGISTRY, "row": 7})
    g.add_entity("Firm", "测试" + NASTY, key='K<"{}|^`\\ \n%>', source=said)  # a second graph
    for source in ({"doc": REGISTRY, "row": 7}, said):
        g.add_relation(firm, "LOCATED_IN", region, score=0.25, matched=[NASTY, "x"],
                       inferred=False, source=source)
    g.add_relation(region, "DEVELOPS", g.add_entity("Industry", "传感" + NASTY), role=NASTY)
    g.add_document(DOC, kind="plan", covers=[NASTY, "郑州"])
    g.add_document(REGISTRY, kind="registry", sha256="0" * 64)
    return g


def _write(graph, writer) -> bytes:
    buffer = io.BytesIO()
    writer(graph, buffer)
    return buffer.getvalue()


def _triples(quads) -> set:
    return {ox.Triple(q.subject, q.predicate, q.object) for q in quads}


def test_nquads_written_directly_is_isomorphic_to_the_trig(graph):
    """The N-Quads writer and the TriG writer give the same named graphs, graph by graph (rdflib)."""
    trig = _dataset(_write(graph, rdf.write_trig), "trig")
    nquads = _dataset(_write(graph, rdf.write_nquads), "nquads")
    names = {c.identifier for c in trig.graphs()}
    assert names == {c.identifier for c in nquads.graphs()}
    assert len(names) == 3  # the default graph, the document, the registry
    for name in names:
        assert isomorphic(trig.graph(name), nquads.graph(name)), name
    assert len(trig) == len(nquads)


def test_every_format_says_what_the_trig_says(graph):
    """From the graph, each format parses (pyoxigraph) to the TriG's quads, or its triples."""
    want = set(ox.parse(_write(graph, rdf.write_trig), format=ox.RdfFormat.TRIG))
    for fmt, oxf in rdf.FORMATS.items():
        got = list(ox.parse(export_rdf(graph, fmt), format=oxf))
        if fmt in rdf.GRAPH_FORMATS:
            assert set(got) == want, fmt
        else:
            assert _triples(got) == _triples(want), fmt
        assert rdf.serialize(graph, fmt)  # kg.rdf's own entry point writes each format too


def test_export_from_the_graph_equals_export_from_the_workspace_trig(graph):
    """export_rdf gives the same statements from the graph as from the workspace's TriG bytes."""
    trig = rdf.serialize(graph, "trig")
    for fmt, oxf in rdf.FORMATS.items():
        direct = set(ox.parse(export_rdf(graph, fmt), format=oxf))
        via_trig = set(ox.parse(export_rdf(fmt=fmt, trig=trig), format=oxf))
        assert direct == via_trig, fmt


def test_one_quad_per_line_and_names_exact(graph):
    """Each N-Quads / N-Triples line is one statement on its own; names and quotes come back exact."""
    for writer, oxf in ((rdf.write_nquads, ox.RdfFormat.N_QUADS),
                        (rdf.write_ntriples, ox.RdfFormat.N_TRIPLES)):
        data = _write(graph, writer)
        lines = data.decode().split("\n")
        assert lines.pop() == ""
        for line in lines:
            assert len(list(ox.parse(line.encode(), format=oxf))) == 1, line
        quads = set(ox.parse(data, format=oxf))
        assert len(quads) == len(lines)  # nothing written twice
        values = {q.object.value for q in quads if isinstance(q.object, ox.Literal)}
        assert {NASTY, "测试" + NASTY, NASTY + "2", "别\n名", "10" + "0" * 21} <= values


def test_rdflib_reads_the_direct_formats(graph):
    """rdflib reads N-Quads, N-Triples, Turtle and JSON-LD written from the graph, isomorphic to TriG."""
    trig = _dataset(_write(graph, rdf.write_trig), "trig")
    union = Graph()
    for s, p, o, _ in trig.quads((None, None, None, None)):
        union.add((s, p, o))
    for fmt, name in (("nt", "nt"), ("ttl", "turtle")):
        assert isomorphic(union, Graph().parse(data=export_rdf(graph, fmt), format=name)), fmt
    jsonld = _dataset(export_rdf(graph, "jsonld"), "json-ld")
    for context in trig.graphs():
        assert isomorphic(context, jsonld.graph(context.identifier)), context.identifier


def test_iris_and_literals_hold_nothing_raw():
    """A hostile node id becomes an IRI with none of <>\"{}|^`\\, space or controls; a literal has no raw line break or quote."""
    iri = rdf.node_iri('Firm/K<"{}|^`\\ \n\t\x00%>')
    assert not set(iri) & set('<>"{}|^`\\ \n\t\x00')
    text = rdf.nt_literal(NASTY)[1:-1]
    assert "\n" not in text and "\r" not in text and '"' not in text.replace('\\"', "")
    assert ox.Literal(NASTY) == next(iter(ox.parse(
        f"<{iri}> <{vocab.KG_IRI}name> {rdf.nt_literal(NASTY)} .".encode(),
        format=ox.RdfFormat.N_TRIPLES))).object


def test_jsonld_context_gives_every_predicate_its_term():
    """Every predicate the writers use has its own term in the JSON-LD context, typed @id when its objects are IRIs."""
    from kg.stores.rdf_export import JsonLd

    syntax = JsonLd()
    for iri, is_ref in rdf.predicates().items():
        spec = syntax.context[syntax.terms[iri]]
        assert isinstance(spec, dict) == is_ref, iri
