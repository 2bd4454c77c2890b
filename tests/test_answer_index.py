"""Commands answer from the workspace's answer index exactly as from the whole graph.

The workspace is built from the bundled documents and a synthetic registry (the
benchmark generator's shape: 企业名称, 统一社会信用代码, 注册地址, 经营范围), so registry
firms, document firms, targets, platforms and coverage all take part.
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from kg.answers import (core, for_chain_map, for_firm, for_gaps, for_panorama, for_place,
                        for_report)
from kg.build import build, sample_documents
from kg.cli import cli
from kg.index import is_bulk
from kg.queries import chain_gaps, chains, firm_profile, targets, zone_profile
from kg.queries.common import chain_links, regions_of
from kg.workspace import Workspace

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
import gen_registry  # noqa: E402


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    folder = tmp_path_factory.mktemp("answer-index")
    registry = folder / "firms.csv"
    gen_registry.write_csv(registry, 1500, seed=11)
    ws = Workspace(folder / "ws")
    # the oracle is the graph the build held in memory, not one read back from the index
    return ws, build(sample_documents(), [registry], workspace=ws.path).graph


def _edges(graph) -> dict:
    return {(u, v, k): d for u, v, k, d in graph.nx.edges(keys=True, data=True)}


def test_a_build_keeps_no_graph_bin_and_loads_whole_from_the_index(built):
    """The index holds every node: the build writes no graph.bin, and the workspace loads
    the same nodes, relations (with properties and sources), name index and graph data."""
    ws, whole = built
    assert not (ws.current / "graph.bin").exists()
    assert "graph.bin" not in ws.manifest()["files"]
    loaded = Workspace(ws.path).load()
    assert dict(loaded.nx.nodes(data=True)) == dict(whole.nx.nodes(data=True))
    assert _edges(loaded) == _edges(whole)
    assert loaded._index == whole._index and loaded.nx.graph == whole.nx.graph
    assert loaded.counts() == whole.counts()


def _zones(graph) -> list:
    """The places with most located firms, every region among them, and a few without any."""
    located: dict = {}
    for _, where, rel in graph.nx.edges(keys=True):
        if rel == "LOCATED_IN":
            located[where] = located.get(where, 0) + 1
    busiest = sorted(located, key=lambda p: (-located[p], p))
    empty = sorted(n for n, d in graph.nx.nodes(data=True)
                   if d["label"] == "Zone" and n not in located)[:3]
    # regions with regions inside them (a province): their answers gather those places'
    outer = sorted(n for n, d in graph.nx.nodes(data=True) if d["label"] == "Region"
                   and any("PART_OF" in rels for rels in graph.nx._pred[n].values()))[:3]
    assert outer, "the registry's provinces hold cities"
    return outer + busiest[:30] + empty


def test_gap_rows_from_stored_link_statistics_equal_the_whole_graphs(built):
    """kg gaps reads the build's link statistics and a few candidates: same rows, any place."""
    ws, whole = built
    assert sum(is_bulk(whole.nx, n) for n in whole.nx) > 1000  # the index is really used
    zones = _zones(whole)
    zones = [z for z in zones if whole.node(z)["label"] == "Region"][:4] + zones[:8] + zones[-2:]
    for chain, _ in whole.nodes("Chain"):
        for zone in zones:
            for candidates in (0, 5):
                piece = for_gaps(ws, chain, zone, candidates=candidates)
                assert chain_gaps(piece, chain, zone, candidates=candidates) == \
                    chain_gaps(whole, chain, zone, candidates=candidates), (chain, zone)


def test_chain_map_from_the_index_equals_the_whole_graphs(built):
    """kg view chain draws the same page from its slice as from the whole graph."""
    from kg.views import chain_map

    ws, whole = built
    for chain in ("传感器", "氢能"):
        for zone in ("郑州高新区", "郑州市", "新乡市"):
            for per_link in (2, 30):  # folded, and (on the smaller links) drawn whole
                piece = for_chain_map(ws, chain, zone, per_link=per_link)
                assert chain_map(piece, chain, zone, max_per_link=per_link) == \
                    chain_map(whole, chain, zone, max_per_link=per_link), (chain, zone)


def test_profiles_from_the_index_equal_the_whole_graphs(built):
    """kg zone, kg firm, kg targets and kg chains answer from slices as from the whole graph."""
    ws, whole = built
    assert chains(core(ws)) == chains(whole)
    for zone in _zones(whole)[:40]:
        assert zone_profile(for_place(ws, zone), zone) == zone_profile(whole, zone)
        assert zone_profile(for_place(ws, zone, counted=True), zone) == zone_profile(whole, zone)
        assert targets(core(ws), zone) == targets(whole, zone)
    firms = sorted(n for n, d in whole.nx.nodes(data=True) if d["label"] == "Firm")
    for firm in firms[::97]:
        data = whole.node(firm)
        for name in (firm, data["name"], data.get("credit_code")):
            if name:
                assert firm_profile(for_firm(ws, name), name) == firm_profile(whole, name)


@pytest.mark.parametrize("zone", ["郑州高新区", "河南省"])
def test_report_graph_holds_what_the_report_reads(built, zone):
    """kg report's slice gives the same report rows as the whole graph, for a zone and
    for a province (whose best firms a link are the best of its places' best)."""
    from kg.reports import build_report

    ws, whole = built
    a = build_report(for_report(ws, zone), zone, (), manifest=ws.manifest())
    b = build_report(whole, zone, (), manifest=ws.manifest())
    assert a.as_dict() == b.as_dict()
    # the briefing's default: the best-placed firms a link, the rest counted
    a = build_report(for_report(ws, zone, per_link=2), zone, (), manifest=ws.manifest(), per_link=2)
    c = build_report(whole, zone, (), manifest=ws.manifest(), per_link=2)
    assert a.as_dict() == c.as_dict()
    links = [link for section in c.chains for link in section["links"]]
    full = {(link["chain"], link["link"]): link for section in b.chains for link in section["links"]}
    assert any(link["more"] for link in links)
    for link in links:
        assert len(link["local_firms"]) == min(2, link["local_count"])
        assert link["local_count"] == len(full[link["chain"], link["link"]]["local_firms"])
        assert link["more"].get("local_firms", 0) == link["local_count"] - len(link["local_firms"])


def _oracle_statuses(graph, chain: str, zone: str) -> dict:
    """Each link's status recomputed from the facts (LOCATED_IN, OPERATES_IN, coverage).

    Independent of kg.queries: local = placed firms LOCATED_IN the zone and operating on
    the link; gap/unknown by a registry covering the zone or a region it is in; weak by
    the location quotient counted over the chain's links.
    """
    nxg = graph.nx
    places = {zone, *regions_of(graph, zone)}
    covered = any(d.get("kind") == "registry" and places & set(d.get("covers") or ())
                  for _, d in nxg.nodes(data=True) if d["label"] == "Document")
    for entry in nxg.graph.get("coverage", ()):
        if entry.get("place") in places and ("*" in entry.get("scope", ["*"])
                                             or chain in entry.get("scope", ())):
            covered = True
    counts = {}
    for _, link in chain_links(graph, chain):
        on = [f for f, rels in nxg._pred[link].items()
              if "OPERATES_IN" in rels and rels["OPERATES_IN"].get("status", "placed") == "placed"]
        local = [f for f in on if nxg.has_edge(f, zone, "LOCATED_IN")]
        counts[graph.node(link)["name"]] = (len(local), len(on))
    local_sum = sum(c for c, _ in counts.values())
    all_sum = sum(t for _, t in counts.values())
    out = {}
    for link, (count, total) in counts.items():
        if count == 0:
            out[link] = "gap" if covered else "unknown"
        elif count * all_sum < local_sum * total:
            out[link] = "weak"
        else:
            out[link] = "covered"
    return out


def _cli_json(ws, *args) -> list:
    result = CliRunner().invoke(cli, [*args, "--format", "json", "--workspace", str(ws.path)])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_named_chain_gaps_equals_kg_gaps_for_ids_names_and_short_names(built):
    """`kg cypher --name chain_gaps` and `kg gaps` agree link by link, however the zone is named."""
    ws, whole = built
    zone = "Zone/郑州高新区"
    assert zone in whole
    oracle_zone = whole.resolve("郑州高新区", "Zone")
    chain_ids = sorted(c for c, _ in whole.nodes("Chain") if whole.out(c, "HAS_LINK"))
    seen = set()
    for k, chain in enumerate(chain_ids):
        expected = _oracle_statuses(whole, chain, oracle_zone)
        # every chain once; every spelling of chain and zone on three chains (a name
        # resolves the same whatever the chain, and each spelling costs two commands)
        chain_forms = (chain, whole.node(chain)["name"]) if k < 3 else (whole.node(chain)["name"],)
        zone_forms = (zone, whole.node(zone)["name"], "郑州高新区") if k < 3 else ("郑州高新区",)
        for chain_as in chain_forms:
            for zone_as in zone_forms:
                rows = _cli_json(ws, "gaps", chain_as, "--zone", zone_as)
                named = _cli_json(ws, "cypher", "--name", "chain_gaps", "-p", f"chain={chain_as}",
                                  "-p", f"zone={zone_as}")
                assert [(r["link"], r["status"], r["count"]) for r in named] == \
                       [(r["link"], r["status"], r["count"]) for r in rows], (chain_as, zone_as)
                assert {r["link"]: r["status"] for r in rows} == expected
                seen |= {r["status"] for r in rows}
    assert {"covered", "weak"} <= seen


def test_a_changed_index_row_is_refused_before_it_is_read(tmp_path):
    """A blob altered in firms.db after the build is refused by name, never unmarshalled."""
    import marshal
    import sqlite3

    from kg.errors import WorkspaceError

    registry = tmp_path / "firms.csv"
    gen_registry.write_csv(registry, 200, seed=3)
    ws = Workspace(tmp_path / "ws")
    build([], [registry], workspace=ws.path)
    db = sqlite3.connect(ws.current / "index" / "firms.db")
    db.execute("UPDATE link_stats SET stats = ?", (marshal.dumps({"total": 1}),))
    db.commit()
    db.close()
    with pytest.raises(WorkspaceError, match="does not match"):
        for_gaps(ws, "传感器", "郑州高新区")
    result = CliRunner().invoke(cli, ["gaps", "传感器", "--zone", "郑州高新区",
                                      "--workspace", str(ws.path)])
    assert result.exit_code == 1 and "firms.db" in result.stderr


def test_short_heads_give_the_same_answers_as_the_whole_graph(tmp_path, monkeypatch):
    """With only a few best-ranked firms kept beside the statistics and a few local rows a
    place, answers stay the same: a listing cut to N names (its count, its "more"), a chain
    map, a report; past the heads the rows and the ranking are read whole."""
    import kg.index
    from kg.output import sized
    from kg.reports import build_report
    from kg.views import chain_map

    monkeypatch.setattr(kg.index, "RANKED_HEAD", 3)
    monkeypatch.setattr(kg.index, "LOCAL_HEAD", 3)
    registry = tmp_path / "firms.csv"
    gen_registry.write_csv(registry, 400, seed=5)
    ws = Workspace(tmp_path / "ws")
    build([], [registry], workspace=ws.path)
    whole = ws.load()
    cut = 0
    for chain in ("传感器", "氢能"):
        for zone in _zones(whole)[:6]:
            for candidates in (0, 1, 5):
                for names in (None, 1, 3, 4):
                    piece = for_gaps(ws, chain, zone, candidates=candidates, names=names)
                    got = chain_gaps(piece, chain, zone, candidates=candidates)
                    expected = chain_gaps(whole, chain, zone, candidates=candidates)
                    assert sized(got, names) == sized(expected, names), (chain, zone, names)
                    cut += sum(len(r["local_firms"]) < r["count"] for r in got)
            for per_link in (1, 3, 4):  # within the heads, and past them
                piece = for_chain_map(ws, chain, zone, per_link=per_link)
                assert chain_map(piece, chain, zone, max_per_link=per_link) == \
                    chain_map(whole, chain, zone, max_per_link=per_link), (chain, zone)
    assert cut > 10  # the heads were really used
    zone = _zones(whole)[0]
    expected = chain_gaps(whole, "传感器", zone)
    for flags, top in ((["--top", "1"], 1), (["--all"], None)):  # a head, and every row
        got = _cli_json(ws, "gaps", "传感器", "--zone", zone, *flags)
        assert got == json.loads(json.dumps(sized(expected, top), ensure_ascii=False)), flags
    assert any(r.get("more") for r in sized(expected, 1))
    from kg.views.panorama import panorama_pages

    for zone in _zones(whole)[:3]:  # a link box names three and counts the rest
        for chain in (["传感器"], ["氢能"]):
            assert panorama_pages(for_panorama(ws, zone, chain), zone, chain) == \
                panorama_pages(whole, zone, chain), zone
    for per_link in (1, 3, 4):
        a = build_report(for_report(ws, "郑州高新区", per_link=per_link), "郑州高新区", (),
                         manifest=ws.manifest(), per_link=per_link)
        b = build_report(whole, "郑州高新区", (), manifest=ws.manifest(), per_link=per_link)
        assert a.as_dict() == b.as_dict(), per_link


def test_panorama_from_the_index_equals_the_whole_graphs(built):
    """kg view panorama draws the same pages from the report's slice as from the whole graph."""
    from kg.views.panorama import panorama_pages

    ws, whole = built
    for zone in ("郑州高新区", "郑州市"):
        assert panorama_pages(for_panorama(ws, zone), zone) == panorama_pages(whole, zone), zone


def _rows(folder) -> dict:
    """{file name: sorted rows} of the data files of a neo4j-import folder."""
    import csv

    out = {}
    for path in sorted(Path(folder).glob("*.csv")):
        with open(path, encoding="utf-8", newline="") as handle:
            out[path.name] = sorted(csv.reader(handle))
    return out


def test_neo4j_import_streamed_from_the_index_equals_the_whole_graphs(built, tmp_path):
    """kg export neo4j-import streams firms from the index chunk by chunk: the same files,
    headers and rows (in another order) as written from the graph the build held."""
    from kg.stores.neo4j_import import write_import

    ws, whole = built
    streamed, oracle = tmp_path / "streamed", tmp_path / "oracle"
    out = CliRunner().invoke(cli, ["export", "neo4j-import", "-w", str(ws.path), str(streamed)])
    assert out.exit_code == 0, out.output
    expected = write_import(whole, oracle)
    assert out.stdout.strip() == expected.replace(str(oracle), str(streamed))
    rows = _rows(streamed)
    assert rows == _rows(oracle)
    assert len(rows["nodes_Firm.csv"]) == len(list(whole.nodes("Firm"))) > 1500


def test_stats_counts_the_builds_graph_and_refuses_a_stale_workspace(built, tmp_path):
    """kg stats answers from the manifest (no graph load): the build's own counts; once an
    input changed it refuses like every command."""
    ws, whole = built
    out = CliRunner().invoke(cli, ["stats", "-w", str(ws.path), "--format", "json"])
    assert out.exit_code == 0, out.output
    rows = {(r["kind"], r["type"]): r["number"] for r in json.loads(out.stdout)}
    counts = whole.counts()
    assert rows == {**{("node", k): v for k, v in counts["nodes"].items()},
                    **{("relation", k): v for k, v in counts["relations"].items()}}
    registry = tmp_path / "firms.csv"
    gen_registry.write_csv(registry, 30, seed=3)
    small = Workspace(tmp_path / "ws")
    build([], [registry], workspace=small.path)
    with open(registry, "a", encoding="utf-8") as handle:
        handle.write("新增测试科技有限公司,,河南省郑州市,传感器制造\n")
    out = CliRunner().invoke(cli, ["stats", "-w", str(small.path)])
    assert out.exit_code == 1 and "stale" in out.stderr and "firms.csv" in out.stderr


def test_firm_keys_and_place_names_rows_hold_every_bulk_firm_as_the_graph_does(built):
    """firm_key maps each bulk firm's id and every name key the graph gives it to that firm
    and its chunk; place_names lists each place's bulk firms (id, name) in chunk order,
    place_count counts them."""
    import marshal
    import sqlite3

    ws, whole = built
    nxg = whole.nx
    bulk = {n for n in nxg if is_bulk(nxg, n)}
    db = sqlite3.connect(ws.current / "index" / "firms.db")
    try:
        stored = {key: (firm, no) for key, firm, no in db.execute("SELECT key, id, no FROM firm_key")}
        chunk_of = {}
        for no, blob in db.execute("SELECT no, recs FROM chunk"):
            chunk_of.update(dict.fromkeys(marshal.loads(blob), no))
        names = {p: marshal.loads(b) for p, b in db.execute("SELECT place, firms FROM place_names")}
        counts = {p: marshal.loads(b) for p, b in db.execute("SELECT place, n FROM place_count")}
    finally:
        db.close()
    expected = {"=" + f: (f, chunk_of[f]) for f in bulk}
    expected.update({key: (f, chunk_of[f]) for (label, key), f in whole._index.items()
                     if label == "Firm" and f in bulk})
    assert stored == expected
    located: dict = {}
    for firm in sorted(bulk, key=lambda f: (chunk_of[f], f)):
        for _, where, rel in nxg.out_edges(firm, keys=True):
            if rel == "LOCATED_IN":
                located.setdefault(where, set()).add((firm, nxg.nodes[firm]["name"]))
    assert {p: set(rows) for p, rows in names.items()} == located
    assert counts == {p: len(rows) for p, rows in located.items()}
    for rows in names.values():  # chunk order: a place's firms read in few chunk rows
        assert [chunk_of[f] for f, _ in rows] == sorted(chunk_of[f] for f, _ in rows)


@pytest.mark.parametrize("fmt", ["nquads", "nt"])
def test_line_rdf_streamed_from_the_index_equals_the_whole_graphs(built, fmt):
    """kg export rdf in N-Quads or N-Triples streams the index a chunk at a time: the same
    lines as written from the graph the build held."""
    import io

    from kg.rdf import write_nquads, write_ntriples

    ws, whole = built
    out = CliRunner().invoke(cli, ["export", "rdf", "-f", fmt, "-w", str(ws.path)])
    assert out.exit_code == 0, out.output
    expected = io.BytesIO()
    (write_nquads if fmt == "nquads" else write_ntriples)(whole, expected)
    lines = set(out.stdout_bytes.splitlines())
    assert lines == set(expected.getvalue().splitlines()) and len(lines) > 20_000


def test_zone_map_from_the_best_firms_equals_the_whole_graphs(built, monkeypatch):
    """kg view zone draws a zone's best-evidenced firms and counts the rest ("+N more")
    from the index's place_top and place_count: the same page as from the whole graph;
    a map wider than the stored best loads the zone's firms whole."""
    import kg.index
    from kg.views import zone_map

    ws, whole = built
    zones = _zones(whole)
    folded = 0
    for zone in zones[:6] + zones[-1:]:
        for per_group in (2, 30, 300):
            page = zone_map(for_place(ws, zone, best=per_group), zone, max_per_group=per_group)
            assert page == zone_map(whole, zone, max_per_group=per_group), (zone, per_group)
            folded += "more" in page
    assert folded
    monkeypatch.setattr(kg.index, "PLACE_TOP", 1)
    zone = zones[0]
    assert zone_map(for_place(ws, zone, best=2), zone, max_per_group=2) == \
        zone_map(whole, zone, max_per_group=2)
