"""The sample graph for doctests and tests, built by the real loaders from a small fixture.

``kg/data/sample_plan.txt`` (a short plan: 郑州高新区 develops 智能传感器 along the chain
传感器材料—传感芯片—传感器—传感器终端, hosts a gas sensor test centre and means to attract
a chip firm; 郑州航空港区 and 新乡高新区 are named) and the bundled sample registry
(fictional firms, declaring the places and chain it covers) go through ``kg build``'s
loaders: document extractor, registry loader, chain templates, placement.

>>> g = sensor_graph()
>>> g.resolve("物联网产业链", "Chain")
'Chain/智能传感器'
"""
from __future__ import annotations

from importlib.resources import files
from pathlib import Path

from kg.build import build_graph, sample_registry
from kg.graph import KnowledgeGraph


def sample_plan() -> Path:
    """The bundled fixture document (a short plan of 郑州高新区)."""
    return Path(str(files("kg.data").joinpath("sample_plan.txt")))


def sensor_graph(registries=None) -> KnowledgeGraph:
    """The fixture plan + a registry (the sample one by default), built as ``kg build`` does."""
    regs = registries if registries is not None else [sample_registry()]
    return build_graph([sample_plan()], regs).graph
