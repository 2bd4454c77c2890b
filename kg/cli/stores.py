"""``kg cypher``, ``kg queries``, ``kg push``, ``kg export``, ``kg sparql``, ``kg validate``.

Thin shells over :mod:`kg.stores`: each parses options, calls one library function
and renders its rows.
"""
from __future__ import annotations

import os
import sys
from pathlib import Path

import click

from kg.cli import echo_error
from kg.cli.options import emit, output_options, said_written, workspace_option
from kg.errors import KGError, QueryError

HISTORY = "~/.kg_history"


def _params(pairs) -> dict:
    from kg.stores.named import parse_param_options

    return parse_param_options(pairs)


def _open_engine(workspace, neo4j: bool, write: bool, dialect: str | None = None):
    from kg.api_run import open_engine  # one opener for the command and the Python API

    return open_engine(workspace, neo4j=neo4j, write=write, dialect=dialect)


def _statements(lines):
    from kg.api_run import split_statements  # one splitter for the command and the Python API

    return split_statements(lines)


def _interactive(engine, fmt: str, output) -> int:
    """The ``kg>`` prompt: statements end with ``;``; history in ~/.kg_history."""
    tty = sys.stdin.isatty()
    failures = 0
    if tty:
        import readline  # noqa: F401  (input() gains line editing and history)

        history = os.path.expanduser(os.environ.get("KG_HISTORY", HISTORY))
        try:
            readline.read_history_file(history)
        except OSError:
            pass
        click.echo("kg Cypher 提示符：语句以 ';' 结束，输入 :q 或按 Ctrl-D 退出。", err=True)

        def lines():
            prompt = "kg> "
            while True:
                try:
                    line = input(prompt)
                except EOFError:
                    click.echo("", err=True)
                    return
                if line.strip() in (":q", ":quit", "exit", "quit"):
                    return
                prompt = "kg> " if line.rstrip().endswith(";") else "... "
                yield line
        source = lines()
    else:
        source = (line for line in sys.stdin if line.strip() not in (":q", ":quit"))
    try:
        for statement in _statements(source):
            try:
                _, rows = engine.run(statement, {})
                emit(rows, fmt, output)
            except KGError as err:
                failures += 1
                echo_error(err)
    finally:
        if tty:
            try:
                readline.set_history_length(1000)
                readline.write_history_file(history)
            except OSError:
                pass
    return 1 if failures and not tty else 0


@click.command("cypher")
@click.argument("query", required=False)
@click.option("--file", "query_file", type=click.Path(exists=True, dir_okay=False),
              help="Read the query from FILE.")
@click.option("--name", "-n", "name", help="Run the named query NAME (see `kg queries`).")
@click.option("--param", "-p", "params", multiple=True, metavar="KEY=VALUE",
              help="Query parameter; KEY:=JSON for numbers, lists, booleans. Repeatable.")
@click.option("--write", is_flag=True, help="Allow the query to change the store.")
@click.option("--neo4j", "neo4j", is_flag=True,
              help="Run on Neo4j (NEO4J_URI, NEO4J_USERNAME, NEO4J_PASSWORD, NEO4J_DATABASE).")
@output_options
@workspace_option
def cypher_command(query, query_file, name, params, write, neo4j, fmt, output, workspace):
    """Run Cypher on the embedded store (or on Neo4j with --neo4j).

    \b
    Values go in parameters, never pasted into the query text:
      kg cypher "MATCH (z:Zone) RETURN z.name AS zone ORDER BY zone"
      kg cypher "MATCH (l:Link) WHERE l.chain = \\$chain RETURN l.name" -p chain=传感器
      kg cypher --file q.cypher --format csv -o out.csv
      kg cypher --name chain_gaps -p chain=传感器 -p zone=郑州高新区
      kg cypher                     # interactive prompt with history
    The store is opened read-only; a statement that writes needs --write.
    """
    given = [x for x in (query, query_file, name) if x]
    if len(given) > 1:
        raise click.UsageError("give one of QUERY, --file or --name")
    values = _params(params)
    engine = _open_engine(workspace, neo4j, write)
    try:
        if name:
            from kg.answers import named_params
            from kg.stores.named import run_named

            _, rows = run_named(engine, name, named_params(workspace, name, values))
        elif query or query_file:
            text = query if query else Path(query_file).read_text(encoding="utf-8")
            label = "cypher" if query else Path(query_file).name
            statements = list(_statements(text.splitlines(keepends=True)))
            if not statements:
                raise QueryError(label, "the query is empty")
            rows = []
            for statement in statements:
                _, rows = engine.run(statement, values, name=label)
        else:
            code = _interactive(engine, fmt, output)
            if code:
                raise SystemExit(code)
            return
    finally:
        engine.close()
    emit(rows, fmt, output)


@click.command("queries")
@output_options
def queries_command(fmt, output):
    """List the named queries: name, what each answers, its parameters.

    \b
      kg queries
      kg cypher --name chain_gaps -p chain=传感器 -p zone=郑州高新区
    """
    from kg.stores.named import list_queries

    emit([q.summary() for q in list_queries()], fmt, output,
         columns=["name", "answers", "parameters", "returns"])


@click.group("push")
def push_group():
    """Push the workspace graph to a server.

    \b
      kg push neo4j
      kg push neo4j --dry-run
    """


@push_group.command("neo4j")
@click.option("--batch-rows", type=click.IntRange(1), default=1000, show_default=True,
              help="Rows per batch (the neo4j dialect runs one managed transaction each).")
@click.option("--batch-bytes", type=click.IntRange(256), default=1 << 20, show_default=True,
              help="Bytes per batch (under FalkorDB each statement, query and parameters "
                   "together, stays under its 4 KB Bolt buffer).")
@click.option("--dialect", type=click.Choice(["neo4j", "falkordb"]), default=None,
              help="Server dialect [default: detected by a probe query].")
@click.option("--dry-run", is_flag=True, help="Print the statements; connect to nothing.")
@workspace_option
def push_neo4j_command(batch_rows, batch_bytes, dialect, dry_run, workspace):
    """Push nodes and relations to Neo4j with batched UNWIND … MERGE.

    \b
    Connection from the environment (never options, never printed):
      export NEO4J_URI=neo4j://host:7687 NEO4J_USERNAME=neo4j
      kg push neo4j                 # asks for the password unless NEO4J_PASSWORD is set
      kg push neo4j --dialect falkordb --batch-bytes 3000
      kg push neo4j --dry-run
    NEO4J_DATABASE picks a database (the server's default when unset; FalkorDB ignores
    it, and kg says so). KG_NEO4J_TIMEOUT (15 s) bounds connecting, KG_NEO4J_READ_TIMEOUT
    (120 s) each answer. Pushing twice leaves the same counts; a larger workspace adds
    only what is new.
    """
    from kg.stores.dialect import dialect as dialect_named
    from kg.stores.neo4j import Neo4jEngine, push

    # streamed from the answer index: the whole graph is never in memory
    records = workspace.records()
    counts = workspace.manifest().get("counts") or {}
    total = sum(sum((counts.get(kind) or {}).values()) for kind in ("nodes", "relations"))
    if dry_run:
        push(None, dialect=dialect_named(dialect or "neo4j"), batch_rows=batch_rows,
             batch_bytes=batch_bytes, dry_run=True, echo=click.echo, records=records)
        return
    with Neo4jEngine.from_env(write=True, dialect=dialect) as engine:
        stats = push(None, engine, batch_rows=batch_rows, batch_bytes=batch_bytes,
                     records=records, total_rows=total)
        where = engine.settings.where
        name = engine.dialect.name
    rate = stats["rows"] / stats["seconds"] if stats["seconds"] else 0
    click.echo(f"已推送 {stats['rows']} 行（{stats['batches']} 批）到 {where}（{name} 方言），"
               f"用时 {stats['seconds']:.1f} 秒，每秒 {rate:,.0f} 行", err=True)


@click.group("export")
def export_group():
    """Export the workspace graph: RDF, or CSVs for neo4j-admin import.

    \b
      kg export rdf --format jsonld -o graph.jsonld
      kg export neo4j-import import/
    """


@export_group.command("rdf")
@click.option("--format", "-f", "fmt", type=click.Choice(["trig", "nquads", "ttl", "nt", "jsonld"]),
              default="trig", show_default=True, help="RDF format.")
@click.option("--output", "-o", "output", type=click.Path(dir_okay=False), default=None,
              help="Write to FILE instead of stdout.")
@workspace_option
def export_rdf_command(fmt, output, workspace):
    """Write the graph as RDF (named graph per source in trig, nquads and jsonld).

    \b
    nquads and nt stream from the workspace's index, so they work at any size; trig,
    ttl and jsonld group the graph in memory first.
      kg export rdf --format nquads -o graph.nq
      kg export rdf --format ttl -o graph.ttl
      kg export rdf --format jsonld -o graph.jsonld
    """
    from kg.stores.rdf_export import write_rdf

    generation = workspace.indexed_generation() if fmt in ("nquads", "nt") else None
    if generation is not None:  # line formats stream from the answer index, a chunk at a time
        from kg.rdf_stream import write_lines_streamed

        def write(handle):
            write_lines_streamed(generation, handle, fmt)
    else:
        graph = workspace.load()  # written straight from the graph: no TriG parsed on the way

        def write(handle):
            write_rdf(graph, handle, fmt)
    if output:
        from kg.atomic import atomic_open

        path = Path(output)
        with atomic_open(path) as handle:
            write(handle)
        said_written(path)
    else:
        write(sys.stdout.buffer)
        sys.stdout.flush()


@export_group.command("neo4j-import")
@click.argument("directory", type=click.Path(file_okay=False))
@workspace_option
def export_neo4j_import_command(directory, workspace):
    """Write CSVs and headers for neo4j-admin database import, and print the command.

    \b
    The path for millions of rows (the database must be new or stopped):
      kg export neo4j-import import/
      sh import/import.sh && cypher-shell -f import/constraints.cypher
    """
    from kg.stores.neo4j_import import write_records

    # streamed from the answer index: the whole graph is never in memory
    command = write_records(*workspace.records(), directory)
    click.echo(command)
    said_written(directory, f"：在 Neo4j 服务器上运行上面的命令（也在 {Path(directory) / 'import.sh'} 中），"
                            f"然后运行 {Path(directory) / 'constraints.cypher'}")


@click.command("sparql")
@click.argument("query", required=False)
@click.option("--file", "query_file", type=click.Path(exists=True, dir_okay=False),
              help="Read the query from FILE.")
@click.option("--param", "-p", "params", multiple=True, metavar="KEY=VALUE",
              help="Bind ?KEY to VALUE (<iri> for an IRI, KEY:=JSON for numbers). Repeatable.")
@click.option("--write", is_flag=True, help="Allow an update; the result is written to -o as TriG.")
@output_options
@workspace_option
def sparql_command(query, query_file, params, write, fmt, output, workspace):
    """Run SPARQL on the workspace graph (all sources' named graphs as one default graph).

    \b
      kg sparql "PREFIX kg: <https://w3id.org/zonekg/ontology#>
                 SELECT ?z WHERE { ?z a kg:Zone ; kg:name ?name }" -p name=郑州高新区
    """
    from kg.stores.sparql import dump, load_store, sparql

    if bool(query) == bool(query_file):
        raise click.UsageError("give a QUERY or --file")
    text = query or Path(query_file).read_text(encoding="utf-8")
    store = load_store(workspace, graph=workspace.load())
    columns, rows = sparql(store, text, _params(params), write=write)
    if write and columns == ["quads_before", "quads_after"]:
        if not output:
            raise click.UsageError("--write needs -o FILE for the updated graph (TriG)")
        dump(store, output, "trig")
        said_written(output, f"：{rows[0]['quads_after']} 条四元组"
                             f"（原有 {rows[0]['quads_before']} 条）")
        return
    emit(rows, fmt, output, columns=columns)


@click.command("validate")
@output_options
@workspace_option
def validate_command(fmt, output, workspace):
    """Check the graph against the SHACL shapes; exit 1 when it does not conform.

    \b
    Each violation names the node, the shape and the source it came from.
      kg validate
      kg validate --format csv -o violations.csv
    """
    from kg.stores.shacl import conforms, validate

    graph = workspace.load()
    results = validate(graph, trig=workspace.file("graph.trig", graph=graph).read_bytes())
    if results:
        emit(results, fmt, output,
             columns=["severity", "node", "label", "shape", "path", "message", "value", "sources"])
    if not conforms(results):
        n = sum(1 for r in results if r["severity"] == "Violation")
        raise KGError(f"the graph does not conform to the SHACL shapes: {n} violation(s)")
    click.echo("图谱符合 SHACL 约束", err=True)


COMMANDS = [cypher_command, queries_command, push_group, export_group, sparql_command, validate_command]
