"""The graph model: one node per real thing, deterministic ids, provenance everywhere."""
import pytest

from kg import KnowledgeGraph
from kg.errors import NotFoundError, SchemaError
from kg.facts import Entity, Ref, Relation, Source


def src(doc="plan.txt", sentence=0, quote="x"):
    return Source(doc, sentence=sentence, start=0, end=len(quote), quote=quote)


def test_adding_an_entity_twice_gives_one_node_with_both_sources():
    """The same name from two sentences is one node that remembers both."""
    g = KnowledgeGraph()
    a = g.add_entity("Zone", "郑州高新区", source=src(sentence=1, quote="郑州高新区"))
    b = g.add_entity("Zone", "郑州高新区", source=src(sentence=7, quote="郑州高新区"))
    assert a == b == "Zone/郑州高新区"
    assert [s["sentence"] for s in g.node(a)["sources"]] == [1, 7]


def test_alias_spellings_of_a_zone_merge():
    """新乡经开区 and 新乡经济技术开发区 are one zone whose node keeps both names."""
    g = KnowledgeGraph()
    a = g.add_entity("Zone", "新乡经开区")
    b = g.add_entity("Zone", "新乡经济技术开发区")
    assert a == b
    data = g.node(a)
    assert {data["name"], *data["aliases"]} == {"新乡经开区", "新乡经济技术开发区"}


def test_region_short_and_full_names_merge():
    """郑州 and 郑州市 are one region."""
    g = KnowledgeGraph()
    assert g.add_entity("Region", "郑州") == g.add_entity("Region", "郑州市")


def test_traditional_and_full_width_names_merge():
    """Traditional characters and full-width letters name the same thing."""
    g = KnowledgeGraph()
    a = g.add_entity("Platform", "MEMS智能传感器公共服务平台")
    assert g.add_entity("Platform", "ＭＥＭＳ智能傳感器公共服務平台") == a


def test_short_firm_name_merges_with_registry_full_name_and_takes_its_key():
    """A plan's 宁德时代 and the registry's 300750 become one node with the registry id."""
    g = KnowledgeGraph()
    plan = g.add_entity("Firm", "宁德时代", source=src(quote="宁德时代"))
    zone = g.add_entity("Zone", "新乡高新区")
    g.add_relation(zone, "TARGETS", plan, source=src(quote="宁德时代"))
    keyed = g.add_entity("Firm", "宁德时代", aliases=["宁德时代新能源科技股份有限公司"],
                         key="300750", source=Source("listed.jsonl", row=12))
    assert keyed == "Firm/300750"
    assert plan not in g
    assert g.out(zone, "TARGETS") == ["Firm/300750"]
    assert len(g.node(keyed)["sources"]) == 2
    assert g.resolve("宁德时代新能源科技股份有限公司", "Firm") == keyed


def test_ids_do_not_depend_on_load_order():
    """Registry first or plan first, the firm gets the same id and names."""
    one, two = KnowledgeGraph(), KnowledgeGraph()
    one.add_entity("Firm", "宁德时代")
    one.add_entity("Firm", "宁德时代", aliases=["宁德时代新能源科技股份有限公司"], key="300750")
    two.add_entity("Firm", "宁德时代", aliases=["宁德时代新能源科技股份有限公司"], key="300750")
    two.add_entity("Firm", "宁德时代")
    assert list(one.node_records()) == list(two.node_records())


def test_an_entity_that_bridges_two_nodes_merges_them_with_their_relations():
    """When a later mention shows two nodes are one firm, relations of both survive."""
    g = KnowledgeGraph()
    z = g.add_entity("Zone", "郑州高新区")
    a = g.add_entity("Firm", "宇通")
    b = g.add_entity("Firm", "宇通客车股份有限公司")
    assert a != b
    g.add_relation(a, "LOCATED_IN", z, source=src())
    g.add_relation(z, "TARGETS", b, source=src())
    both = g.add_entity("Firm", "宇通客车", aliases=["宇通"])
    assert len(list(g.nodes("Firm"))) == 1
    assert g.out(both, "LOCATED_IN") == [z] and g.out(z, "TARGETS") == [both]
    names = {g.node(both)["name"], *g.node(both)["aliases"]}
    assert names == {"宇通", "宇通客车股份有限公司", "宇通客车"}


def test_relation_endpoints_are_checked_against_the_ontology():
    """A relation between labels the ontology does not allow is refused."""
    g = KnowledgeGraph()
    firm = g.add_entity("Firm", "汉威科技")
    region = g.add_entity("Region", "郑州市")
    with pytest.raises(SchemaError, match="IN_REGION cannot start at a Firm"):
        g.add_relation(firm, "IN_REGION", region)
    with pytest.raises(SchemaError, match="unknown label"):
        g.add_entity("Company", "x")


def test_sentence_sources_become_mentioned_in_relations():
    """An entity from a sentence is MENTIONED_IN its document, with the span and quote."""
    g = KnowledgeGraph()
    node = g.add_entity("Firm", "汉威科技", source=Source("a.txt", 4, 10, 14, "汉威科技"))
    (doc,) = g.out(node, "MENTIONED_IN")
    edge = g.nx.edges[node, doc, "MENTIONED_IN"]
    assert (edge["sentence"], edge["start"], edge["end"], edge["quote"]) == (4, 10, 14, "汉威科技")
    assert g.node(doc)["label"] == "Document"


def test_facts_with_references_resolve_to_existing_nodes():
    """A Relation fact names its ends by label and name; the graph finds them by alias."""
    g = KnowledgeGraph()
    g.add_fact(Entity("Zone", "新乡经济技术开发区", source=src()))
    g.add_fact(Entity("Region", "新乡市", source=src()))
    g.add_fact(Relation("IN_REGION", Ref("Zone", "新乡经开区"), Ref("Region", "新乡"), source=src()))
    assert g.counts()["relations"] == {"IN_REGION": 1, "MENTIONED_IN": 2}


def test_find_unknown_name_lists_closest_names():
    """An unknown name raises an error that lists the names it might have meant."""
    g = KnowledgeGraph()
    g.add_entity("Zone", "郑州高新区")
    g.add_entity("Zone", "郑州经开区")
    with pytest.raises(NotFoundError) as err:
        g.find("郑州高新", "Zone")
    assert "郑州高新区" in str(err.value)


def test_every_relation_and_node_keeps_sources_through_records():
    """Records rebuild an equal graph, sources included."""
    g = KnowledgeGraph()
    z = g.add_entity("Zone", "郑州高新区", source=src(quote="郑州高新区"))
    r = g.add_entity("Region", "郑州市", source=src(quote="郑州市"))
    g.add_relation(z, "IN_REGION", r, source=src(quote="郑州高新区"))
    again = KnowledgeGraph.from_records(g.node_records(), g.edge_records())
    assert list(again.node_records()) == list(g.node_records())
    assert list(again.edge_records()) == list(g.edge_records())
    assert again.resolve("郑州", "Region") == r


def test_a_bare_zone_word_does_not_join_zones_of_different_cities():
    """郑州高新区 known as 高新区 in one document does not swallow 新乡's 高新区 in another."""
    g = KnowledgeGraph()
    zz = g.add_entity("Zone", "郑州高新区", aliases=["高新区"])
    xx = g.add_entity("Zone", "新乡高新区", aliases=["高新区"])
    assert zz != xx
    assert g.resolve("高新区", "Zone") is None
