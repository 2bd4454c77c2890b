"""The embedded Cypher store: built from the ontology, bulk-loaded, queried read-only."""
from __future__ import annotations

import json
import subprocess
import sys

import pytest
from click.testing import CliRunner

from kg import vocab
from kg.cli import cli
from kg.errors import QueryError
from kg.stores.embedded import EmbeddedEngine, ddl
from kg.stores.fixtures import HOSTILE, hostile_graph
from kg.stores.named import run_named
from kg.workspace import Workspace
from tests.hostile_store import fresh_copy


@pytest.fixture(scope="module")
def graph():
    return hostile_graph()


@pytest.fixture(scope="module")
def workspace(hostile_store, tmp_path_factory):
    """This module's copy of the session's hostile store (one test writes to it)."""
    return fresh_copy(hostile_store, tmp_path_factory.mktemp("embedded"))


@pytest.fixture
def engine(workspace):
    with EmbeddedEngine(workspace) as eng:
        yield eng


def test_ddl_declares_every_label_and_relation_type():
    """The DDL has one node table per label and one relation table per relation type."""
    statements = ddl()
    for label in vocab.LABELS:
        assert any(s.startswith(f"CREATE NODE TABLE {label}(") for s in statements)
    for rel in vocab.RELATIONS:
        stmt = next(s for s in statements if s.startswith(f"CREATE REL TABLE {rel}("))
        for a in vocab.RELATIONS[rel].domains:
            assert f"FROM {a} TO {vocab.RELATIONS[rel].ranges[0]}" in stmt


def test_counts_match_the_graph(graph, engine):
    """Every label and relation type holds as many rows as the graph has."""
    counts = graph.counts()
    for label, n in counts["nodes"].items():
        assert engine.run(f"MATCH (n:{label}) RETURN count(n) AS c")[1] == [{"c": n}]
    for rel, n in counts["relations"].items():
        assert engine.run(f"MATCH ()-[r:{rel}]->() RETURN count(r) AS c")[1] == [{"c": n}]


def test_properties_round_trip(graph, engine):
    """Names, aliases, typed properties and sources come back exactly, hostile text included."""
    for record in graph.node_records():
        cols, rows = engine.run(f"MATCH (n:{record['label']}) WHERE n.id = $id RETURN n",
                                {"id": record["id"]})
        node = rows[0]["n"]
        assert node["name"] == record["name"]
        assert node.get("aliases", []) == record["aliases"]
        assert [json.loads(s) for s in node.get("sources", [])] == record["sources"]
        for prop in vocab.node_properties(record["label"]):
            if prop.name in record and prop.name not in ("aliases", "sources"):
                assert node[prop.name] == record[prop.name], prop.name
    rows = engine.run("MATCH (z:Zone) WHERE z.name = $n RETURN z.id AS id", {"n": HOSTILE})[1]
    assert rows == [{"id": graph.resolve(HOSTILE, "Zone")}]
    rows = engine.run("MATCH (:Chain {name: $c})-[r:HAS_LINK]->(l:Link) "
                      "RETURN r.position AS p, l.position AS q ORDER BY p", {"c": "智能传感器"})[1]
    assert [r["p"] for r in rows] == [1, 2, 3, 4] == [r["q"] for r in rows]


def test_store_is_read_only_unless_asked(workspace):
    """A write fails on the default read-only store and works with write=True."""
    with EmbeddedEngine(workspace) as eng, pytest.raises(QueryError, match="--write"):
        eng.run("CREATE (:Region {id: 'Region/x', name: 'x'})")


@pytest.mark.parametrize("statement", [
    "COPY (MATCH (z:Zone) RETURN z.name) TO '{dir}/out.csv'",
    "copy Zone FROM '{dir}/in.csv'",
    "EXPORT DATABASE '{dir}/export'",
    "IMPORT DATABASE '{dir}/export'",
    "LOAD FROM '/etc/hostname' RETURN *",
    "INSTALL json",
    "LOAD EXTENSION json",
    "ATTACH '{dir}/other.lbug' AS other (dbtype lbug)",
    "DETACH other",
    "CALL threads = 1",
    "CALL clear_warnings() RETURN *",
    "MATCH (z:Zone) RETURN count(z) AS n; /* then */ COPY Zone FROM '{dir}/in.csv'",
])
def test_statements_reaching_outside_need_write(engine, statement, tmp_path):
    """COPY, EXPORT, IMPORT, LOAD, INSTALL, ATTACH, DETACH and setting or state-changing CALLs
    are refused without write=True, whatever their case, and leave no file behind."""
    with pytest.raises(QueryError, match="pass --write"):
        engine.run(statement.format(dir=tmp_path))
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("statement", [
    "MATCH (z:Zone) WHERE z.name = 'COPY x TO y' OR z.name = \"LOAD FROM\" RETURN count(z) AS n",
    "MATCH (z:Zone) // COPY … TO in a comment\nRETURN count(z) AS n",
    "MATCH (z:Zone) /* INSTALL, ATTACH */ RETURN count(z) AS `copy`",
    "MATCH (z:Zone) WHERE z.name = 'it\\'s; COPY' RETURN count(z) AS n",
    "MATCH (n:Region) DETACH DELETE n",
    "CALL show_tables() RETURN count(*) AS n",
    "CALL table_info('Zone') RETURN count(*) AS n",
    "MATCH (z:Zone) RETURN {load: z.name, copy: $export} AS m LIMIT 1",
])
def test_keywords_in_strings_comments_and_names_are_not_refused(engine, statement):
    """A keyword inside a string, comment or quoted name, a property, parameter or map key
    spelt like one, DETACH DELETE and reading CALLs reach the engine as usual."""
    if "DELETE" in statement:  # LadybugDB itself refuses the write, with the usual message
        with pytest.raises(QueryError, match="opened read-only; pass --write to change it"):
            engine.run(statement)
    else:
        assert engine.run(statement, {"export": 1})[1]


def test_syntax_error_names_line_and_column(engine):
    """A syntax error says on which line and column it is."""
    with pytest.raises(QueryError, match=r"line 2, column 10"):
        engine.run("MATCH (n:Zone)\nRETURN n.(name")


def test_cli_formats_params_and_files(workspace, graph, tmp_path):
    """kg cypher renders table/json/csv/md, takes -p values, --file and -o."""
    firms = graph.counts()["nodes"]["Firm"]
    runner = CliRunner()
    base = ["cypher", "-w", str(workspace.path)]
    query = "MATCH (l:Link) WHERE l.chain = $chain RETURN l.name AS link ORDER BY l.position"
    out = runner.invoke(cli, [*base, query, "-p", "chain=智能传感器", "--format", "json"])
    assert out.exit_code == 0, out.output
    assert [r["link"] for r in json.loads(out.stdout)] == ["传感器材料", "传感芯片", "传感器", "传感器终端"]
    for fmt, marker in (("table", "link"), ("csv", "link\n传感器材料"), ("md", "| link |")):
        out = runner.invoke(cli, [*base, query, "-p", "chain=智能传感器", "--format", fmt])
        assert marker in out.stdout
    qfile = tmp_path / "q.cypher"
    qfile.write_text("// count firms\nMATCH (f:Firm) RETURN count(f) AS n;\n", encoding="utf-8")
    target = tmp_path / "out.csv"
    out = runner.invoke(cli, [*base, "--file", str(qfile), "-f", "csv", "-o", str(target)])
    # a .csv file written with -o starts with a UTF-8 BOM (Excel reads Chinese); stdout has none
    assert out.exit_code == 0 and target.read_bytes() == f"\ufeffn\n{firms}\n".encode("utf-8")


def test_cli_errors_exit_1_without_traceback(workspace):
    """A syntax error and a write without --write are one message and exit code 1."""
    runner = CliRunner()
    base = ["cypher", "-w", str(workspace.path)]
    out = runner.invoke(cli, [*base, "MATCH (n RETURN n"])
    assert out.exit_code == 1 and "line 1, column" in out.stderr and "Traceback" not in out.output
    out = runner.invoke(cli, [*base, "CREATE (:Region {id: 'Region/y', name: 'y'})"])
    assert out.exit_code == 1 and "--write" in out.stderr


def test_cli_write_flag(graph, tmp_path):
    """With --write a statement changes the store."""
    from kg.stores.embedded import write_embedded

    ws = Workspace(tmp_path / "w")
    ws.save(graph, [], extra_writers=[write_embedded])
    runner = CliRunner()
    base = ["cypher", "-w", str(ws.path)]
    out = runner.invoke(cli, [*base, "--write", "CREATE (:Region {id: 'Region/y', name: 'y'})"])
    assert out.exit_code == 0, out.output
    out = runner.invoke(cli, [*base, "-f", "json", "MATCH (r:Region) RETURN count(r) AS n"])
    assert json.loads(out.stdout) == [{"n": 4}]


def test_interactive_prompt_reads_statements_from_stdin(workspace, graph):
    """`kg cypher` without a query reads ;-terminated statements (here from a pipe)."""
    script = ("MATCH (z:Zone)\nRETURN count(z) AS zones;\n"
              "MATCH (n RETURN n;\n"
              "MATCH (c:Chain) WHERE c.name = '智能传感器' RETURN c.name AS chain;\n")
    proc = subprocess.run([sys.executable, "-c", "from kg.cli import main; main()", "cypher",
                           "-w", str(workspace.path), "-f", "csv"],
                          input=script, capture_output=True, text=True, timeout=60)
    zones = graph.counts()["nodes"]["Zone"]
    assert proc.stdout.split() == ["zones", str(zones), "chain", "智能传感器"]
    assert "line 1, column" in proc.stderr
    assert proc.returncode == 1


def test_named_query_runner(engine, tmp_path):
    """A named query runs with its declared parameters, coerced and defaulted."""
    (tmp_path / "firms_on_link.cypher").write_text(
        "// Firms that operate on a link of a chain.\n"
        "// Parameters: $chain (string) the chain; $link (string) the link; $limit (integer, default 10)\n"
        "// Returns: firm\n"
        "MATCH (f:Firm)-[:OPERATES_IN]->(l:Link) WHERE l.chain = $chain AND l.name = $link\n"
        "RETURN f.name AS firm ORDER BY firm LIMIT $limit\n", encoding="utf-8")
    cols, rows = run_named(engine, "firms_on_link", {"chain": "智能传感器", "link": "传感器",
                                                      "limit": "3"}, folder=tmp_path)
    assert cols == ["firm"]  # "3" is coerced to the integer limit: the first three of five, by name
    assert [r["firm"] for r in rows] == ["新乡宏感电子有限公司", "郑州华测传感技术有限公司", "郑州恒感仪器有限公司"]
    with pytest.raises(QueryError, match="needs parameter link"):
        run_named(engine, "firms_on_link", {"chain": "智能传感器"}, folder=tmp_path)
    with pytest.raises(QueryError, match="closest: firms_on_link"):
        run_named(engine, "firms_on_lnk", {}, folder=tmp_path)
