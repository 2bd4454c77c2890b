"""The chain map's input: ``chain_gaps`` rows, with names turned back into node ids.

:func:`chain_rows` asks :func:`kg.queries.chain_gaps` (the planners' own answer, so
the map and ``kg gaps`` never disagree) and, where that is not installed, a small
equivalent here. :func:`resolve_rows` maps the names in the rows to node ids, so the
map can show each node's provenance.

>>> from kg.views.sample import sample_graph
>>> g = sample_graph()
>>> rows = resolve_rows(g, chain_rows(g, "传感器", "郑州高新区"), "传感器", "郑州高新区")
>>> [(r.name, r.firms[:1]) for r in rows]
[('传感器材料', []), ('传感芯片', ['Firm/河南中豫芯微电子有限公司']), ('传感器', ['Firm/300007']), ('传感器终端', ['Firm/300248'])]
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

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
    firms: list = field(default_factory=list)      # local firm ids
    platforms: list = field(default_factory=list)  # local platform ids
    targets: list = field(default_factory=list)    # target firm ids
    elsewhere: list = field(default_factory=list)  # (place name, firm count, node id or None)
    note: str = ""


def _real_chain_gaps():
    try:
        from kg.queries import chain_gaps
    except ImportError:
        try:
            from kg.queries.gaps import chain_gaps
        except ImportError:
            return None
    return chain_gaps


def chain_rows(graph, chain: str, zone: str, *, weak_below: int = 1) -> list:
    """``chain_gaps(graph, chain, zone)`` rows (the query layer's, else :func:`simple_gaps`)."""
    real = _real_chain_gaps()
    if real is not None:
        return real(graph, chain, zone, weak_below=weak_below)
    return simple_gaps(graph, chain, zone, weak_below=weak_below)


def place_node(graph, name: str) -> str:
    """The Zone, else Region, a name refers to (NotFoundError lists zones)."""
    for label in ("Zone", "Region"):
        hit = graph.resolve(name, label)
        if hit is not None:
            return hit
    return graph.find(name, "Zone")


def chain_link_ids(graph, chain_id: str) -> list:
    """(position, link id) of a chain's links, upstream first."""
    out = []
    for _, link, rel, data in graph.nx.out_edges(chain_id, keys=True, data=True):
        if rel == "HAS_LINK":
            out.append((int(data.get("position", graph.node(link).get("position", 0)) or 0), link))
    return sorted(out)


def _on_link(graph, link: str, rel: str, label: str) -> list:
    nxg = graph.nx
    return [u for u, rels in nxg.pred[link].items() if rel in rels and nxg.nodes[u]["label"] == label]


def simple_gaps(graph, chain: str, zone: str, *, weak_below: int = 1) -> list:
    """A stand-in for ``kg.queries.chain_gaps`` with the same row shape.

    gap: no local firm; weak: fewer than ``weak_below`` local firms; covered otherwise.
    """
    nxg = graph.nx
    chain_id = graph.find(chain, "Chain")
    zone_id = place_node(graph, zone)
    rows = []
    for position, link in chain_link_ids(graph, chain_id):
        firms, places = [], {}
        for firm in _on_link(graph, link, "OPERATES_IN", "Firm"):
            where = [p for p, rels in nxg.succ[firm].items() if "LOCATED_IN" in rels]
            if zone_id in where:
                firms.append(firm)
            for p in where:
                if p != zone_id:
                    places[p] = places.get(p, 0) + 1
        platforms = [p for p in _on_link(graph, link, "SUPPORTS", "Platform")
                     if nxg.has_edge(p, zone_id, "LOCATED_IN")]
        targets = [f for f in graph.out(zone_id, "TARGETS") if nxg.has_edge(f, link, "OPERATES_IN")]
        count = len(firms)
        status = "gap" if count == 0 else "weak" if count < weak_below else "covered"
        others = sorted(places.items(), key=lambda kv: (-kv[1], nxg.nodes[kv[0]]["name"]))[:5]
        name = lambda n: nxg.nodes[n]["name"]  # noqa: E731
        rows.append({
            "position": position, "link": name(link), "stage": nxg.nodes[link].get("stage", ""),
            "status": status, "broken": False,
            "local_firms": sorted(name(f) for f in firms),
            "local_platforms": sorted(name(p) for p in platforms),
            "targets": sorted(name(t) for t in targets), "candidates": [],
            "elsewhere": [f"{name(p)} ({n})" for p, n in others], "covered_by": [],
            "evidence": [],
        })
    has = [bool(r["local_firms"]) for r in rows]
    for i, row in enumerate(rows):
        row["broken"] = row["status"] == "gap" and any(has[:i]) and any(has[i + 1:])
    return rows


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


def _located(graph, zone_id: str, links: set) -> tuple:
    """({link: {firm name: id}}, {link: {platform name: id}}) for things LOCATED_IN the zone.

    One pass over the zone's incoming relations, not over every firm on every link.
    """
    nxg = graph.nx
    firms = {link: {} for link in links}
    platforms = {link: {} for link in links}
    for node, rels in nxg.pred[zone_id].items():
        if "LOCATED_IN" not in rels:
            continue
        data = nxg.nodes[node]
        wanted, into = {"Firm": ("OPERATES_IN", firms), "Platform": ("SUPPORTS", platforms)}.get(
            data["label"], (None, None))
        if wanted is None:
            continue
        for link, lrels in nxg.succ[node].items():
            if link in links and wanted in lrels:
                into[link].setdefault(data["name"], node)
    return firms, platforms


def resolve_rows(graph, rows: list, chain: str, zone: str) -> list:
    """:class:`LinkRow` for each ``chain_gaps`` row: link, firm and platform names → node ids."""
    nxg = graph.nx
    zone_id = place_node(graph, zone)
    link_ids = {}
    for _, link in chain_link_ids(graph, graph.find(chain, "Chain")):
        link_ids[nxg.nodes[link]["name"]] = link
    local_firms, local_platforms = _located(graph, zone_id, set(link_ids.values()))
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
            firms=_names_to_ids(graph, row.get("local_firms") or [], local_firms[link], "Firm"),
            platforms=_names_to_ids(graph, row.get("local_platforms") or [], local_platforms[link],
                                    "Platform"),
            targets=_names_to_ids(graph, row.get("targets") or [], targets_pool, "Firm"),
            elsewhere=elsewhere, note=row.get("lq_formula") or ""))
    return out
