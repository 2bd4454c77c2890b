"""The embedded Cypher store: a LadybugDB database inside the workspace, no server.

``kg build`` calls :func:`write_embedded`, which declares one node table per label
and one relation table per relation type (with every allowed FROM/TO pair), all
generated from the ontology, and bulk-loads them with ``COPY … FROM`` staging files
written a chunk at a time while LadybugDB copies the files already written; beside them
the ``FIRMS_ON`` summary (:mod:`kg.stores.firms_on`), counted as the firms are staged.
:class:`EmbeddedEngine` opens it read-only unless asked to write, and then runs a statement
only when the engine's own plan of it holds nothing but reads (see
:mod:`kg.stores.embedded_guard`): LadybugDB has no switch for extensions or files.

>>> import tempfile
>>> from pathlib import Path
>>> from kg import KnowledgeGraph
>>> g = KnowledgeGraph()
>>> z = g.add_entity("Zone", "郑州高新区")
>>> r = g.add_entity("Region", "郑州市")
>>> g.add_relation(z, "IN_REGION", r)
>>> folder = Path(tempfile.mkdtemp())
>>> write_embedded(g, folder)
>>> with EmbeddedEngine(folder / STORE_DIR) as engine:
...     engine.run("MATCH (z:Zone)-[:IN_REGION]->(r) WHERE z.name = $zone RETURN r.name AS region",
...                {"zone": "郑州高新区"})
(['region'], [{'region': '郑州市'}])
"""
from __future__ import annotations

import csv
import io
import queue
import re
import shutil
import tempfile
import threading
from contextlib import contextmanager
from pathlib import Path

from kg import vocab
from kg.errors import EngineError, QueryError
from kg.progress import ticking
from kg.stores import firms_on
from kg.stores.embedded_guard import engine_check, outside_store, read_only_error
from kg.stores.schema import LIST_SEP, csv_column, edge_columns, label_pairs, node_columns

STORE_DIR = "cypher"          # inside a workspace generation
DB_FILE = "graph.lbug"        # inside STORE_DIR
SEP = LIST_SEP
# Staging files: fields end at DELIM, rows at CRLF; a value holding one of them (or QUOTE)
# is wrapped in QUOTE. Neither is a character of ordinary text, so almost nothing is quoted,
# and LadybugDB reads unquoted fields about a third faster than quoted ones.
DELIM, QUOTE = "\x1e", "\x1d"
CHUNK = 20_000                # rows turned into CSV text at a time, column by column
# Without compression the store is about 65 % larger (85 MB instead of 51 MB for 100,000
# registry firms), queries run as fast, and the load takes about 12 % less time.
COMPRESSION = False
# Rows per COPY of one table; 0: one COPY of the whole table. Measured at 1M registry firms
# (BENCHMARKS.md, "Where the 1M build goes"): COPYs of 200,000 rows lower the store's
# transient memory from 1.56 GB to 1.08 GB but take 172 s instead of 45 s (LadybugDB merges
# a relation table appended in parts at each checkpoint), and a buffer pool capped at 256 MB
# fails ("buffer pool is full"), so one COPY per table stays the default.
BATCH_ROWS = 0


def ddl() -> list:
    """The CREATE NODE TABLE / CREATE REL TABLE statements of the ontology.

    A list property defaults to the empty list, as a bulk-loaded one without items is.

    >>> [s for s in ddl() if s.startswith("CREATE REL TABLE IN_REGION")]
    ['CREATE REL TABLE IN_REGION(FROM Zone TO Region, `sources` STRING[] DEFAULT [])']
    """
    statements = []
    for label in vocab.LABELS:
        cols = ", ".join(_declare(name, kind) for name, kind in node_columns(label))
        statements.append(f"CREATE NODE TABLE {label}({cols}, PRIMARY KEY(`id`))")
    for rel in vocab.RELATIONS:
        pairs = ", ".join(f"FROM {a} TO {b}" for a, b in label_pairs(rel))
        cols = ", ".join(_declare(name, kind) for name, kind in edge_columns(rel))
        statements.append(f"CREATE REL TABLE {rel}({pairs}, {cols})")
    return statements


def _declare(name: str, kind: str) -> str:
    return f"`{name}` {kind}" + (" DEFAULT []" if kind == "STRING[]" else "")


class _Staging:
    """One staging CSV of a node table or of one (relation, from label, to label) pair.

    Rows are kept until CHUNK of them are waiting, then turned into text column by
    column (one list comprehension per column, no call per value in the common cases)
    and appended to the file, so memory holds one chunk, not the table.
    """

    def __init__(self, path: Path, table: str, keys: int, columns: list, pair=None, part=0):
        self.path, self.table, self.keys, self.pair, self.part = path, table, keys, pair, part
        self.columns = columns          # (name, type) of the properties, in file order
        self.filled = [False] * len(columns)
        self.quoted = False             # some value needed QUOTE (it may hold a line break)
        self.split = False              # some list has several items (LIST_SEP in the text)
        self.pending: list = []
        self.rows = 0                   # rows added so far
        self.handle = open(path, "w", encoding="utf-8", newline="")

    def add(self, row: tuple) -> None:
        """Queue one (key…, attributes) row."""
        self.pending.append(row)
        self.rows += 1
        if len(self.pending) >= CHUNK:
            self.flush()

    def flush(self) -> None:
        rows, self.pending = self.pending, []
        if not rows:
            return
        data = [row[-1] for row in rows]
        cols = [[row[k] for row in rows] for k in range(self.keys)]
        for i, (name, kind) in enumerate(self.columns):
            col = csv_column([d.get(name) for d in data], kind, drop_empty=True)
            if not self.filled[i] and any(col):
                self.filled[i] = True
            cols.append(col)
        text = "\r\n".join(map(DELIM.join, zip(*cols))) + "\r\n"
        # one C-speed scan per separator instead of a look at every value: when the counts
        # are right, no value holds a separator and no quoting is needed
        if (text.count(DELIM) != len(rows) * (len(cols) - 1) or text.count("\n") != len(rows)
                or text.count("\r") != len(rows) or QUOTE in text):
            buffer = io.StringIO()
            csv.writer(buffer, delimiter=DELIM, quotechar=QUOTE).writerows(zip(*cols))
            text = buffer.getvalue()
            self.quoted = True
        if not self.split and SEP in text:
            self.split = True
        self.handle.write(text)

    def close(self) -> None:
        self.flush()
        self.handle.close()

    def copy_statement(self) -> str:
        """``COPY table(filled columns) FROM (LOAD … RETURN …)``: empty columns keep their default."""
        heads = ([("from", "STRING"), ("to", "STRING")] if self.pair else [("id", "STRING")])
        heads += self.columns
        declared = ", ".join(f"`{name}` {'STRING' if kind == 'STRING[]' else kind}"
                             for name, kind in heads)
        names = [] if self.pair else ["`id`"]  # a relation's from and to are not named
        returns = [f"`{name}`" for name, _ in heads[:self.keys]]
        for (name, kind), filled in zip(self.columns, self.filled):
            if not filled:
                continue
            names.append(f"`{name}`")
            if kind == "STRING[]":  # one item a row is the common case, and [x] is cheaper
                items = f"string_split(`{name}`, '{SEP}')" if self.split else f"[`{name}`]"
                returns.append(f"CASE WHEN `{name}` IS NULL THEN CAST([] AS STRING[]) "
                               f"ELSE {items} END")
            else:
                returns.append(f"`{name}`")
        # the path is ours (a temp dir), never user data; quotes are escaped anyway
        where = str(self.path).replace("\\", "\\\\").replace("'", "\\'")
        # the parallel reader cannot split quoted line breaks, so it reads only unquoted files
        options = (f"header=false, delim='{DELIM}', quote='{QUOTE}', escape='{QUOTE}', "
                   f"auto_detect=false, parallel={'false' if self.quoted else 'true'}")
        statement = (f"COPY {self.table}({', '.join(names)}) FROM (LOAD WITH HEADERS ({declared}) "
                     f"FROM '{where}' ({options}) RETURN {', '.join(returns)})")
        if self.pair:
            statement += f" (from='{self.pair[0]}', to='{self.pair[1]}')"
        return statement


def _stage_nodes(graph, staging: Path, ready, edges: dict, half=None, counts=None) -> dict:
    """Stage every node, one file per label (or per BATCH_ROWS), to ``ready``; returns labels.

    The relations of the streaming build's bulk firms (kg.stream) are staged in the same
    pass over their table, into ``edges`` (files handed on with the graph's relations).
    ``half`` (see :func:`_bulk_half_beside`) gives the files a child staged of the second
    half of those firms meanwhile; they are appended to these. ``counts`` (a
    :class:`kg.stores.firms_on.FirmsOn`) counts every firm on its links as it is staged.
    """
    labels, tables = {}, {}
    make = _node_file(staging)
    later: list = []  # relation files filled before every node's COPY was handed on
    succ = graph.nx._succ
    with _closing(tables), _closing(edges):
        for node, data in graph.nodes():
            label = data["label"]
            labels[node] = label
            _add(tables, label, (node, data), make, ready)
            if label == "Firm" and counts is not None:
                counts.add(succ[node], data["name"])
        _stage_bulk(graph, labels, (tables, edges), (staging, ""), (ready, later.append),
                    part=0 if half is not None else None, counts=counts)
        if half is not None:
            staged, theirs = half()
            _append_staged(tables, edges, staged)
            if counts is not None:
                counts.merge(theirs)
        for label in sorted(tables):
            tables[label].close()
            ready(tables[label])
    for table in later:
        ready(table)
    return labels


def _node_file(staging: Path, tag: str = ""):
    def make(label, part):
        columns = [c for c in node_columns(label) if c[0] != "id"]
        return _Staging(staging / f"{label}.{tag}{part}.csv", label, 1, columns, part=part)
    return make


def _edge_file(staging: Path, tag: str = ""):
    def make(pair, part):
        return _Staging(staging / f"{'-'.join(pair)}.{tag}{part}.csv", pair[0], 2,
                        edge_columns(pair[0]), pair[1:], part)
    return make


def _stage_bulk(graph, labels: dict, into: tuple, where: tuple, hand: tuple, part=None,
                counts=None) -> None:
    """Stage the streaming build's bulk firms (``part`` 0 or 1 of two halves, or all) and
    their relations into ``into`` = (node tables, relation tables); ``counts`` counts them
    on their links."""
    bulk = getattr(graph, "bulk", None)
    if bulk is None:
        return
    tables, edges = into
    staging, tag = where
    ready, later = hand
    make, make_edge = _node_file(staging, tag), _edge_file(staging, tag)
    records = bulk.records() if part is None else bulk.records(part, 2)
    if part != 1:  # the child is silent: the parent's count stands for both
        records = ticking(records, "写入图库的企业", total=len(bulk),
                          step=1 if part is None else 2)
    for firm, data, out in records:
        _add(tables, "Firm", (firm, data), make, ready)
        if counts is not None:
            counts.add(out, data["name"])
        for dst, rels in out.items():
            for rel, edge in rels.items():
                _add(edges, (rel, "Firm", labels[dst]), (firm, dst, edge), make_edge, later)


@contextmanager
def _bulk_half_beside(graph, staging: Path):
    """Yield ``half``: a forked child stages the second half of the streaming build's bulk
    firms while this process stages the first, and ``half()`` waits for its files; or
    None (no bulk firms, files handed on in parts, or no fork here)."""
    from kg import background

    bulk = getattr(graph, "bulk", None)
    if bulk is None or len(bulk) < 2 or BATCH_ROWS or not background.available():
        yield None
        return
    with background.beside(_stage_second_half, graph, staging,
                           what="staging the registry firms") as wait:
        yield wait


def _stage_second_half(graph, staging: Path) -> tuple:
    """The forked half of :func:`_bulk_half_beside`: ({table key: closed _Staging},
    its firms' :class:`kg.stores.firms_on.FirmsOn`)."""
    from kg.queries.common import chain_of_links

    labels = {node: data["label"] for node, data in graph.nodes()}
    tables: dict = {}
    edges: dict = {}
    counts = firms_on.FirmsOn(chain_of_links(graph), firms_on.zone_parents(graph))
    _stage_bulk(graph, labels, (tables, edges), (staging, "c"), (None, None), part=1,
                counts=counts)
    for table in [*tables.values(), *edges.values()]:
        table.close()
        table.handle = None  # a file object does not travel back; the path does
    return {**tables, **edges}, counts


def _append_staged(tables: dict, edges: dict, staged: dict) -> None:
    """Append each file another process staged to this process's file of the same table
    (one COPY per table: LadybugDB appends a relation table in parts very slowly)."""
    for key, theirs in staged.items():
        into = tables if isinstance(key, str) else edges
        ours = into.get(key)
        if ours is None:
            theirs.handle = open(theirs.path, "a", encoding="utf-8", newline="")
            into[key] = theirs
            continue
        ours.flush()
        ours.handle.flush()
        with open(theirs.path, "rb") as source:
            shutil.copyfileobj(source, ours.handle.buffer, 1 << 20)
        theirs.path.unlink()
        ours.rows += theirs.rows
        ours.filled = [a or b for a, b in zip(ours.filled, theirs.filled)]
        ours.quoted = ours.quoted or theirs.quoted
        ours.split = ours.split or theirs.split


def _stage_edges(graph, labels: dict, staging: Path, ready, tables: dict) -> None:
    """Stage every relation, one file per (relation, from label, to label), to ``ready``."""
    make = _edge_file(staging)
    with _closing(tables):
        for src, rel, dst, data in graph.edges():
            _add(tables, (rel, labels[src], labels[dst]), (src, dst, data), make, ready)
        for pair in sorted(tables):
            tables[pair].close()
            ready(tables[pair])


def _stage_firms_on(counts, labels: dict, staging: Path, ready) -> None:
    """Stage the FIRMS_ON rows (:mod:`kg.stores.firms_on`), one file per scope label."""
    tables: dict = {}
    with _closing(tables):
        for scope, link, row in counts.rows(labels):
            pair = (labels[scope], "Link")
            table = tables.get(pair)
            if table is None:
                table = tables[pair] = _Staging(staging / f"{firms_on.TABLE}-{pair[0]}.csv",
                                                firms_on.TABLE, 2, firms_on.COLUMNS, pair)
            table.add((scope, link, row))
    for pair in sorted(tables):
        tables[pair].close()
        ready(tables[pair])


def _add(tables: dict, key, row: tuple, make, ready) -> None:
    """Add ``row`` to the staging file of ``key``; hand the file on at BATCH_ROWS rows."""
    table = tables.get(key)
    if table is None:
        table = tables[key] = make(key, 0)
    table.add(row)
    if BATCH_ROWS and table.rows >= BATCH_ROWS:
        table.close()
        ready(table)
        tables[key] = make(key, table.part + 1)


@contextmanager
def _closing(tables: dict):
    """Close every staging file of ``tables`` when staging stops half-way."""
    try:
        yield
    except BaseException:
        for table in tables.values():
            table.handle.close()
        raise


class _Copier(threading.Thread):
    """Runs the COPY of each staged file handed to it, in order, in a second thread.

    LadybugDB releases the GIL while it works, so staging (Python) and copying
    (LadybugDB) overlap on two cores. The first error stops the copying.
    """

    def __init__(self, conn):
        super().__init__(name="kg-copy", daemon=True)
        self.conn, self.queue, self.error = conn, queue.Queue(), None

    def run(self) -> None:
        while (table := self.queue.get()) is not None:
            if self.error is None:
                try:
                    self.conn.execute(table.copy_statement())
                except RuntimeError as err:
                    self.error = err
            table.path.unlink(missing_ok=True)

    def hand(self, table: _Staging) -> None:
        """Queue a staged file; raise at once if a COPY has failed already."""
        if self.error is not None:
            raise self.error
        self.queue.put(table)

    def finish(self) -> None:
        """Wait for every COPY handed so far; raise the first error."""
        self.queue.put(None)
        self.join()
        if self.error is not None:
            raise self.error


def bulk_load(graph, db_path: Path, *, meanwhile=None) -> None:
    """Create a new LadybugDB database at ``db_path`` holding ``graph``.

    Nodes are staged first, then copied while the relations are staged (see
    :class:`_Copier`); a relation's COPY looks its ends up by id, so it comes after
    every node's. ``meanwhile`` (a callable) runs once everything is staged, while
    the last COPYs still run: the workspace writes its graph file then. The streaming
    build's bulk firms are staged by two processes (:func:`_bulk_half_beside`).
    """
    db_path.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".kg-copy-", dir=db_path.parent))
    try:
        with _bulk_half_beside(graph, staging) as half:  # forks before any thread starts
            _load(graph, db_path, staging, half, meanwhile)
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def _load(graph, db_path: Path, staging: Path, half, meanwhile) -> None:
    """Open the store, run the DDL, stage and COPY everything (see :func:`bulk_load`)."""
    import ladybug

    from kg.queries.common import chain_of_links

    # LadybugDB checkpoints as the log grows (in the copying thread, so mostly while Python
    # stages the next file), which keeps its memory lower than one checkpoint at the end
    database = ladybug.Database(str(db_path), compression=COMPRESSION)
    try:
        conn = ladybug.Connection(database)
        for statement in [*ddl(), firms_on.ddl()]:
            conn.execute(statement)
        copier = _Copier(conn)
        copier.start()
        try:
            edges: dict = {}
            counts = firms_on.FirmsOn(chain_of_links(graph), firms_on.zone_parents(graph))
            labels = _stage_nodes(graph, staging, copier.hand, edges, half, counts)
            _stage_edges(graph, labels, staging, copier.hand, edges)
            _stage_firms_on(counts, labels, staging, copier.hand)
            del labels
            if meanwhile is not None:
                meanwhile()
        finally:
            copier.finish()
        conn.execute("CHECKPOINT")  # the store is complete on disk before it goes live
        conn.close()
    except RuntimeError as err:
        raise EngineError(f"embedded store: bulk load failed: {err}") from None
    finally:
        database.close()


def write_embedded(graph, directory, *, meanwhile=None) -> None:
    """Workspace writer: the embedded Cypher store in ``directory/cypher/``.

    ``meanwhile`` runs while LadybugDB finishes copying (see :func:`bulk_load`).
    """
    folder = Path(directory) / STORE_DIR
    if folder.exists():
        shutil.rmtree(folder)
    bulk_load(graph, folder / DB_FILE, meanwhile=meanwhile)


write_embedded.label = "写入嵌入式图库"
write_embedded.runs_beside = True  # Workspace.save hands it the graph dump as `meanwhile`


# ---------------------------------------------------------------------------- running queries
_POSITION = re.compile(r"\(line: (\d+), offset: (\d+)\)")


def query_error(err: Exception, name: str = "cypher") -> QueryError:
    """A LadybugDB error as a QueryError; syntax errors say line and column (1-based)."""
    text = str(err)
    first = text.split("\n", 1)[0]
    match = _POSITION.search(text)
    if match:
        line, column = int(match.group(1)), int(match.group(2)) + 1
        detail = _POSITION.sub("", first).replace("Parser exception: ", "").strip()
        return QueryError(name, f"syntax error at line {line}, column {column}: {detail}")
    return QueryError(name, first)


def plain(value):
    """A LadybugDB result value as plain Python: nodes and relations become dicts."""
    if isinstance(value, dict):
        if "_LABEL" in value and "_ID" in value:
            out = {"_label": value["_LABEL"]}
            out.update({k: plain(v) for k, v in value.items()
                        if not k.startswith("_") and v is not None})
            return out
        return {k: plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [plain(v) for v in value]
    return value


class EmbeddedEngine:
    """Cypher on the workspace's embedded store; read-only unless ``write=True``.

    ``path`` is the store folder (``<generation>/cypher``) or a Workspace.
    """

    name = "embedded"

    def __init__(self, path, *, write: bool = False):
        import ladybug

        self._changed = None
        if hasattr(path, "file"):  # a Workspace: the store is checked against the manifest
            workspace, path = path, path.file(STORE_DIR)
            if write:
                self._changed = lambda: workspace.record_changed(path)
        db_file = Path(path) / DB_FILE
        if not db_file.exists():
            raise EngineError(f"no embedded Cypher store at {path}: run `kg build` again")
        try:
            self._db = ladybug.Database(str(db_file), read_only=not write)
            self._conn = ladybug.Connection(self._db)
        except RuntimeError as err:
            raise EngineError(f"cannot open the embedded store {db_file}: {err}") from None
        self.write = write

    def run(self, query: str, params: dict | None = None, *, name: str = "cypher") -> tuple:
        """Run one Cypher statement; returns (columns, rows as dicts).

        Without ``write`` the statement passes the guards of :mod:`kg.stores.embedded_guard`
        first (tokens, then the engine's own plan) and runs as the statement they checked.
        """
        values = dict(params or {})
        try:
            if self.write:
                result = self._conn.execute(query, values)
            else:
                outside = outside_store(query)
                if outside:
                    raise read_only_error(name, outside)
                result = self._conn.execute(engine_check(self._conn, query, values, name), values)
        except RuntimeError as err:
            if "read-only" in str(err):
                raise read_only_error(name) from None
            if "multiple statements" in str(err):
                raise read_only_error(name, "a second statement") from None
            raise query_error(err, name) from None
        if isinstance(result, list):  # several statements (with --write): the last one's answer
            result = result[-1]
        columns = result.get_column_names()
        rows = []
        while result.has_next():
            rows.append(dict(zip(columns, (plain(v) for v in result.get_next()))))
        return columns, rows

    def close(self) -> None:
        """Close the connection and the database (after --write, record the store's new hashes)."""
        self._conn.close()
        self._db.close()
        if self._changed is not None:
            self._changed()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()
