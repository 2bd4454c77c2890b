"""Write a report as an Excel workbook: one sheet per part.

Sheets: 概况 (summary), one per chain (its links in order), 缺链清单 (gaps by stage),
证据 (every fact's document and quote, or registry row). Headers are frozen, columns
sized to their text, and a cell naming facts links to the first evidence row of them.
Every cell goes through :class:`kg.sheets.CellCleaner` (formulas quoted, control
characters Excel cannot store replaced and reported on stderr).
"""
from __future__ import annotations

from pathlib import Path

from kg.atomic import atomic_path
from kg.sheets import CellCleaner
from kg.termtable import display_width as width
from kg.labels import STATUS_ZH
from kg.reports.model import (EVIDENCE_COLUMNS, FACT_KEYS, GAP_COLUMNS, LINK_COLUMNS,
                              STAGE_ZH, SUMMARY_COLUMNS, Report, more_text)

EVIDENCE_SHEET = "证据"
_BAD_TITLE = str.maketrans({c: "_" for c in "[]:*?/\\"})
STATUS_FILL = {"gap": "F8D7DA", "weak": "FDEBD0", "covered": "DCEBF7"}
# a column is as wide as the longest text of its header and first rows (capped at 60
# anyway): measuring every cell of a 25,000-firm list took 3 s of a 17 s `kg lists`
WIDTH_ROWS = 2000
EXCEL_ROWS = 1_048_576  # rows a worksheet can hold, the header's included


def overflow_note(left: int) -> str:
    """The last row of a sheet cut at Excel's limit.

    >>> overflow_note(12)
    '…及其他 12 行未写入：Excel 每个工作表最多 1048576 行（CSV 与 kg export 写入全部）'
    """
    return f"…及其他 {left} 行未写入：Excel 每个工作表最多 {EXCEL_ROWS} 行（CSV 与 kg export 写入全部）"


def sheet_title(name: str, taken: set) -> str:
    """An Excel sheet title (≤31 characters, no []:*?/\\), unique among ``taken``.

    >>> sheet_title("链:传感器/物联网", set())
    '链_传感器_物联网'
    """
    base = (name.translate(_BAD_TITLE).strip("'") or "sheet")[:31]
    title, n = base, 2
    while title.lower() in {t.lower() for t in taken}:
        suffix = f"~{n}"
        title, n = base[:31 - len(suffix)] + suffix, n + 1
    taken.add(title)
    return title


def fact_text(facts: list) -> str:
    """Names of facts, with the reason a candidate was chosen, joined with 、."""
    return "、".join(f"{f['name']}（{f['why']}）" if f.get("why") else f["name"] for f in facts)


def cell_value(row: dict, key: str):
    """A report row's value as spreadsheet text (Chinese status and stage names)."""
    value = row.get(key)
    if key == "status":
        return STATUS_ZH.get(value, value)
    if key == "stage":
        return STAGE_ZH.get(value, value)
    if key in FACT_KEYS:
        return fact_text(value or []) + more_text(row, key)
    if isinstance(value, list):
        return "、".join(str(v) for v in value)
    return value


def write_table(ws, columns, rows, *, evidence_rows=None, status_fill=False, clean=None):
    """Rows under a header row; every cell cleaned (control characters, formulas).

    A sheet holds at most :data:`EXCEL_ROWS` rows (Excel refuses a bigger one): the rows
    past it are left out and a last row counts them.
    """
    rows = list(rows)
    if len(rows) > EXCEL_ROWS - 1:
        left = len(rows) - (EXCEL_ROWS - 2)
        rows = rows[:EXCEL_ROWS - 2] + [{columns[0][0]: overflow_note(left)}]
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.styles.cell_style import StyleArray
    from openpyxl.worksheet.hyperlink import Hyperlink

    clean = clean if clean is not None else CellCleaner()

    header_font = Font(bold=True, color="FFFFFF")
    header_fill = PatternFill("solid", fgColor="1F4E79")
    ws.append([clean(header) for _, header in columns])
    for cell in ws[1]:
        cell.font, cell.fill = header_font, header_fill
        cell.alignment = Alignment(vertical="center")
    excel_row = 1  # counted here: openpyxl's max_row rescans every cell (quadratic)
    # one alignment, entered in the workbook's style table once: `cell.alignment = wrap`
    # looks it up (hashing it) per cell, 24 s of 60 for a 540,000-cell report
    wrap_id = ws.parent._alignments.add(Alignment(wrap_text=True, vertical="top"))
    for row in rows:
        excel_row += 1
        ws.append([clean(cell_value(row, key), f"{ws.title}!{excel_row}")
                   for key, _ in columns])
        for col, (key, _) in enumerate(columns, 1):
            cell = ws.cell(excel_row, col)
            if cell._style is None:
                cell._style = StyleArray()
            cell._style.alignmentId = wrap_id
            if evidence_rows is not None and key in FACT_KEYS:
                ids = [f["evidence"] for f in row.get(key) or [] if f.get("evidence")]
                if ids and ids[0] in evidence_rows:
                    cell.hyperlink = Hyperlink(ref=cell.coordinate,
                                               location=f"'{EVIDENCE_SHEET}'!A{evidence_rows[ids[0]]}",
                                               tooltip="证据 " + "、".join(ids))
                    cell.font = Font(color="0563C1", underline="single")
            if status_fill and key == "status" and row.get("status") in STATUS_FILL:
                cell.fill = PatternFill("solid", fgColor=STATUS_FILL[row["status"]])
    ws.freeze_panes = "A2"
    ws.auto_filter.ref = ws.dimensions
    sample = min(excel_row, WIDTH_ROWS + 1)
    for col, (key, header) in enumerate(columns, 1):
        longest = max([width(str(header))] + [width(str(ws.cell(r, col).value or ""))
                                              for r in range(2, sample + 1)])
        ws.column_dimensions[ws.cell(1, col).column_letter].width = min(max(longest + 2, 6), 60)


def write(report: Report, path, *, assets=None) -> list:
    """Write ``report`` to ``path`` (.xlsx); returns the files written."""
    from openpyxl import Workbook

    path = Path(path)
    wb = Workbook()
    clean = CellCleaner()
    taken: set = {EVIDENCE_SHEET}
    ws = wb.active
    ws.title = sheet_title("概况", taken)
    write_table(ws, SUMMARY_COLUMNS, report.summary, clean=clean)
    evidence_rows = {}
    for offset, ev in enumerate(report.evidence, 2):
        evidence_rows.setdefault(ev["id"], offset)
    for section in report.chains:
        ws = wb.create_sheet(sheet_title(f"产业链-{section['chain']}", taken))
        write_table(ws, LINK_COLUMNS, section["links"], evidence_rows=evidence_rows,
                    status_fill=True, clean=clean)
    ws = wb.create_sheet(sheet_title("缺链清单", taken))
    write_table(ws, GAP_COLUMNS, report.gaps, evidence_rows=evidence_rows, status_fill=True,
                clean=clean)
    ws = wb.create_sheet(EVIDENCE_SHEET)
    write_table(ws, EVIDENCE_COLUMNS, report.evidence, clean=clean)
    wb.properties.title = report.title
    with atomic_path(path) as tmp:
        wb.save(tmp)
    clean.report(str(path))
    return [path]
