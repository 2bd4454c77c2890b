"""The sensor-chain sample graph for examples, tests and screenshots.

Built by the real loaders (:func:`kg.queries.fixtures.sensor_graph`): the fixture plan of
郑州高新区 and the bundled sample registry (fictional firms). A chain map shows its
four links upstream to downstream, local firms and the test centre of 郑州高新区, the
targets of its plan, and 新乡 firms on the link 郑州高新区 lacks.

>>> g = sample_graph()
>>> len(g.out(g.find("智能传感器", "Chain"), "HAS_LINK"))
4
"""
from __future__ import annotations

from kg.graph import KnowledgeGraph


def sample_graph() -> KnowledgeGraph:
    """The sample graph (deterministic: the same graph every call)."""
    from kg.queries.fixtures import sensor_graph

    return sensor_graph()
