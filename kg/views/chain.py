"""The chain map: a chain's links left to right, coloured by status, for one zone.

Under each link hang the zone's platforms and local firms; above it, dashed, the
target firms that would fill it, and higher still the neighbouring zones that
already have firms on a link the zone lacks. Positions are fixed (no physics), so
the same graph always gives the same map and a 1M-firm graph opens at once.

A link with more than ``max_per_link`` local firms shows the best by placement score
and one "…及其他 N 家" node (targets: the best evidenced, by :func:`firm_weight`); the
page's notes say what was folded. Only the drawn firms need be in the graph: counts
come from the ``chain_gaps`` rows, so an index slice with the top firms of each link
(:func:`kg.answers.for_chain_map`) draws a zone of 100,000 firms as fast as one of ten.

>>> from kg.queries.fixtures import sensor_graph
>>> page = chain_map(sensor_graph(), "传感器", "郑州高新区")
>>> page.startswith("<!DOCTYPE html>"), "cdn" in page.lower().split("<script>")[0]
(True, False)
>>> view = chain_view(sensor_graph(), "传感器", "郑州高新区", max_per_link=2)
>>> [n["label"] for n in view.nodes if n.get("fold")]
['…及其他 2 家']
"""
from __future__ import annotations

import math
from dataclasses import dataclass, field

from kg.views import style
from kg.views.page import render_page
from kg.views.rows import chain_rows, resolve_rows

DEFAULT_MAX_PER_LINK = 30  # a grid a person reads; the rest is counted in the fold node
MEASURE = "evidence: number of sources plus number of relations"
FIRM_MEASURE = "定位得分 placement score"

# compact enough that a six-link chain fits a 1400-px screen at a readable scale
CELL_W, ROW_H = 168, 46
LINK_W, GAP_X = 176, 44
TARGET_W = 120  # target names are short (a firm's short name): narrower columns
STAGES_ZH = {"upstream": "上游", "midstream": "中游", "downstream": "下游"}
TARGET_LOOK = {"background": "#f3e8f8", "border": "#7d3c98"}
ZONE_LOOK = {"background": "#d6e6f5", "border": "#1f4e79"}
FOLD_LOOK = {"background": "#eeeeee", "border": "#888888"}
PLATFORM_LOOK = {"background": "#a3e4d7", "border": "#117a65"}
TARGET_SHIFT = 50
CHAIN_WIDE_SHOWN = 8
NAME_FONT = 17  # names on the canvas; at the scale a six-link chain fits 1400 px, ≥ 12 px


@dataclass
class View:
    """A view's drawable content: nodes, edges, notes, legend (what the page renders)."""

    title: str
    subtitle: str = ""
    nodes: list = field(default_factory=list)
    edges: list = field(default_factory=list)
    notes: list = field(default_factory=list)
    legend: list = field(default_factory=list)
    links: list = field(default_factory=list)  # (href, text) under the title

    def html(self) -> str:
        """The page."""
        return render_page(self.title, self.nodes, self.edges, legend=self.legend,
                           notes=self.notes, subtitle=self.subtitle, links=self.links)

    def entity_count(self) -> int:
        """Nodes that stand for graph entities or folded groups (not band captions)."""
        return sum(1 for n in self.nodes if not n.get("decor"))


def firm_weight(graph, node: str) -> int:
    """How much evidence a firm has: its sources plus its relations (the folding measure);
    in an index slice a core node's relations are counted in the whole graph
    (``graph.whole_degree``, :meth:`kg.index_read.Slice.whole_degrees`)."""
    degree = getattr(graph, "whole_degree", {}).get(node)
    if degree is None:
        degree = graph.nx.degree(node)
    return len(graph.node(node).get("sources", ())) + degree


def top(graph, nodes: list, limit: int) -> tuple:
    """(shown, folded): the ``limit`` best-evidenced nodes first, ties by name."""
    if len(nodes) <= limit:
        return list(nodes), []
    ranked = sorted(nodes, key=lambda n: (-firm_weight(graph, n), graph.node(n)["name"]))
    return ranked[:limit], ranked[limit:]


def fold_label(n: int, unit: str = "家") -> str:
    """The label of a node standing for ``n`` folded firms.

    >>> fold_label(1234)
    '…及其他 1,234 家'
    """
    return f"…及其他 {n:,} {unit}"


def _grid_cols(n: int) -> int:
    """Columns of a link's firm grid: one column up to 8 firms, then a squarish block."""
    return max(1, min(14, math.ceil(math.sqrt(n / 8)))) if n else 1


def _target_cols(n: int) -> int:
    """Targets go up to two side by side first, so their dashed edges do not cross each other."""
    return max(min(n, 2), _grid_cols(n))


def _platform_cols(n: int) -> int:
    """Platforms stand in the link's own column (one column up to 8), above its firms."""
    return _grid_cols(n) if n else 0


def _short(name: str, limit: int = 10) -> str:
    return name if len(name) <= limit else name[:limit - 1] + "…"


@dataclass
class _Canvas:
    """What the drawing steps of one chain map share: the graph, the view, the layout."""

    graph: object
    view: View
    links: list
    zone_id: str
    zone_name: str
    max_per_link: int
    placed: set = field(default_factory=set)
    xs: list = field(default_factory=list)
    target_home: dict = field(default_factory=dict)
    target_cols: list = field(default_factory=list)
    target_rows: int = 0
    chain_wide: list = field(default_factory=list)

    def add_node(self, node_id: str, **fields) -> None:
        self.placed.add(node_id)
        self.view.nodes.append({"id": node_id, **fields})

    def name(self, node: str) -> str:
        return self.graph.node(node)["name"]


def chain_view(graph, chain: str, zone: str, *, max_per_link: int = DEFAULT_MAX_PER_LINK,
               weak_below: int = 1, rows: list | None = None) -> View:
    """The chain map's nodes and edges (see :func:`chain_map` for the page)."""
    if max_per_link < 1:
        raise ValueError("max_per_link must be at least 1")
    from kg.views.rows import place_node

    raw = rows if rows is not None else chain_rows(graph, chain, zone, weak_below=weak_below)
    chain_id = graph.find(chain, "Chain")
    zone_id = place_node(graph, zone)
    zone_name = graph.node(zone_id)["name"]
    view = View(title=f"{graph.node(chain_id)['name']} 产业链图谱 · {zone_name}",
                subtitle="上游 upstream → 下游 downstream · 悬停看来源 hover for sources · "
                         "点击固定 click to pin")
    canvas = _Canvas(graph, view, resolve_rows(graph, raw, chain, zone, limit=max_per_link),
                     zone_id, zone_name, max_per_link)
    _plan_targets(canvas, _target_scopes(raw))
    _plan_columns(canvas)
    for i, row in enumerate(canvas.links):
        _draw_link(canvas, i, row)
        y = _draw_platforms(canvas, row, canvas.xs[i])
        _draw_firms(canvas, row, canvas.xs[i], y)
        _draw_targets(canvas, i, row)
    _draw_neighbours(canvas)
    _draw_chain_wide(canvas)
    covering = sorted({c for r in raw for c in (r.get("covered_by") or [])})
    if covering:
        view.notes.append("企业名录 registries covering this zone: " + "、".join(map(str, covering)))
    if any(r.status == "unknown" for r in canvas.links):
        view.notes.append("未知 unknown: no local firm found, and no loaded registry covers the zone, "
                          "so the absence proves nothing.")
    view.legend = legend()
    return view


def _plan_targets(canvas: _Canvas, link_scoped) -> None:
    """Each target firm once, under the first link it fills; the rest are chain-wide."""
    graph, links = canvas.graph, canvas.links
    every_target = list(dict.fromkeys(t for r in links for t in r.targets))
    for i, row in enumerate(links):
        row.targets = [t for t in row.targets if link_scoped(row.name, graph.node(t)["name"])]
        for t in row.targets:
            canvas.target_home.setdefault(t, i)
    canvas.chain_wide = [t for t in every_target if t not in canvas.target_home]
    for i, row in enumerate(links):
        home = [t for t in row.targets if canvas.target_home.get(t) == i]
        shown, folded = top(graph, home, canvas.max_per_link)
        k = len(shown) + bool(folded)
        canvas.target_rows = max(canvas.target_rows, math.ceil(k / _target_cols(k)) if k else 0)
        canvas.target_cols.append(_target_cols(k) if k else 0)


def _plan_columns(canvas: _Canvas) -> None:
    """The x of each link: its column is as wide as its firm, target and platform grids."""
    x = 0.0
    for i, row in enumerate(canvas.links):
        shown = len(row.firms[:canvas.max_per_link])
        n = shown + (row.count > shown)
        t = canvas.target_cols[i] * TARGET_W + (2 * TARGET_SHIFT if _has_neighbours(row) else 0)
        w = max(LINK_W, _grid_cols(n) * CELL_W, t, _platform_cols(len(row.platforms)) * CELL_W)
        canvas.xs.append(x + w / 2)
        x += w + GAP_X


def _draw_link(canvas: _Canvas, i: int, row) -> None:
    """The link's box (status colour, counts, tooltip facts) and the arrow from the one before."""
    st = style.STATUS.get(row.status, style.STATUS["unknown"])
    facts = [f"状态 status: {st['zh']} {row.status}" + (" · 断链 broken chain" if row.broken else ""),
             f"本地企业 local firms: {row.count}",
             f"平台 platforms: {len(row.platforms)}", f"招商目标 targets: {len(row.targets)}"]
    if row.note:
        facts.append(f"区位熵 LQ: {row.note}")
    for pname, count, _ in row.elsewhere:
        facts.append(f"{pname} 有 {count} 家 has {count} firms here")
    stage = STAGES_ZH.get(row.stage, row.stage)
    label = (f"{row.position}. {row.name}\n{stage} {row.stage}\n"
             f"{st['zh']}" + (" · 断链" if row.broken else "") + f" · {row.count} 家")
    canvas.add_node(row.link, label=label, x=canvas.xs[i], y=0, shape="box", margin=10,
                    widthConstraint={"minimum": LINK_W - 30, "maximum": LINK_W},
                    color={"background": st["background"], "border": st["border"],
                           "highlight": {"background": st["background"], "border": "#000"}},
                    borderWidth=5 if row.status in ("gap", "weak") else 3,
                    shapeProperties={"borderDashes": [8, 5]} if row.broken else {},
                    font={"size": 18}, kg=style.node_info(canvas.graph, row.link, facts))
    if i:
        canvas.view.edges.append({"from": canvas.links[i - 1].link, "to": row.link, "arrows": "to",
                                  "width": 4, "color": {"color": "#444"},
                                  "kg": style.info("NEXT", "上游 → 下游")})


def _draw_platforms(canvas: _Canvas, row, cx: float) -> float:
    """Platforms below the link, joined to it; returns the y under them."""
    graph, y = canvas.graph, 110
    pcols = _platform_cols(len(row.platforms))
    for j, p in enumerate(row.platforms):
        slot = j % pcols if len(row.platforms) > 1 else pcols // 2
        px = cx + (slot - (pcols - 1) / 2) * CELL_W
        if p not in canvas.placed:
            canvas.add_node(p, label=_short(canvas.name(p)), x=px, y=y + (j // pcols) * ROW_H,
                            shape="diamond", size=10, font={"size": NAME_FONT}, color=PLATFORM_LOOK,
                            kg=style.node_info(graph, p, ["支撑 supports " + row.name]))
        canvas.view.edges.append({
            "from": p, "to": row.link, "color": {"color": PLATFORM_LOOK["border"]},
            "kg": style.edge_info("SUPPORTS", _edge(graph, p, row.link, "SUPPORTS"),
                                  canvas.name(p), row.name)})
    return y + (math.ceil(len(row.platforms) / pcols) * ROW_H + 20 if row.platforms else 0)


def _draw_firms(canvas: _Canvas, row, cx: float, y: float) -> None:
    """Local firms: a caption, then a grid under it (best placement score first); the rest
    folded into one "…及其他 N 家" node."""
    graph, view = canvas.graph, canvas.view
    st = style.STATUS.get(row.status, style.STATUS["unknown"])
    shown = row.firms[:canvas.max_per_link]
    folded = max(row.count - len(shown), 0)
    cap = f"decor:{row.link}:firms"
    canvas.add_node(cap, decor=True, label=f"本地企业 · {row.count}", x=cx, y=y,
                    shape="text", font={"size": NAME_FONT, "color": "#333"})
    view.edges.append({"from": row.link, "to": cap, "color": {"color": st["border"]}, "width": 2})
    own = [f for f in shown if f not in canvas.placed]
    cols = _grid_cols(len(own) + bool(folded))
    y += 44
    j = -1
    for f in shown + (["fold"] if folded else []):
        j += f not in canvas.placed
        fx, fy = cx + (j % cols - (cols - 1) / 2) * CELL_W, y + (j // cols) * ROW_H
        if f == "fold":
            canvas.add_node(f"fold:{row.link}:firms", fold=True, label=fold_label(folded),
                            x=fx, y=fy, shape="ellipse", color=FOLD_LOOK, font={"size": 14},
                            kg=style.info("Folded", f"{row.name}：另有 {folded:,} 家本地企业",
                                          facts=[f"显示 {FIRM_MEASURE} 最高的 {len(shown)} 家",
                                                 "全部名单：kg gaps … --all --format json"]))
            view.notes.append(f"{row.name}：本地企业 {row.count:,} 家，显示 {FIRM_MEASURE} 最高的 "
                              f"{len(shown):,} 家，其余 {folded:,} 家折叠为“{fold_label(folded)}”。")
        elif f in canvas.placed:  # a firm on several links: one node, joined to the others
            view.edges.append({"from": f, "to": row.link, "dashes": [2, 4], "color": {"color": "#bbb"},
                               "kg": style.edge_info("OPERATES_IN", _edge(graph, f, row.link, "OPERATES_IN"),
                                                     canvas.name(f), row.name)})
        else:
            canvas.add_node(f, label=_short(canvas.name(f)), x=fx, y=fy, shape="box",
                            widthConstraint={"maximum": CELL_W - 8}, font={"size": NAME_FONT},
                            color={"background": "#ffffff", "border": st["border"]}, borderWidth=1,
                            kg=style.node_info(graph, f, [f"本地企业 local firm on {row.name}"]))


def _draw_targets(canvas: _Canvas, i: int, row) -> None:
    """Targets above the link, dashed, joined to it."""
    graph, view = canvas.graph, canvas.view
    home = [t for t in row.targets if canvas.target_home.get(t) == i]
    shown, folded = top(graph, home, canvas.max_per_link)
    cols = _target_cols(len(shown) + bool(folded))
    offset = TARGET_SHIFT if _has_neighbours(row) else 0
    for j, t in enumerate(shown + (["fold"] if folded else [])):
        tx = canvas.xs[i] + offset + (j % cols - (cols - 1) / 2) * TARGET_W
        ty = -110 - (j // cols) * ROW_H
        if t == "fold":
            canvas.add_node(f"fold:{row.link}:targets", fold=True, label=fold_label(len(folded), "个目标"),
                            x=tx, y=ty, shape="ellipse", color=FOLD_LOOK, font={"size": 14},
                            kg=style.info("Folded", f"+{len(folded)} more targets for {row.name}",
                                          facts=[f"shown: top {len(shown)} by {MEASURE}"]))
            view.notes.append(f"{row.name}: {len(home):,} targets; {len(folded):,} folded.")
            continue
        fills = "、".join(r.name for r in canvas.links if t in r.targets)
        canvas.add_node(t, label=_short(canvas.name(t)), x=tx, y=ty, shape="box",
                        widthConstraint={"maximum": TARGET_W - 8}, font={"size": NAME_FONT, "color": "#4a235a"},
                        color=TARGET_LOOK, shapeProperties={"borderDashes": [5, 4]}, borderWidth=2,
                        kg=style.node_info(graph, t, ["招商目标 target: would fill " + fills]))
    for t in row.targets:
        if t in canvas.placed:
            view.edges.append({"from": t, "to": row.link, "dashes": [6, 5], "arrows": "to",
                               "color": {"color": TARGET_LOOK["border"]},
                               "kg": style.edge_info("TARGETS", _edge(graph, canvas.zone_id, t, "TARGETS"),
                                                     canvas.zone_name, canvas.name(t))})


def _draw_neighbours(canvas: _Canvas) -> None:
    """Neighbouring zones above the gaps they could fill (郑新协作)."""
    graph, links = canvas.graph, canvas.links
    zy = -110 - max(canvas.target_rows - 1, 0) * ROW_H - 100
    where: dict = {}
    for i, row in enumerate(links):
        if row.status == "covered":
            continue
        zones_there = {n for _, _, n in row.elsewhere if n and graph.node(n)["label"] == "Zone"}
        for pname, count, node in row.elsewhere:
            if node and graph.node(node)["label"] == "Region" and any(
                    graph.nx.has_edge(z, node, "IN_REGION") for z in zones_there):
                continue  # the zone in that city is drawn already
            where.setdefault(node or f"place:{pname}", (pname, []))[1].append((i, count))
    for k, (node, (pname, spots)) in enumerate(sorted(where.items(), key=lambda kv: kv[1][1][0][0])):
        # left of the link's targets, so the dashed line misses them
        cols = canvas.target_cols
        zx = sum(canvas.xs[i] - (cols[i] * TARGET_W / 2 - TARGET_SHIFT + 80 if cols[i] else 0)
                 for i, _ in spots) / len(spots)
        info = (style.node_info(graph, node) if node in graph else style.info("Zone", pname))
        info.setdefault("facts", []).extend(f"已有 has {c} firms on {links[i].name}" for i, c in spots)
        canvas.add_node(node, label=pname, x=zx, y=zy - (k % 3) * 46, shape="ellipse",
                        color=ZONE_LOOK, font={"size": NAME_FONT}, kg=info)
        for i, count in spots:
            canvas.view.edges.append({
                "from": node, "to": links[i].link, "dashes": [10, 6], "arrows": "to",
                "label": f"已有 {count} 家", "font": {"size": 13}, "color": {"color": ZONE_LOOK["border"]},
                "kg": style.info("协作 cooperation", f"{pname}: {count} firms on {links[i].name}")})


def _draw_chain_wide(canvas: _Canvas) -> None:
    """Targets meant for the whole chain, two columns left of the first link.

    At most :data:`CHAIN_WIDE_SHOWN` are drawn (best evidenced first); the rest fold into
    one "+N more" node whose tooltip names them, so a long list does not shrink the map.
    """
    if not canvas.chain_wide:
        return
    graph = canvas.graph
    shown, folded = top(graph, canvas.chain_wide, min(canvas.max_per_link, CHAIN_WIDE_SHOWN))
    right = (canvas.xs[0] if canvas.xs else 0) - LINK_W / 2 - GAP_X - TARGET_W / 2
    cols = 2 if len(shown) + bool(folded) > 1 else 1
    for j, t in enumerate(shown + (["fold"] if folded else [])):
        x, y = right - (cols - 1 - j % cols) * TARGET_W, -110 - (j // cols) * ROW_H
        if t == "fold":
            canvas.add_node("fold:chain:targets", fold=True, label=fold_label(len(folded), "个目标"), x=x, y=y,
                            shape="ellipse", color=FOLD_LOOK, font={"size": NAME_FONT},
                            kg=style.info("Folded", f"+{len(folded)} more whole-chain targets",
                                          facts=[canvas.name(n) for n in folded[:20]]
                                          + (["…"] if len(folded) > 20 else [])))
            canvas.view.notes.append(f"{len(canvas.chain_wide):,} whole-chain targets; "
                                     f"{len(folded):,} folded into “{fold_label(len(folded), '个目标')}”.")
            continue
        canvas.add_node(t, label=_short(canvas.name(t)), x=x, y=y, shape="box", color=TARGET_LOOK,
                        shapeProperties={"borderDashes": [5, 4]},
                        widthConstraint={"maximum": TARGET_W - 8},
                        font={"size": NAME_FONT, "color": "#4a235a"},
                        kg=style.node_info(graph, t, ["招商目标 target for the whole chain"]))


def _has_neighbours(row) -> bool:
    return row.status != "covered" and bool(row.elsewhere)


def _edge(graph, u, v, rel) -> dict:
    if u in graph and graph.nx.has_edge(u, v, rel):
        return graph.nx.edges[u, v, rel]
    return {}


def _target_scopes(raw: list):
    """A predicate (link name, target name) → does the row's evidence put the target on the link."""
    scoped = {}
    for row in raw:
        for ev in row.get("evidence") or []:
            role = str(ev.get("role", ""))
            if role.startswith("target"):
                scoped[(row["link"], ev.get("name"))] = "chain" not in role
    return lambda link, name: scoped.get((link, name), True)


def legend() -> list:
    """Legend entries: link statuses, then the kinds of nodes."""
    items = []
    for status, st in style.STATUS.items():
        items.append(({"background": st["background"], "border-color": st["border"]},
                      f"环节 link: {st['zh']} {st['en']}"))
    items += [
        ({"background": "#fff", "border-color": "#c0392b", "border-style": "dashed"},
         "断链 broken: a gap between covered links"),
        ({"background": "#fff", "border-color": "#34495e"}, "本地企业 local firm"),
        ({"background": PLATFORM_LOOK["background"], "border-color": PLATFORM_LOOK["border"],
          "transform": "rotate(45deg) scale(.6)"}, "平台 platform supporting the link"),
        ({"background": TARGET_LOOK["background"], "border-color": TARGET_LOOK["border"],
          "border-style": "dashed"}, "招商目标 target firm (dashed)"),
        ({"background": ZONE_LOOK["background"], "border-color": ZONE_LOOK["border"],
          "border-radius": "50%"}, "邻区 zone that has firms on a gap"),
        ({"background": FOLD_LOOK["background"], "border-color": FOLD_LOOK["border"],
          "border-radius": "50%"}, "…及其他 N 家 folded firms"),
    ]
    return items


def chain_map(graph, chain: str, zone: str, *, max_per_link: int = DEFAULT_MAX_PER_LINK,
              weak_below: int = 1, rows: list | None = None) -> str:
    """The chain map of ``chain`` for ``zone`` as one offline HTML page.

    ``rows`` are ``kg.queries.chain_gaps`` rows (computed when None).
    """
    return chain_view(graph, chain, zone, max_per_link=max_per_link, weak_below=weak_below,
                      rows=rows).html()
