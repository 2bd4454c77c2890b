"""The template library: twenty-odd chains a planner works from, each cited, each usable by `kg gaps`."""
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from kg.cli import cli
from kg.loaders.templates import find_template, load_templates
from kg.queries import chain_gaps
from kg.queries.fixtures import sensor_graph

SHARED = Path(__file__).resolve().parents[2] / "shared"
ORDER = {"upstream": 0, "midstream": 1, "downstream": 2}


@pytest.fixture(scope="module")
def templates():
    return load_templates()


@pytest.fixture(scope="module")
def sample():
    return sensor_graph()


def test_at_least_twenty_templates_each_citing_a_public_document(templates):
    """≥ 20 chains; each cites a document by address and orders its links up- to downstream."""
    assert len(templates) >= 20
    for t in templates:
        assert t.sources and all(s["url"] for s in t.sources), t.name
        stages = [ORDER[link.stage] for link in t.links]
        assert stages == sorted(stages), t.name
        assert all(link.keywords for link in t.links), t.name


def test_province_key_chains_are_covered(templates):
    """The chains a provincial plan names resolve by their usual names."""
    for name in ("新能源汽车", "智能传感器", "集成电路", "北斗", "氢能", "新型显示", "5G", "人工智能",
                 "网络安全", "生物医药", "现代医药", "现代食品", "现代轻纺", "节能环保", "储能",
                 "尼龙新材料", "先进装备", "光伏", "风电", "超硬材料"):
        found = find_template(templates, name)
        assert found.links, name
        assert name in found.name or name in found.aliases or found.name in name, (name, found.name)
    names = {find_template(templates, n).name for n in ("新能源汽车", "智能传感器", "氢能", "5G")}
    assert len(names) == 4  # different chains, not one catch-all


def test_shenwan_codes_exist_with_their_official_names(templates):
    """Every sw: code a template names is in the listed registry's Shenwan tables, under that name."""
    names = {}
    for line in (SHARED / "registry" / "listed_industry.jsonl").read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        names.setdefault(row["code"], set()).add(row["name"])
    for line in (SHARED / "registry" / "listed_company_industry.jsonl").read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        names.setdefault(row["industry_code"], set()).add(row["industry_name"])
    for t in templates:
        for link in t.links:
            for code in (*link.industry_codes, *link.broad_codes):
                if code.startswith("sw:"):
                    digits = code[3:]
                    assert digits in names, (t.name, link.name, code)
                    assert link.code_names.get(code) in names[digits], (t.name, link.name, code)


def test_gaps_answers_for_every_template_on_the_sample(templates, sample):
    """`kg gaps` logic gives one row per link, in order, for every template and the sample zone."""
    for t in templates:
        rows = chain_gaps(sample, t.name, "郑州高新区")
        assert [r["link"] for r in rows] == [link.name for link in t.links], t.name
        assert all(r["status"] in ("covered", "weak", "gap", "unknown") for r in rows)


def test_kg_templates_lists_and_shows():
    """`kg templates` lists the chains; `kg templates 物联网` shows the sensor links with codes."""
    runner = CliRunner()
    listed = runner.invoke(cli, ["templates", "--format", "json"])
    assert listed.exit_code == 0
    rows = json.loads(listed.stdout)
    assert len(rows) >= 20 and all(r["sources"] for r in rows)
    assert all(r["link_count"] == len(r["links"].split("—")) for r in rows)
    table = runner.invoke(cli, ["templates"])
    header = table.stdout.splitlines()[0]
    assert "环节数" in header and "企业数" not in header  # the column counts links, not firms
    shown = runner.invoke(cli, ["templates", "物联网", "--format", "json"])
    assert shown.exit_code == 0
    links = json.loads(shown.stdout)
    assert [r["link"] for r in links] == ["传感器材料", "传感芯片", "传感器", "传感器终端"]
    assert "智能传感器" in shown.stderr and "来源" in shown.stderr
    missing = runner.invoke(cli, ["templates", "无此产业链"])
    assert missing.exit_code == 1 and "无此产业链" in missing.stderr and not missing.stdout


def test_a_users_yaml_extends_the_library(tmp_path):
    """A template file given with -t joins the list; the shipped ones stay."""
    mine = tmp_path / "mine.yaml"
    mine.write_text("chain: 预制菜\nsources: {title: 我的规划, url: https://example.org/plan}\n"
                    "links:\n  - {name: 原料, keywords: [净菜]}\n  - {name: 加工, keywords: [预制菜]}\n",
                    encoding="utf-8")
    result = CliRunner().invoke(cli, ["templates", "-t", str(mine), "--format", "json"])
    assert result.exit_code == 0
    chains = {r["chain"] for r in json.loads(result.stdout)}
    assert "预制菜" in chains and "氢能" in chains
