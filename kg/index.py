"""The answer index: a workspace's graph split so a command loads only what it asks about.

A million registry firms make up almost all of a graph, yet one answer touches few of
them. The build writes, beside ``graph.bin``, a folder ``index/``:

- ``core.bin`` — the graph without its *bulk firms* (marshal, like ``graph.bin``): every
  zone, region, industry, chain, link, platform, project, document, every firm a document
  or target mentions, their relations, ``graph.graph`` (coverage) and their name keys;
- ``firms.db`` — SQLite: each bulk firm's node and outgoing relations (one marshal blob),
  its name keys, and which firms are on each link and in each place.

A *bulk firm* is a Firm with no incoming relation whose outgoing ones are only
LOCATED_IN, OPERATES_IN, IN_INDUSTRY or MENTIONED_IN (what a registry row gives): it
touches the rest of the graph only through core nodes, so adding a set of them back to
the core gives the exact neighbourhood the query functions read. Commands then call the
same :mod:`kg.queries` functions on that slice — one status logic, whatever the path.

>>> import tempfile
>>> from kg.stores.fixtures import generated_graph
>>> g = generated_graph(300)
>>> folder = tempfile.mkdtemp()
>>> counts = write_index(g, folder)
>>> counts["bulk_firms"] + counts["core_nodes"] == len(g), counts["bulk_firms"] > 250
(True, True)
>>> s = load_slice(folder, links=[l for l, _ in g.nodes("Link")][:1])
>>> 0 < s.counts()["nodes"]["Firm"] < 300
True
"""
from __future__ import annotations

import marshal
import sqlite3
from pathlib import Path

from kg.atomic import atomic_path
from kg.gc_pause import gc_paused, settle
from kg.graph import KnowledgeGraph

INDEX_DIR = "index"
FORMAT = 1
BULK_RELS = frozenset({"LOCATED_IN", "OPERATES_IN", "IN_INDUSTRY", "MENTIONED_IN"})
_SCHEMA = """
CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT) WITHOUT ROWID;
CREATE TABLE firm(id TEXT PRIMARY KEY, rec BLOB) WITHOUT ROWID;
CREATE TABLE firm_key(key TEXT PRIMARY KEY, id TEXT) WITHOUT ROWID;
CREATE TABLE link_firm(link TEXT, id TEXT, PRIMARY KEY(link, id)) WITHOUT ROWID;
CREATE TABLE place_firm(place TEXT, id TEXT, PRIMARY KEY(place, id)) WITHOUT ROWID;
"""
BATCH = 20_000


def is_bulk(nxg, node: str) -> bool:
    """True for a Firm reached by nothing, whose relations are all registry-shaped."""
    if nxg._node[node].get("label") != "Firm" or nxg._pred[node]:
        return False
    return all(rel in BULK_RELS for rels in nxg._succ[node].values() for rel in rels)


def write_index(graph: KnowledgeGraph, directory) -> dict:
    """Write ``directory/index/`` for ``graph``; returns counts (``bulk_firms``, ``core_nodes``)."""
    folder = Path(directory) / INDEX_DIR
    folder.mkdir(parents=True, exist_ok=True)
    nxg = graph.nx
    with gc_paused():
        bulk = {n for n in nxg._node if is_bulk(nxg, n)}
        _write_core(graph, bulk, folder / "core.bin")
        _write_firms(graph, bulk, folder / "firms.db")
    return {"bulk_firms": len(bulk), "core_nodes": len(nxg) - len(bulk)}


def _write_core(graph: KnowledgeGraph, bulk: set, path: Path) -> None:
    nxg = graph.nx
    node = {n: d for n, d in nxg._node.items() if n not in bulk}
    succ = {n: nxg._succ[n] for n in node}  # a core node's successors are all core
    pred = {n: {u: e for u, e in nxg._pred[n].items() if u not in bulk} for n in node}
    index = {k: v for k, v in graph._index.items() if v not in bulk}
    state = {"format": FORMAT, "graph": nxg.graph, "node": node, "succ": succ, "pred": pred,
             "index": index}
    with atomic_path(path) as tmp:
        tmp.write_bytes(marshal.dumps(state, 4))


def _write_firms(graph: KnowledgeGraph, bulk: set, path: Path) -> None:
    nxg = graph.nx
    path.unlink(missing_ok=True)
    db = sqlite3.connect(path)
    try:
        db.executescript("PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;" + _SCHEMA)
        db.execute("INSERT INTO meta VALUES ('format', ?)", (str(FORMAT),))
        firms, links, places = [], [], []
        for firm in sorted(bulk):
            succ = nxg._succ[firm]
            firms.append((firm, marshal.dumps((nxg._node[firm], succ), 4)))
            for where, rels in succ.items():
                if "OPERATES_IN" in rels:
                    links.append((where, firm))
                if "LOCATED_IN" in rels:
                    places.append((where, firm))
            if len(firms) >= BATCH:
                _flush(db, firms, links, places)
        _flush(db, firms, links, places)
        keys = [(k[1], v) for k, v in graph._index.items() if v in bulk and k[0] == "Firm"]
        db.executemany("INSERT OR IGNORE INTO firm_key VALUES (?, ?)", keys)
        db.commit()
    finally:
        db.close()


def _flush(db, firms: list, links: list, places: list) -> None:
    db.executemany("INSERT INTO firm VALUES (?, ?)", firms)
    db.executemany("INSERT INTO link_firm VALUES (?, ?)", links)
    db.executemany("INSERT INTO place_firm VALUES (?, ?)", places)
    firms.clear(), links.clear(), places.clear()


def has_index(directory) -> bool:
    """True when ``directory`` (a generation) holds an answer index this kg reads."""
    return (Path(directory) / INDEX_DIR / "core.bin").is_file()


class Slice:
    """Reads one generation's index: the core graph, then bulk firms added on demand."""

    def __init__(self, directory):
        self.folder = Path(directory) / INDEX_DIR
        with gc_paused():
            state = marshal.loads((self.folder / "core.bin").read_bytes())
        graph = KnowledgeGraph()
        g = graph.nx
        g.graph.update(state["graph"])
        g._node, g._succ, g._pred = state["node"], state["succ"], state["pred"]
        g._adj = g._succ
        graph._index = state["index"]
        self.graph = graph
        self._db = None

    @property
    def db(self) -> sqlite3.Connection:
        if self._db is None:
            uri = (self.folder / "firms.db").resolve().as_uri() + "?mode=ro"
            self._db = sqlite3.connect(uri, uri=True)
        return self._db

    def _add(self, rows) -> int:
        """Add (id, blob) rows of bulk firms to the graph (each once)."""
        g = self.graph.nx
        node, succ, pred = g._node, g._succ, g._pred
        added = 0
        with gc_paused():
            for firm, blob in rows:
                if firm in node:
                    continue
                data, out = marshal.loads(blob)
                node[firm] = data
                succ[firm] = out
                pred[firm] = {}
                for where, rels in out.items():
                    pred[where][firm] = rels
                added += 1
        settle()
        return added

    def add_links(self, links) -> int:
        """Add every bulk firm on these links (ids)."""
        return sum(self._add(self.db.execute(
            "SELECT f.id, f.rec FROM link_firm l JOIN firm f ON f.id = l.id WHERE l.link = ?",
            (link,))) for link in links)

    def add_places(self, places) -> int:
        """Add every bulk firm LOCATED_IN these places (ids)."""
        return sum(self._add(self.db.execute(
            "SELECT f.id, f.rec FROM place_firm p JOIN firm f ON f.id = p.id WHERE p.place = ?",
            (where,))) for where in places)

    def add_firm_named(self, name: str) -> None:
        """Add the bulk firms a firm name, key or id could resolve to (see KnowledgeGraph.resolve)."""
        from kg.names import match_keys, normalize

        keys = [*match_keys("Firm", name), "#" + normalize(name)]
        marks = ",".join("?" * len(keys))
        hits = self.db.execute(f"SELECT key, id FROM firm_key WHERE key IN ({marks})", keys).fetchall()
        for key, firm in hits:
            self.graph._index.setdefault(("Firm", key), firm)
        ids = {firm for _, firm in hits} | {name}
        marks = ",".join("?" * len(ids))
        self._add(self.db.execute(f"SELECT id, rec FROM firm WHERE id IN ({marks})", sorted(ids)))

    def close(self) -> None:
        if self._db is not None:
            self._db.close()
            self._db = None


def load_slice(directory, *, links=(), places=(), firms=()) -> KnowledgeGraph:
    """The core graph plus the bulk firms on ``links``, in ``places`` and named in ``firms``."""
    piece = Slice(directory)
    try:
        piece.add_links(links)
        piece.add_places(places)
        for name in firms:
            piece.add_firm_named(name)
    finally:
        piece.close()
    return piece.graph
