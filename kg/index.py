"""The answer index: a workspace's graph split so a command loads only what it asks about.

A million registry firms make up almost all of a graph, yet one answer touches few of
them. The build writes, beside ``graph.bin``, a folder ``index/``:

- ``core.bin`` — the graph without its *bulk firms* (marshal, like ``graph.bin``): every
  zone, region, industry, chain, link, platform, project, document, every firm a document
  or target mentions, their relations, ``graph.graph`` (coverage) and their name keys;
- ``firms.db`` — SQLite, marshal blobs:

  ``chunk``       bulk firms (node and outgoing relations), 32 to a row, ordered by
                  (place, link, id) so one zone's firms on one link sit in few rows;
  ``firm_key``    their name keys (what :meth:`KnowledgeGraph.resolve` looks up) and ids,
                  each with its chunk; ``grp`` the chunks of each (place, link) and place;
  ``place_names`` (id, name) of the firms in each place, for name lists,
                  ``place_count`` their number, ``place_top`` the ids of the best
                  evidenced (what a zone map draws);
  ``link_stats``  each link's :class:`kg.queries.gaps.LinkStats`, computed by the build
                  from the whole graph, with the head of its ranking; per place, the
                  count and first ``local`` rows in ``link_head`` (what a listing of
                  the top N reads), every row in ``link_local`` when the head does not
                  hold them all; the whole ranking in ``link_ranked``;
- ``digests.bin`` — the digest of every blob in ``firms.db``; the manifest hashes it (and
  ``core.bin``), so a row is checked before marshal reads it, without hashing ``firms.db``.

A *bulk firm* is a Firm with no incoming relation whose outgoing ones are only
LOCATED_IN, OPERATES_IN, IN_INDUSTRY or MENTIONED_IN (what a registry row gives): it
touches the rest of the graph only through core nodes, so adding a set of them back to
the core gives the exact neighbourhood the query functions read (:mod:`kg.index_read` reads
them back). Commands then call the same :mod:`kg.queries` functions on that slice — one
status logic, whatever the path.

>>> import tempfile
>>> from kg.stores.fixtures import generated_graph
>>> g = generated_graph(300)
>>> folder = tempfile.mkdtemp()
>>> counts = write_index(g, folder)
>>> counts["bulk_firms"] + counts["core_nodes"] == len(g), counts["bulk_firms"] > 250
(True, True)
>>> from kg.index_read import load_slice
>>> s = load_slice(folder, places=[z for z, _ in g.nodes("Zone")][:1])
>>> 0 < s.counts()["nodes"]["Firm"] < 300
True
"""
from __future__ import annotations

import hashlib
import heapq
import marshal
import sqlite3
from contextlib import contextmanager
from itertools import groupby, islice
from pathlib import Path

from kg.atomic import atomic_path
from kg.gc_pause import gc_paused
from kg.graph import KnowledgeGraph
from kg.progress import ticking

INDEX_DIR = "index"
FORMAT = 3
BULK_RELS = frozenset({"LOCATED_IN", "OPERATES_IN", "IN_INDUSTRY", "MENTIONED_IN"})
CHUNK = 32  # firms per row: a lookup reads one small blob
_SCHEMA = """
CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT) WITHOUT ROWID;
CREATE TABLE chunk(no INTEGER PRIMARY KEY, recs BLOB);
CREATE TABLE firm_key(key TEXT PRIMARY KEY, id TEXT, no INTEGER) WITHOUT ROWID;
CREATE TABLE grp(place TEXT, link TEXT, nos BLOB, PRIMARY KEY(place, link)) WITHOUT ROWID;
CREATE TABLE place_names(place TEXT PRIMARY KEY, firms BLOB) WITHOUT ROWID;
CREATE TABLE place_count(place TEXT PRIMARY KEY, n BLOB) WITHOUT ROWID;
CREATE TABLE place_top(place TEXT PRIMARY KEY, ids BLOB) WITHOUT ROWID;
CREATE TABLE bulk_degree(part TEXT PRIMARY KEY, degrees BLOB) WITHOUT ROWID;
CREATE TABLE link_stats(link TEXT PRIMARY KEY, stats BLOB) WITHOUT ROWID;
CREATE TABLE link_head(link TEXT, place TEXT, head BLOB, PRIMARY KEY(link, place)) WITHOUT ROWID;
CREATE TABLE link_local(link TEXT, place TEXT, rows BLOB, PRIMARY KEY(link, place)) WITHOUT ROWID;
CREATE TABLE link_ranked(link TEXT PRIMARY KEY, ranked BLOB) WITHOUT ROWID;
"""
RANKED_HEAD = 2000  # best-ranked firms kept with a link's statistics; the rest on demand
LOCAL_HEAD = 100  # a place's local firms on a link an answer lists without reading them all
PLACE_TOP = 300  # a place's best-evidenced firms a zone map draws (kg.views.ego's default)


def is_bulk(nxg, node: str) -> bool:
    """True for a Firm reached by nothing, whose relations are all registry-shaped."""
    if nxg._node[node].get("label") != "Firm" or nxg._pred[node]:
        return False
    return all(BULK_RELS.issuperset(rels) for rels in nxg._succ[node].values())


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
            # a 64 MB page cache (SQLite's default is 2 MB): the key and group B-trees of a
            # million firms stay in memory while they grow (measured 15% less CPU at 100k)
            db.executescript("PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF; "
                             "PRAGMA cache_size=-65536;" + _SCHEMA)
            db.execute("INSERT INTO meta VALUES ('format', ?)", (str(FORMAT),))
            seal = Seal()
            with _link_stats_beside(graph, folder, db, seal):
                _write_firms(graph, bulk, db, seal)
            db.commit()
        finally:
            db.close()
        seal.write(folder / DIGESTS)
    extra = len(graph.bulk) if getattr(graph, "bulk", None) is not None else 0
    return {"bulk_firms": len(bulk) + extra, "core_nodes": len(nxg) - len(bulk)}


write_index.label = "写入答案索引"
write_index.holds_graph = True  # core + chunks hold every node: no graph.bin beside it


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


def placement(succ: dict) -> tuple:
    """(places, links) a bulk firm is LOCATED_IN and OPERATES_IN, each sorted.

    >>> placement({"Link/b": {"OPERATES_IN": {}}, "Zone/z": {"LOCATED_IN": {}}, "Link/a": {"OPERATES_IN": {}}})
    (['Zone/z'], ['Link/a', 'Link/b'])
    """
    places = [w for w, rels in succ.items() if "LOCATED_IN" in rels]
    links = [w for w, rels in succ.items() if "OPERATES_IN" in rels]
    if len(places) > 1:  # most firms have one place and at most one link: nothing to sort
        places.sort()
    if len(links) > 1:
        links.sort()
    return places, links


def _write_firms(graph: KnowledgeGraph, bulk: set, db, seal: "Seal") -> None:
    """Chunks ordered by (place, link, id), so one zone's firms on one link sit together.

    Built a chunk at a time: the rows of ``firm_key`` and ``place_names`` go to temporary
    SQLite tables as each chunk is written and are ordered there (SQLite's sorter spills to
    disk), so the Python side holds one sort key and the name keys per firm, not every
    firm's placement, key rows and name rows at once (+1.1 GB at 1M firms before). The
    streaming build's bulk firms (``graph.bulk``, kg.stream) come in the same order from
    their own table, merged with the graph's.
    """
    db.executescript("CREATE TEMP TABLE key_rows(key TEXT, id TEXT, no INTEGER);"
                     "CREATE TEMP TABLE name_rows(place TEXT, id TEXT, name TEXT);")
    records = _graph_records(graph, bulk)
    aside = getattr(graph, "bulk", None)  # the streaming build's firms (kg.stream)
    if aside is not None:
        records = heapq.merge(records, aside.ordered(), key=_first)
    records = ticking(records, "写入索引的企业",
                      total=len(bulk) + (len(aside) if aside is not None else 0))
    groups: dict = {}
    best = _PlaceTop()
    no = -1
    while True:
        part = list(islice(records, CHUNK))
        if not part:
            break
        no += 1
        db.execute("INSERT INTO chunk VALUES (?, ?)", (no, seal("chunk", no, {
            f: (data, out, _key_list(keys)) for _, f, data, out, keys in part})))
        _add_chunk_rows(db, part, no, groups, best)
    best.write(db, seal)
    db.executemany("INSERT INTO grp VALUES (?, ?, ?)",
                   ((p, link, seal("grp", (p, link), sorted(set(nos))))
                    for (p, link), nos in groups.items()))
    _write_place_names(db, seal)
    # in key order, the B-tree only ever appends (random order rewrites pages all over a
    # file of millions of keys); ties in insertion (rowid) order: the first firm of a key wins
    db.execute("INSERT OR IGNORE INTO firm_key SELECT key, id, no FROM temp.key_rows "
               "ORDER BY key, rowid")
    db.executescript("DROP TABLE temp.key_rows; DROP TABLE temp.name_rows;")


def _graph_records(graph: KnowledgeGraph, bulk: set):
    """(order key, id, data, out, keys) of the graph's bulk firms, in chunk order."""
    node, succ = graph.nx._node, graph.nx._succ
    keys_of = _keys_of(graph, bulk)
    order = sorted(_order_key(f, succ[f]) for f in bulk)
    for key in order:
        firm = key[2]
        yield key, firm, node[firm], succ[firm], keys_of.get(firm)


def _keys_of(graph: KnowledgeGraph, bulk: set) -> dict:
    """The whole graph's name keys of each bulk firm, as its index maps them: one key as a
    str, several as a list (most firms have one or two; a list each costs ~90 bytes)."""
    keys_of: dict = {}
    for (label, key), firm in graph._index.items():
        if label == "Firm" and firm in bulk:
            had = keys_of.get(firm)
            if had is None:
                keys_of[firm] = key
            elif isinstance(had, str):
                keys_of[firm] = [had, key]
            else:
                had.append(key)
    return keys_of


def _key_list(keys) -> list:
    """``keys_of`` value as the list a chunk stores.

    >>> _key_list(None), _key_list("a"), _key_list(["a", "b"])
    ([], ['a'], ['a', 'b'])
    """
    if keys is None:
        return []
    return [keys] if isinstance(keys, str) else keys


def _order_key(firm: str, succ: dict) -> tuple:
    """(first place, first link, id): "" where a firm has none (ids are never empty)."""
    places, links = placement(succ)
    return (places[0] if places else "", links[0] if links else "", firm)


def _add_chunk_rows(db, part: list, no: int, groups: dict, best: "_PlaceTop") -> None:
    """Queue one chunk's key and name rows, note its number in each (place, link) group
    and its firms among their places' best."""
    keys, names = [], []
    for _, firm, data, out, firm_keys in part:
        keys.append(("=" + firm, firm, no))
        keys += [(key, firm, no) for key in _key_list(firm_keys)]
        places, links = placement(out)
        best.count(out)
        for p in places:
            names.append((p, firm, data["name"]))
            best.add(p, firm, data, out)
            for link in ["", *links]:
                nos = groups.setdefault((p, link), [])
                if not nos or nos[-1] != no:
                    nos.append(no)
    db.executemany("INSERT INTO temp.key_rows VALUES (?, ?, ?)", keys)
    db.executemany("INSERT INTO temp.name_rows VALUES (?, ?, ?)", names)


class _PlaceTop:
    """Per place, the ``PLACE_TOP`` bulk firms a zone map shows first: most evidence (its
    sources plus its relations, :func:`kg.views.chain.firm_weight`), then name, then id;
    a place's candidates are cut back to that many whenever four times as many wait.
    Also counts the bulk firms' relations into each core node (``bulk_degree``): a map
    ranks zones and industries by their whole graph's degree."""

    def __init__(self):
        self.rows: dict = {}
        self.degree: dict = {}

    def count(self, out: dict) -> None:
        degree = self.degree
        for where, rels in out.items():
            degree[where] = degree.get(where, 0) + len(rels)

    def add(self, place: str, firm: str, data: dict, out: dict) -> None:
        rows = self.rows.setdefault(place, [])
        weight = len(data.get("sources", ())) + sum(map(len, out.values()))
        rows.append((-weight, data["name"], firm))
        if len(rows) >= 4 * PLACE_TOP:
            rows[:] = heapq.nsmallest(PLACE_TOP, rows)

    def write(self, db, seal: "Seal") -> None:
        for place, rows in self.rows.items():
            ids = [firm for _, _, firm in heapq.nsmallest(PLACE_TOP, rows)]
            db.execute("INSERT INTO place_top VALUES (?, ?)",
                       (place, seal("place_top", place, ids)))
        db.execute("INSERT INTO bulk_degree VALUES ('all', ?)",
                   (seal("bulk_degree", "all", self.degree),))


def _write_place_names(db, seal: "Seal") -> None:
    """One ``place_names`` row per place: its firms' (id, name) in chunk order; and
    their number in ``place_count`` (what a profile counts, without reading the names)."""
    rows = db.execute("SELECT place, id, name FROM temp.name_rows ORDER BY place, rowid")
    for place, group in groupby(rows, key=_first):
        pairs = [(firm, name) for _, firm, name in group]
        db.execute("INSERT INTO place_names VALUES (?, ?)",
                   (place, seal("place_names", place, pairs)))
        db.execute("INSERT INTO place_count VALUES (?, ?)",
                   (place, seal("place_count", place, len(pairs))))


def _first(row: tuple):
    return row[0]


@contextmanager
def _attached(graph: KnowledgeGraph, firms):
    """The graph with these bulk firms (id, data, out) put in while the block runs."""
    from kg.stream import attach, detach

    nxg = graph.nx
    added = []
    try:
        for firm, data, out in firms:
            attach(nxg, firm, data, out)
            added.append((firm, out))
        yield graph
    finally:
        for firm, out in added:
            detach(nxg, firm, out)


FORK_MAX_NODES = 500_000  # a child that reads a bigger graph in memory copies it, page by page


@contextmanager
def _link_stats_beside(graph: KnowledgeGraph, folder: Path, db, seal: "Seal"):
    """Write the link statistics while the block writes the chunks: in a forked child,
    into a table file of its own that is then copied into ``db``, when the graph in memory
    is small (a streamed build's core) and this process can fork; else after the block."""
    from kg import background

    if len(graph.nx) > FORK_MAX_NODES or not background.available():
        yield
        _write_link_stats(graph, db, seal)
        return
    part = folder / "link_stats.part.db"
    part.unlink(missing_ok=True)
    try:
        with background.beside(_link_stats_part, graph, part,
                               what="writing the link statistics") as wait:
            yield
            digests = wait()
        db.execute("ATTACH DATABASE ? AS part", (str(part),))
        for table in ("link_stats", "link_ranked", "link_head", "link_local"):
            db.execute(f"INSERT INTO {table} SELECT * FROM part.{table}")  # table names are ours
        db.commit()
        db.execute("DETACH DATABASE part")
        for kind, rows in digests.items():
            seal.digests.setdefault(kind, {}).update(rows)
    finally:
        part.unlink(missing_ok=True)


def _link_stats_part(graph: KnowledgeGraph, path: Path) -> dict:
    """The forked half of :func:`_link_stats_beside`; returns the digests of its blobs."""
    db = sqlite3.connect(path)
    try:
        db.executescript("PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;" + _SCHEMA)
        seal = Seal()
        with gc_paused():
            _write_link_stats(graph, db, seal)
        db.commit()
    finally:
        db.close()
    return seal.digests


def _write_link_stats(graph: KnowledgeGraph, db, seal: "Seal") -> None:
    """Each link's LinkStats from the whole graph, its fields stored generically by slot.

    The streaming build's bulk firms on a link (kg.stream) are put into the graph for that
    link's statistics only: one status logic, one link's firms in memory at a time, read
    in link order.
    """
    from kg.queries.gaps import LinkStats

    bulk = getattr(graph, "bulk", None)
    groups = iter(bulk.by_link() if bulk is not None else ())
    pending = next(groups, None)
    for link in sorted(node for node, _ in graph.nodes("Link")):
        while pending is not None and pending[0] < link:
            pending = next(groups, None)
        firms = pending[1] if pending is not None and pending[0] == link else ()
        with _attached(graph, firms):
            stats = LinkStats(graph, link)
        state = {slot: getattr(stats, slot) for slot in LinkStats.__slots__
                 if not slot.startswith("_") and slot != "local"}
        # a gap answer walks the ranking only until it has its candidates: the head is
        # read with the statistics, the whole ranking only when the head runs out
        state["ranked"] = stats.ranked[:RANKED_HEAD]
        state["ranked_whole"] = len(stats.ranked) <= RANKED_HEAD
        db.execute("INSERT INTO link_stats VALUES (?, ?)", (link, seal("link_stats", link, state)))
        db.execute("INSERT INTO link_ranked VALUES (?, ?)",
                   (link, seal("link_ranked", link, stats.ranked)))
        _write_local_rows(db, seal, link, stats)


def _write_local_rows(db, seal: "Seal", link: str, stats) -> None:
    """Per place, the head of its local rows on ``link`` (``link_head``: total, first rows
    by name, best-placed ids) and, when the head does not hold them all, every row
    (``link_local``)."""
    order = None
    for where, rows in stats.local.items():
        if order is None:
            order = {firm: i for i, (_, _, firm) in enumerate(stats.ranked)}
        best = heapq.nsmallest(LOCAL_HEAD, (firm for _, firm, _ in rows), key=order.__getitem__)
        head = {"total": len(rows), "rows": rows[:LOCAL_HEAD], "by_rank": best}
        db.execute("INSERT INTO link_head VALUES (?, ?, ?)",
                   (link, where, seal("link_head", (link, where), head)))
        if len(rows) > LOCAL_HEAD:
            db.execute("INSERT INTO link_local VALUES (?, ?, ?)",
                       (link, where, seal("link_local", (link, where), rows)))


DIGESTS = "digests.bin"


def _digest(blob: bytes) -> bytes:
    return hashlib.blake2b(blob, digest_size=16).digest()


def _row_key(key):
    """A row's key in the digests: a chunk's number as is, (link, place) joined by U+001F."""
    return "\x1f".join(map(str, key)) if isinstance(key, tuple) else key


class Seal:
    """Marshal a blob and record its digest: ``digests.bin`` (marshal: {kind: {key: 16
    bytes}}) is hashed in the manifest, so every blob read from ``firms.db`` is checked
    before marshal sees it."""

    def __init__(self):
        self.digests: dict = {}

    def __call__(self, kind: str, key, value) -> bytes:
        blob = marshal.dumps(value, 4)
        self.digests.setdefault(kind, {})[_row_key(key)] = _digest(blob)
        return blob

    def write(self, path: Path) -> None:
        path.write_bytes(marshal.dumps(self.digests, 4))
