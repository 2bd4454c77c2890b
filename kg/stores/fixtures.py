"""Small graphs for testing and measuring the stores: every label and relation type.

:func:`hand_graph` is tiny and hostile (Chinese names, quotes, braces, newlines,
``]]></script>``); :func:`generated_graph` is deterministic and as large as asked.

>>> g = hand_graph()
>>> sorted(g.counts()["nodes"]) == sorted(__import__("kg").vocab.LABELS)
True
>>> sorted(g.counts()["relations"]) == sorted(__import__("kg").vocab.RELATIONS)
True
>>> len(generated_graph(50).counts()["nodes"])
9
"""
from __future__ import annotations

import random

from kg.graph import KnowledgeGraph

HOSTILE = "a'\"`{}$\n]]></script>\\ \u2028;MATCH (n) DETACH DELETE n//"


def _src(doc: str, sentence: int, quote: str) -> dict:
    return {"doc": doc, "sentence": sentence, "start": 0, "end": len(quote), "quote": quote}


def _chain(g: KnowledgeGraph, industry: str, chain: str, links: list, source=None) -> list:
    ind = g.add_entity("Industry", industry, source=source)
    ch = g.add_entity("Chain", chain, source=source)
    g.add_relation(ind, "HAS_CHAIN", ch, source=source)
    ids = []
    for position, (name, stage) in enumerate(links, start=1):
        link = g.add_entity("Link", name, key=f"{chain}/{name}", position=position, stage=stage,
                            chain=chain, keywords=[name, name + "器件"], source=source)
        g.add_relation(ch, "HAS_LINK", link, position=position, source=source)
        if ids:
            g.add_relation(ids[-1], "NEXT", link, source=source)
        ids.append(link)
    return ids


def hand_graph() -> KnowledgeGraph:
    """A small graph with every label, relation type and property kind, and hostile names."""
    g = KnowledgeGraph()
    doc, reg = "郑州高新区报告.txt", "firms.csv"
    henan = g.add_entity("Region", "河南省", level="province", source=_src(doc, 0, "河南省"))
    zz = g.add_entity("Region", "郑州市", level="city", source=_src(doc, 0, "郑州市"))
    xx = g.add_entity("Region", "新乡市", level="city", source=_src(doc, 1, "新乡市"))
    for city in (zz, xx):
        g.add_relation(city, "PART_OF", henan, source=_src(doc, 0, "河南省"))
    zone = g.add_entity("Zone", "郑州高新技术产业开发区", aliases=["郑州高新区"], level="national",
                        source=_src(doc, 1, "郑州高新区"))
    other = g.add_entity("Zone", "新乡经济技术开发区", aliases=["新乡经开区"],
                         source=_src(doc, 2, "新乡经开区"))
    weird = g.add_entity("Zone", HOSTILE, source=_src(doc, 3, HOSTILE))
    g.add_relation(zone, "IN_REGION", zz, source=_src(doc, 1, "郑州"))
    g.add_relation(other, "IN_REGION", xx, source=_src(doc, 2, "新乡"))
    g.add_relation(weird, "IN_REGION", xx, source=_src(doc, 3, HOSTILE))
    links = _chain(g, "智能传感器", "传感器", [("敏感材料", "upstream"), ("MEMS芯片", "upstream"),
                                           ("传感器封测", "midstream"), ("智能终端", "downstream")],
                   source=_src(doc, 4, "传感器产业链"))
    industry = g.resolve("智能传感器", "Industry")
    g.add_relation(zone, "DEVELOPS", industry, role="leading", source=_src(doc, 4, "传感器"))
    g.add_relation(zz, "DEVELOPS", industry, role="emerging", source=_src(doc, 4, "传感器"))
    firms = [("汉威科技集团股份有限公司", "300007", zone, [links[0], links[2]]),
             ("郑州炜盛电子科技有限公司", None, zone, [links[2]]),
             ("新乡" + HOSTILE, None, other, [links[1]]),
             ("宁德时代新能源科技股份有限公司", "300750", xx, [])]
    firm_ids = []
    for row, (name, code, place, on) in enumerate(firms, start=1):
        firm = g.add_entity("Firm", name, key=code, stock_code=code, address="河南省郑州市高新区",
                            business_scope="传感器、仪器仪表" if row != 3 else HOSTILE,
                            industry_codes=["C40"], founded="1998-09-11",
                            source={"doc": reg, "row": row})
        g.add_relation(firm, "LOCATED_IN", place, inferred=row == 2, source={"doc": reg, "row": row})
        g.add_relation(firm, "IN_INDUSTRY", industry, source={"doc": reg, "row": row})
        for link in on:
            g.add_relation(firm, "OPERATES_IN", link, score=0.8, matched=["传感器"],
                           source={"doc": reg, "row": row})
        firm_ids.append(firm)
    g.add_relation(zone, "TARGETS", firm_ids[3], industry="智能传感器", source=_src(doc, 5, "宁德时代"))
    platform = g.add_entity("Platform", "河南省智能传感器创新中心", kind="center",
                            source=_src(doc, 6, "智能传感器创新中心"))
    g.add_relation(platform, "LOCATED_IN", zone, source=_src(doc, 6, "郑州高新区"))
    g.add_relation(platform, "SUPPORTS", links[1], source=_src(doc, 6, "MEMS"))
    g.add_relation(platform, "SUPPORTS", industry, source=_src(doc, 6, "传感器"))
    project = g.add_entity("Project", "传感谷二期", investment="30亿元",
                           source=_src(doc, 7, "传感谷二期"))
    g.add_relation(project, "LOCATED_IN", zone, source=_src(doc, 7, "传感谷"))
    g.add_document(reg, kind="registry", covers=["郑州高新技术产业开发区"], sha256="0" * 64)
    return g


CHAINS = {
    "传感器": ["敏感材料", "MEMS芯片", "传感器封测", "信号处理", "智能终端", "系统集成"],
    "新能源汽车": ["锂矿", "正极材料", "电池电芯", "电机电控", "整车制造", "充电设施", "回收利用"],
    "生物医药": ["原料药", "创新药", "医疗器械", "CRO", "医药流通"],
    "装备制造": ["基础零部件", "数控机床", "工业机器人", "智能产线"],
}
STAGES = ("upstream", "midstream", "downstream")


def generated_graph(firms: int, *, zones: int = 12, seed: int = 7) -> KnowledgeGraph:
    """A deterministic graph of ``firms`` firms spread over ``zones`` zones and four chains."""
    rng = random.Random(seed)
    g = KnowledgeGraph()
    doc = "generated.csv"
    province = g.add_entity("Region", "河南省", level="province")
    cities = [g.add_entity("Region", f"{c}市", level="city") for c in ("郑州", "新乡", "洛阳", "开封")]
    for city in cities:
        g.add_relation(city, "PART_OF", province)
    zone_ids = []
    for i in range(zones):
        zone = g.add_entity("Zone", f"{'郑新洛开'[i % 4]}州第{i + 1}产业园", level="provincial")
        g.add_relation(zone, "IN_REGION", cities[i % 4])
        zone_ids.append(zone)
    chain_links = {}
    for chain, names in CHAINS.items():
        links = [(n, STAGES[min(2, 3 * k // len(names))]) for k, n in enumerate(names)]
        chain_links[chain] = _chain(g, chain + "产业", chain, links)
        industry = g.resolve(chain + "产业", "Industry")
        for zone in rng.sample(zone_ids, 3):
            g.add_relation(zone, "DEVELOPS", industry, role=rng.choice(["leading", "emerging"]))
    all_links = [(c, link) for c, ls in chain_links.items() for link in ls]
    for i in range(firms):
        code = f"91410100{i:010d}"
        firm = g.add_entity("Firm", f"河南测试企业{i:07d}有限公司", key=code, credit_code=code,
                            source={"doc": doc, "row": i + 1})
        g.add_relation(firm, "LOCATED_IN", rng.choice(zone_ids), source={"doc": doc, "row": i + 1})
        chain, link = rng.choice(all_links)
        g.add_relation(firm, "OPERATES_IN", link, score=round(rng.random(), 3),
                       source={"doc": doc, "row": i + 1})
        if rng.random() < 0.3:
            chain2, link2 = rng.choice(all_links)
            g.add_relation(firm, "OPERATES_IN", link2, score=0.5, source={"doc": doc, "row": i + 1})
        g.add_relation(firm, "IN_INDUSTRY", g.resolve(chain + "产业", "Industry"),
                       source={"doc": doc, "row": i + 1})
        if rng.random() < 0.01:
            g.add_relation(rng.choice(zone_ids), "TARGETS", firm, industry=chain + "产业")
    for k in range(max(1, firms // 200)):
        platform = g.add_entity("Platform", f"测试创新平台{k}", kind=rng.choice(["lab", "center"]))
        g.add_relation(platform, "LOCATED_IN", rng.choice(zone_ids))
        g.add_relation(platform, "SUPPORTS", rng.choice(all_links)[1])
        project = g.add_entity("Project", f"测试项目{k}", investment=f"{k + 1}亿元")
        g.add_relation(project, "LOCATED_IN", rng.choice(zone_ids))
    g.add_document(doc, kind="registry", covers=[g.node(z)["name"] for z in zone_ids])
    return g
