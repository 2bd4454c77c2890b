"""`kg cypher` and `kg sparql` are read-only unless --write is given, on every engine.

Each writing statement without --write is refused (exit 1, one clear message naming
--write) and the store is unchanged afterwards; with --write the same statement does
change it, so the checks can see a change when one happens.
"""
from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from kg.cli import cli
from tests.hostile_store import fresh_copy

CYPHER_WRITES = [
    "CREATE (z:Zone {id: 'Zone/x', name: 'x'})",
    "MERGE (z:Zone {id: 'Zone/y'})",
    "MATCH (n:Region) DETACH DELETE n",
    "MATCH (z:Zone) SET z.name = 'pwned'",
    "MATCH (z:Zone) SET z.level = NULL",
    "MATCH (z:Zone) RETURN count(z) AS n;\nCREATE (z:Zone {id: 'Zone/z', name: 'z'})",
]
EMBEDDED_ONLY = ["DROP TABLE Zone", "CREATE NODE TABLE Foo(id STRING, PRIMARY KEY(id))"]
SPARQL_WRITES = [
    "INSERT DATA { <https://example.org/a> <https://example.org/b> 'c' }",
    "PREFIX kg: <https://w3id.org/zonekg/ontology#> DELETE WHERE { ?z kg:name ?n }",
    "PREFIX kg: <https://w3id.org/zonekg/ontology#> "
    "DELETE { ?z kg:name ?n } INSERT { ?z kg:name 'pwned' } WHERE { ?z kg:name ?n }",
    "CLEAR ALL",
    "DROP ALL",
    "LOAD <file:///etc/hostname>",
]
COUNT = "MATCH (n) RETURN count(n) AS n"
NAMES = "MATCH (z:Zone) RETURN z.name AS name ORDER BY name"


@pytest.fixture
def workspace(hostile_store, tmp_path):
    """A fresh copy of the hostile sample's store for each test, so a write cannot leak."""
    return fresh_copy(hostile_store, tmp_path)


def _rows(args, env=None) -> list:
    out = CliRunner(env=env).invoke(cli, [*args, "-f", "json"])
    assert out.exit_code == 0, out.output
    return json.loads(out.stdout)


def _refused(out) -> None:
    assert out.exit_code == 1, (out.exit_code, out.output)
    assert out.stderr.startswith("kg: error:") and "--write" in out.stderr, out.stderr
    assert "Traceback" not in out.output and out.exception is None or \
        isinstance(out.exception, SystemExit)


@pytest.mark.parametrize("statement", CYPHER_WRITES + EMBEDDED_ONLY)
def test_embedded_cypher_refuses_writes_without_write(workspace, statement):
    """kg cypher on the embedded store refuses CREATE/MERGE/DELETE/SET/REMOVE/DROP without --write."""
    ws = ["-w", str(workspace.path)]
    before = (_rows(["cypher", *ws, COUNT]), _rows(["cypher", *ws, NAMES]))
    out = CliRunner().invoke(cli, ["cypher", *ws, statement])
    _refused(out)
    assert (_rows(["cypher", *ws, COUNT]), _rows(["cypher", *ws, NAMES])) == before


def test_embedded_cypher_with_write_does_change(workspace):
    """With --write the same CREATE goes through: the refusal above is the read-only mode's doing."""
    ws = ["-w", str(workspace.path)]
    before = _rows(["cypher", *ws, COUNT])[0]["n"]
    out = CliRunner().invoke(cli, ["cypher", *ws, "--write", CYPHER_WRITES[0]])
    assert out.exit_code == 0, out.output
    assert _rows(["cypher", *ws, COUNT])[0]["n"] == before + 1


def test_embedded_cypher_copy_to_writes_no_file_without_write(workspace, tmp_path):
    """`COPY (…) TO 'file'` without --write is refused and writes nothing."""
    target = tmp_path / "leak.csv"
    out = CliRunner().invoke(cli, ["cypher", "-w", str(workspace.path),
                                   f"COPY (MATCH (z:Zone) RETURN z.name) TO '{target}'"])
    assert not target.exists()
    _refused(out)


@pytest.mark.parametrize("update", SPARQL_WRITES)
def test_sparql_refuses_updates_without_write(workspace, update):
    """kg sparql refuses INSERT DATA / DELETE / CLEAR / DROP / LOAD without --write; graph.trig unchanged."""
    trig = workspace.file("graph.trig").read_bytes()
    out = CliRunner().invoke(cli, ["sparql", "-w", str(workspace.path), update])
    _refused(out)
    assert workspace.file("graph.trig").read_bytes() == trig
    ask = "PREFIX kg: <https://w3id.org/zonekg/ontology#> ASK { ?z kg:name 'pwned' }"
    assert _rows(["sparql", "-w", str(workspace.path), ask]) == [{"answer": False}]


def test_sparql_update_with_write_changes_only_the_output(workspace, tmp_path):
    """With --write an update runs and goes to -o; the workspace's graph.trig is untouched."""
    trig = workspace.file("graph.trig").read_bytes()
    target = tmp_path / "updated.trig"
    out = CliRunner().invoke(cli, ["sparql", "-w", str(workspace.path), "--write", "-o", str(target),
                                   SPARQL_WRITES[0]])
    assert out.exit_code == 0, out.output
    assert b"example.org/a" in target.read_bytes()
    assert workspace.file("graph.trig").read_bytes() == trig


def test_sparql_service_reaches_no_server(workspace, listener):
    """SERVICE <http://…> in a query is refused: no HTTP request leaves, one clear message."""
    url, hits = listener
    query = f"SELECT * WHERE {{ SERVICE <{url}/x?leak=1> {{ ?s ?p ?o }} }}"
    out = CliRunner().invoke(cli, ["sparql", "-w", str(workspace.path), query])
    assert hits == []
    assert out.exit_code == 1 and out.stderr.startswith("kg: error:")


SPARQL_REACHING_OUT = [
    ("SELECT * WHERE {{ service <{url}/lower> {{ ?s ?p ?o }} }}", False),
    ("SELECT * WHERE {{ SERVICE SILENT <{url}/silent> {{ ?s ?p ?o }} }}", False),
    ("SELECT * WHERE {{ # a comment ends here\n SERVICE <{url}/comment> {{ ?s ?p ?o }} }}", False),
    ("SELECT * WHERE {{ ?s ?p ?o . OPTIONAL {{ SERVICE <{url}/optional> {{ ?s ?p ?o }} }} }}", False),
    ("INSERT {{ ?s ?p ?o }} WHERE {{ SERVICE <{url}/update> {{ ?s ?p ?o }} }}", True),
    ("LOAD <{url}/load-read-only>", False),
    ("LOAD <{url}/load>", True),
    ("LOAD SILENT <{url}/load-silent> INTO GRAPH <https://example.org/g>", True),
]
SPARQL_QUIET = [
    "SELECT ?o WHERE {{ ?s ?p ?o FILTER(?o = 'SERVICE <{url}/in-a-string> {{ }}') }}",
    "SELECT * WHERE {{ <{url}/an-iri> ?p ?o }}",
    "PREFIX service: <{url}/> SELECT * WHERE {{ ?s service:x ?o }} # SERVICE <{url}/c>",
    "SELECT * WHERE {{ ?s ?p 'x'@delete }}",
]


def test_sparql_never_reaches_out(workspace, listener, tmp_path):
    """SERVICE in any case or place, and LOAD even with --write, are refused: no request leaves.
    The same words inside a string, an IRI, a prefix name or a comment are fine."""
    url, hits = listener
    ws = ["sparql", "-w", str(workspace.path)]
    let_through, refused = {}, {}
    for query, update in SPARQL_REACHING_OUT:
        text = query.format(url=url)
        extra = ["--write", "-o", str(tmp_path / "out.trig")] if update else []
        out = CliRunner().invoke(cli, [*ws, *extra, text])
        if not (out.exit_code == 1 and out.stderr.startswith("kg: error:")
                and "Traceback" not in out.output):
            let_through[text] = out.output
    for query in SPARQL_QUIET:
        out = CliRunner().invoke(cli, [*ws, query.format(url=url)])
        if out.exit_code != 0:
            refused[query] = out.output
    assert hits == []
    assert let_through == {} and refused == {}


# ---------------------------------------------------------------------------- Neo4j (Bolt)
@pytest.fixture
def pushed(bolt, workspace):
    """The hand graph pushed to the session's Bolt server (emptied first)."""
    env = bolt.env()
    runner = CliRunner(env=env)
    out = runner.invoke(cli, ["cypher", "--neo4j", "--write", "MATCH (n) DETACH DELETE n"])
    assert out.exit_code == 0, out.output
    out = runner.invoke(cli, ["push", "neo4j", "-w", str(workspace.path)])
    assert out.exit_code == 0, out.output
    return env


@pytest.mark.bolt
def test_neo4j_cypher_refuses_writes_without_write(pushed):
    """kg cypher --neo4j refuses each write without --write and the server's graph is unchanged."""
    before = (_rows(["cypher", "--neo4j", COUNT], pushed), _rows(["cypher", "--neo4j", NAMES], pushed))
    outcomes = {}
    for statement in CYPHER_WRITES:
        out = CliRunner(env=pushed).invoke(cli, ["cypher", "--neo4j", statement])
        outcomes[statement] = (out.exit_code, "--write" in out.stderr)
    after = (_rows(["cypher", "--neo4j", COUNT], pushed), _rows(["cypher", "--neo4j", NAMES], pushed))
    assert after == before
    assert all(outcome == (1, True) for outcome in outcomes.values()), outcomes


@pytest.mark.bolt
def test_neo4j_cypher_with_write_does_change(pushed):
    """With --write a CREATE reaches the server (so a change is visible to the test above)."""
    before = _rows(["cypher", "--neo4j", COUNT], pushed)[0]["n"]
    out = CliRunner(env=pushed).invoke(cli, ["cypher", "--neo4j", "--write", CYPHER_WRITES[0]])
    assert out.exit_code == 0, out.output
    assert _rows(["cypher", "--neo4j", COUNT], pushed)[0]["n"] == before + 1


def test_view_query_refuses_writes(workspace):
    """`kg view query` draws a query's answer; a CREATE in it is refused and changes nothing."""
    ws = ["-w", str(workspace.path)]
    before = _rows(["cypher", *ws, COUNT])
    out = CliRunner().invoke(cli, ["view", "query", *ws, "CREATE (z:Zone {id: 'Zone/q', name: 'q'}) "
                                   "RETURN z"])
    _refused(out)
    assert _rows(["cypher", *ws, COUNT]) == before
