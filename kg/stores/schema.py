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

from kg import vocab

#: types of relation properties (the rest are strings)
EDGE_TYPES = {
    "position": "INT64", "sentence": "INT64", "start": "INT64", "end": "INT64",
    "score": "DOUBLE", "inferred": "BOOLEAN", "matched": "STRING[]",
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


def source_text(source) -> str:
    """One source record as a compact JSON string (the form stores keep)."""
    return json.dumps(source, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


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


def label_pairs(rel: str) -> list:
    """Every (from label, to label) pair a relation type allows."""
    rtype = vocab.relation(rel)
    return [(d, r) for d in rtype.domains for r in rtype.ranges]
