"""Profiles and listings: chains, a zone, a firm, a zone's targets, a link's platforms.

>>> from kg.queries.fixtures import sensor_graph
>>> g = sensor_graph()
>>> {"北斗应用", "新能源汽车"} <= {r["chain"] for r in chains(g)}
True
>>> targets(g, "郑州高新区")[0]["firm"]
'郑州金芯微感科技有限公司'
"""
from __future__ import annotations

from kg.queries.common import chain_links, chain_node, edge_sources, located_firms, place
from kg.queries.gaps import local_firm_count, local_places, located_within


def chains(graph) -> list:
    """Every chain: its links in order, industry and aliases, sorted by name."""
    rows = []
    for chain, data in graph.nodes("Chain"):
        links = [graph.node(link)["name"] for _, link in chain_links(graph, chain)]
        rows.append({"chain": data["name"], "id": chain, "aliases": sorted(data["aliases"]),
                     "industries": sorted(graph.node(i)["name"] for i in graph.into(chain, "HAS_CHAIN")),
                     "links": links, "link_count": len(links)})
    return sorted(rows, key=lambda r: r["chain"])


ROLE_ORDER = {"leading": 0, "emerging": 1, "future": 2, "service": 3, "other": 4}


def zone_profile(graph, zone: str) -> list:
    """A zone (or region) as rows of (field, value): names, regions, industries (leading
    first, then emerging, future, service, other; by name within each), counts."""
    node = place(graph, zone)
    data = graph.node(node)
    # a region's platforms and projects are those of the places inside it too (local_places)
    located = located_within(graph, node)
    by_label: dict = {}
    for other in located:
        by_label.setdefault(graph.node(other)["label"], []).append(graph.node(other)["name"])
    # what a planner reads first: leading industries, then emerging, future, services, others
    developed = sorted((ROLE_ORDER.get(d.get("role", ""), len(ROLE_ORDER)), graph.node(i)["name"],
                        d.get("role", "")) for _, i, rel, d in graph.nx.out_edges(node, keys=True, data=True)
                       if rel == "DEVELOPS")
    industries = [f"{name} ({role})".replace(" ()", "") for _, name, role in developed]
    rows = [("id", node), ("name", data["name"]), ("label", data["label"]),
            ("aliases", sorted(data["aliases"])),
            # a zone lies IN_REGION its city (a park PART_OF its zone), a region is PART_OF
            # its province
            ("regions", _named(graph, graph.out(node, "IN_REGION") + graph.out(node, "PART_OF"),
                               "Region")),
            # a zone's own zone (a park's), a region's regions: each where it applies
            *([("in_zones", _named(graph, graph.out(node, "PART_OF"), "Zone"))]
              if data["label"] == "Zone" else
              [("subregions", _named(graph, graph.into(node, "PART_OF"), "Region"))]),
            # every zone inside: a province's are its cities' (a zone's, its parks)
            ("zones", _named(graph, local_places(graph, node)[1:], "Zone")),
            ("industries", industries),
            ("firms", located_firms(graph, node)),
            *_firms_within(graph, node),
            ("platforms", sorted(by_label.get("Platform", []))),
            ("projects", sorted(by_label.get("Project", []))),
            ("targets", sorted(graph.node(f)["name"] for f in graph.out(node, "TARGETS"))),
            ("sources", sorted({s["doc"] for s in data.get("sources", ())}))]
    return [{"field": k, "value": v} for k, v in rows]


def _named(graph, nodes, label: str) -> list:
    """The sorted names of those ``nodes`` that carry ``label``."""
    return sorted(graph.node(n)["name"] for n in nodes if graph.node(n)["label"] == label)


def _firms_within(graph, node: str) -> list:
    """A place's firms with those of the regions and zones inside it (the firms ``kg gaps``
    counts as local), as a ``firms_within`` row; none for a place with nothing inside it.

    >>> from kg.queries.fixtures import sensor_graph
    >>> g = sensor_graph()
    >>> [k for k, _ in _firms_within(g, "Zone/郑州高新区")], [k for k, _ in _firms_within(g, "Region/郑州")]
    ([], ['firms_within'])
    """
    places = local_places(graph, node)
    if len(places) < 2:
        return []
    return [("firms_within", local_firm_count(graph, node))]


def firm_profile(graph, firm: str, sentences=None) -> list:
    """A firm as rows of (field, value): names, keys, places, industries, links with evidence.

    ``sentences`` (a :class:`kg.reports.sentences.SentenceReader`) adds to each document
    source the sentence it points into, as ``text`` (the quote is the name alone).
    """
    node = graph.find(firm, "Firm")
    data = graph.node(node)
    links = []
    for _, link, rel, d in graph.nx.out_edges(node, keys=True, data=True):
        if rel == "OPERATES_IN":
            ld = graph.node(link)
            links.append(f"{ld.get('chain', '')}/{ld['name']} ({d.get('score')}: "
                         f"{'、'.join(d.get('matched', []))})")
    places = []
    for _, where, rel, d in graph.nx.out_edges(node, keys=True, data=True):
        if rel == "LOCATED_IN":
            places.append(graph.node(where)["name"] + (" (inferred)" if d.get("inferred") else ""))
    rows = [("id", node), ("name", data["name"]), ("aliases", sorted(data["aliases"]))]
    for prop in ("stock_code", "credit_code", "address", "founded", "products", "business_scope",
                 "conflicts", "linked", "link_candidates"):  # identity: how names were joined
        if data.get(prop):
            rows.append((prop, data[prop]))
    rows += [("located_in", sorted(places)),
             ("industries", sorted(graph.node(i)["name"] for i in graph.out(node, "IN_INDUSTRY"))),
             ("links", sorted(links)),
             ("targeted_by", sorted(graph.node(z)["name"] for z in graph.into(node, "TARGETS"))),
             ("sources", [with_sentence(s, sentences) for s in data.get("sources", ())])]
    return [{"field": k, "value": v} for k, v in rows]


def with_sentence(source: dict, sentences) -> dict:
    """The source with the sentence it points into as ``text``, where that says more than
    its quote; else the source as it is.

    >>> with_sentence({"doc": "a.txt", "quote": "甲"}, lambda s: "引进甲。")["text"]
    '引进甲。'
    """
    text = _said_in(source, sentences) if sentences is not None else None
    if not text or text == source.get("quote"):
        return source
    return {**source, "text": text}


def targets(graph, zone: str, *, regions: bool = False, sentences=None) -> list:
    """Firms a zone (or region) TARGETS (招商目标), best first: the links the evidence supports,
    the score and its parts (kg.targets), where the firm is, and the sentence that names it.

    With ``regions``, the targets of the city and province the place lies in follow, each
    row's ``scope`` naming whose target it is (本区 for the place's own). ``sentences``
    (a :class:`kg.reports.sentences.SentenceReader`) turns each source into its sentence,
    the reason a planner reads; without it (or for a document that moved) the name is quoted.
    """
    node = place(graph, zone)
    seekers = [(node, "本区")]
    if regions:
        seekers += [(r, graph.node(r)["name"]) for r in _enclosing(graph, node)]
    rows = []
    for order, (seeker, scope) in enumerate(seekers):
        for _, firm, rel, d in graph.nx.out_edges(seeker, keys=True, data=True):
            if rel == "TARGETS":
                rows.append((order, _target_row(graph, firm, d, scope, sentences)))
    rows.sort(key=lambda r: (r[0], -(r[1]["score"] or 0), r[1]["firm"]))
    return [row for _, row in rows]


def _enclosing(graph, node: str) -> list:
    """The regions a place lies in, nearest first: its IN_REGION regions (a zone's city), then
    what those are PART_OF (the city's province), and so on upward."""
    out, frontier = [], [node]
    while frontier:
        nxt = []
        for current in frontier:
            for rel in ("IN_REGION", "PART_OF"):
                for region in graph.out(current, rel):
                    if region != node and region not in out:
                        out.append(region)
                        nxt.append(region)
        frontier = nxt
    return out


def _target_row(graph, firm: str, d: dict, scope: str, sentences=None) -> dict:
    """One target: ``links`` are Link ids (as stored), ``link_names`` their chain/link names,
    ``score_parts`` the stored JSON text of the score's parts, ``reason`` the sentences."""
    fd = graph.node(firm)
    links = [l for l in d.get("links") or () if l in graph]
    sources = [dict(s) for s in d.get("sources", ())]
    reason = "；".join(dict.fromkeys(
        f"{s['doc']} 第{s['sentence']}句：“{_said_in(s, sentences)}”" for s in sources
        if s.get("sentence") is not None))
    return {"firm": fd["name"], "id": firm, "scope": scope, "industry": d.get("industry", ""),
            "links": links,
            "link_names": [f"{graph.node(l).get('chain', '')}/{graph.node(l)['name']}" for l in links],
            "score": d.get("score"), "score_parts": d.get("score_parts"),
            "located_in": sorted(graph.node(p)["name"] for p in graph.out(firm, "LOCATED_IN")),
            "reason": reason, "evidence": sources}


def _said_in(source: dict, sentences) -> str:
    """The sentence a source points into (its quote when the document cannot be read).

    >>> _said_in({"quote": "汉威科技"}, None)
    '汉威科技'
    """
    text = sentences(source) if sentences is not None else None
    return text or str(source.get("quote") or "")


def platforms_for(graph, link: str, chain: str | None = None) -> list:
    """Platforms that SUPPORT a link (given as ``chain/link``, a link id, or a link name
    with ``chain``), with where they are and the evidence."""
    node = _link(graph, link, chain)
    rows = []
    for platform in graph.into(node, "SUPPORTS"):
        pd = graph.node(platform)
        if pd["label"] != "Platform":
            continue
        rows.append({"platform": pd["name"], "id": platform, "kind": pd.get("kind", ""),
                     "located_in": sorted(graph.node(p)["name"] for p in graph.out(platform, "LOCATED_IN")),
                     "evidence": edge_sources(graph, platform, node, "SUPPORTS")})
    return sorted(rows, key=lambda r: r["platform"])


def _link(graph, link: str, chain: str | None) -> str:
    from kg.errors import NotFoundError
    from kg.names import normalize

    if link in graph and graph.node(link)["label"] == "Link":
        return link
    if chain is None and "/" in link:
        chain, link = link.rsplit("/", 1)
    candidates = []
    chains_to_search = [chain_node(graph, chain)] if chain else [c for c, _ in graph.nodes("Chain")]
    for c in chains_to_search:
        for _, node in chain_links(graph, c):
            data = graph.node(node)
            if normalize(link) in {normalize(n) for n in [data["name"], *data["aliases"]]}:
                candidates.append(node)
    if not candidates:
        known = sorted({graph.node(n)["name"] for c in chains_to_search for _, n in chain_links(graph, c)})
        import difflib
        raise NotFoundError("link", link, difflib.get_close_matches(link, known, n=5, cutoff=0.3))
    return candidates[0]
