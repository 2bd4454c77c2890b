"""Write a report as one self-contained HTML page (charts inlined as PNG data).

The page reads like a briefing: a title band, key figures, the gap list with its
recommended targets, then each chain (chart, map link, table) and the evidence.
Every name is escaped; each fact links to its evidence row.

>>> esc("<b>A&B</b>")
'&lt;b&gt;A&amp;B&lt;/b&gt;'
"""
from __future__ import annotations

import base64
import html
from pathlib import Path

from kg.atomic import write_text
from kg.labels import STATUS_ZH
from kg.reports.model import (EVIDENCE_COLUMNS, FACT_KEYS, GAP_COLUMNS, LINK_COLUMNS,
                              STAGE_ZH, Report, anchor, more_text)

KEY_FIGURES = ("本地企业数", "本地创新平台数", "招商目标企业数", "缺链环节数", "薄弱环节数", "未知环节数")

CSS = """
:root { --ink:#1d2733; --muted:#5b6673; --line:#d5dbe3; --brand:#1f4e79; --gap:#c0392b;
        --weak:#e67e22; --ok:#2e6da4; }
* { box-sizing: border-box; }
body { margin:0; background:#eef1f5; color:var(--ink);
       font-family:"WenQuanYi Micro Hei","Noto Sans CJK SC","PingFang SC","Microsoft YaHei",sans-serif;
       font-size:13px; line-height:1.55; }
main { max-width:1000px; margin:0 auto; background:#fff; padding:0 0 32px; }
header.band { background:var(--brand); color:#fff; padding:26px 40px 20px; }
header.band .kicker { font-size:12px; letter-spacing:.2em; opacity:.85; }
header.band h1 { margin:6px 0 4px; font-size:26px; font-weight:600; }
header.band .meta { font-size:12.5px; opacity:.9; }
section { padding:4px 40px; }
h2 { font-size:17px; color:var(--brand); border-bottom:2px solid var(--brand);
     padding-bottom:4px; margin:22px 0 12px; }
h3 { font-size:15px; margin:18px 0 8px; }
.figures { display:flex; gap:12px; margin:18px 0 6px; }
.figure { flex:1; border:1px solid var(--line); border-radius:6px; padding:10px 12px;
          border-top:4px solid var(--ok); }
.figure.alert { border-top-color:var(--gap); }
.figure .n { font-size:26px; font-weight:600; }
.figure .t { color:var(--muted); font-size:12px; }
table { border-collapse:collapse; width:100%; margin:6px 0 10px; }
th, td { border:1px solid var(--line); padding:5px 7px; text-align:left; vertical-align:top; }
th { background:#f2f5f9; font-weight:600; white-space:nowrap; }
table.summary th { width:130px; }
.status-gap { color:var(--gap); font-weight:600; }
.status-weak { color:var(--weak); font-weight:600; }
.status-covered { color:var(--ok); }
.status-unknown { color:var(--muted); font-weight:600; }
tr.row-gap td { background:#fdf3f2; }
a { color:#0b5cad; text-decoration:none; }
a:hover { text-decoration:underline; }
.why { color:var(--muted); font-size:12px; }
.empty { color:#a0a8b2; }
img.chart { width:100%; max-width:860px; border:1px solid var(--line); border-radius:4px; }
.maplink, .panolink { font-size:12.5px; margin:4px 0 8px; }
.note { color:var(--muted); font-size:12px; }
table.evidence td:nth-child(8) { font-size:12px; }
footer { padding:14px 40px 0; color:var(--muted); font-size:11.5px; }
@media print { body { background:#fff; } main { max-width:none; }
               section.chain, section.evidence { break-before:page; } }
"""


def esc(value) -> str:
    """HTML-escaped text (None as empty)."""
    return html.escape("" if value is None else str(value))


def facts_html(facts: list) -> str:
    """Fact names, each linked to its evidence row, candidates with their reason."""
    parts = []
    for fact in facts:
        text = esc(fact["name"])
        if fact.get("evidence"):
            text = f'<a href="#{esc(anchor(fact["evidence"]))}" title="证据 {esc(fact["evidence"])}">{text}</a>'
        if fact.get("why"):
            text += f' <span class="why">（{esc(fact["why"])}）</span>'
        parts.append(text)
    return "、".join(parts) or '<span class="empty">—</span>'


def cell_html(row: dict, key: str) -> str:
    """One table cell's inner HTML for a report row."""
    value = row.get(key)
    if key in FACT_KEYS:
        more = esc(more_text(row, key))
        return facts_html(value or []) + more if value or not more else more
    if key == "status":
        return f'<span class="status-{esc(value)}">{esc(STATUS_ZH.get(value, value))}</span>'
    if key == "stage":
        return esc(STAGE_ZH.get(value, value))
    if isinstance(value, list):
        return esc("、".join(str(v) for v in value)) or '<span class="empty">—</span>'
    return esc(value) if value not in (None, "") else '<span class="empty">—</span>'


def table_html(columns, rows, *, css: str = "", row_ids: bool = False) -> str:
    """A table of report rows."""
    head = "".join(f"<th>{esc(h)}</th>" for _, h in columns)
    body = []
    for row in rows:
        attrs = f' class="row-{esc(row["status"])}"' if row.get("status") == "gap" else ""
        if row_ids and row.get("id"):
            attrs += f' id="{esc(anchor(row["id"]))}"'
        body.append(f"<tr{attrs}>" + "".join(f"<td>{cell_html(row, k)}</td>" for k, _ in columns)
                    + "</tr>")
    return f'<table class="{esc(css)}"><thead><tr>{head}</tr></thead><tbody>{"".join(body)}</tbody></table>'


def render(report: Report) -> str:
    """The report as one HTML page."""
    from kg.reports.charts import chain_chart

    value = {r["item"]: r["value"] for r in report.summary}
    meta = " · ".join(esc(p) for p in (value.get("所在地区"), f"图谱构建日期 {report.built}"
                                         if report.built else "") if p)
    figures = "".join(
        f'<div class="figure{" alert" if name in KEY_FIGURES[3:] and value.get(name) else ""}">'
        f'<div class="n">{esc(value[name])}</div><div class="t">{esc(name[:-1])}</div></div>'
        for name in KEY_FIGURES if name in value and (name != "未知环节数" or value[name]))
    summary_rows = "".join(f"<tr><th>{esc(r['item'])}</th><td>{esc(r['value'])}</td></tr>"
                           for r in report.summary)
    parts = [
        "<!DOCTYPE html>", '<html lang="zh-CN"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{esc(report.title)}</title><style>{CSS}</style></head><body><main>",
        '<header class="band"><div class="kicker">产业链招商工作简报</div>',
        f"<h1>{esc(report.title)}</h1><div class=\"meta\">{meta}</div></header>",
        (f'<div class="panolink"><a href="{esc(report.panorama)}">打开产业链全景图（所列产业链一页总览）</a>'
         "</div>" if report.panorama else ""),
        f'<section class="summary"><div class="figures">{figures}</div>',
        f'<h2>一、概况</h2><table class="summary"><tbody>{summary_rows}</tbody></table></section>',
        '<section class="gaps"><h2>二、缺链环节与招商建议（按链段）</h2>',
        table_html(GAP_COLUMNS, report.gaps, css="gaps") if report.gaps
        else '<p class="note">所列产业链无缺链、薄弱环节。</p>',
        '<p class="note">缺链：登记库覆盖本区而本区没有企业从事该环节；薄弱：本地企业少于阈值或区位熵低于1；'
        '未知：本区没有已知企业，但没有登记库覆盖本区，无法断定缺链。'
        '招商目标为文件点名的企业，候选企业来自企业登记库并注明入选理由；点击名称查看证据。</p></section>',
    ]
    for n, section in enumerate(report.chains, 1):
        parts.append('<section class="chain">' + ("<h2>三、产业链分环节</h2>" if n == 1 else ""))
        parts.append(f"<h3>{n}. {esc(section['chain'])}</h3>")
        if section["links"]:
            png = base64.b64encode(chain_chart(section["chain"], section["links"])).decode("ascii")
            parts.append(f'<img class="chart" alt="{esc(section["chain"])}：各环节本地企业，缺链标红" '
                         f'src="data:image/png;base64,{png}">')
        if section.get("map"):
            parts.append(f'<div class="maplink"><a href="{esc(section["map"])}">'
                         f'打开产业链图谱（交互式）：{esc(section["chain"])}</a></div>')
        parts.append(table_html(LINK_COLUMNS, section["links"], css="links"))
        parts.append("</section>")
    parts += ['<section class="evidence"><h2>四、证据</h2>',
              '<p class="note">表中每一项事实对应的来源文件与原文，或企业登记库的行号。</p>',
              table_html(EVIDENCE_COLUMNS, report.evidence, css="evidence", row_ids=True),
              "</section>",
              f"<footer>{esc(report.title)} · 由 kg report 生成</footer></main></body></html>"]
    return "\n".join(parts)


def write(report: Report, path, *, assets=None) -> list:
    """Write ``report`` to ``path`` (.html); returns the files written."""
    path = Path(path)
    write_text(path, render(report))
    return [path]
