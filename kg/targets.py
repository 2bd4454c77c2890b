"""Targets (招商目标) on the links their evidence supports, with a score whose parts are shown.

A plan that names a firm to attract says why: the sentence's section or field (its
``industry``, e.g. 锂电池, 高端医疗器械, 氢能与储能), other chain links named in the same
sentence, and — when a registry lists the firm — what the firm makes. :func:`score_targets`
writes on each ``(Zone|Region)-[:TARGETS]->(Firm)``:

- ``links``: the Link ids the evidence supports — links named in the sentence or by its field
  (as whole words), and links the firm is placed on within those chains, or anywhere when the
  sentence names no chain; never every link of a chain by default;
- ``score`` and ``score_parts`` (JSON): ``cue`` (the sentence names a link 1.0, only a chain
  or field 0.6, nothing 0.3), ``placement`` (the firm's best placement score on those links),
  ``distance`` (same zone 1.0 > same city 0.75 > same province 0.5 > elsewhere 0.25; unknown
  0.1), ``size`` (listed 1.0, registered firm 0.5, a name only 0.3);
  ``score = 0.35·cue + 0.30·placement + 0.20·distance + 0.15·size``.

Names that are not firms (a ranking such as 中国机械百强, a field such as 健康养老托育) lose
their TARGETS relation: :func:`is_firm_name` states the rule.

>>> is_firm_name("药明康德"), is_firm_name("中国机械百强"), is_firm_name("健康养老托育")
(True, False, False)
"""
from __future__ import annotations

import json
import logging
import re

log = logging.getLogger("kg.targets")

WEIGHTS = {"cue": 0.35, "placement": 0.30, "distance": 0.20, "size": 0.15}
#: the parts as a table shows them (JSON keeps the English keys)
PARTS_ZH = {"cue": "文件线索", "placement": "定位", "distance": "距离", "size": "规模"}
LISTING_SHARE = 0.6  # as in kg.loaders.templates.MATCH_SHARE: most of a chain's links
DISTANCE = {"zone": 1.0, "city": 0.75, "province": 0.5, "elsewhere": 0.25, "unknown": 0.1}

# An enterprise name is a trade name, optionally with place, field and legal form
# (企业名称登记管理规定). A ranking or list (百强, 500强, 排行榜) names many firms, and a name
# that ends in a field or service word with no legal form names an activity, not a firm.
_LEGAL_FORM = re.compile(r"(公司|集团|厂|研究院|研究所|中心|银行|股份|有限|合伙|商行)$")
_RANKING = re.compile(r"([0-9０-９一二三四五六七八九十百千]+强|强企|排行|榜单?|名录|名单)")
# a phrase that describes firms or their business (主营业务突出, 骨干企业) rather than naming
# one: a trade name does not hold these generic nouns and predicates without a legal form
_DESCRIPTION = re.compile(r"(主营业务|业务|企业|竞争力|实力|突出|显著|明显|领先|较强|优秀)")
# a noun phrase headed by a product (…设备, …无人机) or a function (…操纵) names what is
# made, not who makes it: an enterprise name holding such a word keeps its legal form
# (…设备有限公司), which _LEGAL_FORM accepts first
_PRODUCT_END = re.compile(r"(设备|无人机|操纵)$")
_FIELD_END = re.compile(r"(产业|行业|经济|养老|托育|康养|医养|教育|旅游|文旅|服务业|制造业|"
                        r"服务|业态|集群|基地|园区|项目)$")


def is_firm_name(name: str) -> bool:
    """Whether ``name`` reads as one enterprise (full name, short name or brand).

    >>> [is_firm_name(n) for n in ("中国移动", "宁德时代新能源科技股份有限公司", "SEW", "现代服务业")]
    [True, True, True, False]
    >>> is_firm_name("主营业务突出"), is_firm_name("竞争力强"), is_firm_name("航空机载设备")
    (False, False, False)
    """
    name = (name or "").strip()
    if not name or _RANKING.search(name):
        return False
    if _LEGAL_FORM.search(name):
        return True
    return not (_FIELD_END.search(name) or _DESCRIPTION.search(name) or _PRODUCT_END.search(name))


def _sentence_links(graph, sources: list, link_ids: set) -> set:
    """Links mentioned in the same document sentence as the target."""
    keys = {(s.get("doc"), s.get("sentence")) for s in sources if s.get("sentence") is not None}
    found = set()
    if not keys:
        return found
    for link in link_ids:
        for s in graph.nx._node[link].get("sources", ()):
            if (s.get("doc"), s.get("sentence")) in keys:
                found.add(link)
                break
    return found


def _ancestors(graph, node: str, memo: dict) -> dict:
    """{region id: level} of the regions a place lies in (IN_REGION, then PART_OF upward)."""
    hit = memo.get(node)
    if hit is not None:
        return hit
    out, todo = {}, [node]
    while todo:
        current = todo.pop()
        for rel in ("IN_REGION", "PART_OF"):
            for region in graph.out(current, rel):
                if region not in out:
                    out[region] = graph.node(region).get("level", "")
                    todo.append(region)
    memo[node] = out
    return out


def distance_kind(graph, firm: str, seeker: str, memo: dict) -> str:
    """``zone``, ``city``, ``province``, ``elsewhere`` or ``unknown``: where the firm is as
    seen from the seeker (a firm inside the seeker's area is ``zone``; one sharing a city or
    county with it ``city``; only a province ``province``)."""
    places = graph.out(firm, "LOCATED_IN")
    if not places:
        return "unknown"
    home = {seeker: graph.node(seeker).get("level", ""), **_ancestors(graph, seeker, memo)}
    rank = {"zone": 3, "city": 2, "province": 1, "elsewhere": 0}
    best = "elsewhere"
    for where in places:
        around = {where: graph.node(where).get("level", ""), **_ancestors(graph, where, memo)}
        if seeker in around:
            return "zone"
        shared = [around[r] for r in around if r in home]
        kind = ("city" if any(level != "province" for level in shared) else
                "province" if shared else "elsewhere")
        best = kind if rank[kind] > rank[best] else best
    return best


def _size(data: dict) -> float:
    if data.get("stock_code"):
        return 1.0
    if data.get("credit_code") or any("row" in s for s in data.get("sources", ())):
        return 0.5
    return 0.3


class _Chains:
    """Words that name each chain and each link, matched as whole words in a target's field."""

    def __init__(self, graph, index):
        from kg.wordmatch import WordMatcher

        self.link_of_word: dict = {}
        self.chain_of_word: dict = {}
        self.links_of_chain: dict = {}
        for chain, data in graph.nodes("Chain"):
            for word in {data["name"], *data.get("aliases", ())}:
                self.chain_of_word.setdefault(word, set()).add(chain)
            for link in graph.out(chain, "HAS_LINK"):
                self.links_of_chain.setdefault(chain, set()).add(link)
                ldata = graph.node(link)
                for word in {ldata["name"], *ldata.get("aliases", ()), *ldata.get("keywords", ())}:
                    if len(word) >= 2:
                        self.link_of_word.setdefault(word, set()).add(link)
        self.matcher = WordMatcher([*self.link_of_word, *self.chain_of_word])
        self.all_links = set().union(*self.links_of_chain.values()) if self.links_of_chain else set()

    def read(self, text: str) -> tuple:
        """(links, chains) a field such as 锂电池 or 氢能与储能 names."""
        links, chains = set(), set()
        for word in self.matcher.find(text or ""):
            links |= self.link_of_word.get(word, set())
            chains |= self.chain_of_word.get(word, set())
        return links, chains


# A plan's sentence names the fields before the firms: “聚焦氢燃料电池空压机、氢循环泵等重点
#领域，大力引进亿华通、雄韬股份等龙头企业”. A clause opened by a focus verb states what the
# firms named after it are sought for; a clause of cooperation (“加强与中国移动…的合作”) states
# nothing about links, and the words of other clauses belong to other firms.
_FOCUS = re.compile(r"^(聚焦|围绕|重点围绕|重点发展|着力发展|主攻|瞄准|面向)")
_CLAUSE = re.compile(r"[^，,；;。！？!?]+")


def focus_text(sentence: str, quote: str) -> str:
    """The focus clauses before the firm's mention and the firm's own clause (name left out).

    >>> focus_text("聚焦电芯、电池材料等领域,依托基地,引进甲公司、乙公司等企业。", "乙公司")
    '聚焦电芯、电池材料等领域，引进甲公司、、等企业'
    >>> focus_text("加强与中国移动等公司的合作,大力引进储能电池企业。", "中国移动")
    '加强与、等公司的合作'
    """
    at = sentence.find(quote) if quote else -1
    if at < 0:
        return ""
    kept = []
    for m in _CLAUSE.finditer(sentence):
        clause = m.group().strip()
        if m.start() <= at < m.end():
            kept.append(clause.replace(quote, "、"))
            break
        if _FOCUS.match(clause):
            kept.append(clause)
    return "，".join(kept)


def _focus_links(edge: dict, sentences, chains: _Chains, field_chains: set) -> set:
    """Links the focus of the target's sentences names, within the chains its field names.

    A field that names no chain (装备制造业, 区块链) leaves the focus unread: its words
    (起重机械、汽车及零部件、机电配件 …) span several industries and would scatter the firms
    over links of chains the plan does not develop here."""
    if sentences is None or not field_chains:
        return set()
    found = set()
    for source in edge.get("sources", ()):
        text = sentences(source) if source.get("start") is not None else None
        if text and text != source.get("quote"):
            found |= chains.read(focus_text(text, str(source.get("quote") or "")))[0]
    return {l for l in found if any(l in chains.links_of_chain.get(c, ()) for c in field_chains)}


def target_evidence(graph, seeker: str, firm: str, edge: dict, chains: _Chains, memo: dict,
                    sentences=None) -> tuple:
    """(links, score parts) of one TARGETS relation; ``sentences`` reads a source's sentence."""
    named, named_chains = chains.read(edge.get("industry", ""))
    field_chains = named_chains | {c for c, members in chains.links_of_chain.items()
                                   if members & named}
    named |= _focus_links(edge, sentences, chains, field_chains)
    in_sentence = _sentence_links(graph, edge.get("sources", ()), chains.all_links)
    for chain, members in chains.links_of_chain.items():
        hit = in_sentence & members
        # a sentence that spells out most of a chain (研发设计—材料设备—芯片制造—…) names the
        # chain, not one link: the target is on the chain, its links left to the evidence
        if hit and len(hit) >= LISTING_SHARE * len(members) and len(members) > 1:
            in_sentence -= members
            named_chains.add(chain)
    named |= in_sentence
    scope = set().union(*(chains.links_of_chain.get(c, set()) for c in named_chains)) \
        if named_chains else None
    placed = {}
    for link, rels in graph.nx._succ[firm].items():
        data = rels.get("OPERATES_IN")
        if data is not None:
            factor = 1.0 if data.get("status", "placed") == "placed" else 0.5
            placed[link] = data.get("score", 0) * factor
    links = set(named)
    links |= {l for l in placed if scope is None or l in scope or l in named}
    cue = 1.0 if named else (0.6 if named_chains or edge.get("industry") else 0.3)
    parts = {"cue": cue,
             "placement": round(max((placed[l] for l in links if l in placed), default=0.0), 2),
             "distance": DISTANCE[distance_kind(graph, firm, seeker, memo)],
             "size": _size(graph.nx._node[firm])}
    return sorted(links), parts


#: a candidate firm elsewhere, for a gap: what it makes, how near it is, how big
CANDIDATE_WEIGHTS = {"placement": 0.6, "distance": 0.25, "size": 0.15}
_DISTANCE_ZH = {"zone": "同园区", "city": "同市", "province": "同省", "elsewhere": "其他地区",
                "unknown": "地点不详"}


def candidate_parts(graph, firm: str, zone: str, score: float, status: str | None) -> tuple:
    """(rank, shown parts) of a candidate firm for a zone's gap on a link.

    >>> from kg.graph import KnowledgeGraph
    >>> g = KnowledgeGraph(); f = g.add_entity("Firm", "甲", stock_code="600000")
    >>> z = g.add_entity("Zone", "乙区")
    >>> candidate_parts(g, f, z, 0.8, "placed")
    (0.655, '排序 0.655 = 定位 0.8 · 距离 地点不详 0.1 · 规模 1')
    """
    kind = distance_kind(graph, firm, zone, {})
    placement = score * (1.0 if (status or "placed") == "placed" else 0.5)
    size = _size(graph.nx._node[firm])
    rank = round(CANDIDATE_WEIGHTS["placement"] * placement
                 + CANDIDATE_WEIGHTS["distance"] * DISTANCE[kind]
                 + CANDIDATE_WEIGHTS["size"] * size, 3)
    text = (f"排序 {rank:g} = 定位 {placement:g} · 距离 {_DISTANCE_ZH[kind]} {DISTANCE[kind]:g}"
            f" · 规模 {size:g}")
    return rank, text


def _registered(data: dict) -> bool:
    """Whether a registry lists the firm: a stock or credit code, or a registry row as source."""
    return bool(data.get("stock_code") or data.get("credit_code")
                or any("row" in s for s in data.get("sources", ())))


def score_targets(graph, index=None, sentences=None) -> dict:
    """Give every TARGETS relation its links, score and score parts; drop non-firm targets.

    ``sentences`` (a :class:`kg.reports.sentences.SentenceReader` over the build's documents)
    lets the focus of a target's sentence name its links (:func:`focus_text`)."""
    chains = _Chains(graph, index)
    memo: dict = {}
    scored, dropped = 0, []
    seekers = [n for label in ("Zone", "Region") for n, _ in graph.nodes(label)]
    todo = [(seeker, firm, rels["TARGETS"]) for seeker in seekers
            for firm, rels in graph.nx._succ[seeker].items() if "TARGETS" in rels]
    for seeker, firm, edge in todo:
        name = graph.nx._node[firm]["name"]
        # a firm a registry lists is a firm whatever its short name reads like (紫江企业,
        # 黄山旅游); the name rule judges names known from documents only
        if not _registered(graph.nx._node[firm]) and not is_firm_name(name):
            graph.nx.remove_edge(seeker, firm, "TARGETS")
            dropped.append(name)
            continue
        links, parts = target_evidence(graph, seeker, firm, edge, chains, memo, sentences)
        edge["links"] = links
        edge["score"] = round(sum(WEIGHTS[k] * v for k, v in parts.items()), 3)
        edge["score_parts"] = json.dumps(parts, ensure_ascii=False)  # cue, placement, distance, size
        scored += 1
    if dropped:
        log.info("not firms, no longer targets: %s", "、".join(sorted(set(dropped))[:10]))
    return {"scored": scored, "dropped": sorted(set(dropped))}


__all__ = ["CANDIDATE_WEIGHTS", "DISTANCE", "PARTS_ZH", "WEIGHTS", "candidate_parts", "distance_kind",
           "focus_text", "is_firm_name", "score_targets", "target_evidence"]
