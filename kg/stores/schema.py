"""Property types of the Cypher stores, derived from the ontology.

Node properties come from :func:`kg.vocab.node_properties` (``many`` → list of
strings, ``integer`` → integer, else string). The ontology lists relation
properties by name only, so their types are declared here once.

>>> node_columns("Link")[:4]
[('id', 'STRING'), ('name', 'STRING'), ('aliases', 'STRING[]'), ('sources', 'STRING[]')]
>>> dict(edge_columns("HAS_LINK"))
{'position': 'INT64', 'sources': 'STRING[]'}
>>> cell(["a", "b"], "STRING[]")
['a', 'b']
>>> cell("传感器", "STRING[]")
['传感器']
>>> cell("3", "INT64")
3
"""
from __future__ import annotations

import json
from json.encoder import encode_basestring as _quote

from kg import vocab

#: types of relation properties (the rest are strings)
EDGE_TYPES = {
    "position": "INT64", "sentence": "INT64", "start": "INT64", "end": "INT64",
    "score": "DOUBLE", "inferred": "BOOLEAN", "matched": "STRING[]",
    "evidence": "STRING[]", "links": "STRING[]",
}


def node_columns(label: str) -> list:
    """(property, type) of a node table: id, name, aliases, sources, then the label's properties."""
    cols = [("id", "STRING"), ("name", "STRING"), ("aliases", "STRING[]"), ("sources", "STRING[]")]
    for prop in vocab.node_properties(label):
        if prop.name in ("aliases", "sources"):
            continue
        cols.append((prop.name, "STRING[]" if prop.many else "INT64" if prop.integer else "STRING"))
    return cols


def edge_columns(rel: str) -> list:
    """(property, type) of a relation table: its properties, then sources."""
    props = [(p, EDGE_TYPES.get(p, "STRING")) for p in vocab.relation(rel).properties]
    return props + [("sources", "STRING[]")]


_JSON = json.JSONEncoder(ensure_ascii=False, sort_keys=True, separators=(",", ":"))
_SOURCE_KEYS: dict = {}  # a source's keys in insertion order -> [(key, '"key":')] sorted


def source_text(source) -> str:
    """One source record as a compact JSON string (the form stores keep).

    Exactly ``json.dumps(source, ensure_ascii=False, sort_keys=True, separators=(",", ":"))``;
    a million registry rows share a few key sets, so the sorted keys are worked out once
    per key set and flat string/integer/boolean values are written directly.

    >>> source_text({"row": 7, "doc": "企业名录.csv", "inferred": True})
    '{"doc":"企业名录.csv","inferred":true,"row":7}'
    """
    keys = tuple(source)
    plan = _SOURCE_KEYS.get(keys)
    if plan is None:
        if not all(type(k) is str for k in keys):
            return _JSON.encode(source)
        plan = [(k, _quote(k) + ":") for k in sorted(keys)]
        if len(_SOURCE_KEYS) < 1000:  # key sets are few; never let odd data grow the cache
            _SOURCE_KEYS[keys] = plan
    parts = []
    for key, prefix in plan:
        value = source[key]
        kind = type(value)
        if kind is str:
            parts.append(prefix + _quote(value))
        elif kind is int:
            parts.append(prefix + int.__repr__(value))
        elif kind is bool:
            parts.append(prefix + ("true" if value else "false"))
        else:  # None, floats, nested values: json's own rules
            return _JSON.encode(source)
    return "{" + ",".join(parts) + "}"


def cell(value, kind: str):
    """A Python value converted to a column type; None stays None."""
    if value is None:
        return None
    if kind == "STRING[]":
        items = value if isinstance(value, (list, tuple, set)) else [value]
        return [item if isinstance(item, str) else source_text(item) if isinstance(item, dict)
                else str(item) for item in items]
    if kind == "INT64":
        return int(value)
    if kind == "DOUBLE":
        return float(value)
    if kind == "BOOLEAN":
        return value if isinstance(value, bool) else str(value).lower() in ("true", "1", "yes")
    if isinstance(value, (list, dict)):
        return json.dumps(value, ensure_ascii=False, sort_keys=True)
    return str(value)


def node_row(record: dict) -> dict:
    """A node record of :meth:`KnowledgeGraph.node_records` as typed store properties."""
    return {name: cell(record.get(name), kind) for name, kind in node_columns(record["label"])}


def edge_row(record: dict) -> dict:
    """An edge record's typed properties (without src, rel, dst)."""
    return {name: cell(record.get(name), kind) for name, kind in edge_columns(record["rel"])}


LIST_SEP = "\x1f"  # joins list items in CSV files (embedded staging and neo4j-admin import)


def csv_text(value, kind: str) -> str:
    """A column value as CSV text: lists joined with LIST_SEP, booleans as true/false.

    >>> csv_text(["a", "b"], "STRING[]") == "a\x1fb", csv_text(True, "BOOLEAN"), csv_text(None, "INT64")
    (True, 'true', '')
    """
    if value is None:
        return ""
    if kind == "STRING[]":
        return LIST_SEP.join(item.replace(LIST_SEP, " ") for item in value)
    if kind == "BOOLEAN":
        return "true" if value else "false"
    return str(value)


def csv_column(values, kind: str, *, drop_empty: bool = False) -> list:
    """``[csv_text(cell(v, kind), kind) for v in values]``, without a call per value for the
    common cases (a string, an int, a float, a bool, a list of strings or source records).

    ``drop_empty`` leaves empty items out of lists (the embedded store splits lists back
    on LIST_SEP and keeps no empty item).

    >>> csv_column(["a", None, 3], "STRING"), csv_column([True, None], "BOOLEAN")
    (['a', '', '3'], ['true', ''])
    >>> csv_column([["x", "", "y"], [{"doc": "d", "row": 1}], None], "STRING[]", drop_empty=True)
    ['x\\x1fy', '{"doc":"d","row":1}', '']
    """
    if kind == "STRING":
        return [v if type(v) is str else "" if v is None else csv_text(cell(v, kind), kind)
                for v in values]
    if kind == "STRING[]":
        return [_list_text(v, drop_empty) for v in values]
    if kind == "INT64":
        return [int.__repr__(v) if type(v) is int else csv_text(cell(v, kind), kind)
                for v in values]
    if kind == "DOUBLE":
        return [float.__repr__(v) if type(v) is float else csv_text(cell(v, kind), kind)
                for v in values]
    if kind == "BOOLEAN":
        return ["true" if v is True else "false" if v is False else csv_text(cell(v, kind), kind)
                for v in values]
    return [csv_text(cell(v, kind), kind) for v in values]


def _list_text(value, drop_empty: bool) -> str:
    """One list cell as csv_column writes it."""
    if value is None:
        return ""
    if type(value) is list:
        if len(value) == 1:
            item = value[0]
            kind = type(item)
            text = item if kind is str else source_text(item) if kind is dict else None
            if text is not None and LIST_SEP not in text:
                return text
        elif not value:
            return ""
        elif all(type(item) is str for item in value) and not (drop_empty and "" in value):
            text = LIST_SEP.join(value)
            if text.count(LIST_SEP) == len(value) - 1:
                return text
    items = cell(value, "STRING[]")
    if drop_empty:
        items = [item for item in items if item]
    return csv_text(items, "STRING[]")


def label_pairs(rel: str) -> list:
    """Every (from label, to label) pair a relation type allows."""
    rtype = vocab.relation(rel)
    return [(d, r) for d in rtype.domains for r in rtype.ranges]
