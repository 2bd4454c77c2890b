"""A whole-graph load that cannot fit is refused before it starts; index answers still run."""
import os
import subprocess

from tests.api_workspace import KG

SPARQL = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"


def kg(workspace, *args, budget_mb=None):
    env = dict(os.environ)
    env.pop("KG_MEMORY_BUDGET_MB", None)
    if budget_mb is not None:
        env["KG_MEMORY_BUDGET_MB"] = str(budget_mb)
    return subprocess.run([str(KG), *args, "-w", str(workspace)], capture_output=True, text=True,
                          env=env, timeout=300)


def test_whole_graph_commands_refuse_past_the_budget_and_index_answers_still_run(sample_workspace):
    """With a budget smaller than the sample graph, `kg sparql` exits 1 with one message naming
    the workspace, the budget and what still works; `kg gaps` answers from the index as before."""
    refused = kg(sample_workspace, "sparql", SPARQL, budget_mb=0)
    assert refused.returncode == 1
    assert refused.stdout == ""
    message = refused.stderr.strip().splitlines()
    assert len(message) == 1 and message[0].startswith("kg: error: loading the whole graph of")
    assert str(sample_workspace) in message[0] and "KG_MEMORY_BUDGET_MB" in message[0]
    assert "kg export neo4j-import" in message[0]
    gaps = kg(sample_workspace, "gaps", "传感器", "--zone", "郑州高新区", "--format", "json", budget_mb=0)
    assert gaps.returncode == 0 and '"status"' in gaps.stdout, gaps.stderr
    roomy = kg(sample_workspace, "sparql", SPARQL, "--format", "json")
    assert roomy.returncode == 0, roomy.stderr
