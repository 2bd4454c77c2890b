"""Benchmark: a synthetic firm registry through ``kg.build`` into a workspace, then
``chain_gaps`` for every chain and every zone.

    python benchmarks/bench_gaps.py 1000000            # generates /tmp/kg-bench/firms-1000000.csv
    python benchmarks/bench_gaps.py 100000 --keep      # keep the workspace

Prints one JSON object: seconds per stage (registry load, chain matching and
classification, workspace save split into nodes/edges, RDF and other writers),
peak memory (ru_maxrss) after the build, workspace load time, and chain_gaps call
times (cold = first call, which builds each link's index; warm = the rest).
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import shutil
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))


def peak_mb() -> float:
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("n", type=int, nargs="?", default=1_000_000)
    parser.add_argument("--dir", default="/tmp/kg-bench")
    parser.add_argument("--keep", action="store_true", help="keep the workspace")
    parser.add_argument("--rdf", action="store_true",
                        help="also time deriving graph.trig (done on first use, not by the build)")
    parser.add_argument("--no-save", action="store_true",
                        help="skip the workspace save and load; query the graph in memory")
    args = parser.parse_args(argv)

    import gen_registry

    folder = Path(args.dir)
    csv_path = gen_registry.cached_csv(args.n, folder)
    ws_path = folder / f"ws-{args.n}"
    shutil.rmtree(ws_path, ignore_errors=True)

    from kg import build as kgbuild
    from kg.classify import classify_firms
    from kg.gc_pause import gc_paused
    from kg.graph import KnowledgeGraph
    from kg.loaders.templates import load_templates, match_chains, template_facts
    from kg.workspace import Workspace

    out = {"firms": args.n, "machine": f"{platform.machine()} {os.cpu_count()} cpu, "
           f"Python {platform.python_version()}", "stages": {}}
    t_all = time.perf_counter()
    # The stages of kg.build.build(registries=[csv]) run one by one so that each is timed.
    paused = gc_paused()  # as kg.build.build_graph does
    paused.__enter__()
    t = time.perf_counter()
    report: list = []
    graph = KnowledgeGraph()
    templates = load_templates()
    graph.add_facts(template_facts(templates))
    kgbuild.add_registry(graph, csv_path, mapping=None, report=report, strict=False)
    out["stages"]["registry_load_s"] = round(time.perf_counter() - t, 1)
    # a big registry is read by a forked child (kg.background); its own peak counts too
    out["peak_mb_registry_reader"] = round(
        resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024, 1)
    t = time.perf_counter()
    match_chains(graph, templates)
    summary = classify_firms(graph)
    out["stages"]["classify_s"] = round(time.perf_counter() - t, 1)
    out["classified"] = summary["classified"]
    out["peak_mb_after_graph"] = peak_mb()
    paused.__exit__(None, None, None)
    if args.no_save:
        out["build_total_s"] = round(time.perf_counter() - t_all, 1)
        out["counts"] = graph.counts()
        return _queries(graph, out, time.perf_counter(), args, ws_path)
    t = time.perf_counter()
    writers = []
    try:
        from kg.stores.embedded import write_embedded
        writers.append(write_embedded)
    except ModuleNotFoundError:
        pass
    from kg.index import write_index
    writers.append(write_index)  # as kg.build.build does
    timings = {}

    def timed(writer):
        def run(g, d, **kw):
            s = time.perf_counter()
            try:
                return writer(g, d, **kw)
            finally:
                timings[f"{writer.__module__}_s"] = round(time.perf_counter() - s, 1)
        run.runs_beside = getattr(writer, "runs_beside", False)  # the graph dump rides along
        run.holds_graph = getattr(writer, "holds_graph", False)  # the index: no graph.bin
        return run
    with gc_paused():
        Workspace(ws_path).save(graph, [kgbuild.input_record(csv_path, "registry")],
                                extra_writers=[timed(w) for w in writers], report=report)
    out["stages"]["workspace_save_s"] = round(time.perf_counter() - t, 1)
    out["stages"]["save_detail"] = timings
    out["build_total_s"] = round(time.perf_counter() - t_all, 1)
    out["peak_mb_build"] = peak_mb()
    out["counts"] = graph.counts()
    del graph

    t = time.perf_counter()
    graph = Workspace(ws_path).load()
    out["workspace_load_s"] = round(time.perf_counter() - t, 1)
    if args.rdf:
        t = time.perf_counter()
        Workspace(ws_path).file("graph.trig")
        out["rdf_first_use_s"] = round(time.perf_counter() - t, 1)
    _queries(graph, out, t, args, ws_path)


def _queries(graph, out, t, args, ws_path) -> None:
    from kg.queries import chain_gaps, chains

    zones = sorted(n for n, _ in graph.nodes("Zone"))
    chain_names = [c["chain"] for c in chains(graph)]
    cold, warm = [], []
    statuses: dict = {}
    for rounds, bucket in ((1, cold), (1, warm)):
        for chain in chain_names:
            for zone in zones:
                s = time.perf_counter()
                rows = chain_gaps(graph, chain, zone)
                bucket.append(time.perf_counter() - s)
                if bucket is warm:
                    for row in rows:
                        statuses[row["status"]] = statuses.get(row["status"], 0) + 1
    ms = lambda xs: {"calls": len(xs), "median_ms": round(statistics.median(xs) * 1000, 2),
                     "p95_ms": round(sorted(xs)[int(len(xs) * 0.95) - 1] * 1000, 2),
                     "max_ms": round(max(xs) * 1000, 2), "total_s": round(sum(xs), 2)}
    out["chain_gaps_cold"] = ms(cold)
    out["chain_gaps_warm"] = ms(warm)
    out["statuses"] = statuses
    out["zones"], out["chains"] = len(zones), len(chain_names)
    out["peak_mb"] = peak_mb()
    if not args.keep:
        shutil.rmtree(ws_path, ignore_errors=True)
    print(json.dumps(out, ensure_ascii=False, indent=2))


if __name__ == "__main__":
    main()
