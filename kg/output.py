"""Render rows (lists of dicts) as a table, JSON, CSV, Markdown, HTML or an Excel workbook.

Every listing command renders through :func:`render` (text) or :func:`write_rows` (a
file, format from its suffix), so ``--format`` means the same everywhere. Human formats
(table, md, html, xlsx, csv) show Chinese headers and words (:mod:`kg.labels`); JSON and
``csv`` with ``keys="en"`` keep the rows' English keys. Cells a spreadsheet would run
as a formula are neutralised; Markdown and HTML escape markup.

>>> print(render([{"link": "传感器", "status": "gap"}], "md"))
| 环节 | 状态 |
| --- | --- |
| 传感器 | 缺链 |
>>> safe_cell("=cmd|' /C calc'!A0")
"'=cmd|' /C calc'!A0"
>>> cell_text(sized([{"firms": ["甲", "乙", "丙"]}], top=2)[0]["firms"])
'甲、乙…及其他 1 家'
"""
from __future__ import annotations

import csv
import html
import io
import json
import re
from pathlib import Path

from kg.errors import KGError
from kg.labels import headers, value_words
from kg.termtable import display_width as width  # noqa: F401  (kept for callers)
from kg.termtable import table

FORMATS = ("table", "json", "csv", "md")           # text formats (stdout or file)
FILE_FORMATS = FORMATS + ("html", "xlsx")          # what ``-o FILE`` can write
SUFFIXES = {".xlsx": "xlsx", ".csv": "csv", ".md": "md", ".markdown": "md", ".json": "json",
            ".html": "html", ".htm": "html", ".txt": "table"}
TOP = 10  # names a cell lists before "…及其他 N 家"
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_MD_SPECIAL = re.compile(r"([\\`*_\[\]|#!~{}])")
# what a cut list counts: firms by 家, platforms by 个, anything else by 项
_UNITS = {"local_firms": "家", "candidates": "家", "targets": "家", "firms": "家",
          "local_platforms": "个", "platforms": "个"}
# columns a narrow terminal leaves out first (most dispensable first)
DROP_ORDER = ("evidence", "lq_formula", "covered_by", "sources", "id", "aliases", "more",
              "elsewhere", "lq", "stage", "local_platforms", "targets", "broken")


class OutputFormatError(KGError):
    """A file name whose suffix names no output format."""

    exit_code = 2


class Clipped(list):
    """A list cut to its first names; ``more`` counts the rest (JSON sees a plain list)."""

    def __init__(self, items, more: int, unit: str = "项"):
        super().__init__(items)
        self.more, self.unit = more, unit


def format_for(path, given: str | None = None) -> str:
    """The format to write ``path`` in: ``given`` when set, else its suffix's.

    >>> format_for("gaps.xlsx"), format_for("gaps.xlsx", "csv"), format_for("a.MD")
    ('xlsx', 'csv', 'md')
    """
    if given:
        return given
    suffix = Path(path).suffix.lower()
    if suffix not in SUFFIXES:
        raise OutputFormatError(
            f"cannot tell the format of {Path(path).name!r} from its suffix "
            f"{suffix or '(none)'}; use one of {', '.join(sorted(SUFFIXES))} or --format")
    return SUFFIXES[suffix]


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
    if isinstance(value, Clipped):
        return "、".join(cell_text(v) for v in value) + f"…及其他 {value.more} {value.unit}"
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


def sized(rows: list, top: int | None = TOP) -> list:
    """Rows whose lists hold at most ``top`` items (None: all); a cut row gains ``more``.

    ``more`` maps each cut key to how many items were left out (a :class:`Clipped`
    value's own ``more`` included); ``evidence`` keeps only the records of names still
    shown. Linear in the rows' size.

    >>> sized([{"firms": Clipped(["甲", "乙"], 40, "家")}], top=1)[0]["more"]
    {'firms': 41}
    """
    if top is None:
        return rows
    out = []
    for row in rows:
        more, shown = {}, set()
        new = dict(row)
        for key, value in row.items():
            if key == "evidence" or not isinstance(value, list):
                continue
            # a list read cut already (an answer index's head) counts what it left out
            left = max(len(value) - top, 0) + getattr(value, "more", 0)
            if left:
                new[key] = Clipped(value[:top], left, _UNITS.get(key, "项"))
                more[key] = left
            shown.update(v.split(" — ", 1)[0] for v in new[key] if isinstance(v, str))
        evidence = row.get("evidence")
        if more and isinstance(evidence, list):
            new["evidence"] = [e for e in evidence
                               if not isinstance(e, dict) or e.get("name", "") in shown
                               or "name" not in e]
        if more:
            new["more"] = more
        out.append(new)
    return out


def md_escape(value) -> str:
    """Text safe in a Markdown table cell: no HTML, no markup, no formula, one line.

    >>> md_escape('<img src=x onerror=alert(1)>|*b*')
    '&lt;img src=x onerror=alert(1)&gt;\\\\|\\\\*b\\\\*'
    """
    text = html.escape(safe_cell(value), quote=False)
    return _MD_SPECIAL.sub(r"\\\1", text).replace("\r", " ").replace("\n", " ")


def _human(rows: list, cols: list, lang: str) -> tuple:
    """(headers, rows of values) in the reader's words; ``more`` is shown inside the cells."""
    cols = [c for c in cols if c != "more"]
    return headers(cols, lang), [[value_words(c, row.get(c), lang) for c in cols] for row in rows]


def render(rows: list, fmt: str = "table", *, columns: list | None = None, lang: str = "zh",
           keys: str | None = None, screen: int | None = None, top: int | None = TOP) -> str:
    """Rows as text in ``fmt`` (table, json, csv, md, html).

    ``lang`` (zh, en) picks the words of human formats; ``keys="en"`` makes CSV a
    machine format (English keys, raw values); ``screen`` is the terminal width a
    table must fit (None: as wide as it needs); ``top`` cuts long lists (None: all).
    """
    rows = sized(rows, top)
    if fmt == "json":
        return json.dumps(rows, ensure_ascii=False, indent=2, default=str)
    cols = columns or columns_of(rows)
    if columns and any("more" in r for r in rows) and "more" not in cols:
        cols = [*cols, "more"]
    if fmt == "csv":
        return _csv(rows, cols, lang, keys)
    if fmt in ("md", "html"):
        heads, cells = _human(rows, cols, lang)
        return _markdown(heads, cells) if fmt == "md" else html_page(heads, cells)
    if fmt != "table":
        raise ValueError(f"unknown format {fmt!r}; known: {', '.join(FORMATS)}, html")
    if not rows:
        return "（无结果）" if lang != "en" else "(no rows)"
    heads, cells = _human(rows, cols, lang)
    shown = [c for c in cols if c != "more"]
    drops = [shown.index(c) for c in DROP_ORDER if c in shown]
    return table(heads, [[cell_text(v) for v in row] for row in cells], screen=screen,
                 drop_order=drops, lang=lang)


def _csv(rows: list, cols: list, lang: str, keys: str | None) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    if keys == "en":
        writer.writerow(cols)
        for row in rows:
            writer.writerow([safe_cell(row.get(c)) for c in cols])
    else:
        heads, cells = _human(rows, cols, lang)
        writer.writerow(heads)
        writer.writerows([safe_cell(v) for v in row] for row in cells)
    return buffer.getvalue().rstrip("\n")


def _markdown(heads: list, cells: list) -> str:
    lines = ["| " + " | ".join(md_escape(h) for h in heads) + " |",
             "| " + " | ".join("---" for _ in heads) + " |"]
    # a Markdown table pasted into a spreadsheet runs formulas too: md_escape quotes them
    lines += ["| " + " | ".join(md_escape(v) for v in row) + " |" for row in cells]
    return "\n".join(lines)


def html_page(heads: list, cells: list, title: str = "kg") -> str:
    """A standalone HTML page holding one table; every cell escaped."""
    esc = html.escape
    body = "".join("<tr>" + "".join(f"<td>{esc(cell_text(v))}</td>" for v in row) + "</tr>\n"
                   for row in cells)
    return ("<!DOCTYPE html>\n<html lang=\"zh-CN\"><head><meta charset=\"utf-8\">"
            f"<title>{esc(title)}</title><style>body{{font-family:sans-serif;font-size:14px}}"
            "table{border-collapse:collapse}th,td{border:1px solid #bbb;padding:4px 6px;"
            "vertical-align:top}th{background:#1f4e79;color:#fff;position:sticky;top:0}"
            "</style></head><body>\n<table>\n<thead><tr>"
            + "".join(f"<th>{esc(h)}</th>" for h in heads) + "</tr></thead>\n<tbody>\n"
            + body + "</tbody></table>\n</body></html>")


def write_rows(rows: list, path, fmt: str | None = None, *, columns: list | None = None,
               lang: str = "zh", keys: str | None = None, top: int | None = TOP) -> Path:
    """Write rows to ``path`` in ``fmt`` (default: from the suffix), atomically.

    CSV files start with a UTF-8 BOM so that Excel reads Chinese; xlsx goes through
    openpyxl (header row, column widths, frozen header).
    """
    path = Path(path)
    fmt = format_for(path, fmt)
    from kg.atomic import atomic_path

    with atomic_path(path) as tmp:
        if fmt == "xlsx":
            from kg.sheets import write_sheet

            rows = sized(rows, top)
            cols = columns or columns_of(rows)
            if keys == "en":
                heads, cells = list(cols), [[r.get(c) for c in cols] for r in rows]
            else:
                heads, cells = _human(rows, cols, lang)
            write_sheet(tmp, heads, cells, label=path.name)
        else:
            text = render(rows, fmt, columns=columns, lang=lang, keys=keys, top=top)
            encoding = "utf-8-sig" if fmt == "csv" else "utf-8"
            tmp.write_text(text + "\n", encoding=encoding)
    return path
