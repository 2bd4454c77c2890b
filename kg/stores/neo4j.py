"""``kg push neo4j`` and ``kg cypher --neo4j``: the graph on a Neo4j (or FalkorDB) server.

Credentials come from ``NEO4J_URI``, ``NEO4J_USERNAME``, ``NEO4J_PASSWORD`` (or a
prompt on a terminal) and ``NEO4J_DATABASE`` (the driver's default when unset); they
are never options and never printed.

The writer makes ``id`` unique per label first, then sends nodes and relations in
batches of ``UNWIND $rows AS row MERGE …``, each batch its own managed transaction
(``execute_write``, so the driver retries transient failures). Batches are bounded by
rows and by bytes; under the FalkorDB dialect a row larger than its parameter limit
is sent in pieces (the property set, then appended to) so no parameter passes it.
Pushing the same graph twice leaves the same counts.

>>> from kg.stores.fixtures import hand_graph
>>> plan = push_plan(hand_graph(), NEO4J_DIALECT, batch_rows=100, batch_bytes=1 << 20)
>>> plan[0].text
'CREATE CONSTRAINT kg_Chain_id IF NOT EXISTS FOR (n:Chain) REQUIRE n.id IS UNIQUE'
>>> [s.text for s in plan if s.rows and s.label == "Zone"][0]
'UNWIND $rows AS row MERGE (n:Zone {id: row.id}) SET n += row.props'
"""
from __future__ import annotations

import json
import os
import re
import sys
import time
from collections import defaultdict
from dataclasses import dataclass, field
from urllib.parse import urlsplit, urlunsplit

from kg import vocab
from kg.errors import EngineError, QueryError
from kg.stores.dialect import FALKORDB, NEO4J, Dialect, detect
from kg.stores.schema import edge_columns, edge_row, node_columns, node_row

NEO4J_DIALECT = NEO4J
NODE_MERGE = "UNWIND $rows AS row MERGE (n:{label} {{id: row.id}}) SET n += row.props"
EDGE_MERGE = ("UNWIND $rows AS row MATCH (a:{src} {{id: row.src}}) MATCH (b:{dst} {{id: row.dst}}) "
              "MERGE (a)-[r:{rel}]->(b) SET r += row.props")
NODE_MATCH = "MATCH (n:{label} {{id: $id}})"
EDGE_MATCH = "MATCH (:{src} {{id: $src}})-[n:{rel}]->(:{dst} {{id: $dst}})"
DEFAULT_BATCH_ROWS = 1000
DEFAULT_BATCH_BYTES = 1 << 20


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


def _timeout() -> float:
    return float(os.environ.get("KG_NEO4J_TIMEOUT", "15"))


def connect(settings: Settings):
    """A verified driver; a wrong password or an unreachable server is one EngineError."""
    import neo4j
    from neo4j.exceptions import AuthError, ConfigurationError, DriverError, Neo4jError

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
    text = str(err).split("\n")[0]
    if settings.password:
        text = text.replace(settings.password, "***")
    return text


# ---------------------------------------------------------------------------- planning
@dataclass
class Statement:
    """One statement of a push with its batches of rows (or one parameter map)."""

    text: str
    label: str = ""
    rows: list = field(default_factory=list)      # batches: lists of rows
    params: list = field(default_factory=list)    # single-shot parameter maps
    kind: str = "node"                            # schema, node, edge, piece

    @property
    def row_count(self) -> int:
        return sum(len(b) for b in self.rows) + len(self.params)


def _size(value) -> int:
    return len(json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode("utf-8"))


def _batches(rows: list, max_rows: int, max_bytes: int) -> list:
    batches, current, size = [], [], 2
    for row in rows:
        row_size = _size(row) + 1
        if current and (len(current) >= max_rows or size + row_size > max_bytes):
            batches.append(current)
            current, size = [], 2
        current.append(row)
        size += row_size
    if current:
        batches.append(current)
    return batches


def _split_text(text: str, limit: int, dialect: Dialect) -> list:
    """Pieces of ``text`` each under ``limit`` bytes once encoded for the dialect, as JSON."""
    pieces, start, size = [], 0, 2
    for i, ch in enumerate(text):
        cost = _size(dialect.encode(ch)) - 2
        if size + cost > limit and i > start:
            pieces.append(text[start:i])
            start, size = i, 2
        size += cost
    pieces.append(text[start:])
    return pieces


def _pieces(match: str, keys: dict, props: dict, limit: int, dialect: Dialect) -> list:
    """Statements that set large properties piece by piece, each parameter under ``limit``."""
    out = []
    for prop, value in props.items():
        p = f"n.`{prop}`"
        if isinstance(value, list):
            out.append((f"{match} SET {p} = []", dict(keys)))
            group, size = [], 2
            for item in value:
                item_size = _size(dialect.encode(item)) + 1
                if item_size > limit:
                    if group:
                        out.append((f"{match} SET {p} = {p} + $v", {**keys, "v": group}))
                        group, size = [], 2
                    first, *rest = _split_text(item, limit - 16, dialect)
                    out.append((f"{match} SET {p} = {p} + [$v]", {**keys, "v": first}))
                    for piece in rest:
                        out.append((f"{match} SET {p} = {p}[0..size({p})-1] + "
                                    f"[{p}[size({p})-1] + $v]", {**keys, "v": piece}))
                    continue
                if group and size + item_size > limit:
                    out.append((f"{match} SET {p} = {p} + $v", {**keys, "v": group}))
                    group, size = [], 2
                group.append(item)
                size += item_size
            if group:
                out.append((f"{match} SET {p} = {p} + $v", {**keys, "v": group}))
        else:
            first, *rest = _split_text(value, limit - 16, dialect)
            out.append((f"{match} SET {p} = $v", {**keys, "v": first}))
            for piece in rest:
                out.append((f"{match} SET {p} = {p} + $v", {**keys, "v": piece}))
    return out


def _fit(row: dict, keys: tuple, limit: int, dialect: Dialect) -> tuple:
    """Split a row into a small row and the properties too large to send whole."""
    small, large = dict(row["props"]), {}
    for prop, value in sorted(row["props"].items(), key=lambda kv: -_size(kv[1])):
        if _size(dialect.encode({**{k: row[k] for k in keys}, "props": small})) + 8 <= limit:
            break
        if isinstance(value, (str, list)):
            large[prop] = small.pop(prop)
    return {**{k: row[k] for k in keys}, "props": small}, large


def _props(row: dict, skip=("id",)) -> dict:
    return {k: v for k, v in row.items() if v is not None and v != [] and k not in skip}


def push_plan(graph, dialect: Dialect, *, batch_rows: int = DEFAULT_BATCH_ROWS,
              batch_bytes: int = DEFAULT_BATCH_BYTES) -> list:
    """Every statement of a push, in order: schema, nodes per label, relations per type."""
    limit = batch_bytes if dialect.param_limit is None else min(batch_bytes, dialect.param_limit)
    plan = [Statement(text, label, kind="schema") for label in vocab.LABELS
            for text in dialect.schema(label)]
    nodes, labels = defaultdict(list), {}
    for record in graph.node_records():
        labels[record["id"]] = record["label"]
        nodes[record["label"]].append({"id": record["id"], "props": _props(node_row(record))})
    edges = defaultdict(list)
    for record in graph.edge_records():
        key = (record["rel"], labels[record["src"]], labels[record["dst"]])
        edges[key].append({"src": record["src"], "dst": record["dst"],
                           "props": _props(edge_row(record), ())})
    pieces = []
    for label in vocab.LABELS:
        rows = nodes.get(label, [])
        fitted = []
        for row in rows:
            if dialect.param_limit is not None and _size(dialect.encode(row)) + 8 > limit:
                row, large = _fit(row, ("id",), limit, dialect)
                pieces += [Statement(t, label, params=[p], kind="piece") for t, p in
                           _pieces(NODE_MATCH.format(label=label), {"id": row["id"]}, large,
                                   limit, dialect)]
            fitted.append(row)
        if fitted:
            plan.append(Statement(NODE_MERGE.format(label=label), label,
                                  _batches(dialect.encode(fitted), batch_rows, limit)))
    for (rel, src, dst) in sorted(edges):
        vocab.relation(rel)
        fitted = []
        for row in edges[(rel, src, dst)]:
            if dialect.param_limit is not None and _size(dialect.encode(row)) + 8 > limit:
                row, large = _fit(row, ("src", "dst"), limit, dialect)
                match = EDGE_MATCH.format(src=src, rel=rel, dst=dst)
                pieces += [Statement(t, rel, params=[p], kind="piece") for t, p in
                           _pieces(match, {"src": row["src"], "dst": row["dst"]}, large, limit,
                                   dialect)]
            fitted.append(row)
        plan.append(Statement(EDGE_MERGE.format(src=src, dst=dst, rel=rel), rel,
                              _batches(dialect.encode(fitted), batch_rows, limit), kind="edge"))
    for piece in pieces:
        piece.params = dialect.encode(piece.params)
    return plan + pieces


# ---------------------------------------------------------------------------- running
def _write(tx, text, params):
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
        self.driver = connect(settings)
        self.dialect = dialect_named(dialect) if dialect else detect(self.read_raw)

    @classmethod
    def from_env(cls, *, write: bool = False, dialect: str | None = None) -> "Neo4jEngine":
        """An engine for the server that NEO4J_URI and friends name."""
        return cls(Settings.from_env(), write=write, dialect=dialect)

    def _session(self):
        return self.driver.session(database=self.settings.database) if self.settings.database \
            else self.driver.session()

    def read_raw(self, query: str, params: dict | None = None) -> tuple:
        """Run a read query; Neo4j errors propagate (for probes)."""
        with self._session() as session:
            return session.execute_read(_read, query, params or {})

    def execute(self, query: str, params: dict | None = None, *, session=None) -> None:
        """Run one write statement in its own managed transaction (params already encoded).

        ``session`` reuses an open session (one per push); each call is still its own
        transaction with the driver's retries.
        """
        if session is not None:
            session.execute_write(_write, query, params or {})
            return
        with self._session() as own:
            own.execute_write(_write, query, params or {})

    def run(self, query: str, params: dict | None = None, *, name: str = "cypher") -> tuple:
        """Run a Cypher statement (write only when the engine was opened with write=True)."""
        from neo4j.exceptions import ClientError, Neo4jError

        try:
            with self._session() as session:
                call = session.execute_write if self.write else session.execute_read
                columns, values = call(_read, query, self.dialect.encode(dict(params or {})))
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

    def close(self) -> None:
        """Close the driver."""
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


def push(graph, engine: Neo4jEngine | None = None, *, dialect: Dialect | None = None,
         batch_rows: int = DEFAULT_BATCH_ROWS, batch_bytes: int = DEFAULT_BATCH_BYTES,
         dry_run: bool = False, echo=None) -> dict:
    """Push ``graph`` to the server of ``engine``; returns rows sent, batches and seconds.

    With ``dry_run`` nothing connects: ``echo`` receives each statement with its batch counts.
    """
    from kg.progress import progress

    dialect = dialect or (engine.dialect if engine else NEO4J)
    plan = push_plan(graph, dialect, batch_rows=batch_rows, batch_bytes=batch_bytes)
    if dry_run:
        for st in plan:
            if st.kind == "schema":
                echo(st.text + ";")
            elif st.kind == "piece":
                echo(f"{st.text};  // one oversized value, in pieces")
            else:
                echo(f"{st.text};  // {st.row_count} rows in {len(st.rows)} batches")
        return {"rows": sum(st.row_count for st in plan), "batches": 0, "seconds": 0.0}
    started = time.perf_counter()
    indexed = _existing_indexes(engine)
    for st in plan:
        if st.kind == "schema" and st.label not in indexed:
            engine.execute(st.text)
    total = sum(st.row_count for st in plan if st.kind != "schema")
    batches = 0
    with progress(length=total, label="pushing") as bar, engine._session() as session:
        for st in plan:
            if st.kind == "schema":
                continue
            for batch in st.rows:
                engine.execute(st.text, {"rows": batch}, session=session)
                batches += 1
                bar.update(len(batch))
            for params in st.params:
                engine.execute(st.text, params, session=session)
                batches += 1
                bar.update(1)
    return {"rows": total, "batches": batches, "seconds": time.perf_counter() - started}


def push_row_by_row(graph, engine: Neo4jEngine) -> dict:
    """The baseline of the benchmark: one statement (and transaction) per row."""
    plan = push_plan(graph, engine.dialect, batch_rows=1, batch_bytes=engine.dialect.param_limit
                     or DEFAULT_BATCH_BYTES)
    started = time.perf_counter()
    indexed = _existing_indexes(engine)
    rows = 0
    with engine._session() as session:
        for st in plan:
            if st.kind == "schema":
                if st.label not in indexed:
                    engine.execute(st.text)
                continue
            single = st.text.replace("UNWIND $rows AS row ", "").replace("row.", "$")
            for batch in st.rows:
                for row in batch:
                    engine.execute(single, row, session=session)
                    rows += 1
            for params in st.params:
                engine.execute(st.text, params, session=session)
                rows += 1
    return {"rows": rows, "seconds": time.perf_counter() - started}
