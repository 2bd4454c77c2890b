"""A workspace: the built graph on disk, with a manifest of what it was built from.

Layout of ``kg-workspace/``::

    CURRENT           name of the live generation (replaced atomically)
    .lock             held while a build writes
    gen-<stamp>/      one generation: manifest.json, graph.bin (fast load),
                      cypher/ (embedded store), graph.trig (canonical RDF, derived)

A build writes a new generation beside the live one and then swaps ``CURRENT``, so a
build killed at any point leaves the previous workspace readable and unchanged.
``graph.trig`` is derived from the graph the first time something asks for it
(``kg export rdf``, ``kg sparql``, ``kg validate``) and kept: writing RDF for a
million firms takes longer than the rest of the build, and most builds never need it.

>>> import tempfile
>>> from kg import KnowledgeGraph
>>> ws = Workspace(tempfile.mkdtemp())
>>> g = KnowledgeGraph(); _ = g.add_entity("Region", "郑州市")
>>> ws.save(g, inputs=[])["counts"]["nodes"]
{'Region': 1}
>>> len(ws.load())
1
"""
from __future__ import annotations

import hashlib
import json
import marshal
import os
import pickle
import sys
import shutil
import time
from contextlib import contextmanager
from pathlib import Path

from kg import __version__
from kg.errors import WorkspaceError
from kg.gc_pause import gc_paused, settle
from kg.graph import KnowledgeGraph

DEFAULT = "kg-workspace"
FORMAT_VERSION = 2  # 2: graph.bin (marshal) replaced graph.pickle
DERIVED = {"graph.trig": "trig"}  # files written from the graph when first asked for


def default_path(path=None) -> Path:
    """The workspace path: the argument, else ``$KG_WORKSPACE``, else ``./kg-workspace``."""
    return Path(path or os.environ.get("KG_WORKSPACE") or DEFAULT)


def file_sha256(path) -> str:
    """SHA-256 of a file's bytes, read in blocks."""
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def input_record(path, kind: str) -> dict:
    """What the manifest says of one input file."""
    path = Path(path)
    return {"name": path.name, "path": str(path.resolve()), "kind": kind,
            "sha256": file_sha256(path), "bytes": path.stat().st_size}


GRAPH_FILE = "graph.bin"
_MAGIC = b"KGGRAPH "


def _dump_graph(graph: KnowledgeGraph, path: Path) -> None:
    # marshal writes networkx's plain dicts twice as fast as pickle writes the graph (and
    # keeps the edge dicts shared between successors and predecessors); its format is
    # Python's own, so the header names the Python that wrote it. Values marshal cannot
    # write (none of kg's own) fall back to pickle.
    g = graph.nx
    state = {"graph": g.graph, "node": g._node, "succ": g._succ, "pred": g._pred,
             "index": graph._index}
    try:
        kind, payload = b"marshal", marshal.dumps(state, 4)
    except ValueError:
        kind, payload = b"pickle", pickle.dumps(state, protocol=pickle.HIGHEST_PROTOCOL)
    with open(path, "wb") as handle:
        handle.write(_MAGIC + kind + b" " + _python().encode() + b"\n")
        handle.write(payload)


def _python() -> str:
    return "py%d.%d" % sys.version_info[:2]


def _load_graph(path: Path) -> KnowledgeGraph:
    with open(path, "rb") as handle, gc_paused():
        header = handle.readline()
        parts = header[len(_MAGIC):].split()
        if not header.startswith(_MAGIC) or len(parts) != 2:
            raise WorkspaceError(f"{path} is not a kg graph file: run `kg build` again")
        kind, python = parts[0].decode(), parts[1].decode()
        if kind == "marshal" and python != _python():
            raise WorkspaceError(f"{path} was written by Python {python[2:]}, this is "
                                 f"Python {_python()[2:]}: run `kg build` again")
        # marshal.load reads a file in many small calls: one read and loads is 3x faster
        state = marshal.loads(handle.read()) if kind == "marshal" else pickle.load(handle)
    settle()  # later collections skip the loaded graph
    graph = KnowledgeGraph()
    g = graph.nx
    g.graph.update(state["graph"])
    g._node, g._succ, g._pred = state["node"], state["succ"], state["pred"]
    g._adj = g._succ  # networkx's DiGraph aliases these
    graph._index = state["index"]
    return graph


class Workspace:
    """A workspace directory: save a built graph, load it back, check it is current."""

    def __init__(self, path=None):
        self.path = default_path(path)

    # ------------------------------------------------------------------ paths
    @property
    def current(self) -> Path:
        """The directory of the live generation (a WorkspaceError if there is none)."""
        marker = self.path / "CURRENT"
        if not marker.is_file():
            raise WorkspaceError(
                f"no workspace at {self.path}: run `kg build` first "
                f"(or pass --workspace / set KG_WORKSPACE)")
        gen = self.path / marker.read_text(encoding="utf-8").strip()
        if not (gen / "manifest.json").is_file():
            raise WorkspaceError(f"workspace {self.path} is damaged ({gen.name} has no manifest): "
                                 f"run `kg build` again")
        return gen

    def file(self, name: str, *, graph: KnowledgeGraph | None = None) -> Path:
        """A file of the live generation, e.g. ``graph.trig`` or ``cypher``.

        A derived file (``graph.trig``) is written on first use, atomically, from
        ``graph`` when the caller has loaded it already, else from the workspace.
        """
        path = self.current / name
        if name in DERIVED and not path.exists():
            self._derive(path, DERIVED[name], graph)
        return path

    def _derive(self, path: Path, fmt: str, graph: KnowledgeGraph | None) -> None:
        from kg import rdf

        rdf.write(graph if graph is not None else self.load(check=False), path, fmt)

    def exists(self) -> bool:
        """True when a built workspace is there."""
        try:
            self.current
        except WorkspaceError:
            return False
        return True

    # ------------------------------------------------------------------ writing
    @contextmanager
    def lock(self):
        """Hold the workspace's build lock; a second build refuses with a clear message."""
        import fcntl

        self.path.mkdir(parents=True, exist_ok=True)
        handle = open(self.path / ".lock", "a+", encoding="utf-8")
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            handle.seek(0)
            holder = handle.read().strip() or "another process"
            handle.close()
            raise WorkspaceError(f"workspace {self.path} is being built by {holder}; "
                                 f"wait for it to finish or use another --workspace") from None
        handle.seek(0)
        handle.truncate()
        handle.write(f"pid {os.getpid()}")
        handle.flush()
        try:
            yield
        finally:
            handle.truncate(0)
            fcntl.flock(handle, fcntl.LOCK_UN)
            handle.close()

    def save(self, graph: KnowledgeGraph, inputs: list, *, options: dict | None = None,
             extra_writers=(), report: list | None = None) -> dict:
        """Write ``graph`` as a new generation and make it live; returns the manifest.

        ``extra_writers`` are callables ``(graph, directory)`` that add files (the
        embedded Cypher store); they run before the generation goes live. A writer
        marked ``runs_beside`` takes ``meanwhile=``, the graph dump, and calls it while
        its own work runs outside Python.
        """
        with self.lock():
            for leftover in self.path.glob("*.partial"):  # from a build that was killed
                shutil.rmtree(leftover, ignore_errors=True)
            stamp = f"gen-{time.strftime('%Y%m%d%H%M%S')}-{os.getpid()}-{time.monotonic_ns() % 10**6}"
            gen = self.path / stamp
            tmp = self.path / (stamp + ".partial")
            tmp.mkdir(parents=True)
            try:
                dumped = []

                def dump():
                    _dump_graph(graph, tmp / GRAPH_FILE)
                    dumped.append(True)
                for writer in extra_writers:
                    # a writer whose tail runs outside Python (LadybugDB's COPY) takes the
                    # graph dump along, to run while it waits
                    if not dumped and getattr(writer, "runs_beside", False):
                        writer(graph, tmp, meanwhile=dump)
                    else:
                        writer(graph, tmp)
                if not dumped:
                    dump()
                manifest = {
                    "kg_version": __version__, "format": FORMAT_VERSION,
                    "built": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
                    "inputs": inputs, "options": options or {}, "counts": graph.counts(),
                    "report": report or [],
                }
                (tmp / "manifest.json").write_text(
                    json.dumps(manifest, ensure_ascii=False, indent=2, sort_keys=True), encoding="utf-8")
                os.replace(tmp, gen)
                marker = self.path / "CURRENT.tmp"
                marker.write_text(stamp, encoding="utf-8")
                os.replace(marker, self.path / "CURRENT")
            except BaseException:
                shutil.rmtree(tmp, ignore_errors=True)
                raise
            for old in self.path.glob("gen-*"):
                if old.name != stamp:
                    shutil.rmtree(old, ignore_errors=True)
            return manifest

    # ------------------------------------------------------------------ reading
    def manifest(self) -> dict:
        """The live generation's manifest."""
        return json.loads((self.current / "manifest.json").read_text(encoding="utf-8"))

    def stale_reasons(self) -> list:
        """Why the workspace no longer matches its inputs (empty when it is current)."""
        manifest = self.manifest()
        reasons = []
        if manifest.get("format") != FORMAT_VERSION:
            reasons.append(f"it was written in workspace format {manifest.get('format')}, "
                           f"this kg reads format {FORMAT_VERSION}")
        for item in manifest.get("inputs", []):
            path = Path(item["path"])
            if path.is_file() and file_sha256(path) != item["sha256"]:
                reasons.append(f"{item['name']} has changed since the build")
        return reasons

    def load(self, *, check: bool = True) -> KnowledgeGraph:
        """The workspace's graph; a missing or stale workspace raises WorkspaceError."""
        gen = self.current
        if check:
            reasons = self.stale_reasons()
            if reasons:
                raise WorkspaceError(f"workspace {self.path} is stale: {'; '.join(reasons)}; "
                                     f"run `kg build` again")
        return _load_graph(gen / GRAPH_FILE)
