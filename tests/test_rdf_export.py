"""kg export rdf: every format round-trips to the same quads; JSON-LD has a readable context."""
from __future__ import annotations

import json
import warnings

import pyoxigraph as ox
import pytest
from click.testing import CliRunner
from rdflib import Dataset
from rdflib.compare import isomorphic, to_isomorphic

from kg import rdf
from kg.cli import cli
from kg.stores.fixtures import HOSTILE, hostile_graph
from kg.stores.rdf_export import export_rdf
from kg.workspace import Workspace

OX = {"trig": ox.RdfFormat.TRIG, "nquads": ox.RdfFormat.N_QUADS, "ttl": ox.RdfFormat.TURTLE,
      "nt": ox.RdfFormat.N_TRIPLES, "jsonld": ox.RdfFormat.JSON_LD}
RDFLIB = {"trig": "trig", "nquads": "nquads", "ttl": "turtle", "nt": "nt", "jsonld": "json-ld"}


@pytest.fixture(scope="module")
def graph():
    return hostile_graph()


@pytest.fixture(scope="module")
def reference(graph):
    return set(ox.parse(rdf.serialize(graph, "trig"), format=ox.RdfFormat.TRIG))


@pytest.fixture(scope="module")
def workspace(graph, tmp_path_factory):
    ws = Workspace(tmp_path_factory.mktemp("ws"))
    ws.save(graph, [])
    return ws


def _expected(reference, fmt):
    if fmt in rdf.GRAPH_FORMATS:
        return reference
    return {ox.Quad(q.subject, q.predicate, q.object) for q in reference}


@pytest.mark.parametrize("fmt", sorted(OX))
def test_cli_export_round_trips(fmt, workspace, reference, tmp_path):
    """Each format written by `kg export rdf` parses back to the graph's quads (triples for ttl/nt)."""
    target = tmp_path / f"g.{fmt}"
    out = CliRunner().invoke(cli, ["export", "rdf", "-w", str(workspace.path), "--format", fmt,
                                   "-o", str(target)])
    assert out.exit_code == 0, out.output
    got = set(ox.parse(path=str(target), format=OX[fmt]))
    assert got == _expected(reference, fmt)


@pytest.mark.parametrize("fmt", sorted(OX))
def test_rdflib_reads_every_format_isomorphic(fmt, graph):
    """rdflib parses each export into a dataset isomorphic (graph by graph) to the TriG."""
    want = _dataset(export_rdf(graph, "trig"), "trig")
    got = _dataset(export_rdf(graph, fmt), RDFLIB[fmt])
    if fmt in rdf.GRAPH_FORMATS:
        names = {c.identifier for c in want.graphs()}
        assert names == {c.identifier for c in got.graphs()}
        for name in names:
            assert isomorphic(want.graph(name), got.graph(name)), name
    else:
        union_want, union_got = to_isomorphic(_union(want)), to_isomorphic(_union(got))
        assert union_want == union_got


def _dataset(data: bytes, fmt: str) -> Dataset:
    with warnings.catch_warnings():  # rdflib 7's Dataset.parse calls its own deprecated API
        warnings.simplefilter("ignore", DeprecationWarning)
        dataset = Dataset()
        dataset.parse(data=data, format=fmt)
    return dataset


def _union(dataset):
    from rdflib import Graph

    g = Graph()
    for s, p, o, _ in dataset.quads((None, None, None, None)):
        g.add((s, p, o))
    return g


def test_jsonld_context_is_readable(graph):
    """JSON-LD uses short terms (name, inRegion, Zone) and keeps hostile text and Chinese intact."""
    doc = json.loads(export_rdf(graph, "jsonld"))
    ctx = doc["@context"]
    assert ctx["name"] == "kg:name" and ctx["inRegion"] == {"@id": "kg:inRegion", "@type": "@id"}
    text = json.dumps(doc, ensure_ascii=False)
    assert '"@type": "Zone"' in text and "郑州高新技术产业开发区" in text
    names = [n.get("name") for g in doc["@graph"] for n in g.get("@graph", [])]
    assert HOSTILE in names


def test_stdout_export_is_utf8(workspace):
    """Without -o the RDF goes to stdout as UTF-8 bytes."""
    out = CliRunner().invoke(cli, ["export", "rdf", "-w", str(workspace.path), "-f", "nt"])
    assert out.exit_code == 0 and "郑州高新技术产业开发区" in out.stdout
