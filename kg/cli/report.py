"""``kg report`` and ``kg lists``: a zone's briefing, and the lists chain offices ask for."""
from __future__ import annotations

from pathlib import Path

import click

from kg.cli.options import said_written, workspace_option


def _load(workspace, zone, chains, per_link=None):
    from kg.answers import for_report

    return for_report(workspace, zone, chains, per_link=per_link), workspace.manifest()


@click.command("report")
@click.option("--zone", "-z", required=True, help="The zone (or region) the report is about.")
@click.option("--chain", "-c", "chains", multiple=True,
              help="A chain to report; repeatable. Default: the chains the zone develops, "
                   "else every chain with links.")
@click.option("--weak-below", type=click.IntRange(min=1), default=1, show_default=True,
              help="A link with fewer local firms than this is weak (薄弱).")
@click.option("--output", "-o", "output", required=True, type=click.Path(dir_okay=False),
              help="Report file: .xlsx, .md or .html (charts and chain maps go beside it "
                   "in NAME-files/).")
@click.option("--top", "top", type=click.IntRange(min=1), default=20, show_default=True,
              help="Local firms listed per link, best placement score first; the rest are "
                   "counted (…及其他 N 家).")
@click.option("--all", "list_all", is_flag=True,
              help="List every local firm (a big zone makes a big file; see also kg export).")
@workspace_option
def report_command(zone, chains, weak_below, output, top, list_all, workspace):
    """Write a zone's briefing: summary, chain tables, gap list, evidence, charts.

    \b
    The format follows the file's suffix: .xlsx (one sheet per part, each fact
    linked to its evidence row), .md or .html (a chart per chain, chain maps).
      kg report --zone 郑州高新区 -o 郑州高新区.xlsx
      kg report --zone 郑州高新区 --chain 智能传感器 -o sensor.html
      kg report --zone 郑州高新区 --all -o 全部企业.xlsx
    """
    from kg.reports import build_report, write_report, writer_for

    writer_for(output)  # a wrong suffix fails before the graph loads
    per_link = None if list_all else top
    drawn = per_link
    if per_link is not None and not str(output).lower().endswith(".xlsx"):
        from kg.views.chain import DEFAULT_MAX_PER_LINK  # the chain maps beside .md/.html

        drawn = max(per_link, DEFAULT_MAX_PER_LINK)
    graph, manifest = _load(workspace, zone, chains, drawn)
    report = build_report(graph, zone, chains, manifest=manifest, weak_below=weak_below,
                          per_link=per_link)
    write_report(report, output, graph=graph)
    said_written(output)


@click.command("lists")
@click.option("--zone", "-z", required=True, help="The zone (or region) the lists are for.")
@click.option("--chain", "-c", "chains", multiple=True,
              help="A chain to list; repeatable. Default: as for `kg report`.")
@click.option("--output", "-o", "output", required=True, type=click.Path(file_okay=False),
              help="Folder for the five CSVs and 产业链清单.xlsx.")
@workspace_option
def lists_command(zone, chains, output, workspace):
    """Write the chain office's lists: 龙头, 配套, 补短板, 平台, 招商目标.

    \b
    One CSV per list and one workbook with a sheet per list; every row names
    its source. What makes a firm 龙头 rather than 配套: docs/reports.md.
      kg lists --zone 郑州高新区 -o 清单/
      kg lists --zone 郑州高新区 --chain 智能传感器 -o 清单/
    """
    from kg.memory_budget import check_lists_fit
    from kg.reports import build_report
    from kg.reports.lists import build_lists, listed_firm_links, write_lists
    from kg.reports.sentences import SentenceReader

    check_lists_fit(listed_firm_links(workspace, zone, chains), zone)  # before the big load
    graph, manifest = _load(workspace, zone, chains)
    report = build_report(graph, zone, chains, manifest=manifest)
    write_lists(build_lists(graph, report, SentenceReader(manifest)), output)
    said_written(Path(output))


COMMANDS = [report_command, lists_command]
