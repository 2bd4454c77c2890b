"""Place firms on chain links by what they make: scope clauses, products, name, industry codes.

Each link of a chain template carries specific keywords, broad keywords (a word that names a
field rather than a product: 电子产品, 电机), industry codes (Shenwan ``sw:`` and GB/T 4754-2017
``gb:``, with their official names) and broad codes (a sector only partly on the link). A firm
collects evidence per link (:mod:`kg.evidence`), each piece weighted by how often it was right
on the placement gold's tuning half, and the pieces combine as independent cues
(``1 - Π(1 - w)``), so the score reads as a probability:

- a keyword in a making clause of the 经营范围 (制造/生产/加工; the first line weighs most),
  in 主营产品, or in the firm's own name (…汽车零部件有限公司, …传感技术有限公司);
- the firm's industry, by code or by its official name: a sector that maps to one link places
  the firm there; a sector that maps to several links, or a broad code, makes it a candidate;
- a keyword found only in selling, renting or service clauses counts for nothing, and a firm
  whose sector or name is trade, finance or property is never ``placed``.

``(Firm)-[:OPERATES_IN {score, status, evidence, matched}]->(Link)``: ``status`` is ``placed``
when the score reaches :data:`PLACED` with at least one specific cue, ``candidate`` from
:data:`CANDIDATE`; ``evidence`` holds short Chinese reasons; ``matched`` the words and codes.
Firms below :data:`CANDIDATE` everywhere stay off the links (:func:`unclassified_firms`).

>>> from kg.graph import KnowledgeGraph
>>> g = KnowledgeGraph()
>>> link = g.add_entity("Link", "传感器", key="智能传感器/传感器", keywords=["传感器", "气体传感器"])
>>> f = g.add_entity("Firm", "甲公司", business_scope="气体传感器的研发、生产")
>>> _ = g.add_entity("Firm", "乙公司", business_scope="气体传感器销售；餐饮服务")
>>> classify_firms(g)["classified"]
1
>>> edge = g.nx.edges[f, link, "OPERATES_IN"]
>>> edge["status"], edge["matched"], edge["evidence"]
('placed', ['气体传感器'], ['经营范围首项含‘气体传感器’（制造）'])
>>> [row["firm"] for row in unclassified_firms(g)]
['乙公司']
"""
from __future__ import annotations

from kg.evidence import LinkIndex, firm_evidence

#: a placement needs this score and one specific cue; a candidate needs CANDIDATE
PLACED = 0.6
CANDIDATE = 0.3


def combine(weights) -> float:
    """Independent cues combined: ``1 - Π(1 - w)``, rounded to 2 places.

    >>> combine([0.6]), combine([0.6, 0.5]), combine([])
    (0.6, 0.8, 0.0)
    """
    miss = 1.0
    for w in weights:
        miss *= 1.0 - w
    return round(1.0 - miss, 2)


def decide(cues: list, *, maker: bool = True) -> tuple:
    """(score, status) of one firm on one link from its cues (status None: off the link).

    A firm whose only cues are broad stays a candidate, and so does a non-maker (trade,
    finance, property) whatever its words say.

    >>> from kg.evidence import Cue
    >>> decide([Cue("经营范围首项含‘汽车配件’（制造）", "汽车配件", 0.7)])
    (0.7, 'placed')
    >>> decide([Cue("经营范围含‘电子产品’（制造）", "电子产品", 0.7, broad=True)])
    (0.7, 'candidate')
    >>> decide([Cue("经营范围首项含‘汽车配件’（制造）", "汽车配件", 0.7)], maker=False)
    (0.35, 'candidate')
    """
    score = combine(c.weight for c in cues)
    if not maker:
        score = round(score / 2, 2)
    if score >= PLACED and maker and any(not c.broad for c in cues):
        return score, "placed"
    if score >= CANDIDATE or (not maker and score * 2 >= PLACED):
        return score, "candidate"
    return score, None


def firm_links(graph, firm: str, index: LinkIndex) -> dict:
    """{link: (score, status, evidence strings, matched)} for one firm; empty when off every link."""
    found = firm_evidence(graph, firm, index)
    out = {}
    for link, cues in found.cues.items():
        score, status = decide(cues, maker=found.maker)
        if status is None:
            continue
        evidence = list(dict.fromkeys(c.reason for c in sorted(cues, key=lambda c: -c.weight)))
        evidence += found.notes
        out[link] = (score, status, evidence, list(dict.fromkeys(c.match for c in cues)))
    return out


def _sources(data: dict) -> list:
    rows = [s for s in data.get("sources", ()) if "row" in s]
    return rows or list(data.get("sources", ()))


def classify_firms(graph, sentences=None) -> dict:
    """Add OPERATES_IN for every firm with evidence; returns counts and the firms left off.

    The relation's sources are the firm's registry rows (where its scope and products
    were read), else the firm's own sources. A rerun recomputes every placement.
    ``sentences`` reads a document source's sentence, for the targets (kg.targets).
    """
    index = LinkIndex(graph)
    classified, missed, edges, placed = 0, [], 0, 0
    for firm, data in list(graph.nodes("Firm")):
        out = graph.nx._succ[firm]
        for link in [l for l, rels in out.items() if "OPERATES_IN" in rels]:
            graph.nx.remove_edge(firm, link, "OPERATES_IN")
        links = firm_links(graph, firm, index)
        if not links:
            missed.append(firm)
            continue
        classified += 1
        sources = _sources(data)
        for link, (score, status, evidence, matched) in links.items():
            graph.nx.add_edge(firm, link, key="OPERATES_IN", score=score, status=status,
                              evidence=evidence, matched=matched,
                              sources=list(sources))  # source dicts are shared, never changed
            edges += 1
            placed += status == "placed"
    supports = classify_platforms(graph, index)
    # targets are ranked with the placements just made (kg.targets): a plan's target
    # belongs to the links its sentence or its placement supports
    from kg.targets import score_targets

    ranked = score_targets(graph, index, sentences)
    return {"classified": classified, "relations": edges, "placed": placed,
            "unclassified": missed, "platform_links": supports, "targets": ranked}


def classify_platforms(graph, index: LinkIndex | None = None) -> int:
    """Platforms whose name holds a link's specific keyword SUPPORT that link (source marked inferred).

    国家气体传感器检测检验中心 names 气体传感器, so it supports the 传感器 link.
    """
    index = index or LinkIndex(graph)
    added = 0
    for platform, data in list(graph.nodes("Platform")):
        for word in index.matcher.find(data["name"]):
            for link, broad in index.by_word[word]:
                if broad:
                    continue
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


__all__ = ["CANDIDATE", "LinkIndex", "PLACED", "classify_firms", "classify_platforms", "combine",
           "decide", "firm_links", "unclassified_firms"]
