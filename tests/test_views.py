"""Views without a browser: page structure, escaping, folding, the CLI."""
from __future__ import annotations

import json
import re

import pytest
from click.testing import CliRunner

from kg.cli import cli
from kg.errors import NotFoundError
from kg.views import chain_map, chain_view, ego_view, query_view
from kg.queries.fixtures import sensor_graph
from kg.workspace import Workspace

HOSTILE = "<img src=x onerror=alert(1)>"
CLOSER = "</script><script>alert(2)</script>"


def hostile_graph():
    """The sample graph plus two firms whose registry names are markup."""
    g = sensor_graph()
    zone = g.find("郑州高新区", "Zone")
    link = next(v for v in g.out(g.find("传感器", "Chain"), "HAS_LINK") if g.node(v)["name"] == "传感器")
    for row, name in ((9001, HOSTILE), (9002, CLOSER)):
        src = {"doc": "registry/evil.csv", "row": row}
        firm = g.add_entity("Firm", name, source=src)
        g.add_relation(firm, "LOCATED_IN", zone, source=src)
        g.add_relation(firm, "OPERATES_IN", link, source=src, score=1.0)
    return g


def page_data(page: str) -> dict:
    match = re.search(r'<script type="application/json" id="kg-data">(.*?)</script>', page, re.S)
    return json.loads(match.group(1))


def test_page_is_offline():
    """The chain page inlines vis-network and references no other file or host."""
    page = chain_map(sensor_graph(), "传感器", "郑州高新区")
    assert "vis-network" in page and "new vis.Network" in page
    assert not re.search(r'<(script|link)[^>]+(src|href)=', page)
    assert "http://" not in page.split("<script>")[0] and "https://" not in page.split("<script>")[0]


def test_hostile_names_stay_data():
    """Markup in names never reaches the page as markup, and cannot close the data script."""
    page = chain_map(hostile_graph(), "传感器", "郑州高新区")
    assert HOSTILE not in page and "<script>alert(2)" not in page
    names = {n["kg"]["name"] for n in page_data(page)["nodes"] if "kg" in n}
    assert {HOSTILE, CLOSER} <= names
    assert page.count("</script>") == 3  # vis, data, own script


def test_chain_links_in_order_with_status():
    """Links go left to right upstream first, each coloured by its status."""
    view = chain_view(sensor_graph(), "传感器", "郑州高新区")
    links = [n for n in view.nodes if n["id"].startswith("Link/")]
    assert [n["kg"]["name"] for n in sorted(links, key=lambda n: n["x"])] == \
        ["传感器材料", "传感芯片", "传感器", "传感器终端"]
    assert {n["y"] for n in links} == {0}
    statuses = [n["kg"]["facts"][0] for n in sorted(links, key=lambda n: n["x"])]
    assert "weak" in statuses[0] and "gap" in statuses[1] and "covered" in statuses[2]


def test_targets_are_dashed_and_neighbours_drawn():
    """Target firms are dashed boxes above their links; 新乡 zones are drawn over the gap."""
    view = chain_view(sensor_graph(), "传感器", "郑州高新区")
    targets = [n for n in view.nodes if n.get("shapeProperties", {}).get("borderDashes")
               and n["id"].startswith("Firm/")]
    # the plan's target the registry places on 传感芯片; the unplaced one has no link to sit on
    assert {n["kg"]["name"] for n in targets} == {"郑州金芯微感科技有限公司"}
    assert all(n["y"] < 0 for n in targets)
    assert any(n["id"] == "Zone/新乡经开区" for n in view.nodes)


def test_folding_keeps_the_best_placed():
    """Above --max-per-link a link shows its best-placed firms and one “…及其他 N 家”, and says so."""
    view = chain_view(sensor_graph(), "传感器", "郑州高新区", max_per_link=1)
    folds = [n for n in view.nodes if n.get("fold") and n["id"].endswith(":firms")]
    assert [n["label"] for n in folds] == ["…及其他 3 家", "…及其他 1 家"]  # 4 and 2 local firms
    assert any("折叠" in note for note in view.notes)
    g = sensor_graph()
    zone, link = g.find("郑州高新区", "Zone"), g.find("智能传感器/传感器", "Link")
    local = [f for f in g.into(link, "OPERATES_IN") if zone in g.out(f, "LOCATED_IN")]
    shown = [n["id"] for n in view.nodes if n["id"] in local]
    assert len(shown) == 1 and len(local) == 4

    def score(f):
        return g.nx.edges[f, link, "OPERATES_IN"].get("score", 0)

    assert all(score(shown[0]) >= score(f) for f in local)  # the shown one is placed best


def test_unknown_chain_names_the_closest():
    """An unknown chain is a NotFoundError, not a blank page."""
    with pytest.raises(NotFoundError):
        chain_map(sensor_graph(), "量子计算", "郑州高新区")


def test_ego_views_cover_every_neighbour():
    """The firm view draws the firm and each of its direct neighbours once."""
    g = sensor_graph()
    view = ego_view(g, "郑州森感电子科技有限公司", "Firm")
    firm = g.find("郑州森感电子科技有限公司", "Firm")
    want = {firm} | {v for _, v, k in g.nx.out_edges(firm, keys=True) if k != "MENTIONED_IN"} \
        | {u for u, _, k in g.nx.in_edges(firm, keys=True) if k != "MENTIONED_IN"}
    assert {n["id"] for n in view.nodes if not n.get("decor")} == want


def test_query_view_skips_scalars():
    """Plain values in a query answer are named in the notes, not drawn."""
    view = query_view(["n"], [{"n": 3}], None)
    assert view.entity_count() == 0 and "columns n" in view.notes[0]


def test_cli_chain_writes_page(tmp_path):
    """`kg view chain` writes one page and logs to stderr only."""
    ws = Workspace(tmp_path / "ws")
    ws.save(sensor_graph(), inputs=[])
    out = tmp_path / "sensor.html"
    result = CliRunner().invoke(cli, ["view", "chain", "传感器", "--zone", "郑州高新区", "-o", str(out),
                                      "-w", str(ws.path)])
    assert result.exit_code == 0, result.output
    assert out.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert result.stdout == ""


def test_cli_unknown_zone_is_a_clean_error(tmp_path):
    """An unknown zone exits 1 with one line naming it."""
    ws = Workspace(tmp_path / "ws")
    ws.save(sensor_graph(), inputs=[])
    result = CliRunner().invoke(cli, ["view", "zone", "火星高新区", "-w", str(ws.path)])
    assert result.exit_code == 1 and "火星高新区" in result.stderr
