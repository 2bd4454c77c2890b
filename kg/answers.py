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
>>> chain_gaps(for_gaps(ws, "传感器", "郑州高新区"), "传感器", "郑州高新区") == whole
True
"""
from __future__ import annotations

from itertools import islice

from kg.index import DIGESTS, INDEX_DIR
from kg.index_read import Slice, has_index
from kg.queries.common import cache, chain_links, chain_node, place
from kg.queries.gaps import LinkStats, is_local, local_places


def _slice(workspace) -> Slice | None:
    """The index of the live generation, or None (old workspace: load it whole)."""
    gen = workspace.current
    if not has_index(gen):
        return None
    reasons = workspace.stale_reasons()
    if reasons:
        workspace.load()  # raises the same stale-workspace error as every command
    verify = getattr(workspace, "verify", None)
    if verify is not None:  # the manifest's hashes: firms.db's rows are checked one by one
        verify(gen, f"{INDEX_DIR}/core.bin")
        verify(gen, f"{INDEX_DIR}/{DIGESTS}")
    return Slice(gen)


def _chain_link_ids(graph, chains) -> list:
    return [link for name in chains for _, link in chain_links(graph, chain_node(graph, name))]


def _stored_stats(piece: Slice, links, wheres: list, candidates: int,
                  names: int | None = None) -> dict:
    """{link: stored LinkStats fields} for ``links``, their candidate firms added to the slice.

    Only the places' own rows of each link are read (their heads, when the answer lists
    at most ``names`` local firms); the firms the answer can name as candidates (the
    best-ranked that are not local, with room to spare) are added.
    """
    states = {}
    wanted = 3 * candidates + 20  # chain_gaps re-ranks a window of 3 × candidates
    for link in links:
        state = piece.link_state(link, wheres, names=names)
        if state is None:  # not a link of this build
            continue
        _add_candidates(piece, state, link, wheres, wanted)
        states[link] = state
    return states


def _add_candidates(piece: Slice, state: dict, link: str, wheres: list, wanted: int) -> None:
    """Add the best-ranked firms of a link until ``wanted`` of them are not local (the
    window chain_gaps walks for candidates), in growing batches: whether a firm is local
    is told from its own relations once it is in the slice."""
    nxg = piece.graph.nx
    start, step, found = 0, wanted, 0
    while found < wanted:
        if start >= len(state["ranked"]):
            if state.get("ranked_whole", True):
                return
            state["ranked"], state["ranked_whole"] = piece.link_ranking(link), True
            continue
        batch = [r[2] for r in state["ranked"][start:start + step]]
        piece.add_firms(batch)
        found += sum(not is_local(nxg, firm, link, wheres) for firm in batch)
        start, step = start + len(batch), 2 * step


def _use_stats(graph, states: dict) -> None:
    """Hand chain_gaps the stored statistics; call after the last firm is added."""
    memo = cache(graph, "link_stats")
    for link, state in states.items():
        stats = LinkStats.__new__(LinkStats)
        for slot in LinkStats.__slots__:
            setattr(stats, slot, state[slot] if slot in state else {})
        stats.size = len(graph.nx._pred[link])  # the slice's in-degree: the cache keeps it
        memo[link] = stats


def for_gaps(workspace, chain: str, zone: str, *, candidates: int = 5, local_firms: bool = False,
             names: int | None = None):
    """The graph for ``chain_gaps(graph, chain, zone)``: core, stored link statistics, candidates.

    Each link's :class:`~kg.queries.gaps.LinkStats` was computed by the build from the
    whole graph, so a zone with 100,000 firms answers without loading them;
    ``local_firms`` adds the zone's firms on the chain whole (the chain map draws them).
    ``names``: the local firms a row lists (a table's ``--top``): the rows then hold the
    first ones by name, clipped, counting the rest; None lists them all.
    """
    return for_report(workspace, zone, [chain], candidates=candidates, local_firms=local_firms,
                      located=False, names=names)


def for_chain_map(workspace, chain: str, zone: str, *, per_link: int, candidates: int = 5):
    """The graph for ``chain_map(graph, chain, zone, max_per_link=per_link)``: what
    :func:`for_gaps` holds plus, per link, the ``per_link`` local firms of best placement
    score (the ones the map draws), not the zone's firms whole.

    The link's ranking is read whole only when its stored head holds too few of them.
    """
    def fill(piece):
        graph = piece.graph
        wheres = local_places(graph, place(graph, zone))
        states = _stored_stats(piece, _chain_link_ids(graph, [chain_node(graph, chain)]),
                               wheres, candidates, names=per_link)
        _add_best_local(piece, states, per_link)
        _use_stats(graph, states)

    return _sliced(workspace, fill)


def _add_best_local(piece: Slice, states: dict, per_link: int) -> None:
    """Add each link's ``per_link`` best-ranked local firms: the ids each place's head
    stored by rank, or (more than the head holds) the best of its rows in the ranking,
    read whole when its stored head runs out."""
    for link, state in states.items():
        if all(len(rows.by_rank) >= min(per_link, rows.total) for rows in state["local"].values()):
            piece.add_firms(f for rows in state["local"].values() for f in rows.by_rank[:per_link])
            continue
        picks = _best_local(state, per_link)
        if len(picks) < per_link and not state.get("ranked_whole", True):
            state["ranked"] = piece.link_ranking(link)
            picks = _best_local(state, per_link)
        piece.add_firms(picks)


def _best_local(state: dict, limit: int) -> list:
    """Up to ``limit`` local firms of a stored link state, in the ranking's order."""
    local = {firm for rows in state["local"].values() for _, firm, _ in rows}
    if not local:
        return []
    return list(islice((r[2] for r in state["ranked"] if r[2] in local), limit))


def _record_located(piece: Slice, place_id: str) -> None:
    """Record how many firms are LOCATED_IN a place (see :func:`kg.queries.common.located_firms`):
    the core graph's, counted before any registry firm is added, plus the index's."""
    graph = piece.graph
    core_firms = sum(graph.node(n)["label"] == "Firm" for n in graph.into(place_id, "LOCATED_IN"))
    graph.nx.graph.setdefault("located_firms", {})[place_id] = \
        core_firms + piece.place_count(place_id)


def _sliced(workspace, fill):
    """The live generation's index slice after ``fill(piece)`` adds what an answer needs;
    a workspace without an index (an old one) loads whole."""
    piece = _slice(workspace)
    if piece is None:
        return workspace.load()
    try:
        piece.graph.whole_degree = piece.whole_degrees()
        fill(piece)
    finally:
        piece.close()
    return piece.graph


def for_report(workspace, zone: str, chains=(), *, candidates: int = 5, local_firms: bool = True,
               located: bool = True, per_link: int | None = None, names: int | None = None):
    """The graph for a zone's report: stored statistics of the reported chains, the zone's
    firms on them, candidates, and how many firms are located in the zone (counted).

    ``per_link`` (with ``local_firms``) adds only that many local firms a link, the best
    placed: what ``build_report(..., per_link=)`` lists; ``names`` (default ``per_link``)
    as for :func:`for_gaps`.
    """
    if names is None:
        names = per_link
    from kg.reports.model import report_chains

    def fill(piece):
        graph = piece.graph
        zone_id = place(graph, zone)
        wheres = local_places(graph, zone_id)
        chain_ids = [chain_node(graph, c) for c in chains] or report_chains(graph, zone_id)
        links = _chain_link_ids(graph, chain_ids)
        if located:  # counted, not loaded: a report lists the firms on its chains only
            for where in wheres:  # the zone, or a region and the places inside it
                _record_located(piece, where)
        states = _stored_stats(piece, links, wheres, candidates, names=names)
        if local_firms and per_link is not None:
            _add_best_local(piece, states, per_link)
        elif local_firms:
            piece.add_places(wheres, links)
        _use_stats(graph, states)

    return _sliced(workspace, fill)


def for_panorama(workspace, zone: str, chains=()):
    """The graph for ``panorama_pages(graph, zone, chains)``: the chains' stored statistics
    with the heads of the zone's local rows (a link box names the first three, counts the
    rest); no candidate and no local firm is loaded."""
    from kg.views.panorama import TOP_FIRMS

    return for_report(workspace, zone, chains, candidates=0, local_firms=False, located=False,
                      names=TOP_FIRMS)


def for_place(workspace, name: str, *, counted: bool = False, best: int | None = None):
    """The graph for a zone's (or region's) profile: its firms by name (``counted``: only
    their number, what ``zone_profile`` shows; ``best``: the ``best`` best-evidenced ones
    whole and the number of all, what a zone map draws)."""
    from kg.index import PLACE_TOP

    def fill(piece):
        node = place(piece.graph, name)
        for where in local_places(piece.graph, node)[1:]:
            _record_located(piece, where)  # a region's inner places, for zone_profile's firms_within
        if best is not None and best <= PLACE_TOP:
            _record_located(piece, node)
            piece.add_place_top(node)
        elif best is not None:
            piece.add_places([node])
        elif counted:
            _record_located(piece, node)
        else:
            piece.add_place_stubs(node)

    return _sliced(workspace, fill)


def for_firm(workspace, name: str):
    """The graph for one firm's profile and map (name, key or id)."""
    return _sliced(workspace, lambda piece: piece.add_firm_named(name))


def core(workspace):
    """The graph without bulk firms: chains, targets, name resolution."""
    return _sliced(workspace, lambda piece: None)


def named_params(workspace, name: str, values: dict) -> dict:
    """Named-query parameters with chains, places and firms resolved to ids, as Python resolves them.

    A user types ``zone=郑州高新区`` (a short name) in a named query as in ``kg gaps``;
    Cypher matches ids, names and listed aliases only (``firm_profile`` ids only), so the
    name is resolved here by the graph's own resolver (:func:`resolve_params`).
    """
    if not workspace.exists() or not any(k in _KINDS for k in values):
        return values
    firms = [v for k, v in values.items() if _KINDS.get(k) == "Firm" and isinstance(v, str)]
    graph = for_firm(workspace, firms[0]) if firms else core(workspace)
    return resolve_params(graph, values)


_KINDS = {"chain": "Chain", "zone": "place", "firm": "Firm"}


def resolve_params(graph, values: dict) -> dict:
    """``values`` with each ``chain``, ``zone`` and ``firm`` resolved to a node id of ``graph``;
    a value that resolves to nothing is passed on unchanged.

    >>> from kg.queries.fixtures import sensor_graph
    >>> resolve_params(sensor_graph(), {"zone": "郑州高新区", "names": 3})["zone"]
    'Zone/郑州高新区'
    """
    out = dict(values)
    for key, value in values.items():
        kind = _KINDS.get(key)
        if kind is None or not isinstance(value, str):
            continue
        if kind == "place":
            hit = graph.resolve(value, "Zone") or graph.resolve(value, "Region")
        else:
            hit = graph.resolve(value, kind)
        if hit is not None:
            out[key] = hit
    return out
