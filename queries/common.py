"""What every query needs: resolving names, a chain's links, evidence, per-graph indexes.

>>> from kg.queries.fixtures import sensor_graph
>>> g = sensor_graph()
>>> place(g, "郑州高新技术产业开发区")
'Zone/郑州高新区'
>>> [row[1] for row in chain_links(g, chain_node(g, "传感器"))]
['Link/智能传感器/传感器材料', 'Link/智能传感器/传感芯片', 'Link/智能传感器/传感器', 'Link/智能传感器/传感器终端']
"""
from __future__ import annotations

import weakref
from importlib.resources import files

from kg.errors import QueryError

_CACHES: "weakref.WeakKeyDictionary" = weakref.WeakKeyDictionary()


def cache(graph, name: str) -> dict:
    """A dict that lives as long as ``graph`` does not change (indexes built on first use).

    Every change made through KnowledgeGraph's methods bumps ``graph.version``; the
    graph's dicts are forgotten when the version they were built at is not the current one.

    >>> from kg import KnowledgeGraph
    >>> g = KnowledgeGraph()
    >>> cache(g, "x")["k"] = 1
    >>> _ = g.add_entity("Region", "郑州市")
    >>> cache(g, "x")
    {}
    """
    version = getattr(graph, "version", None)
    held = _CACHES.get(graph)
    if held is None or held[0] != version:
        held = _CACHES[graph] = (version, {})
    return held[1].setdefault(name, {})


def clear_cache(graph) -> None:
    """Forget the indexes of ``graph`` (after changing ``graph.nx`` directly, past the version)."""
    _CACHES.pop(graph, None)


def chain_node(graph, name: str) -> str:
    """The Chain a name or alias refers to (NotFoundError with the closest names)."""
    return graph.find(name, "Chain")


def place(graph, name: str) -> str:
    """The Zone (else Region) a name or alias refers to (NotFoundError lists zones)."""
    for label in ("Zone", "Region"):
        hit = graph.resolve(name, label)
        if hit is not None:
            return hit
    return graph.find(name, "Zone")


def chain_links(graph, chain: str) -> list:
    """(position, link id) of a chain's links, upstream first."""
    rows = []
    for _, link, rel, data in graph.nx.out_edges(chain, keys=True, data=True):
        if rel == "HAS_LINK":
            rows.append((int(data.get("position", graph.node(link).get("position", 0))), link))
    return sorted(rows)


def chain_of_links(graph) -> dict:
    """{link id: the chain that HAS_LINK it} over every chain of the graph.

    >>> from kg.queries.fixtures import sensor_graph
    >>> chain_of_links(sensor_graph())["Link/智能传感器/传感芯片"]
    'Chain/智能传感器'
    """
    return {link: chain for chain, _ in graph.nodes("Chain") for link in graph.out(chain, "HAS_LINK")}


def located_firms(graph, node: str) -> int:
    """How many firms are LOCATED_IN a place: as an index slice recorded it (one that
    counts a zone's 100,000 firms without loading them, :mod:`kg.answers`), else counted
    in the graph.

    >>> from kg.queries.fixtures import sensor_graph
    >>> located_firms(sensor_graph(), "Zone/郑州高新区") > 0
    True
    """
    recorded = graph.nx.graph.get("located_firms", {}).get(node)
    if recorded is not None:
        return recorded
    return sum(graph.node(n)["label"] == "Firm" for n in graph.into(node, "LOCATED_IN"))


def edge_sources(graph, u: str, v: str, rel: str) -> list:
    """The sources of one relation (empty when it is absent)."""
    if graph.nx.has_edge(u, v, rel):
        return [dict(s) for s in graph.nx.edges[u, v, rel].get("sources", ())]
    return []


def regions_of(graph, node: str) -> list:
    """Regions a zone is in (IN_REGION), or a region's own id."""
    if graph.node(node)["label"] == "Region":
        return [node]
    return sorted(graph.out(node, "IN_REGION"))


def registry_documents(graph) -> list:
    """(id, attributes) of every registry Document node (indexed once per graph size)."""
    memo = cache(graph, "registries")
    size = len(graph.nx)
    if memo.get("size") != size:
        memo["size"] = size
        memo["docs"] = [(n, d) for n, d in graph.nx.nodes(data=True)
                        if d.get("label") == "Document" and d.get("kind") == "registry"]
    return memo["docs"]


def covering_registries(graph, node: str, chain: str | None = None) -> list:
    """Names of registries declared a census of the zone (or a region it is in) for ``chain``.

    A registry covers a place for a chain when the user declared it lists that place's
    firms completely (``covers``) for that chain (``scope`` holds ``*``, the chain's id
    or its name; no scope means every chain): absence of a firm there is then a gap,
    not a blind spot. A registry that declares nothing covers nothing.
    """
    places = {node, *regions_of(graph, node)}
    names = None
    if chain is not None:
        data = graph.node(chain)
        names = {"*", chain, data["name"]}
    out = []
    for _, d in registry_documents(graph):
        if not places & set(d.get("covers") or ()):
            continue
        scope = d.get("scope") or ["*"]
        if names is None or names & set(scope):
            out.append(d["name"])
    return sorted(out)


def coverage(graph) -> list:
    """The coverage entries of a graph: {registry, place, scope, declared}, declared
    ones from the registries' ``covers`` and ``scope``, then what the build suggested."""
    entries = [{"registry": d["name"], "place": place, "scope": list(d.get("scope") or ["*"]),
                "declared": True}
               for _, d in registry_documents(graph) for place in d.get("covers") or ()]
    entries += [e for e in graph.nx.graph.get("coverage", ()) if not e.get("declared")]
    return entries


def cypher_text(name: str) -> str:
    """The text of the named Cypher query ``queries/<name>.cypher``."""
    path = files("kg.queries").joinpath(f"{name}.cypher")
    if not path.is_file():
        known = sorted(p.name[:-7] for p in files("kg.queries").iterdir()
                       if p.name.endswith(".cypher"))
        raise QueryError(name, f"no such named query; known: {', '.join(known)}")
    return path.read_text(encoding="utf-8")
