"""Chain map of a 1M-firm graph: time to draw, page size, time to open in headless chromium.

The graph is the sample sensor chain (kg.queries.fixtures.sensor_graph) plus N synthetic firms written
straight into the networkx graph (deterministic: firm i's zone and link follow from i),
each with a registry-row source, LOCATED_IN its zone and, for half of them,
OPERATES_IN one of the chain's four links. 郑州高新区 gets a fifth of them, so each of
its links has about 25,000 local firms to fold.

    .venv/bin/python benchmarks/bench_views.py            # 1,000,000 firms
    .venv/bin/python benchmarks/bench_views.py -n 100000

Needs chromium (scripts/system-deps.sh). Figures go to stderr and, with --json, stdout.
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def build(n: int):
    """The sample graph plus ``n`` synthetic firms (ids Firm/bench/<i>)."""
    from kg.queries.fixtures import sensor_graph

    g = sensor_graph()
    nxg = g.nx
    chain = g.find("传感器", "Chain")
    links = sorted(g.out(chain, "HAS_LINK"), key=lambda v: g.node(v)["position"])
    home = g.find("郑州高新区", "Zone")
    zones = [home]
    for k in range(39):
        z = f"Zone/bench/{k}"
        nxg.add_node(z, label="Zone", name=f"第{k}号开发区", aliases=[], sources=[])
        zones.append(z)
    for i in range(n):
        f = f"Firm/bench/{i}"
        src = {"doc": "registry/firms-1m.csv", "row": i + 2}
        nxg.add_node(f, label="Firm", name=f"河南{i:07d}传感科技有限公司", aliases=[], sources=[src])
        zone = home if i % 5 == 0 else zones[1 + (i * 7919) % 39]
        nxg.add_edge(f, zone, key="LOCATED_IN", sources=[src])
        if i % 2 == 0:
            nxg.add_edge(f, links[(i // 2) % 4], key="OPERATES_IN", score=1.0, matched=["传感器"],
                         sources=[src])
    return g


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", type=int, default=1_000_000, help="synthetic firms [1000000]")
    parser.add_argument("--max-per-link", type=int, default=300)
    parser.add_argument("--json", action="store_true", help="print the figures as JSON on stdout")
    args = parser.parse_args(argv)

    from kg.views import chain_view
    from tests.browser import Browser

    t0 = time.perf_counter()
    g = build(args.n)
    t_build = time.perf_counter() - t0
    print(f"graph: {len(g):,} nodes in {t_build:.1f} s", file=sys.stderr)

    t0 = time.perf_counter()
    view = chain_view(g, "传感器", "郑州高新区", max_per_link=args.max_per_link)
    page = view.html()
    t_draw = time.perf_counter() - t0
    size = len(page.encode("utf-8"))
    print(f"chain map: {view.entity_count():,} nodes, {len(view.edges):,} edges, "
          f"{size / 1e6:.2f} MB in {t_draw:.1f} s", file=sys.stderr)
    for note in view.notes:
        print(f"  note: {note}", file=sys.stderr)

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "chain.html"
        path.write_text(page, encoding="utf-8")
        browser = Browser()
        try:
            tab = browser.page()
            t_open = tab.open(path, timeout=60)
            errors, foreign = list(tab.errors), tab.foreign_requests()
            shown = tab.evaluate("kgView.data.nodes.filter(n => !n.decor).length")
            tab.close()
        finally:
            browser.stop()
    print(f"headless chromium: drawn in {t_open:.2f} s; {shown:,} nodes; "
          f"console errors {len(errors)}; requests {len(foreign)}", file=sys.stderr)
    figures = {
        "firms": args.n, "graph_nodes": len(g), "build_s": round(t_build, 1),
        "draw_s": round(t_draw, 2), "page_mb": round(size / 1e6, 2), "open_s": round(t_open, 2),
        "nodes_drawn": shown, "edges_drawn": len(view.edges), "console_errors": len(errors),
        "requests": len(foreign), "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
        "machine": f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}",
    }
    ok = figures["page_mb"] < 5 and figures["open_s"] < 10 and not errors and not foreign
    print("PASS" if ok else "FAIL", "(page < 5 MB, opens < 10 s, no errors, no requests)",
          file=sys.stderr)
    if args.json:
        print(json.dumps(figures, ensure_ascii=False))
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
