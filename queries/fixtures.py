"""A small hand-built graph in the shapes the loaders produce, for doctests and tests.

Documents say 郑州高新区 plans the chain 传感器材料—传感芯片—传感器—传感器终端, hosts a gas
sensor test centre and means to attract a chip firm; the bundled sample registry
(fictional firms) lists firms in 郑州高新区 and Xinxiang. 郑州航空港区 is named but no
registry covers it.

>>> g = sensor_graph()
>>> g.resolve("物联网产业链", "Chain")
'Chain/智能传感器'
"""
from __future__ import annotations

from kg.build import sample_registry
from kg.classify import classify_firms
from kg.facts import Entity, Ref, Relation, Source
from kg.graph import KnowledgeGraph
from kg.names import link_key

DOC = "zz-plan.txt"
CHAIN_SENTENCE = "谋划打造“传感器材料—传感芯片—传感器—传感器终端”的物联网产业链"


def _src(sentence: int, quote: str) -> Source:
    return Source(DOC, sentence=sentence, start=0, end=len(quote), quote=quote)


def document_facts() -> list:
    """Facts a plan of 郑州高新区 yields, in the document loader's shapes."""
    facts = []
    zz = Entity("Region", "郑州市", source=_src(1, "郑州市"))
    xx = Entity("Region", "新乡市", source=_src(9, "新乡市"))
    zone = Entity("Zone", "郑州高新区", aliases=("郑州高新技术产业开发区",), source=_src(1, "郑州高新区"))
    port = Entity("Zone", "郑州航空港区", source=_src(8, "郑州航空港区"))
    xzone = Entity("Zone", "新乡高新区", source=_src(9, "新乡高新区"))
    facts += [zz, xx, zone, port, xzone,
              Relation("IN_REGION", zone.ref, zz.ref, source=_src(1, "郑州高新区")),
              Relation("IN_REGION", port.ref, zz.ref, source=_src(8, "郑州航空港区")),
              Relation("IN_REGION", xzone.ref, xx.ref, source=_src(9, "新乡高新区"))]
    industry = Entity("Industry", "物联网", source=_src(3, "物联网"))
    chain = Entity("Chain", "物联网产业链", source=_src(3, CHAIN_SENTENCE))
    facts += [industry, chain, Relation("HAS_CHAIN", industry.ref, chain.ref,
                                        source=_src(3, CHAIN_SENTENCE)),
              Relation("DEVELOPS", zone.ref, industry.ref, props={"role": "leading"},
                       source=_src(3, CHAIN_SENTENCE))]
    previous = None
    for position, name in enumerate(["传感器材料", "传感芯片", "传感器", "传感器终端"], 1):
        link = Entity("Link", name, key=link_key("物联网产业链", name),
                      props={"position": position, "chain": "物联网产业链"},
                      source=_src(3, name))
        facts += [link, Relation("HAS_LINK", chain.ref, link.ref, props={"position": position},
                                 source=_src(3, CHAIN_SENTENCE))]
        if previous is not None:
            facts.append(Relation("NEXT", previous.ref, link.ref, source=_src(3, CHAIN_SENTENCE)))
        previous = link
    centre = Entity("Platform", "国家气体传感器检测检验中心", props={"kind": "center"},
                    source=_src(5, "国家气体传感器检测检验中心"))
    sensors = Entity("Industry", "智能传感器", aliases=("传感器",), source=_src(5, "智能传感器"))
    facts += [centre, sensors,
              Relation("LOCATED_IN", centre.ref, zone.ref, source=_src(5, "国家气体传感器检测检验中心")),
              Relation("SUPPORTS", centre.ref, sensors.ref, source=_src(5, "国家气体传感器检测检验中心"))]
    target = Entity("Firm", "芯感微电子", props={"role": "target"},
                    source=_src(7, "引进芯感微电子"))
    facts += [target, Relation("TARGETS", zone.ref, Ref("Firm", "芯感微电子"),
                               props={"industry": "传感芯片"}, source=_src(7, "引进芯感微电子"))]
    return facts


def sensor_graph(registries=None) -> KnowledgeGraph:
    """Templates + :func:`document_facts` + a registry (the sample one by default), joined
    and classified as ``kg build`` does."""
    from kg.loaders.registry import read_registry
    from kg.loaders.templates import load_templates, match_chains, template_facts

    graph = KnowledgeGraph()
    templates = load_templates()
    graph.add_facts(template_facts(templates))
    graph.add_facts(document_facts())
    for path in registries if registries is not None else [sample_registry()]:
        graph.add_facts(read_registry(path))
    match_chains(graph, templates)
    classify_firms(graph)
    return graph
