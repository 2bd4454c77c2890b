"""The graph a command needs, read from the workspace's answer index when it has one.

Each function returns a :class:`~kg.graph.KnowledgeGraph` that holds everything the
matching :mod:`kg.queries` (or view, or report) function reads for that question: the
core graph plus the registry firms on the asked chain's links or in the asked place
(see :mod:`kg.index`). A workspace built before the index existed, or a small one,
loads whole, so every path gives the same rows from the same functions.

>>> import tempfile
>>> from kg.build import build
>>> from kg.workspace import Workspace
>>> ws = Workspace(tempfile.mkdtemp())
>>> _ = build(workspace=ws.path)
>>> from kg.queries import chain_gaps
>>> whole = chain_gaps(ws.load(), "传感器", "郑州高新区")
>>> chain_gaps(for_chains(ws, ["传感器"]), "传感器", "郑州高新区") == whole
True
>>> chain_gaps(for_gaps(ws, "传感器", "郑州高新区"), "传感器", "郑州高新区") == whole
True
"""
from __future__ import annotations

from itertools import islice

from kg.index import Slice, has_index
from kg.queries.common import cache, chain_links, chain_node, place
from kg.queries.gaps import LinkStats, local_places

# Below this many bulk firms the whole graph loads as fast as a slice: keep one path.
# Kept at 0 so every indexed workspace answers from its index (tests exercise it);
# raise it only with a measurement.
WHOLE_BELOW = 0


def _slice(workspace) -> Slice | None:
    """The index of the live generation, or None (old workspace: load it whole)."""
    gen = workspace.current
    if not has_index(gen):
        return None
    reasons = workspace.stale_reasons()
    if reasons:
        workspace.load()  # raises the same stale-workspace error as every command
    return Slice(gen)


def _chain_link_ids(graph, chains) -> list:
    return [link for name in chains for _, link in chain_links(graph, chain_node(graph, name))]


def for_chains(workspace, chains, *, places=()):
    """The graph for questions about ``chains`` (names) in ``places``: gaps, chain views."""
    piece = _slice(workspace)
    if piece is None:
        return workspace.load()
    try:
        piece.add_links(_chain_link_ids(piece.graph, chains))
        piece.add_places([place(piece.graph, name) for name in places])
    finally:
        piece.close()
    return piece.graph


def for_gaps(workspace, chain: str, zone: str, *, candidates: int = 5):
    """The graph for ``chain_gaps(graph, chain, zone)``: core, stored link statistics, candidates.

    Each link's :class:`~kg.queries.gaps.LinkStats` was computed by the build from the whole
    graph; only the zone's own rows of it are read, and only the firms the answer can name
    as candidates are added, so a zone with 100,000 firms answers without loading them.
    """
    piece = _slice(workspace)
    if piece is None:
        return workspace.load()
    try:
        graph = piece.graph
        wheres = local_places(graph, place(graph, zone))
        states = {}
        for _, link in chain_links(graph, chain_node(graph, chain)):
            state = piece.link_state(link, wheres)
            if state is None:
                piece.add_links([link])
                continue
            local = {firm for rows in state["local"].values() for _, firm, _ in rows}
            # the best-ranked firms that are not local, with room to spare: chain_gaps
            # picks its candidates among them
            piece.add_firms(islice((r[2] for r in state["ranked"] if r[2] not in local),
                                   candidates * 2 + 20))
            states[link] = state
        memo = cache(graph, "link_stats")
        for link, state in states.items():
            memo[link] = _stats(state, len(graph.nx._pred[link]))
    finally:
        piece.close()
    return graph


def _stats(state: dict, size: int) -> LinkStats:
    """A LinkStats from its stored fields; ``size`` is the link's in-degree in the slice."""
    stats = LinkStats.__new__(LinkStats)
    for slot in LinkStats.__slots__:
        setattr(stats, slot, state[slot] if slot in state else {})
    stats.size = size
    return stats


def for_place(workspace, name: str):
    """The graph for a zone's (or region's) profile and map: its located firms added."""
    return for_chains(workspace, (), places=[name])


def for_firm(workspace, name: str):
    """The graph for one firm's profile and map (name, key or id)."""
    piece = _slice(workspace)
    if piece is None:
        return workspace.load()
    try:
        piece.add_firm_named(name)
    finally:
        piece.close()
    return piece.graph


def core(workspace):
    """The graph without bulk firms: chains, targets, name resolution."""
    return for_chains(workspace, ())


def for_report(workspace, zone: str, chains=()):
    """The graph for a zone's report: its located firms and the firms of the reported chains."""
    from kg.reports.model import report_chains

    piece = _slice(workspace)
    if piece is None:
        return workspace.load()
    try:
        zone_id = place(piece.graph, zone)
        chain_ids = [chain_node(piece.graph, c) for c in chains] or report_chains(piece.graph, zone_id)
        piece.add_links(_chain_link_ids(piece.graph, chain_ids))
        piece.add_places([zone_id])
    finally:
        piece.close()
    return piece.graph


def named_params(workspace, name: str, values: dict) -> dict:
    """Named-query parameters with chains, places and firms resolved to ids, as Python resolves them.

    A user types ``zone=郑州高新区`` (a short name) in a named query as in ``kg gaps``;
    Cypher matches ids, names and listed aliases only, so the name is resolved here by
    the graph's own resolver. A value that resolves to nothing is passed on unchanged.
    """
    kinds = {"chain": "Chain", "zone": "place", "firm": "Firm"}
    wanted = {k: v for k, v in values.items() if k in kinds and isinstance(v, str)}
    if not wanted or not workspace.exists():
        return values
    firms = [v for k, v in wanted.items() if kinds[k] == "Firm"]
    graph = for_firm(workspace, firms[0]) if firms else core(workspace)
    out = dict(values)
    for key, value in wanted.items():
        if kinds[key] == "place":
            hit = graph.resolve(value, "Zone") or graph.resolve(value, "Region")
        else:
            hit = graph.resolve(value, kinds[key])
        if hit is not None:
            out[key] = hit
    return out
