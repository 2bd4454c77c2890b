"""Per-firm cost of placement (kg.classify) on a registry, apart from loading it.

    .venv/bin/python benchmarks/bench_classify.py ../shared/registry/listed_company.jsonl
    .venv/bin/python benchmarks/gen_registry.py 100000 -o /tmp/firms-100k.csv
    .venv/bin/python benchmarks/bench_classify.py /tmp/firms-100k.csv

Builds the graph of the shipped templates plus the registry (as ``kg build --registry``),
then times :func:`kg.classify.classify_firms` once more over every firm (a rerun recomputes
every placement) and prints firms, relations and microseconds per firm. The build's own
classification pass is the same code; this isolates it from reading the registry.
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("registry", type=Path)
    ap.add_argument("--repeat", type=int, default=2, help="best of this many timed passes")
    args = ap.parse_args(argv)
    from kg.build import build_graph
    from kg.classify import classify_firms
    from kg.gc_pause import gc_paused

    result = build_graph(registries=[args.registry])
    if result.errors:
        print(f"{args.registry}: {result.errors[0]}", file=sys.stderr)
        return 1
    graph = result.graph
    firms = sum(1 for _ in graph.nodes("Firm"))
    best, cpu, counts = float("inf"), float("inf"), {}
    for _ in range(args.repeat):
        with gc_paused():
            start, start_cpu = time.perf_counter(), time.process_time()
            counts = classify_firms(graph)
            best = min(best, time.perf_counter() - start)
            cpu = min(cpu, time.process_time() - start_cpu)  # less moved by other processes
    per = 1e6 / max(firms, 1)
    print(f"{args.registry.name}: {firms} firms, {counts['relations']} relations "
          f"({counts['placed']} placed); classify {best:.2f} s wall = {best * per:.1f} µs/firm, "
          f"{cpu:.2f} s CPU = {cpu * per:.1f} µs/firm")
    return 0


if __name__ == "__main__":
    sys.exit(main())
