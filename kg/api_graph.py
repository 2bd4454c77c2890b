"""A part of the graph as a networkx MultiDiGraph, for analysis in a notebook.

:func:`part` picks the nodes a question is about — a chain (its industries, links and
the firms, platforms and projects on them), a zone (the zone, its regions and what is
located in it, what it develops and targets), or a chain in a zone (the chain with only
the zone's own firms and platforms, and the firms it targets) — and returns the graph
they induce, with every node's and relation's properties, ``sources`` included.
Documents are not nodes of the part: a fact's provenance is in its ``sources``.

>>> from kg.queries.fixtures import sensor_graph
>>> g = part(sensor_graph(), chain="传感器", zone="郑州高新区")
>>> sorted({d["label"] for _, d in g.nodes(data=True)})
['Chain', 'Firm', 'Industry', 'Link', 'Platform', 'Region', 'Zone']
>>> all("sources" in d for _, _, d in g.edges(data=True))
True
"""
from __future__ import annotations

import networkx as nx

from kg.queries.common import chain_links, chain_node, place
from kg.queries.gaps import local_places
from kg.views.rows import chain_rows, resolve_rows

ON_LINK = ("OPERATES_IN", "SUPPORTS")


def _chain_nodes(graph, chain_id: str) -> tuple:
    """(chain, industries and links; firms, platforms, projects attached to the links)."""
    links = [link for _, link in chain_links(graph, chain_id)]
    core = {chain_id, *links, *graph.into(chain_id, "HAS_CHAIN")}
    attached = set()
    for link in links:
        for rel in ON_LINK:
            attached.update(graph.into(link, rel))
    return core, attached


def _zone_nodes(graph, zone_id: str) -> tuple:
    """(the zone and its regions; what is located in it, what it develops and targets)."""
    places = local_places(graph, zone_id)
    core = {zone_id, *graph.out(zone_id, "IN_REGION"), *graph.out(zone_id, "PART_OF")}
    located = {n for p in places for n in graph.into(p, "LOCATED_IN")}
    return core, located | set(places) | set(graph.out(zone_id, "DEVELOPS")) | set(
        graph.out(zone_id, "TARGETS"))


def part(graph, *, zone: str | None = None, chain: str | None = None,
         weak_below: int = 1) -> nx.MultiDiGraph:
    """The MultiDiGraph of a chain, a zone, or a chain in a zone (names or aliases).

    A chain in a zone keeps the firms, platforms and targets that ``kg gaps`` lists for
    it (its rows, turned into node ids as the chain map does), with the rows' link
    ``status`` copied onto each link node.
    """
    if zone is None and chain is None:
        raise ValueError("give a zone, a chain, or both")
    keep: set = set()
    statuses: dict = {}
    if chain is not None:
        core, attached = _chain_nodes(graph, chain_node(graph, chain))
        keep |= core | (attached if zone is None else set())
    if zone is not None:
        core, around = _zone_nodes(graph, place(graph, zone))
        keep |= core | (around if chain is None else set())
    if zone is not None and chain is not None:
        for row in resolve_rows(graph, chain_rows(graph, chain, zone, weak_below=weak_below),
                                chain, zone):
            keep.update(row.firms, row.platforms, row.targets)
            statuses[row.link] = {"status": row.status, "broken": row.broken}
    keep = {n for n in keep if n in graph and graph.node(n)["label"] != "Document"}
    out = nx.MultiDiGraph(graph.nx.subgraph(keep))
    for link, fields in statuses.items():
        if link in out:
            out.nodes[link].update(fields)
    return out
