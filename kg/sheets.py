"""Excel cells that openpyxl can store and Excel will not run, and a one-sheet workbook.

Excel's XML cannot hold most C0 control characters (openpyxl raises
``IllegalCharacterError`` on them); a name read from a registry may carry one. Every
cell goes through :class:`CellCleaner`, which replaces them with U+FFFD, neutralises
formulas (:func:`kg.output.safe_cell`) and counts what it changed, so the writer can
say so on stderr instead of crashing or changing data silently.

>>> cleaner = CellCleaner()
>>> cleaner("甲\\x07乙"), cleaner(3), cleaner("=1+1"), cleaner.replaced
('甲�乙', 3, "'=1+1", 1)
"""
from __future__ import annotations

import logging
import re

log = logging.getLogger("kg.output")

# the characters openpyxl refuses (its ILLEGAL_CHARACTERS_RE), written out so the rule is here
ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
REPLACEMENT = "\ufffd"


class CellCleaner:
    """Turns values into storable cells; ``replaced`` counts control characters replaced."""

    def __init__(self):
        self.replaced = 0
        self.where: list = []

    def __call__(self, value, where: str = ""):
        from kg.output import safe_cell

        if isinstance(value, (int, float)) and not isinstance(value, bool):
            return value
        text, n = ILLEGAL.subn(REPLACEMENT, safe_cell(value))
        if n:
            self.replaced += n
            if where and len(self.where) < 5:
                self.where.append(where)
        return text

    def report(self, label: str) -> None:
        """Say on stderr how many characters were replaced in ``label`` (if any)."""
        if self.replaced:
            cells = f" (cells {', '.join(self.where)}…)" if self.where else ""
            log.warning("%s: replaced %d control character(s) that Excel cannot store "
                        "with U+FFFD%s", label, self.replaced, cells)


def style_sheet(ws, *, max_width: int = 60) -> None:
    """Bold coloured header row, frozen below it, an autofilter, columns sized to text."""
    from openpyxl.styles import Alignment, Font, PatternFill

    from kg.termtable import display_width

    for cell in ws[1]:
        cell.font = Font(bold=True, color="FFFFFF")
        cell.fill = PatternFill("solid", fgColor="1F4E79")
        cell.alignment = Alignment(vertical="center")
    ws.freeze_panes = "A2"
    if ws.max_row >= 1 and ws.max_column >= 1:
        ws.auto_filter.ref = ws.dimensions
    for column in ws.iter_cols(min_row=1, max_row=ws.max_row):
        longest = max(display_width(str(c.value if c.value is not None else "")) for c in column)
        ws.column_dimensions[column[0].column_letter].width = min(max(longest + 2, 6), max_width)


def write_sheet(path, heads: list, cells: list, *, label: str = "", title: str = "结果") -> None:
    """Write one sheet (header row, then ``cells``) to ``path`` as .xlsx."""
    from openpyxl import Workbook

    from kg.output import cell_text

    clean = CellCleaner()
    wb = Workbook()
    ws = wb.active
    ws.title = title
    ws.append([clean(h) for h in heads])
    for r, row in enumerate(cells, 2):
        ws.append([clean(v if isinstance(v, (int, float)) and not isinstance(v, bool)
                         else cell_text(v), f"R{r}C{c}") for c, v in enumerate(row, 1)])
    style_sheet(ws)
    wb.save(path)
    clean.report(label or str(path))
