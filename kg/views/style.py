"""How each kind of node looks, and what its tooltip says.

Colours are chosen to be told apart in print and by most colour-blind readers:
status colours differ in lightness as well as hue, and gaps also get a thick border.

>>> STATUS["gap"]["zh"], TYPE_NAMES["Firm"]
('缺链', '企业 Firm')
>>> from kg.graph import KnowledgeGraph
>>> g = KnowledgeGraph()
>>> f = g.add_entity("Firm", "汉威科技", source={"doc": "a.txt", "sentence": 2, "start": 0, "end": 4, "quote": "汉威科技"})
>>> info = node_info(g, f)
>>> info["type"], info["name"], info["sources"][0]["sentence"]
('企业 Firm', '汉威科技', 2)
"""
from __future__ import annotations

import json

#: link status → colours and legend words
STATUS = {
    "gap": {"zh": "缺链", "en": "gap: no local firm", "background": "#f8d0cc", "border": "#c0392b"},
    "weak": {"zh": "薄弱", "en": "weak: few local firms or LQ < 1", "background": "#fde7b0", "border": "#d68910"},
    "covered": {"zh": "已覆盖", "en": "covered", "background": "#cdebd3", "border": "#1e8449"},
    "unknown": {"zh": "未知", "en": "unknown: no evidence", "background": "#e5e5e5", "border": "#7f8c8d"},
}

TYPE_NAMES = {
    "Region": "地区 Region", "Zone": "园区 Zone", "Industry": "产业 Industry",
    "Chain": "产业链 Chain", "Link": "环节 Link", "Firm": "企业 Firm",
    "Platform": "平台 Platform", "Project": "项目 Project", "Document": "文档 Document",
}

#: vis-network looks of each label in the ego and query views
LOOKS = {
    "Region": {"shape": "ellipse", "color": {"background": "#dbe9f6", "border": "#2e6da4"}},
    "Zone": {"shape": "ellipse", "color": {"background": "#c9def2", "border": "#1f4e79"}},
    "Industry": {"shape": "box", "color": {"background": "#eadcf5", "border": "#6c3483"}},
    "Chain": {"shape": "box", "color": {"background": "#f5e1ec", "border": "#922b61"}},
    "Link": {"shape": "box", "color": {"background": "#e5e5e5", "border": "#555555"}},
    "Firm": {"shape": "box", "color": {"background": "#ffffff", "border": "#34495e"}},
    "Platform": {"shape": "diamond", "size": 9, "color": {"background": "#a3e4d7", "border": "#117a65"}},
    "Project": {"shape": "triangle", "size": 9, "color": {"background": "#fad7a0", "border": "#a04000"}},
    "Document": {"shape": "square", "size": 8, "color": {"background": "#f2f3f4", "border": "#7b7d7d"}},
}

#: sources embedded per node; the tooltip says how many more there are
MAX_SOURCES = 5


def _source(record) -> dict:
    if isinstance(record, str):  # stores keep sources as JSON text
        try:
            record = json.loads(record)
        except ValueError:
            return {"doc": record}
    keep = ("doc", "sentence", "start", "end", "quote", "row")
    return {k: record[k] for k in keep if k in record and record[k] is not None}


def info(label: str, name: str, aliases=(), sources=(), facts=()) -> dict:
    """A tooltip record: type, names, the first sources, and free-text facts."""
    sources = list(sources or [])
    out = {"type": TYPE_NAMES.get(label, label), "name": str(name),
           "aliases": [str(a) for a in aliases or []],
           "sources": [_source(s) for s in sources[:MAX_SOURCES]]}
    if len(sources) > MAX_SOURCES:
        out["sources_total"] = len(sources)
    if facts:
        out["facts"] = [str(f) for f in facts]
    return out


def node_info(graph, node: str, facts=()) -> dict:
    """The tooltip record of a graph node."""
    data = graph.node(node)
    extra = list(facts)
    for prop in ("stock_code", "credit_code", "kind", "level", "stage", "address"):
        if data.get(prop):
            extra.append(f"{prop}: {data[prop]}")
    return info(data["label"], data["name"], data.get("aliases"), data.get("sources"), extra)


def edge_info(rel: str, data: dict, src_name: str = "", dst_name: str = "") -> dict:
    """The tooltip record of a relation: its type, ends and sources."""
    name = f"{src_name} → {dst_name}" if src_name or dst_name else rel
    return info(rel, name, (), (data or {}).get("sources"), ())


def look(label: str) -> dict:
    """A copy of the vis-network look of ``label``."""
    return json.loads(json.dumps(LOOKS.get(label, {"shape": "box"})))
