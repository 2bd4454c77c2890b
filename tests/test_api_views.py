"""Maps from the API are pyvis networks that open offline, match `kg view`, and keep names inert."""
from __future__ import annotations

import html

import networkx as nx
import pytest
from pyvis.network import Network

import kg
from kg.index import write_index
from kg.stores.embedded import write_embedded
from kg.workspace import Workspace
from tests.api_workspace import run_kg
from tests.test_views import CLOSER, HOSTILE, hostile_graph

# pyvis shows every tooltip as HTML once one title contains "href": a name that has it
HREF = '<a href="javascript:alert(3)" onmouseover="alert(4)">链接</a>'
READY = "typeof network === 'object' && network !== null && !!network.body"
PYVIS_NODES = "nodes.get().map(n => [n.id, n.label, n.group || ''])"


@pytest.fixture(scope="module")
def ws(sample_workspace):
    return kg.open(sample_workspace)


@pytest.fixture(scope="module")
def hostile_ws(tmp_path_factory):
    """A workspace whose registry names are markup (the sample graph plus three such firms)."""
    graph = hostile_graph(HREF)
    path = tmp_path_factory.mktemp("hostile") / "ws"
    Workspace(path).save(graph, inputs=[], extra_writers=[write_embedded, write_index])
    return kg.open(path)


def hover(page, node: str) -> str:
    """Move the mouse onto a node as a user would; the text of the tooltip vis-network shows."""
    page.evaluate(f"network.focus({node!r}, {{scale: 1.2, animation: false}})")
    x, y = page.evaluate(f"(() => {{ const p = network.canvasToDOM(network.getPosition({node!r}));"
                         f" const r = document.getElementById('mynetwork').getBoundingClientRect();"
                         f" return [p.x + r.left, p.y + r.top]; }})()")
    for dx in (-3, 0):
        page.send("Input.dispatchMouseEvent", {"type": "mouseMoved", "x": x + dx, "y": y})
    page.evaluate("new Promise(r => setTimeout(r, 600))")
    return page.evaluate("(document.querySelector('.vis-tooltip') || {}).innerText || ''")


def open_offline(browser, path):
    """Open a saved page; assert it drew with no error, no request, no dialog; return the tab."""
    page = browser.page()
    page.open(path, ready=READY)
    page.evaluate("new Promise(r => setTimeout(r, 200))")
    assert page.errors == [], f"{page.errors}\n{browser.stderr()}"
    assert page.foreign_requests() == [] and page.dialogs == []
    return page


@pytest.mark.browser
def test_view_chain_is_the_same_map_as_kg_view_chain(browser, ws, sample_workspace, tmp_path):
    """ws.view_chain('传感器', zone='郑州高新区') is a pyvis Network whose saved page opens offline
    with the nodes, labels and link statuses of `kg view chain`'s page."""
    net = ws.view_chain("传感器", zone="郑州高新区")
    assert isinstance(net, Network)
    net.save_graph(str(tmp_path / "api.html"))
    run_kg("view", "chain", "传感器", "--zone", "郑州高新区", "-o", tmp_path / "cli.html",
           workspace=sample_workspace)
    page = open_offline(browser, tmp_path / "api.html")
    try:
        drawn = page.evaluate(PYVIS_NODES)
        assert len(page.evaluate("Object.keys(network.getPositions())")) == len(drawn) == net.num_nodes()
    finally:
        page.close()
    page = browser.page()
    try:
        page.open(tmp_path / "cli.html")
        expected = page.evaluate("kgView.data.nodes.map(n => [n.id, n.label])")
    finally:
        page.close()
    assert sorted((i, label) for i, label, _ in drawn) == sorted(map(tuple, expected))
    statuses = {i: group for i, _, group in drawn if i.startswith("Link/")}
    words = {i: label.split("\n")[2].split()[0] for i, label in expected if i.startswith("Link/")}
    assert statuses and {i: g.split(" · ")[1] for i, g in statuses.items()} == words


@pytest.mark.browser
def test_restyled_network_still_opens_offline(browser, ws, tmp_path):
    """show_buttons(), toggle_physics() and a group's colour change survive save_graph()."""
    net = ws.view_zone("郑州高新区")
    net.show_buttons(filter_=["physics"])
    net.toggle_physics(True)
    group = next(iter(net.options.groups))
    net.options.groups[group]["color"] = "#ff00ff"
    net.save_graph(str(tmp_path / "zone.html"))
    frame = net.show(str(tmp_path / "shown.html"))  # pyvis's own notebook display
    assert type(frame).__name__ == "IFrame" and (tmp_path / "shown.html").is_file()
    page = open_offline(browser, tmp_path / "zone.html")
    try:
        assert page.evaluate("document.querySelectorAll('#config .vis-configuration').length") > 0
        assert page.evaluate("network.physics.physicsEnabled") is True
        assert page.evaluate("nodes.get().length") == net.num_nodes()
    finally:
        page.close()


@pytest.mark.browser
def test_hostile_names_stay_inert_in_the_saved_page(browser, hostile_ws, tmp_path):
    """Markup in names — in node ids, labels, tooltips, the heading and pyvis's select menu —
    stays text in the saved page: no element, no dialog, no request, even on hover."""
    net = hostile_ws.view_chain("传感器", zone="郑州高新区")
    net.heading = HOSTILE
    net.select_menu = True  # pyvis writes every node id into <option> elements
    net.save_graph(str(tmp_path / "hostile.html"))
    text = (tmp_path / "hostile.html").read_text(encoding="utf-8")
    assert HOSTILE not in text and "<script>alert(2)" not in text and HREF not in text
    assert "cdn.jsdelivr" not in text
    hostile_id = next(i for i, n in zip(net.node_ids, net.nodes) if n.get("kg", {}).get("name") == HREF)
    assert f'<option value="{html.escape(hostile_id)}">' in text  # pyvis's select menu, escaped
    page = open_offline(browser, tmp_path / "hostile.html")
    try:
        labels = page.evaluate("nodes.get().map(n => n.kg ? n.kg.name : '')")
        assert {HOSTILE, CLOSER, HREF} <= set(labels)
        assert HOSTILE in page.evaluate("document.querySelector('h1').textContent")
        assert "popup.innerHTML" not in text  # pyvis's HTML tooltips stayed off
        for name in (HOSTILE, HREF, CLOSER):
            tip = hover(page, next(i for i, n in zip(net.node_ids, net.nodes)
                                   if n.get("kg", {}).get("name") == name))
            assert name in tip
        page.evaluate("new Promise(r => setTimeout(r, 300))")
        assert page.evaluate("document.querySelectorAll('img, iframe, object, a').length") == 0
        assert page.dialogs == [] and page.foreign_requests() == [] and page.errors == []
    finally:
        page.close()


def test_jupyter_display_is_a_sandboxed_iframe(ws):
    """A network ending a cell shows inline: _repr_html_ is an iframe whose srcdoc is escaped."""
    shown = ws.view_firm("汉威科技")._repr_html_()
    assert shown.startswith("<iframe srcdoc=\"") and 'sandbox="allow-scripts"' in shown
    assert "<script" not in shown  # the page is inside the attribute, escaped


def test_subgraph_is_the_chain_in_the_zone(ws):
    """ws.subgraph(zone=…, chain=…) is a MultiDiGraph of the chain's links, the zone's firms on
    them (those `kg gaps` lists) with their statuses, typed nodes and sources on relations."""
    part = ws.subgraph(zone="郑州高新区", chain="传感器")
    assert isinstance(part, nx.MultiDiGraph)
    rows = ws.gaps("传感器", "郑州高新区", top=None).to_records()
    links = {d["name"]: d for _, d in part.nodes(data=True) if d["label"] == "Link"}
    assert {r["link"]: r["status"] for r in rows} == {n: d["status"] for n, d in links.items()}
    firms = {d["name"] for _, d in part.nodes(data=True) if d["label"] == "Firm"}
    assert {f for r in rows for f in r["local_firms"]} <= firms
    assert all(d["label"] != "Document" for _, d in part.nodes(data=True))
    operates = [d for _, _, k, d in part.edges(keys=True, data=True) if k == "OPERATES_IN"]
    assert operates and all(d.get("sources") for d in operates)
    whole = ws.subgraph(chain="传感器")
    assert set(links) <= {d["name"] for _, d in whole.nodes(data=True)}
    assert whole.number_of_nodes() >= part.number_of_nodes() - 2  # the zone and its region aside


def test_view_panorama_is_the_commands_page(ws, sample_workspace):
    """ws.view_panorama(zone) is the page `kg view panorama --zone ZONE` prints, shown inline."""
    page = ws.view_panorama("郑州高新区")
    assert page._repr_html_().startswith("<iframe srcdoc=")
    printed = run_kg("view", "panorama", "--zone", "郑州高新区", workspace=sample_workspace)
    assert printed.stdout == page.html + "\n"  # click.echo ends it with a newline


@pytest.mark.parametrize("kind, name", [("zone", "郑州高新区"), ("zone", "新乡市"), ("firm", "汉威科技")])
def test_view_zone_and_firm_draw_the_commands_nodes(ws, sample_workspace, kind, name):
    """ws.view_zone / ws.view_firm hold the nodes and labels of `kg view zone|firm`'s page."""
    from tests.test_views import page_data

    net = getattr(ws, f"view_{kind}")(name)
    printed = run_kg("view", kind, name, workspace=sample_workspace).stdout
    expected = {(n["id"], n["label"]) for n in page_data(printed)["nodes"]}
    assert {(n["id"], n["label"]) for n in net.nodes} == expected and len(expected) >= 3
