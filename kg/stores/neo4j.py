"""``kg push neo4j`` and ``kg cypher --neo4j``: the graph on a Neo4j (or FalkorDB) server.

Credentials come from ``NEO4J_URI``, ``NEO4J_USERNAME``, ``NEO4J_PASSWORD`` (or a
prompt on a terminal) and ``NEO4J_DATABASE`` (the driver's default when unset); they
are never options and never printed.

The writer makes ``id`` unique per label first, then sends nodes and relations in
batches of ``UNWIND $rows AS row MERGE …`` through managed transactions
(``execute_write``, so the driver retries transient failures). Pushing the same graph
twice leaves the same counts, and a push cut short is finished by pushing again.

Under Neo4j a row is a map (``row.id``, ``SET n += row.props``) and batches are bounded
by rows and by ``--batch-bytes``. FalkorDB writes each statement and its parameters as
text into a 4 KB buffer (see :mod:`kg.stores.dialect`), so there every byte counts:
rows are positional lists, one statement per set of present properties
(``SET n.name = row[1], …`` touches what ``SET n += row.props`` would), ids travel
without their ``Label/`` prefix, batches are filled to the measured text size, several
share one managed transaction, and a value too large for any statement is sent in pieces
(set, then appended to) within one transaction. (FalkorDB's Bolt layer prints doubles
with ``%f``, so they arrive with six decimals; its ``toFloat`` parses single precision,
so sending them as text would be worse.)

>>> from kg.stores.fixtures import hostile_graph
>>> plan = push_plan(hostile_graph(), NEO4J_DIALECT, batch_rows=100, batch_bytes=1 << 20)
>>> plan[0].text
'CREATE CONSTRAINT kg_Chain_id IF NOT EXISTS FOR (n:Chain) REQUIRE n.id IS UNIQUE'
>>> [s.text for s in plan if s.rows and s.label == "Zone"][0]
'UNWIND $rows AS row MERGE (n:Zone {id: row.id}) SET n += row.props'
>>> from kg.stores.dialect import FALKORDB
>>> [s.text for s in push_plan(hostile_graph(), FALKORDB) if s.label == "Chain"][1]
"UNWIND $rows AS row MERGE (n:Chain {id: 'Chain/' + row[0]}) SET n.name = row[1], n.aliases = row[2], n.sources = row[3]"
"""
from __future__ import annotations

import functools
import json
import logging
import os
import re
import sys
import threading
import time
from collections import defaultdict
from dataclasses import dataclass, field
from urllib.parse import urlsplit, urlunsplit

from kg import vocab
from kg.errors import EngineError, QueryError
from kg.stores.cypher_tokens import tokens
from kg.stores.dialect import NEO4J, Dialect, detect, text_size
from kg.stores.schema import edge_row, node_row

log = logging.getLogger("kg.neo4j")

NEO4J_DIALECT = NEO4J
NODE_MERGE = "UNWIND $rows AS row MERGE (n:{label} {{id: row.id}}) SET n += row.props"
EDGE_MERGE = ("UNWIND $rows AS row MATCH (a:{src} {{id: row.src}}) MATCH (b:{dst} {{id: row.dst}}) "
              "MERGE (a)-[r:{rel}]->(b) SET r += row.props")
NODE_ONE = "MERGE (n:{label} {{id: $id}}) SET n += $props"
EDGE_ONE = ("MATCH (a:{src} {{id: $src}}) MATCH (b:{dst} {{id: $dst}}) "
            "MERGE (a)-[r:{rel}]->(b) SET r += $props")
NODE_MATCH = "MATCH (n:{label} {{id: $id}})"
EDGE_MATCH = "MATCH (:{src} {{id: $src}})-[n:{rel}]->(:{dst} {{id: $dst}})"
DEFAULT_BATCH_ROWS = 1000
DEFAULT_BATCH_BYTES = 1 << 20
_PROPERTY = re.compile(r"[A-Za-z_][A-Za-z0-9_]*\Z")


# ---------------------------------------------------------------------------- settings
@dataclass
class Settings:
    """Where and how to connect; ``repr`` never shows the password."""

    uri: str
    user: str
    password: str = field(repr=False)
    database: str | None = None

    @classmethod
    def from_env(cls, *, prompt: bool = True) -> "Settings":
        """Read NEO4J_URI, NEO4J_USERNAME, NEO4J_PASSWORD, NEO4J_DATABASE (prompt for a password)."""
        uri = os.environ.get("NEO4J_URI")
        if not uri:
            raise EngineError("NEO4J_URI is not set: export NEO4J_URI=neo4j://host:7687 "
                              "(and NEO4J_USERNAME, NEO4J_PASSWORD)")
        user = os.environ.get("NEO4J_USERNAME") or os.environ.get("NEO4J_USER") or "neo4j"
        password = os.environ.get("NEO4J_PASSWORD")
        if password is None:
            if not (prompt and sys.stdin.isatty()):
                raise EngineError("NEO4J_PASSWORD is not set (and there is no terminal to ask on)")
            import click

            password = click.prompt(f"Neo4j password for {user}", hide_input=True, err=True)
        return cls(uri, user, password, os.environ.get("NEO4J_DATABASE") or None)

    @property
    def where(self) -> str:
        """The URI without any user:password part, for messages."""
        parts = urlsplit(self.uri)
        host = parts.hostname or ""
        if parts.port:
            host += f":{parts.port}"
        return urlunsplit((parts.scheme, host, parts.path, "", ""))


def _seconds(name: str, default: str) -> float:
    """A positive number of seconds from the environment variable ``name``."""
    text = os.environ.get(name, default)
    try:
        value = float(text)
    except ValueError:
        value = -1.0
    if not value > 0:
        raise EngineError(f"{name}={text!r} is not a positive number of seconds")
    return value


def _timeout() -> float:
    """Seconds to reach the server and log in (KG_NEO4J_TIMEOUT, default 15)."""
    return _seconds("KG_NEO4J_TIMEOUT", "15")


def read_timeout() -> float:
    """Seconds to wait for the server's answer to one call (KG_NEO4J_READ_TIMEOUT, default 120).

    The driver has no socket read timeout of its own (only a hint a server may send), so
    a server that accepts and then never answers would hang a call forever.
    """
    return _seconds("KG_NEO4J_READ_TIMEOUT", "120")


def _abandon(close) -> None:
    """Run ``close`` in a daemon thread that nobody waits for, its failure unreported: the
    server it talks to stopped answering, and the error already said so."""
    def quietly():
        try:
            close()
        except BaseException:  # noqa: BLE001 — the connection is known to be dead
            pass
    threading.Thread(target=quietly, name="kg-bolt-close", daemon=True).start()


class NoAnswer(EngineError):
    """The server took longer than the read timeout to answer a call."""


def answered(call, *args, limit: float, where: str, doing: str):
    """``call(*args)`` run in a helper thread; NoAnswer when it has not returned in ``limit`` s.

    The helper is a daemon thread: a call stuck on a frozen server is abandoned, and
    its error, when it has one, is raised here.

    >>> answered(sum, [1, 2], limit=5, where="bolt://x", doing="adding")
    3
    """
    box: dict = {}

    def work():
        try:
            box["value"] = call(*args)
        except BaseException as err:  # noqa: BLE001 — raised again in the caller's thread
            box["error"] = err
    helper = threading.Thread(target=work, name="kg-bolt-call", daemon=True)
    helper.start()
    helper.join(limit)
    if helper.is_alive():
        raise NoAnswer(f"{where} did not answer within {limit:g} s while {doing}; the server "
                       f"may be frozen or overloaded (set KG_NEO4J_READ_TIMEOUT to wait longer)")
    if "error" in box:
        raise box["error"]
    return box.get("value")


def _quiet_driver_log() -> None:
    """Keep the driver's own log (each retry, each dropped connection) for ``kg -v``.

    Failures reach users as one EngineError; the same failure logged again by the
    driver would be a second, noisier message.
    """
    driver_log = logging.getLogger("neo4j")
    if driver_log.level == logging.NOTSET and not logging.getLogger("kg").isEnabledFor(logging.INFO):
        driver_log.setLevel(logging.CRITICAL)


def connect(settings: Settings):
    """A verified driver; a wrong password or an unreachable server is one EngineError."""
    import neo4j
    from neo4j.exceptions import AuthError, ConfigurationError, DriverError, Neo4jError

    _quiet_driver_log()
    deadline = time.monotonic() + _timeout()
    wait = 0.5
    while True:
        # short handshakes, retried: FalkorDB's Bolt leaves the first handshake after a
        # closed connection unanswered, and a dead server should not cost the full timeout
        try:
            driver = neo4j.GraphDatabase.driver(
                settings.uri, auth=(settings.user, settings.password),
                connection_timeout=wait, connection_acquisition_timeout=wait,
                max_transaction_retry_time=_timeout())
        except (ConfigurationError, ValueError) as err:
            raise EngineError(f"NEO4J_URI {settings.where!r} is not a Bolt URI: "
                              f"{_clean(err, settings)}") from None
        try:
            driver.verify_connectivity()
            return driver
        except AuthError:
            driver.close()
            raise EngineError(f"{settings.where} refused the user name or password "
                              f"(NEO4J_USERNAME / NEO4J_PASSWORD)") from None
        except Neo4jError as err:  # the server answered and said no (FalkorDB: DatabaseError)
            driver.close()
            raise EngineError(f"{settings.where} refused the login ({err.code or type(err).__name__}); "
                              f"check NEO4J_USERNAME and NEO4J_PASSWORD") from None
        except (DriverError, OSError) as err:
            driver.close()
            if time.monotonic() + wait < deadline:
                wait = min(wait * 2, 8.0)
                continue
            raise EngineError(f"cannot reach {settings.where} within {_timeout():g} s "
                              f"({type(err).__name__}); check NEO4J_URI, that the server runs, "
                              f"and the credentials") from None


def _clean(err, settings: Settings) -> str:
    """The first line of an error's text with every secret of ``settings`` masked."""
    text = str(err).split("\n")[0]
    secrets = [settings.password, urlsplit(settings.uri).password, settings.uri]
    for secret in sorted((s for s in secrets if s), key=len, reverse=True):
        text = text.replace(secret, "***")
    return text


# ---------------------------------------------------------------------------- planning
@dataclass
class Statement:
    """One statement of a push with its batches of rows, or the steps of one oversized row.

    ``rows`` holds batches, each sent as ``$rows``; ``steps`` holds ``(text, params)``
    pairs run in order inside one transaction; ``one`` is the same write for a single
    row (``$id``, ``$props``), the per-row baseline of the benchmark.
    """

    text: str
    label: str = ""
    rows: list = field(default_factory=list)
    steps: list = field(default_factory=list)
    kind: str = "node"                            # schema, node, edge, piece
    one: str = ""

    @property
    def row_count(self) -> int:
        return sum(len(b) for b in self.rows)


def _json_size(value) -> int:
    return len(json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode("utf-8"))


class _Sizer:
    """How a dialect measures batches: FalkorDB by the statement's text, Neo4j by JSON bytes."""

    def __init__(self, dialect: Dialect, batch_bytes: int):
        self.dialect = dialect
        self.text = dialect.statement_limit is not None
        self.limit = min(batch_bytes, dialect.statement_limit) if self.text else batch_bytes
        self._overheads = {}

    def overhead(self, text: str) -> int:
        # an empty list is "[]"; each row then adds its text and a separator, ", " or the
        # brackets, so a batch of n rows is the overhead plus n × (row + 2) exactly
        if text not in self._overheads:
            self._overheads[text] = (self.dialect.statement_size(text, {"rows": []}) - 2
                                     if self.text else 2)
        return self._overheads[text]

    def row(self, row) -> int:
        return text_size(row) + 2 if self.text else _json_size(row) + 1

    def batches(self, text: str, rows: list, costs: list, max_rows: int) -> list:
        out, current, size = [], [], self.overhead(text)
        start = size
        for row, cost in zip(rows, costs):
            if current and (len(current) >= max_rows or size + cost > self.limit):
                out.append(current)
                current, size = [], start
            current.append(row)
            size += cost
        if current:
            out.append(current)
        return out


def _split_text(text: str, room: int, dialect: Dialect) -> list:
    """``text`` cut between characters so each piece, once encoded, takes at most ``room`` bytes."""
    pieces, start, size = [], 0, 0
    for i, ch in enumerate(text):
        cost = len(dialect.encode(ch).encode("utf-8"))
        if size + cost > room and i > start:
            pieces.append(text[start:i])
            start, size = i, 0
        size += cost
    pieces.append(text[start:])
    return pieces


def _pieces(match: str, keys: dict, props: dict, sizer: _Sizer) -> list:
    """``(text, params)`` steps that set each large property piece by piece, under the limit."""
    dialect = sizer.dialect
    enc_keys = dialect.encode(keys)
    steps = []
    for prop, value in props.items():
        p = f"n.{prop}"
        set_to, append = f"{match} SET {p} = $v", f"{match} SET {p} = {p} + $v"
        extend = f"{match} SET {p} = {p}[0..size({p})-1] + [{p}[size({p})-1] + $v]"
        room = sizer.limit - dialect.statement_size(extend, {**enc_keys, "v": ""}) - 8
        if room < 64:
            raise EngineError(f"statements of at most {sizer.limit} bytes leave no room for the "
                              f"value of {prop} on {next(iter(keys.values()))!r}; raise "
                              f"--batch-bytes (FalkorDB takes up to "
                              f"{dialect.statement_limit})")
        if not isinstance(value, list):
            first, *rest = _split_text(value, room, dialect)
            steps.append((set_to, {**keys, "v": first}))
            steps += [(append, {**keys, "v": piece}) for piece in rest]
            continue
        steps.append((f"{match} SET {p} = []", dict(keys)))
        group, size = [], 0
        for item in value:
            cost = text_size(dialect.encode(item)) + 2
            if group and size + cost > room:
                steps.append((append, {**keys, "v": group}))
                group, size = [], 0
            if cost <= room:
                group.append(item)
                size += cost
                continue
            first, *rest = _split_text(item, room - 4, dialect)
            steps.append((f"{match} SET {p} = {p} + [$v]", {**keys, "v": first}))
            steps += [(extend, {**keys, "v": piece}) for piece in rest]
        if group:
            steps.append((append, {**keys, "v": group}))
    return [(text, dialect.encode(params)) for text, params in steps]


def _props(row: dict, skip=("id",)) -> dict:
    return {k: v for k, v in row.items() if v is not None and v != [] and k not in skip}


def _short_id(label: str, node_id: str) -> tuple:
    """An id without its ``Label/`` prefix (and whether it had one): fewer bytes per row."""
    prefix = label + "/"
    return (node_id[len(prefix):], True) if node_id.startswith(prefix) else (node_id, False)


def _id_ref(label: str, index: int, shortened: bool) -> str:
    return f"'{label}/' + row[{index}]" if shortened else f"row[{index}]"


@functools.lru_cache(maxsize=1024)
def _sets(var: str, props: tuple, first: int) -> str:
    """``SET n.a = row[1], …`` for the present properties: what ``SET n += row.props`` does."""
    for prop in props:
        if not _PROPERTY.match(prop):
            raise EngineError(f"property name {prop!r} cannot be written unquoted")
    parts = [f"{var}.{prop} = row[{i}]" for i, prop in enumerate(props, first)]
    return (" SET " + ", ".join(parts)) if parts else ""


def _node_write(label: str, node_id: str, props: dict, compact: bool) -> tuple:
    """(statement, row) that write one node, as a map or as a compact positional row."""
    if not compact:
        return NODE_MERGE.format(label=label), {"id": node_id, "props": props}
    key, short = _short_id(label, node_id)
    return (f"UNWIND $rows AS row MERGE (n:{label} {{id: {_id_ref(label, 0, short)}}})"
            + _sets("n", tuple(props), 1), [key, *props.values()])


def _edge_write(rel: str, src: str, dst: str, a: str, b: str, props: dict, compact: bool) -> tuple:
    """(statement, row) that write one relation, as a map or as a compact positional row."""
    if not compact:
        return EDGE_MERGE.format(src=src, dst=dst, rel=rel), {"src": a, "dst": b, "props": props}
    (ka, sa), (kb, sb) = _short_id(src, a), _short_id(dst, b)
    return (f"UNWIND $rows AS row MATCH (a:{src} {{id: {_id_ref(src, 0, sa)}}}) "
            f"MATCH (b:{dst} {{id: {_id_ref(dst, 1, sb)}}}) MERGE (a)-[r:{rel}]->(b)"
            + _sets("r", tuple(props), 2), [ka, kb, *props.values()])


def _fit(props: dict, fits) -> tuple:
    """Move the largest string or list properties out of ``props`` until ``fits(small)``."""
    small, large = dict(props), {}
    for prop, value in sorted(props.items(), key=lambda kv: -_json_size(kv[1])):
        if fits(small):
            break
        if isinstance(value, (str, list)):
            large[prop] = small.pop(prop)
    return small, large


class _Planner:
    """Rows grouped by statement (with their sizes), and the pieces of rows too large for one."""

    def __init__(self, dialect: Dialect, sizer: _Sizer):
        self.dialect, self.sizer = dialect, sizer
        self.groups = defaultdict(lambda: ([], []))
        self.pieces = []

    def _sized(self, write, props) -> tuple:
        text, row = write(props)
        row = self.dialect.encode(row)
        cost = self.sizer.row(row)
        return text, row, cost, self.sizer.overhead(text) + cost <= self.sizer.limit

    def add(self, write, props, label: str, match: str, keys: dict) -> int:
        """Group one row by its statement, its oversized properties set apart in pieces;
        returns how many rows its statement now holds."""
        text, row, cost, fits = self._sized(write, props)
        if not fits and self.sizer.text:
            props, large = _fit(props, lambda small: self._sized(write, small)[3])
            self.pieces.append(Statement(match, label, kind="piece",
                                         steps=_pieces(match, keys, large, self.sizer)))
            text, row, cost, _ = self._sized(write, props)
        rows, costs = self.groups[text]
        rows.append(row)
        costs.append(cost)
        return len(rows)

    def statements(self, label: str, batch_rows: int, **extra) -> list:
        """The statements of the rows added since the last call, in batches (the pieces
        stay, for the end of the push)."""
        out = [Statement(text, label, self.sizer.batches(text, rows, costs, batch_rows), **extra)
               for text, (rows, costs) in self.groups.items()]
        self.groups.clear()
        return out


FLUSH_ROWS = 50_000  # rows a push plans ahead per statement: a 10M-firm push streams


def push_plan(graph, dialect: Dialect, *, batch_rows: int = DEFAULT_BATCH_ROWS,
              batch_bytes: int = DEFAULT_BATCH_BYTES, compact: bool | None = None) -> list:
    """Every statement of a push, in order: schema, nodes per label, relations per type, pieces.

    ``compact`` overrides the dialect's row form (the benchmark's per-row baseline uses maps).
    """
    return list(plan_stream(graph.node_records(), graph.edge_records(), dialect,
                            batch_rows=batch_rows, batch_bytes=batch_bytes, compact=compact))


def plan_stream(nodes, edges, dialect: Dialect, *, batch_rows: int = DEFAULT_BATCH_ROWS,
                batch_bytes: int = DEFAULT_BATCH_BYTES, compact: bool | None = None,
                flush_rows: int | None = None):
    """The statements of :func:`push_plan` from node and relation records as they come
    (``Workspace.records`` streams them from the answer index): a label's (or relation
    type's) rows are planned once ``flush_rows`` of them wait, the rest after the last
    record, so memory holds at most that many rows a statement. Every node comes before
    every relation, the pieces of oversized values last; a graph with fewer than
    ``flush_rows`` rows a label gets the plan it would get whole."""
    compact = dialect.compact_rows if compact is None else compact
    flush_rows = flush_rows or FLUSH_ROWS
    sizer = _Sizer(dialect, batch_bytes)
    planner = _Planner(dialect, sizer)  # holds the pieces until the end
    for label in vocab.LABELS:
        for text in dialect.schema(label):
            yield Statement(text, label, kind="schema")
    labels = {}  # ids that do not start with their label (node_id makes "Label/…")
    waiting = {}
    for record in nodes:
        label, node_id = record["label"], record["id"]
        if not node_id.startswith(label + "/"):
            labels[node_id] = label
        group = waiting.setdefault(label, _Planner(dialect, sizer))
        write = functools.partial(_node_write, label, node_id, compact=compact)
        if group.add(write, _props(node_row(record)), label, NODE_MATCH.format(label=label),
                     {"id": node_id}) >= flush_rows:
            yield from _flushed(group, planner, label, batch_rows, one=NODE_ONE.format(label=label))
    for label in vocab.LABELS:
        if label in waiting:
            yield from _flushed(waiting.pop(label), planner, label, batch_rows,
                                one=NODE_ONE.format(label=label))
    for record in edges:
        a, b, rel = record["src"], record["dst"], record["rel"]
        key = (rel, labels.get(a) or a.split("/", 1)[0], labels.get(b) or b.split("/", 1)[0])
        group = waiting.get(key)
        if group is None:
            vocab.relation(rel)
            group = waiting[key] = _Planner(dialect, sizer)
        write = functools.partial(_edge_write, rel, key[1], key[2], a, b, compact=compact)
        if group.add(write, _props(edge_row(record), ()), rel,
                     EDGE_MATCH.format(src=key[1], rel=rel, dst=key[2]),
                     {"src": a, "dst": b}) >= flush_rows:
            yield from _flushed(group, planner, rel, batch_rows, kind="edge",
                                one=EDGE_ONE.format(src=key[1], dst=key[2], rel=rel))
    for rel, src, dst in sorted(waiting):
        yield from _flushed(waiting[(rel, src, dst)], planner, rel, batch_rows, kind="edge",
                            one=EDGE_ONE.format(src=src, dst=dst, rel=rel))
    yield from planner.pieces


def _flushed(group: _Planner, planner: _Planner, label: str, batch_rows: int, **extra) -> list:
    """A group's statements now; its pieces wait in ``planner`` for the end of the push."""
    planner.pieces += group.pieces
    group.pieces = []
    return group.statements(label, batch_rows, **extra)


# ---------------------------------------------------------------------------- read-only guard
WRITE_WORDS = {"CREATE", "MERGE", "SET", "DELETE", "DETACH", "REMOVE", "DROP", "FOREACH",
               "LOAD", "ALTER", "GRANT", "DENY", "REVOKE", "RENAME", "TERMINATE"}
#: procedures known to only read (lower case); any other CALL needs --write
READ_PROCEDURES = {
    "db.labels", "db.relationshiptypes", "db.propertykeys", "db.indexes", "db.constraints",
    "db.info", "db.ping", "db.schema.visualization", "db.schema.nodetypeproperties",
    "db.schema.reltypeproperties", "db.index.fulltext.querynodes",
    "db.index.fulltext.queryrelationships", "db.idx.fulltext.querynodes",
    "db.idx.vector.querynodes", "db.meta.stats", "dbms.components", "dbms.procedures",
    "dbms.functions", "algo.pagerank", "algo.bfs", "algo.sppaths", "algo.sspaths", "algo.wcc",
    "algo.betweenness", "algo.labelpropagation",
}
def _write_clause(items: list) -> str | None:
    for i, (kind, text, start, _) in enumerate(items):
        if kind != "word":
            continue
        prev = items[i - 1] if i else None
        if prev and prev[3] == start and prev[1] == "$":
            continue                                   # $parameter
        if prev and prev[3] == start and prev[1] == "." and i > 1:
            before = items[i - 2]
            if before[3] == prev[2] and (before[0] in ("word", "name") or before[1] in ")]}"):
                continue                               # n.property
        word = text.upper()
        if word in WRITE_WORDS:
            return "LOAD CSV" if word == "LOAD" else word
        if word == "CALL":
            nxt = items[i + 1][1] if i + 1 < len(items) else ""
            if nxt in ("{", "("):
                continue                               # a subquery: its clauses are checked too
            parts, j = [], i + 1
            while j < len(items) and items[j][0] in ("word", "name"):
                parts.append(items[j][1].strip("`").replace("``", "`") if items[j][0] == "name"
                             else items[j][1])
                if j + 1 < len(items) and items[j + 1][1] == ".":
                    j += 2
                else:
                    break
            name = ".".join(parts)
            if name.lower() not in READ_PROCEDURES:
                return f"CALL {name}" if name else "CALL"
    return None


def write_clause(query: str) -> str | None:
    """The first clause of ``query`` that may write (or call an unknown procedure), else None.

    Words inside string literals, comments and backtick-quoted names do not count.

    >>> write_clause("MATCH (z:Zone {name: 'CREATE'}) // SET\\nRETURN z.set AS `DELETE`")
    >>> write_clause("MATCH (z:Zone) DETACH DELETE z")
    'DETACH'
    >>> write_clause("CALL apoc.create.node(['Zone'], {})"), write_clause("CALL db.labels()")
    ('CALL apoc.create.node', None)
    """
    # strings with backslash escapes and without: a statement is read-only only if
    # neither reading hides a write clause inside what the other calls a string
    for escaped in (True, False):
        clause = _write_clause(tokens(query, escaped=escaped))
        if clause:
            return clause
    return None


# ---------------------------------------------------------------------------- running
def _write(tx, text, params):
    tx.run(text, params).consume()


def _write_all(tx, steps):
    for text, params in steps:
        tx.run(text, params).consume()


def _read(tx, text, params):
    result = tx.run(text, params)
    return list(result.keys()), [record.values() for record in result]


class Neo4jEngine:
    """A connection to a Neo4j (or FalkorDB) server through managed transactions."""

    name = "neo4j"

    def __init__(self, settings: Settings, *, write: bool = False, dialect: str | None = None):
        from kg.stores.dialect import dialect as dialect_named

        self.settings = settings
        self.write = write
        self.frozen = False  # a call got no answer: the driver is abandoned, not closed
        self.read_timeout = read_timeout()
        self.driver = connect(settings)
        try:
            self.dialect = dialect_named(dialect) if dialect else detect(self.read_raw)
        except EngineError:
            self.close()
            raise
        if settings.database and self.dialect.name == "falkordb":
            log.warning("NEO4J_DATABASE=%s is ignored: FalkorDB writes managed transactions "
                        "to its graph 'falkordb' whatever the database name says",
                        settings.database)

    @classmethod
    def from_env(cls, *, write: bool = False, dialect: str | None = None) -> "Neo4jEngine":
        """An engine for the server that NEO4J_URI and friends name."""
        return cls(Settings.from_env(), write=write, dialect=dialect)

    def _session(self):
        """A session; READ access (routed to readers in a cluster) unless opened to write."""
        import neo4j

        options = {"default_access_mode": neo4j.WRITE_ACCESS if self.write else neo4j.READ_ACCESS}
        if self.settings.database:
            options["database"] = self.settings.database
        return self.driver.session(**options)

    def _answered(self, call, *args, doing: str):
        """``call(*args)`` bounded by the read timeout (see :func:`answered`)."""
        try:
            return answered(call, *args, limit=self.read_timeout, where=self.settings.where,
                            doing=doing)
        except NoAnswer:
            self.frozen = True
            raise

    def _lost(self, err, doing: str, done: str = "") -> EngineError:
        """One message for a connection that failed while ``doing`` something."""
        return EngineError(f"lost the connection to {self.settings.where} while {doing} "
                           f"({type(err).__name__}){done}")

    def read_raw(self, query: str, params: dict | None = None) -> tuple:
        """Run a read query; server errors propagate (for probes), a lost connection is an EngineError."""
        from neo4j.exceptions import DriverError

        def read():
            with self._session() as session:
                return session.execute_read(_read, query, params or {})
        try:
            return self._answered(read, doing="reading")
        except (DriverError, OSError) as err:
            raise self._lost(err, "reading") from None

    def _check_size(self, query: str, params: dict) -> int | None:
        limit = self.dialect.statement_limit
        if limit is None:
            return None
        size = self.dialect.statement_size(query, params)
        return size if size > limit else None

    def execute(self, query: str, params: dict | None = None, *, session=None) -> None:
        """Run one write statement in its own managed transaction (params already encoded).

        ``session`` reuses an open session (one per push); each call is still its own
        transaction with the driver's retries.
        """
        self.execute_all([(query, params or {})], session=session)

    def execute_all(self, steps: list, *, session=None) -> None:
        """Run ``(text, params)`` steps in order in one managed transaction (params encoded)."""
        for text, params in steps:
            size = self._check_size(text, params)
            if size:
                raise EngineError(f"a statement of {size} bytes would abort the {self.dialect.name} "
                                  f"server (limit {self.dialect.statement_limit}): {text[:60]}")
        if session is not None:
            self._answered(session.execute_write, _write_all, steps, doing="writing")
            return

        def write():
            with self._session() as own:
                own.execute_write(_write_all, steps)
        self._answered(write, doing="writing")

    def run(self, query: str, params: dict | None = None, *, name: str = "cypher") -> tuple:
        """Run a Cypher statement (write only when the engine was opened with write=True).

        Without ``write`` a statement with a write clause is refused before it is sent:
        the READ access mode stops it on Neo4j, but FalkorDB ignores access modes.
        """
        from neo4j.exceptions import ClientError, DriverError, Neo4jError

        if not self.write:
            clause = write_clause(query)
            if clause:
                raise QueryError(name, f"{clause} can change the database, and the store is "
                                       f"opened read-only; pass --write to allow it")
        values = self.dialect.encode(dict(params or {}))
        size = self._check_size(query, values)
        if size:
            raise QueryError(name, f"the query and its parameters come to {size} bytes as "
                                   f"{self.dialect.name} writes them, over its limit of "
                                   f"{self.dialect.statement_limit} (a larger one aborts the "
                                   f"server); use smaller parameters")
        def run():
            with self._session() as session:
                call = session.execute_write if self.write else session.execute_read
                return call(_read, query, values)
        try:
            columns, values = self._answered(run, doing=f"running query {name}")
        except ClientError as err:
            message = err.message or str(err)
            if not self.write and ("write" in message.lower() or "read" in message.lower()):
                raise QueryError(name, f"{message.splitlines()[0]}; pass --write to change the "
                                       f"database") from None
            raise QueryError(name, _position(message)) from None
        except Neo4jError as err:
            raise QueryError(name, f"the server failed the query ({err.code}): "
                                   f"{(err.message or '').splitlines()[0] if err.message else ''}"
                             ) from None
        except (DriverError, OSError) as err:
            raise self._lost(err, f"running query {name}") from None
        except UnicodeDecodeError:
            # FalkorDB cuts its error messages after a fixed number of bytes, even inside a
            # character, and the driver cannot decode the rest
            raise QueryError(name, "the server refused the query with an unreadable message "
                                   "(cut inside a character): check the syntax near non-ASCII "
                                   "text; write Chinese names in backticks, n.`名称`") from None
        return columns, [dict(zip(columns, (plain(v) for v in row))) for row in values]

    def counts(self) -> dict:
        """Nodes per label and relations per type on the server (the ontology's ones)."""
        nodes, rels = {}, {}
        for label in vocab.LABELS:
            n = self.read_raw(f"MATCH (n:{label}) RETURN count(n) AS c")[1][0][0]
            if n:
                nodes[label] = n
        for rel in vocab.RELATIONS:
            n = self.read_raw(f"MATCH ()-[r:{rel}]->() RETURN count(r) AS c")[1][0][0]
            if n:
                rels[rel] = n
        return {"nodes": nodes, "relations": rels}

    def release(self, session) -> None:
        """Close a session, or leave that to a daemon thread when the server stopped answering
        (closing waits for the call still stuck on it)."""
        if self.frozen:
            _abandon(session.close)
        else:
            session.close()

    def close(self) -> None:
        """Close the driver (left to a daemon thread when the server stopped answering)."""
        if self.frozen:
            _abandon(self.driver.close)
            return
        self.driver.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()


_NEO_POS = re.compile(r"\(line (\d+), column (\d+)")


def _position(message: str) -> str:
    first = message.splitlines()[0] if message else "failed"
    match = _NEO_POS.search(message or "")
    if match:
        return f"syntax error at line {match.group(1)}, column {match.group(2)}: {first}"
    return first


def plain(value):
    """A driver value as plain Python: nodes and relations become dicts."""
    from neo4j.graph import Node, Path, Relationship

    if isinstance(value, Node):
        labels = sorted(value.labels)
        return {"_label": labels[0] if labels else "", **dict(value)}
    if isinstance(value, Relationship):
        return {"_label": value.type, **dict(value)}
    if isinstance(value, Path):
        return [plain(n) for n in value.nodes]
    if isinstance(value, list):
        return [plain(v) for v in value]
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items()}
    return value


def _existing_indexes(engine: Neo4jEngine) -> set:
    if not engine.dialect.existing_indexes:
        return set()
    _, rows = engine.read_raw(engine.dialect.existing_indexes)
    return {label for label, props in rows if "id" in (props or [])}


def _what(st: Statement) -> str:
    if st.kind == "schema":
        return f"the {st.label} id index"
    if st.kind == "piece":
        return f"the pieces of an oversized {st.label} value"
    return f"{st.label} {'relations' if st.kind == 'edge' else 'nodes'}"


def _units(st: Statement, per_tx: int):
    """(steps, rows) of each managed transaction a statement needs."""
    if st.steps:
        yield st.steps, 0
        return
    for i in range(0, len(st.rows), per_tx):
        group = st.rows[i:i + per_tx]
        yield [(st.text, {"rows": batch}) for batch in group], sum(map(len, group))


def _run_plan(engine: Neo4jEngine, plan, units, label: str, *, total_rows: int | None = None) -> dict:
    """Send a plan's schema statements, then each unit; any failure becomes one EngineError.

    ``plan`` is a list, or a stream (:func:`plan_stream`) read as it is sent, its row
    count given as ``total_rows`` for the progress bar."""
    from neo4j.exceptions import DriverError, Neo4jError

    from kg.progress import progress

    if isinstance(plan, list):
        total_rows = sum(st.row_count for st in plan if st.kind != "schema")
    done, rows_done, current, session = 0, 0, None, None
    started = time.perf_counter()
    confirmed = ("{done} statements ({rows:,} rows) were confirmed. Run `kg push neo4j` again "
                 "{when}: every statement is a MERGE, so the new push completes this one "
                 "without duplicates")
    try:
        indexed = _existing_indexes(engine)
        with progress(length=total_rows, label=label) as bar:
            for st in plan:
                current = st
                if st.kind == "schema":
                    if st.label not in indexed:
                        engine.execute(st.text)
                    continue
                if session is None:
                    session = engine._session()
                for steps, rows in units(st):
                    engine.execute_all(steps, session=session)
                    done += len(steps)
                    rows_done += rows
                    bar.update(rows)
    except NoAnswer as err:
        raise EngineError(f"{err}; " + confirmed.format(done=done, rows=rows_done,
                                                        when="when the server answers")) from None
    except (DriverError, OSError) as err:
        doing = f"pushing {_what(current)}" if current else "reading its indexes"
        raise engine._lost(err, doing, "; " + confirmed.format(done=done, rows=rows_done,
                                                               when="")) from None
    except UnicodeDecodeError:
        raise EngineError(f"{engine.settings.where} refused {_what(current) if current else 'a read'}"
                          f" with an unreadable message; {done} statements were "
                          f"confirmed") from None
    except Neo4jError as err:
        what = _what(current) if current else "its index list"
        raise EngineError(f"{engine.settings.where} refused {what} ({err.code}): "
                          f"{_clean(err.message or err, engine.settings)}; {done} "
                          f"statements were written") from None
    finally:
        if session is not None:
            engine.release(session)
    return {"rows": rows_done, "batches": done, "seconds": time.perf_counter() - started}


def push(graph, engine: Neo4jEngine | None = None, *, dialect: Dialect | None = None,
         batch_rows: int = DEFAULT_BATCH_ROWS, batch_bytes: int = DEFAULT_BATCH_BYTES,
         dry_run: bool = False, echo=None, records: tuple | None = None,
         total_rows: int | None = None) -> dict:
    """Push ``graph`` to the server of ``engine``; returns rows sent, statements and seconds.

    ``records`` — (node records, relation records), e.g. ``Workspace.records()`` — are
    pushed instead of a graph (pass None for ``graph``), streamed as they are read, with
    ``total_rows`` (nodes + relations) for the progress bar. With ``dry_run`` nothing
    connects: ``echo`` receives each statement with its batch counts.
    """
    dialect = dialect or (engine.dialect if engine else NEO4J)
    if records is None:
        records = graph.node_records(), graph.edge_records()
        total_rows = sum(sum(kinds.values()) for kinds in graph.counts().values())
    nodes, edges = records
    plan = plan_stream(nodes, edges, dialect, batch_rows=batch_rows, batch_bytes=batch_bytes)
    if dry_run:
        rows = 0
        for st in plan:
            rows += st.row_count
            if st.kind == "schema":
                echo(st.text + ";")
            elif st.kind == "piece":
                for text, _ in st.steps:
                    echo(f"{text};  // one oversized value, in pieces")
            else:
                echo(f"{st.text};  // {st.row_count} rows in {len(st.rows)} batches")
        return {"rows": rows, "batches": 0, "seconds": 0.0}
    return _run_plan(engine, plan, lambda st: _units(st, dialect.tx_batches), "pushing",
                     total_rows=total_rows)


def push_row_by_row(graph, engine: Neo4jEngine) -> dict:
    """The baseline of the benchmark: the same rows, one statement (and transaction) per row.

    Each row is ``MERGE (n:Label {id: $id}) SET n += $props`` (or the relation's
    ``MATCH … MERGE``), the way one writes a single row by hand.
    """
    plan = push_plan(graph, engine.dialect, batch_rows=1, compact=False)

    def units(st):
        if st.steps:
            yield st.steps, 0
            return
        for batch in st.rows:
            for row in batch:
                params = {"id": row["id"]} if "id" in row else {"src": row["src"], "dst": row["dst"]}
                yield [(st.one, {**params, "props": row["props"]})], 1

    return _run_plan(engine, plan, units, "pushing row by row")
