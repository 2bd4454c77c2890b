#!/usr/bin/env python3
"""Time loading the gazetteers and scanning a 40,000-character text for every name.

    .venv/bin/python benchmarks/bench_gazetteer.py [../shared/corpus/docs]

The text is the corpus documents joined and cut to 40,000 characters (the size of a
long plan). Prints load time, scan time (best of 5) and the number of hits, to stdout.
"""
from __future__ import annotations

import sys
import time
from pathlib import Path


def main(argv) -> int:
    docs = Path(argv[1] if len(argv) > 1 else Path(__file__).parent.parent.parent / "shared"
                / "corpus" / "docs")
    text = "".join(p.read_text(encoding="utf-8") for p in sorted(docs.glob("*.txt")))
    text = (text * (1 + 40_000 // max(len(text), 1)))[:40_000]
    start = time.perf_counter()
    from kg.loaders import gazetteer

    imported = time.perf_counter() - start
    start = time.perf_counter()
    gazetteer.scan("")
    load = time.perf_counter() - start
    best = float("inf")
    for _ in range(5):
        start = time.perf_counter()
        hits = gazetteer.scan(text)
        best = min(best, time.perf_counter() - start)
    print(f"import kg.loaders.gazetteer\t{imported:.3f} s")
    print(f"first use (read data, index)\t{load:.3f} s")
    print(f"scan 40,000 chars (best of 5)\t{best:.4f} s")
    print(f"hits\t{len(hits)}")
    print(f"names scanned\t{len(gazetteer._data()['scan'])}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
