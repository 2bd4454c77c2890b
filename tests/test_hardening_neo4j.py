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
from kg.stores.fixtures import generated_graph, hand_graph
from kg.stores.neo4j import Neo4jEngine
from kg.workspace import Workspace
from tests.bolt_server import bolt, bolt_server, free_port, start  # noqa: F401  (fixtures)

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
    with Neo4jEngine.from_env(write=True) as eng:
        eng.execute("MATCH (n) DETACH DELETE n")
        yield eng


def _push(ws, env, *extra) -> subprocess.CompletedProcess:
    return subprocess.run([*KG, "-q", "push", "neo4j", "-w", str(ws.path), "--batch-rows", "25",
                           *extra], env=env, capture_output=True, text=True, timeout=120)


def test_killed_push_then_a_full_one_equals_a_clean_push(engine, bolt, big_workspace):
    """Kill `kg push neo4j` (SIGKILL) at a random point, push again: the graph equals a clean push's.

    Three rounds, each killed a random while after its first write; the kills land in
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
    for _ in range(3):
        engine.execute("MATCH (n) DETACH DELETE n")
        process = subprocess.Popen([*KG, "-q", "push", "neo4j", "-w", str(ws.path),
                                    "--batch-rows", "25"], env=env, stdout=subprocess.DEVNULL,
                                   stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + 30
        while process.poll() is None and time.monotonic() < deadline:
            if engine.read_raw("MATCH (n) RETURN count(n)")[1][0][0]:
                break
            time.sleep(0.01)
        time.sleep(rng.uniform(0.0, 0.3) * clean_seconds)
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

    def _pipe(self, src, dst, counted):
        try:
            while True:
                data = src.recv(65536)
                if not data:
                    break
                if counted:
                    self.sent += len(data)
                    if self.sent > self.limit and (not self.once or self.cuts == 0):
                        self.cuts += 1
                        if not self.once:
                            self.listener.close()
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


@pytest.mark.xfail(strict=True, reason="a connection lost mid-push escapes as a driver exception "
                   "(ServiceUnavailable/SessionExpired) with a traceback, not one EngineError: "
                   "kg/stores/neo4j.py Neo4jEngine.execute / push")
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
    ws.save(hand_graph(), [])
    env = {"NEO4J_URI": f"bolt://admin:{SECRET}@127.0.0.1:{free_port()}",
           "NEO4J_PASSWORD": SECRET, "KG_NEO4J_TIMEOUT": "2"}
    out = CliRunner(env=env).invoke(cli, ["push", "neo4j", "-w", str(ws.path)])
    assert out.exit_code == 1
    assert out.stderr.startswith("kg: error:") and len(out.stderr.strip().splitlines()) == 1
    assert SECRET not in out.output and "Traceback" not in out.output
