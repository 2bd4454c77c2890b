"""``kg view``: interactive HTML maps (chain, zone, firm, query), offline and escaped.

Each command loads the workspace, calls one function of :mod:`kg.views` and writes
the page to ``-o FILE`` (or stdout).
"""
from __future__ import annotations

import logging

import click

from kg.cli.options import said_written, workspace_option, write_text

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
      kg view panorama --zone 郑州高新区 -o panorama.html
      kg view firm 汉威科技 -o firm.html
      kg view query "MATCH (f:Firm)-[r:LOCATED_IN]->(z:Zone) RETURN f, r, z" -o q.html
    """


@view.command("chain")
@click.argument("chain")
@click.option("--zone", "-z", required=True, help="Zone (or region) whose firms fill the links.")
@click.option("--weak-below", type=click.IntRange(min=0), default=1, show_default=True,
              help="A link with fewer local firms than this is weak.")
@click.option("--max-per-link", "max_per_link", type=click.IntRange(min=1), default=30,
              show_default=True,
              help="Local firms drawn per link, best placement score first; the rest are "
                   "counted in one “…及其他 N 家” node.")
@_output
@workspace_option
def chain_command(chain, zone, weak_below, max_per_link, output, workspace):
    """Map CHAIN's links upstream to downstream, coloured by gap status for ZONE.

    \b
      kg view chain 传感器 --zone 郑州高新区 -o sensor-chain.html
    """
    from kg.views import chain_map

    from kg import answers

    graph = answers.for_chain_map(workspace, chain, zone, per_link=max_per_link)
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
    With -o, the zone's chain panorama is written beside the map (NAME-panorama.html)
    and linked from its title.
      kg view zone 郑州高新区 -o zone.html
    """
    from pathlib import Path

    from kg.answers import for_panorama, for_place
    from kg.views import zone_map
    from kg.views.panorama import write_panorama

    link = None
    if output:
        out = Path(output)
        pages = write_panorama(for_panorama(workspace, name), name,
                               out.with_name(f"{out.stem}-panorama.html"))
        link = pages[0].name
    write_text(zone_map(for_place(workspace, name, best=max_per_link), name, max_per_group=max_per_link,
                        panorama=link), output)


@view.command("panorama")
@click.option("--zone", "-z", required=True, help="The zone (or region) whose chains to draw.")
@click.option("--chain", "-c", "chains", multiple=True,
              help="A chain to draw; repeatable. Default: the chains the zone's documents name.")
@click.option("--weak-below", type=click.IntRange(min=1), default=1, show_default=True,
              help="A link with fewer local firms than this is weak (薄弱).")
@_output
@workspace_option
def panorama_command(zone, chains, weak_below, output, workspace):
    """Draw a zone's chain panorama (产业链全景图): every chain as a row of its links.

    \b
    Each link is coloured by status with its count of local firms, the top firms and
    platforms under it; targets and neighbouring zones stand beside each chain. One
    offline HTML page (printable on A4 landscape); up to 8 chains a page, more go to
    NAME-2.html … (or pick them with --chain).
      kg view panorama --zone 郑州高新区 -o panorama.html
      kg view panorama --zone 新乡市 --chain 氢能 --chain 智能传感器 -o xx.html
    """
    from kg.answers import for_panorama
    from kg.views.panorama import panorama_pages, write_panorama

    graph = for_panorama(workspace, zone, chains)
    if output:
        for path in write_panorama(graph, zone, output, chains, weak_below=weak_below):
            said_written(path)
        return
    pages = panorama_pages(graph, zone, chains, weak_below=weak_below)
    if len(pages) > 1:
        log.warning("%d pages: only the first is printed; use -o FILE for all", len(pages))
    write_text(pages[0], None)


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
