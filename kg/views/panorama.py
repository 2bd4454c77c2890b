"""The chain panorama (产业链全景图): every chain of a zone on one printable page.

For a zone, each chain its documents name (the chains of the industries it DEVELOPS,
else every chain with links; or the chains the user picks) is one row of its links,
upstream → downstream. Each link is coloured by status and shows its count of local
firms, the top firms and platforms on it; beside the row stand the chain's targets
and the neighbouring zones that have firms where the zone has few or none. Plain HTML
and CSS (no script, no CDN): readable at 1400×900 with text of at least 12 px, and
printable on A4 landscape. Up to :data:`PER_PAGE` chains go on one page.

>>> from kg.queries.fixtures import sensor_graph
>>> pages = panorama_pages(sensor_graph(), "郑州高新区")
>>> len(pages), "产业链全景图" in pages[0], "<script" in pages[0]
(1, True, False)
"""
from __future__ import annotations

from dataclasses import dataclass, field

from kg.labels import STATUS_ZH
from kg.views import style
from kg.views.page import escape

PER_PAGE = 8
TOP_FIRMS, TOP_PLATFORMS, TOP_SIDE = 3, 2, 6


@dataclass
class ChainRow:
    """One chain of the panorama: its links' rows (``chain_gaps`` shape) and what stands beside."""

    chain: str
    links: list
    targets: list = field(default_factory=list)     # (name, [link names])
    neighbours: list = field(default_factory=list)  # (place name, firms, [link names])


def zone_chains(graph, zone_id: str, chains=()) -> list:
    """Chain ids to draw: those given, else those the zone's documents name (as reports do)."""
    from kg.reports.model import report_chains

    if chains:
        return [graph.find(c, "Chain") for c in chains]
    return report_chains(graph, zone_id)


def chain_row(graph, chain_id: str, zone: str, *, weak_below: int = 1) -> ChainRow:
    """The panorama row of one chain for a zone, from :func:`kg.queries.chain_gaps`."""
    from kg.queries import chain_gaps

    name = graph.node(chain_id)["name"]
    rows = chain_gaps(graph, name, zone, weak_below=weak_below, candidates=0)
    targets: dict = {}
    neighbours: dict = {}
    for row in rows:
        for target in row.get("targets") or []:
            targets.setdefault(target, []).append(row["link"])
        if row.get("status") == "covered":
            continue
        for item in row.get("elsewhere") or []:
            place, _, count = str(item).rpartition(" (")
            firms = int(count.rstrip(")")) if count.rstrip(")").isdigit() else 0
            entry = neighbours.setdefault(place or str(item), [0, []])
            entry[0] += firms
            entry[1].append(row["link"])
    return ChainRow(name, rows, sorted(targets.items()),
                    sorted(((p, n, ls) for p, (n, ls) in neighbours.items()),
                           key=lambda t: (-t[1], t[0])))


def panorama_pages(graph, zone: str, chains=(), *, weak_below: int = 1,
                   per_page: int = PER_PAGE, names=None) -> list:
    """The panorama as HTML pages of up to ``per_page`` chains each.

    ``names`` gives the file name of each page (for the links between pages).
    """
    from kg.views.rows import place_node

    zone_id = place_node(graph, zone)
    zone_name = graph.node(zone_id)["name"]
    rows = [chain_row(graph, c, zone_name, weak_below=weak_below)
            for c in zone_chains(graph, zone_id, chains)]
    chunks = [rows[i:i + per_page] for i in range(0, len(rows), per_page)] or [[]]
    names = names or [f"panorama-{n}.html" for n in range(1, len(chunks) + 1)]
    return [page_html(zone_name, chunk, n, names) for n, chunk in enumerate(chunks)]


def _firm_list(items, limit: int, cls: str, total: int | None = None) -> str:
    """The first ``limit`` names and "…及其他 N" for the rest of ``total`` (default: all items)."""
    shown = "".join(f'<li class="{cls}">{escape(name)}</li>' for name in items[:limit])
    total = len(items) if total is None else max(total, len(items))
    if total > limit:
        shown += f'<li class="more">…及其他 {total - limit} {"家" if cls == "firm" else "个"}</li>'
    return shown


def link_html(row: dict) -> str:
    """One link box: position and name, status and local firm count, top firms and platforms."""
    status = row.get("status") or "unknown"
    look = style.STATUS.get(status, style.STATUS["unknown"])
    firms, platforms = row.get("local_firms") or [], row.get("local_platforms") or []
    word = STATUS_ZH.get(status, status) + (" · 断链" if row.get("broken") else "")
    css = f"background:{look['background']};border-color:{look['border']}"
    return (f'<div class="link s-{escape(status)}{" broken" if row.get("broken") else ""}" '
            f'style="{css}"><div class="lname">{escape(row.get("position", ""))}. '
            f'{escape(row.get("link", ""))}</div>'
            f'<div class="lstatus">{escape(word)} · {row.get("count", len(firms))} 家</div>'
            f'<ul>{_firm_list(firms, TOP_FIRMS, "firm", row.get("count"))}'
            f'{_firm_list(platforms, TOP_PLATFORMS, "platform")}</ul></div>')


def beside_html(chain: ChainRow) -> str:
    """Targets and neighbouring zones of a chain, for the column beside its links."""
    parts = ['<div class="beside">']
    if chain.targets:
        items = "".join(f"<li>{escape(name)}<span class=\"for\">（{escape('、'.join(links))}）"
                        f"</span></li>" for name, links in chain.targets[:TOP_SIDE])
        more = len(chain.targets) - TOP_SIDE
        items += f'<li class="more">…及其他 {more} 家</li>' if more > 0 else ""
        parts.append(f"<h3>招商目标</h3><ul>{items}</ul>")
    if chain.neighbours:
        items = "".join(f"<li>{escape(place)}<span class=\"for\">（{n} 家：{escape('、'.join(links))}）"
                        f"</span></li>" for place, n, links in chain.neighbours[:TOP_SIDE])
        parts.append(f"<h3>周边可协作</h3><ul>{items}</ul>")
    if len(parts) == 1:
        parts.append('<p class="none">暂无招商目标与周边协作线索</p>')
    return "".join(parts) + "</div>"


def chain_html(chain: ChainRow) -> str:
    """One row of the panorama: the chain's name and counts, its links, what stands beside."""
    counts = {s: sum(1 for r in chain.links if r.get("status") == s) for s in STATUS_ZH}
    summary = "、".join(f"{STATUS_ZH[s]} {n}" for s, n in counts.items() if n)
    links = '<span class="arrow">→</span>'.join(link_html(r) for r in chain.links)
    return (f'<section class="chain"><div class="cname"><h2>{escape(chain.chain)}</h2>'
            f'<p>{len(chain.links)} 个环节<br>{escape(summary)}</p></div>'
            f'<div class="links" style="--n:{max(len(chain.links), 1)}">{links or "（无环节）"}</div>'
            f"{beside_html(chain)}</section>")


def page_html(zone: str, chains: list, number: int, names: list) -> str:
    """One page of the panorama."""
    legend = "".join(f'<span class="key" style="background:{look["background"]};'
                     f'border-color:{look["border"]}">{escape(STATUS_ZH.get(s, s))}</span>'
                     for s, look in style.STATUS.items())
    nav = ""
    if len(names) > 1:
        nav = "<nav>" + " ".join(
            f"<b>第 {n + 1} 页</b>" if n == number else f'<a href="{escape(name)}">第 {n + 1} 页</a>'
            for n, name in enumerate(names)) + "</nav>"
    body = "".join(chain_html(c) for c in chains) or '<p class="none">图谱中没有该区的产业链</p>'
    return TEMPLATE.format(title=escape(f"{zone} 产业链全景图"), legend=legend, nav=nav,
                           body=body, css=CSS.replace("FONTS", style_fonts()))


def style_fonts() -> str:
    from kg.views.page import CJK_FONTS

    return CJK_FONTS


def write_panorama(graph, zone: str, output, chains=(), *, weak_below: int = 1) -> list:
    """Write the panorama to ``output`` (and ``NAME-2.html`` … for more chains); returns paths."""
    from pathlib import Path

    from kg.atomic import write_text

    output = Path(output)
    count = len(zone_chains(graph, _zone_id(graph, zone), chains))
    n_pages = max(1, -(-count // PER_PAGE))
    names = [output.name] + [f"{output.stem}-{n}{output.suffix}" for n in range(2, n_pages + 1)]
    pages = panorama_pages(graph, zone, chains, weak_below=weak_below, names=names)
    paths = []
    for name, text in zip(names, pages):
        path = output.with_name(name)
        write_text(path, text)
        paths.append(path)
    return paths


def _zone_id(graph, zone: str) -> str:
    from kg.views.rows import place_node

    return place_node(graph, zone)


CSS = """
@page { size: A4 landscape; margin: 8mm; }
* { box-sizing: border-box; }
body { margin: 0; padding: 12px 16px; font-family: FONTS; font-size: 13px; color: #222; }
header { display: flex; align-items: baseline; gap: 16px; flex-wrap: wrap; margin-bottom: 8px; }
h1 { font-size: 22px; margin: 0; }
.legend { font-size: 13px; }
.key { display: inline-block; padding: 1px 8px; margin-right: 4px; border: 2px solid; border-radius: 4px; }
nav { font-size: 13px; } nav a { margin-right: 6px; }
.chain { display: grid; grid-template-columns: 128px minmax(0, 1fr) 220px; gap: 10px;
  border-top: 1px solid #bbb; padding: 8px 0; break-inside: avoid; page-break-inside: avoid; }
.cname h2 { font-size: 17px; margin: 0 0 4px; }
.cname p { margin: 0; color: #555; font-size: 12px; }
.links { display: flex; align-items: stretch; gap: 0; min-width: 0; flex-wrap: wrap; row-gap: 6px; }
.link { flex: 1 1 0; min-width: 112px; border: 2px solid; border-radius: 6px; padding: 4px 6px;
  overflow: hidden; }
.link.broken { border-style: dashed; border-width: 3px; }
.link.s-gap, .link.s-weak { border-width: 3px; }
.lname { font-weight: bold; font-size: 14px; overflow-wrap: anywhere; }
.lstatus { font-size: 13px; margin: 2px 0 3px; }
.link ul, .beside ul { margin: 0; padding: 0; list-style: none; }
.link li { font-size: 12px; line-height: 1.3; white-space: nowrap; overflow: hidden;
  text-overflow: ellipsis; }
.link li.platform::before { content: "◆ "; color: #117a65; }
.link li.more, .beside li.more { color: #555; }
.arrow { align-self: center; font-size: 16px; color: #444; padding: 0 3px; flex: none; }
.beside { font-size: 12px; border-left: 3px solid #7d3c98; padding-left: 8px; min-width: 0; }
.beside h3 { font-size: 13px; margin: 0 0 2px; }
.beside h3 + ul { margin-bottom: 4px; }
.beside li { overflow-wrap: anywhere; }
.beside .for { color: #666; }
.none { color: #666; font-size: 12px; margin: 0; }
@media print { body { padding: 0; } nav { display: none; } }
"""

TEMPLATE = """<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title}</title>
<style>{css}</style>
</head>
<body>
<header><h1>{title}</h1><div class="legend">{legend} <span class="key" style="border-style:dashed">断链</span>
 ◆ 平台 · 上游 → 下游</div>{nav}</header>
{body}
</body>
</html>
"""
