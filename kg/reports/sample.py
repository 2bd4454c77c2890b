"""A small, hand-built graph and chain-gap rows for 郑州高新区's sensor chain.

Used by doctests, the report tests and ``docs/report-first-page.png`` when no built
workspace is at hand. Firms come from real rows of the listed-company registry
(``listed_company.jsonl``); platforms, the chain and the leading industries from the
bundled 郑州高新区 documents (real quotes and spans); the 招商 targets are quoted
from ``示例招商方案.txt``, an *illustrative* document that does not exist.

>>> g = sample_graph()
>>> g.node(g.find("郑州高新区", "Zone"))["name"]
'郑州高新区'
>>> [r["status"] for r in sample_rows()["智能传感器"]]
['gap', 'gap', 'covered', 'covered']
"""
from __future__ import annotations

from functools import lru_cache
from importlib.resources import files
from pathlib import Path

from kg.facts import Source
from kg.graph import KnowledgeGraph

DOC_PLAN = "000_1af8983ef0734887.txt"
DOC_2021 = "001_1e603e5ada85a5bf.txt"
DOC_TARGETS = "示例招商方案.txt"
REGISTRY = "listed_company.jsonl"

LINKS = (("传感器材料", "upstream"), ("传感芯片", "upstream"), ("传感器", "midstream"),
         ("传感器终端", "downstream"))
# short name, full name, stock code, registry row, links it works on
LOCAL_FIRMS = (
    ("汉威科技", "汉威科技集团股份有限公司", "300007", 2066, ("传感器", "传感器终端")),
    ("新天科技", "新天科技股份有限公司", "300259", 3316, ("传感器终端",)),
    ("光力科技", "光力科技股份有限公司", "300480", 2059, ("传感器终端",)),
)
TARGET_QUOTES = {
    "敏芯股份": ("传感芯片", 3, "对接引进敏芯股份等MEMS芯片企业"),
    "歌尔股份": ("传感芯片", 3, "争取歌尔股份在区内布局传感器封测基地"),
    "四方光电": ("传感器材料", 5, "洽谈四方光电气体传感材料项目"),
}
CANDIDATES = {"传感芯片": (("士兰微", "杭州士兰微电子股份有限公司", "600460", 4112,
                          "申万 半导体·模拟芯片；MEMS 传感器产品线"),)}
PLATFORMS = (("MEMS智能传感器公共服务平台", "platform", "传感芯片"),
             ("国家气体传感器检测检验中心", "center", "传感器"))


def _doc(doc, sentence, start, end, quote):
    return Source(doc, sentence=sentence, start=start, end=end, quote=quote)


@lru_cache(maxsize=None)
def _quote(doc: str, quote: str) -> Source:
    """The exact source of ``quote`` in a bundled document: its sentence and span."""
    from kg.loaders.sentences import split_sentences

    text = (Path(str(files("kg.data").joinpath("corpus"))) / doc).read_text(encoding="utf-8")
    start = text.index(quote)
    sentence = next(s.index for s in split_sentences(text) if s.start <= start < s.end)
    return Source(doc, sentence=sentence, start=start, end=start + len(quote), quote=quote)


def _region_row(name: str) -> Source:
    """The row of ``kg/data/regions.tsv`` that names a region (1 = first data row)."""
    lines = files("kg.data").joinpath("regions.tsv").read_text(encoding="utf-8").splitlines()
    row = next(n for n, line in enumerate(lines[1:], 1) if line.split("\t")[0] == name)
    return Source("regions.tsv", row=row)


def sample_graph() -> KnowledgeGraph:
    """The graph: 郑州高新区 in 郑州市, its leading industries, the sensor chain and firms."""
    g = KnowledgeGraph()
    province = g.add_entity("Region", "河南省", level="province", source=_region_row("河南省"))
    city = g.add_entity("Region", "郑州市", level="city", source=_region_row("郑州市"))
    g.add_relation(city, "PART_OF", province)
    zone = g.add_entity("Zone", "郑州高新区", aliases=["郑州高新技术产业开发区"], level="national",
                        source=_quote(DOC_PLAN, "郑州高新区"))
    g.add_relation(zone, "IN_REGION", city)
    other = g.add_entity("Zone", "新乡高新区", source=_quote("003_b7d2662c2d01476f.txt", "新乡高新区"))
    g.add_relation(other, "IN_REGION", g.add_entity("Region", "新乡市", level="city",
                                                    source=_region_row("新乡市")))
    lead = _quote(DOC_PLAN, "北斗应用、智能传感器、大数据等主导产业")
    for name in ("智能传感器", "北斗应用", "大数据"):
        g.add_relation(zone, "DEVELOPS", g.add_entity("Industry", name, source=lead),
                       role="leading", source=lead)
    chain_src = _quote(DOC_PLAN, "传感器材料—传感芯片—传感器—传感器终端")
    chain = g.add_entity("Chain", "智能传感器", aliases=["传感器", "物联网"], source=chain_src)
    g.add_relation(g.find("智能传感器", "Industry"), "HAS_CHAIN", chain)
    links = {}
    for pos, (name, stage) in enumerate(LINKS, 1):
        links[name] = g.add_entity("Link", name, key=f"智能传感器/{name}", chain="智能传感器",
                                   position=pos, stage=stage, source=chain_src)
        g.add_relation(chain, "HAS_LINK", links[name], position=pos)
        if pos > 1:
            g.add_relation(links[LINKS[pos - 2][0]], "NEXT", links[name])
    # Illustrative: the sample treats the registry as listing the zone's firms completely,
    # so a link without a local firm is a gap (缺链), not "unknown".
    g.add_document(REGISTRY, kind="registry", covers=[zone])
    for short, full, code, row, on in LOCAL_FIRMS:
        src = Source(REGISTRY, row=row)
        firm = g.add_entity("Firm", full, aliases=[short], key=code, stock_code=code, source=src)
        g.add_relation(firm, "LOCATED_IN", zone, source=src)
        for link in on:
            g.add_relation(firm, "OPERATES_IN", links[link], source=src, score=0.8,
                           matched=[link])
    for short, (link, sentence, quote) in TARGET_QUOTES.items():
        src = _doc(DOC_TARGETS, sentence, 0, len(quote), quote)
        firm = g.add_entity("Firm", short, source=src)
        g.add_relation(zone, "TARGETS", firm, source=src)
        g.add_relation(firm, "OPERATES_IN", links[link], source=src, score=0.5, matched=[link])
    hangzhou = g.add_entity("Region", "杭州市", level="city", source=_region_row("杭州市"))
    for link, found in CANDIDATES.items():
        for short, full, code, row, _ in found:
            src = Source(REGISTRY, row=row)
            firm = g.add_entity("Firm", full, aliases=[short], key=code, stock_code=code, source=src)
            g.add_relation(firm, "LOCATED_IN", hangzhou, source=src)
            g.add_relation(firm, "OPERATES_IN", links[link], source=src, score=0.6,
                           matched=["MEMS传感器", "模拟芯片"])
    for name, kind, link in PLATFORMS:
        src = _quote(DOC_2021, name)
        platform = g.add_entity("Platform", name, kind=kind, source=src)
        g.add_relation(platform, "LOCATED_IN", zone, source=src)
        g.add_relation(platform, "SUPPORTS", links[link], source=src)
    return g


def sample_rows() -> dict:
    """``{chain: rows}``: the rows :func:`kg.queries.chain_gaps` gives on the sample graph.

    The query's own rows (not a copy written by hand, which drifts from what the query
    returns), on a fresh graph: callers may change them.
    """
    from kg.queries import chain_gaps

    return {"智能传感器": chain_gaps(sample_graph(), "智能传感器", zone="郑州高新区")}


if __name__ == "__main__":  # python -m kg.reports.sample WORKSPACE: a workspace of the sample
    import sys

    from kg.workspace import Workspace

    Workspace(sys.argv[1] if len(sys.argv) > 1 else None).save(sample_graph(), inputs=[])
