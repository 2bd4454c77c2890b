"""Will the whole graph fit in memory? Refuse a whole-graph load that cannot, before it starts.

Most commands answer from the workspace's answer index and never load the whole graph; the few
that do (`kg sparql`, `kg validate`, `kg export rdf` in trig, ttl or jsonld) need about
:data:`BYTES_PER_ITEM` per node and relation (measured: 3.4–4.3 KB per registry firm with its
LOCATED_IN and OPERATES_IN relations, BENCHMARKS.md "Where the 1M build goes"). A load that would
not fit in the memory available is refused with the size and what still works, instead of
swapping the machine to a halt or being killed half-way.

``KG_MEMORY_BUDGET_MB`` sets the budget (default: the kernel's MemAvailable).

>>> whole_graph_need_mb(1_000_000, 2_000_000)
4291
>>> check_whole_graph_fits(10, 10, "kg-workspace", budget_mb=1)
>>> check_whole_graph_fits(10_000_000, 20_000_000, "kg-workspace", budget_mb=20_000)
Traceback (most recent call last):
...
kg.errors.WorkspaceError: loading the whole graph of kg-workspace (10,000,000 nodes, 20,000,000 relations) needs about 42,915 MB and 20,000 MB are available (KG_MEMORY_BUDGET_MB or MemAvailable); the commands that answer from the index still work (kg gaps, zone, firm, targets, chains, view, report, lists, cypher), and these stream every node and relation: `kg export neo4j-import DIR`, `kg export rdf --format nquads` (or nt), `kg push neo4j`
"""
from __future__ import annotations

import os

from kg.errors import WorkspaceError

BYTES_PER_ITEM = 1500  # per node and per relation: ~4.3 KB per firm with its two relations


def whole_graph_need_mb(nodes: int, relations: int) -> int:
    """Estimated peak MB of loading a graph of this size (see :data:`BYTES_PER_ITEM`)."""
    return (nodes + relations) * BYTES_PER_ITEM // 2**20


def available_mb() -> int | None:
    """``KG_MEMORY_BUDGET_MB``, else MemAvailable from /proc/meminfo (None when unknown)."""
    budget = os.environ.get("KG_MEMORY_BUDGET_MB")
    if budget:
        return int(budget)
    try:
        with open("/proc/meminfo", encoding="ascii") as handle:
            for line in handle:
                if line.startswith("MemAvailable:"):
                    return int(line.split()[1]) // 1024
    except OSError:
        return None
    return None


#: per local firm a link in `kg lists` (its node, relations, report fact and row): measured
#: 8.5–8.9 KB at 1M firms (河南省 433,016, 郑州高新区 80,469 of them) and up to 24 KB at 10M
#: (郑州高新区: 245,000 firms, 5.9 GB); the larger, so a list that is let through fits
BYTES_PER_LISTED = 25_000


def check_lists_fit(firm_links: int, zone: str, *, budget_mb: int | None = None) -> None:
    """Raise WorkspaceError when `kg lists` of ``zone`` would list more local firms than fit.

    >>> check_lists_fit(80_000, "郑州高新区", budget_mb=2_000)
    >>> check_lists_fit(4_000_000, "河南省", budget_mb=20_000)
    Traceback (most recent call last):
    ...
    kg.errors.WorkspaceError: the lists of 河南省 would hold 4,000,000 local firms on its chains' links and need about 95,368 MB; 20,000 MB are available (KG_MEMORY_BUDGET_MB or MemAvailable): list fewer chains (kg lists --chain NAME), or take the best firms a link with `kg report --zone 河南省 --top N`
    """
    budget = available_mb() if budget_mb is None else budget_mb
    need = -(-firm_links * BYTES_PER_LISTED // 2**20)  # rounded up: any list needs some
    if budget is None or need <= budget:
        return
    raise WorkspaceError(
        f"the lists of {zone} would hold {firm_links:,} local firms on its chains' links and "
        f"need about {need:,} MB; {budget:,} MB are available (KG_MEMORY_BUDGET_MB or "
        f"MemAvailable): list fewer chains (kg lists --chain NAME), or take the best firms a "
        f"link with `kg report --zone {zone} --top N`")


def check_whole_graph_fits(nodes: int, relations: int, where, *, budget_mb: int | None = None) -> None:
    """Raise WorkspaceError when loading ``nodes`` + ``relations`` would not fit the budget."""
    budget = available_mb() if budget_mb is None else budget_mb
    need = whole_graph_need_mb(nodes, relations)
    if budget is None or need <= budget:
        return
    raise WorkspaceError(
        f"loading the whole graph of {where} ({nodes:,} nodes, {relations:,} relations) needs "
        f"about {need:,} MB and {budget:,} MB are available (KG_MEMORY_BUDGET_MB or MemAvailable); "
        "the commands that answer from the index still work (kg gaps, zone, firm, targets, "
        "chains, view, report, lists, cypher), and these stream every node and relation: "
        "`kg export neo4j-import DIR`, `kg export rdf --format nquads` (or nt), `kg push neo4j`")
