"""Draw whatever a Cypher query returns: its nodes, and the relations between them.

The embedded store's rows hold nodes as dicts with ``_label`` and ``id``, paths as
``_NODES``/``_RELS``, and relations without their ends; a relation is drawn between
two nodes of the same row that the graph joins by that relation type (or between
the consecutive nodes of a path). Scalars are listed in the notes.

>>> from kg.queries.fixtures import sensor_graph
>>> g = sensor_graph()
>>> firm = {"_label": "Firm", "id": "Firm/郑州森感电子科技有限公司", "name": "郑州森感电子科技有限公司"}
>>> zone = {"_label": "Zone", "id": "Zone/郑州高新区", "name": "郑州高新技术产业开发区"}
>>> view = query_view(["f", "r", "z"], [{"f": firm, "r": {"_label": "LOCATED_IN"}, "z": zone}], g)
>>> view.entity_count(), [(e["from"], e["to"]) for e in view.edges]
(2, [('Firm/郑州森感电子科技有限公司', 'Zone/郑州高新区')])
"""
from __future__ import annotations

import math

from kg import vocab
from kg.views import style
from kg.views.chain import View

DEFAULT_MAX_NODES = 2000
COL_W, ROW_H = 260, 56


def _walk(value, nodes: list, rels: list, paths: list) -> bool:
    """Collect nodes, relations and paths from one cell; False when it is a plain value."""
    if isinstance(value, dict):
        if "_NODES" in value:
            path_nodes = [n for n in value["_NODES"] if isinstance(n, dict) and n.get("id")]
            nodes.extend(path_nodes)
            paths.append((path_nodes, list(value.get("_RELS") or [])))
            return True
        label = value.get("_label")
        if label in vocab.LABELS and value.get("id") is not None:
            nodes.append(value)
            return True
        if label in vocab.RELATIONS:
            rels.append(value)
            return True
        return False
    if isinstance(value, list):
        return any([_walk(v, nodes, rels, paths) for v in value])
    return False


def _joined(graph, u: str, v: str, rel: str):
    if graph is None or u not in graph or v not in graph:
        return None
    if graph.nx.has_edge(u, v, rel):
        return (u, v)
    if graph.nx.has_edge(v, u, rel):
        return (v, u)
    return None


def query_view(columns: list, rows: list, graph=None, *, title: str = "Cypher",
               max_nodes: int = DEFAULT_MAX_NODES) -> View:
    """The nodes and relations in ``rows`` (from an engine's ``run``) as a view."""
    found: dict = {}
    edges: dict = {}
    scalars, loose = set(), 0
    for row in rows:
        nodes, rels, paths = [], [], []
        for column in columns:
            if not _walk(row.get(column), nodes, rels, paths) and row.get(column) is not None:
                scalars.add(column)
        for n in nodes:
            found.setdefault(str(n["id"]), n)
        ids = list(dict.fromkeys(str(n["id"]) for n in nodes))
        for path_nodes, path_rels in paths:
            for i, rel in enumerate(path_rels):
                if i + 1 < len(path_nodes):
                    a, b = str(path_nodes[i]["id"]), str(path_nodes[i + 1]["id"])
                    ends = _joined(graph, a, b, rel.get("_label")) or (a, b)
                    edges.setdefault((*ends, rel.get("_label")), rel)
        for rel in rels:
            rtype = rel.get("_label")
            ends = next((e for a in ids for b in ids if a < b
                         for e in [_joined(graph, a, b, rtype)] if e), None)
            if ends is None:
                loose += 1
            else:
                edges.setdefault((*ends, rtype), rel)
    view = View(title=f"{title} · {len(found)} nodes",
                subtitle="查询结果 query result · 悬停看来源 hover for sources")
    ids = list(found)
    if len(ids) > max_nodes:
        view.notes.append(f"the query returned {len(ids):,} nodes; drawing the first {max_nodes:,}.")
        ids = ids[:max_nodes]
    keep = set(ids)
    by_label: dict = {}
    for node in ids:
        by_label.setdefault(found[node].get("_label"), []).append(node)
    x = 0.0
    for label in sorted(by_label, key=lambda lab: vocab.LABELS.index(lab) if lab in vocab.LABELS else 99):
        members = by_label[label]
        cols = max(1, math.ceil(math.sqrt(len(members) / 6)))
        for j, node in enumerate(members):
            record = found[node]
            if graph is not None and node in graph:
                info = style.node_info(graph, node)
            else:
                info = style.info(label, record.get("name", node), record.get("aliases"),
                                  record.get("sources"))
            name = info["name"]
            view.nodes.append({"id": node, "label": name if len(name) <= 14 else name[:13] + "…",
                               "x": x + (j % cols) * COL_W, "y": (j // cols) * ROW_H,
                               **style.look(label), "font": {"size": 14}, "kg": info})
        view.nodes.append({"id": f"decor:{label}", "decor": True, "shape": "text",
                           "label": f"{style.TYPE_NAMES.get(label, label)} · {len(members)}",
                           "x": x + (cols - 1) * COL_W / 2, "y": -70,
                           "font": {"size": 15, "color": "#333"}})
        x += cols * COL_W + 120
    for (u, v, rtype), rel in edges.items():
        if u in keep and v in keep:
            data = graph.nx.edges[u, v, rtype] if graph is not None and _joined(graph, u, v, rtype) else rel
            view.edges.append({"from": u, "to": v, "arrows": "to", "label": rtype,
                               "color": {"color": "#999"},
                               "kg": style.edge_info(rtype, data, found[u].get("name", u),
                                                     found[v].get("name", v))})
    if loose:
        view.notes.append(f"{loose:,} relations came without both of their nodes in the row and are "
                          f"not drawn; return the nodes too (RETURN a, r, b).")
    if scalars:
        view.notes.append("plain values not drawn: columns " + ", ".join(sorted(scalars)))
    view.legend = [({"background": style.LOOKS[lab]["color"]["background"],
                     "border-color": style.LOOKS[lab]["color"]["border"]}, style.TYPE_NAMES[lab])
                   for lab in by_label if lab in style.LOOKS]
    return view


def run_query(workspace, cypher: str, params: dict | None = None) -> tuple:
    """(columns, rows) of a Cypher statement on the workspace's embedded store."""
    from kg.stores.embedded import EmbeddedEngine

    with EmbeddedEngine(workspace) as engine:
        return engine.run(cypher, params or {})


def query_map(workspace, cypher: str, params: dict | None = None, *, graph=None,
              max_nodes: int = DEFAULT_MAX_NODES) -> str:
    """Run ``cypher`` on the workspace's embedded store and draw the answer as an HTML page.

    ``graph`` (the workspace's graph, loaded when None) supplies provenance and the
    ends of relations.
    """
    columns, rows = run_query(workspace, cypher, params)
    if graph is None:
        graph = workspace.load()
    return query_view(columns, rows, graph, title=_title(cypher), max_nodes=max_nodes).html()


def _title(cypher: str) -> str:
    text = " ".join(cypher.split())
    return text if len(text) <= 80 else text[:79] + "…"
