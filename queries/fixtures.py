"""The one sample graph of the project, built by the real loaders from a small fixture.

``kg/data/sample_plan.txt`` (a short plan: 郑州高新区 develops 智能传感器 along the chain
传感器材料—传感芯片—传感器—传感器终端, hosts a gas sensor test centre and means to attract
a chip firm; 郑州航空港区 and 新乡高新区 are named) and the bundled sample registry
(fictional firms, declaring the places and chain it covers) go through ``kg build``'s
loaders: document extractor, registry loader, chain templates, placement. Doctests,
views, reports, stores and query tests all start from it; a test that needs more (a
listed firm, a hostile name) writes a registry file and passes it to :func:`sensor_graph`.

>>> g = sensor_graph()
>>> g.resolve("物联网产业链", "Chain")
'Chain/智能传感器'
>>> [r["status"] for r in sensor_rows(g)["智能传感器"]]
['weak', 'gap', 'covered', 'covered']
"""
from __future__ import annotations

from importlib.resources import files
from pathlib import Path

from kg.build import build_graph, sample_registry
from kg.graph import KnowledgeGraph

SAMPLE_ZONE, SAMPLE_CHAIN = "郑州高新区", "智能传感器"


def sample_plan() -> Path:
    """The bundled fixture document (a short plan of 郑州高新区)."""
    return Path(str(files("kg.data").joinpath("sample_plan.txt")))


def sensor_graph(registries=None, documents=()) -> KnowledgeGraph:
    """The fixture plan (+ ``documents``) and a registry (the sample one by default), built
    as ``kg build`` builds them."""
    regs = registries if registries is not None else [sample_registry()]
    return build_graph([sample_plan(), *documents], regs).graph


def sensor_rows(graph: KnowledgeGraph | None = None) -> dict:
    """``{chain: rows}``: :func:`kg.queries.chain_gaps` of the sample zone's sensor chain.

    The query's own rows on ``graph`` (the sample by default), the shape
    :func:`kg.reports.assemble` takes.
    """
    from kg.queries import chain_gaps

    graph = sensor_graph() if graph is None else graph
    return {SAMPLE_CHAIN: chain_gaps(graph, SAMPLE_CHAIN, SAMPLE_ZONE)}
