"""`kg push neo4j` under interruption and failure, against a real Bolt server (FalkorDB).

What tests/test_bolt.py already covers is not repeated here (push twice, unreachable
server, wrong password, Settings' repr). Added: a push killed at random points and run
again ends with exactly the graph of a clean push (every node, relation and property);
a connection dropped once mid-push is retried by the driver and the push completes; a
server that drops the connection and stays away gives one message and exit 1 with no
traceback and no credentials; credentials inside NEO4J_URI are never echoed.
"""
from __future__ import annotations

import json
import os
import random
import signal
import socket
import subprocess
import sys
import threading
import time

import pytest
from click.testing import CliRunner

from kg.cli import cli
from kg.errors import EngineError
from kg.stores.fixtures import generated_graph, hostile_graph
from kg.stores.neo4j import Neo4jEngine
from kg.workspace import Workspace
from tests.bolt_server import free_port, start

pytestmark = pytest.mark.bolt
KG = [sys.executable, "-c", "from kg.cli import main; main()"]
SECRET = "s3cret-Pa55-word"


def _env(server, **extra) -> dict:
    return {**os.environ, **server.env(), "KG_NEO4J_TIMEOUT": "4", **extra}


def snapshot(engine: Neo4jEngine) -> tuple:
    """Every node (label, id, properties) and relation (src id, type, dst id, properties), sorted."""
    _, nodes = engine.read_raw("MATCH (n) RETURN labels(n), n.id, properties(n)")
    _, rels = engine.read_raw("MATCH (a)-[r]->(b) RETURN a.id, type(r), b.id, properties(r)")
    canon = lambda rows: sorted(json.dumps(r, ensure_ascii=False, sort_keys=True, default=str)
                                for r in rows)
    return canon(nodes), canon(rels)


@pytest.fixture(scope="module")
def big_workspace(tmp_path_factory):
    """A generated graph large enough that a push takes a few seconds in small batches."""
    graph = generated_graph(800)
    ws = Workspace(tmp_path_factory.mktemp("push") / "ws")
    ws.save(graph, [])
    return ws, graph


@pytest.fixture
def engine(bolt, monkeypatch):
    for key, value in bolt.env().items():
        monkeypatch.setenv(key, value)
    try:
        eng = Neo4jEngine.from_env(write=True)
    except EngineError:  # the server a killed push's cut connection crashed: start it again
        bolt.recover()
        eng = Neo4jEngine.from_env(write=True)
    with eng:
        eng.execute("MATCH (n) DETACH DELETE n")
        yield eng


def _push(ws, env, *extra) -> subprocess.CompletedProcess:
    return subprocess.run([*KG, "-q", "push", "neo4j", "-w", str(ws.path), "--batch-rows", "25",
                           *extra], env=env, capture_output=True, text=True, timeout=120)


def test_killed_push_then_a_full_one_equals_a_clean_push(engine, bolt, big_workspace):
    """Kill `kg push neo4j` (SIGKILL) at a random point, push again: the graph equals a clean push's.

    Three rounds, killed right after the first write and then a random while after it; the kills land in
    the schema, node or relation batches depending on the draw.
    """
    ws, graph = big_workspace
    env = _env(bolt)
    started = time.monotonic()
    done = _push(ws, env)
    clean_seconds = time.monotonic() - started
    assert done.returncode == 0, done.stderr
    clean = snapshot(engine)
    assert engine.counts() == graph.counts()
    rng = random.Random(8)
    partial = []
    # the first round kills right after the first write (a kill that lands mid-push even on a
    # loaded machine, where start-up dominates clean_seconds); the others at a random while
    for delay in (0.0, rng.uniform(0.0, 0.3), rng.uniform(0.0, 0.3)):
        engine.execute("MATCH (n) DETACH DELETE n")
        process = subprocess.Popen([*KG, "-q", "push", "neo4j", "-w", str(ws.path),
                                    "--batch-rows", "25"], env=env, stdout=subprocess.DEVNULL,
                                   stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + 30
        while process.poll() is None and time.monotonic() < deadline:
            if engine.read_raw("MATCH (n) RETURN count(n)")[1][0][0]:
                break
            time.sleep(0.01)
        time.sleep(delay * clean_seconds)
        if process.poll() is None:
            os.kill(process.pid, signal.SIGKILL)
        process.wait(timeout=10)
        partial.append(engine.counts())
        done = _push(ws, env)
        assert done.returncode == 0, done.stderr
        assert engine.counts() == graph.counts()
        assert snapshot(engine) == clean
    assert any(c != graph.counts() for c in partial), "no kill landed mid-push"
    assert bolt.alive()


class DroppingProxy:
    """A TCP proxy to the Bolt server that cuts every connection after ``limit`` bytes upstream.

    With ``once``, only the first connection that passes the limit is cut, and later ones
    pass through (a blip the driver's retries should ride out); without it, the proxy
    stops accepting once it has cut (a server gone for good).
    """

    def __init__(self, target_port: int, limit: int, *, once: bool):
        self.target = ("127.0.0.1", target_port)
        self.limit, self.once = limit, once
        self.cuts = 0
        self.listener = socket.create_server(("127.0.0.1", free_port()))
        self.port = self.listener.getsockname()[1]
        self.sent = 0
        self.closed = False
        self.thread = threading.Thread(target=self._accept, daemon=True)
        self.thread.start()

    def _accept(self):
        while not self.closed:
            try:
                client, _ = self.listener.accept()
            except OSError:
                return
            if self.cuts and not self.once:
                client.close()
                continue
            upstream = socket.create_connection(self.target)
            threading.Thread(target=self._pipe, args=(client, upstream, True), daemon=True).start()
            threading.Thread(target=self._pipe, args=(upstream, client, False), daemon=True).start()

    def _cut(self) -> bool:
        """Past the limit: cut this connection (True), or let it pass (False)."""
        if self.once and self.cuts:
            return False
        self.cuts += 1
        if not self.once:
            self.listener.close()
        return True

    def _pipe(self, src, dst, counted):
        try:
            while True:
                data = src.recv(65536)
                if not data:
                    break
                if counted:
                    self.sent += len(data)
                    if self.sent > self.limit and self._cut():
                        break
                dst.sendall(data)
        except OSError:
            pass
        for sock in (src, dst):
            try:
                sock.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass
            sock.close()

    def close(self):
        self.closed = True
        try:
            self.listener.close()
        except OSError:
            pass


@pytest.fixture(scope="module")
def pushed_bytes(bolt_server, big_workspace) -> int:
    """Bytes a client sends upstream during a full push (measured through a proxy that never cuts)."""
    ws, _ = big_workspace
    proxy = DroppingProxy(int(bolt_server.uri.rsplit(":", 1)[1]), 1 << 40, once=True)
    try:
        done = _push(ws, _env(bolt_server, NEO4J_URI=f"bolt://127.0.0.1:{proxy.port}"))
        assert done.returncode == 0, done.stderr
        return proxy.sent
    finally:
        proxy.close()


def test_server_gone_mid_push_is_one_clear_error(big_workspace, pushed_bytes):
    """The server drops the connection half way and stays away: one message, exit 1, no traceback, no secret."""
    ws, _ = big_workspace
    server = start(password=SECRET)
    try:
        proxy = DroppingProxy(int(server.uri.rsplit(":", 1)[1]), pushed_bytes // 2, once=False)
        try:
            env = _env(server, NEO4J_URI=f"bolt://127.0.0.1:{proxy.port}", KG_NEO4J_TIMEOUT="3")
            done = _push(ws, env)
        finally:
            proxy.close()
    finally:
        server.stop()
    assert proxy.cuts >= 1, done.stderr[-2000:]
    assert done.returncode == 1, done.stderr[-2000:]
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("kg: error:"), done.stderr[-2000:]
    assert "Traceback" not in done.stderr and SECRET not in done.stderr + done.stdout


def test_connection_blip_is_retried_and_the_push_completes(engine, bolt, big_workspace,
                                                           pushed_bytes):
    """One connection cut mid-push: the driver retries that batch and the graph is complete."""
    ws, graph = big_workspace
    engine.execute("MATCH (n) DETACH DELETE n")
    proxy = DroppingProxy(int(bolt.uri.rsplit(":", 1)[1]), pushed_bytes // 2, once=True)
    try:
        done = _push(ws, _env(bolt, NEO4J_URI=f"bolt://127.0.0.1:{proxy.port}"))
    finally:
        proxy.close()
    assert proxy.cuts == 1
    assert done.returncode == 0, done.stderr[-2000:]
    assert engine.counts() == graph.counts()


def test_credentials_in_the_uri_are_never_echoed(tmp_path):
    """NEO4J_URI with user:password@ and no server: one message without the secret, exit 1."""
    ws = Workspace(tmp_path / "ws")
    ws.save(hostile_graph(), [])
    env = {"NEO4J_URI": f"bolt://admin:{SECRET}@127.0.0.1:{free_port()}",
           "NEO4J_PASSWORD": SECRET, "KG_NEO4J_TIMEOUT": "2"}
    out = CliRunner(env=env).invoke(cli, ["push", "neo4j", "-w", str(ws.path)])
    assert out.exit_code == 1
    assert out.stderr.startswith("kg: error:") and len(out.stderr.strip().splitlines()) == 1
    assert SECRET not in out.output and "Traceback" not in out.output


# ---------------------------------------------------------------------------- read-only queries
HIDDEN_WRITES = [
    "match (z:Zone) set z.name = 'pwned'",                                 # lower case
    "MATCH (z:Zone)SET z.name='pwned'",                                    # no spaces
    "MATCH (z:Zone)\u00a0SET z.name = 'pwned'",                            # no-break space
    "MATCH (z:Zone) /* a comment */ SET z.name = 'pwned'",
    "MATCH (z:Zone) WITH z, 'it''s' AS s SET z.name = 'pwned'",
    "RETURN 'a\\' CREATE (:Zone {id: 'Zone/q', name: 'q'}) //'",          # read as a string only if \\' escapes
    "RETURN \"a\\\" CREATE (:Zone {id: 'Zone/q', name: 'q'}) //\"",
    "FOREACH (x IN [1] | CREATE (:Zone {id: 'Zone/f', name: 'f'}))",
    "MATCH (z:Zone) CALL { WITH z SET z.name = 'pwned' } RETURN count(*) AS n",
    "UNWIND [1] AS x MERGE (:Zone {id: 'Zone/m', name: 'm'})",
    "MATCH (z:Zone) REMOVE z.name",
    "LOAD CSV FROM 'file:///etc/hostname' AS row RETURN row",
    "CALL db.idx.fulltext.createNodeIndex('Zone', 'name')",
    "CALL `db`.`idx`.fulltext.createNodeIndex('Zone', 'name')",
    "CALL dbms.setConfigValue('x', 'y')",
    "MATCH (z:Zone) RETURN z.name AS name; MATCH (z:Zone) DETACH DELETE z",
]
HARMLESS_READS = [
    "MATCH (z:Zone) WHERE z.name <> 'CREATE (n) SET n.x = 1' RETURN count(z) AS n",
    "MATCH (z:Zone) // SET z.name = 'pwned'\nRETURN count(z) AS n",
    "MATCH (z:Zone) RETURN count(z) AS `DELETE`",
    "MATCH (c:Chain)-[r:HAS_LINK]->(l:Link) RETURN l.name AS link, r.set AS `set`, $set AS p",
    "CALL db.labels() YIELD label RETURN count(label) AS n",
]


def test_hidden_writes_are_refused_without_write(engine, bolt):
    """A write clause hidden by case, spacing, comments, quotes, subqueries or procedures is refused
    without --write, before it reaches the server (FalkorDB ignores the READ access mode)."""
    from kg.stores.neo4j import push

    push(hostile_graph(), engine)
    before = snapshot(engine)
    outcomes = {}
    for statement in HIDDEN_WRITES:
        out = CliRunner(env=bolt.env()).invoke(cli, ["cypher", "--neo4j", statement])
        outcomes[statement] = (out.exit_code, out.stderr.startswith("kg: error:"),
                               "--write" in out.stderr, "Traceback" in out.output)
    assert {s: o for s, o in outcomes.items() if o != (1, True, True, False)} == {}
    assert snapshot(engine) == before


def test_reads_that_mention_write_words_still_run(engine, bolt):
    """Write words inside strings, comments, quoted names, property keys or parameter names do not
    block a read (a bare variable named `set` does: quote it)."""
    from kg.stores.neo4j import push

    push(hostile_graph(), engine)
    failed = {}
    for statement in HARMLESS_READS:
        out = CliRunner(env=bolt.env()).invoke(cli, ["cypher", "--neo4j", "-f", "json", statement,
                                                     "-p", "set=1"])
        if out.exit_code != 0 or not json.loads(out.stdout):
            failed[statement] = out.output
    assert failed == {}


def test_a_parameter_too_large_for_falkordb_is_refused(engine, bolt):
    """`kg cypher --neo4j -p x=<5 KB>` is refused before it is sent: FalkorDB would abort, and a
    3 KB parameter still answers."""
    runner = CliRunner(env=bolt.env())
    out = runner.invoke(cli, ["cypher", "--neo4j", "RETURN size($x) AS n", "-p", "x=" + "量" * 1700])
    assert out.exit_code == 1 and "bytes" in out.stderr and "Traceback" not in out.output
    assert bolt.alive()
    out = runner.invoke(cli, ["cypher", "--neo4j", "-f", "json", "RETURN size($x) AS n",
                              "-p", "x=" + "量" * 1000])
    assert out.exit_code == 0, out.output
    assert json.loads(out.stdout) == [{"n": 1000}] and bolt.alive()


def test_an_unreadable_server_error_is_one_message(engine, bolt):
    """FalkorDB cuts an error message inside a Chinese character; the user still gets one line."""
    out = CliRunner(env=bolt.env()).invoke(cli, ["cypher", "--neo4j", "MATCH (n) RETURN n.名称 AS x"])
    assert out.exit_code == 1 and out.stderr.startswith("kg: error:"), out.output
    assert len(out.stderr.strip().splitlines()) == 1 and "Traceback" not in out.output
    out = CliRunner(env=bolt.env()).invoke(cli, ["cypher", "--neo4j", "-f", "json",
                                                 "MATCH (n) RETURN n.`名称` AS x LIMIT 1"])
    assert out.exit_code == 0, out.output


class FreezingProxy(DroppingProxy):
    """A proxy that, past ``limit`` bytes upstream, forwards nothing more but keeps every
    connection open: to the client the server has frozen mid-push."""

    def __init__(self, target_port: int, limit: int):
        self.release = threading.Event()
        super().__init__(target_port, limit, once=True)

    def _cut(self) -> bool:
        self.cuts += 1
        self.release.wait(300)  # hold the connection, answer nothing
        return True

    def close(self):
        self.release.set()
        super().close()


def test_a_frozen_server_mid_push_is_one_clear_error(big_workspace, pushed_bytes, bolt_server):
    """A server that stops answering half way through `kg push` (connection open, no reply):
    exit 1 within the read timeout, one message naming it, no traceback — not a hang."""
    ws, _ = big_workspace
    proxy = FreezingProxy(int(bolt_server.uri.rsplit(":", 1)[1]), pushed_bytes // 2)
    started = time.monotonic()
    try:
        env = _env(bolt_server, NEO4J_URI=f"bolt://127.0.0.1:{proxy.port}",
                   KG_NEO4J_READ_TIMEOUT="3")
        done = _push(ws, env)
    finally:
        proxy.close()
    assert proxy.cuts >= 1
    assert done.returncode == 1 and time.monotonic() - started < 60, done.stderr[-2000:]
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("kg: error:"), done.stderr[-2000:]
    assert "did not answer within 3 s" in lines[0] and "kg push neo4j` again" in lines[0]


def test_a_stopped_server_times_out_a_query(monkeypatch):
    """FalkorDB stopped with SIGSTOP after the connection is made: a query is refused after the
    read timeout with a clear EngineError, and closing the engine does not hang either."""
    from kg.errors import EngineError

    server = start()
    try:
        for key, value in server.env(KG_NEO4J_READ_TIMEOUT="2", KG_NEO4J_TIMEOUT="4").items():
            monkeypatch.setenv(key, value)
        engine = Neo4jEngine.from_env()
        assert engine.run("RETURN 1 AS x")[1] == [{"x": 1}]
        os.kill(server.process.pid, signal.SIGSTOP)
        try:
            started = time.monotonic()
            with pytest.raises(EngineError, match="did not answer within 2 s"):
                engine.run("RETURN 2 AS x")
            engine.close()
            assert time.monotonic() - started < 10
        finally:
            os.kill(server.process.pid, signal.SIGCONT)
    finally:
        server.stop()


def test_a_database_name_falkordb_ignores_is_reported(bolt):
    """NEO4J_DATABASE set against FalkorDB (which ignores it): the answer comes, and stderr says so."""
    out = CliRunner(env=bolt.env(NEO4J_DATABASE="other")).invoke(
        cli, ["cypher", "--neo4j", "RETURN 1 AS x", "-f", "json"])
    assert out.exit_code == 0, out.output
    assert json.loads(out.stdout) == [{"x": 1}]
    assert "NEO4J_DATABASE=other is ignored" in out.stderr


def test_a_bad_timeout_setting_is_a_clear_error(bolt):
    """KG_NEO4J_READ_TIMEOUT that is not a positive number: exit 1 naming the variable."""
    out = CliRunner(env=bolt.env(KG_NEO4J_READ_TIMEOUT="soon")).invoke(
        cli, ["cypher", "--neo4j", "RETURN 1 AS x"])
    assert out.exit_code == 1 and "KG_NEO4J_READ_TIMEOUT='soon'" in out.stderr


def test_a_listener_that_never_answers_is_one_clear_error(tmp_path):
    """A TCP listener that accepts and never speaks Bolt: `kg push` gives up after about
    KG_NEO4J_TIMEOUT with one message (no hang)."""
    ws = Workspace(tmp_path / "ws")
    ws.save(hostile_graph(), [])
    listener = socket.create_server(("127.0.0.1", 0))
    held = []
    stop = threading.Event()

    def accept():
        listener.settimeout(0.2)
        while not stop.is_set():
            try:
                held.append(listener.accept()[0])
            except OSError:
                continue
    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    started = time.monotonic()
    try:
        env = {"NEO4J_URI": f"bolt://127.0.0.1:{listener.getsockname()[1]}",
               "NEO4J_USERNAME": "x", "NEO4J_PASSWORD": "y", "KG_NEO4J_TIMEOUT": "2"}
        out = CliRunner(env=env).invoke(cli, ["push", "neo4j", "-w", str(ws.path)])
    finally:
        stop.set()
        thread.join()
        for sock in held:
            sock.close()
        listener.close()
    assert out.exit_code == 1 and time.monotonic() - started < 30, out.output
    assert out.stderr.startswith("kg: error:") and "within 2 s" in out.stderr
