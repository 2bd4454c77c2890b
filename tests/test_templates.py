"""Chain templates: shipped files, the format's errors, and joining document chains to them."""
import pytest

from kg.errors import SourceError
from kg.facts import Entity, Relation, Source
from kg.graph import KnowledgeGraph
from kg.loaders.templates import load_templates, match_chains, read_template, template_facts
from kg.names import link_key


def doc_chain(name, links, doc="plan.txt"):
    src = Source(doc, sentence=1, start=0, end=2, quote="——")
    chain = Entity("Chain", name, source=src)
    facts, previous = [chain], None
    for i, link_name in enumerate(links, 1):
        link = Entity("Link", link_name, key=link_key(name, link_name),
                      props={"position": i, "chain": name}, source=src)
        facts += [link, Relation("HAS_LINK", chain.ref, link.ref, props={"position": i}, source=src)]
        if previous:
            facts.append(Relation("NEXT", previous.ref, link.ref, source=src))
        previous = link
    return facts


def graph_with(*chains):
    g = KnowledgeGraph()
    templates = load_templates()
    g.add_facts(template_facts(templates))
    for facts in chains:
        g.add_facts(facts)
    return g, templates


def names_in_order(g, chain):
    links = sorted((d["position"], v) for _, v, k, d in g.nx.out_edges(chain, keys=True, data=True)
                   if k == "HAS_LINK")
    return [g.node(v)["name"] for _, v in links]


def test_shipped_templates_cover_the_corpus_chains():
    """Sensor, 北斗, hydrogen, IC and NEV chains ship, each with staged, keyworded links."""
    by_name = {t.name: t for t in load_templates()}
    assert [l.name for l in by_name["氢能"].links] == ["制氢", "储氢", "加氢", "氢燃料电池系统", "氢燃料发动机"]
    assert {"智能传感器", "北斗应用", "集成电路", "新能源汽车"} <= set(by_name)
    for t in by_name.values():
        assert all(l.stage in ("upstream", "midstream", "downstream") and l.keywords for l in t.links)


def test_chain_alias_finds_the_chain():
    """`传感器` and `物联网` name the sensor chain."""
    g, _ = graph_with()
    assert g.resolve("传感器", "Chain") == g.resolve("物联网", "Chain") == "Chain/智能传感器"


def test_document_chain_with_the_same_links_merges_into_the_template():
    """物联网产业链 spelled out in a plan becomes the template chain, its links the template's links."""
    g, templates = graph_with(doc_chain("物联网产业链", ["传感器材料", "传感芯片", "传感器", "传感器终端"]))
    match_chains(g, templates)
    assert names_in_order(g, "Chain/智能传感器") == ["传感器材料", "传感芯片", "传感器", "传感器终端"]
    link = g.node("Link/智能传感器/传感芯片")
    assert {s["doc"] for s in link["sources"]} == {"sensor.yaml", "plan.txt"}
    assert not [n for n, d in g.nodes("Link") if d.get("chain") == "物联网产业链"]


def test_document_chain_under_another_name_matches_by_link_overlap():
    """A chain named otherwise joins the template whose links it shares (aliases count)."""
    g, templates = graph_with(doc_chain("应用电子产业链", ["集成电路研发设计", "芯片制造", "封装测试", "芯片产品及应用"]))
    done = match_chains(g, templates)
    assert done[0]["template"] == "集成电路"
    assert g.resolve("应用电子产业链", "Chain") == "Chain/集成电路"
    assert len(names_in_order(g, "Chain/集成电路")) == 5


def test_high_overlap_keeps_the_extra_link_in_order():
    """A document link the template lacks is kept after its predecessor; positions renumber."""
    g, templates = graph_with(doc_chain("氢能产业链", ["制氢", "储氢", "运氢", "加氢"]))
    done = match_chains(g, templates)
    assert done[0]["added"] == ["运氢"]
    assert names_in_order(g, "Chain/氢能") == ["制氢", "储氢", "运氢", "加氢", "氢燃料电池系统", "氢燃料发动机"]


def test_a_link_that_restates_its_chain_is_the_template_link():
    """新能源电池材料 in a 新能源汽车 chain is the template's 电池材料: the leading words only
    say whose materials they are; a link named otherwise (运氢) is still added."""
    g, templates = graph_with(doc_chain("新能源产业链", ["新能源电池材料", "动力电池", "新能源汽车"]))
    done = match_chains(g, templates)
    assert done[0]["template"] == "新能源汽车" and done[0]["added"] == []
    links = names_in_order(g, "Chain/新能源汽车")
    assert links == ["电池材料", "电池", "电机", "电控", "关键汽车零部件", "整车"]
    battery = g.node("Link/新能源汽车/电池材料")
    assert "plan.txt" in {s["doc"] for s in battery["sources"]}
    g, templates = graph_with(doc_chain("氢能产业链", ["制氢", "储氢", "氢能运氢", "加氢"]))
    assert match_chains(g, templates)[0]["added"] == ["氢能运氢"]


def test_unmatched_chain_stays_its_own():
    """核心零部件+整车 matches no template and stays a chain of its own."""
    g, templates = graph_with(doc_chain("氢燃料电池汽车产业链", ["核心零部件", "整车"]))
    assert match_chains(g, templates) == []
    assert names_in_order(g, g.resolve("氢燃料电池汽车产业链", "Chain")) == ["核心零部件", "整车"]


def test_a_bad_template_names_file_and_link(tmp_path):
    """A link with an unknown stage is an error that names the file and the link."""
    path = tmp_path / "bad.yaml"
    path.write_text("chain: 示例\nlinks:\n  - name: 甲\n    stage: sideways\n", encoding="utf-8")
    with pytest.raises(SourceError, match=r"bad.yaml, link 1 \(甲\): stage 'sideways'"):
        read_template(path)
    path.write_text("chain: [unclosed\n", encoding="utf-8")
    with pytest.raises(SourceError, match="not valid YAML"):
        read_template(path)


def test_a_user_template_replaces_a_shipped_one(tmp_path):
    """A user template with a shipped chain's name replaces it."""
    path = tmp_path / "h2.yaml"
    path.write_text("chain: 氢能\nlinks: [制氢, 用氢]\n", encoding="utf-8")
    by_name = {t.name: t for t in load_templates([path])}
    assert [l.name for l in by_name["氢能"].links] == ["制氢", "用氢"]
