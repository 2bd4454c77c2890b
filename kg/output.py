"""Render rows (lists of dicts) as a table, JSON, CSV or Markdown.

Every listing command renders through :func:`render`, so ``--format`` means the same
everywhere. CSV and Markdown cells that a spreadsheet would run as a formula are
neutralised.

>>> print(render([{"link": "传感器", "status": "gap"}], "md"))
| link | status |
| --- | --- |
| 传感器 | gap |
>>> safe_cell("=cmd|' /C calc'!A0")
"'=cmd|' /C calc'!A0"
"""
from __future__ import annotations

import csv
import io
import json
import unicodedata

FORMATS = ("table", "json", "csv", "md")
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value) -> str:
    """A cell for CSV or Excel: text starting with = + - @ gets a leading quote."""
    text = cell_text(value)
    if text.startswith(_FORMULA_START) and not _is_number(text):
        return "'" + text
    return text


def _is_number(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True


def cell_text(value) -> str:
    """A value as one line of text: lists joined with 、, None as empty."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float):
        return f"{value:.3g}"
    if isinstance(value, (list, tuple)):
        return "、".join(cell_text(v) for v in value)
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False, sort_keys=True)
    return str(value)


def columns_of(rows: list) -> list:
    """Column names in first-seen order."""
    cols: dict = {}
    for row in rows:
        for key in row:
            cols.setdefault(key, None)
    return list(cols)


def width(text: str) -> int:
    """Display width: CJK characters take two columns."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _pad(text: str, size: int) -> str:
    return text + " " * (size - width(text))


def render(rows: list, fmt: str = "table", *, columns: list | None = None,
           max_cell: int = 60) -> str:
    """Rows as text in ``fmt`` (table, json, csv, md)."""
    if fmt == "json":
        return json.dumps(rows, ensure_ascii=False, indent=2, default=str)
    cols = columns or columns_of(rows)
    if fmt == "csv":
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\n")
        writer.writerow(cols)
        for row in rows:
            writer.writerow([safe_cell(row.get(c)) for c in cols])
        return buffer.getvalue().rstrip("\n")
    if fmt == "md":
        def esc(text):
            return text.replace("|", "\\|").replace("\n", " ")
        lines = ["| " + " | ".join(esc(c) for c in cols) + " |",
                 "| " + " | ".join("---" for _ in cols) + " |"]
        # a Markdown table pasted into a spreadsheet runs formulas too: quote them as in CSV
        lines += ["| " + " | ".join(esc(safe_cell(r.get(c))) for c in cols) + " |" for r in rows]
        return "\n".join(lines)
    if fmt != "table":
        raise ValueError(f"unknown format {fmt!r}; known: {', '.join(FORMATS)}")
    if not rows:
        return "(no rows)"

    def clip(text):
        text = text.replace("\n", " ")
        while width(text) > max_cell:
            text = text[:-2] + "…"
        return text
    cells = [[clip(cell_text(r.get(c))) for c in cols] for r in rows]
    sizes = [max([width(c)] + [width(row[i]) for row in cells]) for i, c in enumerate(cols)]
    lines = ["  ".join(_pad(c, s) for c, s in zip(cols, sizes)).rstrip(),
             "  ".join("-" * s for s in sizes)]
    lines += ["  ".join(_pad(c, s) for c, s in zip(row, sizes)).rstrip() for row in cells]
    return "\n".join(lines)
