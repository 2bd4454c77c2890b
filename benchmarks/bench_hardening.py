"""Benchmark: peak memory of ``read_document`` on one large text document, by size.

Run:  .venv/bin/python benchmarks/bench_hardening.py [--mb 10 50 200]

Each size gets a generated UTF-8 .txt: one sentence with a zone and a firm, then a
filler sentence that names nothing, repeated to the size. The graph it yields is the
same few facts at every size, so any growth of peak memory with the size is the
loader holding the file (bytes, decoded text, sentences), not the graph.
Each size runs in its own subprocess; the figure is ru_maxrss after loading minus
ru_maxrss after the imports (both high-water marks of that process).
"""
from __future__ import annotations

import argparse
import os
import platform
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HEAD = "郑州高新区积极引进三一重工等企业。\n"
FILLER = "今年以来各项工作稳步推进，群众满意度持续提升。\n"

PROBE = r"""
import resource, sys, time
from kg.loaders.documents import read_document
base = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
start = time.perf_counter()
facts = sum(1 for _ in read_document(sys.argv[1]))
seconds = time.perf_counter() - start
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(facts, base, peak, f"{seconds:.2f}")
"""


def generate(path: Path, size: int) -> int:
    """Write a document of about ``size`` bytes; returns its size."""
    block = FILLER.encode("utf-8") * 4096
    with open(path, "wb") as handle:
        handle.write(HEAD.encode("utf-8"))
        written = len(HEAD.encode("utf-8"))
        while written < size:
            handle.write(block)
            written += len(block)
    return path.stat().st_size


def measure(path: Path) -> dict:
    """Facts, growth of peak RSS (KB) and seconds of one read_document in a subprocess."""
    out = subprocess.run([sys.executable, "-c", PROBE, str(path)], capture_output=True,
                         text=True, check=True)
    facts, base, peak, seconds = out.stdout.split()
    return {"facts": int(facts), "base_kb": int(base), "peak_kb": int(peak),
            "growth_kb": int(peak) - int(base), "seconds": float(seconds)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, nargs="+", default=[10, 50, 200])
    args = parser.parse_args()
    print(f"python {platform.python_version()}, {os.cpu_count()} cores", file=sys.stderr)
    print("| document | facts | seconds | MB/s | peak RSS growth | growth / size |")
    print("| ---: | ---: | ---: | ---: | ---: | ---: |")
    with tempfile.TemporaryDirectory(prefix="kg-bench-hardening-") as folder:
        for mb in args.mb:
            path = Path(folder) / f"doc-{mb:g}mb.txt"
            size = generate(path, int(mb * 2**20))
            started = time.perf_counter()
            row = measure(path)
            wall = time.perf_counter() - started
            path.unlink()
            print(f"| {size / 2**20:,.0f} MB | {row['facts']} | {row['seconds']:,.1f} | "
                  f"{size / 2**20 / row['seconds']:.2f} | {row['growth_kb'] / 1024:,.0f} MB | "
                  f"{row['growth_kb'] * 1024 / size:.1f}x |", flush=True)
            print(f"  ({mb:g} MB: wall {wall:.1f} s, RSS after imports {row['base_kb'] / 1024:.0f} MB)",
                  file=sys.stderr, flush=True)


if __name__ == "__main__":
    main()
