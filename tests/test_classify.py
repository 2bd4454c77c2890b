"""Placement: firms land on the links their products, scope, name and sector support — and no others."""
import json
from pathlib import Path

import pytest

from kg.classify import CANDIDATE, PLACED, classify_firms, unclassified_firms
from kg.facts import Source
from kg.graph import KnowledgeGraph
from kg.loaders.templates import load_templates, template_facts
from kg.scope import clauses
from kg.wordmatch import WordMatcher

SHARED = Path(__file__).resolve().parents[2] / "shared"


def graph():
    g = KnowledgeGraph()
    g.add_facts(template_facts(load_templates()))
    return g


def firm(g, name, scope="", **props):
    return g.add_entity("Firm", name, business_scope=scope, source=Source("r.csv", row=1), **props)


def sector(g, f, name, code=None):
    """Give firm ``f`` a registry industry (name only, as a 所属行业 column, or with a code)."""
    props = {"industry_codes": [code]} if code else {}
    i = g.add_entity("Industry", name, key=code, **props)
    g.add_relation(f, "IN_INDUSTRY", i, source=Source("r.csv", row=1))


def placed(g, f):
    return {l.split("/", 1)[1] for _, l, k, d in g.nx.out_edges(f, keys=True, data=True)
            if k == "OPERATES_IN" and d["status"] == "placed"}


def candidates(g, f):
    return {l.split("/", 1)[1] for _, l, k, d in g.nx.out_edges(f, keys=True, data=True)
            if k == "OPERATES_IN" and d["status"] == "candidate"}


def test_a_making_clause_places_with_score_status_and_chinese_evidence():
    """气体检测仪 made by the firm puts it on 传感器终端: placed, scored, the reason in Chinese, the row kept."""
    g = graph()
    f = firm(g, "甲", "气体检测仪生产")
    classify_firms(g)
    edge = g.nx.edges[f, "Link/智能传感器/传感器终端", "OPERATES_IN"]
    assert edge["status"] == "placed" and PLACED <= edge["score"] <= 1
    assert any("气体检测仪" in e and "制造" in e for e in edge["evidence"])
    assert edge["sources"] == [{"doc": "r.csv", "row": 1}]


def test_selling_a_product_is_not_making_it():
    """The same words under 销售/批发/代理 place nobody, and the evidence says why nothing counted."""
    g = graph()
    seller = firm(g, "乙", "汽车配件、传感器、锂电池批发零售；代理销售电子产品")
    maker = firm(g, "丙", "汽车配件制造；传感器销售")
    classify_firms(g)
    assert placed(g, seller) == set() and candidates(g, seller) == set()
    assert placed(g, maker) == {"新能源汽车/关键汽车零部件"}


def test_keyword_inside_a_longer_word_does_not_count():
    """热电堆 holds 电堆 and 机电机械 holds 电机: neither puts a firm on 氢燃料电池系统 or 电机."""
    g = graph()
    thermopile = firm(g, "丁", "红外热电堆传感器的研发、生产")
    machinery = firm(g, "戊", "机电机械产品加工")
    stack = firm(g, "己", "燃料电池电堆生产")
    classify_firms(g)
    assert "氢能/氢燃料电池系统" not in placed(g, thermopile) | candidates(g, thermopile)
    assert "智能传感器/传感器" in placed(g, thermopile)
    assert not any(l.startswith("新能源汽车/电机") for l in placed(g, machinery) | candidates(g, machinery))
    assert "氢能/氢燃料电池系统" in placed(g, stack)


def test_a_head_shared_by_coordinated_items_is_read_for_each():
    """“汽车、摩托车配件制造” makes 汽车配件 too; a longer list (“汽车、金属材料、电子计算机及配件”)
    does not lend 配件 to 汽车, and a sold coordination places nobody."""
    g = graph()
    maker = firm(g, "甲机械厂", "汽车、摩托车配件制造")
    listing = firm(g, "乙有限公司", "汽车、金属材料、电子计算机及配件加工")
    seller = firm(g, "丙有限公司", "汽车、摩托车配件销售")
    classify_firms(g)
    assert placed(g, maker) == {"新能源汽车/关键汽车零部件"}
    edge = g.nx.edges[maker, "Link/新能源汽车/关键汽车零部件", "OPERATES_IN"]
    assert any("汽车、…配件" in e for e in edge["evidence"])
    for other in (listing, seller):
        assert "新能源汽车/关键汽车零部件" not in placed(g, other) | candidates(g, other)


def test_word_matcher_prefers_whole_and_longest_words():
    """传感器芯片 is one word (not also 传感器); 单晶硅片 does not hold the word 硅片."""
    m = WordMatcher(["传感器", "传感器芯片", "硅片"])
    assert m.find("传感器芯片设计") == ["传感器芯片"]
    assert m.find("单晶硅片") == [] and m.find("半导体硅片") == ["硅片"]


def test_one_generic_word_makes_a_candidate_not_a_placement():
    """电子产品 alone (a broad word) gives a candidate below PLACED; a named product places."""
    g = graph()
    generic = firm(g, "庚", "电子产品生产")
    named = firm(g, "辛", "智能手机生产")
    classify_firms(g)
    ic = "集成电路/芯片产品及应用"
    assert ic in candidates(g, generic) and placed(g, generic) == set()
    assert ic in placed(g, named)


def test_more_and_stronger_evidence_ranks_higher():
    """A first-line making clause outranks a later one; the name adds to the scope."""
    g = graph()
    first = firm(g, "某汽车零部件有限公司", "汽车零部件制造")
    later = firm(g, "某机械厂", "机械加工；汽车零部件制造")
    classify_firms(g)
    link = "Link/新能源汽车/关键汽车零部件"
    s_first = g.nx.edges[first, link, "OPERATES_IN"]["score"]
    s_later = g.nx.edges[later, link, "OPERATES_IN"]["score"]
    assert s_first > s_later


def test_firm_name_places_a_firm_without_scope():
    """…汽车零部件有限公司 and …传感科技有限公司 say what the firm makes."""
    g = graph()
    parts = firm(g, "重庆飞成汽车零部件有限公司")
    sensors = firm(g, "宁波柯力传感科技股份有限公司")
    classify_firms(g)
    assert placed(g, parts) == {"新能源汽车/关键汽车零部件"}
    assert placed(g, sensors) == {"智能传感器/传感器"}


def test_a_name_only_word_is_read_in_the_firm_name_and_nowhere_else():
    """A navigation-technology firm (…导航技术股份有限公司) is placed on the 北斗 terminals link by
    its name; 导航技术 in a scope, or a guidance-control firm's name, places nobody there."""
    g = graph()
    named = firm(g, "上海华测导航技术股份有限公司")
    scope = firm(g, "甲科技有限公司", "导航技术开发；软件开发")
    guidance = firm(g, "乙导航控制技术股份有限公司")
    classify_firms(g)
    assert "北斗应用/系统集成及运营服务" in placed(g, named)
    for other in (scope, guidance):
        assert not any(l.startswith("北斗应用") for l in placed(g, other) | candidates(g, other))


def test_sector_on_one_link_places_on_several_links_candidates():
    """仪器仪表 (one sole link, 传感器) places 汉威科技 there and leaves 传感器终端 a candidate;
    锂电池 by its code places on 电池."""
    g = graph()
    hanwei = firm(g, "汉威科技集团股份有限公司")
    sector(g, hanwei, "仪器仪表")  # a registry's 所属行业 column, name only
    battery = firm(g, "某电池股份有限公司")
    sector(g, battery, "锂电池", "sw:630701")
    classify_firms(g)
    assert "智能传感器/传感器" in placed(g, hanwei)
    assert "智能传感器/传感器终端" in candidates(g, hanwei)
    assert {l for l in placed(g, battery) if l.startswith("新能源汽车/")} == {"新能源汽车/电池"}


def test_a_motor_sector_places_on_the_motor_link_but_the_bare_word_does_not():
    """电机Ⅲ maps to one link of the NEV chain (电机), so a firm in it is placed there; a scope
    that only names 电机 among other machines stays a candidate."""
    g = graph()
    listed = firm(g, "某电机股份有限公司")
    sector(g, listed, "电机Ⅲ")
    workshop = firm(g, "某机械有限公司", "木工机床、电机生产、销售")
    classify_firms(g)
    assert "新能源汽车/电机" in placed(g, listed)
    assert "新能源汽车/电机" in candidates(g, workshop)


def test_an_industrial_brake_is_not_a_car_part():
    """制动器 alone names crane and machine brakes: not placed on 关键汽车零部件; 汽车制动器 is."""
    g = graph()
    crane = firm(g, "某起重设备有限公司", "工业制动器、起重机械制造、销售")
    car = firm(g, "某制动系统有限公司", "汽车制动器、刹车片制造")
    classify_firms(g)
    assert "新能源汽车/关键汽车零部件" not in placed(g, crane)
    assert "新能源汽车/关键汽车零部件" in placed(g, car)


def test_gb_industry_codes_of_an_enterprise_export_place_firms(tmp_path):
    """An export's 行业代码 C3670 (GB/T 4754-2017 汽车零部件及配件制造) or its 国标行业 name places
    a firm on 关键汽车零部件 without any scope."""
    from kg.loaders.registry import read_registry

    export = tmp_path / "export.csv"
    export.write_text("企业名称,行业代码,所属行业\n甲有限公司,C3670,\n乙有限公司,,汽车零部件及配件制造\n",
                      encoding="utf-8")
    g = graph()
    g.add_facts(read_registry(export))
    classify_firms(g)
    for name in ("甲有限公司", "乙有限公司"):
        f = g.find(name, "Firm")
        assert placed(g, f) == {"新能源汽车/关键汽车零部件"}, name


def test_a_listed_export_with_main_business_places_by_its_products(tmp_path):
    """A listed-firm export's 主营业务 column is read as products: a firm whose sector maps to no
    link (军工电子Ⅲ) is placed by what its main business names."""
    from kg.loaders.registry import read_registry

    export = tmp_path / "listed.csv"
    export.write_text("企业名称,股票代码,所属行业,主营业务\n"
                      "甲股份有限公司,300001,军工电子Ⅲ,北斗导航芯片、GNSS接收机\n",
                      encoding="utf-8")
    g = graph()
    g.add_facts(read_registry(export))
    classify_firms(g)
    assert {"北斗应用/关键器件", "北斗应用/系统集成及运营服务"} <= placed(g, g.find("甲股份有限公司", "Firm"))


@pytest.mark.parametrize("name,industry,scope", [
    ("某汽车销售服务有限公司", "汽车经销商", "汽车销售；汽车配件销售；二手车经纪"),
    ("某银行股份有限公司", "股份制银行Ⅲ", "吸收公众存款；发放汽车消费贷款"),
    ("某置业有限公司", "房地产开发", "房地产开发经营；物业管理"),
    ("某轮胎股份有限公司", "轮胎轮毂", "子午线轮胎的生产"),
])
def test_no_dealer_bank_property_or_tyre_firm_on_vehicles_or_sensors(name, industry, scope):
    """Dealers, banks, property firms and tyre makers are never placed on 整车 or a sensor link."""
    g = graph()
    f = firm(g, name, scope)
    sector(g, f, industry)
    classify_firms(g)
    bad = {l for l in placed(g, f) if l == "新能源汽车/整车" or l.startswith("智能传感器/")}
    assert bad == set()


def test_trade_sector_caps_a_firm_at_candidate():
    """A dealer whose scope also names 汽车零部件加工 is at most a candidate."""
    g = graph()
    f = firm(g, "某汽车贸易有限公司", "汽车零部件加工；汽车销售")
    sector(g, f, "汽车经销商")
    classify_firms(g)
    assert placed(g, f) == set() and candidates(g, f) == {"新能源汽车/关键汽车零部件"}


def test_thresholds_decide_status():
    """The same product word is placed on a first-line making clause, a candidate as a bare
    item further on (score between CANDIDATE and PLACED), and nothing when only sold."""
    g = graph()
    made = firm(g, "试一", "储氢瓶生产")
    listed = firm(g, "试二", "技术开发；储氢瓶")
    sold = firm(g, "试三", "储氢瓶销售")
    classify_firms(g)
    link = "Link/氢能/储氢"
    assert g.nx.edges[made, link, "OPERATES_IN"]["score"] >= PLACED
    assert g.nx.edges[made, link, "OPERATES_IN"]["status"] == "placed"
    assert CANDIDATE <= g.nx.edges[listed, link, "OPERATES_IN"]["score"] < PLACED
    assert g.nx.edges[listed, link, "OPERATES_IN"]["status"] == "candidate"
    assert not g.nx.has_edge(sold, link, "OPERATES_IN")


def test_scope_clauses_carry_their_verbs():
    """制造、加工：轴承，汽车配件 — the leading verb governs both; 销售 clauses are trade."""
    kinds = [(c.text, c.kind) for c in clauses("制造、加工：轴承，汽车配件；五金交电批发")]
    assert kinds == [("制造、加工：轴承", "make"), ("汽车配件", "make"), ("五金交电批发", "sell")]


def test_firms_matching_nothing_are_listed_not_forced():
    """A restaurant stays off every link and is listed as unclassified."""
    g = graph()
    f = firm(g, "丁餐饮", "餐饮服务")
    summary = classify_firms(g)
    assert summary["unclassified"] == [f]
    assert unclassified_firms(g) == [{"id": f, "firm": "丁餐饮", "had": ["business_scope"]}]


def test_classifying_twice_changes_nothing():
    """A rerun gives the same relations."""
    g = graph()
    firm(g, "戊", "储氢瓶、燃料电池生产")
    classify_firms(g)
    first = sorted(g.edge_records(), key=str)
    classify_firms(g)
    assert sorted(g.edge_records(), key=str) == first


def test_placement_gold_floor_on_the_tuning_half():
    """On the gold's development half, placed pairs are precise: no tyre maker, dealer, bank or
    property firm lands on 整车 or a sensor link, 汉威科技 is on 传感器, and precision ≥ 0.85."""
    import sys
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
    from eval_placement import build_placements, prediction_rows

    gold = {}
    for line in (SHARED / "placement" / "dev.jsonl").read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        gold[row["fullname"]] = row
    g = build_placements(SHARED / "placement" / "dev_registry.csv")
    gold_chains = {"智能传感器", "集成电路", "新能源汽车", "氢能", "北斗应用"}  # the gold's five
    rows = [r for r in prediction_rows(g) if r["chain"] in gold_chains]
    tp = fp = 0
    for row in rows:
        entry = gold.get(row["firm"])
        if entry is None:
            continue
        pair = [row["chain"], row["link"]]
        if pair in entry["links"]:
            tp += 1
        elif pair not in entry["optional"]:
            fp += 1
        bad_sector = any(w in (entry["industry"] or "") for w in ("轮胎", "经销", "银行", "房地产"))
        if bad_sector:
            assert row["link"] != "整车" and row["chain"] != "智能传感器", row
    assert tp / (tp + fp) >= 0.85
    hanwei = [r for r in rows if r["firm"] == "汉威科技集团股份有限公司"]
    assert ("智能传感器", "传感器") in {(r["chain"], r["link"]) for r in hanwei}


def test_a_trade_a_document_states_of_a_firm_places_it_and_a_field_does_not():
    """以甲为龙头的晶圆制造业 says what 甲 makes (placed on 芯片制造); the field of the sentence
    a firm is only mentioned in (集成电路方面,…乙芯科技等龙头企业) places nobody."""
    from kg.loaders.extract import extract_text
    from kg.loaders.graph_facts import to_facts

    g = graph()
    text = ("南京已形成以甲晶半导体等为龙头的晶圆制造业。\n"
            "集成电路方面，积极引进乙芯科技等龙头企业。")
    g.add_facts(to_facts(extract_text(text, "plan.txt", home_region="南京市")))
    classify_firms(g)
    stated, mentioned = g.find("甲晶半导体", "Firm"), g.find("乙芯科技", "Firm")
    assert placed(g, stated) == {"集成电路/芯片制造"}
    edge = g.nx.edges[stated, "Link/集成电路/芯片制造", "OPERATES_IN"]
    assert any("文件称其属‘晶圆制造’" in e for e in edge["evidence"])
    assert not placed(g, mentioned) and not candidates(g, mentioned)
