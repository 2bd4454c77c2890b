"""docs/notebook.ipynb runs top to bottom in a real Jupyter kernel and shows what the API answers."""
from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

import kg

pytestmark = pytest.mark.slow
NOTEBOOK = Path(__file__).resolve().parent.parent / "docs" / "notebook.ipynb"


def outputs_of(nb, tag: str) -> list:
    """The outputs of the code cell tagged ``tag``."""
    cells = [c for c in nb.cells if tag in c.get("metadata", {}).get("tags", [])]
    assert len(cells) == 1, f"one cell tagged {tag!r} expected"
    return cells[0].outputs


def text_of(outputs: list) -> str:
    """Everything a cell printed or showed as text (streams and text/plain results)."""
    parts = []
    for out in outputs:
        if out.output_type == "stream" and parts and parts[-1][0] == "stream":
            parts[-1] = ("stream", parts[-1][1] + out.text)  # one print may come in pieces
        elif out.output_type == "stream":
            parts.append(("stream", out.text))
        elif "data" in out:
            parts.append(("data", out.data.get("text/plain", "")))
    return "\n".join(text for _, text in parts)


@pytest.fixture(scope="module")
def executed(sample_workspace, tmp_path_factory):
    """The notebook executed with nbclient on a copy of the sample workspace: (notebook, workspace)."""
    import nbformat
    from nbclient import NotebookClient

    folder = tmp_path_factory.mktemp("notebook")
    workspace = folder / "kg-workspace"
    shutil.copytree(sample_workspace, workspace, ignore=shutil.ignore_patterns(".lock"))
    nb = nbformat.read(NOTEBOOK, as_version=4)
    mp = pytest.MonkeyPatch()
    mp.setenv("KG_WORKSPACE", str(workspace))  # the kernel inherits it
    try:
        NotebookClient(nb, timeout=600, kernel_name="python3",
                       resources={"metadata": {"path": str(folder)}}).execute()
    finally:
        mp.undo()
    return nb, workspace


@pytest.fixture(scope="module")
def before(sample_workspace):
    """What the API answers on the untouched sample workspace."""
    ws = kg.open(sample_workspace)
    return {"gaps": ws.gaps("智能传感器", zone="郑州高新区").to_records(),
            "nodes": ws.view_chain("传感器", zone="郑州高新区").num_nodes(),
            "firms": len(ws.cypher("MATCH (f:Firm)-[:LOCATED_IN]->(z:Zone) "
                                   "WHERE z.name = $zone OR $zone IN z.aliases "
                                   "RETURN f.name AS firm", params={"zone": "郑州高新区"}))}


def test_gaps_cell_shows_one_row_per_link_with_statuses(executed, before):
    """The gaps DataFrame has a row per link of the chain, each with its status."""
    nb, _ = executed
    shown = text_of(outputs_of(nb, "gaps")).splitlines()
    assert len(shown) == 1 + len(before["gaps"])
    for line, row in zip(shown[1:], before["gaps"]):
        assert row["link"] in line and row["status"] in line


def test_chart_cell_draws_with_the_cjk_font(executed):
    """The bar chart is a PNG and matplotlib warned of no missing glyph (Chinese drawn, not boxes)."""
    nb, _ = executed
    outputs = outputs_of(nb, "chart")
    assert any("image/png" in out.get("data", {}) for out in outputs)
    assert "font: WenQuanYi Micro Hei" in text_of(outputs)  # scripts/system-deps.sh installs it
    assert "missing from" not in text_of(outputs) and "Glyph" not in text_of(outputs)


def test_map_cell_shows_the_chain_network_inline(executed, before):
    """The chain map cell prints the network's node count and displays it as an inline iframe."""
    nb, _ = executed
    outputs = outputs_of(nb, "map")
    assert re.search(rf"^{before['nodes']} nodes,", text_of(outputs), re.M)
    html = [out.data["text/html"] for out in outputs if "text/html" in out.get("data", {})]
    assert html and html[0].startswith("<iframe srcdoc=")


def test_cypher_cell_counts_the_zones_firms(executed, before):
    """The Cypher cell finds as many firms in 郑州高新区 as the API does — by its short name,
    an alias of the zone (the cell printed 0 when it matched names only)."""
    nb, _ = executed
    assert before["firms"] > 0
    assert re.search(rf"^{before['firms']} firms located", text_of(outputs_of(nb, "cypher")), re.M)


def test_adding_a_registry_fills_the_chip_gap(executed, before, sample_workspace):
    """After ws.add(registries=[…]) the sensor-chip link, a gap before, has the new local firm,
    and the workspace records one more input."""
    nb, workspace = executed
    was = {r["link"]: r["status"] for r in before["gaps"]}
    assert was["传感芯片"] == "gap"
    shown = text_of(outputs_of(nb, "add"))
    line = next(x for x in shown.splitlines() if "传感芯片" in x)
    was_shown, now_shown = line.split()[2:4]  # index, link, before, status, …
    assert was_shown == "gap" and now_shown != "gap"
    assert "郑州芯感微电子科技有限公司" in shown
    now = {r["link"]: r for r in kg.open(workspace).gaps("智能传感器", zone="郑州高新区")}
    assert now["传感芯片"]["status"] != "gap" and now["传感芯片"]["count"] == 1
    inputs = len(kg.open(sample_workspace).manifest()["inputs"])
    assert len(kg.open(workspace).manifest()["inputs"]) == inputs + 1
