"""Named questions to the graph: one function per question, graph first, plain rows out.

Each function has a named Cypher twin in this package (``chain_gaps.cypher`` …) that
returns the same core columns, so Python, embedded Cypher and Neo4j answers compare.

>>> from kg.queries.fixtures import sensor_graph
>>> [r["status"] for r in chain_gaps(sensor_graph(), "传感器", "郑州航空港区")]
['unknown', 'unknown', 'unknown', 'unknown']
"""
from kg.queries.common import chain_node, clear_cache, cypher_text, place
from kg.queries.gaps import chain_gaps
from kg.queries.profiles import chains, firm_profile, platforms_for, targets, zone_profile

__all__ = ["chain_gaps", "chain_node", "chains", "clear_cache", "cypher_text", "firm_profile",
           "place", "platforms_for", "targets", "zone_profile"]
