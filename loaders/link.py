"""Link firm mentions of documents to registry firms through generated short names.

Documents write firms short (格力, 宇通, 中国一拖); registries write them in full
(珠海格力电器股份有限公司, 600066 郑州宇通客车股份有限公司, 601038 第一拖拉机股份有限公司 with
short name 一拖股份). After every source is loaded, :func:`link_mentions` looks each
firm known only from documents up among the registry firms' aliases
(:func:`kg.names.firm_aliases`: legal form, then place, then industry word removed) and
their listed short names, and decides:

1. candidates are the registry firms with the mention's name as an alias; when none, the
   mention without its own leading place (中国一拖 → 一拖, 厦门金龙 → 金龙), that place
   then being evidence the candidate must agree with;
2. a candidate is dropped when its place contradicts the mention's (a firm located in
   新乡 is not the Xiamen firm), unless it matched by its full name or legal-form-free name
   (a local 海康威视 may be a branch); for a two-character name matched only after
   dropping an industry word, a candidate whose place does not agree is also dropped
   when both have industries and none agrees (金龙 家电 ≠ 金龙机电 消费电子);
3. of the closest candidates (fewest removal steps), one that is alone, or the only one
   with place or industry evidence, is linked: the mention's node merges into it and the
   firm records ``linked`` (why); otherwise the mention stays its own node with
   ``link_candidates``.

Each decision is also kept in ``graph.nx.graph["links"]`` for the build report.

>>> from kg.graph import KnowledgeGraph
>>> from kg.facts import Source
>>> g = KnowledgeGraph()
>>> _ = g.add_entity("Firm", "格力", source=Source("plan.txt", sentence=0))
>>> _ = g.add_entity("Firm", "珠海格力电器股份有限公司", aliases=["格力电器"], key="000651",
...                  source=Source("firms.csv", row=1))
>>> [d["linked_to"] for d in link_mentions(g)]
['珠海格力电器股份有限公司']
>>> g.resolve("格力")
'Firm/000651'
"""
from __future__ import annotations

from collections import defaultdict

from kg.names import (NATIONAL_PREFIXES, alias_rank, firm_aliases, normalize, region_gazetteer,
                      region_prefix)

_STEP_WORDS = {"legal": "法律形式", "place": "地名", "industry": "行业词", "ordinal": "序数简称"}
# Industry names too general to tell two firms apart.
_GENERIC_CUES = frozenset({"其他", "综合", "制造", "服务", "设备", "产品", "材料", "行业", "产业",
                           "开发", "工业", "加工", "零部件", "组装", "制品"})


def _is_registry_firm(data: dict) -> bool:
    return bool(data.get("key")) or any("row" in s for s in data.get("sources", ()))


def _bigrams(text: str) -> set:
    return {text[i:i + 2] for i in range(len(text) - 1)}


def _wanted_bigrams(graph, mentions: list) -> set:
    """The first two characters of every form a mention is looked up by. Every alias is a
    piece of a registry name, so a registry firm none of whose names holds one of these
    cannot be a candidate (a million firms are skipped at the cost of a set lookup)."""
    wanted = set()
    for node in mentions:
        data = graph.node(node)
        for name in [data["name"], *data["aliases"]]:
            text = normalize(name)
            wanted.add(name[:2])
            prefix = region_prefix(text) or next((p for p in NATIONAL_PREFIXES
                                                  if text.startswith(p)), "")
            for form in (text, text[len(prefix):]):
                if len(form) >= 2:
                    wanted.add(form[:2])
    return wanted


def _alias_index(graph, wanted: set | None = None) -> dict:
    """{alias: [(rank, steps, node)]} over the registry firms' names and short names
    (only of firms whose names hold one of the ``wanted`` bigrams, when given)."""
    index: dict = defaultdict(list)
    for node, data in graph.nodes("Firm"):
        if not _is_registry_firm(data):
            continue
        names = [data["name"], *data["aliases"]]
        # the raw names: normalising a million of them would cost more than the rest
        if wanted is not None and not any(wanted & _bigrams(n) for n in names):
            continue
        best: dict = {}
        for name in names:
            for alias, steps in firm_aliases(name):
                rank = alias_rank(steps)
                if alias not in best or rank < best[alias][0]:
                    best[alias] = (rank, steps)
        for alias, (rank, steps) in best.items():
            index[alias].append((rank, steps, node))
    return index


def _regions_up(name: str) -> set:
    """A region's name and every region above it in the gazetteer (新乡市 → 河南省)."""
    table = region_gazetteer()
    out, seen = set(), 0
    while name and name in table and seen < 5:
        out.add(normalize(name).rstrip("省市县区"))
        name, seen = table[name][1], seen + 1
    if name:
        out.add(normalize(name).rstrip("省市县区"))
    return out


def _places(graph, node: str) -> set:
    """Short names of the regions a firm is in: its LOCATED_IN places, their regions and
    the regions above them, and the place its name starts with."""
    nxg = graph.nx
    found = set()
    for where, rels in nxg.succ[node].items():
        if "LOCATED_IN" not in rels:
            continue
        wd = nxg.nodes[where]
        regions = [where] if wd["label"] == "Region" else \
            [r for r, rr in nxg.succ[where].items() if "IN_REGION" in rr]
        for region in regions:
            found |= _regions_up(nxg.nodes[region]["name"])
    data = nxg.nodes[node]
    for name in [data["name"], *data["aliases"]]:
        prefix = region_prefix(normalize(name))
        if prefix:
            found |= _regions_up(prefix) | {prefix}
    return found


def _industry_cues(graph, node: str) -> set:
    """Words of a firm's industries (with their parents' names): whole names and the halves
    of four-character ones (白色家电 → 白色, 家电), less words too general to tell firms apart."""
    nxg = graph.nx
    names = set()
    for ind, rels in nxg.succ[node].items():
        if "IN_INDUSTRY" not in rels:
            continue
        data = nxg.nodes[ind]
        names.add(data["name"])
        for code in data.get("industry_codes") or ():
            parent = graph._index.get(("Industry", "#" + normalize(code)))
            if parent is not None:
                names.add(nxg.nodes[parent]["name"])
    for edge in nxg.pred[node].values():
        if "TARGETS" in edge and edge["TARGETS"].get("industry"):
            names.add(edge["TARGETS"]["industry"])
    cues = set()
    for name in names:
        name = normalize(name).rstrip("ⅡⅢ")
        cues.add(name)
        if len(name) == 4:
            cues |= {name[:2], name[2:]}
    return {c for c in cues if len(c) >= 2 and c not in _GENERIC_CUES}


def _industries_agree(a: set, b: set) -> bool:
    return any(x in y or y in x for x in a for y in b)


def _candidates(index: dict, names: list) -> tuple:
    """(candidates, place the mention names itself by) for a mention's names."""
    found = {}
    for name in names:
        for rank, steps, node in index.get(name, ()):
            if node not in found or rank < found[node][0]:
                found[node] = (rank, steps)
    if found:
        return found, ""
    for name in names:
        prefix = region_prefix(name) or next((p for p in NATIONAL_PREFIXES
                                              if name.startswith(p)), "")
        rest = name[len(prefix):]
        if prefix and len(rest) >= 2:
            for rank, steps, node in index.get(rest, ()):
                found.setdefault(node, (max(rank, 1), ("place",) + steps))
            if found:
                return found, "" if prefix in NATIONAL_PREFIXES else prefix
    return found, ""


def _decide(graph, node: str, index: dict) -> dict | None:
    """The decision for one document-only firm node, or None when nothing is like it."""
    data = graph.node(node)
    names = list(dict.fromkeys(normalize(n) for n in [data["name"], *data["aliases"]]))
    found, own_place = _candidates(index, names)
    if not found:
        return None
    places = _places(graph, node) | (_regions_up(own_place) | {own_place} if own_place else set())
    cues = _industry_cues(graph, node)
    kept, notes = [], []
    for cand, (rank, steps) in sorted(found.items(), key=lambda kv: (kv[1][0], kv[0])):
        cplaces, ccues = _places(graph, cand), _industry_cues(graph, cand)
        cname = graph.node(cand)["name"]
        place_ok = bool(places & cplaces)
        if rank > 0 and places and cplaces and not place_ok:
            notes.append(f"{cname}: 地点不符")
            continue
        industry_ok = bool(cues and ccues and _industries_agree(cues, ccues))
        # two characters left after an industry word goes are shared by unrelated firms
        # (金龙汽车, 金龙机电): without the place to agree, the industries must not disagree
        if rank == 2 and len(names[0]) <= 2 and not place_ok and cues and ccues \
                and not industry_ok:
            notes.append(f"{cname}: 行业不符")
            continue
        kept.append((rank, cand, steps, place_ok, industry_ok))
    decision = {"mention": data["name"], "node": node, "linked_to": None, "id": None,
                "candidates": sorted(graph.node(c)["name"] for c in found), "reason": ""}
    if not kept:
        decision["reason"] = "无可链接的候选：" + "；".join(notes)
        return decision
    best = [k for k in kept if k[0] == kept[0][0]]
    if len(best) > 1:
        evidenced = [k for k in best if k[3] or k[4]]
        if len(evidenced) == 1:
            best = evidenced
    if len(best) != 1:
        decision["reason"] = "简称有歧义：" + "、".join(graph.node(k[1])["name"] for k in best)
        return decision
    rank, cand, steps, place_ok, industry_ok = best[0]
    how = "、".join(_STEP_WORDS[s] for s in steps) or ""
    why = [f"名称去掉{how}后相同" if how else "名称相同"]
    if place_ok:
        why.append("地点相符")
    if industry_ok:
        why.append("行业相符")
    if len(found) > 1:
        why.append("其余候选：" + "、".join(sorted(graph.node(c)["name"] for c in found
                                              if c != cand)))
    decision.update(linked_to=graph.node(cand)["name"], id=cand, reason="；".join(why))
    return decision


def link_mentions(graph) -> list:
    """Link document-only firm nodes to registry firms (see the module's doc); returns the
    decisions, one per document firm that has any candidate."""
    graph.refresh_conflicts()  # names may have changed since the conflicts were noted
    mentions = [n for n, d in graph.nodes("Firm") if not _is_registry_firm(d)]
    index = _alias_index(graph, _wanted_bigrams(graph, mentions)) if mentions else {}
    decisions = []
    if index:
        for node in mentions:
            if node not in graph:
                continue
            decision = _decide(graph, node, index)
            if decision is not None:
                decisions.append(decision)
        for decision in decisions:
            _apply(graph, decision)
    graph.nx.graph["links"] = [{k: v for k, v in d.items() if k != "node"} for d in decisions]
    graph.nx.graph["link_stats"] = {
        "joined": joined_firms(graph),
        "by_alias": sum(1 for d in decisions if d["id"]),
        "apart": sum(1 for d in decisions if not d["id"])}
    return decisions


def joined_firms(graph) -> int:
    """Registry firms that document mentions joined (by name while loading, or here by alias)."""
    count = 0
    for _, data in graph.nodes("Firm"):
        sources = data.get("sources", ())
        if any("sentence" in s for s in sources) and any("row" in s for s in sources):
            count += 1
    return count


def _apply(graph, decision: dict) -> None:
    node = decision["node"]
    if decision["id"] is None:
        if node in graph:
            data = graph.node(node)
            data["link_candidates"] = decision["candidates"]
            data["linked"] = [f"未链接：{decision['reason']}"]
        return
    survivor = graph.merge_nodes(decision["id"], node)
    decision["id"] = survivor
    note = f"{decision['mention']} → {decision['linked_to']}：{decision['reason']}"
    data = graph.node(survivor)
    data["linked"] = [*(data.get("linked") or []), note]


__all__ = ["joined_firms", "link_mentions"]
