"""One self-contained HTML page for every view: vis-network inlined, data escaped.

A view hands :func:`render_page` plain node and edge dicts (vis-network's own
fields plus ``kg``: what the tooltip shows) and gets back one HTML string that
works with no network: the vis-network script comes from the copy that pyvis
ships and is inlined, never fetched from a CDN.

Safety: every string a user or a registry wrote (names, quotes, notes) reaches the
page either through :func:`html.escape` (HTML text) or inside a JSON block that
cannot close its ``<script>`` element (:func:`script_json`); the page's script
shows them with ``textContent`` only and draws labels on the canvas, so a firm
called ``<img src=x onerror=alert(1)>`` stays text.

>>> page = render_page("<b>t</b>", [{"id": "n", "label": "</script>", "x": 0, "y": 0}], [])
>>> "</script>\\"" in page, "&lt;b&gt;t&lt;/b&gt;" in page
(False, True)
"""
from __future__ import annotations

import html
import json
from functools import lru_cache
from importlib.resources import files

#: fonts tried in order for Chinese labels, on the canvas and in the page
CJK_FONTS = ('"WenQuanYi Micro Hei", "Noto Sans CJK SC", "Source Han Sans SC", '
             '"Microsoft YaHei", "PingFang SC", "Heiti SC", sans-serif')

VIS_VERSION = "9.1.2"


@lru_cache(maxsize=1)
def vis_script() -> str:
    """The vis-network script pyvis ships, to inline in pages (about 460 KB)."""
    lib = files("pyvis").joinpath("templates", "lib", f"vis-{VIS_VERSION}", "vis-network.min.js")
    text = lib.read_text(encoding="utf-8")
    # An inline script ends at the first "</script"; the library has none, but be sure.
    return text.replace("</script", "<\\/script")


def script_json(value) -> str:
    """JSON that is safe inside ``<script type="application/json">``.

    ``<``, ``>`` and ``&`` become ``\\u003c`` … so no name can close the element or
    open a comment; U+2028/2029 are escaped for old JS parsers.

    >>> script_json({"name": "</script><!--"})
    '{"name":"\\\\u003c/script\\\\u003e\\\\u003c!--"}'
    """
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    return (text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
            .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029"))


def escape(text) -> str:
    """HTML-escape any value for page text and attributes.

    >>> escape('<img src=x onerror="alert(1)">')
    '&lt;img src=x onerror=&quot;alert(1)&quot;&gt;'
    """
    return html.escape(str(text), quote=True)


def legend_html(items) -> str:
    """The legend: ``items`` are (swatch style dict, text) pairs.

    >>> legend_html([({"background": "#d33"}, "缺链 gap")])
    '<li><span class="sw" style="background:#d33"></span>缺链 gap</li>'
    """
    out = []
    for style, text in items:
        css = ";".join(f"{escape(k)}:{escape(v)}" for k, v in style.items())
        out.append(f'<li><span class="sw" style="{css}"></span>{escape(text)}</li>')
    return "".join(out)


def render_page(title: str, nodes: list, edges: list, *, legend=(), notes=(), subtitle: str = "",
                options: dict | None = None, links=()) -> str:
    """A complete offline HTML page drawing ``nodes`` and ``edges`` with vis-network.

    Nodes need ``id``, ``label``, ``x``, ``y`` (layouts are fixed, physics is off);
    ``kg`` holds the tooltip (``type``, ``name``, ``aliases``, ``sources``, ``facts``);
    ``decor: true`` marks band captions that are not graph nodes; ``links`` are
    (href, text) pairs shown under the title (e.g. the zone's chain panorama).
    """
    data = {"nodes": nodes, "edges": edges, "options": options or {}, "fonts": CJK_FONTS}
    note_items = "".join(f"<li>{escape(n)}</li>" for n in notes)
    subtitle_html = escape(subtitle) + "".join(
        f' · <a href="{escape(href)}">{escape(text)}</a>' for href, text in links)
    return TEMPLATE.format(
        title=escape(title), subtitle=subtitle_html, fonts=CJK_FONTS,
        legend=legend_html(legend), notes=note_items,
        notes_hidden="" if notes else " hidden",
        vis=vis_script(), data=script_json(data), script=SCRIPT)


STYLE = """
html,body{margin:0;height:100%;font-family:%(fonts)s;color:#222;background:#fff}
#graph{position:absolute;left:0;top:58px;bottom:0;right:296px}
header{position:absolute;left:12px;top:8px;z-index:5;background:rgba(255,255,255,.92);
  padding:6px 10px;border-radius:6px;max-width:60%%}
header h1{font-size:18px;margin:0}
header p{margin:2px 0 0;font-size:13px;color:#555}
#side{position:absolute;right:12px;top:8px;z-index:5;width:270px;font-size:13px}
.panel{background:rgba(255,255,255,.95);border:1px solid #ccc;border-radius:6px;padding:8px;
  margin-bottom:8px}
.panel h2{font-size:13px;margin:0 0 4px}
#search{width:100%%;box-sizing:border-box;font:inherit;padding:4px}
#found{color:#555;margin-top:4px;min-height:1em}
ul{margin:0;padding:0;list-style:none}
#legend li{margin:2px 0;display:flex;align-items:center}
.sw{display:inline-block;width:22px;height:12px;margin-right:6px;border:2px solid transparent;
  box-sizing:border-box;flex:none}
#notes li{margin:2px 0}
#tip,#detail{font-size:12px;white-space:normal}
#tip{position:absolute;z-index:10;display:none;max-width:420px;background:#fffff4;
  border:1px solid #999;border-radius:4px;padding:6px 8px;pointer-events:none;
  box-shadow:0 2px 6px rgba(0,0,0,.2)}
.t-type{color:#666}.t-name{font-weight:bold;font-size:13px}.t-src{margin-top:4px;
  border-left:3px solid #ccc;padding-left:6px}.t-doc{color:#555}
[hidden]{display:none!important}
"""

TEMPLATE = """<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title}</title>
<style>STYLE_PLACEHOLDER</style>
</head>
<body>
<div id="graph"></div>
<header><h1>{title}</h1><p>{subtitle}</p></header>
<div id="side">
 <div class="panel"><label for="search"><b>查找 Find</b></label>
  <input id="search" type="search" list="names" placeholder="名称 name" autocomplete="off">
  <datalist id="names"></datalist><div id="found"></div></div>
 <div class="panel"><h2>图例 Legend</h2><ul id="legend">{legend}</ul></div>
 <div class="panel"{notes_hidden}><h2>说明 Notes</h2><ul id="notes">{notes}</ul></div>
 <div class="panel" id="detail" hidden></div>
</div>
<div id="tip"></div>
<script>{vis}</script>
<script type="application/json" id="kg-data">{data}</script>
<script>{script}</script>
</body>
</html>
""".replace("STYLE_PLACEHOLDER", STYLE.replace("{", "{{").replace("}", "}}")
            .replace("%(fonts)s", CJK_FONTS).replace("%%", "%"))

# The page's own script: tooltips and the detail panel are DOM built with textContent.
SCRIPT = r"""
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("kg-data").textContent);
  var fonts = data.fonts;
  data.nodes.forEach(function (n) {
    n.font = Object.assign({face: fonts}, n.font || {});
  });
  data.edges.forEach(function (e) {
    e.font = Object.assign({face: fonts, size: 11, color: "#555", strokeWidth: 3}, e.font || {});
  });
  var nodes = new vis.DataSet(data.nodes);
  var edges = new vis.DataSet(data.edges);
  var options = Object.assign({
    physics: false,
    layout: {improvedLayout: false},
    interaction: {hover: true, tooltipDelay: 80, hideEdgesOnDrag: true, multiselect: false},
    nodes: {shape: "box", margin: 6, borderWidth: 2},
    edges: {smooth: false, color: {color: "#999"}, width: 1}
  }, data.options);
  var container = document.getElementById("graph");
  var network = new vis.Network(container, {nodes: nodes, edges: edges}, options);

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined && text !== null) e.textContent = String(text);
    return e;
  }
  function sourceLine(s) {
    var box = el("div", "t-src");
    if (s.quote !== undefined) box.appendChild(el("div", "t-quote", "“" + s.quote + "”"));
    var where = [];
    if (s.doc !== undefined) where.push(s.doc);
    if (s.sentence !== undefined) where.push("sentence " + s.sentence);
    if (s.start !== undefined) where.push("chars " + s.start + "–" + s.end);
    if (s.row !== undefined) where.push("row " + s.row);
    box.appendChild(el("div", "t-doc", where.join(" · ")));
    return box;
  }
  function describe(info, limit) {
    var box = document.createDocumentFragment();
    box.appendChild(el("div", "t-type", info.type || ""));
    box.appendChild(el("div", "t-name", info.name || ""));
    if (info.aliases && info.aliases.length)
      box.appendChild(el("div", "t-alias", "又名 also: " + info.aliases.join("、")));
    (info.facts || []).forEach(function (f) { box.appendChild(el("div", "t-fact", f)); });
    var srcs = info.sources || [];
    srcs.slice(0, limit).forEach(function (s) { box.appendChild(sourceLine(s)); });
    var total = Math.max(info.sources_total || 0, srcs.length);
    if (total > Math.min(limit, srcs.length))
      box.appendChild(el("div", "t-doc", "… " + (total - Math.min(limit, srcs.length)) + " more sources"));
    return box;
  }
  var tip = document.getElementById("tip");
  function showTip(info, x, y) {
    tip.replaceChildren(describe(info, 3));
    tip.style.display = "block";
    var w = container.clientWidth;
    tip.style.left = Math.min(x + 14, w - 430) + "px";
    tip.style.top = (y + 14) + "px";
  }
  function hideTip() { tip.style.display = "none"; }
  var detail = document.getElementById("detail");
  function showDetail(info) {
    detail.replaceChildren(describe(info, 20));
    detail.hidden = false;
  }
  network.on("hoverNode", function (p) {
    var n = nodes.get(p.node);
    if (n && n.kg) showTip(n.kg, p.pointer.DOM.x, p.pointer.DOM.y);
  });
  network.on("blurNode", hideTip);
  network.on("hoverEdge", function (p) {
    var e = edges.get(p.edge);
    if (e && e.kg) showTip(e.kg, p.pointer.DOM.x, p.pointer.DOM.y);
  });
  network.on("blurEdge", hideTip);
  network.on("dragStart", hideTip);
  network.on("click", function (p) {
    var item = p.nodes.length ? nodes.get(p.nodes[0]) : (p.edges.length ? edges.get(p.edges[0]) : null);
    if (item && item.kg) showDetail(item.kg); else detail.hidden = true;
  });

  // search: every name and alias of every drawn node
  var index = [];
  var list = document.getElementById("names");
  data.nodes.forEach(function (n) {
    if (!n.kg) return;
    var names = [n.kg.name].concat(n.kg.aliases || []);
    names.forEach(function (name) { if (name) index.push([String(name).toLowerCase(), n.id]); });
    if (n.kg.name) { var o = document.createElement("option"); o.value = n.kg.name; list.appendChild(o); }
  });
  var found = document.getElementById("found");
  function find(query) {
    var q = String(query).trim().toLowerCase();
    if (!q) { found.textContent = ""; return null; }
    var hit = null, i;
    for (i = 0; i < index.length && hit === null; i++) if (index[i][0] === q) hit = index[i][1];
    for (i = 0; i < index.length && hit === null; i++) if (index[i][0].indexOf(q) >= 0) hit = index[i][1];
    if (hit === null) { found.textContent = "没有找到 not found"; return null; }
    var n = nodes.get(hit);
    found.textContent = (n.kg && n.kg.type ? n.kg.type + ": " : "") + (n.kg ? n.kg.name : n.label);
    network.selectNodes([hit]);
    network.focus(hit, {scale: Math.max(network.getScale(), 1.0), animation: false});
    if (n.kg) showDetail(n.kg);
    return hit;
  }
  var search = document.getElementById("search");
  search.addEventListener("change", function () { find(search.value); });
  search.addEventListener("keydown", function (ev) { if (ev.key === "Enter") find(search.value); });

  var drawn = false;
  network.once("afterDrawing", function () {
    // node boxes are measured on the first draw: fit again so none is cut at an edge
    network.fit({animation: false});
    drawn = true; document.body.dataset.drawn = "1";
  });
  network.fit({animation: false});
  window.kgView = {
    network: network, nodes: nodes, edges: edges, data: data, find: find,
    showTip: function (id) {
      var n = nodes.get(id), pos = network.canvasToDOM(network.getPosition(id));
      showTip(n.kg, pos.x, pos.y);
      return tip;
    },
    drawn: function () { return drawn; }
  };
})();
"""
