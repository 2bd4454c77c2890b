"""Write a report as Markdown, with each chain's chart as a PNG beside it.

``report.md`` links its charts (and chain maps, when made) in ``report-files/``.
Every name is escaped (HTML entities, then Markdown punctuation), and each fact
links to its row in the evidence section.

>>> md_escape("A|B *C* <x>")
'A\\\\|B \\\\*C\\\\* &lt;x&gt;'
"""
from __future__ import annotations

import html
import re
from pathlib import Path

from kg.atomic import write_text
from kg.output import safe_cell
from kg.labels import STATUS_ZH
from kg.reports.model import (EVIDENCE_COLUMNS, FACT_KEYS, GAP_COLUMNS, LINK_COLUMNS,
                              STAGE_ZH, Report, anchor, more_text)

_MD_SPECIAL = re.compile(r"([\\`*_\[\]|#!~{}])")


def md_escape(value) -> str:
    """Text safe inside a Markdown table cell: no markup, no HTML, one line."""
    text = html.escape(safe_cell("" if value is None else str(value)), quote=False)
    return _MD_SPECIAL.sub(r"\\\1", text).replace("\r", " ").replace("\n", " ")


def facts_md(facts: list) -> str:
    """Fact names, each linked to its evidence row."""
    parts = []
    for fact in facts:
        text = md_escape(fact["name"])
        if fact.get("evidence"):
            text = f"[{text}](#{anchor(fact['evidence'])})"
        if fact.get("why"):
            text += f"（{md_escape(fact['why'])}）"
        parts.append(text)
    return "、".join(parts) or "—"


def cell_md(row: dict, key: str) -> str:
    """One table cell of a report row."""
    value = row.get(key)
    if key in FACT_KEYS:
        more = md_escape(more_text(row, key))
        return facts_md(value or []) + more if value or not more else more
    if key == "status":
        text = md_escape(STATUS_ZH.get(value, value))
        return f"**{text}**" if value in ("gap", "weak") else text
    if key == "stage":
        return md_escape(STAGE_ZH.get(value, value))
    if key == "id":
        return f'<a id="{anchor(value)}"></a>{md_escape(value)}'
    if isinstance(value, list):
        return md_escape("、".join(str(v) for v in value)) or "—"
    return md_escape(value) if value not in (None, "") else "—"


def table_md(columns, rows) -> list:
    """Markdown table lines."""
    lines = ["| " + " | ".join(h for _, h in columns) + " |",
             "| " + " | ".join("---" for _ in columns) + " |"]
    lines += ["| " + " | ".join(cell_md(r, k) for k, _ in columns) + " |" for r in rows]
    return lines


def write(report: Report, path, *, assets=None) -> list:
    """Write ``report`` to ``path`` (.md) and its charts to ``assets``; returns the files."""
    from kg.reports.charts import chain_chart

    path = Path(path)
    assets = Path(assets) if assets else path.with_name(path.stem + "-files")
    written = []
    lines = [f"# {md_escape(report.title)}", ""]
    if report.built:
        lines += [f"图谱构建日期：{md_escape(report.built)}", ""]
    if report.panorama:
        lines += [f"[产业链全景图（所列产业链一页总览）]({report.panorama})", ""]
    lines += ["## 一、概况", "", "| 项目 | 内容 |", "| --- | --- |"]
    lines += [f"| {md_escape(r['item'])} | {md_escape(r['value'])} |" for r in report.summary]
    lines += ["", "## 二、缺链环节与招商建议（按链段）", ""]
    lines += table_md(GAP_COLUMNS, report.gaps) if report.gaps else ["（所列产业链无缺链、薄弱环节）"]
    lines += ["", "## 三、产业链分环节", ""]
    for n, section in enumerate(report.chains, 1):
        lines += [f"### {n}. {md_escape(section['chain'])}", ""]
        if section["links"]:
            assets.mkdir(parents=True, exist_ok=True)
            chart = assets / f"chain-{n}.png"
            chart.write_bytes(chain_chart(section["chain"], section["links"]))
            written.append(chart)
            rel = chart.relative_to(path.parent).as_posix()
            lines += [f"![{md_escape(section['chain'])}：各环节本地企业，缺链标红]({rel})", ""]
        if section.get("map"):
            lines += [f"[产业链图谱（交互式）：{md_escape(section['chain'])}]({section['map']})", ""]
        lines += table_md(LINK_COLUMNS, section["links"]) + [""]
    lines += ["## 四、证据", "", "表中每一项事实对应的原文（或登记库行号）。", ""]
    lines += table_md(EVIDENCE_COLUMNS, report.evidence)
    write_text(path, "\n".join(lines) + "\n")
    return [path, *written]
