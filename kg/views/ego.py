"""Ego maps: one zone or firm in the middle, its neighbours around it by relation.

Neighbours are grouped by (relation, direction, label) — a zone's local firms, its
platforms, its targets, its region — each group a captioned grid: relations into
the centre on the left, relations out of it on the right.
A group larger than ``max_per_group`` shows its best-evidenced members and one
"+N more" node. Provenance links (MENTIONED_IN) are shown in tooltips, not as nodes.

>>> from kg.queries.fixtures import sensor_graph
>>> view = ego_view(sensor_graph(), "郑州森感电子科技有限公司", "Firm")
>>> sorted(n["kg"]["name"] for n in view.nodes if not n.get("decor"))
['传感器', '郑州森感电子科技有限公司', '郑州高新技术产业开发区']
"""
from __future__ import annotations

import math

from kg import vocab
from kg.queries.common import located_firms
from kg.views import style
from kg.views.chain import CELL_W, FOLD_LOOK, MEASURE, ROW_H, View, _grid_cols, top

DEFAULT_MAX_PER_GROUP = 300
HIDDEN_RELS = ("MENTIONED_IN",)
GAP = 480.0


def neighbour_groups(graph, center: str) -> list:
    """[(rel, direction, label, [node ids])] around ``center``, in a stable order."""
    groups: dict = {}
    for _, v, rel in graph.nx.out_edges(center, keys=True):
        if rel not in HIDDEN_RELS and v != center:
            groups.setdefault((rel, "out", graph.node(v)["label"]), []).append(v)
    for u, _, rel in graph.nx.in_edges(center, keys=True):
        if rel not in HIDDEN_RELS and u != center:
            groups.setdefault((rel, "in", graph.node(u)["label"]), []).append(u)
    return [(rel, d, lab, sorted(set(nodes), key=lambda n: graph.node(n)["name"]))
            for (rel, d, lab), nodes in sorted(groups.items())]


def ego_view(graph, name: str, label: str, *, max_per_group: int = DEFAULT_MAX_PER_GROUP) -> View:
    """The ego map of the ``label`` node called ``name`` (NotFoundError if unknown)."""
    if max_per_group < 1:
        raise ValueError("max_per_group must be at least 1")
    center = graph.find(name, label)
    data = graph.node(center)
    view = View(title=f"{style.TYPE_NAMES.get(label, label)} · {data['name']}",
                subtitle="直接关系 direct relations · 悬停看来源 hover for sources · 点击固定 click to pin")
    look = style.look(label)
    view.nodes.append({"id": center, "label": data["name"], "x": 0, "y": 0, **look,
                       "font": {"size": 22}, "borderWidth": 4, "margin": 12,
                       "kg": style.node_info(graph, center)})
    groups = neighbour_groups(graph, center)
    shown_groups = []
    for rel, direction, lab, members in groups:
        shown, folded = top(graph, members, max_per_group)
        more = len(folded)
        if (rel, direction, lab) == ("LOCATED_IN", "in", "Firm"):
            # a slice holds the zone's best firms and their number (kg.answers.for_place)
            more = max(more, located_firms(graph, center) - len(shown))
        shown_groups.append((rel, direction, lab, shown, more))
    # incoming groups in a column on the left, outgoing on the right: boxes never overlap
    placed = {center}
    heights = {"in": 0.0, "out": 0.0}
    for rel, direction, lab, shown, more in shown_groups:
        items = shown + (["fold"] if more else [])
        cols = _grid_cols(len(items))
        rows = math.ceil(len(items) / cols)
        heights[direction] += 50 + rows * ROW_H + 40
    cursor = {d: -h / 2 for d, h in heights.items()}
    for rel, direction, lab, shown, more in shown_groups:
        items = shown + (["fold"] if more else [])
        cols = _grid_cols(len(items))
        side = 1 if direction == "out" else -1
        x0 = side * (GAP + (cols - 1) * CELL_W / 2)
        y = cursor[direction]
        rtype = vocab.RELATIONS.get(rel)
        rel_zh = rtype.label_zh if rtype else rel
        arrow = "→" if direction == "out" else "←"
        caption = f"{rel_zh} {rel} {arrow} {style.TYPE_NAMES.get(lab, lab)} · {len(shown) + more}"
        view.nodes.append({"id": f"decor:{rel}:{direction}:{lab}", "decor": True, "label": caption,
                           "shape": "text", "x": x0, "y": y, "font": {"size": 14, "color": "#555"}})
        y += 50
        positions = [(x0 + (j % cols - (cols - 1) / 2) * CELL_W, y + (j // cols) * ROW_H)
                     for j in range(len(items))]
        cursor[direction] = y + math.ceil(len(items) / cols) * ROW_H + 40
        for item, (x, y) in zip(items, positions):
            if item == "fold":
                fid = f"fold:{rel}:{direction}:{lab}"
                view.nodes.append({"id": fid, "fold": True, "label": f"+{more} more", "x": x,
                                   "y": y, "shape": "ellipse", "color": FOLD_LOOK,
                                   "kg": style.info("Folded", f"+{more} more {lab} ({rel})",
                                                    facts=[f"shown: top {len(shown)} by {MEASURE}"])})
                view.notes.append(f"{caption}: showing the top {len(shown):,} by {MEASURE}; "
                                  f"{more:,} folded into “+{more:,} more”.")
                view.edges.append({"from": center, "to": fid, "color": {"color": "#bbb"}})
                continue
            if item not in placed:
                placed.add(item)
                ndata = graph.node(item)
                view.nodes.append({"id": item, "label": _label(ndata["name"]), "x": x, "y": y,
                                   **style.look(lab), "font": {"size": 14},
                                   "widthConstraint": {"maximum": CELL_W - 16},
                                   "kg": style.node_info(graph, item)})
            u, v = (center, item) if direction == "out" else (item, center)
            edata = graph.nx.edges[u, v, rel]
            view.edges.append({"from": u, "to": v, "arrows": "to", "color": {"color": "#bbb"},
                               "kg": style.edge_info(rel, edata, graph.node(u)["name"],
                                                     graph.node(v)["name"])})
    view.legend = [({"background": look["color"]["background"], "border-color": look["color"]["border"]},
                    f"中心 centre: {data['name']}")] + [
        ({"background": style.LOOKS[lab]["color"]["background"],
          "border-color": style.LOOKS[lab]["color"]["border"]}, style.TYPE_NAMES[lab])
        for lab in sorted({g[2] for g in groups}) if lab in style.LOOKS] + [
        ({"background": FOLD_LOOK["background"], "border-color": FOLD_LOOK["border"],
          "border-radius": "50%"}, "+N more: folded")]
    return view


def _label(name: str, limit: int = 14) -> str:
    return name if len(name) <= limit else name[:limit - 1] + "…"


def zone_map(graph, zone: str, *, max_per_group: int = DEFAULT_MAX_PER_GROUP,
             panorama: str | None = None) -> str:
    """A zone (or region) and what is located in it, targeted, developed, as an HTML page.

    ``panorama`` is the address of the zone's chain panorama, linked under the title.
    """
    label = "Zone" if graph.resolve(zone, "Zone") or not graph.resolve(zone, "Region") else "Region"
    view = ego_view(graph, zone, label, max_per_group=max_per_group)
    if panorama:
        view.links.append((panorama, "产业链全景图 chain panorama"))
    return view.html()


def firm_map(graph, firm: str, *, max_per_group: int = DEFAULT_MAX_PER_GROUP) -> str:
    """A firm's ego network (its zones, links, industries, who targets it) as an HTML page."""
    return ego_view(graph, firm, "Firm", max_per_group=max_per_group).html()
