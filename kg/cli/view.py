"""``kg view``: interactive HTML maps (chain, zone, firm, query), offline and escaped.

Each command loads the workspace, calls one function of :mod:`kg.views` and writes
the page to ``-o FILE`` (or stdout).
"""
from __future__ import annotations

import logging

import click

from kg.cli.options import workspace_option, write_text

log = logging.getLogger("kg.view")

_output = click.option("--output", "-o", "output", type=click.Path(dir_okay=False), default=None,
                       help="Write the HTML page to FILE instead of stdout.")
_max = click.option("--max-per-link", "max_per_link", type=click.IntRange(min=1), default=300,
                    show_default=True,
                    help="Above this many firms on a link (or in a group), show the best-evidenced "
                         "ones and one “+N more” node.")


@click.group("view")
def view() -> None:
    """Interactive maps as self-contained HTML pages (work offline).

    \b
      kg view chain 传感器 --zone 郑州高新区 -o sensor.html
      kg view zone 郑州高新区 -o zone.html
      kg view firm 汉威科技 -o firm.html
      kg view query "MATCH (f:Firm)-[r:LOCATED_IN]->(z:Zone) RETURN f, r, z" -o q.html
    """


@view.command("chain")
@click.argument("chain")
@click.option("--zone", "-z", required=True, help="Zone (or region) whose firms fill the links.")
@click.option("--weak-below", type=click.IntRange(min=0), default=1, show_default=True,
              help="A link with fewer local firms than this is weak.")
@_max
@_output
@workspace_option
def chain_command(chain, zone, weak_below, max_per_link, output, workspace):
    """Map CHAIN's links upstream to downstream, coloured by gap status for ZONE.

    \b
      kg view chain 传感器 --zone 郑州高新区 -o sensor-chain.html
    """
    from kg.views import chain_map

    from kg import answers

    graph = answers.for_gaps(workspace, chain, zone, local_firms=True)
    log.info("drawing chain %s for %s", chain, zone)
    write_text(chain_map(graph, chain, zone, max_per_link=max_per_link, weak_below=weak_below), output)


@view.command("zone")
@click.argument("name")
@_max
@_output
@workspace_option
def zone_command(name, max_per_link, output, workspace):
    """Map a zone (or region): what is located in it, what it develops and targets.

    \b
      kg view zone 郑州高新区 -o zone.html
    """
    from kg.answers import for_place
    from kg.views import zone_map

    write_text(zone_map(for_place(workspace, name, whole=True), name, max_per_group=max_per_link), output)


@view.command("firm")
@click.argument("name")
@_max
@_output
@workspace_option
def firm_command(name, max_per_link, output, workspace):
    """Map a firm's ego network: its zones, links, industries and who targets it.

    \b
      kg view firm 汉威科技 -o firm.html
    """
    from kg.answers import for_firm
    from kg.views import firm_map

    write_text(firm_map(for_firm(workspace, name), name, max_per_group=max_per_link), output)


@view.command("query")
@click.argument("cypher")
@click.option("--max-nodes", type=click.IntRange(min=1), default=2000, show_default=True,
              help="Draw at most this many nodes.")
@_output
@workspace_option
def query_command(cypher, max_nodes, output, workspace):
    """Draw the nodes and relations a Cypher query returns (embedded store).

    \b
      kg view query "MATCH (z:Zone)-[r:DEVELOPS]->(i:Industry) RETURN z, r, i" -o q.html
    """
    from kg.views import query_map

    write_text(query_map(workspace, cypher, max_nodes=max_nodes), output)


COMMANDS = [view]
