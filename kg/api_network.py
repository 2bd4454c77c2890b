"""kg's maps as pyvis networks: the same view data as ``kg view``, handed to pyvis.

:func:`to_network` turns a :class:`kg.views.View` (the nodes, edges and positions the
``kg view`` pages draw) into a :class:`pyvis.network.Network`, so a notebook user can
restyle it (``net.show_buttons()``, ``net.toggle_physics(True)``, groups in
``net.options.groups``), save it (``net.save_graph("map.html")``) or show it inline.

What pyvis needs help with, and how this module does it:

- **Offline.** ``cdn_resources="in_line"`` inlines vis-network, but pyvis's template
  still links bootstrap from a CDN; :class:`KGNetwork` drops those two tags (bootstrap
  only styles pyvis's menus), so the saved page makes no request at all.
- **Escaping.** pyvis renders its template with autoescape off: the heading and the
  select menu's node ids would go into the page as HTML. :class:`KGNetwork` renders the
  same template with autoescape on (node and edge lists already pass through Jinja's
  ``tojson``, which escapes ``<``, ``>``, ``&`` and ``'``). Tooltips (``title``) are
  plain text, which vis-network 9 shows with ``innerText``; but pyvis switches every
  tooltip to ``innerHTML`` once any title contains "href", so kg's titles are
  :class:`PlainText`, which pyvis's test never finds "href" in.
- **Speed.** ``Network.add_node`` / ``add_edge`` test membership in lists (measured
  here: 500 nodes and edges 0.03 s, 2,000 0.38 s, 5,000 2.3 s); views are filled
  through pyvis's own :class:`~pyvis.node.Node` and :class:`~pyvis.edge.Edge` records
  into ``net.nodes`` / ``net.edges`` / ``net.node_ids`` / ``net.node_map`` instead,
  which is what ``add_node`` does without the quadratic checks (5,000 nodes 0.16 s,
  20,000 nodes 0.73 s; writing the 20,000-node page takes 1.9 s more).
- **Jupyter.** ``_repr_html_`` shows the page in a sandboxed ``<iframe srcdoc>``, so
  a cell that ends with the network displays it; ``net.show(name)`` works as in pyvis.

>>> from kg.views import chain_view
>>> from kg.queries.fixtures import sensor_graph
>>> net = to_network(chain_view(sensor_graph(), "传感器", "郑州高新区"))
>>> type(net).__mro__[1].__name__, net.num_nodes() > 4
('Network', True)
"""
from __future__ import annotations

import html
import json
import re

from jinja2 import Environment, FileSystemLoader
from pyvis.edge import Edge
from pyvis.network import Network
from pyvis.node import Node

from kg.views import style
from kg.views.page import CJK_FONTS

HEIGHT = "760px"
_BOOTSTRAP = re.compile(r'\s*<link\s+href="https://cdn\.jsdelivr\.net/npm/bootstrap@[^>]*>'
                        r'|\s*<script\s+src="https://cdn\.jsdelivr\.net/npm/bootstrap@[^>]*>\s*</script>')
_HEADING = re.compile(r"<center>\s*<h1>.*?</h1>\s*</center>", re.S)
# colour of a status's border → the status (the chain map colours links and their firms so)
_STATUS_OF_BORDER = {st["border"]: name for name, st in style.STATUS.items()}


class PlainText(str):
    """A tooltip string pyvis must not treat as HTML (its ``"href" in title`` test is False)."""

    def __contains__(self, item) -> bool:  # pyvis: `if "href" in title` → innerHTML tooltips
        return False if item == "href" else str.__contains__(self, item)


class KGNetwork(Network):
    """A pyvis :class:`~pyvis.network.Network` that renders offline and escaped (see the module)."""

    def __init__(self, *args, notebook: bool = True, **kwargs):
        kwargs.setdefault("cdn_resources", "in_line")
        super().__init__(*args, notebook=False, **kwargs)
        self.set_template_dir(self.template_dir, self.path)
        if notebook:  # pyvis's net.show(name) (notebook=True by default) renders self.template
            self.prep_notebook()

    def set_template_dir(self, template_directory, template_file="template.html"):
        """As pyvis's, with Jinja's autoescape on (names are data, not markup)."""
        super().set_template_dir(template_directory, template_file)
        self.templateEnv = Environment(loader=FileSystemLoader(self.template_dir), autoescape=True)

    def generate_html(self, name="index.html", local=True, notebook=False):
        """pyvis's page without CDN links and with the heading once."""
        page = super().generate_html(name, local=local, notebook=notebook)
        page = _BOOTSTRAP.sub("", page)
        first = _HEADING.search(page)
        if first and _HEADING.search(page, first.end()):  # pyvis's template prints it twice
            page = page[:first.start()] + page[first.end():]
        self.html = page
        return page

    def _repr_html_(self) -> str:
        page = self.generate_html()
        return (f'<iframe srcdoc="{html.escape(page, quote=True)}" sandbox="allow-scripts" '
                f'style="width:100%;height:{html.escape(str(self.height))};border:0"></iframe>')


def tooltip(info: dict | None) -> PlainText | None:
    """A view's tooltip record as plain text lines (type, name, aliases, facts, sources).

    >>> print(tooltip({"type": "企业 Firm", "name": "<b>甲</b>", "sources": [{"doc": "a.txt", "row": 3}]}))
    企业 Firm
    <b>甲</b>
    a.txt · row 3
    """
    if not info:
        return None
    lines = [info.get("type", ""), info.get("name", "")]
    if info.get("aliases"):
        lines.append("又名 also: " + "、".join(info["aliases"]))
    lines += info.get("facts") or []
    for src in info.get("sources") or []:
        where = [str(src[k]) if k == "doc" else f"{k} {src[k]}"
                 for k in ("doc", "sentence", "row") if k in src]
        if "quote" in src:
            lines.append(f"“{src['quote']}”")
        lines.append(" · ".join(where))
    more = info.get("sources_total", 0) - len(info.get("sources") or [])
    if more > 0:
        lines.append(f"… {more} more sources")
    return PlainText("\n".join(str(x) for x in lines if x != ""))


def group_of(node: dict) -> str:
    """The pyvis group of a view node: its kind, and the link status its colour shows."""
    if node.get("decor"):
        return "说明 caption"
    if node.get("fold"):
        return "+N more"
    kind = (node.get("kg") or {}).get("type", "")
    color = node.get("color")
    border = color.get("border") if isinstance(color, dict) else None
    status = _STATUS_OF_BORDER.get(border)
    return f"{kind} · {style.STATUS[status]['zh']}" if status else kind or "other"


def _groups(nodes: list) -> tuple:
    """(group name per node, {group: options}): a group per kind and colour, named readably."""
    looks: dict = {}
    names = []
    for node in nodes:
        base = group_of(node)
        color = json.dumps(node.get("color"), sort_keys=True)
        name, k = base, 1
        while name in looks and looks[name] != color:
            k += 1
            name = f"{base} #{k}"
        looks.setdefault(name, color)
        names.append(name)
    return names, {name: ({"color": json.loads(c)} if c != "null" else {}) for name, c in looks.items()}


def to_network(view, *, height: str = HEIGHT, notebook: bool = True) -> KGNetwork:
    """A pyvis network drawing ``view`` (a :class:`kg.views.View`) as ``kg view`` does.

    Positions are the view's own and physics is off (the layout is the map's);
    ``net.toggle_physics(True)`` lets vis-network move the nodes.
    """
    net = KGNetwork(height=height, width="100%", directed=True, heading=view.title,
                    notebook=notebook)
    names, groups = _groups(view.nodes)
    for node, group in zip(view.nodes, names):
        opts = {k: v for k, v in node.items() if k not in ("id", "label", "shape", "color")}
        opts["font"] = {"face": CJK_FONTS, **(node.get("font") or {})}
        opts["title"] = tooltip(node.get("kg"))
        if opts["title"] is None:
            del opts["title"]
        record = Node(node["id"], node.get("shape", "box"), label=node.get("label", node["id"]),
                      group=group, **opts).options
        net.nodes.append(record)
        net.node_ids.append(node["id"])
        net.node_map[node["id"]] = record
    for edge in view.edges:
        opts = {k: v for k, v in edge.items() if k not in ("from", "to")}
        if edge.get("kg"):
            opts["title"] = tooltip(edge["kg"])
        net.edges.append(Edge(edge["from"], edge["to"], True, **opts).options)
    net.options.groups = groups
    net.options.nodes = {"font": {"face": CJK_FONTS}}
    net.options.edges.smooth.enabled = False
    net.options.layout = {"improvedLayout": False}
    net.options.interaction.hideEdgesOnDrag = True
    net.options.interaction.hover = True
    net.toggle_physics(False)
    return net


class Page:
    """An HTML page (the panorama) that Jupyter shows inline and :meth:`save` writes."""

    def __init__(self, html_text: str, *, height: str = HEIGHT, more: list | None = None):
        self.html = html_text
        self.height = height
        self.more = list(more or [])  # further pages, when the page holds only the first chains

    def save(self, path) -> str:
        """Write the page to ``path`` (UTF-8)."""
        from pathlib import Path

        Path(path).write_text(self.html, encoding="utf-8")
        return str(path)

    def __str__(self) -> str:
        return self.html

    def _repr_html_(self) -> str:
        return (f'<iframe srcdoc="{html.escape(self.html, quote=True)}" sandbox="allow-scripts" '
                f'style="width:100%;height:{html.escape(self.height)};border:0"></iframe>')
