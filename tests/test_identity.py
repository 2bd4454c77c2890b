"""Firm identity on the real listed-company registry: keys, code conflicts, links from documents."""
import json
import re
import sys
import unicodedata
from collections import defaultdict
from pathlib import Path

import pytest

from kg.build import build_graph, sample_documents
from kg.facts import Source
from kg.graph import KnowledgeGraph
from kg.loaders.link import link_mentions
from kg.loaders.registry import read_registry
from kg.names import credit_code_problem, drop_format_chars, normalize
from tests.shared_data import require



def listed_file(name="listed_company.jsonl") -> Path:
    """The shared real registry beside the project; missing fails under CI, else skips."""
    return require("registry", name)


@pytest.fixture(scope="module")
def listed():
    report = []
    graph = KnowledgeGraph()
    graph.add_facts(read_registry(listed_file(), report=report))
    return graph, report


@pytest.fixture(scope="module")
def built():
    """The five sample documents built with the listed registry, as `kg build` does."""
    return build_graph(sample_documents(), [listed_file()]).graph


def _stripped(name: str) -> str:
    # the oracle's own notion of "the same full name": brackets and the legal form dropped
    name = re.sub(r"[()（）\s]", "", name)
    return re.sub(r"(集团)?(股份)?有限(责任)?公司$|股份公司$", "", name)


def _expected_conflicts() -> dict:
    rows = [json.loads(line) for line in listed_file().read_text(encoding="utf-8").splitlines()]
    by_code = defaultdict(list)
    for number, row in enumerate(rows, 1):
        by_code[row["code"].split(".")[0]].append((number, row["fullname"], row["name"]))
    out = {}
    for code, named in by_code.items():
        # the same firm: the same full name, or one row's full name is the other's short name
        # (equal short names alone prove nothing: 688078's ten rows share one)
        full, short0 = _stripped(named[0][1]), named[0][2]
        later = [(n, name) for n, name, short in named[1:]
                 if _stripped(name) not in (full, short0) and short != full]
        if later:
            out[code] = (named, later)
    return out


def test_every_code_conflict_is_reported_with_both_rows_and_keys_no_firm(listed):
    """A code the registry gives to firms of different names is a reported conflict, never a merge."""
    graph, report = listed
    expected = _expected_conflicts()
    assert len(expected) >= 40 and "688078" in expected
    assert set(graph.conflicts()) == set(expected)
    conflicts = [r for r in report if r["action"] == "conflict" and r["file"] == "listed_company.jsonl"]
    assert len(conflicts) == sum(len(later) for _, later in expected.values())
    for entry in conflicts:
        code = entry["message"].split()[0]
        first_row = expected[code][0][0][0]
        assert f"row {first_row}" in entry["message"] and f"row {entry['row']}" in entry["message"]
    for code, (named, later) in expected.items():
        nodes = {graph.find(name, "Firm") for _, name, _ in named}
        # the first row's firm and each conflicting row's firm are different nodes
        assert len({graph.find(name, "Firm") for _, name in later} | {graph.find(named[0][1], "Firm")}) \
            == len({_stripped(name) for _, name in later} | {_stripped(named[0][1])})
        for node in nodes:
            assert any(code in c for c in graph.node(node)["conflicts"])
            assert graph.node(node).get("key") != code


def test_sany_and_bank_of_china_do_not_resolve_to_cccc(listed):
    """三一重工 and 中国银行 (both given 688078 by the file) are not 中国交通建设股份有限公司."""
    graph, _ = listed
    cccc = graph.find("中国交通建设股份有限公司", "Firm")
    for name in ("三一重工", "中国银行", "三一重工股份有限公司", "中国银行股份有限公司"):
        node = graph.find(name, "Firm")
        assert node != cccc
        assert "中国交通建设" not in graph.node(node)["name"]


def test_gree_joins_its_registry_firm_and_xiamen_jinlong_stays_apart_from_local_jinlong(built):
    """格力 (a document's target) is 珠海格力电器 000651; 厦门金龙 is 600686; 新乡's local 金龙 is neither."""
    graph = built
    gree = graph.resolve("格力", "Firm")
    assert gree == graph.resolve("格力电器", "Firm") == graph.resolve("珠海格力电器股份有限公司", "Firm")
    assert graph.node(gree).get("stock_code") == "000651"
    assert any("格力" in note for note in graph.node(gree)["linked"])
    xiamen = graph.resolve("厦门金龙", "Firm")
    assert graph.node(xiamen).get("stock_code") == "600686"
    local = graph.resolve("金龙", "Firm")
    assert local is not None and local != xiamen
    assert "厦门金龙汽车集团股份有限公司" in graph.node(local)["link_candidates"]
    assert not graph.node(local).get("stock_code")


def test_sample_plan_target_sany_is_not_cccc(built):
    """The city plan's 三一重工 is the real 三一重工 (600031 from the industry file), not 中国交建."""
    sany = built.resolve("三一重工", "Firm")
    assert built.node(sany)["name"] == "三一重工股份有限公司"
    assert "中国交通建设股份有限公司" not in built.node(sany)["aliases"]


def _mention(graph, name, doc="plan.txt", **props):
    return graph.add_entity("Firm", name, source=Source(doc, sentence=0, start=0, end=len(name),
                                                        quote=name), **props)


@pytest.fixture()
def fresh_listed(listed):
    graph = KnowledgeGraph()
    graph.add_facts(read_registry(listed_file()))
    return graph


def test_short_names_link_to_listed_firms(fresh_listed):
    """宇通 ↔ 宇通客车 (郑州宇通客车股份有限公司) and 中国一拖 ↔ 一拖股份 (第一拖拉机股份有限公司) join."""
    graph = fresh_listed
    for name in ("宇通", "中国一拖"):
        _mention(graph, name)
    decisions = {d["mention"]: d for d in link_mentions(graph)}
    assert decisions["宇通"]["linked_to"] == "郑州宇通客车股份有限公司"
    assert graph.resolve("宇通", "Firm") == graph.resolve("宇通客车", "Firm") == "Firm/600066"
    assert decisions["中国一拖"]["linked_to"] == "第一拖拉机股份有限公司"
    assert graph.resolve("中国一拖", "Firm") == graph.resolve("一拖股份", "Firm") == "Firm/601038"


def test_an_ambiguous_short_name_stays_apart_without_evidence(fresh_listed):
    """A bare 金龙 with no place or industry has several candidates: it stays its own node."""
    graph = fresh_listed
    node = _mention(graph, "金龙")
    decision = {d["mention"]: d for d in link_mentions(graph)}["金龙"]
    assert decision["linked_to"] is None and len(decision["candidates"]) >= 2
    assert node in graph and set(decision["candidates"]) == set(graph.node(node)["link_candidates"])


def test_midea_is_found_in_a_list_of_targets():
    """"引进美的、海尔、格力" names three firms, 美的 among them."""
    from kg.loaders.extract import extract_text

    ex = extract_text("新乡市大力引进美的、海尔、格力等一线家电企业。", "plan.txt")
    assert {"美的", "海尔", "格力"} <= {e.name for e in ex.entities if e.label == "Firm"}


def test_format_characters_make_no_second_firm():
    """Zero-width, bidi and other format characters (Unicode Cf) are dropped before keys are made."""
    graph = KnowledgeGraph()
    plain = graph.add_entity("Firm", "格力电器")
    for odd in ("格\u200b力电器", "\u202e格力电器", "格力\u2060电器", "格力电器\ufeff", "ｇ格力电器"[1:]):
        assert graph.add_entity("Firm", odd) == plain
    every_cf = "".join(chr(c) for c in range(sys.maxunicode + 1)
                       if unicodedata.category(chr(c)) == "Cf")
    assert drop_format_chars("格" + every_cf + "力") == "格力"
    assert normalize("ＡＢＣ　格力") == "ABC格力"


def test_credit_code_check_character_decides_the_key():
    """A valid 统一社会信用代码 keys the firm before its stock code; a wrong check character is reported."""
    assert credit_code_problem("91350900587527783P") is None  # 宁德时代's published code
    assert "check character" in credit_code_problem("91350900587527783Q")
    rows = ("企业名称,统一社会信用代码,股票代码\n"
            "宁德时代新能源科技股份有限公司,91350900587527783P,300750\n"
            "郑州甲传感科技有限公司,91410100MA3X00001A,\n")
    report = []
    graph = KnowledgeGraph()
    import io
    graph.add_facts(read_registry(io.StringIO(rows), name="firms.csv", report=report))
    assert graph.find("宁德时代新能源科技股份有限公司", "Firm") == "Firm/91350900587527783P"
    assert graph.find("郑州甲传感科技有限公司", "Firm") == "Firm/郑州甲传感科技有限公司"
    bad = [r for r in report if r["field"] == "credit_code"]
    assert bad and bad[0]["row"] == 2 and "expected B" in bad[0]["message"]
    # the stock code still finds the firm keyed by its credit code
    graph.add_facts(read_registry(io.StringIO("name,fullname,code\n宁德时代,宁德时代新能源科技股份有限公司,300750.SZ\n"),
                                  name="listed.csv"))
    assert graph.find("宁德时代", "Firm") == "Firm/91350900587527783P"


def test_a_duplicate_credit_code_with_another_name_is_a_conflict():
    """Two firms with one 统一社会信用代码: both kept by name, both rows named, nothing dropped."""
    import io
    rows = ("企业名称,统一社会信用代码,注册地址\n"
            "郑州甲传感科技有限公司,91410100MA3X00002E,郑州市高新区梧桐街1号\n"
            "新乡乙材料有限公司,91410100MA3X00002E,新乡市高新区新二街2号\n")
    report = []
    graph = KnowledgeGraph()
    graph.add_facts(read_registry(io.StringIO(rows), name="firms.csv", report=report))
    a, b = graph.find("郑州甲传感科技有限公司", "Firm"), graph.find("新乡乙材料有限公司", "Firm")
    assert a != b and graph.node(b)["address"] == "新乡市高新区新二街2号"
    conflict = [r for r in report if r["action"] == "conflict"]
    assert len(conflict) == 1 and "row 1" in conflict[0]["message"] and "row 2" in conflict[0]["message"]
    assert graph.conflicts() == {"91410100MA3X00002E": sorted([a, b])}
