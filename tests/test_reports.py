"""`kg report`: a zone's briefing as .xlsx, .md and .html, with charts and evidence."""
import base64
import io
import os
import re
import subprocess
import sys

import pytest
from click.testing import CliRunner

from kg.cli import cli
from kg.reports import WRITERS, assemble, build_report, write_report
from kg.reports.model import summarize
from kg.queries.fixtures import sample_plan, sensor_graph, sensor_rows
from kg.workspace import Workspace

EVIL = "=HYPERLINK(\"http://x\")|<script>alert(1)</script>*粗*"


@pytest.fixture(scope="module")
def graph():
    return sensor_graph()


@pytest.fixture(scope="module")
def workspace(tmp_path_factory, graph):
    path = tmp_path_factory.mktemp("ws")
    Workspace(path).save(graph, inputs=[])
    return path


@pytest.fixture(scope="module")
def report(graph):
    return build_report(graph, "郑州高新区", ["智能传感器"])


@pytest.fixture(scope="module")
def evil_report(graph):
    """Rows whose names are a formula, markup and Markdown at once."""
    rows = sensor_rows(graph)
    row = rows["智能传感器"][1]
    row["targets"] = row["targets"] + [EVIL]
    row["evidence"] = row["evidence"] + [{"name": EVIL, "role": "target (link)", "sources": [
        {"doc": "恶意.txt", "sentence": 0, "quote": EVIL}]}]
    return assemble("郑州高新区", rows, graph=graph)


def png_variance(data: bytes) -> float:
    """Pixel variance of a PNG (0 for a blank image)."""
    from matplotlib.image import imread

    pixels = imread(io.BytesIO(data), format="png")
    return float(pixels[..., :3].var())


def test_the_report_follows_the_query_rows(report):
    """The sensor chain's links come in order, with the gaps of the query layer."""
    links = report.chains[0]["links"]
    assert [l["link"] for l in links] == ["传感器材料", "传感芯片", "传感器", "传感器终端"]
    assert [l["status"] for l in links] == ["weak", "gap", "covered", "covered"]
    # upstream first; within a stage a gap comes before a weak link
    assert [g["link"] for g in report.gaps] == ["传感芯片", "传感器材料"]
    chip = report.gaps[0]
    assert [t["name"] for t in chip["targets"]] == ["郑州金芯微感科技有限公司"]
    # the plan's own target is not repeated as a registry candidate
    assert "郑州金芯微感科技有限公司" not in [c["name"] for c in chip["candidates"]]
    assert chip["candidates"][0]["name"] == "新乡华晶微电子有限公司"
    assert "MEMS晶圆" in chip["candidates"][0]["why"]


def test_every_fact_shown_has_evidence(report):
    """Each firm, platform, target and candidate a table shows points at evidence rows."""
    ids = {ev["id"] for ev in report.evidence}
    for section in report.chains:
        for link in section["links"]:
            for kind in ("local_firms", "local_platforms", "targets", "candidates"):
                for fact in link[kind]:
                    assert fact["evidence"] in ids, (link["link"], fact["name"])
    for ev in report.evidence:
        assert ev["doc"] and (ev["quote"] or ev["row"]), ev


def test_summary_names_zone_region_industries_sources_and_date(graph, report):
    """The summary says where the zone is, what it leads in, what was read and when."""
    manifest = {"built": "2024-05-20T10:00:00+0800",
                "inputs": [{"name": "规划.docx", "kind": "document"}]}
    rows = {r["item"]: r["value"] for r in summarize(graph, graph.find("郑州高新区"), manifest, report)}
    assert rows["所在地区"] == "郑州市 / 河南省"
    assert "智能传感器" in rows["主导产业"]
    # the sample registry's ten rows with an address in 郑州高新区; one gap, one weak link
    assert rows["本地企业数"] == 10 and rows["缺链环节数"] == 1 and rows["薄弱环节数"] == 1
    assert "规划.docx" in rows["资料来源"] and rows["图谱构建日期"] == "2024-05-20"


def test_xlsx_has_a_sheet_per_part_with_frozen_headers(tmp_path, report):
    """The workbook has 概况, one sheet per chain, 缺链清单 and 证据, headers frozen."""
    from openpyxl import load_workbook

    path = tmp_path / "报告.xlsx"
    write_report(report, path)
    wb = load_workbook(path)
    assert wb.sheetnames == ["概况", "产业链-智能传感器", "缺链清单", "证据"]
    for ws in wb.worksheets:
        assert ws.freeze_panes == "A2", ws.title
        assert ws.column_dimensions["B"].width >= 6
    chain = wb["产业链-智能传感器"]
    assert [c.value for c in chain[1]] == ["序号", "环节", "链段", "状态", "本地企业", "创新平台",
                                          "文件点名的招商目标", "登记库候选企业", "周边覆盖"]
    assert [c.value for c in wb["证据"][1]][:5] == ["证据号", "产业链", "环节", "类别", "名称"]


def test_xlsx_gap_row_links_to_its_evidence(tmp_path, report):
    """The sensor chain's 传感芯片 gap names its targets, and the cell links to their quote."""
    from openpyxl import load_workbook

    path = tmp_path / "报告.xlsx"
    write_report(report, path)
    wb = load_workbook(path)
    gaps = wb["缺链清单"]
    header = [c.value for c in gaps[1]]
    row = next(r for r in gaps.iter_rows(min_row=2) if r[header.index("环节")].value == "传感芯片")
    assert row[header.index("产业链")].value == "智能传感器"
    assert row[header.index("状态")].value == "缺链"
    targets = row[header.index("文件点名的招商目标")]
    assert targets.value == "郑州金芯微感科技有限公司"
    sheet, cell = targets.hyperlink.location.split("!")
    evidence = wb[sheet.strip("'")]
    ev_row = evidence[cell][0].row if isinstance(evidence[cell], tuple) else evidence[cell].row
    values = [c.value for c in evidence[ev_row]]
    assert "郑州金芯微感科技有限公司" in values[4].split("、") and values[5] == sample_plan().name
    assert "郑州金芯微感科技有限公司" in values[7]


def test_xlsx_cells_are_safe_and_chinese_intact(tmp_path, evil_report):
    """A name that looks like a formula is written as text; Chinese survives the round trip."""
    from openpyxl import load_workbook

    path = tmp_path / "evil.xlsx"
    write_report(evil_report, path)
    wb = load_workbook(path)
    cells = [c.value for ws in wb.worksheets for row in ws.iter_rows() for c in row
             if isinstance(c.value, str)]
    assert not any(v.startswith("=") for v in cells)
    assert any(v == "'" + EVIL for v in cells)
    assert "郑州高新区" in [c.value for c in wb["概况"]["B"]] or "智能传感器" in cells


@pytest.mark.parametrize("suffix", sorted(WRITERS))
def test_every_writer_keeps_names_and_escapes_them(tmp_path, evil_report, suffix):
    """Every report format writes UTF-8 with each fact's name intact and no live markup."""
    path = tmp_path / f"report{suffix}"
    files = write_report(evil_report, path)
    assert path in files and path.is_file()
    names = {f["name"] for s in evil_report.chains for l in s["links"]
             for k in ("local_firms", "local_platforms", "targets", "candidates") for f in l[k]}
    if suffix == ".xlsx":
        from openpyxl import load_workbook

        text = "\n".join(str(c.value) for ws in load_workbook(path).worksheets
                         for row in ws.iter_rows() for c in row if c.value is not None)
        assert all(n in text for n in names - {EVIL})
        return
    text = path.read_text(encoding="utf-8")
    assert "<script>" not in text
    assert "&lt;script&gt;" in text
    for name in names - {EVIL}:
        assert name in text, name


def test_markdown_links_a_chart_per_chain_that_is_not_blank(tmp_path, report):
    """The Markdown report shows each chain's chart as a PNG beside it, with something drawn."""
    path = tmp_path / "report.md"
    write_report(report, path)
    text = path.read_text(encoding="utf-8")
    images = re.findall(r"!\[[^\]]*\]\(([^)]+\.png)\)", text)
    assert len(images) == len(report.chains) == 1
    png = (tmp_path / images[0]).read_bytes()
    assert png_variance(png) > 0.005
    assert "[郑州金芯微感科技有限公司](#e" in text and '<a id="e' in text


@pytest.mark.browser
def test_html_report_renders_in_chromium_with_its_chart(tmp_path, graph, report, browser):
    """The HTML report opens offline in chromium: gap row shown, chart drawn, map linked."""
    path = tmp_path / "report.html"
    files = write_report(report, path, graph=graph)
    page_text = path.read_text(encoding="utf-8")
    charts = re.findall(r'src="data:image/png;base64,([^"]+)"', page_text)
    assert len(charts) == 1 and png_variance(base64.b64decode(charts[0])) > 0.005
    maps = [f for f in files if f.name.endswith("-map.html")]
    assert len(maps) == 1 and maps[0].is_file()
    page = browser.page(1000, 1400)
    try:
        page.open(path, ready="document.readyState === 'complete'")
        rows = page.evaluate(
            "[...document.querySelectorAll('table.gaps tbody tr')].map(r => r.innerText)")
        assert any("传感芯片" in r and "缺链" in r and "郑州金芯微感科技有限公司" in r for r in rows)
        assert page.evaluate("document.querySelector('img.chart').naturalWidth") > 300
        href = page.evaluate("document.querySelector('.maplink a').getAttribute('href')")
        assert (tmp_path / href).resolve() == maps[0].resolve()
        assert page.evaluate("!!document.getElementById('e4')")
        assert page.errors == [] and page.foreign_requests() == []
        assert png_variance(page.screenshot(tmp_path / "shot.png")) > 0.001
    finally:
        page.close()


def test_cli_report_writes_the_file_and_one_line_in_a_pipe(tmp_path, workspace):
    """In a pipe, `kg report` writes the file, nothing on stdout and one "已写入" line on stderr."""
    out = tmp_path / "简报.xlsx"
    env = {**os.environ, "KG_WORKSPACE": str(workspace)}
    done = subprocess.run([sys.executable, "-c", "from kg.cli import main; main()", "report",
                           "--zone", "郑州高新区", "-o", str(out)],
                          capture_output=True, text=True, env=env, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout == ""
    assert done.stderr == f"已写入 {out}\n"
    assert out.is_file()


def test_cli_report_refuses_an_unknown_suffix(tmp_path, workspace):
    """A report file that is neither .xlsx, .md nor .html is a user error naming the formats."""
    result = CliRunner().invoke(cli, ["report", "-w", str(workspace), "--zone", "郑州高新区",
                                      "-o", str(tmp_path / "r.docx")])
    assert result.exit_code == 1
    assert ".xlsx" in result.stderr and result.stdout == ""


def test_cli_report_names_the_closest_zone(tmp_path, workspace):
    """An unknown zone is a user error that suggests names."""
    result = CliRunner().invoke(cli, ["report", "-w", str(workspace), "--zone", "郑州高薪区",
                                      "-o", str(tmp_path / "r.md")])
    assert result.exit_code == 1
    assert "closest: 郑州高新技术产业开发区" in result.stderr  # the zone the misspelling meant


@pytest.mark.parametrize("suffix", [".xlsx", ".md", ".html"])
def test_cli_report_top_lists_the_best_placed_and_counts_the_rest(tmp_path, workspace, suffix):
    """`kg report --top 1` lists one local firm a link and “…及其他 N 家”; --all lists them all."""
    from kg.queries import chain_gaps

    rows = chain_gaps(sensor_graph(), "智能传感器", "郑州高新区")
    big = max(rows, key=lambda r: r["count"])
    assert big["count"] >= 2  # the sample has a link with several local firms
    texts = {}
    for args in (["--top", "1"], ["--all"]):
        out = tmp_path / f"{args[0][2:]}{suffix}"
        result = CliRunner().invoke(cli, ["report", "-w", str(workspace), "--zone", "郑州高新区",
                                          "--chain", "智能传感器", *args, "-o", str(out)])
        assert result.exit_code == 0, result.output
        texts[args[0]] = _report_text(out)
    more = f"…及其他 {big['count'] - 1} 家"
    assert more in texts["--top"] and "…及其他" not in texts["--all"]
    assert all(name in texts["--all"] for name in big["local_firms"])


def _report_text(path) -> str:
    """Every cell (xlsx) or the whole text of a report file."""
    if path.suffix != ".xlsx":
        return path.read_text(encoding="utf-8")
    from openpyxl import load_workbook

    book = load_workbook(path, read_only=True)
    return "\n".join(str(cell) for ws in book.worksheets for row in ws.iter_rows(values_only=True)
                     for cell in row if cell is not None)


def test_a_regions_report_counts_and_covers_its_zones():
    """A city's briefing counts the firms of its zones as local (as kg gaps does), names the
    province it lies in, and reports the chains its zones develop."""
    graph = sensor_graph()  # its own copy: a zone is given an industry below
    chain = graph.find("智能传感器", "Chain")
    industry = next(iter(graph.into(chain, "HAS_CHAIN")))
    graph.add_relation(graph.find("新乡高新区", "Zone"), "DEVELOPS", industry, role="leading")
    city = graph.find("新乡市", "Region")
    zones = [z for z, rels in graph.nx._pred[city].items() if "IN_REGION" in rels]
    assert zones, "the sample's 新乡市 holds zones"
    local = sum(graph.node(f)["label"] == "Firm" for p in [city, *zones]
                for f in graph.into(p, "LOCATED_IN"))
    developed = {graph.node(c)["name"] for z in zones for i in graph.out(z, "DEVELOPS")
                 for c in graph.out(i, "HAS_CHAIN") if graph.out(c, "HAS_LINK")}
    report = build_report(graph, "新乡市")
    rows = {r["item"]: r["value"] for r in report.summary}
    assert rows["地区"] == "新乡市" and "河南省" in rows["所在地区"]
    assert rows["本地企业数"] == local
    assert developed and developed <= {c["chain"] for c in report.chains}
