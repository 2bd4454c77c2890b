"""Running queries and writers on a workspace, as ``kg cypher``, ``kg sparql``, ``kg export`` and ``kg push`` do.

Each function takes a :class:`kg.workspace.Workspace` and the command's parameters as
Python values, calls the same store functions as the command, and returns what the
command prints: rows, or the text of a file.

>>> list(split_statements(["MATCH (n) RETURN n;\\n", "MATCH (m)\\n", "RETURN m"]))
['MATCH (n) RETURN n', 'MATCH (m)\\nRETURN m']
"""
from __future__ import annotations

import io
from pathlib import Path

from kg.errors import QueryError


def split_statements(lines):
    """Statements from lines of text: each ends with ``;`` at a line end (or at the end)."""
    buffer = []
    for line in lines:
        buffer.append(line.rstrip("\n"))
        if line.rstrip().endswith(";"):
            text = "\n".join(buffer).rstrip().rstrip(";").strip()
            buffer = []
            if text:
                yield text
    text = "\n".join(buffer).strip().rstrip(";").strip()
    if text:
        yield text


def open_engine(workspace, *, neo4j: bool = False, write: bool = False, dialect: str | None = None):
    """The engine ``kg cypher`` runs on: the embedded store, or Neo4j from the environment."""
    from kg.stores.hints import Hinted

    if neo4j:
        from kg.stores.neo4j import Neo4jEngine

        return Hinted(Neo4jEngine.from_env(write=write, dialect=dialect))
    from kg.stores.embedded import EmbeddedEngine

    return Hinted(EmbeddedEngine(workspace, write=write))


def run_cypher(workspace, query: str | None = None, *, file=None, name: str | None = None,
               params: dict | None = None, write: bool = False, neo4j: bool = False) -> list:
    """The rows of the last statement of ``query`` (or ``file``), or of the named query ``name``."""
    given = [x for x in (query, file, name) if x]
    if len(given) != 1:
        raise QueryError("cypher", "give one of query, file or name")
    params = dict(params or {})
    engine = open_engine(workspace, neo4j=neo4j, write=write)
    try:
        if name:
            from kg.answers import named_params
            from kg.stores.named import run_named

            return run_named(engine, name, named_params(workspace, name, params))[1]
        text = query if query else Path(file).read_text(encoding="utf-8")
        label = "cypher" if query else Path(file).name
        statements = list(split_statements(text.splitlines(keepends=True)))
        if not statements:
            raise QueryError(label, "the query is empty")
        rows: list = []
        for statement in statements:
            _, rows = engine.run(statement, params, name=label)
        return rows
    finally:
        engine.close()


def run_sparql(workspace, query: str | None = None, *, file=None, params: dict | None = None,
               write: bool = False, output=None) -> tuple:
    """(columns, rows) of a SPARQL query; an update with ``write`` is saved to ``output`` (TriG)."""
    from kg.stores.sparql import dump, load_store, sparql

    if bool(query) == bool(file):
        raise QueryError("sparql", "give a query or a file")
    text = query or Path(file).read_text(encoding="utf-8")
    store = load_store(workspace, graph=workspace.load())
    columns, rows = sparql(store, text, dict(params or {}), write=write)
    if write and columns == ["quads_before", "quads_after"]:
        if not output:
            raise QueryError("sparql", "an update needs output=FILE for the updated graph (TriG)")
        dump(store, output, "trig")
    return columns, rows


def export(workspace, target: str = "rdf", output=None, *, fmt: str = "trig"):
    """``kg export rdf`` (the text, or the path written) or ``kg export neo4j-import DIR``."""
    if target == "neo4j-import":
        from kg.stores.neo4j_import import write_records

        if not output:
            raise QueryError("export", "neo4j-import needs output=DIRECTORY")
        return write_records(*workspace.records(), output)  # streamed, as kg export does
    if target != "rdf":
        raise QueryError("export", f"unknown target {target!r}; known: rdf, neo4j-import")
    from kg.atomic import atomic_open
    from kg.stores.rdf_export import write_rdf

    graph = workspace.load()
    if output is None:
        buffer = io.BytesIO()
        write_rdf(graph, buffer, fmt)
        return buffer.getvalue().decode("utf-8")
    path = Path(output)
    with atomic_open(path, "wb") as handle:
        write_rdf(graph, handle, fmt)
    return path


def push(workspace, target: str = "neo4j", *, batch_rows: int = 1000, batch_bytes: int = 1 << 20,
         dialect: str | None = None, dry_run: bool = False):
    """``kg push neo4j``: the push's counts, or with ``dry_run`` the statements it would send."""
    from kg.stores.dialect import dialect as dialect_named
    from kg.stores.neo4j import Neo4jEngine
    from kg.stores.neo4j import push as push_graph

    if target != "neo4j":
        raise QueryError("push", f"unknown target {target!r}; known: neo4j")
    graph = workspace.load()
    if dry_run:
        lines: list = []
        push_graph(graph, dialect=dialect_named(dialect or "neo4j"), batch_rows=batch_rows,
                   batch_bytes=batch_bytes, dry_run=True, echo=lines.append)
        return lines
    with Neo4jEngine.from_env(write=True, dialect=dialect) as engine:
        return push_graph(graph, engine, batch_rows=batch_rows, batch_bytes=batch_bytes)
