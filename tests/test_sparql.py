"""kg sparql: queries on the workspace graph, user values bound as parameters, read-only."""
from __future__ import annotations

import json

import pyoxigraph as ox
import pytest
from click.testing import CliRunner

from kg import rdf, vocab
from kg.cli import cli
from kg.errors import QueryError
from kg.queries import chain_gaps
from kg.stores.fixtures import HOSTILE, hostile_graph
from kg.stores.sparql import load_store, sparql
from kg.workspace import Workspace

PREFIX = "PREFIX kg: <https://w3id.org/zonekg/ontology#>\n"


@pytest.fixture(scope="module")
def graph():
    return hostile_graph()


@pytest.fixture(scope="module")
def store(graph):
    return load_store(graph=graph)


def test_parameters_bind_hostile_values(store, graph):
    """A value full of quotes and braces is bound as a literal, never pasted into the query."""
    cols, rows = sparql(store, PREFIX + "SELECT ?z WHERE { ?z a kg:Zone ; kg:name ?name }",
                        {"name": HOSTILE})
    assert rows == [{"z": rdf.node_iri(graph.resolve(HOSTILE, "Zone"))}]


def test_unprojected_parameter_used_in_filter(store):
    """A parameter used only in a FILTER is bound too."""
    _, rows = sparql(store, PREFIX + "SELECT DISTINCT ?name WHERE { ?z a kg:Zone ; kg:name ?name "
                                     "FILTER(CONTAINS(?name, ?q)) }", {"q": "经济技术"})
    assert rows == [{"name": "新乡经济技术开发区"}]


def test_gap_question_in_sparql(store, graph):
    """Links of the sensor chain with no firm in 郑州高新区 (MINUS), as in the query layer."""
    # DISTINCT: a link's triples sit in the named graph of each source that states them
    query = PREFIX + """SELECT DISTINCT ?link WHERE {
      ?chain kg:name ?chainName ; kg:hasLink ?l . ?l kg:name ?link .
      ?zone kg:name ?zoneName .
      MINUS { ?f kg:locatedIn ?zone ; kg:operatesIn ?l . }
    } ORDER BY ?link"""
    _, rows = sparql(store, query, {"chainName": "智能传感器", "zoneName": "郑州高新技术产业开发区"})
    gaps = [r["link"] for r in chain_gaps(graph, "智能传感器", "郑州高新区") if not r["local_firms"]]
    assert [r["link"] for r in rows] == sorted(gaps) and "传感芯片" in gaps


def test_ask_construct_and_types(store, graph):
    """ASK gives a boolean, CONSTRUCT triples, integers come back as int."""
    assert sparql(store, PREFIX + "ASK { ?z a kg:Zone }")[1] == [{"answer": True}]
    cols, rows = sparql(store, PREFIX + "CONSTRUCT { ?l kg:position ?p } WHERE { ?l kg:position ?p }")
    assert cols == ["subject", "predicate", "object"]
    assert {r["object"] for r in rows} == {d["position"] for _, d in graph.nodes("Link")}
    assert all(type(r["object"]) is int for r in rows)


def test_updates_need_write(store):
    """An update is refused without write; a syntax error is a QueryError."""
    with pytest.raises(QueryError, match="--write"):
        sparql(store, PREFIX + "INSERT DATA { kg:x kg:name 'x' }")
    with pytest.raises(QueryError, match="syntax"):
        sparql(store, "SELEC ?x WHERE { ?x ?y ?z }")


def test_cli(graph, tmp_path):
    """kg sparql prints rows; --write with -o writes the updated graph."""
    ws = Workspace(tmp_path / "ws")
    ws.save(graph, [])
    runner = CliRunner()
    out = runner.invoke(cli, ["sparql", "-w", str(ws.path), "-f", "json",
                              PREFIX + "SELECT (COUNT(DISTINCT ?f) AS ?n) WHERE { ?f a kg:Firm }"])
    assert out.exit_code == 0 and json.loads(out.stdout) == [{"n": graph.counts()["nodes"]["Firm"]}]
    update = PREFIX + "INSERT DATA { kg:x kg:name 'x' }"
    out = runner.invoke(cli, ["sparql", "-w", str(ws.path), update])
    assert out.exit_code == 1 and "--write" in out.stderr
    target = tmp_path / "new.trig"
    out = runner.invoke(cli, ["sparql", "-w", str(ws.path), "--write", "-o", str(target), update])
    assert out.exit_code == 0 and "kg:x" not in out.stdout
    written = set(ox.parse(path=str(target), format=ox.RdfFormat.TRIG))
    x = ox.Triple(ox.NamedNode(vocab.KG_IRI + "x"), ox.NamedNode(vocab.KG_IRI + "name"),
                  ox.Literal("x"))
    assert any(ox.Triple(q.subject, q.predicate, q.object) == x for q in written)
    assert len(written) > 1  # the graph's own statements are kept beside the insert
