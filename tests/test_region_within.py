"""A region's answers count the places inside it: a province its cities, a city its
districts and zones, at any depth (queries.gaps.local_places).

The oracle is the registry file itself: the generator writes each firm's city into its
address, and which cities lie in 河南省 is the generator's own table, not the project's
gazetteer or graph.
"""
from __future__ import annotations

import csv
import json
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from kg import KnowledgeGraph
from kg.cli import cli
from kg.queries import chain_gaps, zone_profile

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
import gen_registry  # noqa: E402


def _profile(rows) -> dict:
    return {r["field"]: r["value"] for r in rows}


def _nested_graph() -> KnowledgeGraph:
    """甲省 ⊃ 乙市 ⊃ 丙区, and 乙市高新区 in 乙市; one sensor maker in each of the last two."""
    g = KnowledgeGraph()
    province, city, district = (g.add_entity("Region", n) for n in ("甲省", "乙市", "丙区"))
    g.add_relation(city, "PART_OF", province)
    g.add_relation(district, "PART_OF", city)
    zone = g.add_entity("Zone", "乙市高新区")
    g.add_relation(zone, "IN_REGION", city)
    chain = g.add_entity("Chain", "传感器")
    link = g.add_entity("Link", "传感器", key="传感器/传感器", keywords=["传感器"])
    g.add_relation(chain, "HAS_LINK", link, position=1)
    for where, name in ((district, "丙区甲传感有限公司"), (zone, "乙市乙传感有限公司")):
        firm = g.add_entity("Firm", name)
        g.add_relation(firm, "LOCATED_IN", where)
        g.add_relation(firm, "OPERATES_IN", link, status="placed", score=0.7)
    return g


def test_a_province_counts_the_firms_of_its_cities_districts_and_zones():
    g = _nested_graph()
    assert [r["count"] for r in chain_gaps(g, "传感器", "甲省")] == [2]
    assert [r["count"] for r in chain_gaps(g, "传感器", "乙市")] == [2]
    assert [r["count"] for r in chain_gaps(g, "传感器", "丙区")] == [1]
    province = _profile(zone_profile(g, "甲省"))
    assert province["subregions"] == ["乙市"] and province["firms"] == 0
    assert province["firms_within"] == 2


@pytest.fixture(scope="module")
def registry_ws(tmp_path_factory):
    folder = tmp_path_factory.mktemp("region-within")
    registry = gen_registry.write_csv(folder / "firms.csv", 900, seed=5)
    result = CliRunner().invoke(cli, ["build", "--registry", str(registry),
                                      "--workspace", str(folder / "ws")])
    assert result.exit_code == 0, result.output
    return registry, folder / "ws"


def _json(ws, *args):
    result = CliRunner().invoke(cli, [*args, "--workspace", str(ws), "--format", "json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_kg_zone_of_a_province_counts_the_registry_rows_in_its_cities(registry_ws):
    registry, ws = registry_ws
    henan = [c for c, p in gen_registry.PROVINCE.items() if p == "河南省"]
    with open(registry, encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    expected = sum(any(city in row["注册地址"] for city in henan) for row in rows)
    assert 0 < expected < len(rows)
    profile = _profile(_json(ws, "zone", "河南省", "--all"))
    assert profile["firms_within"] == expected
    assert {"郑州市", "新乡市"} <= set(profile["subregions"])


def test_kg_gaps_of_a_province_adds_up_its_cities(registry_ws):
    """Per link, the province's local firms are the sum of its cities' (a city already
    counts its zones; no firm lies in two cities)."""
    _, ws = registry_ws
    cities = _profile(_json(ws, "zone", "河南省", "--all"))["subregions"]
    province = _json(ws, "gaps", "智能传感器", "--zone", "河南省")
    by_city = [_json(ws, "gaps", "智能传感器", "--zone", city) for city in cities]
    assert sum(r["count"] for r in province) > 0
    for i, row in enumerate(province):
        assert row["count"] == sum(rows[i]["count"] for rows in by_city), row["link"]


PARK_TEXT = ("云湖新区2024年工作总结\n"
             "云湖新区建设云湖新区东部产业园和云湖新区综合保税区。\n"
             "据介绍,云湖新区东部产业园以传感器企业为主,近年来,星河传感科技有限公司等企业先后落户这里。\n")
PARK_REGISTRY = ("企业名称,统一社会信用代码,注册地址,经营范围\n"
                 "星河传感科技有限公司,91410100MA9XYZ0001,,气体传感器、压力传感器的研发、生产与销售\n")


@pytest.fixture(scope="module")
def park_ws(tmp_path_factory):
    folder = tmp_path_factory.mktemp("parks")
    (folder / "plan.txt").write_text(PARK_TEXT, encoding="utf-8")
    (folder / "firms.csv").write_text(PARK_REGISTRY, encoding="utf-8")
    result = CliRunner().invoke(cli, ["build", str(folder / "plan.txt"), "--registry",
                                      str(folder / "firms.csv"), "--workspace", str(folder / "ws")])
    assert result.exit_code == 0, result.output
    return folder / "ws"


def test_a_park_named_after_its_zone_is_part_of_it(park_ws):
    """一区多园: 云湖新区东部产业园 is PART_OF 云湖新区 and listed among its parks; the park
    says which zone it belongs to."""
    zone = _profile(_json(park_ws, "zone", "云湖新区", "--all"))
    assert {"云湖新区东部产业园", "云湖新区综合保税区"} <= set(zone["zones"])
    park = _profile(_json(park_ws, "zone", "云湖新区东部产业园"))
    assert park["in_zones"] == ["云湖新区"] and park["firms"] == 1


def test_a_parks_firms_are_local_to_its_zone_in_python_and_in_cypher(park_ws):
    """The firm that settled in the park is local to the zone: kg gaps counts it on the
    sensor link, and so does the named chain_gaps query (FIRMS_ON)."""
    rows = _json(park_ws, "gaps", "智能传感器", "--zone", "云湖新区")
    counts = {r["link"]: r["count"] for r in rows}
    assert counts["传感器"] == 1
    named = _json(park_ws, "cypher", "--name", "chain_gaps", "-p", "chain=智能传感器",
                  "-p", "zone=云湖新区")
    assert {r["link"]: r["count"] for r in named} == counts


def test_a_provinces_profile_lists_the_zones_of_its_cities(registry_ws):
    _, ws = registry_ws
    zones = set(_profile(_json(ws, "zone", "河南省", "--all"))["zones"])
    city = set(_profile(_json(ws, "zone", "郑州市", "--all"))["zones"])
    assert city and city <= zones
