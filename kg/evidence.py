"""The evidence that puts a firm on a chain link: words, name, industry codes, and what is trade.

:class:`LinkIndex` compiles every link's keywords and industry codes once;
:func:`firm_evidence` reads one firm and returns its :class:`Cue` rows per link, each with a
short Chinese reason, the word or code matched, and a weight (see :data:`WEIGHTS`), plus
whether the firm makes anything at all (:attr:`FirmEvidence.maker`).

>>> from kg.graph import KnowledgeGraph
>>> g = KnowledgeGraph()
>>> link = g.add_entity("Link", "关键汽车零部件", key="新能源汽车/关键汽车零部件",
...                     keywords=["汽车零部件", "汽车配件"])
>>> f = g.add_entity("Firm", "重庆飞成汽车零部件有限公司", business_scope="汽车配件生产、销售")
>>> [c.reason for c in firm_evidence(g, f, LinkIndex(g)).cues[link]]
['经营范围首项含‘汽车配件’（制造）', '企业名称含‘汽车零部件’']
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from kg.names import normalize, strip_legal_suffix
from kg.listed_products import main_products
from kg.scope import clauses, distributed, verb_kind
from kg.wordmatch import WordMatcher

#: weight of each kind of cue: about the share of such cues that were right on the tuning
#: half of the placement gold (benchmarks/eval_placement.py --calibration)
WEIGHTS = {
    "code_sole": 0.75,    # the firm's sector maps to this link only
    "code_shared": 0.45,  # the sector maps to several links: a candidate on each
    "code_broad": 0.4,    # a sector only partly on the link
    "name": 0.65,         # the firm's own name (…汽车零部件有限公司)
    "products": 0.7,      # 主营产品
    "make_first": 0.7,    # making clause of the scope's first line
    "make": 0.55,         # making clause further on
    "none_first": 0.55,   # verbless product list on the first line
    "none": 0.3,          # verbless list further on
    "develop": 0.6,       # 研发/设计 with no making (a fabless designer counts)
    "listed": 0.7,        # a listed firm's published main product, a major line (kg.listed_products)
    "listed_minor": 0.5,  # the same, a minor line: a candidate unless another cue agrees
    # a document's sentence saying what the firm is (以甲为龙头的晶圆制造业, 甲等整车企业):
    # weighed as 主营产品, which it paraphrases (the placement gold has no such firm to tune it)
    "stated": 0.7,
}
#: a published product line at least this heavy among the firm's lines is a major one
LISTED_MAJOR = 0.3
# A product line's name is a compound noun, head last (乘用车泵 is a pump, 锂电池钢壳材料 a
# material, 消费电子芯片 a chip): a keyword names the line only as its head. Endings that say
# "kind of", "the making of" or "packaged as" rather than a new thing (芯片类, 传感器业务,
# 轮胎制造, IGBT模块) are read through.
_LINE_TAIL = re.compile(r"(类|业务|系列|产品|板块|等|及其他|模块|模组|制造|生产|加工)+$")
BROAD_FACTOR = 0.6  # a broad keyword (电子产品) is weaker than a product name

# Sectors of firms that trade, lend, insure, let or hold rather than make: Shenwan
# 房地产 43, 商贸零售 45, 银行 48, 非银金融 49, 汽车服务 2803 (dealers); GB/T 4754-2017
# 批发业 51, 零售业 52, 货币金融 66, 资本市场 67, 保险 68, 其他金融 69, 房地产 70, 租赁 71.
NON_MAKER_CODES = ("sw:43", "sw:45", "sw:48", "sw:49", "sw:2803",
                   "gb:51", "gb:52", "gb:66", "gb:67", "gb:68", "gb:69", "gb:70", "gb:71")
# the same sectors as their names read (a registry's 所属行业 column often has no code)
NON_MAKER_NAME = re.compile(r"银行|保险|证券|信托|期货|金融|房地产|物业|经销|零售|批发|贸易|"
                            r"百货|超市|租赁|投资|典当|拍卖|商业物业")
# names of trading, logistics and holding firms: 商贸/物流/投资… before the legal form
TRADE_NAME = re.compile(r"(商贸|贸易|经贸|商行|物流|投资|置业|地产|租赁|销售|经销|"
                        r"加油站|银行|保险|担保|典当|广告)(有限|股份|集团|分公司|$)")


@dataclass(frozen=True)
class Cue:
    """One piece of evidence for a firm on a link."""

    reason: str
    match: str
    weight: float
    broad: bool = False


@dataclass
class FirmEvidence:
    """A firm's cues per link, whether it makes anything, and notes shown with its placements."""

    cues: dict = field(default_factory=dict)
    maker: bool = True
    notes: list = field(default_factory=list)

    def add(self, link: str, cue: Cue) -> None:
        """Keep the strongest cue per matched word or code."""
        rows = self.cues.setdefault(link, [])
        for i, old in enumerate(rows):
            if old.match == cue.match:
                if cue.weight > old.weight:
                    rows[i] = cue
                return
        rows.append(cue)


def _prefix(code: str) -> str:
    """``sw:270100`` → ``sw:2701`` (a Shenwan level covers its children); GB codes stay."""
    scheme, _, digits = code.lower().partition(":")
    if scheme == "sw":
        while digits.endswith("00") and len(digits) > 2:
            digits = digits[:-2]
    return f"{scheme}:{digits}"


class LinkIndex:
    """Every link's words and codes, compiled for matching."""

    def __init__(self, graph):
        self.by_word: dict = {}   # word -> [(link, broad)]
        self.by_name_word: dict = {}  # word read in firm names only -> [(link, broad)]
        self.by_code: dict = {}   # code prefix -> [(link, broad)]
        self.code_of_name: dict = {}  # normalised official name -> code
        for node, data in graph.nodes("Link"):
            for words, broad in ((data.get("keywords"), False), (data.get("broad_keywords"), True)):
                for word in words or ():
                    if len(word) >= 2:
                        self.by_word.setdefault(word, []).append((node, broad))
            # a longer word that holds a keyword but names something else (发光二极管
            # holds 二极管): matched as a word of no link, it hides the keyword inside it
            for word in data.get("exclude_words") or ():
                self.by_word.setdefault(word, [])
            # words read only in the firm's own name: a firm that names itself after a short
            # product word (…导航技术股份有限公司) says its main line, where the same word in a
            # scope may be a sales item or a part of another product
            for word in data.get("name_keywords") or ():
                if len(word) >= 2:
                    self.by_name_word.setdefault(word, []).append((node, False))
            for codes, broad in ((data.get("industry_codes"), False), (data.get("broad_codes"), True)):
                for code in codes or ():
                    self.by_code.setdefault(_prefix(code), []).append((node, broad))
            for item in data.get("code_names") or ():
                code, _, name = item.partition(" ")
                if name:
                    self.code_of_name.setdefault(normalize(name), code)
        self.matcher = WordMatcher(self.by_word)
        # keywords split into a beginning and an ending (汽车|配件): a coordinated item
        # that may share its head with the next (汽车、摩托车配件, kg.scope.distributed)
        self.tails: dict = {}
        for word in self.by_word:
            for n in (2, 3, 4):
                if len(word) > n + 1:
                    self.tails.setdefault(word[:n], set()).add(word[n:])
        for word, links in self.by_word.items():
            self.by_name_word.setdefault(word, []).extend(links)
        self.name_matcher = WordMatcher(self.by_name_word)

    def code_links(self, code: str) -> list:
        """[(link, broad)] of the links whose codes cover ``code`` (its most specific level)."""
        scheme, _, digits = code.lower().partition(":")
        for size in range(len(digits), 1, -1):
            hit = self.by_code.get(f"{scheme}:{digits[:size]}")
            if hit:
                return hit
        return []


def _clean_code(code: str) -> str:
    """``gb:C3670`` → ``gb:3670``: enterprise exports often prefix GB codes with the section letter.

    >>> _clean_code("gb:C3670"), _clean_code("sw:640301")
    ('gb:3670', 'sw:640301')
    """
    scheme, _, digits = code.lower().partition(":")
    if scheme == "gb" and digits[:1].isalpha():
        digits = digits[1:]
    return f"{scheme}:{digits}"


def _industry(graph, firm: str, index: LinkIndex) -> tuple:
    """(codes, names, stated) of the firm's industries: codes and names from its own codes
    and its registry rows, ``stated`` the trades a document's sentence says it is in."""
    data = graph.nx._node[firm]
    codes = [_clean_code(c) for c in data.get("industry_codes") or ()]
    names, stated = [], []
    for industry, rels in graph.nx._succ[firm].items():
        edge = rels.get("IN_INDUSTRY")
        # only a registry's industry column, or a sentence that says it of the firm, tells
        # what a firm makes; the field of a sentence a firm is mentioned in is too loose
        sources = edge.get("sources", ()) if edge is not None else ()
        if any(s.get("stated") for s in sources):
            stated.append(graph.nx._node[industry]["name"])
        if not any("row" in s for s in sources):
            continue
        idata = graph.nx._node[industry]
        own = [_clean_code(c) for c in idata.get("industry_codes") or ()]
        codes.extend(own[:1] or ())  # the first is the industry's own code, the rest parents
        names.append(idata["name"])
        if not own:
            code = index.code_of_name.get(normalize(idata["name"]))
            if code:
                codes.append(code)
    return list(dict.fromkeys(codes)), names, stated


def _chain_of(link: str) -> str:
    """``Link/新能源汽车/电池`` → ``新能源汽车``."""
    return link.split("/")[1] if link.count("/") >= 2 else link


def _code_cues(found: FirmEvidence, codes: list, index: LinkIndex) -> None:
    """A sector that maps to one link of a chain places the firm there; one that maps to
    several links of the same chain leaves it a candidate on each (which link is unknown).
    Links of different chains do not compete: a battery maker is on 电池 and on 储能电芯."""
    for code in codes:
        hits = index.code_links(code)
        per_chain: dict = {}
        for link, broad in hits:
            if not broad:
                per_chain[_chain_of(link)] = per_chain.get(_chain_of(link), 0) + 1
        label = "申万行业" if code.startswith("sw:") else "国标行业"
        for link, broad in hits:
            sole = per_chain.get(_chain_of(link)) == 1
            kind = "code_broad" if broad else ("code_sole" if sole else "code_shared")
            note = "（部分相关）" if broad else ("" if sole else "（对应多个环节）")
            found.add(link, Cue(f"{label} {code.partition(':')[2]}{note}", code, WEIGHTS[kind],
                                broad=kind != "code_sole"))


def _word_cues(found: FirmEvidence, text: str, index: LinkIndex, kind: str, reason: str) -> None:
    matcher, words = ((index.name_matcher, index.by_name_word) if kind == "name"
                      else (index.matcher, index.by_word))
    for word in matcher.find(text):
        for link, broad in words[word]:
            weight = WEIGHTS[kind] * (BROAD_FACTOR if broad else 1.0)
            found.add(link, Cue(reason.format(word=word), word, round(weight, 3), broad=broad))


VERB_LABEL = {"make": "制造", "develop": "研发", "none": "产品"}


class _Recorder:
    """Collects a scope's (link, cue) adds in order, to be replayed on each firm."""

    def __init__(self):
        self.adds: list = []

    def add(self, link: str, cue: Cue) -> None:
        self.adds.append((link, cue))


SCOPE_CACHE = 100_000  # distinct business scopes remembered per LinkIndex (bounded memory)


def _scope_cues(found: FirmEvidence, scope: str, index: LinkIndex) -> None:
    # a registry repeats business scopes (they are written from the standard wordings of
    # the 经营范围规范表述目录, and firms of one trade copy them): each distinct scope is
    # read once per LinkIndex, its cues replayed in the same order on every firm
    cache = index.__dict__.setdefault("_scopes", {})
    plan = cache.get(scope)
    if plan is None:
        plan = _scope_plan(scope, index)
        if len(cache) < SCOPE_CACHE:
            cache[scope] = plan
    adds, sold = plan
    for link, cue in adds:
        found.add(link, cue)
    if not sold:
        return
    placed_words = {c.match for cues in found.cues.values() for c in cues}
    only_sold = [w for w in sold if w not in placed_words]
    if only_sold:
        found.notes.append(f"经营范围仅销售/服务‘{'、'.join(only_sold[:3])}’，不计")


def _scope_plan(scope: str, index: LinkIndex) -> tuple:
    """(the (link, cue) adds of a scope in order, the words it only sells) — see _scope_cues."""
    if not index.matcher.find(scope) and not distributed(scope, index.tails):
        return (), ()
    record = _Recorder()
    sold = []
    for clause in clauses(scope):
        if clause.kind == "sell":
            sold.extend(index.matcher.find(clause.text))
            continue
        first = clause.order == 0
        kind = clause.kind + ("_first" if first and clause.kind in ("make", "none") else "")
        where = "经营范围首项" if first else "经营范围"
        _word_cues(record, clause.text, index, kind,
                   f"{where}含‘{{word}}’（{VERB_LABEL[clause.kind]}）")
        _shared_head_cues(record, clause.text, index, kind, where, VERB_LABEL[clause.kind])
    return tuple(record.adds), tuple(dict.fromkeys(sold))


def _shared_head_cues(found: FirmEvidence, text: str, index: LinkIndex, kind: str, where: str,
                      label: str) -> None:
    """Keywords said through a shared head: “汽车、摩托车配件” makes 汽车配件 (kg.scope.distributed)."""
    for first, rest, phrase in distributed(text, index.tails):
        for word in index.matcher.find(phrase):
            if len(word) <= len(first) or not phrase.startswith(word) or word in text:
                continue
            for link, broad in index.by_word[word]:
                weight = WEIGHTS[kind] * (BROAD_FACTOR if broad else 1.0)
                found.add(link, Cue(f"{where}含‘{first}、…{word[len(first):]}’（{label}）", word,
                                    round(weight, 3), broad=broad))


def _name_core(name: str) -> str:
    return strip_legal_suffix(name or "")


def firm_evidence(graph, firm: str, index: LinkIndex) -> FirmEvidence:
    """All cues of one firm, per link."""
    data = graph.nx._node[firm]
    found = FirmEvidence()
    codes, names, stated = _industry(graph, firm, index)
    if any(c.startswith(NON_MAKER_CODES) for c in codes) or any(
            NON_MAKER_NAME.search(n) for n in names):
        found.maker = False
        found.notes.append("所属行业为贸易/金融/地产/服务类：至多为候选")
    full = data.get("name", "")
    if TRADE_NAME.search(full) and found.maker:
        found.maker = False
        found.notes.append("企业名称为商贸/物流/投资类：至多为候选")
    _code_cues(found, codes, index)
    for name in stated:
        _word_cues(found, name, index, "stated", "文件称其属‘{word}’")
    _word_cues(found, data.get("products") or "", index, "products", "主营产品含‘{word}’")
    _scope_cues(found, data.get("business_scope") or "", index)
    if not data.get("products") and not data.get("business_scope"):
        _listed_cues(found, main_products(data.get("stock_code")), index)
    for name in {_name_core(full), *(_name_core(a) for a in data.get("aliases", ()))}:
        _word_cues(found, name, index, "name", "企业名称含‘{word}’")
    return found


def _line_head(product: str, index: LinkIndex) -> str:
    """The keyword a product line's name ends with (its head), or "" — see _LINE_TAIL.

    >>> from kg.graph import KnowledgeGraph
    >>> g = KnowledgeGraph()
    >>> _ = g.add_entity("Link", "整车", key="新能源汽车/整车", keywords=["乘用车"])
    >>> idx = LinkIndex(g)
    >>> _line_head("乘用车", idx), _line_head("乘用车业务", idx), _line_head("乘用车泵", idx)
    ('乘用车', '乘用车', '')
    """
    text = product.strip()
    cores = [text]
    while True:
        shorter = _LINE_TAIL.sub("", cores[-1]) if len(cores) == 1 else ""
        if not shorter or shorter == cores[-1]:
            break
        cores.append(shorter)
    for core in cores:
        ends = [w for w in index.matcher.find(core) if core.endswith(w)]
        if ends:
            return max(ends, key=len)
    return ""


def _listed_cues(found: FirmEvidence, products, index: LinkIndex) -> None:
    """Cues from a listed firm's published product lines (only when its row has neither
    经营范围 nor 主营产品): a line named by a selling or service verb (汽车销售, 融资租赁)
    counts for nothing, as in a scope; a major line weighs like 主营产品, a minor one less.

    >>> from kg.graph import KnowledgeGraph
    >>> g = KnowledgeGraph()
    >>> _ = g.add_entity("Link", "整车", key="新能源汽车/整车", keywords=["乘用车", "整车"])
    >>> found = FirmEvidence()
    >>> _listed_cues(found, [("乘用车", 0.8), ("整车销售", 0.4)], LinkIndex(g))
    >>> [(c.reason, c.weight) for cues in found.cues.values() for c in cues]
    [('上市公司主营产品含‘乘用车’', 0.7)]
    """
    sold, lines = [], FirmEvidence()
    for product, share in products:
        if verb_kind(product) == "sell":
            sold.extend(index.matcher.find(product))
            continue
        major = share >= LISTED_MAJOR
        _word_cues(lines, _line_head(product, index), index, "listed" if major else "listed_minor",
                   "上市公司主营产品含‘{word}’" + ("" if major else "（次要业务）"))
    # a disclosure names one line several ways (气体检测仪表, 气体检测仪器仪表): the lines
    # are not independent cues, so only the strongest counts on each link
    sector = {_chain_of(link): link for link, cues in found.cues.items()
              if any(c.match.startswith(("sw:", "gb:")) and not c.broad for c in cues)}
    for link, cues in lines.cues.items():
        best = max(cues, key=lambda c: c.weight)
        # revenue tables also split by market (乘用车, 商用车 for a parts maker): a line on
        # another link of the chain the firm's own sector places it on is a candidate only
        if sector.get(_chain_of(link), link) != link:
            best = Cue(best.reason + "（与所属行业环节不同）", best.match, best.weight, broad=True)
        found.add(link, best)
    placed = {c.match for cues in found.cues.values() for c in cues}
    only_sold = [w for w in dict.fromkeys(sold) if w not in placed]
    if only_sold:
        found.notes.append(f"主营产品仅销售/服务‘{'、'.join(only_sold[:3])}’，不计")


__all__ = ["BROAD_FACTOR", "Cue", "FirmEvidence", "LinkIndex", "NON_MAKER_CODES", "WEIGHTS",
           "firm_evidence"]
