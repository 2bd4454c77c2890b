"""Classification: firms on the links their products, scope or industry name, with evidence."""
from kg.classify import classify_firms, unclassified_firms
from kg.graph import KnowledgeGraph
from kg.facts import Source
from kg.loaders.templates import load_templates, template_facts


def graph():
    g = KnowledgeGraph()
    g.add_facts(template_facts(load_templates()))
    return g


def test_scope_words_place_a_firm_with_score_and_evidence():
    """气体检测仪 in the scope puts a firm on 传感器终端, with the word and its registry row."""
    g = graph()
    f = g.add_entity("Firm", "甲", business_scope="气体检测仪生产", source=Source("r.csv", row=4))
    classify_firms(g)
    edge = g.nx.edges[f, "Link/智能传感器/传感器终端", "OPERATES_IN"]
    assert edge["matched"] == ["气体检测仪"] and edge["score"] == 0.35
    assert edge["sources"] == [{"doc": "r.csv", "row": 4}]
    assert g.out(f, "OPERATES_IN") == ["Link/智能传感器/传感器终端"]


def test_longest_keyword_wins():
    """传感器芯片 places a firm on 传感芯片, not on 传感器."""
    g = graph()
    f = g.add_entity("Firm", "乙", products="传感器芯片")
    classify_firms(g)
    assert g.out(f, "OPERATES_IN") == ["Link/智能传感器/传感芯片"]
    assert g.nx.edges[f, "Link/智能传感器/传感芯片", "OPERATES_IN"]["score"] == 0.5


def test_industry_codes_place_listed_firms():
    """A Shenwan code under a link's code (锂电池 630701) places the firm on 电池."""
    g = graph()
    f = g.add_entity("Firm", "丙", key="300750")
    i = g.add_entity("Industry", "锂电池", key="sw:630701", industry_codes=["sw:630701", "sw:630700"])
    g.add_relation(f, "IN_INDUSTRY", i, source=Source("listed.jsonl", row=1))
    classify_firms(g)
    edge = g.nx.edges[f, "Link/新能源汽车/电池", "OPERATES_IN"]
    assert "sw:630701" in edge["matched"]


def test_firms_matching_nothing_are_listed_not_forced():
    """A restaurant stays off every link and is listed as unclassified."""
    g = graph()
    f = g.add_entity("Firm", "丁餐饮", business_scope="餐饮服务")
    summary = classify_firms(g)
    assert summary["unclassified"] == [f]
    assert unclassified_firms(g) == [{"id": f, "firm": "丁餐饮", "had": ["business_scope"]}]


def test_classifying_twice_changes_nothing():
    """A rerun gives the same relations."""
    g = graph()
    g.add_entity("Firm", "戊", business_scope="储氢瓶、燃料电池")
    classify_firms(g)
    first = sorted(g.edge_records(), key=str)
    classify_firms(g)
    assert sorted(g.edge_records(), key=str) == first
