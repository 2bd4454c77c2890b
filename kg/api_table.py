"""The rows a listing method of :mod:`kg.api` returns: printed as the CLI's table, iterated as dicts.

A :class:`Table` holds the rows the command's library function answered. Printed (or
shown by ``repr``) it is the table ``kg`` prints, through the same renderer
(:func:`kg.output.render`); iterated, indexed or converted with :meth:`Table.to_records`
it gives the rows ``kg … --format json`` writes (the stable keys of docs/json.md, long
lists cut to ``top`` names unless ``top=None``); :meth:`Table.to_pandas` makes a
DataFrame (pandas is the optional extra ``kg[notebook]``, imported only here).

>>> t = Table([{"link": "传感器", "status": "gap", "local_firms": []}])
>>> print(t)
环节    状态  本地企业
------  ----  --------
传感器  缺链
>>> [row["status"] for row in t], len(t)
(['gap'], 1)
"""
from __future__ import annotations

import json
import re

from kg.output import TOP, render, write_rows

_TABLE = re.compile(r"<table>.*</table>", re.S)


class Table:
    """Rows of one answer, with the display options of the command that made them.

    ``columns`` fixes the column order (as the command passes it to the renderer);
    ``hidden`` are columns the table leaves out but the records keep (``kg gaps``
    shows ``evidence`` only when asked, JSON always has it); ``top`` is ``--top``
    (None is ``--all``); ``lang`` is ``--lang``; ``cells`` turns a row into what the
    command shows in a table, CSV or Markdown (``kg targets`` shows link names and the
    score's parts as text; JSON keeps the row).
    """

    def __init__(self, rows: list, *, columns: list | None = None, hidden=(), top: int | None = TOP,
                 lang: str = "zh", cells=None, keys: str | None = None):
        self.rows = list(rows)
        self.columns = columns
        self.hidden = tuple(hidden)
        self.top = top
        self.lang = lang
        self.cells = cells
        self.keys_default = keys  # "en": the columns are the user's own (RETURN x AS …, ?x)

    # ------------------------------------------------------------------ records
    def to_records(self) -> list:
        """The rows as ``--format json`` writes them: plain JSON values, stable English keys."""
        return json.loads(render(self.rows, "json", top=self.top))

    def keys(self) -> list:
        """The record keys in order (the columns of :meth:`to_pandas`)."""
        if self.columns:
            return list(self.columns)
        seen: dict = {}
        for row in self.to_records():
            seen.update(dict.fromkeys(row))
        return list(seen)

    def to_pandas(self):
        """The records as a :class:`pandas.DataFrame` (needs ``pip install 'zonekg[notebook]'``)."""
        try:
            import pandas
        except ModuleNotFoundError:
            raise ModuleNotFoundError("to_pandas needs pandas: pip install 'zonekg[notebook]'") from None
        return pandas.DataFrame(self.to_records(), columns=self.keys() or None)

    def __iter__(self):
        return iter(self.to_records())

    def __len__(self) -> int:
        return len(self.rows)

    def __getitem__(self, index):
        return self.to_records()[index]

    # ------------------------------------------------------------------ display
    def _shown(self) -> tuple:
        rows = [self.cells(row) for row in self.rows] if self.cells else self.rows
        if self.hidden:
            rows = [{k: v for k, v in row.items() if k not in self.hidden} for row in rows]
        columns = [c for c in self.columns if c not in self.hidden] if self.columns else None
        return rows, columns

    def render(self, fmt: str = "table", *, keys: str | None = None, screen: int | None = None) -> str:
        """The text ``kg … --format FMT`` prints (table, json, csv, md, html)."""
        if fmt == "json":
            return render(self.rows, "json", top=self.top)
        rows, columns = self._shown()
        return render(rows, fmt, columns=columns, lang=self.lang, keys=keys or self.keys_default,
                      screen=screen, top=self.top)

    def write(self, path, fmt: str | None = None, *, keys: str | None = None):
        """Write the rows to ``path`` as ``kg … -o PATH`` does (format from the suffix)."""
        if fmt == "json" or (fmt is None and str(path).lower().endswith(".json")):
            rows, columns = self.rows, None
        else:
            rows, columns = self._shown()
        return write_rows(rows, path, fmt, columns=columns, lang=self.lang,
                          keys=keys or self.keys_default, top=self.top)

    def __str__(self) -> str:
        return self.render("table")

    def __repr__(self) -> str:
        return self.render("table")

    def _repr_html_(self) -> str:
        page = self.render("html")
        found = _TABLE.search(page)
        return found.group(0) if found else page
