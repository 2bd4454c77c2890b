"""A knowledge graph of development zones, industries, industry chains and firms.

Build one from planning documents and firm registries, ask which links of a chain
have no local firm, and export it to Cypher stores, RDF, maps and reports.

>>> from kg import KnowledgeGraph
>>> g = KnowledgeGraph()
>>> g.add_entity("Zone", "郑州高新区", aliases=["郑州高新技术产业开发区"])
'Zone/郑州高新区'
"""
__version__ = "0.1.0"

from kg.graph import KnowledgeGraph  # noqa: E402

__all__ = ["KnowledgeGraph", "__version__"]
