"""Chain gaps (缺链): which links of a chain a zone has firms on, and who could fill the rest.

``chain_gaps(graph, chain, zone)`` gives one row per link, upstream first:

- ``local_firms``: firms LOCATED_IN the zone itself (a firm known only to be in the
  zone's city is not local to the zone; it shows under ``elsewhere``). When ``zone``
  names a Region, firms LOCATED_IN that region, a region inside it (PART_OF, at any
  depth) or a zone IN_REGION one of them; a zone's parks (PART_OF it) count for the zone
  (:func:`local_places`).
- ``status``: ``gap`` — no local firm, and a registry is declared a census of the
  zone's firms for this chain (:func:`kg.queries.common.covering_registries`; named in
  ``covered_by``); ``unknown`` — no local firm and no registry covers the zone for the
  chain, so absence proves nothing; ``weak`` — fewer local firms
  than ``weak_below``, or a location quotient below 1; ``covered`` otherwise.
- ``lq``: location quotient = (local on link / all on link) ÷ (local on chain / all on
  chain), counting firm placements (OPERATES_IN) on the chain's links; ``lq_formula``
  shows the numbers.
- ``broken``: a gap with links that have local firms both before and after it (断链).
- ``targets``: firms the zone (or its region) TARGETS whose target industry names this
  chain or link, or that operate on the link.
- ``candidates``: firms on the link located elsewhere, best score first, with why.
- ``elsewhere``: other zones and regions with firms on the link, most firms first
  (郑新协作: what Xinxiang has that Zhengzhou lacks).
- ``evidence``: for every firm, platform and target shown, its sources.

>>> from kg.queries.fixtures import sensor_graph
>>> rows = chain_gaps(sensor_graph(), "传感器", "郑州高新区")
>>> [(r["link"], r["status"], r["broken"]) for r in rows]
[('传感器材料', 'weak', False), ('传感芯片', 'gap', True), ('传感器', 'covered', False), ('传感器终端', 'covered', False)]
"""
from __future__ import annotations

import heapq

from kg.gc_pause import gc_paused, settle
from kg.names import normalize
from kg.reasons import candidate_reason
from kg.queries.common import (cache, chain_links, chain_node, covering_registries, edge_sources,
                               located_firms, place)

COLUMNS = ("position", "link", "stage", "status", "broken", "local_firms", "local_platforms",
           "count", "lq", "lq_formula", "targets", "candidates", "elsewhere", "covered_by",
           "evidence")


def _places_of(graph, firm: str, memo: dict) -> list:
    """Where a firm is: its LOCATED_IN places, and the regions of those zones."""
    nxg = graph.nx
    out = []
    for where, rels in nxg.succ[firm].items():
        if "LOCATED_IN" in rels:
            out.append(where)
            regions = memo.get(where)
            if regions is None:
                regions = memo[where] = [r for r, rr in nxg.succ[where].items() if "IN_REGION" in rr]
            out.extend(regions)
    return out


class LinkStats:
    """Firms on one link, indexed once: total, ranked by score, and per place.

    ``local[place]`` holds (name, firm id, evidence) of the firms LOCATED_IN that place,
    sorted by name, so a zone's local firms on a link are one dict lookup away.
    """

    __slots__ = ("size", "total", "ranked", "places", "local", "platforms", "_shown")

    def __init__(self, graph, link: str):
        nxg = graph.nx
        nodes, succ, pred = nxg._node, nxg._succ, nxg._pred
        self.size = len(pred[link])
        ranked, places, regions_of, local, platforms, placed = [], {}, {}, {}, [], 0
        for firm, edges in pred[link].items():
            data = edges.get("OPERATES_IN")
            if data is None:
                if "SUPPORTS" in edges and nodes[firm]["label"] == "Platform":
                    platforms.append((nodes[firm]["name"], firm))
                continue
            name = nodes[firm]["name"]
            ranked.append((-data.get("score", 0), name, firm))
            if data.get("status", "placed") != "placed":
                continue  # a candidate is shown as one, never counted as presence
            placed += 1
            # one pass over the firm's relations: its places (and their regions) count it,
            # and it is a local firm of each place it is LOCATED_IN
            for where, rels in succ[firm].items():
                located = rels.get("LOCATED_IN")
                if located is None:
                    continue
                places[where] = places.get(where, 0) + 1
                regions = regions_of.get(where)
                if regions is None:
                    regions = regions_of[where] = [r for r, rr in succ[where].items()
                                                   if "IN_REGION" in rr]
                for region in regions:
                    places[region] = places.get(region, 0) + 1
                local.setdefault(where, []).append(
                    (name, firm, located.get("sources", []) + data.get("sources", [])))
        ranked.sort()
        for rows in local.values():
            rows.sort(key=lambda r: (r[0], r[1]))
        self.total = placed
        self.ranked = ranked
        self.places = places
        self.local = local
        self.platforms = sorted(platforms)
        self._shown: dict = {}

    def shown(self, wheres: list) -> tuple:
        """(names, count, evidence rows) of the local firms of these places, built once per place set.

        ``names`` lists every local firm by name, or (read from an answer index's heads,
        :class:`LocalRows`) the first ones as a :class:`kg.output.Clipped` that counts
        the rest; ``count`` counts them all. The evidence rows are shared by every answer
        for the place: read them, do not change them.
        """
        key = tuple(wheres)
        hit = self._shown.get(key)
        if hit is None:
            parts = [self.local.get(w, []) for w in wheres]
            count = sum(_total(rows) for rows in parts)
            firms = parts[0] if len(parts) == 1 else sorted(r for rows in parts for r in rows)
            if count > len(firms):  # heads: merged, they are the first overall up to the shortest
                firms = firms[:min(len(rows) for rows in parts if _partial(rows))]
            names = [name for name, _, _ in firms]
            if count > len(names):
                from kg.output import Clipped

                names = Clipped(names, count - len(names), "家")
            hit = self._shown[key] = (
                names, count,
                [{"name": name, "role": "local firm", "sources": sources}
                 for name, _, sources in firms])
        return hit


class LocalRows(list):
    """A place's local rows on a link as an answer index stores them (:mod:`kg.index`):
    the first by (name, id), ``total`` counting them all, and ``by_rank`` the ids of the
    best placed (the order of :attr:`LinkStats.ranked`), each list cut to the index's head.

    >>> rows = LocalRows([("甲", "Firm/甲", [])], total=3, by_rank=["Firm/丙"])
    >>> len(rows), rows.total, _partial(rows), _partial([("甲", "Firm/甲", [])])
    (1, 3, True, False)
    """

    def __init__(self, rows, *, total: int, by_rank: list):
        super().__init__(rows)
        self.total, self.by_rank = total, by_rank


def _total(rows) -> int:
    """How many local firms ``rows`` stands for (a :class:`LocalRows` may hold the first only)."""
    return getattr(rows, "total", len(rows))


def _partial(rows) -> bool:
    """True when ``rows`` holds only the first of a place's local rows."""
    return _total(rows) > len(rows)


def is_local(nxg, firm: str, link: str, wheres) -> bool:
    """True when ``firm`` is placed on ``link`` and LOCATED_IN one of ``wheres``: a local firm
    of the link (what :class:`LinkStats` lists), told from the firm's own relations."""
    out = nxg._succ.get(firm)
    edge = out.get(link, {}).get("OPERATES_IN") if out is not None else None
    if edge is None or edge.get("status", "placed") != "placed":
        return False
    return any("LOCATED_IN" in out.get(w, ()) for w in wheres)


def local_evidence(graph, firms: list, link: str, wheres: list) -> list:
    """The evidence records :class:`LinkStats` gives these local firms of ``link``: where
    each is located and its placement, one record per place of ``wheres`` it is local to."""
    succ = graph.nx._succ
    out = []
    for firm in firms:
        placed = succ[firm][link]["OPERATES_IN"].get("sources", [])
        out += [{"name": graph.node(firm)["name"], "role": "local firm",
                 "sources": succ[firm][w]["LOCATED_IN"].get("sources", []) + placed}
                for w in wheres if "LOCATED_IN" in succ[firm].get(w, ())]
    return out


def ranked_local(graph, link: str, wheres: list, limit: int | None = None) -> list:
    """Ids of the local firms of ``wheres`` (places) on ``link``: best placement score first,
    ties by name then id (the order of :attr:`LinkStats.ranked`), at most ``limit``; only
    firms the graph holds (an index slice holds the best ones, :func:`kg.answers.for_chain_map`).

    The ids come from the link's statistics, not from names, so a zone with 20,000 firms
    on a link costs one sort of its ids; from an index's heads, the best-placed ids it
    stored (enough when ``limit`` is within them).
    """
    ids = set()
    for rows in (link_stats(graph, link).local.get(w, []) for w in wheres):
        by_rank = getattr(rows, "by_rank", None)
        if by_rank is not None and limit is not None and limit <= len(by_rank):
            ids.update(by_rank[:limit])
        elif _partial(rows):
            raise ValueError(f"{link}: only the first local firms were read; "
                             f"the answer index's head holds {len(rows.by_rank)} by rank")
        else:
            ids.update(firm for _, firm, _ in rows)
    nodes, succ = graph.nx._node, graph.nx._succ

    def rank(firm):
        return (-succ[firm][link]["OPERATES_IN"].get("score", 0), nodes[firm]["name"], firm)

    present = (f for f in ids if f in nodes)
    return sorted(present, key=rank) if limit is None else heapq.nsmallest(limit, present, key=rank)


def link_stats(graph, link: str) -> LinkStats:
    """The (cached) :class:`LinkStats` of a link; rebuilt when the link's in-degree changes."""
    memo = cache(graph, "link_stats")
    stats = memo.get(link)
    if stats is None or stats.size != len(graph.nx.pred[link]):
        with gc_paused():
            stats = memo[link] = LinkStats(graph, link)
        settle()  # a long-lived index: later collections need not walk its million tuples
    return stats


def local_places(graph, node: str) -> list:
    """The places whose firms are local: a place, the places inside it at any depth —
    a region's regions (PART_OF it: a province's cities, a city's districts) and the zones
    IN_REGION any of them, a zone's parks (PART_OF it: 一区多园) — a province's planner
    counts the firms of its cities, a zone's those of its parks.

    Remembered per graph version: a place's in-edges hold every firm located in it, and
    a report asks once per link (a slice adds only firms, never place relations).

    >>> from kg import KnowledgeGraph
    >>> g = KnowledgeGraph()
    >>> province, city = g.add_entity("Region", "甲省"), g.add_entity("Region", "乙市")
    >>> g.add_relation(city, "PART_OF", province)
    >>> zone, park = g.add_entity("Zone", "乙市高新区"), g.add_entity("Zone", "乙市高新区丙产业园")
    >>> g.add_relation(zone, "IN_REGION", city)
    >>> g.add_relation(park, "PART_OF", zone)
    >>> [g.node(p)["name"] for p in local_places(g, province)]
    ['甲省', '乙市', '乙市高新区', '乙市高新区丙产业园']
    >>> [g.node(p)["name"] for p in local_places(g, zone)]
    ['乙市高新区', '乙市高新区丙产业园']
    """
    memo = cache(graph, "local_places")
    if node not in memo:
        memo[node] = _places_within(graph, node)
    return list(memo[node])


def _places_within(graph, place: str) -> list:
    """[place, the regions inside it (by id), the zones inside it (by id)] — see local_places."""
    pred, nodes = graph.nx._pred, graph.nx._node
    found, seen = [place], {place}
    for here in found:  # grows while read: breadth first down PART_OF and IN_REGION
        for inner, rels in pred[here].items():
            if inner not in seen and ("PART_OF" in rels or "IN_REGION" in rels) \
                    and nodes[inner].get("label") in ("Region", "Zone"):
                seen.add(inner)
                found.append(inner)
    inside = found[1:]
    return [place, *sorted(p for p in inside if nodes[p]["label"] == "Region"),
            *sorted(p for p in inside if nodes[p]["label"] == "Zone")]


def located_within(graph, node: str) -> set:
    """Every node LOCATED_IN a place or a place inside it (:func:`local_places`)."""
    return {n for where in local_places(graph, node) for n in graph.into(where, "LOCATED_IN")}


def local_firm_count(graph, node: str) -> int:
    """How many firms are local to a place: located in it or, for a region, in the regions
    and zones inside it (:func:`local_places`; counts as
    :func:`kg.queries.common.located_firms` records them)."""
    return sum(located_firms(graph, p) for p in local_places(graph, node))


def _local_placements(graph, zone: str, stats: dict) -> dict:
    """{link: (firm names, count, evidence rows)} for local firms, from the link indexes."""
    wheres = local_places(graph, zone)
    return {link: st.shown(wheres) for link, st in stats.items()}


def _local_platforms(graph, zone: str, stats: LinkStats) -> list:
    nxg = graph.nx
    wheres = local_places(graph, zone)
    return [(name, p) for name, p in stats.platforms
            if any(nxg.has_edge(p, w, "LOCATED_IN") for w in wheres)]


def _target_words(graph, chain: str, link: str | None) -> set:
    if link is None:
        data = graph.node(chain)
        words = {data["name"], *data["aliases"]}
        for industry in graph.into(chain, "HAS_CHAIN"):
            idata = graph.node(industry)
            words |= {idata["name"], *idata["aliases"]}
    else:
        data = graph.node(link)
        words = {data["name"], *data["aliases"]}
    return {normalize(w) for w in words if w}


def _targets(graph, zone: str, chain: str, link: str, chain_words: set) -> list:
    """(name, id, edge sources, for) of targets of the zone or its regions for this link."""
    link_words = _target_words(graph, chain, link)
    seekers = [zone, *graph.out(zone, "IN_REGION")]
    out = {}
    for seeker in seekers:
        for _, firm, rel, data in graph.nx.out_edges(seeker, keys=True, data=True):
            if rel != "TARGETS":
                continue
            industry = normalize(data.get("industry") or "")
            if data.get("links") is not None:  # ranked by kg.targets: only the links it supports
                if link not in data["links"]:
                    continue
                scope = "link"
            elif graph.nx.has_edge(firm, link, "OPERATES_IN") or (industry and industry in link_words):
                scope = "link"
            elif industry and (industry in chain_words or any(w in industry for w in chain_words
                                                               if len(w) >= 2)):
                scope = "chain"
            else:
                continue
            out.setdefault(firm, (graph.node(firm)["name"], firm, data.get("sources", []), scope))
    return sorted(out.values())


def chain_gaps(graph, chain: str, zone: str, *, weak_below: int = 1, candidates: int = 5,
               elsewhere: int = 5) -> list:
    """One row per link of ``chain`` for ``zone`` (names or aliases), upstream first."""
    chain_id = chain_node(graph, chain)
    zone_id = place(graph, zone)
    links = chain_links(graph, chain_id)
    link_ids = {link for _, link in links}
    stats = {link: link_stats(graph, link) for link in link_ids}
    local = _local_placements(graph, zone_id, stats)
    local_sum = sum(count for _, count, _ in local.values())
    all_sum = sum(s.total for s in stats.values())
    covering = covering_registries(graph, zone_id, chain_id)
    wheres = local_places(graph, zone_id)
    chain_words = _target_words(graph, chain_id, None)
    zone_regions = set(graph.out(zone_id, "IN_REGION"))
    rows = []
    for position, link in links:
        data = graph.node(link)
        names, count, shown = local[link]
        st = stats[link]
        evidence = list(shown)
        platforms = _local_platforms(graph, zone_id, st)
        for name, platform in platforms:
            evidence.append({"name": name, "role": "local platform",
                             "sources": edge_sources(graph, platform, link, "SUPPORTS")
                             + edge_sources(graph, platform, zone_id, "LOCATED_IN")})
        targets = _targets(graph, zone_id, chain_id, link, chain_words)
        for name, _, sources, scope in targets:
            evidence.append({"name": name, "role": f"target ({scope})",
                             "sources": [dict(s) for s in sources]})
        lq, formula, below = None, "", False
        if st.total and local_sum:
            # compared unrounded, as count/total < local_sum/all_sum, like the Cypher twin
            below = count * all_sum < local_sum * st.total
            lq = round((count / st.total) / (local_sum / all_sum), 2)
            formula = f"({count}/{st.total}) / ({local_sum}/{all_sum}) = {lq:g}"
        if count == 0:
            status = "gap" if covering else "unknown"
        elif count < weak_below or below:
            status = "weak"
        else:
            status = "covered"
        picks = []
        for neg_score, name, firm in st.ranked:
            if is_local(graph.nx, firm, link, wheres):
                continue
            picks.append(_candidate(graph, firm, link, -neg_score, zone_regions, zone_id))
            if len(picks) >= 3 * candidates:  # a window of the best placed, re-ranked below
                break
        # ranked as targets are (kg.targets): placement, then distance to the zone, then size
        picks = sorted(picks, key=lambda p: -p["rank"])[:candidates]
        for pick in picks:
            evidence.append({"name": pick["firm"], "role": "candidate",
                             "sources": edge_sources(graph, pick["id"], link, "OPERATES_IN")})
        places = dict(st.places)
        # the zone's own firms do not make its city "elsewhere"
        for where in wheres:
            for region in graph.out(where, "IN_REGION"):
                places[region] = places.get(region, 0) - _total(st.local.get(where, ()))
        others = sorted((-n, graph.node(p)["name"]) for p, n in places.items()
                        if p != zone_id and n > 0)[:elsewhere]
        rows.append({
            "position": position, "link": data["name"], "stage": data.get("stage", ""),
            "status": status, "broken": False,
            "local_firms": _copy(names),
            "local_platforms": [name for name, _ in platforms],
            "count": count, "lq": lq, "lq_formula": formula,
            "targets": [name for name, *_ in targets],
            "candidates": [f"{p['firm']} — {p['why']}" for p in picks],
            "elsewhere": [f"{name} ({-n})" for n, name in others],
            "covered_by": covering,
            "evidence": evidence,
        })
    _mark_broken(rows)
    return rows


def _copy(names: list) -> list:
    """A fresh list of ``names`` (the shown names are shared); a clipped list stays clipped."""
    more = getattr(names, "more", 0)
    if not more:
        return list(names)
    from kg.output import Clipped

    return Clipped(names, more, names.unit)


def _candidate(graph, firm: str, link: str, score: float, zone_regions: set, zone: str) -> dict:
    from kg.targets import candidate_parts

    edge = graph.nx.edges[firm, link, "OPERATES_IN"]
    where = _places_of(graph, firm, {})
    places = sorted({graph.node(p)["name"] for p in where})
    near = any(p in zone_regions for p in where)
    why = candidate_reason(edge.get("evidence"), edge.get("matched"), score, places, near=near)
    rank, parts = candidate_parts(graph, firm, zone, score, edge.get("status"))
    return {"firm": graph.node(firm)["name"], "id": firm, "why": f"{why}；{parts}", "rank": rank}


def _mark_broken(rows: list) -> None:
    """A gap is broken (断链) when links before and after it have local firms."""
    has = [row["count"] > 0 for row in rows]
    for i, row in enumerate(rows):
        if row["status"] == "gap" and any(has[:i]) and any(has[i + 1:]):
            row["broken"] = True
