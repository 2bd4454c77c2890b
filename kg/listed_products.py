"""Listed companies' main products (主营产品) by stock code, from a table the user installs.

A listed firm in a registry often carries only its name and a Shenwan sector; what it makes
is published in its annual report (主营业务构成: revenue by product). A product table keyed by
stock code gives :mod:`kg.evidence` those product names for a firm whose registry row has no
经营范围 and no 主营产品 of its own. The table is JSON lines in the shape of the
ChainKnowledgeGraph ``company_product.json`` (the companion of the listed-company files the
registry loader reads)::

    {"company_code": "300007.SZ", "product_name": "气体传感器", "rel": "主营产品", "rel_weight": 0.14}

``rel_weight`` is the product's weight among the firm's products (higher: a larger line).
The table is read from the file named by the environment variable ``KG_LISTED_PRODUCTS``,
else from ``kg/data/listed_products.jsonl`` when that is installed; without either (or with
the variable set to ``none``), no firm gets products this way. It is general data about every A-share firm, never fitted to
an evaluation set (docs/chain-templates.md, "How templates are used").

>>> import json, tempfile, os
>>> rows = [{"company_code": "300007.SZ", "product_name": "气体传感器", "rel_weight": 0.1},
...         {"company_code": "300007", "product_name": "物联网解决方案", "rel_weight": 0.8}]
>>> with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False) as f:
...     _ = f.write("".join(json.dumps(r) + "\\n" for r in rows))
>>> read_table(f.name)["300007"]
(('物联网解决方案', 0.8), ('气体传感器', 0.1))
>>> os.unlink(f.name)
"""
from __future__ import annotations

import json
import logging
import os
import re
from pathlib import Path

from kg.errors import SourceError

log = logging.getLogger(__name__)

ENV = "KG_LISTED_PRODUCTS"
DEFAULT = Path(__file__).resolve().parent / "data" / "listed_products.jsonl"
_CODE = re.compile(r"^(?:(?:SH|SZ|BJ)\.?)?(\d{6})(?:\.(?:SH|SZ|BJ|SS))?$", re.I)
_cache: dict = {}


def table_path() -> Path | None:
    """The product table in use: ``$KG_LISTED_PRODUCTS``, else the installed default, else None.

    A path named by the variable that does not exist is an error (the user asked for it).
    """
    named = os.environ.get(ENV, "").strip()
    if named.lower() == "none":
        return None
    if named:
        path = Path(named)
        if not path.is_file():
            raise SourceError(path, "no such product table",
                              hint=f"unset {ENV} or point it at a company_product JSON-lines file")
        return path
    return DEFAULT if DEFAULT.is_file() else None


def _code(value) -> str | None:
    match = _CODE.match(str(value or "").strip())
    return match.group(1) if match else None


def read_table(path) -> dict:
    """{six-digit code: ((product, weight), …) heaviest first}; bad lines are logged and skipped."""
    path = Path(path)
    rows: dict = {}
    with path.open(encoding="utf-8-sig") as handle:
        for number, line in enumerate(handle, 1):
            if not line.strip():
                continue
            try:
                rec = json.loads(line)
                code, product = _code(rec["company_code"]), str(rec["product_name"]).strip()
                weight = float(rec.get("rel_weight") or 0.0)
            except (ValueError, KeyError, TypeError, AttributeError) as err:
                log.warning("%s, line %d: skipped (%s)", path, number, type(err).__name__)
                continue
            if code and product:
                rows.setdefault(code, {})
                rows[code][product] = max(weight, rows[code].get(product, 0.0))
    return {code: tuple(sorted(found.items(), key=lambda kv: (-kv[1], kv[0])))
            for code, found in rows.items()}


def table() -> dict:
    """The product table in use (read once per file and modification time), or {}."""
    path = table_path()
    if path is None:
        return {}
    stamp = (str(path), path.stat().st_mtime_ns)
    if stamp not in _cache:
        _cache.clear()
        _cache[stamp] = read_table(path)
    return _cache[stamp]


def main_products(code) -> tuple:
    """((product, weight), …) of a listed firm by stock code, heaviest first; () if unknown."""
    key = _code(code)
    return table().get(key, ()) if key else ()


__all__ = ["DEFAULT", "ENV", "main_products", "read_table", "table", "table_path"]
