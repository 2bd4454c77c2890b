"""Coverage after a build: which registry is a census of which place, for which chains.

Only a declaration makes a registry a census (``covers``/``scope`` on its Document
node, from ``kg build --covers/--scope``, a sidecar file or the file's own lines; see
:mod:`kg.loaders.registry`). :func:`finish_coverage` resolves the declared scope names
to Chain ids and adds, for every registry, a *suggested* scope read from its rows: the
zones its rows name, and the chains that hold at least :data:`SUGGEST_SHARE` of its
firms placed on chain links. Suggestions are printed for the user to declare; they never
turn an empty link into a ``gap``.

>>> from kg.queries.fixtures import sensor_graph
>>> entries = finish_coverage(sensor_graph())
>>> sorted(e["place"] for e in entries if e["declared"] and e["scope"] == ["Chain/智能传感器"])
['Zone/新乡经开区', 'Zone/新乡高新区', 'Zone/郑州高新区']
"""
from __future__ import annotations

from collections import Counter, defaultdict

SUGGEST_SHARE = 0.2  # a chain with this share of a registry's placed firms is in its scope


def _chain_id(graph, name: str) -> str | None:
    if name == "*":
        return "*"
    hit = graph.resolve(name, "Chain")
    if hit is None:
        industry = graph.resolve(name, "Industry")
        chains = graph.out(industry, "HAS_CHAIN") if industry else []
        hit = chains[0] if len(chains) == 1 else None
    return hit


def _chains_of_registries(graph) -> dict:
    """{registry file: Counter(chain id)} over the firms placed on chain links."""
    from kg.queries.common import chain_of_links

    chain_of = chain_of_links(graph)
    counts: dict = defaultdict(Counter)
    firms: Counter = Counter()
    for firm, data in graph.nodes("Firm"):
        docs = {s["doc"] for s in data.get("sources", ()) if "row" in s and "doc" in s}
        if not docs:
            continue
        chains = {chain_of[v] for v, rels in graph.nx.succ[firm].items()
                  if "OPERATES_IN" in rels and v in chain_of
                  and rels["OPERATES_IN"].get("status", "placed") == "placed"}
        for doc in docs:
            firms[doc] += 1
            for chain in chains:
                counts[doc][chain] += 1
    if getattr(graph, "bulk", None) is not None:  # firms the streaming build kept aside
        graph.bulk.add_registry_counts(counts, firms)
    return {doc: (counts[doc], firms[doc]) for doc in firms}


def finish_coverage(graph, report: list | None = None) -> list:
    """Resolve declared scopes to chain ids, suggest scopes, and set ``graph.graph["coverage"]``."""
    registries = [d for _, d in graph.nodes("Document") if d.get("kind") == "registry"]
    # suggestions need a pass over every firm: only when some registry names a place
    chains = _chains_of_registries(graph) if any(d.get("suggested") for d in registries) else {}
    entries = []
    for node, data in graph.nodes("Document"):
        if data.get("kind") != "registry":
            continue
        name = data["name"]
        if data.get("covers"):
            for place in data["covers"]:
                if place not in graph and report is not None:
                    report.append({"file": name, "row": None, "field": "covers", "action": "ignored",
                                   "message": f"covers {place.split('/', 1)[-1]!r} names no zone or "
                                              f"region of the graph; check its spelling"})
            resolved = []
            for item in data.get("scope") or ["*"]:
                hit = _chain_id(graph, item)
                if hit is None and report is not None:
                    report.append({"file": name, "row": None, "field": "scope", "action": "ignored",
                                   "message": f"scope {item!r} names no chain; it covers nothing"})
                resolved.append(hit or item)
            data["scope"] = resolved
            entries += [{"registry": name, "place": place, "scope": list(resolved), "declared": True}
                        for place in data["covers"]]
        counted, total = chains.get(name, (Counter(), 0))
        scope = sorted(c for c, n in counted.items() if total and n / total >= SUGGEST_SHARE)
        for place in data.get("suggested") or ():
            if place not in (data.get("covers") or ()):
                entries.append({"registry": name, "place": place, "scope": scope, "declared": False})
    graph.nx.graph["coverage"] = entries
    return entries


__all__ = ["SUGGEST_SHARE", "finish_coverage"]
