"""Benchmark: extraction throughput over the corpus repeated to about 10 MB, beside jieba.

Run:  .venv/bin/python benchmarks/bench_extract.py [--mb 10] [--plan-only]

``--plan-only`` times one 40,000-character plan (the bundled 新乡市 plan, repeated and cut to
40,000 characters): warm (in a process that has extracted once) and cold (a fresh
subprocess that imports, loads the dictionaries and extracts), the issue's speed bound
being 2 s for the plan.

Documents are streamed one at a time (each copy of the corpus is extracted and its
records dropped), so peak memory stays that of one document, whatever the total size.
Prints characters per second for the extraction and for jieba.lcut on the same text in
the same run, and the peak traced memory of each.
"""
from __future__ import annotations

import argparse
import platform
import time
import tracemalloc
from pathlib import Path

CORPUS = Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "corpus" / "docs"


def documents(target_bytes: int):
    """(name, text) pairs: the corpus repeated until ``target_bytes`` of UTF-8 are served."""
    texts = [(p.name, p.read_text(encoding="utf-8")) for p in sorted(CORPUS.glob("*.txt"))]
    served = 0
    copy = 0
    while served < target_bytes:
        for name, text in texts:
            yield f"{copy:04d}_{name}", text
            served += len(text.encode("utf-8"))
        copy += 1


def run(fn, target_bytes: int) -> tuple:
    """(chars, seconds) of ``fn`` over the streamed documents (no tracing: full speed)."""
    chars = 0
    start = time.perf_counter()
    for name, text in documents(target_bytes):
        fn(name, text)
        chars += len(text)
    return chars, time.perf_counter() - start


def peak_memory(fn, target_bytes: int) -> int:
    """Peak bytes traced by tracemalloc while ``fn`` runs over the streamed documents."""
    tracemalloc.start()
    for name, text in documents(target_bytes):
        fn(name, text)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return peak


PLAN = CORPUS / "003_b7d2662c2d01476f.txt"
PLAN_CHARS = 40_000
_COLD = """
import sys, time
start = time.perf_counter()
from kg.loaders.extract import extract_text
from kg.loaders.graph_facts import to_facts
from kg.loaders.records import to_records
text = open(sys.argv[1], encoding="utf-8").read()
text = (text * (1 + {n} // len(text)))[:{n}]
ex = extract_text(text, "plan.txt")
to_records(ex)
list(to_facts(ex))
print(time.perf_counter() - start)
"""


def plan_times() -> tuple:
    """(warm seconds, cold seconds) for one 40,000-character plan."""
    import subprocess
    import sys
    from kg.loaders.extract import extract_text
    from kg.loaders.graph_facts import to_facts
    from kg.loaders.records import to_records
    text = PLAN.read_text(encoding="utf-8")
    text = (text * (1 + PLAN_CHARS // len(text)))[:PLAN_CHARS]
    extract_text(text[:2000], "warm.txt")  # dictionaries and gazetteers loaded
    start = time.perf_counter()
    ex = extract_text(text, "plan.txt")
    to_records(ex)
    list(to_facts(ex))
    warm = time.perf_counter() - start
    out = subprocess.run([sys.executable, "-c", _COLD.format(n=PLAN_CHARS), str(PLAN)],
                         capture_output=True, text=True, check=True)
    return warm, float(out.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=10.0, help="corpus size in MB (UTF-8)")
    parser.add_argument("--plan-only", action="store_true", help="only time a 40,000-char plan")
    args = parser.parse_args()
    target = int(args.mb * 1_000_000)
    warm, cold = plan_times()
    print(f"one {PLAN_CHARS:,}-character plan: {warm:.2f} s warm, {cold:.2f} s cold "
          f"(fresh process: imports, dictionaries, extraction)")
    if args.plan_only:
        return

    import jieba
    from kg.loaders.extract import extract_text
    from kg.loaders.graph_facts import to_facts
    from kg.loaders.records import to_records

    jieba.setLogLevel(60)
    jieba.initialize()
    extract_text("预热。", "warm.txt")  # load lexicons and the gazetteer outside the timing

    def extraction(name, text):
        ex = extract_text(text, name)
        to_records(ex)
        for _fact in to_facts(ex):
            pass

    def segmentation(name, text):
        jieba.lcut(text)

    rows = []
    for label, fn in (("kg extraction (records + facts)", extraction),
                      ("jieba.lcut", segmentation)):
        chars, seconds = run(fn, target)
        rows.append((label, chars, seconds))
    print(f"python {platform.python_version()}, {args.mb:g} MB of corpus text (UTF-8)")
    for label, chars, seconds in rows:
        print(f"{label:34} {chars:>10,} chars {seconds:7.2f} s {chars / seconds:>10,.0f} chars/s")
    ratio = (rows[0][1] / rows[0][2]) / (rows[1][1] / rows[1][2])
    print(f"extraction / jieba.lcut throughput: {ratio:.2f}")
    small, large = peak_memory(extraction, target // 20), peak_memory(extraction, target // 4)
    print(f"extraction peak traced memory: {small / 1e6:.1f} MB over {args.mb / 20:g} MB of "
          f"documents, {large / 1e6:.1f} MB over {args.mb / 4:g} MB (streamed: flat)")


if __name__ == "__main__":
    main()
