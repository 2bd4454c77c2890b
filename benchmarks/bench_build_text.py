"""Benchmark: `kg build` time against the size of its document text (is it linear?).

Run:  .venv/bin/python benchmarks/bench_build_text.py [--mb 5 50]

Each size gets one generated UTF-8 .txt: the bundled sample documents (kg/data/corpus)
repeated to the size, so the same zones, firms and industries are mentioned again and
again, as in a large plan collection: the nodes of the graph stay few while their
mentions grow with the text. Each size is built by `kg build` in its own subprocess;
the figures are its wall and CPU time (CPU time is what to compare on a busy machine), with the largest source list of any node or relation and
the number of mentions the workspace keeps.
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import platform
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "kg" / "data" / "corpus"

PROBE = r"""
import json, sys
from kg.workspace import Workspace
g = Workspace(sys.argv[1]).load()
nodes = max(len(d.get("sources") or ()) for _, d in g.nx.nodes(data=True))
edges = max((len(d.get("sources") or ()) for *_, d in g.nx.edges(keys=True, data=True)), default=0)
mentions = g.nx.graph.get("mentions")
print(json.dumps({"nodes": g.nx.number_of_nodes(), "edges": g.nx.number_of_edges(),
                  "max_node_sources": nodes, "max_edge_sources": edges,
                  "mention_rows": sum(len(v) for v in mentions.values()) // 5 if mentions else 0}))
"""


def generate(path: Path, size: int) -> int:
    """Write the sample documents repeated to about ``size`` bytes; returns the size."""
    texts = [p.read_text(encoding="utf-8") for p in sorted(CORPUS.glob("*.txt"))]
    block = ("\n".join(texts) + "\n").encode("utf-8")
    with open(path, "wb") as handle:
        written = 0
        while written < size:
            handle.write(block)
            written += len(block)
    return path.stat().st_size


def measure(doc: Path, folder: Path) -> dict:
    """Seconds of one `kg build` of ``doc`` in a subprocess, and what the graph holds."""
    ws = folder / f"ws-{doc.stem}"
    kg = str(Path(sys.executable).with_name("kg"))
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run([kg, "build", "-w", str(ws), str(doc)], check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    seconds = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
    row = {"seconds": round(seconds, 1), "cpu_seconds": round(cpu, 1)}
    out = subprocess.run([sys.executable, "-c", PROBE, str(ws)], capture_output=True, text=True)
    if out.returncode:
        print(f"probe of {ws} failed: {out.stderr.strip()[-500:]}", file=sys.stderr)
        return row
    return {**row, **json.loads(out.stdout)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, nargs="+", default=[5, 50])
    args = parser.parse_args()
    print(f"machine: {platform.machine()} {os.cpu_count()} cpu, Python {platform.python_version()}")
    rows = []
    with tempfile.TemporaryDirectory(prefix="bench-build-") as tmp:
        folder = Path(tmp)
        for mb in args.mb:
            doc = folder / f"text-{mb:g}mb.txt"
            size = generate(doc, int(mb * 2**20))
            row = {"mb": mb, "bytes": size, **measure(doc, folder)}
            rows.append(row)
            print(json.dumps(row), flush=True)
    if len(rows) >= 2:
        a, b = rows[0], rows[-1]
        print(f"time ratio {b['seconds'] / a['seconds']:.1f} (CPU time "
              f"{b['cpu_seconds'] / a['cpu_seconds']:.1f}) for size ratio {b['bytes'] / a['bytes']:.1f}")


if __name__ == "__main__":
    main()
