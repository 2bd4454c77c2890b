"""Interactive maps of the graph: offline HTML pages drawn with vis-network (pyvis's copy).

``chain_map`` draws a chain's links for a zone; ``zone_map`` and ``firm_map`` an
ego network; ``query_map`` whatever a Cypher query returns. Each returns one HTML
string that opens with no network.
"""
from __future__ import annotations

from kg.views.chain import DEFAULT_MAX_PER_LINK, View, chain_map, chain_view
from kg.views.ego import ego_view, firm_map, zone_map
from kg.views.query import query_map, query_view, run_query

__all__ = ["DEFAULT_MAX_PER_LINK", "View", "chain_map", "chain_view", "ego_view", "firm_map",
           "query_map", "query_view", "run_query", "zone_map"]
