"""Benchmark: ``write_embedded`` alone (staging CSVs + LadybugDB COPY) on a registry graph.

    python benchmarks/gen_registry.py 100000 -o /tmp/firms-100k.csv
    python benchmarks/bench_embedded.py /tmp/firms-100k.csv            # 3 runs, best and all
    python benchmarks/bench_embedded.py /tmp/firms-100k.csv --profile  # cProfile, top 25
    python benchmarks/bench_embedded.py /tmp/firms-100k.csv --writer /tmp/old/embedded.py

The graph is built as ``bench_gaps.py`` builds it (templates, registry, chain
matching, classification) and cached as a pickle next to the CSV, so repeated
runs time only the writer, with the cycle collector paused as ``kg build`` pauses
it. ``--writer FILE`` times the ``write_embedded`` of another file (an older
version, say). Prints one JSON object: seconds per run, the resident memory
before the write and its peak during the write (VmHWM, reset before each run
through /proc/self/clear_refs).
"""
from __future__ import annotations

import argparse
import cProfile
import json
import pickle
import pstats
import runpy
import shutil
import sys
import tempfile
import time
from pathlib import Path


def _status(field: str) -> float:
    """A VmRSS/VmHWM line of /proc/self/status in MB."""
    with open("/proc/self/status", encoding="ascii") as handle:
        for line in handle:
            if line.startswith(field + ":"):
                return round(int(line.split()[1]) / 1024, 1)
    return 0.0


def _reset_peak() -> None:
    with open("/proc/self/clear_refs", "w", encoding="ascii") as handle:
        handle.write("5")


def registry_graph(csv_path: Path):
    """The graph of ``kg build --registry csv_path`` (cached as csv_path + '.graph.pickle')."""
    cache = csv_path.with_suffix(".graph.pickle")
    if cache.exists() and cache.stat().st_mtime > csv_path.stat().st_mtime:
        with open(cache, "rb") as handle:
            return pickle.load(handle)
    from kg.classify import classify_firms
    from kg.graph import KnowledgeGraph
    from kg.loaders.registry import read_registry
    from kg.loaders.templates import load_templates, match_chains, template_facts

    graph = KnowledgeGraph()
    templates = load_templates()
    graph.add_facts(template_facts(templates))
    graph.add_facts(read_registry(csv_path, report=[]))
    match_chains(graph, templates)
    classify_firms(graph)
    with open(cache, "wb") as handle:
        pickle.dump(graph, handle, protocol=pickle.HIGHEST_PROTOCOL)
    return graph


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("csv", type=Path, help="a registry CSV from gen_registry.py")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--profile", action="store_true", help="one run under cProfile")
    parser.add_argument("--writer", type=Path, help="a .py file whose write_embedded to time")
    args = parser.parse_args(argv)

    from kg.gc_pause import gc_paused
    from kg.stores.embedded import write_embedded
    if args.writer:
        sys.path.insert(0, str(args.writer.parent))
        write_embedded = runpy.run_path(str(args.writer))["write_embedded"]

    graph = registry_graph(args.csv)
    out = {"graph": graph.counts(), "rss_before_mb": _status("VmRSS"), "runs": []}
    for _ in range(1 if args.profile else args.runs):
        folder = Path(tempfile.mkdtemp(prefix="kg-bench-embedded-"))
        _reset_peak()
        start = time.perf_counter()
        with gc_paused():
            if args.profile:
                profiler = cProfile.Profile()
                profiler.runcall(write_embedded, graph, folder)
            else:
                write_embedded(graph, folder)
        seconds = time.perf_counter() - start
        out["runs"].append({"seconds": round(seconds, 2), "peak_rss_mb": _status("VmHWM")})
        shutil.rmtree(folder, ignore_errors=True)
    out["best_s"] = min(r["seconds"] for r in out["runs"])
    out["peak_rss_mb"] = max(r["peak_rss_mb"] for r in out["runs"])
    out["peak_over_graph_mb"] = round(out["peak_rss_mb"] - out["rss_before_mb"], 1)
    if args.profile:
        pstats.Stats(profiler).sort_stats("cumulative").print_stats(25)
        pstats.Stats(profiler).sort_stats("tottime").print_stats(20)
    print(json.dumps(out, ensure_ascii=False, indent=2))


if __name__ == "__main__":
    main()
