"""Files people open and tables people read: -o formats, Chinese words, terminal width, size."""
import csv
import io
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from kg.cli import cli
from kg.output import render
from kg.queries.fixtures import sensor_graph
from kg.stores.fixtures import write_firms_registry
from kg.termtable import display_width
from kg.workspace import Workspace

REGISTRY = Path(__file__).parent / "fixtures" / "registry" / "zz_firms.csv"
HOSTILE = "恶意\x07企业<img src=x onerror=alert(1)>=1+1"


@pytest.fixture(scope="module")
def workspace(tmp_path_factory):
    path = tmp_path_factory.mktemp("ws")
    Workspace(path).save(sensor_graph([REGISTRY]), inputs=[])
    return path


@pytest.fixture(scope="module")
def hostile_ws(tmp_path_factory):
    """The sample plan plus a registry whose one firm is named with a control character and HTML."""
    g = sensor_graph([write_firms_registry(tmp_path_factory.mktemp("evil"), [HOSTILE])])
    path = tmp_path_factory.mktemp("hostile")
    Workspace(path).save(g, inputs=[])
    return path


def run(*args, env=None):
    return CliRunner().invoke(cli, [str(a) for a in args], env=env)


GAPS = ("gaps", "传感器", "--zone", "郑州高新区")


def test_xlsx_file_opens_in_openpyxl_with_header_widths_and_frozen_pane(workspace, tmp_path):
    """`kg gaps … -o gaps.xlsx` writes a workbook: Chinese header row, widths, frozen header."""
    from openpyxl import load_workbook

    out = tmp_path / "gaps.xlsx"
    result = run(*GAPS, "-w", workspace, "-o", out)
    assert result.exit_code == 0, result.output
    ws = load_workbook(out).active
    header = [c.value for c in ws[1]]
    assert header[:4] == ["序号", "环节", "链段", "状态"]
    assert ws.freeze_panes == "A2"
    assert ws.column_dimensions["B"].width > 8
    statuses = [ws.cell(r, 4).value for r in range(2, ws.max_row + 1)]
    assert statuses == ["薄弱", "缺链", "已覆盖", "已覆盖"]


def test_csv_file_has_a_bom_and_stdout_has_none(workspace, tmp_path):
    """-o x.csv starts with a UTF-8 BOM (Excel reads Chinese); CSV on stdout has none."""
    out = tmp_path / "gaps.csv"
    assert run(*GAPS, "-w", workspace, "-o", out).exit_code == 0
    data = out.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    assert rows[0][1] == "环节" and len(rows) == 5
    stdout = run(*GAPS, "-w", workspace, "-f", "csv", "--keys", "en").stdout
    assert not stdout.startswith("\ufeff")
    assert next(csv.reader(io.StringIO(stdout)))[:3] == ["position", "link", "stage"]


def test_json_md_html_files_and_format_wins(workspace, tmp_path):
    """.json parses with English keys, .md and .html carry the table; --format beats the suffix."""
    assert run(*GAPS, "-w", workspace, "-o", tmp_path / "g.json").exit_code == 0
    rows = json.loads((tmp_path / "g.json").read_text(encoding="utf-8"))
    assert [r["status"] for r in rows] == ["weak", "gap", "covered", "covered"]
    assert run(*GAPS, "-w", workspace, "-o", tmp_path / "g.md").exit_code == 0
    assert (tmp_path / "g.md").read_text(encoding="utf-8").startswith("| 序号 | 环节 |")
    assert run(*GAPS, "-w", workspace, "-o", tmp_path / "g.html").exit_code == 0
    page = (tmp_path / "g.html").read_text(encoding="utf-8")
    assert "<th>环节</th>" in page and "缺链" in page
    assert run(*GAPS, "-w", workspace, "-o", tmp_path / "g.xlsx", "-f", "json").exit_code == 0
    assert json.loads((tmp_path / "g.xlsx").read_text(encoding="utf-8"))[0]["link"] == "传感器材料"


def test_unknown_suffix_is_a_usage_error(workspace, tmp_path):
    """-o gaps.docx exits 2, names the suffix and writes nothing."""
    result = run(*GAPS, "-w", workspace, "-o", tmp_path / "gaps.docx")
    assert result.exit_code == 2
    assert ".docx" in result.stderr and "--format" in result.stderr
    assert not (tmp_path / "gaps.docx").exists()


def test_lang_en_keeps_english_words(workspace):
    """--lang en shows English headers and statuses."""
    out = run(*GAPS, "-w", workspace, "--lang", "en", "-f", "md").stdout
    assert out.startswith("| position | link |") and "| gap |" in out


@pytest.mark.parametrize("columns", [80, 120])
def test_gaps_table_fits_the_terminal(workspace, columns):
    """`kg gaps` in an 80- and a 120-column terminal: no line wider than the screen."""
    result = run(*GAPS, "-w", workspace, env={"COLUMNS": str(columns)})
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert max(display_width(line) for line in lines) <= columns
    assert "环节" in lines[0] and "状态" in lines[0] and "缺链" in result.stdout


def test_wide_shows_every_column(workspace):
    """--wide lays the table out whatever the terminal: every column is there."""
    out = run(*GAPS, "-w", workspace, "--wide", env={"COLUMNS": "80"}).stdout
    assert "区位熵算式" in out.splitlines()[0] and "省略列" not in out


def test_a_cell_of_115000_names_renders_fast_and_counts_the_rest():
    """A 115,000-name cell shows the top names and “…及其他 N 家”; the table fits the screen
    (its speed is measured by benchmarks/bench_cli.py, not asserted here)."""
    names = [f"郑州第{i}传感科技有限公司" for i in range(115_000)]
    rows = [{"link": "传感器", "local_firms": names}]
    text = render(rows, "table", screen=120)
    untrimmed = render(rows, "table", screen=120, top=None)
    assert "…及其他" in text.replace("\n", "") or "…" in text
    assert max(display_width(line) for line in untrimmed.splitlines()) <= 120
    data = json.loads(render(rows, "json"))
    assert len(data[0]["local_firms"]) == 10 and data[0]["more"] == {"local_firms": 114_990}
    assert len(json.loads(render(rows, "json", top=None))[0]["local_firms"]) == 115_000


def test_all_lists_every_name(workspace):
    """--top 1 cuts a cell to one name and says how many more; --all lists them all."""
    cut = run(*GAPS, "-w", workspace, "-f", "md", "--top", "1").stdout
    assert "…及其他 1 家" in cut
    full = run(*GAPS, "-w", workspace, "-f", "md", "--top", "1", "--all").stdout
    assert "…及其他" not in full


def test_hostile_name_in_xlsx_is_replaced_and_reported(hostile_ws, tmp_path):
    """A control character in a firm name: the workbook opens, the cell holds U+FFFD, stderr says so."""
    from openpyxl import load_workbook

    out = tmp_path / "zone.xlsx"
    result = run("firm", "-w", hostile_ws, "-o", out, "--keys", "en", "--", HOSTILE)
    assert result.exit_code == 0, result.output
    assert "control character" in result.stderr
    cells = [str(c.value) for row in load_workbook(out).active.iter_rows() for c in row]
    assert any("恶意\ufffd企业" in c for c in cells)
    assert not any(c.startswith("=") for c in cells)


def test_markdown_escapes_html(hostile_ws):
    """`kg firm -f md` writes no raw tag: the <img onerror> of a name is escaped."""
    out = run("firm", "-w", hostile_ws, "-f", "md", "--", HOSTILE).stdout
    assert "<img" not in out and "&lt;img src=x onerror=alert(1)&gt;" in out


def test_xlsx_needs_a_file(workspace):
    """--format xlsx to stdout is a usage error."""
    assert run(*GAPS, "-w", workspace, "-f", "xlsx").exit_code == 2
