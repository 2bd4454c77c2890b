"""Coverage: a registry makes an empty link a gap only for the places and chains it is declared a census of."""
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from kg.build import build_graph
from kg.cli import cli
from kg.queries import chain_gaps
from tests.test_identity import listed_file

SENSOR_FIRMS = [  # ten sensor firms in 郑州高新区, none on 传感芯片 (made up for the test)
    ("郑州甲感气体传感器有限公司", "郑州高新技术产业开发区冬青街1号", "气体传感器的研发、生产与销售"),
    ("郑州乙感压力传感器有限公司", "郑州高新技术产业开发区冬青街2号", "压力传感器研发制造"),
    ("郑州丙测温度传感器有限公司", "郑州市高新区梧桐街3号", "温度传感器、湿度传感器研发生产"),
    ("郑州丁敏湿度传感器有限公司", "郑州市高新区梧桐街4号", "湿度传感器生产销售"),
    ("郑州戊联物联网终端有限公司", "郑州市高新区莲花街5号", "智能仪表、监测终端的研发与销售"),
    ("郑州己安检测仪表有限公司", "郑州市高新区莲花街6号", "燃气报警器、检测仪表制造"),
    ("郑州庚材敏感材料有限公司", "郑州高新技术产业开发区红松路7号", "压电陶瓷、敏感材料研发生产"),
    ("郑州辛感光电传感器有限公司", "郑州高新技术产业开发区红松路8号", "光电传感器研发制造"),
    ("郑州壬测流量传感器有限公司", "郑州市高新区科学大道9号", "流量传感器生产"),
    ("郑州癸智传感终端有限公司", "郑州市高新区科学大道10号", "智能传感终端、监测终端研发"),
]
OTHER_CHAINS = ("氢能", "北斗应用", "新能源汽车")


def _write(path: Path, head: str = "") -> Path:
    lines = [head + "企业名称,注册地址,经营范围"] + [",".join(row) for row in SENSOR_FIRMS]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _statuses(graph, chain):
    return {r["link"]: (r["status"], r["covered_by"]) for r in chain_gaps(graph, chain, "郑州高新区")}


def test_a_sensor_only_list_declared_for_its_zone_leaves_other_chains_unknown(tmp_path):
    """--covers 郑州高新区 --scope 智能传感器: sensor links may be gaps, 氢能/北斗/新能源汽车 stay unknown."""
    path = _write(tmp_path / "sensors.csv")
    graph = build_graph([], [path], coverage={"covers": ["郑州高新区"], "scope": ["智能传感器"]}).graph
    sensor = _statuses(graph, "智能传感器")
    assert sensor["传感芯片"] == ("gap", ["sensors.csv"])
    assert {s for s, _ in sensor.values()} >= {"gap", "covered"}
    for chain in OTHER_CHAINS:
        rows = chain_gaps(graph, chain, "郑州高新区")
        assert rows and all(r["status"] == "unknown" and r["covered_by"] == [] for r in rows), chain
    assert {"registry": "sensors.csv", "place": "Zone/郑州高新区", "scope": ["Chain/智能传感器"],
            "declared": True} in graph.nx.graph["coverage"]


def test_rows_alone_only_suggest_coverage(tmp_path):
    """Without a declaration the same list makes no gap; its zone and chain are only suggested."""
    graph = build_graph([], [_write(tmp_path / "sensors.csv")]).graph
    assert {s for s, _ in _statuses(graph, "智能传感器").values()} <= {"unknown", "covered", "weak"}
    suggested = [e for e in graph.nx.graph["coverage"] if not e["declared"]]
    assert any(e["place"] == "Zone/郑州高新区" and e["scope"] == ["Chain/智能传感器"] for e in suggested)


@pytest.mark.parametrize("how", ["sidecar", "lines"])
def test_declarations_in_a_sidecar_or_in_the_file(tmp_path, how):
    """A sidecar sensors.csv.coverage.yaml, or # covers / # scope lines, declare the census."""
    if how == "sidecar":
        path = _write(tmp_path / "sensors.csv")
        (tmp_path / "sensors.csv.coverage.yaml").write_text("covers: [郑州高新区]\nscope: [智能传感器]\n",
                                                            encoding="utf-8")
    else:
        path = _write(tmp_path / "sensors.csv", "# covers: 郑州高新区\n# scope: 智能传感器\n")
    graph = build_graph([], [path]).graph
    assert _statuses(graph, "传感器")["传感芯片"] == ("gap", ["sensors.csv"])
    assert {r["status"] for r in chain_gaps(graph, "氢能", "郑州高新区")} == {"unknown"}


def test_the_national_listing_covers_no_place():
    """The listed-company file names firms all over China: it is a census of no place."""
    graph = build_graph([], [listed_file()]).graph
    assert not any(e["declared"] for e in graph.nx.graph["coverage"])
    docs = [d for _, d in graph.nodes("Document") if d.get("kind") == "registry"]
    assert docs and not any(d.get("covers") for d in docs)


def test_cli_covers_and_scope_and_the_gap_names_its_registry(tmp_path):
    """`kg build --covers --scope` then `kg gaps`: a gap names the registry, other chains unknown."""
    path = _write(tmp_path / "sensors.csv")
    ws = tmp_path / "ws"
    runner = CliRunner()
    built = runner.invoke(cli, ["build", "-r", str(path), "--covers", "郑州高新区", "--scope", "智能传感器",
                                "-w", str(ws)])
    assert built.exit_code == 0, built.output
    assert "sensors.csv 声明为 郑州高新区 的完整名录" in built.stderr
    out = runner.invoke(cli, ["gaps", "传感器", "--zone", "郑州高新区", "-f", "json", "-w", str(ws)])
    rows = json.loads(out.stdout)
    assert all(r["covered_by"] == ["sensors.csv"] for r in rows if r["status"] == "gap")
    assert any(r["status"] == "gap" for r in rows)
    out = runner.invoke(cli, ["gaps", "氢能", "--zone", "郑州高新区", "-f", "json", "-w", str(ws)])
    assert {r["status"] for r in json.loads(out.stdout)} == {"unknown"}


def test_scope_without_covers_is_a_usage_error(tmp_path):
    """--scope alone says nothing about a place: exit 2 with a message naming --covers."""
    result = CliRunner().invoke(cli, ["build", "-r", str(_write(tmp_path / "s.csv")), "--scope", "氢能",
                                      "-w", str(tmp_path / "ws")])
    assert result.exit_code == 2 and "--covers" in result.output


def test_a_declared_place_or_chain_that_names_nothing_is_reported(tmp_path):
    """A misspelt --covers place or --scope chain is said, not silently ignored."""
    path = _write(tmp_path / "sensors.csv")
    report = build_graph([], [path], coverage={"covers": ["郑州高兴区"], "scope": ["传感气"]}).report
    messages = [r["message"] for r in report if r["field"] in ("covers", "scope")]
    assert any("郑州高兴区" in m for m in messages) and any("传感气" in m for m in messages)
