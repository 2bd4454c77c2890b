"""``kg gaps``, ``kg chains``, ``kg zone``, ``kg firm``, ``kg targets``: thin shells over kg.queries."""
from __future__ import annotations

import click

from kg import answers
from kg.cli.options import current_spec, emit, output_options, workspace_option
from kg.queries import chain_gaps, chains, firm_profile, targets, zone_profile
from kg.queries.common import chain_node, place


def _said(graph, given: str, node: str) -> None:
    """Say on stderr which node a name resolved to, when it is not the name itself."""
    data = graph.node(node)
    if given != data["name"]:
        click.echo(f"kg: {given!r} → {data['label']} {data['name']} ({node})", err=True)


@click.command("gaps")
@click.argument("chain")
@click.option("--zone", "-z", required=True, help="Zone or region, by name or alias.")
@click.option("--weak-below", type=click.IntRange(min=1), default=1, show_default=True,
              help="A link with fewer local firms than this is weak.")
@click.option("--candidates", type=click.IntRange(min=0), default=5, show_default=True,
              help="Candidate firms from elsewhere per link.")
@click.option("--evidence/--no-evidence", default=False,
              help="Include the evidence column (always in json).")
@output_options
@workspace_option
def gaps_command(chain, zone, weak_below, candidates, evidence, fmt, output, workspace):
    """Which links of CHAIN have local firms in a zone, which are gaps (缺链), who could fill them.

    \b
    Status per link: covered, weak (fewer than --weak-below firms, or location
    quotient below 1), gap (no local firm and a registry is declared a census of the
    zone for this chain: kg build --covers/--scope; covered_by names it), unknown
    (no such registry); broken marks a gap inside the chain (断链).
      kg gaps 传感器 --zone 郑州高新区
      kg gaps 氢能 --zone 新乡市 --format md -o hydrogen.md
    """
    graph = answers.for_gaps(workspace, chain, zone, candidates=candidates,
                             names=current_spec().top)
    _said(graph, chain, chain_node(graph, chain))
    _said(graph, zone, place(graph, zone))
    rows = chain_gaps(graph, chain, zone, weak_below=weak_below, candidates=candidates)
    if fmt != "json" and not evidence:
        rows = [{k: v for k, v in row.items() if k != "evidence"} for row in rows]
    emit(rows, fmt, output)


@click.command("chains")
@output_options
@workspace_option
def chains_command(fmt, output, workspace):
    """Every chain in the graph with its links in order.

    \b
      kg chains
      kg chains --format json
    """
    emit(chains(answers.core(workspace)), fmt, output)


@click.command("zone")
@click.argument("name")
@output_options
@workspace_option
def zone_command(name, fmt, output, workspace):
    """A zone's (or region's) profile: names, regions, industries, firms, platforms, targets.

    \b
      kg zone 郑州高新区
      kg zone 新乡经济技术开发区 --format md
    """
    graph = answers.for_place(workspace, name, counted=True)
    _said(graph, name, place(graph, name))
    emit(zone_profile(graph, name), fmt, output)


@click.command("firm")
@click.argument("name")
@output_options
@workspace_option
def firm_command(name, fmt, output, workspace):
    """A firm's profile: names, codes, places, industries, chain links with evidence.

    \b
      kg firm 宁德时代
      kg firm 300750 --format json
    """
    from kg.reports.sentences import SentenceReader

    graph = answers.for_firm(workspace, name)
    _said(graph, name, graph.find(name, "Firm"))
    emit(firm_profile(graph, name, SentenceReader(workspace.manifest())), fmt, output)


@click.command("targets")
@click.option("--zone", "-z", required=True, help="Zone or region, by name or alias.")
@click.option("--regions/--no-regions", default=True, show_default=True,
              help="Also list the targets of the city and province the place lies in.")
@output_options
@workspace_option
def targets_command(zone, regions, fmt, output, workspace):
    """Firms a zone means to attract (招商目标), ranked, on the links the evidence supports.

    \b
    score = 0.35·cue + 0.30·placement + 0.20·distance + 0.15·size; the parts are shown
    (cue: the sentence names a link 1.0 / a chain or field 0.6; placement: the firm's
    placement score; distance: same zone 1.0 > city 0.75 > province 0.5 > elsewhere 0.25;
    size: listed 1.0 / registered 0.5); a table shows them as 文件线索 · 定位 · 距离 · 规模,
    JSON keeps the English keys. scope says whose target it is (本区 or a region).
      kg targets --zone 新乡高新区
      kg targets --zone 新乡市 --format json
    """
    from kg.reports.sentences import SentenceReader

    graph = answers.core(workspace)
    _said(graph, zone, place(graph, zone))
    # the reason is the plan's sentence that names the target, read from the documents
    rows = targets(graph, zone, regions=regions, sentences=SentenceReader(workspace.manifest()))
    if fmt in ("table", "md", "csv"):
        rows = [_target_cells(row) for row in rows]
    emit(rows, fmt, output)


def _target_cells(row: dict) -> dict:
    """A target row for a table: link names, the score's parts as `cue 1 · placement 0.8 …`."""
    import json

    from kg.targets import PARTS_ZH

    parts = json.loads(row["score_parts"]) if row.get("score_parts") else {}
    return {"firm": row["firm"], "scope": row["scope"], "industry": row["industry"],
            "links": row["link_names"], "score": row["score"],
            "score_parts": " · ".join(f"{PARTS_ZH.get(k, k)} {v:g}" for k, v in parts.items()),
            "located_in": row["located_in"], "reason": row["reason"]}


COMMANDS = [gaps_command, chains_command, zone_command, firm_command, targets_command]
