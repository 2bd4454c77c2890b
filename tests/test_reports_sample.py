"""Reports and lists built from the bundled sample (`kg build`): clean evidence, filled lists,
hostile names that neither crash a workbook nor leave half a folder."""
import csv
import re
from collections import Counter

import pytest
from click.testing import CliRunner

from kg.cli import cli
from kg.build import sample_registry
from kg.queries.fixtures import sensor_graph
from kg.workspace import Workspace

CONTROL = "郑州\x01恶意\x1f电子有限公司"


def run(*args):
    return CliRunner().invoke(cli, [str(a) for a in args])


@pytest.fixture(scope="module")
def sample_ws(sample_workspace):
    """The bundled sample built with `kg build`, once per session."""
    return sample_workspace


@pytest.fixture(scope="module")
def sample_reports(sample_ws, tmp_path_factory):
    out = tmp_path_factory.mktemp("reports")
    for name in ("r.md", "r.html", "r.xlsx"):
        result = run("report", "-w", sample_ws, "--zone", "郑州高新区", "-o", out / name)
        assert result.exit_code == 0, result.output
    return out


def _evidence_rows(folder):
    from openpyxl import load_workbook

    ws = load_workbook(folder / "r.xlsx")["证据"]
    header = [c.value for c in ws[1]]
    return [dict(zip(header, (c.value for c in row))) for row in ws.iter_rows(min_row=2)]


def test_evidence_has_one_row_per_source_and_unique_ids(sample_reports):
    """The 证据 sheet: no two rows share a source (file + sentence or row), ids are unique."""
    rows = _evidence_rows(sample_reports)
    assert rows
    assert not [k for k, n in Counter((r["来源文件"], r["位置"]) for r in rows).items() if n > 1]
    assert len({r["证据号"] for r in rows}) == len(rows)


def test_html_and_markdown_anchors_are_unique(sample_reports):
    """Every evidence anchor (id="eN") appears once in the HTML and the Markdown report."""
    for name in ("r.html", "r.md"):
        text = (sample_reports / name).read_text(encoding="utf-8")
        anchors = re.findall(r'<a id="(e\d+)"', text) + re.findall(r'<tr[^>]* id="(e\d+)"', text)
        assert anchors, name
        assert len(anchors) == len(set(anchors)), name


def test_original_text_is_the_sentence_and_registry_rows_name_file_and_row(sample_reports):
    """原文 of a document row is its sentence (longer than the names); a registry row says 第N行."""
    rows = _evidence_rows(sample_reports)
    documents = [r for r in rows if "句" in (r["位置"] or "")]
    registry = [r for r in rows if "行" in (r["位置"] or "")]
    assert documents and registry
    for row in documents:
        assert row["原文"] not in row["名称"].split("、"), row
        assert any(n in row["原文"] for n in row["名称"].split("、")), row
    for row in registry:
        assert row["来源文件"].endswith(".csv") and re.fullmatch(r"第\d+行", row["位置"])
        assert row["原文"].startswith("企业名称：")


def test_sample_lists_are_filled_or_say_why(sample_ws, tmp_path):
    """On the sample, 龙头企业清单 has a firm; any empty list says why in its one row."""
    out = tmp_path / "lists"
    result = run("lists", "-w", sample_ws, "--zone", "郑州高新区", "-o", out)
    assert result.exit_code == 0, result.output
    text = (out / "龙头企业清单.csv").read_text(encoding="utf-8-sig")
    leaders = list(csv.DictReader(text.splitlines()))
    assert leaders and leaders[0]["企业"] and leaders[0]["判定依据"]
    for path in out.glob("*.csv"):
        rows = list(csv.reader(path.read_text(encoding="utf-8-sig").splitlines()))
        assert len(rows) >= 2, path.name
        if rows[1][0] == "":
            assert rows[1][1].startswith("（无）"), path.name


@pytest.fixture()
def hostile_ws(tmp_path):
    """The loader-built sample plus a registry row: a local sensor firm whose name holds
    control characters (a registry exported from another system may carry them)."""
    firms = tmp_path / "firms.csv"
    with open(firms, "w", encoding="utf-8", newline="") as handle:
        out = csv.writer(handle)
        out.writerow(["企业名称", "注册地址", "经营范围"])
        out.writerow([CONTROL, "郑州高新技术产业开发区梧桐街9号", "气体传感器、压力传感器的研发与制造"])
    Workspace(tmp_path / "ws").save(sensor_graph([sample_registry(), firms]), inputs=[])
    return tmp_path / "ws"


def test_control_characters_do_not_break_the_report_workbook(hostile_ws, tmp_path):
    """`kg report -o r.xlsx` with a control character in a name: the workbook opens, stderr says so."""
    from openpyxl import load_workbook

    result = run("report", "-w", hostile_ws, "--zone", "郑州高新区", "-o", tmp_path / "r.xlsx")
    assert result.exit_code == 0, result.output
    assert "control character" in result.stderr
    cells = [c.value for ws in load_workbook(tmp_path / "r.xlsx") for row in ws.iter_rows()
             for c in row if isinstance(c.value, str)]
    assert any("郑州\ufffd恶意\ufffd电子有限公司" in c for c in cells)


def test_lists_write_all_files_with_control_characters(hostile_ws, tmp_path):
    """`kg lists` with a control character in a name writes all five CSVs and the workbook."""
    from openpyxl import load_workbook

    out = tmp_path / "lists"
    result = run("lists", "-w", hostile_ws, "--zone", "郑州高新区", "-o", out)
    assert result.exit_code == 0, result.output
    assert len(list(out.glob("*.csv"))) == 5
    assert len(load_workbook(out / "产业链清单.xlsx").sheetnames) == 5
    assert not [p for p in out.iterdir() if p.name.startswith(".")]


def test_lists_are_all_or_nothing(hostile_ws, tmp_path, monkeypatch):
    """A failure while writing the workbook leaves the folder's previous lists as they were."""
    import openpyxl

    out = tmp_path / "lists"
    assert run("lists", "-w", hostile_ws, "--zone", "郑州高新区", "-o", out).exit_code == 0
    before = {p.name: p.read_bytes() for p in out.iterdir()}

    def broken_save(self, filename):
        raise OSError("disk full")

    monkeypatch.setattr(openpyxl.Workbook, "save", broken_save)
    result = run("lists", "-w", hostile_ws, "--zone", "郑州高新区", "--chain", "智能传感器",
                 "-o", out)
    assert result.exit_code != 0
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before


def test_html_and_markdown_reports_link_the_chain_panorama(sample_reports):
    """The HTML and Markdown reports link the zone's chain panorama written beside them."""
    assert (sample_reports / "r-files" / "panorama.html").exists()
    assert 'href="r-files/panorama.html"' in (sample_reports / "r.html").read_text(encoding="utf-8")
    assert "(r-files/panorama.html)" in (sample_reports / "r.md").read_text(encoding="utf-8")
