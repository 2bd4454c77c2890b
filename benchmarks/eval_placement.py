"""Score firm → link placement against the placement gold in ../shared/placement.

    .venv/bin/python benchmarks/eval_placement.py [--gold-dir ../shared/placement]
        [--half tune|held|all|both] [--worst 15] [--candidates] [--json OUT]
        [--listed-products company_product.jsonl]

Builds the graph the way ``kg build --registry dev_registry.csv`` does (the shipped chain
templates plus the registry CSV, then :func:`kg.classify.classify_firms`), writes the
``placed`` relations as predictions and scores them with the gold set's own
``score_placement.py``: precision, recall and F1 per chain, by source, and the worst false
positives. The gold and its registry rows (CC BY-NC-SA) are read from ../shared at run time,
never copied into the repository.

Held out honestly: the gold firms are split into two halves by a fixed hash of the firm's
code (:func:`half_of`); rules and weights are tuned looking at ``tune`` only, and ``held``
is reported beside it as the estimate for firms never looked at. ``--candidates`` also
scores the ``candidate`` relations (what a planner sees as candidates), to show recall
headroom. ``--calibration`` prints observed precision per score band (is the score a
probability?). ``--listed-products`` names the listed firms' product table
(:mod:`kg.listed_products`, the same as setting ``KG_LISTED_PRODUCTS``); ``--no-listed-products``
scores without one.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_GOLD = ROOT.parent / "shared" / "placement"


def half_of(code: str) -> str:
    """``tune`` or ``held``: a fixed hash of the firm's code, the same on every machine.

    >>> half_of("300007"), half_of("300007")
    ('tune', 'tune')
    """
    digest = hashlib.sha256(str(code).encode("utf-8")).digest()
    return "tune" if digest[0] % 2 == 0 else "held"


def build_placements(registry: Path):
    """The graph of the shipped templates plus ``registry``, firms classified."""
    from kg.build import build_graph

    result = build_graph(registries=[registry])
    if result.errors:
        raise SystemExit(f"{registry}: {result.errors[0]}")
    return result.graph


def prediction_rows(graph, *, with_candidates: bool = False) -> list:
    """One row per OPERATES_IN relation: firm name, codes, chain, link, score, status."""
    rows = []
    for firm, link, key, data in graph.nx.edges(keys=True, data=True):
        if key != "OPERATES_IN":
            continue
        status = data.get("status", "placed")
        if status != "placed" and not with_candidates:
            continue
        fd, ld = graph.node(firm), graph.node(link)
        rows.append({"firm": fd["name"], "code": fd.get("stock_code") or fd.get("credit_code"),
                     "chain": ld.get("chain", ""), "link": ld["name"],
                     "score": data.get("score"), "status": status})
    return rows


def split_gold(gold_path: Path, folder: Path) -> dict:
    """{half: path of a JSONL holding that half's gold rows} (written to a temp folder)."""
    halves: dict = {"tune": [], "held": [], "all": []}
    for line in gold_path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            row = json.loads(line)
            halves[half_of(row["code"])].append(line)
            halves["all"].append(line)
    paths = {}
    for half, lines in halves.items():
        paths[half] = folder / f"{half}.jsonl"
        paths[half].write_text("\n".join(lines) + "\n", encoding="utf-8")
    return paths


def calibration(rows: list, gold_path: Path) -> list:
    """(band, placed pairs, observed precision) per score band, optional pairs left out."""
    gold, chains = {}, set()
    for line in gold_path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            g = json.loads(line)
            chains |= {c for c, _ in g["links"]} | {c for c, _ in g.get("optional", [])}
            entry = ({tuple(p) for p in g["links"]}, {tuple(p) for p in g.get("optional", [])})
            for key in (g["code"], g["fullname"], g["name"]):
                gold.setdefault(key, entry)
    bands: dict = {}
    for row in rows:
        entry = gold.get(row["code"]) or gold.get(row["firm"])
        # the gold labels only its own chains' links: other templates' pairs are not scored
        if entry is None or row["chain"] not in chains or (row["chain"], row["link"]) in entry[1]:
            continue
        band = min(9, int((row["score"] or 0) * 10)) / 10
        hit = (row["chain"], row["link"]) in entry[0]
        total, good = bands.get(band, (0, 0))
        bands[band] = (total + 1, good + hit)
    return [(band, n, good / n) for band, (n, good) in sorted(bands.items())]


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--gold-dir", type=Path, default=DEFAULT_GOLD)
    ap.add_argument("--half", choices=["tune", "held", "all", "both"], default="both")
    ap.add_argument("--worst", type=int, default=15)
    ap.add_argument("--candidates", action="store_true",
                    help="score placed and candidate relations together")
    ap.add_argument("--calibration", action="store_true")
    ap.add_argument("--json", type=Path, help="write each half's figures as JSON here (a folder)")
    ap.add_argument("--listed-products", type=Path,
                    help="listed firms' product table (JSON lines; sets KG_LISTED_PRODUCTS)")
    ap.add_argument("--no-listed-products", action="store_true",
                    help="score without a listed firms' product table")
    args = ap.parse_args(argv)
    if args.listed_products:
        os.environ["KG_LISTED_PRODUCTS"] = str(args.listed_products)
    if args.no_listed_products:
        os.environ["KG_LISTED_PRODUCTS"] = "none"
    gold_dir = args.gold_dir
    for name in ("dev.jsonl", "dev_registry.csv", "score_placement.py"):
        if not (gold_dir / name).exists():
            print(f"{gold_dir / name}: not found (pass --gold-dir)", file=sys.stderr)
            return 1
    graph = build_placements(gold_dir / "dev_registry.csv")
    rows = prediction_rows(graph, with_candidates=args.candidates)
    halves = ["tune", "held"] if args.half == "both" else [args.half]
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        gold = split_gold(gold_dir / "dev.jsonl", folder)
        pred = folder / "predictions.jsonl"
        pred.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows),
                        encoding="utf-8")
        for half in halves:
            print(f"=== {half} half ({'tuned on' if half == 'tune' else 'held out' if half == 'held' else 'both halves'}) ===",
                  flush=True)
            cmd = [sys.executable, str(gold_dir / "score_placement.py"), str(pred), str(gold[half]),
                   "--worst", str(args.worst)]
            if args.json:
                args.json.mkdir(parents=True, exist_ok=True)
                cmd += ["--json", str(args.json / f"{half}.json")]
            subprocess.run(cmd, check=True)
            if args.calibration:
                print("score band → placed pairs, observed precision")
                for band, n, prec in calibration(rows, gold[half]):
                    print(f"  {band:.1f}–{band + 0.1:.1f}: {n:4d} {prec:.2f}")
            print()
    return 0


if __name__ == "__main__":
    sys.exit(main())
