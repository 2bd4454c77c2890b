"""The Cypher prompt explains itself: dialect rewrites, the labels, missing parameters."""
import pytest
from click.testing import CliRunner

from kg.cli import cli
from kg.queries.fixtures import sensor_graph
from kg.stores.embedded import write_embedded
from kg.stores.hints import missing_parameters
from kg.workspace import Workspace


@pytest.fixture(scope="module")
def workspace(tmp_path_factory):
    path = tmp_path_factory.mktemp("ws")
    Workspace(path).save(sensor_graph(), inputs=[], extra_writers=[write_embedded])
    return path


def cypher(workspace, *args):
    return CliRunner().invoke(cli, ["cypher", "-w", str(workspace), *args])


def test_with_order_by_without_limit_gets_the_rewrite(workspace):
    """WITH … ORDER BY (valid in Neo4j) fails with a one-line hint naming LIMIT."""
    result = cypher(workspace, "MATCH (z:Zone) WITH z ORDER BY z.name RETURN z.name")
    assert result.exit_code == 1
    hint = [line for line in result.stderr.splitlines() if "hint:" in line]
    assert len(hint) == 1 and "LIMIT" in hint[0]
    fixed = cypher(workspace, "MATCH (z:Zone) WITH z ORDER BY z.name LIMIT 100000 RETURN z.name")
    assert fixed.exit_code == 0 and "郑州高新技术产业开发区" in fixed.stdout


def test_unknown_label_lists_the_labels(workspace):
    """An unknown label (Company) names every label of the model."""
    result = cypher(workspace, "MATCH (c:Company) RETURN c")
    assert result.exit_code == 1
    for label in ("Firm", "Zone", "Chain", "Link", "Platform"):
        assert label in result.stderr


def test_count_and_exists_subqueries_run_and_get_no_false_hint(workspace):
    """COUNT { … } and EXISTS { … } run on the embedded engine; another error beside them is
    reported as itself, not as an unsupported subquery."""
    ok = cypher(workspace, "MATCH (z:Zone) WHERE EXISTS { MATCH (z)<-[:LOCATED_IN]-(:Firm) } "
                           "RETURN z.name AS zone, COUNT { MATCH (z)<-[:LOCATED_IN]-(:Firm) } AS n "
                           "ORDER BY zone", "--format", "json")
    assert ok.exit_code == 0, ok.stderr
    assert '"n"' in ok.stdout and "郑州高新技术产业开发区" in ok.stdout
    bad = cypher(workspace, "MATCH (z:Zone) RETURN COUNT { MATCH (z)<-[:LOCATED_IN]-(:Firm) } "
                            "AS n, nosuchfn(1) AS x")
    assert bad.exit_code == 1 and "NOSUCHFN" in bad.stderr.upper()
    assert "not supported" not in bad.stderr


def test_missing_parameter_is_an_error_naming_it(workspace):
    """A query using $zone without -p zone=… exits 1 and names $zone; nothing is printed."""
    result = cypher(workspace, "MATCH (z:Zone) WHERE z.name = $zone RETURN z.name")
    assert result.exit_code == 1
    assert "$zone" in result.stderr and "-p zone=" in result.stderr
    assert result.stdout == ""
    given = cypher(workspace, "MATCH (z:Zone) WHERE z.name = $zone RETURN z.name AS zone",
                   "-p", "zone=郑州高新技术产业开发区", "-f", "json")
    assert given.exit_code == 0 and '"zone": "郑州高新技术产业开发区"' in given.stdout


def test_parameters_in_strings_and_comments_do_not_count():
    """'$x' in a string or a comment is not a parameter."""
    text = "MATCH (z) WHERE z.name = '$x' // $y\nRETURN $z /* $w */"
    assert missing_parameters(text, {}) == ["z"]


def test_a_store_built_before_firms_on_is_told_to_rebuild(tmp_path):
    """The named chain_gaps reads FIRMS_ON; on a store written before it (the table
    dropped here) the error says to run kg build again, not that a label is unknown."""
    Workspace(tmp_path).save(sensor_graph(), inputs=[], extra_writers=[write_embedded])
    dropped = cypher(tmp_path, "--write", "DROP TABLE FIRMS_ON")
    assert dropped.exit_code == 0, dropped.stderr
    result = cypher(tmp_path, "--name", "chain_gaps", "-p", "chain=智能传感器",
                    "-p", "zone=郑州高新区")
    assert result.exit_code == 1
    assert "FIRMS_ON" in result.stderr and "run `kg build` again" in result.stderr
