"""Benchmark: where ``kg.build.build(registries=[csv])`` spends wall time and memory.

    python benchmarks/bench_build_stages.py 200000        # /tmp/kg-bench/firms-200000.csv
    python benchmarks/bench_build_stages.py 1000000 --samples /tmp/rss-1m.json

Runs the real build (not its stages one by one, as bench_gaps.py does) with the
workspace writers wrapped to note the time and RSS when each starts and ends, and a
thread sampling RSS every half second. Prints one JSON object: the marks
``[seconds, stage, rss_mb]``, the sampled peak and where it fell, and ru_maxrss.
"""
from __future__ import annotations

import argparse
import json
import resource
import shutil
import sys
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))


def rss_mb() -> int:
    with open("/proc/self/status", encoding="ascii") as handle:
        for line in handle:
            if line.startswith("VmRSS"):
                return int(line.split()[1]) // 1024
    return 0


class Marks:
    """Stage marks and RSS samples against one clock."""

    def __init__(self):
        self.t0, self.marks, self.samples, self.stop = time.perf_counter(), [], [], False

    def now(self) -> float:
        return round(time.perf_counter() - self.t0, 1)

    def mark(self, name: str) -> None:
        self.marks.append((self.now(), name, rss_mb()))

    def sample(self) -> None:
        while not self.stop:
            self.samples.append((self.now(), rss_mb()))
            time.sleep(0.5)

    def wrap(self, owner, name: str) -> None:
        """Note when ``owner.name`` starts and ends (its attributes kept)."""
        inner = getattr(owner, name)

        def wrapped(*args, **kwargs):
            self.mark("start " + name)
            try:
                return inner(*args, **kwargs)
            finally:
                self.mark("end " + name)
        wrapped.__dict__.update(inner.__dict__)
        setattr(owner, name, wrapped)


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("n", type=int)
    parser.add_argument("--dir", default="/tmp/kg-bench")
    parser.add_argument("--samples", help="also write the RSS samples to this JSON file")
    args = parser.parse_args(argv)
    import gen_registry

    folder = Path(args.dir)
    csv_path = gen_registry.cached_csv(args.n, folder)
    ws_path = folder / f"ws-stages-{args.n}"
    shutil.rmtree(ws_path, ignore_errors=True)

    import kg.build
    import kg.index
    import kg.stores.embedded
    from kg.workspace import Workspace

    marks = Marks()
    threading.Thread(target=marks.sample, daemon=True).start()
    for owner, name in [(kg.stores.embedded, "write_embedded"), (kg.stores.embedded, "_stage_nodes"),
                        (kg.stores.embedded, "_stage_edges"), (kg.index, "write_index"),
                        (kg.index, "_write_core"), (kg.index, "_write_firms"),
                        (kg.index, "_write_link_stats"), (Workspace, "save")]:
        marks.wrap(owner, name)
    marks.mark("begin")
    kg.build.build(registries=[csv_path], workspace=ws_path)
    marks.mark("done")
    marks.stop = True
    peak = max(marks.samples, key=lambda s: s[1])
    usage = resource.getrusage(resource.RUSAGE_SELF)
    print(json.dumps({"firms": args.n, "marks": marks.marks, "peak_sampled": peak,
                      "ru_maxrss_mb": usage.ru_maxrss // 1024,
                      "cpu_s": round(usage.ru_utime + usage.ru_stime, 1)}))
    if args.samples:
        Path(args.samples).write_text(json.dumps(marks.samples), encoding="utf-8")
    shutil.rmtree(ws_path, ignore_errors=True)


if __name__ == "__main__":
    main()
