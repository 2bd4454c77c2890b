"""kg export neo4j-import: headers and CSVs that neo4j-admin reads, and the exact command."""
from __future__ import annotations

import csv
import shlex

from click.testing import CliRunner

from kg import vocab
from kg.cli import cli
from kg.stores.fixtures import HOSTILE, HOSTILE_FIRM, hostile_graph
from kg.stores.neo4j_import import ARRAY_DELIMITER
from kg.workspace import Workspace


def test_export_writes_every_label_and_relation_type(tmp_path):
    """Each label and relation type gets a header and data file whose rows are exactly the
    graph's nodes (id and name) and relations (start and end ids)."""
    graph = hostile_graph()
    ws = Workspace(tmp_path / "ws")
    ws.save(graph, [])
    target = tmp_path / "import"
    out = CliRunner().invoke(cli, ["export", "neo4j-import", "-w", str(ws.path), str(target)])
    assert out.exit_code == 0, out.output
    command = shlex.split(out.stdout.strip())
    assert command[:5] == ["neo4j-admin", "database", "import", "full", "neo4j"]
    assert "--array-delimiter=U+001F" in command and "--multiline-fields=true" in command
    counts = graph.counts()
    for label in counts["nodes"]:
        assert f"--nodes={label}={target / f'nodes_{label}.header.csv'},{target / f'nodes_{label}.csv'}" in command
        with open(target / f"nodes_{label}.csv", encoding="utf-8", newline="") as handle:
            rows = sorted((row[0], row[1]) for row in csv.reader(handle))
        assert rows == sorted((node, data["name"]) for node, data in graph.nodes(label)), label
    for rel in counts["relations"]:
        with open(target / f"rels_{rel}.csv", encoding="utf-8", newline="") as handle:
            rows = sorted((row[0], row[1]) for row in csv.reader(handle))
        assert rows == sorted((u, v) for u, _, v, _ in graph.edges(rel)), rel
    assert set(counts["relations"]) <= set(vocab.RELATIONS)
    with open(target / "nodes_Zone.csv", encoding="utf-8", newline="") as handle:
        names = [row[1] for row in csv.reader(handle)]
    assert HOSTILE in names
    header = (target / "nodes_Firm.header.csv").read_text(encoding="utf-8")
    assert header.startswith("id:ID,name,aliases:string[],sources:string[]")
    with open(target / "nodes_Zone.csv", encoding="utf-8", newline="") as handle:
        aliases = {row[1]: row[2].split(ARRAY_DELIMITER) for row in csv.reader(handle)}
    assert aliases["郑州高新技术产业开发区"] == ["郑州高新区"]
    with open(target / "nodes_Firm.csv", encoding="utf-8", newline="") as handle:
        aliases = {row[1]: row[2].split(ARRAY_DELIMITER) for row in csv.reader(handle)}
    assert aliases[HOSTILE_FIRM] == ["芯" + HOSTILE]  # a list cell keeps quotes and newlines
    assert "REQUIRE n.id IS UNIQUE" in (target / "constraints.cypher").read_text(encoding="utf-8")
    assert (target / "import.sh").read_text(encoding="utf-8").strip().endswith(out.stdout.strip())
