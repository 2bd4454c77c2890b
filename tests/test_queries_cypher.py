"""The named Cypher queries answer like the Python functions on the embedded store."""
from pathlib import Path

import pytest

from kg.queries import chain_gaps, chains, cypher_text, firm_profile, targets, zone_profile
from kg.queries.fixtures import sensor_graph

REGISTRY = Path(__file__).parent / "fixtures" / "registry" / "zz_firms.csv"


@pytest.fixture(scope="module")
def setup(tmp_path_factory):
    from kg.stores.embedded import EmbeddedEngine, write_embedded

    graph = sensor_graph([REGISTRY])
    folder = tmp_path_factory.mktemp("store")
    write_embedded(graph, folder)
    with EmbeddedEngine(folder / "cypher") as engine:
        yield graph, engine


def run(engine, name, **params):
    """The named query's rows, its parameters' defaults filled as `kg cypher --name` fills them."""
    from kg.stores.named import parse_query

    return engine.run(cypher_text(name), parse_query(name, cypher_text(name)).bind(params), name=name)[1]


@pytest.mark.parametrize("chain", ["传感器", "氢能", "集成电路", "北斗应用", "新能源汽车"])
@pytest.mark.parametrize("zone", ["郑州高新区", "郑州高新技术产业开发区", "郑州航空港区", "新乡高新区"])
def test_chain_gaps_cypher_equals_python(setup, chain, zone):
    """chain_gaps.cypher returns the Python rows' core columns, lists sorted."""
    graph, engine = setup
    core = ("position", "link", "stage", "status", "local_firms", "local_platforms", "count")
    cy = [{k: r[k] for k in core} for r in run(engine, "chain_gaps", chain=chain, zone=zone,
                                                 weak_below=1, names=1000)]
    py = [{k: r[k] for k in core} for r in chain_gaps(graph, chain, zone)]
    assert cy == py


def test_other_named_queries_equal_python(setup):
    """chains, targets, zone_profile and firm_profile agree with their Python twins."""
    graph, engine = setup
    assert [(r["chain"], r["links"]) for r in run(engine, "chains")] == \
        [(r["chain"], r["links"]) for r in chains(graph)]
    assert [r["firm"] for r in run(engine, "targets", zone="郑州高新区")] == \
        [r["firm"] for r in targets(graph, "郑州高新区")]
    zone = run(engine, "zone_profile", zone="郑州高新区")[0]
    py = {r["field"]: r["value"] for r in zone_profile(graph, "郑州高新区")}
    assert (zone["regions"], zone["firms"], zone["platforms"], zone["targets"]) == \
        (py["regions"], py["firms"], py["platforms"], py["targets"])
    firm = run(engine, "firm_profile", firm=graph.resolve("郑州恒辉电子有限公司", "Firm"))[0]
    assert firm["links"] == ["智能传感器/传感器"]
    assert firm["located_in"] == sorted(x.replace(" (inferred)", "") for x in
                                        {r["field"]: r["value"] for r in firm_profile(graph, "郑州恒辉电子有限公司")}["located_in"])


def test_every_query_file_has_a_header():
    """Each .cypher file says what it answers, its parameters, an example and its columns."""
    from kg.stores.named import list_queries
    mine = {"chain_gaps", "chains", "targets", "platforms_for", "zone_profile", "firm_profile"}
    found = {q.name: q for q in list_queries() if q.name in mine}
    assert set(found) == mine
    for q in found.values():
        assert q.description and q.example and q.columns, q.name
