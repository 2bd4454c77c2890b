"""A knowledge graph of development zones, industries, industry chains and firms.

Build one from planning documents and firm registries, ask which links of a chain
have no local firm, and export it to Cypher stores, RDF, maps and reports.

>>> from kg import KnowledgeGraph
>>> g = KnowledgeGraph()
>>> g.add_entity("Zone", "郑州高新区", aliases=["郑州高新技术产业开发区"])
'Zone/郑州高新区'

From a notebook, ``kg.open()`` gives a workspace whose methods mirror the commands
(``ws.gaps(…)``, ``ws.view_chain(…)``, ``ws.subgraph(…)``; see :mod:`kg.api`).
"""
__version__ = "0.1.0"

__all__ = ["KnowledgeGraph", "__version__"]  # not "open": a star import would shadow the builtin


def __getattr__(name: str):
    """``kg.open`` and ``kg.KnowledgeGraph`` load on first use, so ``import kg`` stays light
    (a command or the extractor that needs no graph does not import networkx and rdflib)."""
    if name == "KnowledgeGraph":
        from kg.graph import KnowledgeGraph

        return KnowledgeGraph
    if name == "open":
        from kg.api import open_workspace

        return open_workspace
    raise AttributeError(f"module 'kg' has no attribute {name!r}")
