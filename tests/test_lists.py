"""`kg lists`: the five lists a provincial chain office asks for, each row with its source."""
import csv

import pytest
from click.testing import CliRunner

from kg.cli import cli
from kg.reports import build_report
from kg.reports.lists import COLUMNS, LIST_NAMES, WORKBOOK, build_lists, leader_basis
from kg.build import sample_registry
from kg.queries.fixtures import sensor_graph
from kg.workspace import Workspace

# A listed local firm (a registry row with a stock code) beside the sample registry's firms.
LISTED = ("企业名称,股票代码,注册地址,经营范围\n"
          "郑州汉感科技股份有限公司,300999,郑州高新技术产业开发区长椿路9号,气体传感器、压力传感器的研发、制造与销售\n")


@pytest.fixture(scope="module")
def graph(tmp_path_factory):
    listed = tmp_path_factory.mktemp("registry") / "listed.csv"
    listed.write_text(LISTED, encoding="utf-8")
    return sensor_graph([sample_registry(), listed])


@pytest.fixture(scope="module")
def lists(graph):
    return build_lists(graph, build_report(graph, "郑州高新区", ["智能传感器"]))


def test_listed_local_firms_are_leaders_the_rest_suppliers(graph, lists):
    """A local firm with a stock code is 龙头; the unlisted local firms are 配套."""
    leaders = {r["企业"]: r["判定依据"] for r in lists["龙头企业清单"]}
    assert leaders == {"郑州汉感科技股份有限公司": "上市公司（300999）"}
    suppliers = {r["企业"] for r in lists["配套企业清单"]}
    assert "郑州森感电子科技有限公司" in suppliers and "郑州汉感科技股份有限公司" not in suppliers
    assert leader_basis(graph, "郑州森感电子科技有限公司") == ""


def test_a_quote_calling_a_firm_a_leader_makes_it_one():
    """A source quote saying 龙头 or 链主 puts an unlisted firm on the 龙头 list."""
    g = sensor_graph()
    g.add_entity("Firm", "郑州链主科技有限公司",
                 source={"doc": "plan.txt", "sentence": 3, "quote": "链主企业郑州链主科技有限公司"})
    assert leader_basis(g, "郑州链主科技有限公司").startswith("文件称链主")


def test_gap_list_carries_targets_and_sources(lists):
    """补短板环节清单 has the sensor chain's gaps, their targets and where they were named."""
    gaps = {r["环节"]: r for r in lists["补短板环节清单"]}
    assert set(gaps) == {"传感器材料", "传感芯片"}
    chip = gaps["传感芯片"]
    assert chip["招商目标"].split("、")[0] == "郑州金芯微感科技有限公司" and chip["状态"] == "缺链"
    assert "sample_plan.txt 第5句" in chip["来源"] and "sample_registry.csv 第16行" in chip["来源"]


def test_every_row_of_every_list_names_its_source(lists):
    """No list row lacks a source; an empty list holds one row saying why it is empty."""
    assert all(lists[name] for name in LIST_NAMES)
    for name in LIST_NAMES:
        for row in lists[name]:
            assert row.get("来源") or row.get("说明", "").startswith("（无）"), (name, row)


def test_cli_writes_five_csvs_and_one_workbook(tmp_path, graph):
    """`kg lists -o DIR` writes five UTF-8 CSVs and a workbook with the same five sheets."""
    from openpyxl import load_workbook

    Workspace(tmp_path / "ws").save(graph, inputs=[])
    out = tmp_path / "清单"
    result = CliRunner().invoke(cli, ["lists", "-w", str(tmp_path / "ws"), "--zone", "郑州高新区",
                                      "--chain", "传感器", "-o", str(out)])
    assert result.exit_code == 0, result.stderr
    assert result.stdout == "" and result.stderr.startswith("已写入 ")
    for name in LIST_NAMES:
        with open(out / f"{name}.csv", encoding="utf-8-sig", newline="") as handle:
            rows = list(csv.reader(handle))
        assert tuple(rows[0]) == COLUMNS[name]
        assert rows[0][0] == "序号" and rows[0][-1] == "来源"  # numbered rows, each with its source
        assert all(len(row) == len(rows[0]) and (row[-1] or row[1].startswith("（无）"))
                   for row in rows[1:]), name
    with open(out / "龙头企业清单.csv", encoding="utf-8-sig", newline="") as handle:
        assert any("郑州汉感科技股份有限公司" in row for row in csv.reader(handle))
    wb = load_workbook(out / WORKBOOK)
    assert wb.sheetnames == list(LIST_NAMES)
    for ws in wb.worksheets:
        assert ws.freeze_panes == "A2"
        assert tuple(c.value for c in ws[1]) == COLUMNS[ws.title]


def test_lists_that_would_not_fit_in_memory_are_refused_before_loading(tmp_path, graph):
    """A province's lists at scale would hold millions of firms: refused up front with the
    count, the need and what to do instead, and the lists already written stay."""
    ws = tmp_path / "ws"
    Workspace(ws).save(graph, inputs=[])
    out = tmp_path / "清单"
    args = ["lists", "-w", str(ws), "--zone", "郑州高新区", "--chain", "传感器", "-o", str(out)]
    assert CliRunner().invoke(cli, args).exit_code == 0
    before = {p.name: p.read_bytes() for p in out.iterdir()}
    refused = CliRunner().invoke(cli, args, env={"KG_MEMORY_BUDGET_MB": "0"})
    assert refused.exit_code != 0
    assert "the lists of 郑州高新区 would hold" in refused.stderr
    assert "--chain" in refused.stderr and "kg report" in refused.stderr
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before


def test_a_sheet_past_excels_row_limit_ends_with_a_count_and_the_csv_keeps_all(
        tmp_path, graph, monkeypatch):
    """A list longer than a worksheet holds (1,048,576 rows; a limit of 4 here) is cut in
    the workbook, whose last row counts what was left out; the CSV lists every row."""
    from openpyxl import load_workbook

    from kg.reports import xlsx
    from kg.reports.lists import write_lists

    lists = build_lists(graph, build_report(graph, "郑州高新区", ["智能传感器"]))
    rows = lists["配套企业清单"]
    assert len(rows) >= 4
    monkeypatch.setattr(xlsx, "EXCEL_ROWS", 4)
    write_lists(lists, tmp_path)
    sheet = load_workbook(tmp_path / WORKBOOK)["配套企业清单"]
    cells = [[c.value for c in row] for row in sheet.iter_rows()]
    assert len(cells) == 4 and cells[1][1] == rows[0]["企业"]
    assert cells[3][0] == f"…及其他 {len(rows) - 2} 行未写入：Excel 每个工作表最多 4 行（CSV 与 kg export 写入全部）"
    with open(tmp_path / "配套企业清单.csv", encoding="utf-8-sig", newline="") as handle:
        assert len(list(csv.reader(handle))) == len(rows) + 1
