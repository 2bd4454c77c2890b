"""The embedded Cypher store: a LadybugDB database inside the workspace, no server.

``kg build`` calls :func:`write_embedded`, which declares one node table per label
and one relation table per relation type (with every allowed FROM/TO pair), all
generated from the ontology, and bulk-loads them with ``COPY … FROM`` CSV files.
:class:`EmbeddedEngine` opens it read-only unless asked to write.

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
import re
import shutil
import tempfile
from collections import defaultdict
from pathlib import Path

from kg import vocab
from kg.errors import EngineError, QueryError
from kg.stores.schema import (LIST_SEP, csv_text, edge_columns, edge_row, label_pairs,
                              node_columns, node_row)

STORE_DIR = "cypher"          # inside a workspace generation
DB_FILE = "graph.lbug"        # inside STORE_DIR
SEP = LIST_SEP


def ddl() -> list:
    """The CREATE NODE TABLE / CREATE REL TABLE statements of the ontology.

    >>> [s for s in ddl() if s.startswith("CREATE REL TABLE IN_REGION")]
    ['CREATE REL TABLE IN_REGION(FROM Zone TO Region, `sources` STRING[])']
    """
    statements = []
    for label in vocab.LABELS:
        cols = ", ".join(f"`{name}` {kind}" for name, kind in node_columns(label))
        statements.append(f"CREATE NODE TABLE {label}({cols}, PRIMARY KEY(`id`))")
    for rel in vocab.RELATIONS:
        pairs = ", ".join(f"FROM {a} TO {b}" for a, b in label_pairs(rel))
        cols = ", ".join(f"`{name}` {kind}" for name, kind in edge_columns(rel))
        statements.append(f"CREATE REL TABLE {rel}({pairs}, {cols})")
    return statements


def _load_clause(path: Path, columns: list, keys: list, parallel: bool = False) -> str:
    """A ``LOAD … RETURN`` subquery that reads a staging CSV with declared types."""
    head = [(k, "STRING") for k in keys] + [(n, "STRING" if t == "STRING[]" else t)
                                           for n, t in columns]
    declared = ", ".join(f"`{name}` {kind}" for name, kind in head)
    returns = [f"`{k}`" for k in keys]
    for name, kind in columns:
        if kind == "STRING[]":
            returns.append(f"list_filter(string_split(coalesce(`{name}`, ''), '{SEP}'), x -> x <> '')")
        else:
            returns.append(f"`{name}`")
    # the path is ours (a temp dir), never user data; quotes are escaped anyway
    where = str(path).replace("\\", "\\\\").replace("'", "\\'")
    # parallel CSV reading cannot split quoted newlines, so it is used only without them
    flag = "true" if parallel else "false"
    return (f"LOAD WITH HEADERS ({declared}) FROM '{where}' (header=true, parallel={flag}) "
            f"RETURN {', '.join(returns)}")


def _write_csv(path: Path, header: list, rows) -> bool:
    """Write a staging CSV; True when no value holds a line break (parallel reading is safe)."""
    flat = True
    with open(path, "w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(header)
        for row in rows:
            if flat and any("\n" in v or "\r" in v for v in row):
                flat = False
            writer.writerow(row)
    return flat


def bulk_load(graph, db_path: Path) -> None:
    """Create a new LadybugDB database at ``db_path`` holding ``graph``."""
    import ladybug

    labels = {}
    nodes = defaultdict(list)
    for record in graph.node_records():
        labels[record["id"]] = record["label"]
        cols = node_columns(record["label"])
        row = node_row(record)
        nodes[record["label"]].append([csv_text(row[n], t) for n, t in cols])
    edges = defaultdict(list)
    for record in graph.edge_records():
        pair = (record["rel"], labels[record["src"]], labels[record["dst"]])
        row = edge_row(record)
        edges[pair].append([record["src"], record["dst"],
                            *(csv_text(row[n], t) for n, t in edge_columns(record["rel"]))])
    db_path.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix="kg-copy-"))
    database = ladybug.Database(str(db_path))
    try:
        conn = ladybug.Connection(database)
        for statement in ddl():
            conn.execute(statement)
        for label, rows in sorted(nodes.items()):
            cols = node_columns(label)
            path = staging / f"{label}.csv"
            flat = _write_csv(path, [n for n, _ in cols], rows)
            conn.execute(f"COPY {label} FROM ({_load_clause(path, cols, [], flat)})")
        for (rel, src, dst), rows in sorted(edges.items()):
            cols = edge_columns(rel)
            path = staging / f"{rel}-{src}-{dst}.csv"
            flat = _write_csv(path, ["from", "to", *(n for n, _ in cols)], rows)
            conn.execute(f"COPY {rel} FROM ({_load_clause(path, cols, ['from', 'to'], flat)}) "
                         f"(from='{src}', to='{dst}')")
        conn.close()
    except RuntimeError as err:
        raise EngineError(f"embedded store: bulk load failed: {err}") from None
    finally:
        database.close()
        shutil.rmtree(staging, ignore_errors=True)


def write_embedded(graph, directory) -> None:
    """Workspace writer: the embedded Cypher store in ``directory/cypher/``."""
    folder = Path(directory) / STORE_DIR
    if folder.exists():
        shutil.rmtree(folder)
    bulk_load(graph, folder / DB_FILE)


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

        if hasattr(path, "file"):
            path = path.file(STORE_DIR)
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
        """Run one Cypher statement; returns (columns, rows as dicts)."""
        try:
            result = self._conn.execute(query, dict(params or {}))
        except RuntimeError as err:
            if "read-only" in str(err):
                raise QueryError(name, "the embedded store is opened read-only; "
                                       "pass --write to change it") from None
            raise query_error(err, name) from None
        if isinstance(result, list):  # several statements: the last one's answer
            result = result[-1]
        columns = result.get_column_names()
        rows = []
        while result.has_next():
            rows.append(dict(zip(columns, (plain(v) for v in result.get_next()))))
        return columns, rows

    def close(self) -> None:
        """Close the connection and the database."""
        self._conn.close()
        self._db.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()
