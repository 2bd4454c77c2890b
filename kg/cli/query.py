"""``kg gaps``, ``kg chains``, ``kg zone``, ``kg firm``, ``kg targets``: thin shells over kg.queries."""
from __future__ import annotations

import click

from kg import answers
from kg.cli.options import emit, output_options, workspace_option
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
    quotient below 1), gap (no local firm and a registry covers the zone), unknown
    (no registry covers the zone); broken marks a gap inside the chain (断链).
      kg gaps 传感器 --zone 郑州高新区
      kg gaps 氢能 --zone 新乡市 --format md -o hydrogen.md
    """
    graph = answers.for_gaps(workspace, chain, zone, candidates=candidates)
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
    graph = answers.for_place(workspace, name)
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
    graph = answers.for_firm(workspace, name)
    _said(graph, name, graph.find(name, "Firm"))
    emit(firm_profile(graph, name), fmt, output)


@click.command("targets")
@click.option("--zone", "-z", required=True, help="Zone or region, by name or alias.")
@output_options
@workspace_option
def targets_command(zone, fmt, output, workspace):
    """Firms a zone means to attract (招商目标), with the sentences that say so.

    \b
      kg targets --zone 郑州高新区
    """
    graph = answers.core(workspace)
    _said(graph, zone, place(graph, zone))
    emit(targets(graph, zone), fmt, output)


COMMANDS = [gaps_command, chains_command, zone_command, firm_command, targets_command]
