"""The chain map's input: ``chain_gaps`` rows, with names turned back into node ids.

:func:`chain_rows` asks :func:`kg.queries.chain_gaps` (the planners' own answer, so
the map and ``kg gaps`` never disagree). :func:`resolve_rows` maps the names in the rows to node ids, so the
map can show each node's provenance; local firms come ranked by placement score.

>>> from kg.queries.fixtures import sensor_graph
>>> g = sensor_graph()
>>> rows = resolve_rows(g, chain_rows(g, "传感器", "郑州高新区"), "传感器", "郑州高新区")
>>> [(r.name, r.firms[:1]) for r in rows]
[('传感器材料', ['Firm/郑州瑞敏新材料科技有限公司']), ('传感芯片', []), ('传感器', ['Firm/郑州华测传感技术有限公司']), ('传感器终端', ['Firm/郑州安泰检测设备有限公司'])]
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from kg.queries import chain_gaps
from kg.queries.common import chain_links, place as place_node  # noqa: F401 (re-exported)
from kg.queries.gaps import local_places, ranked_local

_COUNTED = re.compile(r"^(.*) \((\d+)\)$")


@dataclass
class LinkRow:
    """One link as the map draws it: ids, not names."""

    position: int
    link: str  # node id
    name: str
    stage: str
    status: str
    broken: bool
    firms: list = field(default_factory=list)      # local firm ids, best placement score first
    count: int = 0                                 # local firms in all (firms may hold fewer)
    platforms: list = field(default_factory=list)  # local platform ids
    targets: list = field(default_factory=list)    # target firm ids
    elsewhere: list = field(default_factory=list)  # (place name, firm count, node id or None)
    note: str = ""


def chain_rows(graph, chain: str, zone: str, *, weak_below: int = 1) -> list:
    """``chain_gaps(graph, chain, zone)`` rows: the planners' own answer, so map and table agree."""
    return chain_gaps(graph, chain, zone, weak_below=weak_below)


def _names_to_ids(graph, names, by_name: dict, label: str) -> list:
    """Ids for names: first among ``by_name`` (the ids that can be meant), then by lookup."""
    out = []
    for name in names:
        if isinstance(name, dict):
            name = name.get("id") or name.get("name")
        name = str(name)
        hit = name if name in graph else by_name.get(name) or graph.resolve(name, label)
        if hit is not None and hit not in out:
            out.append(hit)
    return out


def _located(graph, zone_id: str, links: set) -> dict:
    """{link: {platform name: id}} for the platforms LOCATED_IN the zone.

    One pass over the zone's incoming relations, not over every platform on every link.
    """
    nxg = graph.nx
    platforms = {link: {} for link in links}
    for node, rels in nxg._pred[zone_id].items():
        if "LOCATED_IN" not in rels:
            continue
        data = nxg._node[node]
        if data["label"] != "Platform":
            continue
        for link, lrels in nxg._succ[node].items():
            if link in links and "SUPPORTS" in lrels:
                platforms[link].setdefault(data["name"], node)
    return platforms


def resolve_rows(graph, rows: list, chain: str, zone: str, *, limit: int | None = None) -> list:
    """:class:`LinkRow` for each ``chain_gaps`` row: link, platform and target names → node ids;
    local firms by :func:`ranked_local` (at most ``limit`` a link), ``count`` all of them."""
    nxg = graph.nx
    zone_id = place_node(graph, zone)
    wheres = local_places(graph, zone_id)
    link_ids = {}
    for _, link in chain_links(graph, graph.find(chain, "Chain")):
        link_ids[nxg.nodes[link]["name"]] = link
    local_platforms = _located(graph, zone_id, set(link_ids.values()))
    targets_pool = {nxg.nodes[t]["name"]: t for t in graph.out(zone_id, "TARGETS")}
    out = []
    for row in rows:
        link = link_ids.get(row["link"])
        if link is None:  # a row of another chain
            continue
        elsewhere = []
        for item in row.get("elsewhere") or []:
            match = _COUNTED.match(str(item))
            pname, count = (match.group(1), int(match.group(2))) if match else (str(item), 0)
            node = graph.resolve(pname, "Zone") or graph.resolve(pname, "Region")
            elsewhere.append((pname, count, node))
        out.append(LinkRow(
            position=int(row.get("position") or 0), link=link, name=row["link"],
            stage=row.get("stage") or "", status=row.get("status") or "unknown",
            broken=bool(row.get("broken")),
            firms=ranked_local(graph, link, wheres, limit),
            count=int(row.get("count", len(row.get("local_firms") or []))),
            platforms=_names_to_ids(graph, row.get("local_platforms") or [], local_platforms[link],
                                    "Platform"),
            targets=_names_to_ids(graph, row.get("targets") or [], targets_pool, "Firm"),
            elsewhere=elsewhere, note=row.get("lq_formula") or ""))
    return out
