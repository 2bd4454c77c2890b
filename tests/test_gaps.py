"""chain_gaps and the query commands: a gap table checked cell by cell, with evidence."""
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from kg.cli import cli
from kg.errors import NotFoundError
from kg.queries import chain_gaps, chains, firm_profile, platforms_for, targets, zone_profile
from kg.queries.fixtures import sample_plan, sensor_graph
from kg.workspace import Workspace

REGISTRY = Path(__file__).parent / "fixtures" / "registry" / "zz_firms.csv"


@pytest.fixture(scope="module")
def graph():
    return sensor_graph([REGISTRY])


@pytest.fixture(scope="module")
def workspace(graph, tmp_path_factory):
    path = tmp_path_factory.mktemp("ws")
    Workspace(path).save(graph, inputs=[])
    return path


def test_gap_table_cell_by_cell(graph):
    """郑州高新区 on the sensor chain: weak, gap (broken), covered, covered — each cell as expected."""
    rows = chain_gaps(graph, "传感器", "郑州高新区")
    core = [(r["position"], r["link"], r["stage"], r["status"], r["broken"], r["local_firms"],
             r["local_platforms"], r["count"], r["lq"], r["targets"]) for r in rows]
    assert core == [
        (1, "传感器材料", "upstream", "weak", False, ["郑州启明传感材料有限公司"], [], 1, 0.75, []),
        (2, "传感芯片", "upstream", "gap", True, [], [], 0, 0.0, ["新乡芯源微电子有限公司"]),
        (3, "传感器", "midstream", "covered", False, ["郑州佳测传感科技有限公司", "郑州恒辉电子有限公司"],
         ["国家气体传感器检测检验中心"], 2, 1.5, []),
        (4, "传感器终端", "downstream", "covered", False, ["郑州安信检测技术有限公司"], [], 1, 1.5, []),
    ]
    assert rows[0]["lq_formula"] == "(1/2) / (4/6) = 0.75"
    [candidate] = rows[1]["candidates"]
    assert candidate.startswith("新乡芯源微电子有限公司 — 经营范围首项含‘MEMS芯片’（研发）；"
                                "经营范围首项含‘传感器芯片’（研发）（得分 0.84），位于新乡市、新乡高新区；")
    assert "排序" in candidate and "定位 0.84" in candidate  # the rank's parts are shown
    assert rows[1]["elsewhere"] == ["新乡市 (1)", "新乡高新区 (1)"]
    assert all(r["covered_by"] == ["zz_firms.csv"] for r in rows)


def test_every_firm_platform_and_target_shown_has_evidence(graph):
    """Each name in local_firms, local_platforms, targets and candidates has sources in evidence."""
    for row in chain_gaps(graph, "传感器", "郑州高新区"):
        evidence = {e["name"]: e["sources"] for e in row["evidence"]}
        shown = row["local_firms"] + row["local_platforms"] + row["targets"] + \
            [c.split(" — ")[0] for c in row["candidates"]]
        for name in shown:
            assert evidence.get(name), (row["link"], name)
    gap = chain_gaps(graph, "传感器", "郑州高新区")[1]
    target = next(e for e in gap["evidence"] if e["role"].startswith("target"))
    assert target["name"] == "新乡芯源微电子有限公司"
    text = sample_plan().read_text(encoding="utf-8")
    for src in target["sources"]:  # each source points at the plan's words naming the target
        assert src["doc"] == sample_plan().name and text[src["start"]:src["end"]] == src["quote"]
        assert src["quote"] == "新乡芯源微电子有限公司"


def test_zone_no_registry_covers_is_unknown(graph):
    """郑州航空港区 has no firms and no registry lists its firms: every link is unknown."""
    assert {r["status"] for r in chain_gaps(graph, "传感器", "郑州航空港区")} == {"unknown"}


def test_weak_below_threshold(graph):
    """--weak-below 3 makes links with fewer than three local firms weak."""
    rows = chain_gaps(graph, "传感器", "郑州高新区", weak_below=3)
    assert [r["status"] for r in rows] == ["weak", "gap", "weak", "weak"]


def test_names_resolve_by_alias_and_unknown_names_suggest(graph):
    """郑州高新技术产业开发区 and 物联网 resolve; a misspelt chain lists the closest chains."""
    assert chain_gaps(graph, "物联网", "郑州高新技术产业开发区") == chain_gaps(graph, "智能传感器", "郑州高新区")
    with pytest.raises(NotFoundError, match="closest: 智能传感器"):
        chain_gaps(graph, "智能传感", "郑州高新区")


def test_region_gaps_count_zone_firms(graph):
    """Asked for 新乡市, firms in its zones are local."""
    rows = chain_gaps(graph, "传感器", "新乡市")
    assert [r["count"] for r in rows] == [1, 1, 0, 0]


def test_rows_are_plain_values(graph):
    """Rows hold only JSON values, so engines can be compared for equality."""
    rows = chain_gaps(graph, "传感器", "郑州高新区")
    assert json.loads(json.dumps(rows)) == rows


def test_other_queries(graph):
    """chains, zone_profile, firm_profile, targets and platforms_for answer in plain rows."""
    names = [c["chain"] for c in chains(graph)]
    assert names == sorted(names) and {"北斗应用", "新能源汽车", "智能传感器", "氢能", "集成电路"} <= set(names)
    profile = {r["field"]: r["value"] for r in zone_profile(graph, "郑州高新区")}
    assert profile["regions"] == ["郑州市"] and profile["firms"] == 5
    firm = {r["field"]: r["value"] for r in firm_profile(graph, "宁德时代新能源科技股份有限公司")}
    assert firm["credit_code"] == "91350900587527783P"
    # both targets of the plan; the one the registry places on a link of the chain ranks first
    assert [t["firm"] for t in targets(graph, "郑州高新区")] == ["新乡芯源微电子有限公司", "郑州金芯微感科技有限公司"]
    assert [p["platform"] for p in platforms_for(graph, "智能传感器/传感器")] == ["国家气体传感器检测检验中心"]


def test_cli_gaps_resolves_names_on_stderr(workspace):
    """`kg gaps 传感器 --zone 郑州高新区 -f json` prints rows; stderr says what the names resolved to."""
    result = CliRunner().invoke(cli, ["gaps", "传感器", "--zone", "郑州高新区", "-f", "json",
                                      "-w", str(workspace)])
    assert result.exit_code == 0, result.output
    rows = json.loads(result.stdout)
    assert [r["status"] for r in rows] == ["weak", "gap", "covered", "covered"]
    assert "Zone 郑州高新技术产业开发区" in result.stderr and "Chain 智能传感器" in result.stderr


def test_cli_unknown_zone_is_an_error_with_suggestions(workspace):
    """An unknown zone exits 1 and names the closest zones."""
    result = CliRunner().invoke(cli, ["gaps", "传感器", "--zone", "郑州高新", "-w", str(workspace)])
    assert result.exit_code == 1
    assert "no zone named '郑州高新'; closest:" in result.stderr


def test_cli_other_commands(workspace):
    """chains, zone, firm and targets answer from the workspace with what its inputs say."""
    runner = CliRunner()
    # each answer must carry a fact of the fixture plan or registry, not just any text
    for args, fact in ((["chains"], "智能传感器"), (["zone", "郑州高新区"], "国家气体传感器检测检验中心"),
                       (["firm", "宁德时代新能源科技股份有限公司"], "91350900587527783P"),
                       (["targets", "--zone", "郑州高新区"], "新乡芯源微电子有限公司")):
        result = runner.invoke(cli, [*args, "-f", "csv", "-w", str(workspace)])
        assert result.exit_code == 0, (args, result.output)
        assert fact in result.stdout, args


def test_every_query_command_is_documented():
    """Each query command has help text with an example."""
    from kg.cli.query import COMMANDS
    for command in COMMANDS:
        assert command.help and "kg " in command.help


def test_heads_of_several_places_merge_to_the_first_names_overall():
    """A region's local names from stored heads (kg.index): merged by name, cut where a
    head ends (past it another place's unread rows could come first), the rest counted."""
    from kg.queries.gaps import LinkStats, LocalRows

    def rows(*names):
        return [(n, f"Firm/{n}", []) for n in names]

    stats = LinkStats.__new__(LinkStats)
    stats._shown = {}
    stats.local = {"Zone/A": LocalRows(rows("a1", "c1"), total=9, by_rank=[]),  # a1 c1 | …
                   "Zone/B": rows("b1", "d1", "e1")}                            # whole
    names, count, evidence = stats.shown(["Zone/A", "Zone/B"])
    assert list(names) == ["a1", "b1"] and names.more == 10 and count == 12
    assert [e["name"] for e in evidence] == ["a1", "b1"]
    names, count, _ = stats.shown(["Zone/B"])
    assert names == ["b1", "d1", "e1"] and count == 3 and not getattr(names, "more", 0)
