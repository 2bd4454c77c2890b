"""Industries a plan's table lists in its last column, the table written as text.

A plan's layout table reads, once its cells are text, as a header row and rows whose cells
are set apart by spaces::

    重点片区 涵盖范围 重点产业布局
    相城经开区片区 北桥街道 智能装备、先进材料、航空航天

When the header's last cell names industries (重点产业布局, 主导产业, 产业方向 …), the list in
each row's last cell names the industries of that row (of its zone, when the row opens on
one). A short line of one cell is a merged cell; a line of prose ends the table.

>>> from kg.loaders.sentences import split_sentences
>>> reader = TableReader()
>>> rows = split_sentences("重点片区 涵盖范围 重点产业布局\\n甲片区 乙街道 智能装备、航空航天\\n")
>>> [[m.name for m in reader.read(s, [])] for s in rows]
[[], ['智能装备', '航空航天']]
"""
from __future__ import annotations

import re

from kg.loaders.extract_industry_filters import industry_name, industry_ok, regional
from kg.loaders.mentions import Mention

# A header cell that names the industries of the rows (重点产业布局, 主导产业, 产业方向).
_INDUSTRY_COLUMN = re.compile(r"产业(?:布局|方向|门类|定位|类别|领域)?$")
_CELL_MAX = 10  # a header's cells are labels, short


class TableReader:
    """Reads a document's sentences in order; yields the industries of table rows."""

    def __init__(self):
        self.role = None
        self.active = False

    def read(self, sentence, found: list) -> list:
        """Industry mentions of ``sentence`` when it is a row of a table whose header's last
        cell names industries; [] otherwise (and a line with no cells ends the table)."""
        cells = sentence.text.strip().split(" ")
        if len(cells) < 2:
            # a short line is a merged cell (苏相合作区); prose ends the table
            if len(cells[0]) > 2 * _CELL_MAX or cells[0].endswith(("。", ":")):
                self.active = False
            return []
        if not self.active:
            if len(cells) >= 3 and all(len(c) <= _CELL_MAX for c in cells) \
                    and _INDUSTRY_COLUMN.search(cells[-1]):
                self.active = True
                self.role = "leading" if re.search(r"主导|首位|支柱", cells[-1]) else "other"
            return []
        return self._row(sentence, cells[-1], found)

    def _row(self, sentence, cell: str, found: list) -> list:
        text = sentence.text
        start = text.rstrip().rfind(cell)
        taken = [(m.i, m.j) for m in found if m.label == "Industry"]
        # a row opening on a zone lists that zone's industries
        zone = next((m.name for m in found if m.label == "Zone" and m.i <= 1), None)
        props = {"role": self.role, "src": "table"} | ({"in_zone": zone} if zone else {})
        out, i = [], start
        for item in cell.split("、"):
            j = i + len(item)
            bare = item.split("(")[0]  # 智能装备(汽车零部件): the detail is the row's part
            name = industry_name(bare)
            if len(item.split("(")) <= 2 and industry_ok(name) and not regional(name) \
                    and not any(a < j and i < b for a, b in taken):
                out.append(Mention("Industry", name, sentence, i, i + len(bare), dict(props)))
            i = j + 1
        return out
