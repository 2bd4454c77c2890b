"""kg validate: SHACL shapes on the built graph; violations name node, shape and source."""
from __future__ import annotations

import pytest
from click.testing import CliRunner

from kg.cli import cli
from kg.stores.fixtures import hostile_graph
from kg.stores.shacl import conforms, validate
from kg.workspace import Workspace


def test_hostile_graph_conforms():
    """The loader-built sample with every label and relation type (and hostile names) conforms."""
    results = validate(hostile_graph())
    assert conforms(results), results


def _broken():
    g = hostile_graph()
    bad = g.add_entity("Platform", "坏平台", kind="spaceship", source={"doc": "plan.txt", "sentence": 9,
                                                                   "start": 0, "end": 3, "quote": "坏平台"})
    g.add_entity("Link", "孤立环节", key="x/孤立环节", position=0, source={"doc": "t.yaml", "row": 3})
    return g, bad


def test_violations_name_node_shape_and_source():
    """A bad platform kind and an orphan link at position 0 are reported with their sources."""
    g, bad = _broken()
    results = validate(g)
    assert not conforms(results)
    platform = [r for r in results if r["node"] == bad]
    assert platform and platform[0]["shape"] == "kg:PlatformShape"
    assert platform[0]["sources"] == "plan.txt sentence 9"
    link = {r["message"] for r in results if r["label"] == "Link"}
    assert "a link belongs to exactly one chain" in link
    assert "a link needs one integer position from 1" in link


@pytest.mark.parametrize("broken,code", [(False, 0), (True, 1)])
def test_cli_exit_code(broken, code, tmp_path):
    """kg validate exits 0 on a conforming graph and 1 (with the violations listed) otherwise."""
    g = _broken()[0] if broken else hostile_graph()
    ws = Workspace(tmp_path / "ws")
    ws.save(g, [])
    out = CliRunner().invoke(cli, ["validate", "-w", str(ws.path), "-f", "csv"])
    assert out.exit_code == code, out.output
    if broken:
        assert "kg:PlatformShape" in out.stdout and "does not conform" in out.stderr
    else:
        assert "符合 SHACL 约束" in out.stderr


def test_built_sample_conforms(sample_workspace):
    """`kg build` of the bundled sample gives a graph that conforms to the shapes (kg validate exits 0)."""
    out = CliRunner().invoke(cli, ["validate", "-w", str(sample_workspace), "-f", "csv"])
    assert out.exit_code == 0, out.output  # the output lists the violations, if any
    assert "符合 SHACL 约束" in out.stderr
