"""`kg cypher --name chain_gaps` answers as `kg gaps` does, on a registry-built workspace.

The workspace holds the bundled documents and a small generated registry of Henan firms
(the benchmark generator's shape, so zones have local firms on links), declared a census
of one zone: gap, weak and covered all occur. Chains and
zones are named by id, by name and by alias, as users type them. The oracle recomputes
each status from the facts (LOCATED_IN, OPERATES_IN with status placed, the declared
coverage), never from anything the build or the queries computed.
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from kg.build import build, sample_documents
from kg.cli import cli
from kg.workspace import Workspace

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
import gen_registry  # noqa: E402

ZONE = "Zone/郑州高新区"


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    folder = tmp_path_factory.mktemp("named-parity")
    generated = folder / "henan.csv"
    gen_registry.write_csv(generated, 600, seed=23)
    ws = Workspace(folder / "ws")
    build(sample_documents(), [generated], workspace=ws.path,
          coverage={"covers": ["郑州高新区"], "scope": ["*"]})
    return ws, ws.load()


def _covered(graph, chain: str, zone: str) -> bool:
    """A registry is declared a census of the zone (or a region it is in) for the chain."""
    nxg = graph.nx
    places = {zone, *(r for r, rels in nxg._succ[zone].items() if "IN_REGION" in rels)}
    names = {"*", chain, nxg._node[chain]["name"]}
    for _, data in nxg.nodes(data=True):
        if data["label"] == "Document" and data.get("kind") == "registry" \
                and places & set(data.get("covers") or ()) \
                and names & set(data.get("scope") or ["*"]):
            return True
    return False


def oracle(graph, chain: str, zone: str) -> list:
    """(link name, status, local count) per link of the chain, upstream first, from facts."""
    nxg = graph.nx
    links = sorted((int(data.get("position", 0)), link)
                   for link, rels in nxg._succ[chain].items()
                   for rel, data in rels.items() if rel == "HAS_LINK")
    counts = []
    for _, link in links:
        placed = [f for f, rels in nxg._pred[link].items()
                  if "OPERATES_IN" in rels and rels["OPERATES_IN"].get("status", "placed") == "placed"]
        local = [f for f in placed if "LOCATED_IN" in nxg._succ[f].get(zone, {})]
        counts.append((nxg._node[link]["name"], len(local), len(placed)))
    local_sum, all_sum = sum(c[1] for c in counts), sum(c[2] for c in counts)
    covered = _covered(graph, chain, zone)
    out = []
    for name, count, total in counts:
        if count == 0:
            status = "gap" if covered else "unknown"
        elif count * all_sum < local_sum * total:
            status = "weak"
        else:
            status = "covered"
        out.append((name, status, count))
    return out


def _json(ws, *args) -> list:
    result = CliRunner().invoke(cli, [*args, "--format", "json", "--workspace", str(ws.path)])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def _unique(graph, aliases, label: str, node: str) -> list:
    """The aliases that name ``node`` alone (an alias two zones share is refused by both)."""
    return [a for a in aliases if graph.resolve(a, label) == node]


def _chains(graph) -> list:
    """The chains with links and local firms in the zone, and one without any."""
    with_links = sorted(c for c, _ in graph.nodes("Chain") if graph.out(c, "HAS_LINK"))
    busy = [c for c in with_links if any(s != "unknown" and s != "gap" for _, s, _ in oracle(graph, c, ZONE))]
    idle = [c for c in with_links if c not in busy]
    return busy[:1] + idle[:1]


def test_named_chain_gaps_equals_kg_gaps_and_the_facts(built):
    """Links, statuses and counts agree for chains and zones given as ids, names and aliases."""
    ws, whole = built
    zone = whole.node(ZONE)
    zone_forms = [ZONE, zone["name"], *_unique(whole, zone.get("aliases", []), "Zone", ZONE)[:2]]
    seen = set()
    for chain in _chains(whole):
        data = whole.node(chain)
        expected = oracle(whole, chain, ZONE)
        seen |= {s for _, s, _ in expected}
        chain_forms = [chain, data["name"], *_unique(whole, data.get("aliases", []), "Chain", chain)[:1]]
        # every way of naming the zone with the chain's id, every way of naming the chain
        # with the zone's short name
        for chain_as, zone_as in {*((chain, z) for z in zone_forms),
                                  *((c, zone_forms[-1]) for c in chain_forms)}:
            gaps = _json(ws, "gaps", chain_as, "--zone", zone_as)
            named = _json(ws, "cypher", "--name", "chain_gaps", "-p", f"chain={chain_as}",
                          "-p", f"zone={zone_as}")
            assert [(r["link"], r["status"], r["count"]) for r in gaps] == expected, \
                (chain_as, zone_as)
            assert [(r["link"], r["status"], r["count"]) for r in named] == expected, \
                (chain_as, zone_as)
            assert all(len(r["local_firms"]) == min(r["count"], 10) for r in named)
    assert {"covered", "weak", "gap"} <= seen, seen
