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
from collections import defaultdict
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


def write_import(graph, folder, *, database: str | None = None) -> str:
    """Write the CSVs, headers, import.sh and constraints.cypher into ``folder``; returns the command."""
    folder = Path(folder).resolve()
    folder.mkdir(parents=True, exist_ok=True)
    labels, nodes = {}, defaultdict(list)
    for record in graph.node_records():
        labels[record["id"]] = record["label"]
        row = node_row(record)
        nodes[record["label"]].append([csv_text(row[n], t) for n, t in node_columns(record["label"])])
    rels = defaultdict(list)
    for record in graph.edge_records():
        row = edge_row(record)
        rels[record["rel"]].append([record["src"], record["dst"],
                                    *(csv_text(row[n], t) for n, t in edge_columns(record["rel"]))])
    args = ["neo4j-admin", "database", "import", "full",
            database or os.environ.get("NEO4J_DATABASE") or "neo4j"]
    for label in vocab.LABELS:
        if not nodes.get(label):
            continue
        cols = node_columns(label)
        header = ["id:ID"] + [n + TYPES[t] for n, t in cols[1:]]
        _write(folder / f"nodes_{label}.header.csv", [header])
        _write(folder / f"nodes_{label}.csv", nodes[label])
        args.append(f"--nodes={label}={folder / f'nodes_{label}.header.csv'},"
                    f"{folder / f'nodes_{label}.csv'}")
    for rel in vocab.RELATIONS:
        if not rels.get(rel):
            continue
        header = [":START_ID", ":END_ID"] + [n + TYPES[t] for n, t in edge_columns(rel)]
        _write(folder / f"rels_{rel}.header.csv", [header])
        _write(folder / f"rels_{rel}.csv", rels[rel])
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
