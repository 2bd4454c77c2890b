"""How `kg push neo4j` writes the same graph in each Bolt dialect, and what FalkorDB allows.

Neo4j 5 and FalkorDB get different constructs from the writer (both are Cypher that
Neo4j 5 also parses; the FalkorDB ones exist because of that server's limits):

| construct | neo4j | falkordb |
| --- | --- | --- |
| unique ids | `CREATE CONSTRAINT … REQUIRE n.id IS UNIQUE` | `CREATE INDEX FOR (n:L) ON (n.id)` after `CALL db.indexes()` |
| a row | a map: `MERGE (n:L {id: row.id}) SET n += row.props` | a positional list, one statement per set of present properties: `MERGE (n:L {id: 'L/' + row[0]}) SET n.name = row[1], …` |
| a double | as is | as is, but the server's Bolt layer prints `%f`: six decimals arrive |
| a batch | `--batch-rows`, `--batch-bytes` (JSON) | also at most 4,000 bytes of statement text, query and every parameter together |
| a transaction | one batch | sixteen batches (its BEGIN/COMMIT do nothing) |
| a value over the limit | sent whole | set, then appended to, in one transaction |

FalkorDB writes `CYPHER k=v … <query>` into one 4,096-byte buffer, so the bound is on the
whole statement, not on each parameter: several parameters do not buy room.
"""
from __future__ import annotations

import json
import time

import pytest

from kg.stores.dialect import FALKORDB, NEO4J, text_size
from kg.stores.fixtures import HOSTILE, generated_graph, hostile_graph
from kg.stores.neo4j import (EDGE_MERGE, NODE_MERGE, Neo4jEngine, Settings, connect, push,
                             push_plan)
from kg.stores.schema import edge_row, node_row
from tests.bolt_server import start


def _oversized_graph():
    g = hostile_graph()
    g.add_entity("Firm", "大经营范围有限公司", aliases=[f"别名{i}'" * 30 for i in range(120)],
                 business_scope="传感器研发、生产与销售；\\'" * 700,
                 source={"doc": "firms.csv", "row": 99})
    return g


def test_neo4j_plan_keeps_maps_and_constraints():
    """Under Neo4j every row is a map merged with SET += and ids are unique by constraint."""
    plan = push_plan(generated_graph(200), NEO4J)
    assert all(s.text.startswith("CREATE CONSTRAINT") for s in plan if s.kind == "schema")
    rows = [s for s in plan if s.kind in ("node", "edge")]
    assert {s.text for s in rows if s.kind == "node"} == {NODE_MERGE.format(label=s.label)
                                                          for s in rows if s.kind == "node"}
    assert all(s.text == EDGE_MERGE.format(src=s.text.split("(a:")[1].split(" ")[0],
                                           dst=s.text.split("(b:")[1].split(" ")[0], rel=s.label)
               for s in rows if s.kind == "edge")
    assert not any("row[" in s.text or "toFloat" in s.text for s in plan)
    assert not any(s.kind == "piece" for s in push_plan(_oversized_graph(), NEO4J))


def test_falkordb_statements_are_full_and_under_the_limit():
    """Every FalkorDB statement stays within 4,000 bytes of text, and each batch but a statement's
    last is full: one more row would pass the limit."""
    limit = FALKORDB.statement_limit
    for graph in (generated_graph(300), _oversized_graph()):
        plan = push_plan(graph, FALKORDB)
        for st in plan:
            for batch, following in zip(st.rows, st.rows[1:] + [None]):
                assert FALKORDB.statement_size(st.text, {"rows": batch}) <= limit
                if following:
                    assert FALKORDB.statement_size(st.text, {"rows": batch + following[:1]}) > limit
            for text, params in st.steps:
                assert FALKORDB.statement_size(text, params) <= limit
        assert sum(st.row_count for st in plan) == sum(graph.counts()["nodes"].values()) + \
            sum(graph.counts()["relations"].values())


def test_falkordb_rows_are_compact():
    """Positional rows put about 30 firms (or 40 relations) in a FalkorDB statement where maps
    fit about 22 (or 30)."""
    graph = generated_graph(300)
    compact = {s.text: s for s in push_plan(graph, FALKORDB) if s.rows}
    maps = {s.text: s for s in push_plan(graph, FALKORDB, compact=False) if s.rows}
    per_batch = lambda plan, label: max(  # noqa: E731
        s.row_count / len(s.rows) for s in plan.values() if s.label == label)
    assert per_batch(compact, "Firm") >= 1.3 * per_batch(maps, "Firm")
    assert per_batch(compact, "LOCATED_IN") >= 1.3 * per_batch(maps, "LOCATED_IN")


def test_text_size_is_how_falkordb_spells_values():
    """The size model counts FalkorDB's own spelling of each value: 'text', [a, b], {k: v}, %f."""
    assert text_size("传感器") == len("'传感器'".encode())
    assert text_size([1, "a", None, True]) == len("[1, 'a', NULL, true]")
    assert text_size({"k": 0.25, "l": []}) == len("{k: 0.250000, l: []}")
    assert FALKORDB.statement_size("RETURN $a", {"a": "x", "bb": 2}) == \
        len("CYPHER a='x' bb=2 RETURN $a")


@pytest.mark.bolt
def test_falkordb_limit_is_on_the_whole_statement(monkeypatch):
    """Two parameters that each fit but together pass 4 KB abort FalkorDB; at the size model's
    4,096 bytes it answers. (The premise of the byte bound, on a server of its own.)"""
    monkeypatch.setenv("KG_NEO4J_TIMEOUT", "2")
    server = start()
    try:
        driver = connect(Settings(server.uri, server.user, server.password))
        query = "RETURN size($a) + size($b) AS n"

        def run(n_a, n_b):
            params = {"a": "a" * n_a, "b": "b" * n_b}
            with driver.session() as session:
                return FALKORDB.statement_size(query, params), session.execute_read(
                    lambda tx: tx.run(query, params).single()[0])

        overhead = FALKORDB.statement_size(query, {"a": "", "b": ""})
        size, answer = run(2000, 4096 - overhead - 2000)
        assert size == 4096 and answer == 4096 - overhead and server.alive()
        with pytest.raises(Exception):
            run(2100, 2100)
        deadline = time.monotonic() + 5
        while server.alive() and time.monotonic() < deadline:
            time.sleep(0.1)
        assert not server.alive()
        driver.close()
    finally:
        server.stop()


@pytest.mark.bolt
def test_compact_rows_arrive_exactly(bolt):
    """Pushed in the FalkorDB form, every property of every node and relation equals the graph's:
    hostile text, lists, integers, doubles of up to six decimals (all FalkorDB's Bolt keeps)."""
    g = _oversized_graph()
    firm = g.add_entity("Firm", "小数点有限公司", source={"doc": "firms.csv", "row": 7})
    link = next(n for n, _ in g.nodes("Link"))
    g.add_relation(firm, "OPERATES_IN", link, score=0.123456, matched=[HOSTILE],
                   source={"doc": "firms.csv", "row": 7})
    with Neo4jEngine(Settings(bolt.uri, bolt.user, bolt.password), write=True) as engine:
        engine.execute("MATCH (n) DETACH DELETE n")
        push(g, engine)
        assert engine.counts() == g.counts()
        _, nodes = engine.read_raw("MATCH (n) RETURN n.id, properties(n)")
        _, rels = engine.read_raw("MATCH (a)-[r]->(b) RETURN a.id, type(r), b.id, properties(r)")
    canon = lambda d: json.dumps(d, ensure_ascii=False, sort_keys=True)  # noqa: E731
    clean = lambda row: {k: v for k, v in row.items() if v is not None and v != []}  # noqa: E731
    want_nodes = {r["id"]: canon(clean(node_row(r))) for r in g.node_records()}
    assert {i: canon(p) for i, p in nodes} == want_nodes
    want_rels = sorted(canon([r["src"], r["rel"], r["dst"], clean(edge_row(r))])
                       for r in g.edge_records())
    assert sorted(canon([a, t, b, p]) for a, t, b, p in rels) == want_rels
    assert bolt.alive()
