"""The Python API answers as the commands do: each method's records equal the command's JSON."""
from __future__ import annotations

import csv
import inspect
import json
import os
import subprocess
from pathlib import Path

import click
import pytest

import kg
from kg.api import KGWorkspace
from kg.api_table import Table
from kg.cli import cli
from kg.build import sample_documents
from tests.api_workspace import KG

SAMPLE_DOC = str(sample_documents()[0])

# method call ↔ command line, for every listing command (docs/json.md) and more
CASES = {
    "gaps": (("智能传感器", "郑州高新区"), {}, ["gaps", "智能传感器", "--zone", "郑州高新区"]),
    "gaps_all": (("传感器", "郑州高新区"), {"weak_below": 2, "candidates": 1, "top": None},
                 ["gaps", "传感器", "--zone", "郑州高新区", "--weak-below", "2",
                  "--candidates", "1", "--all"]),
    "chains": ((), {}, ["chains"]),
    "zone": (("郑州高新区",), {}, ["zone", "郑州高新区"]),
    "zone_region": (("新乡市",), {"top": 3}, ["zone", "新乡市", "--top", "3"]),
    "firm": (("汉威科技",), {}, ["firm", "汉威科技"]),
    "targets": (("郑州高新区",), {}, ["targets", "--zone", "郑州高新区"]),
    "targets_own": (("新乡高新区",), {"regions": False}, ["targets", "--zone", "新乡高新区", "--no-regions"]),
    "stats": ((), {}, ["stats"]),
    "queries": ((), {}, ["queries"]),
    "cypher": (("MATCH (z:Zone)-[:IN_REGION]->(r:Region) WHERE r.name = $r "
                "RETURN z.name AS zone ORDER BY zone",), {"params": {"r": "郑州市"}},
               ["cypher", "MATCH (z:Zone)-[:IN_REGION]->(r:Region) WHERE r.name = $r "
                          "RETURN z.name AS zone ORDER BY zone", "-p", "r=郑州市"]),
    "cypher_named": ((), {"name": "chain_gaps", "params": {"chain": "传感器", "zone": "郑州高新区"}},
                     ["cypher", "--name", "chain_gaps", "-p", "chain=传感器", "-p", "zone=郑州高新区"]),
    "sparql": (("PREFIX kg: <https://w3id.org/zonekg/ontology#> "
                "SELECT ?z WHERE { ?z a kg:Zone ; kg:name ?name }",), {"params": {"name": "郑州高新区"}},
               ["sparql", "PREFIX kg: <https://w3id.org/zonekg/ontology#> "
                          "SELECT ?z WHERE { ?z a kg:Zone ; kg:name ?name }", "-p", "name=郑州高新区"]),
    "validate": ((), {}, ["validate"]),
    "extract": ((SAMPLE_DOC,), {}, ["extract", SAMPLE_DOC]),
    "templates": ((), {}, ["templates"]),
    "templates_chain": (("氢能",), {}, ["templates", "氢能"]),
}


def method_of(case: str) -> str:
    return case.split("_")[0] if case not in KGWorkspace.__dict__ else case


@pytest.fixture(scope="module")
def cli_json(sample_workspace):
    """Every case's command run at once as subprocesses (`kg … --format json`): {case: stdout}."""
    env = {**os.environ, "COLUMNS": "200", "KG_WORKSPACE": str(sample_workspace)}
    procs = {case: subprocess.Popen([str(KG), *argv, "--format", "json"], stdout=subprocess.PIPE,
                                    stderr=subprocess.PIPE, text=True, env=env)
             for case, (_, _, argv) in CASES.items()}
    done = {case: (*proc.communicate(timeout=600), proc.returncode) for case, proc in procs.items()}
    for case, (_, stderr, code) in done.items():
        assert code == 0, f"kg {' '.join(CASES[case][2])}: {stderr}"
    return {case: stdout for case, (stdout, _, _) in done.items()}


@pytest.fixture(scope="module")
def ws(sample_workspace):
    return kg.open(sample_workspace)


@pytest.mark.parametrize("case", list(CASES))
def test_method_records_equal_the_commands_json(ws, cli_json, case):
    """`ws.METHOD(…).to_records()` is exactly what `kg COMMAND … --format json` prints."""
    args, kwargs, _ = CASES[case]
    table = getattr(ws, method_of(case))(*args, **kwargs)
    assert isinstance(table, Table)
    expected = json.loads(cli_json[case]) if cli_json[case].strip() else []
    assert table.to_records() == expected
    assert list(table) == expected  # iterating gives the same dicts


def test_every_listing_command_has_a_method_with_its_parameters():
    """Each command that takes --format has a method of the same name whose parameters cover the command's."""
    renamed = {"workspace": None, "fmt": None, "output": None, "query_file": "file",
               "home_zone": "zone", "home_region": "region", "all_": "top", "keys": None,
               "wide": None, "chain": "chain", "files": "files"}
    for name, command in cli.commands.items():
        if isinstance(command, click.Group) or "--format" not in {o for p in command.params for o in p.opts}:
            continue
        method = getattr(KGWorkspace, name, None)
        assert method is not None, f"`kg {name}` has no method ws.{name}"
        accepted = set(inspect.signature(method).parameters)
        for param in command.params:
            wanted = renamed.get(param.name, param.name)
            if wanted is not None:
                assert wanted in accepted, f"ws.{name} lacks the parameter of {param.opts[0]}"
            default = inspect.signature(method).parameters.get(wanted)
            if (wanted and default is not None and default.default is not inspect.Parameter.empty
                    and isinstance(param.default, (str, int, float, bool)) and not param.multiple and wanted != "top"):
                assert default.default == param.default, f"ws.{name}({wanted}=…) default differs"


def test_gaps_prints_the_commands_table(ws, sample_workspace):
    """Printing a gaps result shows the same table `kg gaps --wide` prints (evidence column hidden)."""
    table = ws.gaps("传感器", "郑州高新区")
    shown = str(table)
    done = subprocess.run([str(KG), "gaps", "传感器", "--zone", "郑州高新区", "--wide",
                           "-w", str(sample_workspace)], capture_output=True, text=True, check=True)
    assert shown == done.stdout.rstrip("\n")
    assert "证据" not in shown and "evidence" in table.to_records()[0]
    assert "<table>" in table._repr_html_() and "<script" not in table._repr_html_()


def test_targets_prints_the_commands_table(ws, sample_workspace):
    """Printing ws.targets(…) shows the command's table (link names, score parts as text)."""
    done = subprocess.run([str(KG), "targets", "--zone", "新乡市", "--wide", "-w", str(sample_workspace)],
                          capture_output=True, text=True, check=True)
    assert str(ws.targets("新乡市")) == done.stdout.rstrip("\n")


def test_to_pandas_has_the_stable_keys(ws):
    """to_pandas() gives one row per link with docs/json.md's keys as columns, statuses as words."""
    frame = ws.gaps("传感器", "郑州高新区").to_pandas()
    assert list(frame.columns[:5]) == ["position", "link", "stage", "status", "broken"]
    assert len(frame) == len(ws.gaps("传感器", "郑州高新区"))
    assert set(frame["status"]) <= {"covered", "weak", "gap", "unknown"}


def test_lists_match_the_commands_csv_files(ws, sample_workspace, tmp_path):
    """ws.lists(…) rows are the rows `kg lists` writes to its CSV files."""
    subprocess.run([str(KG), "lists", "--zone", "郑州高新区", "-o", str(tmp_path / "cli"),
                    "-w", str(sample_workspace)], capture_output=True, text=True, check=True)
    lists = ws.lists("郑州高新区", output=tmp_path / "api")
    assert len(lists) == 5
    for name, table in lists.items():
        with open(tmp_path / "cli" / f"{name}.csv", encoding="utf-8-sig") as handle:
            cli_rows = list(csv.DictReader(handle))
        assert (tmp_path / "api" / f"{name}.csv").read_bytes() == \
            (tmp_path / "cli" / f"{name}.csv").read_bytes()
        assert len(cli_rows) == len(table)


def test_export_and_push_dry_run_match_the_commands(ws, sample_workspace):
    """ws.export('rdf', fmt='nt') and ws.push(dry_run=True) print what the commands print."""
    nt = subprocess.run([str(KG), "export", "rdf", "--format", "nt", "-w", str(sample_workspace)],
                        capture_output=True, text=True, check=True).stdout
    assert sorted(ws.export("rdf", fmt="nt").splitlines()) == sorted(nt.splitlines())
    push = subprocess.run([str(KG), "push", "neo4j", "--dry-run", "-w", str(sample_workspace)],
                          capture_output=True, text=True, check=True).stdout
    assert "\n".join(ws.push(dry_run=True)) == push.rstrip("\n")


def test_report_writes_the_same_workbook_sheets(ws, tmp_path):
    """ws.report(…) writes the briefing file the command writes (here Markdown)."""
    path = ws.report("郑州高新区", output=tmp_path / "r.md")
    text = path.read_text(encoding="utf-8")
    assert "郑州高新区" in text and "智能传感器" in text


def test_kg_open_defaults_to_the_environment(monkeypatch, sample_workspace):
    """kg.open() with no path opens $KG_WORKSPACE, as the commands do."""
    monkeypatch.setenv("KG_WORKSPACE", str(sample_workspace))
    assert kg.open().path == sample_workspace
    assert kg.open().exists()


def test_table_html_escapes_names():
    """A table shown in Jupyter escapes markup in names (a registry may hold any text)."""
    shown = Table([{"firm": "<img src=x onerror=alert(1)>", "links": ["</table><script>"]}])._repr_html_()
    assert "<img" not in shown and "<script" not in shown and "&lt;img src=x" in shown


def test_import_kg_stays_light():
    """`import kg` (every command does it) loads neither the API nor pyvis nor pandas."""
    import sys

    done = subprocess.run([sys.executable, "-c", "import kg, sys; print(sorted(m for m in sys.modules "
                           "if m in ('kg.api', 'pyvis', 'pandas')))"],
                          capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"
    assert callable(kg.open)


def test_a_firms_sources_are_read_in_chinese_and_kept_as_records_in_json(sample_workspace):
    """`kg firm` names each source by file and sentence or row, as a reader cites it (the
    table printed them as JSON objects); its JSON keeps the records."""
    table = subprocess.run([str(KG), "firm", "汉威科技", "--wide", "-w", str(sample_workspace)],
                           capture_output=True, text=True, check=True).stdout
    assert '{"doc"' not in table
    assert "句：「" in table or "行" in table.split("来源", 1)[1]
    rows = json.loads(subprocess.run([str(KG), "firm", "汉威科技", "-f", "json", "-w",
                                      str(sample_workspace)], capture_output=True, text=True,
                                     check=True).stdout)
    sources = next(r["value"] for r in rows if r["field"] == "sources")
    assert sources and all(isinstance(s, dict) and "doc" in s for s in sources)


def test_a_firms_document_sources_quote_their_sentence(sample_workspace):
    """`kg firm` cites the sentence a document names the firm in, as the document writes it
    (the quote alone is the firm's name): JSON adds it as `text`, the table shows it."""
    rows = json.loads(subprocess.run([str(KG), "firm", "汉威科技", "-f", "json", "-w",
                                      str(sample_workspace)], capture_output=True, text=True,
                                     check=True).stdout)
    sources = next(r["value"] for r in rows if r["field"] == "sources")
    from kg.workspace import Workspace

    documents = {i["name"]: i["path"] for i in Workspace(sample_workspace).manifest()["inputs"]}
    said = [s for s in sources if "sentence" in s]
    assert said and all("text" in s for s in said)
    for source in said:
        text = Path(documents[source["doc"]]).read_text(encoding="utf-8")
        assert source["quote"] in source["text"] and len(source["text"]) > len(source["quote"])
        assert "".join(source["text"].split()) in "".join(text.split())
    table = subprocess.run([str(KG), "firm", "汉威科技", "--wide", "-w", str(sample_workspace)],
                           capture_output=True, text=True, check=True).stdout
    assert said[0]["text"][:10] in table


def test_a_zones_industry_roles_are_read_in_chinese_and_kept_as_notes_in_json(sample_workspace):
    """`kg zone` shows 先进制造业（主导产业）, not 先进制造业 (leading); its JSON keeps the note."""
    table = subprocess.run([str(KG), "zone", "郑州高新区", "--wide", "-w", str(sample_workspace)],
                           capture_output=True, text=True, check=True).stdout
    assert "（主导产业）" in table and "(leading)" not in table and "(other)" not in table
    rows = json.loads(subprocess.run([str(KG), "zone", "郑州高新区", "-f", "json", "-w",
                                      str(sample_workspace)], capture_output=True, text=True,
                                     check=True).stdout)
    industries = next(r["value"] for r in rows if r["field"] == "industries")
    assert any(i.endswith(" (leading)") for i in industries)
