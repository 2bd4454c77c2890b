"""A small hand-built sensor-chain graph for examples, tests and screenshots.

It has what a chain map shows: four links upstream to downstream, local firms and
platforms of 郑州高新区, target firms, and 新乡经开区 holding a link 郑州 lacks.
Every fact carries a document sentence or a registry row.

>>> g = sample_graph()
>>> g.counts()["nodes"]["Link"], g.node(g.find("汉威科技", "Firm"))["name"]
(4, '汉威科技集团股份有限公司')
"""
from __future__ import annotations

from kg.graph import KnowledgeGraph

DOC_ZZ = "001_郑州高新区传感谷.txt"
DOC_XX = "004_新乡市十四五规划.txt"
REGISTRY = "registry/listed.csv"

LINKS = (("传感器材料", "upstream"), ("传感芯片", "upstream"),
         ("传感器", "midstream"), ("传感器终端", "downstream"))

# (name, key, zone, [links], registry row, quote or None)
FIRMS = (
    ("汉威科技集团股份有限公司", "300007", "郑州高新区", ["传感器", "传感器终端"], 112,
     "汉威科技是国内气体传感器龙头企业"),
    ("郑州炜盛电子科技有限公司", None, "郑州高新区", ["传感器"], None,
     "炜盛科技年产气体传感器超过千万只"),
    ("河南驰诚电气股份有限公司", "834407", "郑州高新区", ["传感器终端"], 873, None),
    ("新开普电子股份有限公司", "300248", "郑州高新区", ["传感器终端"], 140, None),
    ("郑州光力科技股份有限公司", "300480", "郑州高新区", ["传感器"], 301,
     "光力科技的安全监测传感器广泛应用于煤矿"),
    ("河南中豫芯微电子有限公司", None, "郑州高新区", ["传感芯片"], None,
     "中豫芯微建成MEMS芯片中试线"),
    ("新乡市电子陶瓷材料有限公司", None, "新乡经开区", ["传感器材料"], None,
     "新乡经开区电子陶瓷材料产能居全省前列"),
    ("河南新航材料科技有限公司", None, "新乡经开区", ["传感器材料"], None, None),
    ("新乡天力锂能股份有限公司", "301152", "新乡经开区", ["传感器终端"], 1688, None),
)

# (name, kind, zone, link, quote)
PLATFORMS = (
    ("河南省智能传感器创新中心", "center", "郑州高新区", "传感芯片",
     "河南省智能传感器创新中心为MEMS芯片企业提供中试服务"),
    ("郑州大学传感器工程研究院", "institute", "郑州高新区", "传感器", None),
)

# (target firm, key, links it would fill, quote)
TARGETS = (
    ("歌尔股份有限公司", "002241", ["传感芯片", "传感器"], "重点招引歌尔股份等MEMS龙头企业"),
    ("苏州敏芯微电子技术股份有限公司", "688286", ["传感芯片"], "引进敏芯微电子等芯片设计企业"),
    ("三环集团股份有限公司", "300408", ["传感器材料"], "招引三环集团布局电子陶瓷基板"),
)


def _sentence(doc: str, n: int, quote: str) -> dict:
    return {"doc": doc, "sentence": n, "start": 0, "end": len(quote), "quote": quote}


def sample_graph() -> KnowledgeGraph:
    """The sample graph (deterministic: the same graph every call)."""
    g = KnowledgeGraph()
    zz_city = g.add_entity("Region", "郑州市", level="city")
    xx_city = g.add_entity("Region", "新乡市", level="city")
    g.add_document(REGISTRY, kind="registry", covers=[zz_city, xx_city])
    zones = {
        "郑州高新区": g.add_entity("Zone", "郑州高新技术产业开发区", aliases=["郑州高新区"],
                               source=_sentence(DOC_ZZ, 1, "郑州高新区打造智能传感谷")),
        "新乡经开区": g.add_entity("Zone", "新乡经济技术开发区", aliases=["新乡经开区"],
                               source=_sentence(DOC_XX, 3, "新乡经开区发展电子材料产业")),
    }
    g.add_relation(zones["郑州高新区"], "IN_REGION", zz_city)
    g.add_relation(zones["新乡经开区"], "IN_REGION", xx_city)
    industry = g.add_entity("Industry", "智能传感器", source=_sentence(DOC_ZZ, 2, "智能传感器产业"))
    chain = g.add_entity("Chain", "智能传感器", aliases=["传感器", "物联网"],
                         source=_sentence(DOC_ZZ, 5, "传感器材料—传感芯片—传感器—传感器终端"))
    g.add_relation(industry, "HAS_CHAIN", chain)
    g.add_relation(zones["郑州高新区"], "DEVELOPS", industry, role="leading",
                   source=_sentence(DOC_ZZ, 2, "以智能传感器为主导产业"))
    links, previous = {}, None
    for position, (name, stage) in enumerate(LINKS, 1):
        link = g.add_entity("Link", name, key=f"智能传感器/{name}", chain="智能传感器",
                            stage=stage, position=position,
                            source=_sentence(DOC_ZZ, 5, "传感器材料—传感芯片—传感器—传感器终端"))
        g.add_relation(chain, "HAS_LINK", link, position=position)
        if previous:
            g.add_relation(previous, "NEXT", link)
        links[name] = previous = link
    for i, (name, key, zone, on, row, quote) in enumerate(FIRMS):
        doc = DOC_XX if zone == "新乡经开区" else DOC_ZZ
        src = {"doc": REGISTRY, "row": row} if row else _sentence(doc, 10 + i, quote or name)
        firm = g.add_entity("Firm", name, key=key, source=src, stock_code=key)
        if quote and row:
            g.add_entity("Firm", name, key=key, source=_sentence(doc, 10 + i, quote))
        g.add_relation(firm, "LOCATED_IN", zones[zone], source=src)
        for link in on:
            g.add_relation(firm, "OPERATES_IN", links[link], score=1.0, matched=[link], source=src)
    for i, (name, kind, zone, link, quote) in enumerate(PLATFORMS):
        src = _sentence(DOC_ZZ, 30 + i, quote or name)
        platform = g.add_entity("Platform", name, kind=kind, source=src)
        g.add_relation(platform, "LOCATED_IN", zones[zone], source=src)
        g.add_relation(platform, "SUPPORTS", links[link], source=src)
    for i, (name, key, on, quote) in enumerate(TARGETS):
        src = _sentence(DOC_ZZ, 40 + i, quote)
        firm = g.add_entity("Firm", name, key=key, source=src, stock_code=key)
        g.add_relation(zones["郑州高新区"], "TARGETS", firm, industry="智能传感器", source=src)
        for link in on:
            g.add_relation(firm, "OPERATES_IN", links[link], score=0.8, matched=[link])
    return g
