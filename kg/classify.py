"""Place firms on chain links by what they make: products, business scope, industry.

Each link of a chain template carries keywords and industry codes. A firm whose
主营产品, 经营范围 or industry names a keyword, or whose industry code falls under a
link's code, gets ``(Firm)-[:OPERATES_IN {score, matched}]->(Link)``: ``matched``
lists the words (or ``sw:``/``gb:`` codes) that placed it, ``score`` weighs where
they were found. Industries count only when a registry row says so (not the field of a document
sentence). A firm that matches nothing is not forced onto a link;
:func:`unclassified_firms` lists it.

Weights (a word counts once, at its strongest place; the score is capped at 1):
products 0.5, industry code 0.5, business scope 0.35, industry name 0.3.

>>> from kg.graph import KnowledgeGraph
>>> g = KnowledgeGraph()
>>> link = g.add_entity("Link", "传感器", key="智能传感器/传感器", keywords=["传感器", "气体传感器"])
>>> f = g.add_entity("Firm", "甲公司", business_scope="气体传感器的研发、生产")
>>> _ = g.add_entity("Firm", "乙公司", business_scope="餐饮服务")
>>> classify_firms(g)["classified"]
1
>>> g.nx.edges[f, link, "OPERATES_IN"]["matched"], g.nx.edges[f, link, "OPERATES_IN"]["score"]
(['气体传感器'], 0.35)
>>> [row["firm"] for row in unclassified_firms(g)]
['乙公司']
"""
from __future__ import annotations

import re
from functools import lru_cache

WEIGHTS = {"products": 0.5, "code": 0.5, "business_scope": 0.35, "industry": 0.3}


def _code_prefix(code: str) -> str:
    """``sw:270100`` → ``sw:2701`` so that it covers 270101…270199; GB codes stay."""
    scheme, _, digits = code.lower().partition(":")
    if scheme == "sw":
        while digits.endswith("00") and len(digits) > 2:
            digits = digits[:-2]
    return f"{scheme}:{digits}"


class LinkIndex:
    """Keywords and industry codes of every link, compiled for fast matching."""

    def __init__(self, graph):
        self.by_word: dict = {}
        self.by_code: dict = {}
        for node, data in graph.nodes("Link"):
            for word in data.get("keywords") or ():
                if len(word) >= 2:
                    self.by_word.setdefault(word, set()).add(node)
            for code in data.get("industry_codes") or ():
                self.by_code.setdefault(_code_prefix(code), set()).add(node)
        words = sorted(self.by_word, key=len, reverse=True)  # longest word wins
        self.pattern = re.compile("|".join(map(re.escape, words))) if words else None
        self._find = lru_cache(maxsize=200_000)(self._words)

    def _words(self, text: str) -> tuple:
        if not text or self.pattern is None:
            return ()
        return tuple(dict.fromkeys(self.pattern.findall(text)))

    def words(self, text: str) -> tuple:
        """Keywords found in ``text``, in order of first appearance, each once."""
        return self._find(text)

    def codes(self, codes) -> dict:
        """{link: [codes]} for the links whose industry codes cover any of ``codes``."""
        found: dict = {}
        for code in codes or ():
            code = code.lower()
            scheme, _, digits = code.partition(":")
            for size in range(len(digits), 1, -1):
                for link in self.by_code.get(f"{scheme}:{digits[:size]}", ()):
                    found.setdefault(link, [])
                    if code not in found[link]:
                        found[link].append(code)
        return found


def firm_links(graph, firm: str, index: LinkIndex) -> dict:
    """{link: (score, matched words)} for one firm; empty when it matches nothing."""
    nodes, succ = graph.nx._node, graph.nx._succ
    data = nodes[firm]
    best: dict = {}  # link -> {word: weight}

    def add(link, word, weight):
        words = best.setdefault(link, {})
        if weight > words.get(word, 0):
            words[word] = weight

    for field in ("products", "business_scope"):
        for word in index.words(data.get(field) or ""):
            for link in index.by_word[word]:
                add(link, word, WEIGHTS[field])
    codes = list(data.get("industry_codes") or ())
    for industry, rels in succ[firm].items():
        edge = rels.get("IN_INDUSTRY")
        # only a registry's industry column places a firm: the field of a document
        # sentence a firm is mentioned in is too loose to say what the firm makes
        if edge is None or not any("row" in s for s in edge.get("sources", ())):
            continue
        idata = nodes[industry]
        codes.extend(idata.get("industry_codes") or ())
        for name in [idata["name"], *idata.get("aliases", ())]:
            for word in index.words(name):
                for link in index.by_word[word]:
                    add(link, word, WEIGHTS["industry"])
    for link, matched in index.codes(codes).items():
        for code in matched:
            add(link, code, WEIGHTS["code"])
    return {link: (round(min(1.0, sum(words.values())), 2), list(words))
            for link, words in best.items()}


def _evidence(data: dict) -> list:
    rows = [s for s in data.get("sources", ()) if "row" in s]
    return rows or list(data.get("sources", ()))


def classify_firms(graph, *, min_score: float = 0.0) -> dict:
    """Add OPERATES_IN for every firm that matches a link; returns counts and the misses.

    The relation's sources are the firm's registry rows (where its scope and products
    were read), else the firm's own sources.
    """
    index = LinkIndex(graph)
    classified, missed, edges = 0, [], 0
    for firm, data in list(graph.nodes("Firm")):
        placed = firm_links(graph, firm, index)
        placed = {link: hit for link, hit in placed.items() if hit[0] > min_score}
        if not placed:
            missed.append(firm)
            continue
        classified += 1
        sources = _evidence(data)
        out = graph.nx._succ[firm]
        for link, (score, matched) in placed.items():
            if "OPERATES_IN" in out.get(link, ()):
                graph.nx.remove_edge(firm, link, "OPERATES_IN")  # a rerun recomputes
            graph.nx.add_edge(firm, link, key="OPERATES_IN", score=score, matched=matched,
                              sources=list(sources))  # source dicts are shared, never changed
            edges += 1
    supports = classify_platforms(graph, index)
    return {"classified": classified, "relations": edges, "unclassified": missed,
            "platform_links": supports}


def classify_platforms(graph, index: LinkIndex | None = None) -> int:
    """Platforms whose name holds a link keyword SUPPORT that link (source marked inferred).

    国家气体传感器检测检验中心 names 气体传感器, so it supports the 传感器 link.
    """
    index = index or LinkIndex(graph)
    added = 0
    for platform, data in list(graph.nodes("Platform")):
        for word in index.words(data["name"]):
            for link in index.by_word[word]:
                sources = [{**s, "inferred": True} for s in data.get("sources", ())][:3]
                graph.add_relation(platform, "SUPPORTS", link, source=None)
                edge = graph.nx.edges[platform, link, "SUPPORTS"]
                for src in sources:
                    if src not in edge["sources"]:
                        edge["sources"].append(src)
                added += 1
    return added


def unclassified_firms(graph) -> list:
    """Firms on no link: rows of firm id, name and what was there to match."""
    rows = []
    for firm, data in graph.nodes("Firm"):
        if any(k == "OPERATES_IN" for _, _, k in graph.nx.out_edges(firm, keys=True)):
            continue
        rows.append({"id": firm, "firm": data["name"],
                     "had": [f for f in ("products", "business_scope", "industry_codes")
                             if data.get(f)] + (["industry"] if graph.out(firm, "IN_INDUSTRY")
                                                else [])})
    return sorted(rows, key=lambda r: r["id"])


__all__ = ["LinkIndex", "WEIGHTS", "classify_firms", "classify_platforms", "firm_links", "unclassified_firms"]
