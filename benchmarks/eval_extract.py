"""Evaluate the extractor on the development corpus: per type, per document, per group, and
leave-one-source-out.

Run:  .venv/bin/python benchmarks/eval_extract.py [--corpus ../shared/corpus]
      [--scorer ../shared/eval/score.py] [--out predictions.jsonl] [--docs 'n*'] [--no-loso]

The extractor reads every document of CORPUS/docs; its records are written as JSONL in the
format of eval/score.py and scored with that scorer's own functions against CORPUS/gold.
Groups: the five samples (000-004), the long provincial reports (p01-p06) and the short
news pages (n01-n16).

Leave-one-source-out: every lexicon entry learned or listed from the corpus carries the
document that motivated it (``kg.loaders.lexicon.SOURCED``); in that document's fold the
entry is dropped (:func:`kg.loaders.lexicon.use_fold`), so each document is read by rules
that were not written against it. If the two all-type F1 figures differ by more than 0.10,
the rules are fitted to the texts.
"""
from __future__ import annotations

import argparse
import importlib.util
import json
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GROUPS = (("samples", ("0",)), ("p (reports)", ("p",)), ("n (news)", ("n",)))


def load_scorer(path: Path):
    """The shared scorer as a module (its load_gold, load_predictions, score, prf)."""
    spec = importlib.util.spec_from_file_location("kg_eval_score", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def predict(paths: list, loso: bool) -> list:
    """Scoring records of every document; with ``loso`` each read in its own fold."""
    from kg.loaders import lexicon
    from kg.loaders.documents import extract_records
    rows = []
    for path in paths:
        with lexicon.use_fold(path.stem if loso else None):
            rows.extend(extract_records(path))
    return rows


def write_jsonl(rows: list, path: Path) -> None:
    with open(path, "w", encoding="utf-8") as handle:
        for row in rows:
            handle.write(json.dumps(row, ensure_ascii=False) + "\n")


def evaluate(scorer, rows: list, gold: dict, out: Path) -> dict:
    """{"types": {type: (p, r, f1, tp, fp, fn)}, "docs": {doc: (p, r, f1)}, "roles": …}."""
    write_jsonl(rows, out)
    preds = scorer.load_predictions(str(out))
    result = {"docs": {}, "counts": {}}
    counts, roles, misses, false_hits, wrong = scorer.score(preds, gold)
    result["counts"] = counts
    result["roles"] = roles
    result["misses"], result["false_hits"], result["wrong_roles"] = misses, false_hits, wrong
    for doc in gold:
        c, _r, *_ = scorer.score(preds, {doc: gold[doc]})
        result["docs"][doc] = c
    return result


def _bare(scorer, name: str) -> str:
    """A chain's industry compared without a trailing 产业/产业链 (汽车产业 = 汽车)."""
    text = scorer.norm(name)
    for tail in ("产业链", "产业"):
        if text.endswith(tail) and len(text) > len(tail) + 1:
            text = text[:-len(tail)]
    return text


def chain_names(scorer, rows: list, gold: dict) -> tuple:
    """(right, found, [(doc, predicted, gold industry)]) for the predicted chains whose links
    are a gold chain's: the name is right when it names the gold's ``industry`` (equal, or
    one inside the other: 锂电 / 锂电池) — what `kg gaps NAME` is asked by."""
    wanted = {(doc, scorer.chain_key(c.get("links", []))): c.get("industry", "")
              for doc, data in gold.items() for c in data.get("chains", [])}
    right, found, wrong = 0, 0, []
    for row in rows:
        key = (row["doc"], scorer.chain_key(row.get("links", [])))
        if row["type"] != "chain" or key not in wanted:
            continue
        found += 1
        have, want = _bare(scorer, row["name"]), _bare(scorer, wanted[key])
        if have and want and (have in want or want in have):
            right += 1
        else:
            wrong.append((row["doc"], row["name"], wanted[key]))
    return right, found, wrong


def firm_industries(scorer, rows: list, gold: dict) -> tuple:
    """(right, wrong, unsupported, given) of the industries firm and platform records carry
    (what becomes IN_INDUSTRY / SUPPORTS), against the gold record of the same name: right
    when one names the other (equal or inside), wrong when the gold names another,
    unsupported when the gold names none."""
    wanted: dict = {}
    for doc, data in gold.items():
        for item in data.get("firms", []) + data.get("platforms", []):
            for name in [item["name"], *(item.get("aliases") or [])]:
                wanted[(doc, scorer.norm(name))] = scorer.norm(item.get("industry") or "")
    right = wrong = unsupported = given = 0
    for row in rows:
        key = (row["doc"], scorer.norm(row["name"]))
        if row["type"] not in ("firm", "platform") or not row.get("industry") or key not in wanted:
            continue
        given += 1
        have, want = scorer.norm(row["industry"]), wanted[key]
        if not want:
            unsupported += 1
        elif have in want or want in have:
            right += 1
        else:
            wrong += 1
    return right, wrong, unsupported, given


def local_zones(scorer, rows: list, gold: dict, etype: str = "firm") -> tuple:
    """(right, found, [(doc, name, predicted zone, gold zone)]) for the predicted firms that
    are local firms of a gold zone (or, with ``etype="industry"``, the industries the gold
    places in a zone): right when the record's zone is that zone (by name or a gold alias
    of it) — the place `kg zone` counts the firm or the industry in."""
    wanted, names = {}, {}
    key_of = {"firm": "firms", "industry": "industries"}[etype]
    for doc, data in gold.items():
        for zone in data.get("zones", []):
            for name in [zone["name"], *(zone.get("aliases") or [])]:
                names[(doc, scorer.norm(name))] = scorer.norm(zone["name"])
        for item in data.get(key_of, []):
            if (etype != "firm" or item.get("role") == "local") and item.get("zone"):
                for name in [item["name"], *(item.get("aliases") or [])]:
                    wanted[(doc, scorer.norm(name))] = scorer.norm(item["zone"])
    right, found, wrong = 0, 0, []
    for row in rows:
        key = (row["doc"], scorer.norm(row["name"]))
        if row["type"] != etype or key not in wanted:
            continue
        found += 1
        have = scorer.norm(row.get("zone") or "")
        have = names.get((row["doc"], have), have)
        if have == wanted[key]:
            right += 1
        else:
            wrong.append((row["doc"], row["name"], row.get("zone"), wanted[key]))
    return right, found, wrong


def industry_roles(scorer, rows: list, gold: dict) -> tuple:
    """(agreeing, compared): industries found (by name or alias) whose role is the gold's."""
    found = {(r["doc"], scorer.norm(r["name"])): r.get("role", "other") for r in rows
             if r["type"] == "industry"}
    right = compared = 0
    for doc, data in gold.items():
        for entity in data.get("industries", []) or []:
            # the gold's own name first, then its aliases in a fixed order (a set's order
            # changes with the hash seed, and two spellings may carry different roles)
            names = sorted(scorer.gold_names(entity, "industry"),
                           key=lambda n: (n != scorer.norm(entity["name"]), n))
            role = next((found[(doc, n)] for n in names if (doc, n) in found), None)
            if role is not None:
                compared += 1
                right += role == entity.get("role", "other")
    return right, compared


def total(counts: dict, types) -> dict:
    return {k: sum(counts[t][k] for t in types) for k in ("tp", "fp", "fn")}


def group_counts(result: dict, prefixes, types) -> dict:
    out = {k: 0 for k in ("tp", "fp", "fn")}
    for doc, counts in result["docs"].items():
        if doc.startswith(prefixes):
            for key, value in total(counts, types).items():
                out[key] += value
    return out


def print_report(scorer, title: str, result: dict, show_docs: bool) -> None:
    types = scorer.TYPES
    print(f"\n## {title}")
    print(f"{'type':10} {'P':>6} {'R':>6} {'F1':>6} {'tp':>5} {'fp':>5} {'fn':>5}")
    for etype in types + ["all"]:
        c = total(result["counts"], types) if etype == "all" else result["counts"][etype]
        p, r, f = scorer.prf(c)
        print(f"{etype:10} {p:6.3f} {r:6.3f} {f:6.3f} {c['tp']:5d} {c['fp']:5d} {c['fn']:5d}")
    roles = result["roles"]
    acc = roles["right"] / roles["total"] if roles["total"] else 0.0
    print(f"firm role accuracy {acc:.3f} ({roles['right']}/{roles['total']})")
    print(f"{'group':14} {'P':>6} {'R':>6} {'F1':>6}  firm F1")
    for name, prefixes in GROUPS:
        p, r, f = scorer.prf(group_counts(result, prefixes, types))
        firm_f = scorer.prf(group_counts(result, prefixes, ["firm"]))[2]
        print(f"{name:14} {p:6.3f} {r:6.3f} {f:6.3f}  {firm_f:6.3f}")
    if show_docs:
        print(f"{'document':40} {'P':>6} {'R':>6} {'F1':>6} {'firm':>6} {'zone':>6} {'ind':>6}")
        for doc, counts in result["docs"].items():
            p, r, f = scorer.prf(total(counts, types))
            firm = scorer.prf(counts["firm"])[2]
            zone = scorer.prf(counts["zone"])[2]
            ind = scorer.prf(counts["industry"])[2]
            print(f"{doc[:40]:40} {p:6.3f} {r:6.3f} {f:6.3f} {firm:6.3f} {zone:6.3f} {ind:6.3f}")


def all_f1(scorer, result: dict) -> float:
    return scorer.prf(total(result["counts"], scorer.TYPES))[2]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus")
    parser.add_argument("--scorer", type=Path, default=ROOT.parent / "shared" / "eval" / "score.py")
    parser.add_argument("--docs", default="*", help="glob of document stems to evaluate")
    parser.add_argument("--out", type=Path, help="write the (all-corpus) predictions here")
    parser.add_argument("--no-loso", action="store_true", help="skip the leave-one-out run")
    parser.add_argument("--errors", type=int, default=0, help="list this many misses/false hits")
    args = parser.parse_args()
    scorer = load_scorer(args.scorer)
    paths = sorted((args.corpus / "docs").glob(args.docs + ".txt"))
    gold = {doc: data for doc, data in scorer.load_gold(args.corpus / "gold").items()
            if any(p.name == doc for p in paths)}
    if not paths or not gold:
        print(f"no documents with gold under {args.corpus}", file=sys.stderr)
        return 1
    tmp = Path(tempfile.mkdtemp())
    rows = predict(paths, False)
    dev = evaluate(scorer, rows, gold, args.out or tmp / "dev.jsonl")
    print_report(scorer, "development (rules as shipped)", dev, True)
    right, found, wrong = chain_names(scorer, rows, gold)
    print(f"chain names: {right}/{found} of the chains found name the gold's industry")
    for doc, have, want in wrong:
        print(f"  {doc[:24]}: {have} (gold {want})")
    right, found, wrong = local_zones(scorer, rows, gold)
    print(f"local firms in their gold zone: {right}/{found}")
    for doc, firm, have, want in wrong[:args.errors]:
        print(f"  {doc[:24]}: {firm} in {have} (gold {want})")
    right, found, wrong = local_zones(scorer, rows, gold, "industry")
    print(f"industries in their gold zone: {right}/{found}")
    for doc, name, have, want in wrong[:args.errors]:
        print(f"  {doc[:24]}: {name} in {have} (gold {want})")
    right, wrong_, unsupported, given = firm_industries(scorer, rows, gold)
    print(f"firm/platform industries: {given} given to gold firms; right {right} of "
          f"{right + wrong_} where the gold names one; {unsupported} where it names none")
    right, compared = industry_roles(scorer, rows, gold)
    print(f"industry roles: {right}/{compared} of the industries found have the gold's role")
    if args.errors:
        for title, rows in (("missed", dev["misses"]), ("false hits", dev["false_hits"]),
                            ("wrong roles", dev["wrong_roles"])):
            print(f"{title} ({len(rows)}):")
            for row in rows[:args.errors]:
                print("  " + " | ".join(str(x) for x in row))
    if not args.no_loso:
        loso_rows = predict(paths, True)
        loso = evaluate(scorer, loso_rows, gold, tmp / "loso.jsonl")
        print_report(scorer, "leave-one-source-out", loso, True)
        right, compared = industry_roles(scorer, loso_rows, gold)
        print(f"industry roles: {right}/{compared} of the industries found have the gold's role")
        gap = all_f1(scorer, dev) - all_f1(scorer, loso)
        print(f"\nall-type F1: development {all_f1(scorer, dev):.3f}, leave-one-source-out "
              f"{all_f1(scorer, loso):.3f}, difference {gap:.3f}"
              + ("  (> 0.10: over-fitted)" if gap > 0.10 else ""))
    return 0


if __name__ == "__main__":
    sys.exit(main())
