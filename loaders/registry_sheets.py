"""Rows of an .xlsx registry as people save them.

- Hidden sheets are skipped, and said so; the rows come from the first visible sheet
  that has a firm-name column (else the first visible one).
- The header is found below title rows and its two levels joined
  (:func:`kg.loaders.registry_headers.find_header`); ``# covers:`` / ``# scope:`` rows
  above it declare coverage.
- A formula cell gives the value Excel saved with it; a formula saved without one
  (written by a program, never opened in Excel) is reported with its cell and formula.
- Dates become ISO dates; a number in a date column is an Excel serial date.
- Codes stay text: an integer cell is read exactly (a stock code gets back its leading
  zeros); a code stored as a floating-point number (9.14101E+17) has lost digits and is
  reported as unrecoverable, never guessed.

>>> to_text(43831, "founded")
('2020-01-01', 'Excel serial date 43831 read as 2020-01-01')
>>> to_text(651, "stock_code")
('000651', 'stock code stored as the number 651; read as 000651')
>>> to_text(9.14101e17, "credit_code")[0]
''
"""
from __future__ import annotations

import zipfile
from datetime import date, datetime, timedelta
from typing import Iterator

from kg.errors import SourceError
from kg.loaders.registry_headers import HEADER_SEARCH_ROWS, column_fields, find_header

_EXCEL_EPOCH = date(1899, 12, 30)  # serial 1 is 1900-01-01 (Excel's 1900 leap-year bug kept)
_SERIAL_RANGE = (1, 2958465)       # 1900-01-01 … 9999-12-31
_EXACT_DIGITS = 15                 # a double holds 15 significant decimal digits exactly
_CODE_FIELDS = ("credit_code", "stock_code", "industry_code")


def serial_date(value: float) -> str | None:
    """The ISO date of an Excel serial date number, or None outside Excel's range."""
    if not _SERIAL_RANGE[0] <= value <= _SERIAL_RANGE[1]:
        return None
    return (_EXCEL_EPOCH + timedelta(days=int(value))).isoformat()


def to_text(value, field: str | None) -> tuple:
    """(text, note or None) of one cell value for a column of ``field``."""
    if value is None:
        return "", None
    if isinstance(value, (datetime, date)):
        return value.isoformat()[:10], None
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return str(value).strip(), None
    if field == "founded":
        iso = serial_date(value)
        if iso is not None:
            return iso, f"Excel serial date {value:g} read as {iso}"
    if isinstance(value, float) and not value.is_integer():
        return repr(value), None
    if isinstance(value, float) and abs(value) >= 10 ** _EXACT_DIGITS and field in _CODE_FIELDS:
        return "", (f"{field} stored as the number {value:.6g}: its last digits are lost and "
                    f"cannot be recovered; format the column as text and export again")
    number = int(value)
    if field == "stock_code" and 0 < number < 10 ** 6 and len(str(number)) < 6:
        text = f"{number:06d}"
        return text, f"stock code stored as the number {number}; read as {text}"
    if field in _CODE_FIELDS:
        return str(number), None
    return str(number), None


def _has_formulas(path, sheet) -> bool:
    """Whether the sheet's XML holds any formula (so cached values must be checked)."""
    try:
        with zipfile.ZipFile(path) as archive:
            name = sheet._worksheet_path if hasattr(sheet, "_worksheet_path") else None
            if name is None:
                return True
            with archive.open(name.lstrip("/")) as handle:
                tail = b""
                for block in iter(lambda: handle.read(1 << 20), b""):
                    if b"<f" in tail + block:
                        return True
                    tail = block[-2:]
    except (KeyError, zipfile.BadZipFile):
        return True
    return False


def _pick_sheet(book, path, note) -> object:
    """The first visible sheet naming a firm column (else the first visible sheet)."""
    visible = [s for s in book.worksheets if s.sheet_state == "visible"]
    for sheet in book.worksheets:
        if sheet.sheet_state != "visible":
            note(None, None, "hidden", f"sheet {sheet.title!r} is hidden ({sheet.sheet_state}); "
                 f"skipped — unhide it, or move its rows to a visible sheet, to load them")
    if not visible:
        raise SourceError(path, "every sheet is hidden", hint="unhide the sheet that lists the firms")
    for sheet in visible:
        head = []
        for cells in sheet.iter_rows(values_only=True, max_row=HEADER_SEARCH_ROWS):
            head.append([("" if c is None else str(c)) for c in cells])
        _, header, _ = find_header(head)
        if {"name", "short_name"} & set(column_fields(header).values()):
            return sheet
    return visible[0]


def xlsx_rows(path, meta: dict, note, declaration) -> Iterator[tuple]:
    """(row number, {column: text}, header) of an .xlsx registry (see the module's doc)."""
    from openpyxl import load_workbook

    try:
        book = load_workbook(path, read_only=True, data_only=True)
    except Exception as err:  # openpyxl raises many kinds for a broken file
        raise SourceError(path, f"not a readable .xlsx file ({type(err).__name__})") from None
    try:
        sheet = _pick_sheet(book, path, note)
        formulas = None
        if _has_formulas(path, sheet):
            formula_book = load_workbook(path, read_only=True, data_only=False)
            formulas = formula_book[sheet.title].iter_rows(values_only=True)
        yield from _sheet_rows(sheet, formulas, meta, note, declaration)
    finally:
        book.close()


def _sheet_rows(sheet, formulas, meta, note, declaration) -> Iterator[tuple]:
    head, line = [], 0
    rows = sheet.iter_rows(values_only=True)
    for cells in rows:
        line += 1
        formula_cells = next(formulas, None) if formulas is not None else None
        first = str(cells[0] or "").strip() if cells else ""
        if not head and first.startswith("#"):
            declaration(first, meta)
            continue
        head.append((line, cells, formula_cells))
        if len(head) >= HEADER_SEARCH_ROWS:
            break
    if not head:
        return
    last, header, first_data = find_header([[("" if c is None else str(c)) for c in cells]
                                            for _, cells, _ in head])
    meta["header_line"] = head[last][0]
    if first_data > 1:
        note(None, None, "header", f"sheet {sheet.title!r}: the header ends on row "
             f"{head[last][0]}; the {first_data - 1} row(s) before it were read as titles or "
             f"header groups")
    fields = column_fields(header)
    by_index = [fields.get(h) for h in header]
    number = 0

    def rest():
        yield from head[first_data:]
        for n, cells in enumerate(rows, line + 1):
            yield n, cells, (next(formulas, None) if formulas is not None else None)

    for excel_row, cells, formula_cells in rest():
        number += 1
        values = []
        for i, value in enumerate(cells):
            field = by_index[i] if i < len(by_index) else None
            if value is None and formula_cells is not None and i < len(formula_cells) \
                    and isinstance(formula_cells[i], str) and formula_cells[i].startswith("="):
                note(number, field, "formula", f"cell {_column(i)}{excel_row} holds the formula "
                     f"{formula_cells[i]} saved without its value; open the file in Excel and "
                     f"save it (or paste values) to load it", bad=True)
            text, why = to_text(value, field)
            if why is not None:
                note(number, field, "unrecoverable" if not text else "normalised",
                     f"cell {_column(i)}{excel_row}: {why}", bad=not text)
            values.append(text)
        if any(values):
            yield number, dict(zip(header, values)), header


def _column(index: int) -> str:
    """Excel's column letters of a 0-based index (0 → A, 26 → AA)."""
    letters = ""
    index += 1
    while index:
        index, rem = divmod(index - 1, 26)
        letters = chr(65 + rem) + letters
    return letters


__all__ = ["serial_date", "to_text", "xlsx_rows"]
