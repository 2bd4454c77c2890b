"""``kg export neo4j-import DIR``: CSV files and headers for ``neo4j-admin database import full``.

The path for millions of rows: one header file and one data file per label and per
relation type, the exact command to run (also written to ``DIR/import.sh``), and the
uniqueness constraints to create afterwards (``DIR/constraints.cypher``).

>>> import tempfile
>>> from kg.stores.fixtures import hostile_graph
>>> folder = tempfile.mkdtemp()
>>> command = write_import(hostile_graph(), folder)
>>> command.split()[:5]
['neo4j-admin', 'database', 'import', 'full', 'neo4j']
>>> (Path(folder) / "nodes_Link.header.csv").read_text(encoding="utf-8").split(",")[:5]
['id:ID', 'name', 'aliases:string[]', 'sources:string[]', 'chain']
"""
from __future__ import annotations

import csv
import os
import shlex
from pathlib import Path

from kg import vocab
from kg.stores.dialect import NEO4J
from kg.stores.schema import LIST_SEP, csv_text, edge_columns, edge_row, node_columns, node_row

ARRAY_DELIMITER = LIST_SEP
TYPES = {"STRING": "", "STRING[]": ":string[]", "INT64": ":long", "DOUBLE": ":double",
         "BOOLEAN": ":boolean"}


def _write(path: Path, rows) -> int:
    count = 0
    with open(path, "w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, quoting=csv.QUOTE_MINIMAL)
        for row in rows:
            writer.writerow(row)
            count += 1
    return count


class _Files:
    """One data file per label or relation type, opened at its first row: rows stream to
    disk as they come, so memory holds no table (millions of rows at province scale)."""

    def __init__(self, folder: Path, prefix: str):
        self.folder, self.prefix = folder, prefix
        self.open: dict = {}

    def writer(self, name: str):
        hit = self.open.get(name)
        if hit is None:
            handle = open(self.folder / f"{self.prefix}_{name}.csv", "w", encoding="utf-8",
                          newline="")
            hit = self.open[name] = (handle, csv.writer(handle, quoting=csv.QUOTE_MINIMAL))
        return hit[1]

    def close(self) -> None:
        for handle, _ in self.open.values():
            handle.close()


def write_import(graph, folder, *, database: str | None = None) -> str:
    """Write the CSVs, headers, import.sh and constraints.cypher into ``folder``; returns the command."""
    return write_records(graph.node_records(), graph.edge_records(), folder, database=database)


def write_records(nodes, edges, folder, *, database: str | None = None) -> str:
    """:func:`write_import` from node and relation records (as ``KnowledgeGraph.node_records``
    and ``edge_records`` give them, in any order), each written as it comes.

    ``kg export neo4j-import`` streams them from the workspace's answer index
    (:func:`kg.index_read.iter_records`), so the whole graph is never in memory.
    """
    folder = Path(folder).resolve()
    folder.mkdir(parents=True, exist_ok=True)
    node_files, rel_files = _Files(folder, "nodes"), _Files(folder, "rels")
    try:
        for record in nodes:
            row = node_row(record)
            node_files.writer(record["label"]).writerow(
                [csv_text(row[n], t) for n, t in node_columns(record["label"])])
        for record in edges:
            row = edge_row(record)
            rel_files.writer(record["rel"]).writerow(
                [record["src"], record["dst"],
                 *(csv_text(row[n], t) for n, t in edge_columns(record["rel"]))])
    finally:
        node_files.close()
        rel_files.close()
    args = ["neo4j-admin", "database", "import", "full",
            database or os.environ.get("NEO4J_DATABASE") or "neo4j"]
    for label in vocab.LABELS:
        if label not in node_files.open:
            continue
        cols = node_columns(label)
        header = ["id:ID"] + [n + TYPES[t] for n, t in cols[1:]]
        _write(folder / f"nodes_{label}.header.csv", [header])
        args.append(f"--nodes={label}={folder / f'nodes_{label}.header.csv'},"
                    f"{folder / f'nodes_{label}.csv'}")
    for rel in vocab.RELATIONS:
        if rel not in rel_files.open:
            continue
        header = [":START_ID", ":END_ID"] + [n + TYPES[t] for n, t in edge_columns(rel)]
        _write(folder / f"rels_{rel}.header.csv", [header])
        args.append(f"--relationships={rel}={folder / f'rels_{rel}.header.csv'},"
                    f"{folder / f'rels_{rel}.csv'}")
    args += ["--array-delimiter=U+001F", "--multiline-fields=true", "--input-encoding=UTF-8"]
    command = " ".join(shlex.quote(a) for a in args)
    (folder / "import.sh").write_text(
        "#!/bin/sh\n# Run on the Neo4j server with the database stopped (or absent), then create\n"
        "# the constraints of constraints.cypher, e.g. with cypher-shell -f constraints.cypher\n"
        f"set -e\n{command}\n", encoding="utf-8")
    os.chmod(folder / "import.sh", 0o755)
    (folder / "constraints.cypher").write_text(
        "".join(s + ";\n" for label in vocab.LABELS for s in NEO4J.schema(label)), encoding="utf-8")
    return command
