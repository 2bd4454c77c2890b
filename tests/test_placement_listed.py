"""Listed firms with no scope of their own are placed by their published product lines
(kg.listed_products), read with the same making/selling rules as a scope."""
import json
import logging

import pytest

from kg.classify import classify_firms
from kg.errors import SourceError
from kg.facts import Source
from kg.graph import KnowledgeGraph
from kg.listed_products import ENV, main_products
from kg.loaders.templates import load_templates, template_facts

# an invented table in the ChainKnowledgeGraph company_product shape (codes of no real firm)
LINES = {
    "300901.SZ": [("气体传感器", 0.8), ("技术服务", 0.1)],          # a sensor maker
    "300902": [("汽车销售", 0.9), ("整车租赁", 0.5)],                # a dealer: lines it only sells
    "300903.SZ": [("乘用车泵", 0.9), ("商用车泵", 0.4)],             # pumps for cars, not cars
    "300904.SZ": [("物联网解决方案", 0.9), ("气体传感器", 0.1)],     # sensors a minor line
    "300905.SZ": [("乘用车", 0.8)],                                  # a parts maker's market split
    "300906.SZ": [("气体传感器", 0.8)],                              # has its own scope
}


@pytest.fixture
def table(tmp_path, monkeypatch):
    path = tmp_path / "company_product.jsonl"
    rows = [{"company_code": code, "product_name": p, "rel": "主营产品", "rel_weight": w}
            for code, lines in LINES.items() for p, w in lines]
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows)
                    + "{not json\n", encoding="utf-8")
    monkeypatch.setenv(ENV, str(path))
    return path


def links(g, f, status):
    return {l.split("/", 1)[1] for _, l, k, d in g.nx.out_edges(f, keys=True, data=True)
            if k == "OPERATES_IN" and d["status"] == status}


def classified(**firms):
    g = KnowledgeGraph()
    g.add_facts(template_facts(load_templates()))
    ids = {}
    for code, props in firms.items():
        sw = props.pop("sw", None)
        ids[code] = g.add_entity("Firm", f"测试{code}股份有限公司", stock_code=code,
                                 source=Source("listed.csv", row=1), **props)
        if sw:
            ind = g.add_entity("Industry", "汽车零部件", key=sw, industry_codes=[sw])
            g.add_relation(ids[code], "IN_INDUSTRY", ind, source=Source("listed.csv", row=1))
    classify_firms(g)
    return g, ids


def test_a_major_product_line_places_a_listed_firm_and_says_so(table):
    g, ids = classified(**{"300901": {}})
    assert links(g, ids["300901"], "placed") == {"智能传感器/传感器"}
    edge = g.nx.edges[ids["300901"], "Link/智能传感器/传感器", "OPERATES_IN"]
    assert edge["evidence"][0] == "上市公司主营产品含‘气体传感器’"


def test_lines_the_firm_only_sells_or_rents_place_nothing(table):
    g, ids = classified(**{"300902": {}})
    assert not links(g, ids["300902"], "placed")


def test_a_keyword_that_only_modifies_the_line_is_not_its_product(table):
    g, ids = classified(**{"300903": {}})
    assert "新能源汽车/整车" not in links(g, ids["300903"], "placed") | links(g, ids["300903"], "candidate")


def test_a_minor_line_alone_makes_a_candidate_not_a_placement(table):
    g, ids = classified(**{"300904": {}})
    assert "智能传感器/传感器" in links(g, ids["300904"], "candidate")
    assert "智能传感器/传感器" not in links(g, ids["300904"], "placed")


def test_the_firms_own_sector_wins_over_a_line_on_another_link_of_its_chain(table):
    g, ids = classified(**{"300905": {"sw": "sw:280203"}})
    assert links(g, ids["300905"], "placed") == {"新能源汽车/关键汽车零部件"}
    assert "新能源汽车/整车" in links(g, ids["300905"], "candidate")


def test_a_row_with_its_own_scope_is_read_from_its_row_not_the_table(table):
    g, ids = classified(**{"300906": {"business_scope": "汽车配件制造"}})
    assert "智能传感器/传感器" not in links(g, ids["300906"], "placed")
    assert "新能源汽车/关键汽车零部件" in links(g, ids["300906"], "placed")


def test_codes_read_with_or_without_exchange_and_bad_lines_are_logged(table, caplog):
    with caplog.at_level(logging.WARNING):
        assert main_products("300902.SZ") == main_products("300902") != ()
    assert main_products("SZ300901")[0] == ("气体传感器", 0.8)
    assert main_products("") == () and main_products("123") == ()
    assert any(f"{table}, line " in r.getMessage() for r in caplog.records)


def test_without_a_table_nothing_changes_and_a_missing_named_table_is_an_error(tmp_path,
                                                                            monkeypatch):
    monkeypatch.setenv(ENV, "none")
    assert main_products("300901") == ()
    monkeypatch.setenv(ENV, str(tmp_path / "absent.jsonl"))
    with pytest.raises(SourceError, match="absent.jsonl"):
        main_products("300901")
