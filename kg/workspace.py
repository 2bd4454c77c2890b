"""A workspace: the built graph on disk, with a manifest of what it was built from.

Layout of ``kg-workspace/``::

    CURRENT           name of the live generation (replaced atomically)
    .lock             held while a build writes
    gen-<stamp>/      one generation: manifest.json, index/ (the answer index, which
                      holds the whole graph; kg.index), cypher/ (embedded store),
                      graph.trig (canonical RDF, derived); graph.bin (the whole graph
                      in one file) only when saved without the index

A build writes a new generation beside the live one and then swaps ``CURRENT``, so a
build killed at any point — or refused, see :func:`kg.build.build` — leaves the previous
workspace readable and unchanged.

A reader holds the generations it opened (a shared ``flock`` on the generation's
directory, for the life of its :class:`Workspace`); a build deletes an old generation
only when it can take that lock exclusively, else a later build collects it.

The manifest records the SHA-256 of every file of the generation; each file is checked
against it before it is read, and graph files are read with ``marshal`` only (never
pickle), so a crafted or foreign file is refused, not run.
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
import fcntl
import marshal
import os
import sys
import shutil
import time
import weakref
from contextlib import contextmanager
from pathlib import Path

from kg import __version__
from kg.atomic import atomic_path, write_text
from kg.errors import WorkspaceError
from kg.gc_pause import gc_paused, settle
from kg.graph import KnowledgeGraph
from kg.memory_budget import check_whole_graph_fits
from kg.progress import stage

DEFAULT = "kg-workspace"
FORMAT_VERSION = 5  # 2: graph.bin (marshal) replaced graph.pickle; 3: file hashes, no pickle;
# 4: the answer index keeps heads of local rows and binary digests; 5: each place's count
# and best firms, the bulk firms' degree into core nodes
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


# Hashes already computed, keyed by file identity and change stamps, kept outside any
# workspace (in the user's cache folder): a workspace's writer cannot forge them, and the
# kernel's ctime changes with every change to a file, which no user call can set back.
_VERIFIED: dict | None = None
SETTLED_NS = 2_000_000_000  # remember a hash only of a file unchanged for 2 s before it


def _verified_path() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "kg" / "verified.json"


def verified_sha256(path) -> str:
    """SHA-256 of a file, from the user's hash cache when the file is unchanged since.

    A cached hash counts only while the file's device, inode, size, mtime and ctime are
    those seen when it was hashed, and only if the file had not changed for
    ``SETTLED_NS`` before (so a change within the clock's granularity is not missed).
    """
    global _VERIFIED
    stat = os.stat(path)
    key = f"{stat.st_dev}:{stat.st_ino}"
    stamp = [stat.st_size, stat.st_mtime_ns, stat.st_ctime_ns]
    if _VERIFIED is None:
        try:
            _VERIFIED = json.loads(_verified_path().read_text(encoding="utf-8"))
        except (OSError, ValueError):
            _VERIFIED = {}
    held = _VERIFIED.get(key)
    if isinstance(held, list) and held[:3] == stamp:
        return held[3]
    digest = file_sha256(path)
    if time.time_ns() - stat.st_ctime_ns > SETTLED_NS:
        _VERIFIED[key] = [*stamp, digest]
        _save_verified()
    return digest


def _save_verified() -> None:
    """Write the hash cache (at most 4096 entries, newest kept); a failure only costs time."""
    global _VERIFIED
    _VERIFIED = dict(list(_VERIFIED.items())[-4096:])
    target = _verified_path()
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        write_text(target, json.dumps(_VERIFIED))
    except OSError:
        pass


def input_record(path, kind: str) -> dict:
    """What the manifest says of one input file (its hash remembered, so the first
    command after a build does not hash a 1.6 GB registry again: 6–30 s at 10M firms)."""
    path = Path(path)
    return {"name": path.name, "path": str(path.resolve()), "kind": kind,
            "sha256": verified_sha256(path), "bytes": path.stat().st_size}


GRAPH_FILE = "graph.bin"
_MAGIC = b"KGGRAPH "


def _dump_graph(graph: KnowledgeGraph, path: Path) -> str:
    """Write ``graph`` to ``path`` as marshal data; returns the file's SHA-256.

    marshal writes networkx's plain dicts twice as fast as pickle writes the graph (and
    keeps the edge dicts shared between successors and predecessors); its format is
    Python's own, so the header names the Python that wrote it. A date becomes its ISO
    text (as the registry loader writes dates); any other value marshal cannot write is
    a WorkspaceError: nothing is ever pickled, so nothing is ever unpickled.
    """
    g = graph.nx
    state = {"graph": g.graph, "node": g._node, "succ": g._succ, "pred": g._pred,
             "index": graph._index}
    try:
        payload = marshal.dumps(state, 4)
    except ValueError:
        _plain_dates(graph)
        try:
            payload = marshal.dumps(state, 4)
        except ValueError as err:
            raise WorkspaceError(f"the graph holds a value kg cannot store ({err}); "
                                 f"use strings, numbers, booleans, lists or dicts") from None
    header = _MAGIC + b"marshal " + _python().encode() + b"\n"
    with open(path, "wb") as handle:
        handle.write(header)
        handle.write(payload)
    digest = hashlib.sha256(header)
    digest.update(payload)
    return digest.hexdigest()


def _plain_dates(graph: KnowledgeGraph) -> None:
    """Replace date and datetime property values by their ISO text, in place."""
    import datetime

    def fix(data: dict) -> None:
        for key, value in data.items():
            if isinstance(value, (datetime.date, datetime.datetime)):
                data[key] = value.isoformat()
    for _, data in graph.nx.nodes(data=True):
        fix(data)
    for _, _, data in graph.nx.edges(data=True):
        fix(data)


def _python() -> str:
    return "py%d.%d" % sys.version_info[:2]


def _load_graph(path: Path) -> KnowledgeGraph:
    """The graph of a ``graph.bin`` whose hash the caller has checked (marshal only)."""
    with open(path, "rb") as handle, gc_paused():
        header = handle.readline()
        parts = header[len(_MAGIC):].split()
        if not header.startswith(_MAGIC) or len(parts) != 2 or parts[0] != b"marshal":
            raise WorkspaceError(f"{path} is not a kg graph file (kg reads only its own "
                                 f"marshal format): run `kg build` again")
        python = parts[1].decode("ascii", "replace")
        if python != _python():
            raise WorkspaceError(f"{path} was written by Python {python[2:]}, this is "
                                 f"Python {_python()[2:]}: run `kg build` again")
        # marshal.load reads a file in many small calls: one read and loads is 3x faster
        try:
            state = marshal.loads(handle.read())
            graph = KnowledgeGraph()
            g = graph.nx
            g.graph.update(state["graph"])
            g._node, g._succ, g._pred = state["node"], state["succ"], state["pred"]
        except (ValueError, EOFError, TypeError, KeyError) as err:
            raise WorkspaceError(f"{path} is damaged ({type(err).__name__}): "
                                 f"run `kg build` again") from None
    settle()  # later collections skip the loaded graph
    g._adj = g._succ  # networkx's DiGraph aliases these
    graph._index = state["index"]
    return graph


def generation_files(folder: Path, known: dict | None = None) -> dict:
    """SHA-256 of every file under a generation folder (by relative path), manifest aside.

    ``known`` hashes (computed while writing) are taken as they are.
    """
    found = dict(known or {})
    for path in sorted(folder.rglob("*")):
        rel = path.relative_to(folder).as_posix()
        if (path.is_file() and path.name != "manifest.json" and not path.name.startswith(".")
                and rel not in found):
            found[rel] = verified_sha256(path)  # a file settled by now is remembered
    return found


# graph -> the generation folder it was loaded from (so a derived file goes beside it)
_LOADED_FROM: "weakref.WeakKeyDictionary" = weakref.WeakKeyDictionary()


class Workspace:
    """A workspace directory: save a built graph, load it back, check it is current."""

    def __init__(self, path=None):
        self.path = default_path(path)
        self._leases: dict = {}  # generation name -> directory fd holding a shared flock

    # ------------------------------------------------------------------ paths
    @property
    def current(self) -> Path:
        """The directory of the live generation (a WorkspaceError if there is none).

        The generation is leased: no build deletes it while this Workspace lives.
        """
        marker = self.path / "CURRENT"
        for _ in range(50):  # a build may swap CURRENT and collect between two reads
            if not marker.is_file():
                raise WorkspaceError(
                    f"no workspace at {self.path}: run `kg build` first "
                    f"(or pass --workspace / set KG_WORKSPACE)")
            gen = self.path / marker.read_text(encoding="utf-8").strip()
            if self._lease(gen):
                break
        else:
            raise WorkspaceError(f"workspace {self.path} keeps changing under this reader; "
                                 f"try again when the build has finished")
        if not (gen / "manifest.json").is_file():
            raise WorkspaceError(f"workspace {self.path} is damaged ({gen.name} has no manifest): "
                                 f"run `kg build` again")
        return gen

    def _lease(self, gen: Path) -> bool:
        """Hold a shared lock on ``gen``; False when it vanished meanwhile (look again)."""
        if gen.name in self._leases:
            return True
        try:
            fd = os.open(gen, os.O_RDONLY | os.O_DIRECTORY)
        except (FileNotFoundError, NotADirectoryError):
            return not (self.path / "CURRENT").is_file()  # no workspace: let current say so
        fcntl.flock(fd, fcntl.LOCK_SH)
        try:
            same = os.path.samestat(os.fstat(fd), os.stat(gen))
        except FileNotFoundError:
            same = False
        if not same:  # collected between the open and the lock
            os.close(fd)
            return False
        self._leases[gen.name] = fd
        return True

    def release(self) -> None:
        """Let builds collect the generations this Workspace has read."""
        for fd in self._leases.values():
            os.close(fd)
        self._leases.clear()

    def __del__(self):
        try:
            self.release()
        except Exception:  # noqa: BLE001 — interpreter shutdown
            pass

    def file(self, name: str, *, graph: KnowledgeGraph | None = None) -> Path:
        """A file of the live generation, e.g. ``graph.trig`` or ``cypher``, checked against
        the manifest's hashes.

        A derived file (``graph.trig``) is written on first use, atomically, from
        ``graph`` when the caller has loaded it already (into the generation that graph
        came from), else from the workspace. A derived file whose hash does not match is
        written again.
        """
        gen = _LOADED_FROM.get(graph) if graph is not None else None
        if gen is None or gen.name not in self._leases:
            gen = self.current
        path = gen / name
        if name in DERIVED:
            if not (path.exists() and self._matches(gen, name)):
                self._derive(gen, name, graph)
            return path
        if name != "manifest.json":  # the record itself (JSON, read as data)
            self.verify(gen, name)
        return path

    def _manifest_files(self, gen: Path) -> dict:
        manifest = json.loads((gen / "manifest.json").read_text(encoding="utf-8"))
        files = manifest.get("files")
        if not isinstance(files, dict):
            raise WorkspaceError(f"workspace {self.path} was written by an older kg (format "
                                 f"{manifest.get('format')}, no file hashes): run `kg build` again")
        return files

    def _matches(self, gen: Path, name: str) -> bool:
        expected = self._manifest_files(gen).get(name)
        return expected is not None and verified_sha256(gen / name) == expected

    def verify(self, gen: Path, name: str) -> None:
        """Check ``name`` (a file, or every file under a folder) against the manifest.

        A file that is missing, extra or different is a WorkspaceError before any of it
        is read.
        """
        files = self._manifest_files(gen)
        prefix = name.rstrip("/") + "/"
        wanted = {k: v for k, v in files.items() if k == name or k.startswith(prefix)}
        target = gen / name
        present = ({name} if target.is_file() else
                   {p.relative_to(gen).as_posix() for p in target.rglob("*")
                    if p.is_file() and not p.name.startswith(".")} if target.is_dir() else set())
        if not wanted:
            raise WorkspaceError(f"{target} is not recorded in the manifest: run `kg build` again")
        for rel in sorted(present | set(wanted)):
            if rel not in wanted or rel not in present or verified_sha256(gen / rel) != wanted[rel]:
                raise WorkspaceError(f"{gen / rel} does not match the hash in "
                                     f"{gen.name}/manifest.json (changed, added or replaced "
                                     f"since the build); it is not read: run `kg build` again")

    def _derive(self, gen: Path, name: str, graph: KnowledgeGraph | None) -> None:
        from kg import rdf

        source = graph if graph is not None else self._load_from(gen)
        with atomic_path(gen / name) as tmp:
            with open(tmp, "wb") as handle:
                rdf.write_handle(source, handle, DERIVED[name])
            digest = file_sha256(tmp)
        self._record_file(gen, name, digest)

    def _record_file(self, gen: Path, name: str, digest: str | None = None) -> None:
        """Record the hash of ``name`` (a file, or every file of a folder when ``digest`` is
        None) in the generation's manifest, atomically: after a derived file is written,
        or after ``kg cypher --write`` changed the store."""
        with open(gen / "manifest.json", "r+", encoding="utf-8") as handle:
            fcntl.flock(handle, fcntl.LOCK_EX)
            manifest = json.load(handle)
            files = manifest.setdefault("files", {})
            if digest is None:
                prefix = name.rstrip("/") + "/"
                for key in [k for k in files if k.startswith(prefix)]:
                    del files[key]
                files.update({f"{prefix}{k}": v for k, v in generation_files(gen / name).items()})
            else:
                files[name] = digest
            write_text(gen / "manifest.json",
                       json.dumps(manifest, ensure_ascii=False, indent=2, sort_keys=True))

    def record_changed(self, folder: Path) -> None:
        """Record the new hashes of a generation's folder its owner changed on purpose
        (``kg cypher --write`` on the embedded store)."""
        folder = Path(folder)
        self._record_file(folder.parent, folder.name)

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
        its own work runs outside Python; one marked ``holds_graph`` (the answer index)
        writes files the whole graph loads from, and then no ``graph.bin`` is written.
        Old generations no reader holds are deleted.
        """
        with self.lock():
            for leftover in [*self.path.glob("*.partial"), *self.path.glob("*.trash")]:
                shutil.rmtree(leftover, ignore_errors=True)  # from a build that was killed
            stamp = f"gen-{time.strftime('%Y%m%d%H%M%S')}-{os.getpid()}-{time.monotonic_ns() % 10**6}"
            tmp = self.path / (stamp + ".partial")
            tmp.mkdir(parents=True)
            try:
                files = self._write_generation(graph, tmp, extra_writers)
                manifest = {
                    "kg_version": __version__, "format": FORMAT_VERSION,
                    "built": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
                    "inputs": inputs, "options": options or {}, "counts": graph.counts(),
                    "report": report or [], "files": files,
                }
                (tmp / "manifest.json").write_text(
                    json.dumps(manifest, ensure_ascii=False, indent=2, sort_keys=True), encoding="utf-8")
                os.replace(tmp, self.path / stamp)
                write_text(self.path / "CURRENT", stamp)
            except BaseException:
                shutil.rmtree(tmp, ignore_errors=True)
                raise
            self.release()  # the builder moves on to the generation it wrote
            self.collect(keep=stamp)
            if getattr(graph, "bulk", None) is None:  # a streamed build's graph is not whole
                _LOADED_FROM[graph] = self.path / stamp
            return manifest

    @staticmethod
    def _write_generation(graph: KnowledgeGraph, tmp: Path, extra_writers) -> dict:
        """Write the graph file and the writers' files into ``tmp``; returns their hashes."""
        dumped = {}

        def dump():
            dumped[GRAPH_FILE] = _dump_graph(graph, tmp / GRAPH_FILE)
        # a writer that holds the whole graph (the answer index) makes graph.bin a third
        # copy of every firm: at 1M firms 553 MB of disk, and as much memory while it is
        # marshalled; the graph is then loaded from that writer's files
        wanted = not any(getattr(writer, "holds_graph", False) for writer in extra_writers)
        for writer in extra_writers:
            # a writer whose tail runs outside Python (LadybugDB's COPY) takes the
            # graph dump along, to run while it waits
            with stage(getattr(writer, "label", writer.__name__)):
                if wanted and not dumped and getattr(writer, "runs_beside", False):
                    writer(graph, tmp, meanwhile=dump)
                else:
                    writer(graph, tmp)
        if wanted and not dumped:
            dump()
        with stage("校验文件"):
            return generation_files(tmp, dumped)

    def collect(self, keep: str) -> list:
        """Delete every generation but ``keep`` that no reader holds; returns those kept."""
        held = []
        for old in self.path.glob("gen-*"):
            if old.name == keep or "." in old.name or not old.is_dir():
                continue  # the live one, or a .partial / .trash folder cleaned elsewhere
            fd = os.open(old, os.O_RDONLY | os.O_DIRECTORY)
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except OSError:
                held.append(old.name)  # a reader is on it; a later build collects it
                os.close(fd)
                continue
            trash = old.with_name(old.name + ".trash")
            os.replace(old, trash)  # readers that open it from now on find it gone
            os.close(fd)
            shutil.rmtree(trash, ignore_errors=True)
        return held

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
            if path.is_file() and verified_sha256(path) != item["sha256"]:
                reasons.append(f"{item['name']} has changed since the build")
        return reasons

    def load(self, *, check: bool = True) -> KnowledgeGraph:
        """The workspace's graph; a missing, stale or altered workspace, or one too big for the
        memory available (kg.memory_budget), raises WorkspaceError."""
        gen = self.current
        if check:
            self.check_current()
        counts = self.manifest().get("counts") or {}
        check_whole_graph_fits(sum((counts.get("nodes") or {}).values()),
                               sum((counts.get("relations") or {}).values()), self.path)
        return self._load_from(gen)

    def check_current(self) -> None:
        """Raise WorkspaceError when the workspace is stale (an input changed since the build)."""
        reasons = self.stale_reasons()
        if reasons:
            raise WorkspaceError(f"workspace {self.path} is stale: {'; '.join(reasons)}; "
                                 f"run `kg build` again")

    def records(self) -> tuple:
        """(node records, relation records) of the live graph, as ``KnowledgeGraph.node_records``
        and ``edge_records`` give them: streamed from the answer index when the generation
        has one (one chunk of firms in memory at a time), else from the loaded graph."""
        from kg.index_read import iter_records

        gen = self.indexed_generation()
        if gen is not None:
            return iter_records(gen)
        graph = self._load_from(self.current)
        return graph.node_records(), graph.edge_records()

    def indexed_generation(self) -> Path | None:
        """The live generation when it keeps its whole graph in its answer index (checked:
        current, hashes of the index's files), for writers that stream from it; else None."""
        gen = self.current
        self.check_current()
        return gen if self._whole_in_index(gen) else None

    def _whole_in_index(self, gen: Path) -> bool:
        """True (after checking the index's hashed files) when ``gen`` keeps its whole graph
        in its answer index rather than in a graph.bin."""
        from kg import index
        from kg.index_read import has_index

        if GRAPH_FILE in self._manifest_files(gen) or not has_index(gen):
            return False
        self.verify(gen, f"{index.INDEX_DIR}/core.bin")
        self.verify(gen, f"{index.INDEX_DIR}/{index.DIGESTS}")
        return True

    def _load_from(self, gen: Path) -> KnowledgeGraph:
        from kg.index_read import load_whole

        if self._whole_in_index(gen):  # a build's generation
            graph = load_whole(gen)
            _LOADED_FROM[graph] = gen
            return graph
        self.verify(gen, GRAPH_FILE)
        graph = _load_graph(gen / GRAPH_FILE)
        _LOADED_FROM[graph] = gen
        return graph
