"""Registry headers: which column holds which field, and where the header row is.

Exports put title rows above the header (``郑州高新区企业名录（2024年）``), split it over
two rows (a group ``企业信息`` over ``企业名称 | 统一社会信用代码``, or ``注册 | 地址``), write it
in English (Company Name, Unified Social Credit Code) or in traditional characters
(企業名稱). :func:`find_header` finds the header among the first rows and joins the two
levels; :func:`column_fields` maps the columns to fields.

>>> rows = [["郑州高新区企业名录"], ["企业信息", "", "联系"], ["企业名称", "信用代码", "电话"]]
>>> find_header(rows)
(2, ['企业名称', '信用代码', '电话'], 3)
>>> column_fields(["Company Name", "Unified Social Credit Code", "企業名稱"])
{'Company Name': 'name', 'Unified Social Credit Code': 'credit_code'}
"""
from __future__ import annotations

import re
from typing import Iterable

from kg.errors import SourceError
from kg.names import normalize

FIELDS = ("name", "short_name", "credit_code", "stock_code", "address", "region", "zone",
          "industry", "industry_code", "business_scope", "products", "founded", "exchange")

# Header spellings of each field, compared by header_key(): simplified characters (so
# traditional headers match), lower case, without spaces, underscores or dashes.
HEADERS = {
    "name": ("企业名称", "公司名称", "企业全称", "公司全称", "单位名称", "名称", "企业", "name",
             "company", "company name", "enterprise name", "firm", "firm name", "full name",
             "fullname", "legal name", "registered name"),
    "short_name": ("简称", "企业简称", "公司简称", "证券简称", "股票简称", "short name",
                   "abbreviation"),
    "credit_code": ("统一社会信用代码", "信用代码", "社会信用代码", "credit code", "uscc",
                    "unified social credit code", "unified social credit identifier",
                    "social credit code"),
    "stock_code": ("股票代码", "证券代码", "stock code", "ticker", "code", "security code"),
    "address": ("注册地址", "地址", "企业地址", "办公地址", "住所", "通讯地址", "address",
                "registered address", "company address", "office address"),
    "region": ("所属地区", "所在地区", "地区", "所属区域", "所在城市", "城市", "region", "city",
               "province", "district"),
    "zone": ("所属园区", "所在园区", "园区", "开发区", "所属开发区", "zone", "park",
             "development zone", "industrial park"),
    "industry": ("所属行业", "行业", "国标行业", "行业门类", "industry", "industry name", "sector"),
    "industry_code": ("行业代码", "industry code"),
    "business_scope": ("经营范围", "business scope", "scope", "scope of business",
                       "scope of operation"),
    "products": ("主营产品", "主要产品", "主营业务", "产品", "products", "main products",
                 "main business"),
    "founded": ("成立日期", "成立时间", "注册日期", "上市日期", "founded", "established",
                "founding date", "date of establishment", "establishment date",
                "incorporation date", "time"),
    "exchange": ("上市地点", "交易所", "exchange"),
}
_SEPARATORS = re.compile(r"[\s_\-./:：]+")


def header_key(text: str) -> str:
    """A header as compared: simplified, lower case, no spaces or separators.

    >>> header_key("Unified_Social Credit-Code"), header_key("統一社會信用代碼")
    ('unifiedsocialcreditcode', '统一社会信用代码')
    """
    return _SEPARATORS.sub("", normalize(str(text)).lower())


_BY_HEADER = {header_key(h): f for f, hs in HEADERS.items() for h in hs}
HEADER_SEARCH_ROWS = 20  # rows looked at for the header below title rows


def column_fields(header: Iterable[str], mapping: dict | None = None) -> dict:
    """{column: field} for the columns of ``header`` that name a field.

    >>> column_fields(["企业名称", "注册地址", "备注"])
    {'企业名称': 'name', '注册地址': 'address'}
    >>> column_fields(["name", "fullname", "code"])  # listed-company shape
    {'name': 'short_name', 'fullname': 'name', 'code': 'stock_code'}
    """
    header = list(header)
    mapping = dict(mapping or {})
    for column, field in mapping.items():
        if field not in FIELDS:
            raise SourceError("--map", f"{field!r} is not a registry field",
                              where=f"{column}={field}", hint="fields: " + ", ".join(FIELDS))
    found = {}
    keys = {header_key(h) for h in header}
    for column in header:
        if column in mapping:
            found[column] = mapping[column]
            continue
        field = _BY_HEADER.get(header_key(column))
        if field == "name" and column.lower() == "name" and "fullname" in keys:
            field = "short_name"  # listed_company.jsonl: name is the short name
        if field and field not in found.values():
            found[column] = field
    if {"fullname", "code"} <= keys:
        for column in header:
            if column.lower() == "location":
                found[column] = "exchange"
    return found


def _names_firms(row: list, mapping: dict | None) -> bool:
    fields = column_fields([str(c) for c in row if str(c).strip()], mapping)
    return bool({"name", "short_name"} & set(fields.values()))


def _maps(text: str) -> bool:
    return header_key(text) in _BY_HEADER


def join_levels(upper: list, lower: list) -> list:
    """One header from two levels: a group cell (merged across columns, so blank to its
    right) over its columns; a lower cell that names a field wins, else group + lower
    when that does (注册 + 地址), else whichever is not blank.

    >>> join_levels(["企业名称", "联系方式", ""], ["", "电话", "地址"])
    ['企业名称', '电话', '地址']
    """
    width = max(len(upper), len(lower))
    upper = [str(c or "").strip() for c in upper] + [""] * (width - len(upper))
    lower = [str(c or "").strip() for c in lower] + [""] * (width - len(lower))
    filled, last = [], ""
    for cell in upper:
        last = cell or last
        filled.append(last)
    out = []
    for group, cell in zip(filled, lower):
        if cell and _maps(cell):
            out.append(cell)
        elif cell and _maps(group + cell):
            out.append(group + cell)
        else:
            out.append(cell or group)
    return out


def _second_level(header: list, row: list, mapping) -> bool:
    """Whether ``row`` under ``header`` is a header's second level, not data: it leaves
    the name column blank, and each of its cells names a field, alone or after the cell
    above it (经营 / 范围), or sits under a blank header cell."""
    fields = column_fields(header, mapping)
    name_cols = [i for i, h in enumerate(header) if fields.get(h) in ("name", "short_name")]
    cells = [str(c or "").strip() for c in row]
    if not any(cells) or any(i < len(cells) and cells[i] for i in name_cols):
        return False
    above = [str(h or "").strip() for h in header] + [""] * max(0, len(cells) - len(header))
    return all(_maps(c) or _maps(above[i] + c) or not above[i] for i, c in enumerate(cells) if c)


def find_header(rows: list, mapping: dict | None = None) -> tuple:
    """(index of the header's last row, joined header, index of the first data row) among
    the first rows of a sheet; (0, first row, 1) when no row names a firm column.

    A header is the first row with a firm-name column; a row above it that groups its
    columns, or a row below it that completes them, is joined in (two-level headers).
    """
    for i, row in enumerate(rows[:HEADER_SEARCH_ROWS]):
        if not _names_firms(row, mapping):
            continue
        header = [str(c or "").strip() for c in row]
        if i > 0 and sum(1 for c in rows[i - 1] if str(c or "").strip()) >= 2:
            header = join_levels(rows[i - 1], header)
        if i + 1 < len(rows) and _second_level(header, rows[i + 1], mapping):
            return i + 1, join_levels(header, rows[i + 1]), i + 2
        return i, header, i + 1
    first = [str(c or "").strip() for c in rows[0]] if rows else []
    return 0, first, 1


__all__ = ["FIELDS", "HEADER_SEARCH_ROWS", "HEADERS", "column_fields", "find_header", "header_key", "join_levels"]
