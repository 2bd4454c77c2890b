"""The answer index: a workspace's graph split so a command loads only what it asks about.

A million registry firms make up almost all of a graph, yet one answer touches few of
them. The build writes, beside ``graph.bin``, a folder ``index/``:

- ``core.bin`` — the graph without its *bulk firms* (marshal, like ``graph.bin``): every
  zone, region, industry, chain, link, platform, project, document, every firm a document
  or target mentions, their relations, ``graph.graph`` (coverage) and their name keys;
- ``firms.db`` — SQLite, one marshal blob per row:

  ``chunk``      bulk firms (node and outgoing relations) by id, 512 to a row;
  ``firm_key``   their name keys (what :meth:`KnowledgeGraph.resolve` looks up);
  ``link_recs``  the bulk firms on each link; ``place_recs`` those LOCATED_IN each place;
  ``link_stats`` each link's :class:`kg.queries.gaps.LinkStats`, computed by the build
                 from the whole graph, with its per-place ``local`` rows in ``link_local``.

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
import os
import sqlite3
from pathlib import Path

from kg.gc_pause import gc_paused, settle
from kg.graph import KnowledgeGraph

INDEX_DIR = "index"
FORMAT = 2
BULK_RELS = frozenset({"LOCATED_IN", "OPERATES_IN", "IN_INDUSTRY", "MENTIONED_IN"})
CHUNK = 512
_SCHEMA = """
CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT) WITHOUT ROWID;
CREATE TABLE chunk(first TEXT PRIMARY KEY, recs BLOB) WITHOUT ROWID;
CREATE TABLE firm_key(key TEXT PRIMARY KEY, id TEXT) WITHOUT ROWID;
CREATE TABLE link_recs(link TEXT PRIMARY KEY, recs BLOB) WITHOUT ROWID;
CREATE TABLE place_recs(place TEXT PRIMARY KEY, recs BLOB) WITHOUT ROWID;
CREATE TABLE link_stats(link TEXT PRIMARY KEY, stats BLOB) WITHOUT ROWID;
CREATE TABLE link_local(link TEXT, place TEXT, rows BLOB, PRIMARY KEY(link, place)) WITHOUT ROWID;
"""


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
        bulk = {n for n, d in nxg._node.items() if d.get("label") == "Firm" and is_bulk(nxg, n)}
        _write_core(graph, bulk, folder / "core.bin")
        path = folder / "firms.db"
        path.unlink(missing_ok=True)
        db = sqlite3.connect(path)
        try:
            db.executescript("PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;" + _SCHEMA)
            db.execute("INSERT INTO meta VALUES ('format', ?)", (str(FORMAT),))
            _write_firms(graph, bulk, db)
            _write_link_stats(graph, db)
            db.commit()
        finally:
            db.close()
    return {"bulk_firms": len(bulk), "core_nodes": len(nxg) - len(bulk)}


def _write_core(graph: KnowledgeGraph, bulk: set, path: Path) -> None:
    nxg = graph.nx
    node = {n: d for n, d in nxg._node.items() if n not in bulk}
    succ = {n: nxg._succ[n] for n in node}  # a core node's successors are all core
    pred = {n: {u: e for u, e in nxg._pred[n].items() if u not in bulk} for n in node}
    index = {k: v for k, v in graph._index.items() if v not in bulk}
    state = {"format": FORMAT, "graph": nxg.graph, "node": node, "succ": succ, "pred": pred,
             "index": index}
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_bytes(marshal.dumps(state, 4))
    os.replace(tmp, path)


def _write_firms(graph: KnowledgeGraph, bulk: set, db) -> None:
    nxg = graph.nx
    node, succ = nxg._node, nxg._succ
    ids = sorted(bulk)
    db.executemany("INSERT INTO chunk VALUES (?, ?)", (
        (ids[i], marshal.dumps({f: (node[f], succ[f]) for f in ids[i:i + CHUNK]}, 4))
        for i in range(0, len(ids), CHUNK)))
    by_link, by_place = {}, {}
    for firm in ids:
        for where, rels in succ[firm].items():
            if "OPERATES_IN" in rels:
                by_link.setdefault(where, []).append(firm)
            if "LOCATED_IN" in rels:
                by_place.setdefault(where, []).append(firm)
    for table, groups in (("link_recs", by_link), ("place_recs", by_place)):
        db.executemany(f"INSERT INTO {table} VALUES (?, ?)", (  # table names are literals above
            (key, marshal.dumps([(f, node[f], succ[f]) for f in firms], 4))
            for key, firms in groups.items()))
    db.executemany("INSERT OR IGNORE INTO firm_key VALUES (?, ?)", (
        (k[1], v) for k, v in graph._index.items() if k[0] == "Firm" and v in bulk))


def _write_link_stats(graph: KnowledgeGraph, db) -> None:
    """Each link's LinkStats from the whole graph, its fields stored generically by slot."""
    from kg.queries.gaps import LinkStats

    for link, _ in graph.nodes("Link"):
        stats = LinkStats(graph, link)
        state = {slot: getattr(stats, slot) for slot in LinkStats.__slots__
                 if not slot.startswith("_") and slot != "local"}
        db.execute("INSERT INTO link_stats VALUES (?, ?)", (link, marshal.dumps(state, 4)))
        db.executemany("INSERT INTO link_local VALUES (?, ?, ?)", (
            (link, where, marshal.dumps(rows, 4)) for where, rows in stats.local.items()))


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

    def _add(self, recs) -> int:
        """Add (id, node data, outgoing relations) of bulk firms to the graph (each once)."""
        g = self.graph.nx
        node, succ, pred = g._node, g._succ, g._pred
        added = 0
        for firm, data, out in recs:
            if firm in node:
                continue
            node[firm] = data
            succ[firm] = out
            pred[firm] = {}
            for where, rels in out.items():
                pred[where][firm] = rels
            added += 1
        return added

    def _blobs(self, table: str, column: str, keys) -> int:
        added = 0
        with gc_paused():
            for key in keys:
                row = self.db.execute(f"SELECT recs FROM {table} WHERE {column} = ?", (key,)).fetchone()
                if row:
                    added += self._add(marshal.loads(row[0]))
        settle()
        return added

    def add_links(self, links) -> int:
        """Add every bulk firm on these links (ids)."""
        return self._blobs("link_recs", "link", links)

    def add_places(self, places) -> int:
        """Add every bulk firm LOCATED_IN these places (ids)."""
        return self._blobs("place_recs", "place", places)

    def add_firms(self, firms) -> int:
        """Add these bulk firms (ids), each read from its chunk."""
        added = 0
        for firm in sorted(set(firms)):
            row = self.db.execute("SELECT recs FROM chunk WHERE first <= ? ORDER BY first DESC "
                                  "LIMIT 1", (firm,)).fetchone()
            if row:
                rec = marshal.loads(row[0]).get(firm)
                if rec is not None:
                    added += self._add([(firm, *rec)])
        return added

    def add_firm_named(self, name: str) -> None:
        """Add the bulk firms a firm name, key or id could resolve to (see KnowledgeGraph.resolve)."""
        from kg.names import match_keys, normalize

        keys = [*match_keys("Firm", name), "#" + normalize(name)]
        marks = ",".join("?" * len(keys))
        hits = self.db.execute(f"SELECT key, id FROM firm_key WHERE key IN ({marks})", keys).fetchall()
        for key, firm in hits:
            self.graph._index.setdefault(("Firm", key), firm)
        self.add_firms({firm for _, firm in hits} | {name})

    def link_state(self, link: str, places) -> dict | None:
        """The stored LinkStats fields of a link, ``local`` holding only these places."""
        row = self.db.execute("SELECT stats FROM link_stats WHERE link = ?", (link,)).fetchone()
        if row is None:
            return None
        state = marshal.loads(row[0])
        local = {}
        for where in places:
            hit = self.db.execute("SELECT rows FROM link_local WHERE link = ? AND place = ?",
                                  (link, where)).fetchone()
            if hit:
                local[where] = marshal.loads(hit[0])
        state["local"] = local
        return state

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
