"""The query layer's indexes follow the graph: a change made after a query shows in the next one."""
from kg.queries.fixtures import sensor_graph
from kg.queries.gaps import chain_gaps


def _row(graph, link):
    return next(r for r in chain_gaps(graph, "传感器", zone="郑州高新区") if r["link"] == link)


def test_a_located_in_added_after_a_query_is_seen_without_clear_cache():
    """A firm on 传感芯片 becomes local (LOCATED_IN added after a chain_gaps call): the next call
    counts it, with no clear_cache in between."""
    g = sensor_graph()
    firm = g.add_entity("Firm", "郑州芯感微电子有限公司")
    link = "Link/智能传感器/传感芯片"
    g.add_relation(firm, "OPERATES_IN", link, status="placed", score=0.9, evidence=["测试"])
    assert _row(g, "传感芯片")["count"] == 0  # builds and caches the link indexes
    g.add_relation(firm, "LOCATED_IN", g.resolve("郑州高新区", "Zone"))
    row = _row(g, "传感芯片")
    assert row["count"] == 1 and len(row["local_firms"]) == 1
    assert row["status"] != "gap"


def test_a_renamed_alias_merge_is_seen():
    """Folding one firm into another (merge_nodes) after a query is seen by the next query."""
    g = sensor_graph()
    before = _row(g, "传感器")["count"]
    local = sorted(_row(g, "传感器")["local_firms"])
    keep, drop = (g.resolve(name, "Firm") for name in local[:2])
    g.merge_nodes(keep, drop)
    assert _row(g, "传感器")["count"] == before - 1
