"""Targets (招商目标): on the links their evidence supports, ranked by a score whose parts are shown."""
import json

import pytest
from click.testing import CliRunner

from kg.cli import cli
from kg.classify import classify_firms
from kg.facts import Source
from kg.graph import KnowledgeGraph
from kg.loaders.templates import load_templates, template_facts
from kg.queries import targets
from kg.targets import DISTANCE, distance_kind, is_firm_name


@pytest.fixture(scope="module")
def sample():
    from kg.build import build_graph, sample_documents, sample_registry

    return build_graph(sample_documents(), [sample_registry()]).graph


def target_edges(g):
    return {g.node(v)["name"]: d for _, v, k, d in g.nx.edges(keys=True, data=True) if k == "TARGETS"}


def test_non_firms_are_not_targets(sample):
    """A ranking (中国机械百强) and a field (健康养老托育) named in a plan are not targets."""
    names = set(target_edges(sample))
    assert "中国机械百强" not in names and "健康养老托育" not in names
    assert {"中国移动", "国家电网", "药明康德"} <= names


@pytest.mark.parametrize("name,firm", [("中国机械百强", False), ("健康养老托育", False),
                                       ("500强企业", False), ("现代服务业", False),
                                       ("主营业务突出", False), ("骨干企业", False),
                                       ("竞争力强", False), ("航空机载设备", False),
                                       ("液压操纵", False), ("某某设备有限公司", True),
                                       ("比亚迪", True), ("郑州宇通集团有限公司", True), ("SEW", True)])
def test_firm_name_rule(name, firm):
    """Rankings and field names are not firms; trade names and legal forms are."""
    assert is_firm_name(name) is firm


def test_a_target_is_not_copied_onto_every_link(sample):
    """Firms a plan names under 氢能与储能 in a clause of cooperation carry no link at all;
    one named under 锂电池 after “聚焦高端电芯、电池材料等重点领域” carries the links that focus
    names (电池, 电池材料), never the chain's others (整车, 电机); a fuel-cell firm named after
    “聚焦氢燃料电池空压机、氢循环泵…” carries 氢燃料电池系统 only."""
    edges = target_edges(sample)
    for name in ("中国移动", "国家电网", "药明康德"):
        assert edges[name]["links"] == [], name
    assert edges["宁德时代"]["links"] == ["Link/新能源汽车/电池", "Link/新能源汽车/电池材料"]
    assert edges["亿华通"]["links"] == ["Link/氢能/氢燃料电池系统"]


def test_score_follows_the_parts_it_shows(sample):
    """The parts shown explain the score: a target at least as good on every part never scores
    lower, and a target better on some part and no worse on any scores higher."""
    shown = []
    for edge in target_edges(sample).values():
        parts = json.loads(edge["score_parts"])
        assert list(parts) == ["cue", "placement", "distance", "size"]
        assert 0.0 <= edge["score"] <= 1.0
        shown.append((parts, edge["score"]))
    compared = 0
    for a, score_a in shown:
        for b, score_b in shown:
            if all(a[k] >= b[k] for k in a) and any(a[k] > b[k] for k in a):
                assert score_a > score_b, (a, b)
                compared += 1
            elif a == b:
                assert score_a == pytest.approx(score_b, abs=1e-6)
    assert compared, "the sample has targets that differ in their parts"


def small_graph():
    g = KnowledgeGraph()
    g.add_facts(template_facts(load_templates()))
    prov = g.add_entity("Region", "河南省", level="province")
    city = g.add_entity("Region", "新乡市", level="city")
    other_city = g.add_entity("Region", "郑州市", level="city")
    far = g.add_entity("Region", "广东省", level="province")
    g.add_relation(city, "PART_OF", prov)
    g.add_relation(other_city, "PART_OF", prov)
    zone = g.add_entity("Zone", "新乡高新区")
    g.add_relation(zone, "IN_REGION", city)
    other_zone = g.add_entity("Zone", "新乡经开区")
    g.add_relation(other_zone, "IN_REGION", city)
    src = Source("plan.txt", sentence=3, start=0, end=4, quote="…")
    firms = {}
    for name, where, code in (("甲储氢装备有限公司", zone, "000001"), ("乙储氢装备有限公司", other_zone, None),
                              ("丙储氢装备有限公司", other_city, None), ("丁储氢装备有限公司", far, None),
                              ("戊储氢装备有限公司", None, None)):
        f = g.add_entity("Firm", name, business_scope="储氢瓶生产", stock_code=code,
                         source=Source("r.csv", row=1))
        if where:
            g.add_relation(f, "LOCATED_IN", where)
        g.add_relation(zone, "TARGETS", f, industry="储氢", source=src)
        firms[name] = f
    return g, zone, firms


def test_a_registered_firm_stays_a_target_whatever_its_short_name_reads_like():
    """A listed firm named like a field (某某旅游, code 600000) stays; the same kind of name
    known only from a document (健康养老托育) is dropped."""
    from kg.targets import score_targets

    g = KnowledgeGraph()
    zone = g.add_entity("Zone", "新乡高新区")
    src = Source("plan.txt", sentence=1, start=0, end=4, quote="…")
    listed = g.add_entity("Firm", "某某旅游", stock_code="600000", source=Source("r.csv", row=2))
    field = g.add_entity("Firm", "健康养老托育", source=src)
    for f in (listed, field):
        g.add_relation(zone, "TARGETS", f, source=src)
    result = score_targets(g)
    assert result["dropped"] == ["健康养老托育"]
    assert g.nx.has_edge(zone, listed, "TARGETS") and not g.nx.has_edge(zone, field, "TARGETS")


def test_distance_orders_same_zone_city_province_elsewhere():
    """Same zone > same city > same province > elsewhere > unknown."""
    g, zone, firms = small_graph()
    kinds = [distance_kind(g, f, zone, {}) for f in firms.values()]
    assert kinds == ["zone", "city", "province", "elsewhere", "unknown"]
    assert [DISTANCE[k] for k in kinds] == sorted((DISTANCE[k] for k in kinds), reverse=True)


def test_targets_rank_by_score_with_links_and_sentence():
    """The local listed maker ranks first; each row keeps its link and the sentence it came from."""
    g, zone, firms = small_graph()
    classify_firms(g)
    rows = targets(g, "新乡高新区")
    assert [r["firm"] for r in rows][0] == "甲储氢装备有限公司"
    assert [r["score"] for r in rows] == sorted((r["score"] for r in rows), reverse=True)
    assert all(r["links"] == ["Link/氢能/储氢"] for r in rows)
    assert all("plan.txt 第3句" in r["reason"] for r in rows)


def test_kg_targets_shows_parts_and_regions(tmp_path):
    """`kg targets --zone 新乡市` lists the city plan's targets ranked with score parts; a zone in
    the city shows them too, under the city's name; json keeps the Link ids."""
    from kg.build import build, sample_documents, sample_registry

    ws = str(tmp_path / "ws")
    build(sample_documents(), [sample_registry()], workspace=ws)
    runner = CliRunner()
    table = runner.invoke(cli, ["targets", "--zone", "新乡市", "--workspace", ws])
    assert table.exit_code == 0 and "文件线索" in table.stdout  # the score's parts, in Chinese
    city = json.loads(runner.invoke(cli, ["targets", "--zone", "新乡市", "-f", "json", "-w", ws]).stdout)
    own = [r for r in city if r["scope"] == "本区"]
    assert own and [r["score"] for r in own] == sorted((r["score"] for r in own), reverse=True)
    assert "中国机械百强" not in {r["firm"] for r in city}
    assert all(link.startswith("Link/") for r in own for link in r["links"])
    # the reason is the plan's sentence naming the firm, not the name quoted back
    for row in own:
        first = row["evidence"][0]
        head = f"{first['doc']} 第{first['sentence']}句：“"
        said = row["reason"][len(head):]
        assert row["reason"].startswith(head) and first["quote"] in said, row
        assert len(said) > len(first["quote"]) + 10, row  # the sentence, not just the name
    zone = json.loads(runner.invoke(cli, ["targets", "--zone", "新乡高新区", "-f", "json", "-w", ws]).stdout)
    assert {r["firm"] for r in zone if r["scope"] == "新乡市"} == {r["firm"] for r in own}


def test_distance_on_a_graph_the_loaders_built_knows_levels_and_provinces(tmp_path):
    """Regions read from registry addresses (none names its province) and from a document
    carry their level and the province they are PART_OF, so a firm in another city of the
    province is 同省, not 同市, and one in another province is elsewhere."""
    from kg.loaders.extract import extract_text
    from kg.loaders.graph_facts import to_facts
    from kg.loaders.registry import read_registry

    registry = tmp_path / "firms.csv"
    registry.write_text(
        "企业名称,统一社会信用代码,注册地址,经营范围\n"
        "南京甲芯科技有限公司,91320100MA00000011,南京市浦口区江浦街道1号,芯片制造\n"
        "常州乙芯科技有限公司,91320400MA00000022,常州市新北区长江路2号,芯片制造\n"
        "深圳丙芯科技有限公司,91440300MA00000033,深圳市南山区科技园3号,芯片制造\n",
        encoding="utf-8")
    g = KnowledgeGraph()
    g.add_facts(read_registry(registry))
    g.add_facts(to_facts(extract_text("南京市大力发展集成电路产业。", "plan.txt")))
    seeker = g.find("南京市", "Region")
    assert g.node(seeker)["level"] == "city" and g.node(g.find("江苏省", "Region"))["level"] == "province"
    kinds = {name: distance_kind(g, g.find(name, "Firm"), seeker, {})
             for name in ("南京甲芯科技有限公司", "常州乙芯科技有限公司", "深圳丙芯科技有限公司")}
    assert kinds == {"南京甲芯科技有限公司": "zone", "常州乙芯科技有限公司": "province",
                     "深圳丙芯科技有限公司": "elsewhere"}
