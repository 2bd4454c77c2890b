"""Graphs for testing and measuring the stores: every label and relation type.

:func:`hostile_graph` is the loader-built sample graph (:func:`kg.queries.fixtures.sensor_graph`)
plus one registry file, :func:`write_hostile_registry`, whose name, firm, short name, zone and
business scope hold hostile text (:data:`HOSTILE`: quotes, braces, a newline,
``]]></script>``, a Cypher statement), read by the real registry loader; :func:`generated_graph` is
deterministic and as large as asked.

>>> g = hostile_graph()
>>> sorted(g.counts()["nodes"]) == sorted(__import__("kg").vocab.LABELS)
True
>>> sorted(g.counts()["relations"]) == sorted(__import__("kg").vocab.RELATIONS)
True
>>> g.node(g.resolve(HOSTILE, "Zone"))["name"] == HOSTILE
True
>>> len(generated_graph(50).counts()["nodes"])
9
"""
from __future__ import annotations

import csv
import random
import tempfile
from pathlib import Path

from kg.graph import KnowledgeGraph

HOSTILE = "a'\"`{}$\n]]></script>\\ \u2028;MATCH (n) DETACH DELETE n//"
# a file name is data too: it names the Document node, every source and an RDF named graph
HOSTILE_REGISTRY = "名录 a'\"{}<>#%]]>.csv"
HOSTILE_FIRM = "新乡" + HOSTILE + "有限公司"


def write_hostile_registry(folder) -> Path:
    """Write :data:`HOSTILE_REGISTRY`: one firm whose name, short name, zone and scope hold
    HOSTILE, in a file whose own name holds quotes, braces, ``<>``, ``#`` and ``%``.

    Its scope starts with chip words, so placement puts it on 智能传感器/传感芯片; its
    所属行业 column gives the IN_INDUSTRY relation the sample registry (no industry
    column) lacks. The csv module quotes the newline and the quotes as a spreadsheet would.
    """
    path = Path(folder) / HOSTILE_REGISTRY
    with open(path, "w", encoding="utf-8", newline="") as handle:
        out = csv.writer(handle)
        out.writerow(["企业名称", "企业简称", "所属地区", "所属园区", "所属行业", "经营范围", "成立日期"])
        out.writerow([HOSTILE_FIRM, "芯" + HOSTILE, "新乡市", HOSTILE, "智能传感器",
                      "MEMS芯片、传感器芯片的设计与测试；" + HOSTILE, "1998-09-11"])
    return path


def write_firms_registry(folder, names, *, zone: str = "郑州高新区", filename: str = "evil.csv",
                         scope: str = "压力传感器、气体传感器的研发与生产") -> Path:
    """Write a registry CSV of firms named ``names`` in ``zone`` making sensors, one per row.

    Tests read it with the real loaders, so a hostile name arrives as a user's file brings it.

    >>> import tempfile; d = tempfile.mkdtemp()
    >>> write_firms_registry(d, ["甲<b>有限公司"]).read_text(encoding="utf-8").splitlines()[1]
    '甲<b>有限公司,郑州高新区,压力传感器、气体传感器的研发与生产'
    """
    path = Path(folder) / filename
    with open(path, "w", encoding="utf-8", newline="") as handle:
        out = csv.writer(handle)
        out.writerow(["企业名称", "所属园区", "经营范围"])
        out.writerows([name, zone, scope] for name in names)
    return path


def hostile_graph() -> KnowledgeGraph:
    """The sample graph built by the loaders from the sample registry and the hostile one."""
    from kg.build import sample_registry
    from kg.queries.fixtures import sensor_graph

    with tempfile.TemporaryDirectory(prefix="kg-hostile-") as folder:
        return sensor_graph([sample_registry(), write_hostile_registry(folder)])


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
