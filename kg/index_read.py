"""Reading a generation's answer index (written by :mod:`kg.index`): the core graph,
then registry firms added on demand (:class:`Slice`), or every firm streamed chunk by chunk.

Every blob read from ``firms.db`` is checked against ``digests.bin`` (hashed in the
manifest) before marshal sees it.

>>> import tempfile
>>> from kg.index import write_index
>>> from kg.stores.fixtures import generated_graph
>>> g, folder = generated_graph(300), tempfile.mkdtemp()
>>> _ = write_index(g, folder)
>>> len(load_whole(folder)) == len(g)
True
"""
from __future__ import annotations

import marshal
import sqlite3
from pathlib import Path

from kg.errors import WorkspaceError
from kg.gc_pause import gc_paused, settle
from kg.graph import KnowledgeGraph
from kg.index import DIGESTS, INDEX_DIR, _digest, _row_key


# the blob column and key columns of each table a Slice reads a row of (kg.index's schema)
_ROWS = {"grp": ("nos", ("place", "link")), "place_names": ("firms", ("place",)),
         "place_count": ("n", ("place",)), "place_top": ("ids", ("place",)),
         "bulk_degree": ("degrees", ("part",)), "link_stats": ("stats", ("link",)),
         "link_ranked": ("ranked", ("link",)), "link_head": ("head", ("link", "place")),
         "link_local": ("rows", ("link", "place"))}


def has_index(directory) -> bool:
    """True when ``directory`` (a generation) holds an answer index this kg reads."""
    return (Path(directory) / INDEX_DIR / "core.bin").is_file()


class Slice:
    """Reads one generation's index: the core graph, then bulk firms added on demand."""

    def __init__(self, directory):
        """Open ``directory/index``; the caller has checked core.bin and digests.bin
        against the manifest (:func:`kg.answers` does, through the Workspace)."""
        self.folder = Path(directory) / INDEX_DIR
        with gc_paused():
            self.digests = marshal.loads((self.folder / DIGESTS).read_bytes())
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

    def _open(self, kind: str, key, blob: bytes):
        """A blob's value, once its digest matches the one recorded at build time."""
        if self.digests.get(kind, {}).get(_row_key(key)) != _digest(blob):
            raise WorkspaceError(f"{self.folder / 'firms.db'}: row {kind} {_row_key(key)!r} does "
                                 f"not match {DIGESTS}; it is not read: run `kg build` again")
        return marshal.loads(blob)

    def _stored(self, table: str, *key, default=None):
        """The value of ``table``'s row of this key (its digest checked), or ``default``."""
        column, names = _ROWS[table]
        where = " AND ".join(f"{name} = ?" for name in names)  # table and columns are ours
        row = self.db.execute(f"SELECT {column} FROM {table} WHERE {where}", key).fetchone()
        return self._open(table, key if len(key) > 1 else key[0], row[0]) if row else default

    def _add(self, recs) -> int:
        """Add (id, node data, outgoing relations, name keys) of bulk firms (each once)."""
        from kg.stream import attach

        nxg = self.graph.nx
        index = self.graph._index
        added = 0
        for firm, data, out, keys in recs:
            if firm in nxg._node:
                continue
            attach(nxg, firm, data, out)
            for key in keys:  # each key maps to this firm in the whole graph's index too
                index[("Firm", key)] = firm
            added += 1
        return added

    def add_chunks(self, nos, only=None) -> int:
        """Add every bulk firm of these chunks (``only``: those of these ids)."""
        added = 0
        with gc_paused():
            for no in sorted(set(nos)):
                row = self.db.execute("SELECT recs FROM chunk WHERE no = ?", (no,)).fetchone()
                if row:
                    recs = self._open("chunk", no, row[0])
                    added += self._add((f, *rec) for f, rec in recs.items()
                                       if only is None or f in only)
        settle()
        return added

    def _group(self, place: str, link: str) -> list:
        return self._stored("grp", place, link, default=[])

    def add_places(self, places, links=None) -> int:
        """Add the bulk firms LOCATED_IN these places (ids): all, or those on ``links``.

        Whole chunks are added, so a few neighbours come along; a slice may hold any
        set of whole firms.
        """
        nos = [no for p in places for link in (links if links is not None else [""])
               for no in self._group(p, link)]
        return self.add_chunks(nos)

    def add_place_stubs(self, place: str) -> int:
        """Add the firms LOCATED_IN ``place`` as name-only nodes, for counts and name lists.

        Firms already in the slice keep their full records; a stub has label, name and
        an empty alias list, and its LOCATED_IN relation carries no sources.
        """
        return self._add((f, {"label": "Firm", "name": name, "aliases": []},
                          {place: {"LOCATED_IN": {}}}, ())
                         for f, name in self.place_names(place))

    def place_count(self, place: str) -> int:
        """How many bulk firms are LOCATED_IN ``place``."""
        return self._stored("place_count", place, default=0)

    def whole_degrees(self) -> dict:
        """{core node: its degree in the whole graph} (the core's own relations plus the
        bulk firms' into it), for rankings by degree in a slice (kg.views.chain.firm_weight);
        call before any bulk firm is added."""
        bulk = self._stored("bulk_degree", "all", default={})
        nxg = self.graph.nx
        return {n: nxg.degree(n) + bulk.get(n, 0) for n in nxg}

    def add_place_top(self, place: str) -> int:
        """Add the ``PLACE_TOP`` best-evidenced bulk firms LOCATED_IN ``place`` (whole)."""
        return self.add_firms(self._stored("place_top", place, default=[]))

    def place_names(self, place: str) -> list:
        """(id, name) of the bulk firms LOCATED_IN ``place``, without adding them."""
        return self._stored("place_names", place, default=[])

    def add_firms(self, firms) -> int:
        """Add these bulk firms (ids) and no other: a region's best firms on its links lie
        in as many chunks as firms (163,000 firms came along for 河南省's report at 1M)."""
        ids = sorted(set(firms))
        if not ids:
            return 0
        marks = ",".join("?" * len(ids))
        rows = self.db.execute(f"SELECT no FROM firm_key WHERE key IN ({marks})",
                               ["=" + f for f in ids]).fetchall()
        return self.add_chunks((no for (no,) in rows), only=set(ids))

    def add_firm_named(self, name: str) -> None:
        """Add the bulk firms a firm name, key or id could resolve to (see KnowledgeGraph.resolve)."""
        from kg.names import match_keys, normalize

        keys = [*match_keys("Firm", name), "#" + normalize(name), "=" + name]
        marks = ",".join("?" * len(keys))
        hits = self.db.execute(f"SELECT key, id, no FROM firm_key WHERE key IN ({marks})",
                               keys).fetchall()
        for key, firm, _ in hits:
            if not key.startswith("="):
                self.graph._index.setdefault(("Firm", key), firm)
        self.add_chunks(no for _, _, no in hits)

    def link_ranking(self, link: str) -> list:
        """A link's whole ranking (the statistics hold its head)."""
        return self._stored("link_ranked", link, default=[])

    def link_state(self, link: str, places, *, names: int | None = None) -> dict | None:
        """The stored LinkStats fields of a link, ``local`` holding only these places:
        for each, its rows' head (a :class:`kg.queries.gaps.LocalRows`) when an answer
        lists at most ``names`` local firms a place and the head holds that many; else
        every row (``names`` None: all)."""
        from kg.queries.gaps import LocalRows

        state = self._stored("link_stats", link)
        if state is None:
            return None
        local = {}
        for where in places:
            head = self._stored("link_head", link, where)
            if head is None:
                continue
            rows = head["rows"]
            if head["total"] > len(rows) and (names is None or names > len(rows)):
                rows = self._stored("link_local", link, where)
            local[where] = LocalRows(rows, total=head["total"], by_rank=head["by_rank"])
        state["local"] = local
        return state

    def close(self) -> None:
        if self._db is not None:
            self._db.close()
            self._db = None


def load_whole(directory) -> KnowledgeGraph:
    """The whole graph of a generation: the core, then every chunk's firms in chunk order.

    The same nodes, relations (properties and sources) and name index as the graph the
    build indexed; only the order of the nodes differs (core nodes first). Every chunk
    is checked against ``digests.bin`` before marshal reads it.
    """
    piece = Slice(directory)
    try:
        nos = [no for (no,) in piece.db.execute("SELECT no FROM chunk ORDER BY no")]
        piece.add_chunks(nos)
    finally:
        piece.close()
    return piece.graph


def iter_records(directory) -> tuple:
    """(node records, relation records) of a generation's whole graph, as
    ``KnowledgeGraph.node_records`` / ``edge_records`` give them but streamed: the core's,
    then each chunk's firms, one chunk in memory at a time (core nodes sorted by id, the
    firms in chunk order). Each chunk is checked against ``digests.bin`` first.
    """
    return _node_records(directory), _edge_records(directory)


def chunks(piece: Slice):
    """Each chunk's bulk firms as a list of (id, node data, outgoing relations), in order;
    each chunk is checked against the digests first."""
    for no, blob in piece.db.execute("SELECT no, recs FROM chunk ORDER BY no"):
        yield [(firm, data, out) for firm, (data, out, _) in piece._open("chunk", no, blob).items()]


def _bulk_firms(piece: Slice):
    """(id, node data, outgoing relations) of every bulk firm, chunk by chunk."""
    for firms in chunks(piece):
        yield from firms


def _node_records(directory):
    piece = Slice(directory)
    try:
        node = piece.graph.nx._node
        for n in sorted(node):
            yield {"id": n, **node[n]}
        for firm, data, _ in _bulk_firms(piece):
            yield {"id": firm, **data}
    finally:
        piece.close()


def _edge_records(directory):
    piece = Slice(directory)
    try:
        succ = piece.graph.nx._succ  # a core node's successors are all core
        for u in sorted(succ):
            for v, rels in sorted(succ[u].items()):
                for rel, data in sorted(rels.items()):
                    yield {"src": u, "rel": rel, "dst": v, **data}
        for firm, _, out in _bulk_firms(piece):
            for v, rels in sorted(out.items()):
                for rel, data in sorted(rels.items()):
                    yield {"src": firm, "rel": rel, "dst": v, **data}
    finally:
        piece.close()


def load_slice(directory, *, places=(), firms=()) -> KnowledgeGraph:
    """The core graph plus the bulk firms in ``places`` (ids) and named in ``firms``."""
    piece = Slice(directory)
    try:
        piece.add_places(places)
        for name in firms:
            piece.add_firm_named(name)
    finally:
        piece.close()
    return piece.graph
