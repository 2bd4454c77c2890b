"""Registry loader: header variants, places from addresses and names, listed companies, merges."""
import io
import json
from collections import Counter
from pathlib import Path

import pytest

from kg.errors import SourceError
from kg.graph import KnowledgeGraph
from kg.loaders.registry import column_fields, read_registry
from tests.shared_data import require

FIX = Path(__file__).parent / "fixtures" / "registry"


@pytest.fixture(scope="module")
def listed():
    """The real listed-company registry in ../shared (required under CI)."""
    return require("registry", "listed_company.jsonl")


def load(path, **kw):
    g = KnowledgeGraph()
    g.add_facts(read_registry(path, **kw))
    return g


def located(g, firm):
    return {(v, d.get("inferred", False))
            for _, v, k, d in g.nx.out_edges(firm, keys=True, data=True) if k == "LOCATED_IN"}


def test_chinese_headers_are_recognised():
    """企业名称/统一社会信用代码/注册地址/经营范围 become name, credit_code, address, business_scope."""
    g = load(FIX / "zz_firms.csv")
    firm = g.find("郑州恒辉电子有限公司", "Firm")
    assert firm == "Firm/91410100MA3X00002E"
    data = g.node(firm)
    assert data["credit_code"] == "91410100MA3X00002E"
    assert data["address"] == "郑州市高新区翠竹街20号"
    assert data["business_scope"] == "气体传感器、压力传感器研发制造"


def test_english_headers_and_explicit_columns():
    """English headers map too; explicit region/zone columns are not marked inferred."""
    g = load(FIX / "en_headers.csv")
    firm = g.find("Alpha Sensor Co", "Firm")
    assert g.node(firm)["products"] == "气体传感器"
    assert located(g, firm) == {("Zone/郑州高新区", False)}
    assert g.out("Zone/郑州高新区", "IN_REGION") == ["Region/郑州"]
    assert [g.node(i)["name"] for i in g.out(firm, "IN_INDUSTRY")] == ["智能传感器"]


def test_other_header_spellings_codes_dates_and_report():
    """公司名称/股票代码/所在地区/所属园区/主营产品/成立日期 are read; odd values are reported by row."""
    report = []
    g = load(FIX / "explicit_cols.csv", report=report)
    hw = g.find("汉威科技", "Firm")
    assert hw == "Firm/300007"
    assert g.node(hw)["founded"] == "1998-09-11"
    assert located(g, hw) == {("Zone/郑州高新区", False)}
    actions = {(r["row"], r["field"], r["action"]) for r in report}
    assert (1, "stock_code", "normalised") in actions
    assert (2, "founded", "ignored") in actions
    assert (3, "name", "skipped") in actions
    assert (None, "备注", "ignored") in actions
    doc = g.node("Document/explicit_cols.csv")
    assert doc["kind"] == "registry" and doc["covers"] == ["Zone/郑州高新区"]


def test_strict_refuses_a_bad_row_naming_it():
    """--strict stops at the first bad row and says which."""
    with pytest.raises(SourceError, match=r"explicit_cols.csv, row 3: 企业名称 is empty"):
        load(FIX / "explicit_cols.csv", strict=True)


def test_explicit_mapping_names_other_columns():
    """--map 单位=name reads a column no header list knows."""
    text = io.StringIO("单位,地点\n郑州某某科技有限公司,郑州市高新区1号\n")
    g = KnowledgeGraph()
    g.add_facts(read_registry(text, name="x.csv", mapping={"单位": "name", "地点": "address"}))
    assert g.resolve("郑州某某科技有限公司", "Firm")
    with pytest.raises(SourceError, match="not a registry field"):
        column_fields(["单位"], {"单位": "nmae"})


def test_xlsx_with_comment_row_and_dates():
    """An .xlsx sheet with a comment row and real date cells loads like a CSV."""
    g = load(FIX / "firms.xlsx")
    firm = g.find("郑州恒辉电子有限公司", "Firm")
    assert g.node(firm)["founded"] == "2015-03-02"
    assert ("Zone/郑州高新区", True) in located(g, firm)


def test_region_and_zone_inferred_from_address():
    """郑州市高新区… gives zone 郑州高新区 in 郑州市, marked inferred on the source and the relation."""
    g = load(FIX / "zz_firms.csv")
    firm = g.find("郑州恒辉电子有限公司", "Firm")
    assert located(g, firm) == {("Zone/郑州高新区", True)}
    edge = g.nx.edges[firm, "Zone/郑州高新区", "LOCATED_IN"]
    assert edge["sources"] == [{"doc": "zz_firms.csv", "row": 2, "inferred": True}]
    assert g.out("Zone/郑州高新区", "IN_REGION") == ["Region/郑州"]
    xin = g.find("新乡瑞瓷新材料有限公司", "Firm")
    assert located(g, xin) == {("Zone/新乡经开区", True)}
    assert g.resolve("新乡经开区", "Zone") == "Zone/新乡经开区"


def test_region_inferred_from_full_name():
    """A firm with no address is placed by its name: 郑州…股份有限公司 → 郑州市 (inferred)."""
    g = KnowledgeGraph()
    g.add_facts(read_registry(io.StringIO("企业名称\n郑州宇通客车股份有限公司\n"), name="n.csv"))
    firm = g.find("郑州宇通客车", "Firm")
    assert located(g, firm) == {("Region/郑州", True)}
    assert g.node("Document/n.csv").get("covers", []) == []


def test_plan_short_name_and_registry_full_name_are_one_firm(listed):
    """宁德时代 in a plan and 宁德时代新能源科技股份有限公司 (300750) in the listed registry: one node."""
    g = KnowledgeGraph()
    plan = g.add_entity("Firm", "宁德时代", source={"doc": "plan.txt", "sentence": 4,
                                                   "start": 0, "end": 4, "quote": "宁德时代"})
    assert plan == "Firm/宁德时代"
    g.add_facts(read_registry(listed))
    node = g.find("宁德时代", "Firm")
    assert node == "Firm/300750"
    data = g.node(node)
    assert data["name"] == "宁德时代新能源科技股份有限公司" and "宁德时代" in data["aliases"]
    assert {s["doc"] for s in data["sources"]} >= {"plan.txt", "listed_company.jsonl"}
    assert "Firm/宁德时代" not in g


def test_csv_full_name_with_credit_code_takes_over_a_short_name_node():
    """A registry row with a 简称 column links a plan's short name to the full name and key."""
    g = KnowledgeGraph()
    g.add_entity("Firm", "恒辉电子")
    text = io.StringIO("企业名称,简称,统一社会信用代码\n郑州恒辉电子有限公司,恒辉电子,91410100MA3X00002E\n")
    g.add_facts(read_registry(text, name="r.csv"))
    assert g.resolve("恒辉电子", "Firm") == "Firm/91410100MA3X00002E"
    assert len(list(g.nodes("Firm"))) == 1


def test_like_names_with_different_keys_stay_apart():
    """Two registry firms whose names reduce to the same short form are two nodes."""
    text = io.StringIO("企业名称,统一社会信用代码\n郑州华美科技有限公司,91410100MA3X0000A7\n"
                       "新乡华美科技有限公司,91410700MA3X0000B9\n")
    g = KnowledgeGraph()
    g.add_facts(read_registry(text, name="r.csv"))
    assert len(list(g.nodes("Firm"))) == 2


def test_listed_company_registry_loads_completely_with_a_row_report(listed):
    """4,654 rows in: every distinct code is a node, each quirk is reported by row."""
    rows = [json.loads(line) for line in listed.read_text(encoding="utf-8").splitlines()]
    industry = [json.loads(line) for line in
                (listed.parent / "listed_company_industry.jsonl").read_text(encoding="utf-8").splitlines()]
    codes = {r["code"].split(".")[0] for r in rows}
    extra = {r["company_code"].split(".")[0] for r in industry} - codes
    assert len(rows) == 4654 and len(codes) == 4586 and len(extra) == 103
    report = []
    g = load(listed, report=report)
    keyed = {n for n, _ in g.nodes("Firm") if n[5:].isdigit()}
    conflicted = {k for k in g.conflicts()}
    # every code is a node, except a code given to firms of different names (a conflict)
    assert keyed | {f"Firm/{c}" for c in conflicted} >= {f"Firm/{c}" for c in codes | extra}
    counted = Counter((r["file"], r["field"], r["action"]) for r in report)
    assert counted[("listed_company.jsonl", "stock_code", "normalised")] == sum("." in r["code"] for r in rows)
    assert counted[("listed_company.jsonl", "stock_code", "merged")] \
        + counted[("listed_company.jsonl", "stock_code", "conflict")] == len(rows) - len(codes)
    assert counted[("listed_company.jsonl", "founded", "ignored")] == 86
    assert counted[("listed_company_industry.jsonl", "company_code", "added")] == 103
    assert counted[("listed_company_industry.jsonl", "company_code", "missing")] == 259
    assert all(r["row"] for r in report if r["action"] in ("normalised", "merged", "ignored", "added"))
    assert g.out("Firm/300750", "IN_INDUSTRY") == ["Industry/sw:630701"]
    assert g.node("Industry/sw:630701")["industry_codes"] == ["sw:630701", "sw:630700", "sw:630000"]
    # a row whose second name is another company's is a conflict, reported with both rows
    conflict = [r for r in report if r["action"] == "conflict" and r["message"].startswith("688096")]
    assert conflict and "大连港股份有限公司" not in g.node(g.find("江苏京源环保股份有限公司"))["aliases"]


def test_industry_file_alone_loads_and_reports_unknown_codes(listed):
    """listed_company_industry.jsonl given on its own still links firms and reports unknown codes."""
    report = []
    g = load(listed.parent / "listed_company_industry.jsonl", report=report)
    assert len(list(g.nodes("Firm"))) == 4430
    assert sum(r["action"] == "added" for r in report) == 103


def test_tab_and_semicolon_separated_registries_load(tmp_path):
    """A .tsv export (or a .csv whose header has only tabs or semicolons) is read by its own separator."""
    rows = ["企业名称{0}注册地址{0}经营范围", "郑州乙芯科技有限公司{0}郑州市高新区长椿路11号{0}MEMS传感芯片设计, 销售"]
    for name, sep in (("firms.tsv", "\t"), ("tabs.csv", "\t"), ("semi.csv", ";")):
        path = tmp_path / name
        path.write_text("\n".join(r.format(sep) for r in rows) + "\n", encoding="utf-8")
        firms = [f for f in read_registry(path) if type(f).__name__ == "Entity" and f.label == "Firm"]
        assert [f.name for f in firms] == ["郑州乙芯科技有限公司"], name
        assert firms[0].props["business_scope"] == "MEMS传感芯片设计, 销售"
        assert firms[0].props["address"] == "郑州市高新区长椿路11号"
