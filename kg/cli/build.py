"""``kg build`` and ``kg stats``: make the workspace, and say what is in it."""
from __future__ import annotations

import click

from kg.build import build
from kg.cli import echo_error
from kg.cli.options import emit, output_options, workspace_option


def parse_mapping(pairs) -> dict:
    """``列名=field`` pairs from ``--map`` as a dict, or a usage error."""
    mapping = {}
    for pair in pairs:
        column, sep, field = pair.partition("=")
        if not sep or not column.strip() or not field.strip():
            raise click.BadParameter(f"{pair!r} is not COLUMN=FIELD", param_hint="--map")
        mapping[column.strip()] = field.strip()
    return mapping


@click.command("build")
@click.argument("sources", nargs=-1, type=click.Path(dir_okay=False))
@click.option("--registry", "-r", "registries", multiple=True, type=click.Path(dir_okay=False),
              help="Firm registry (.csv .tsv .xlsx .jsonl); repeatable.")
@click.option("--template", "-t", "templates", multiple=True, type=click.Path(dir_okay=False),
              help="Extra chain template (.yaml); repeatable. The shipped ones always load.")
@click.option("--map", "mapping", multiple=True, metavar="COLUMN=FIELD",
              help="Registry column to field, e.g. --map 公司名称=name; repeatable.")
@click.option("--zone", "home_zone", default=None,
              help="The documents' own zone (else inferred from each text).")
@click.option("--region", "home_region", default=None,
              help="The documents' own region (else inferred from each text).")
@click.option("--strict", is_flag=True, help="Refuse a registry with any bad row.")
@click.option("--covers", "covers", multiple=True, metavar="PLACE",
              help="Declare the registries a complete list of this zone's or region's firms "
                   "(a census); repeatable. Without it no registry makes a link a gap.")
@click.option("--scope", "scope", multiple=True, metavar="CHAIN",
              help="The chains (industries) the --covers census is complete for; repeatable; "
                   "default all.")
@click.option("-v", "--verbose", "verbose", is_flag=True,
              help="Print every problem of every input, not only the first few.")
@click.option("--partial", is_flag=True,
              help="Publish what loaded even when an input is refused (else nothing is).")
@workspace_option
def build_command(sources, registries, templates, mapping, home_zone, home_region, strict,
                  covers, scope, verbose, partial, workspace):
    """Build the graph from documents and registries into the workspace.

    \b
    SOURCES are documents (.txt .html .docx .pdf). With none, the bundled sample
    documents (郑州高新区, 新乡市) and the illustrative sample registry are used.
      kg build
      kg build 规划.docx 报告.pdf --registry firms.csv --zone 新乡高新区
      kg build --registry sensors.csv --covers 郑州高新区 --scope 智能传感器

    Prints to stderr, per input registry, rows read / loaded / merged / conflicts /
    refused and the first problems with file and row (all of them with -v; all are in
    the workspace's manifest.json too).
    """
    if scope and not covers:
        raise click.BadParameter("--scope needs --covers (which places the census is of)",
                                 param_hint="--scope")
    coverage = {"covers": list(covers), "scope": list(scope)} if covers else None
    root = click.get_current_context().find_root().params
    verbose = verbose or bool(root.get("verbose"))
    result = build(sources, registries, workspace=workspace.path, templates=templates or None,
                   home_zone=home_zone, home_region=home_region,
                   mapping=parse_mapping(mapping), strict=strict, coverage=coverage,
                   partial=partial)
    if not root.get("quiet"):
        for line in build_summary(result.graph, result.report, verbose=verbose):
            click.echo(line, err=True)
    click.echo(built_line(workspace.path, result.manifest["counts"]), err=True)
    if result.errors:
        echo_error(f"{len(result.errors)} source(s) could not be read (see above); "
                   "the others were built")
        raise SystemExit(1)


FIRST_PROBLEMS = 5  # problems printed per file without -v


def build_summary(graph, report: list, *, verbose: bool = False) -> list:
    """Lines that say what the build did with each registry, its links and its coverage."""
    from kg.loaders.summary import format_problem, problems, summarise

    lines = []
    by_file: dict = {}
    for entry in problems(report):
        by_file.setdefault(entry["file"], []).append(entry)
    for row in summarise(report):
        lines.append(f"{row['file']}: 读取 {row['read']} 行，载入 {row['loaded']}，合并 {row['merged']}，"
                     f"代码冲突 {row['conflicts']}，拒收 {row['refused']}")
        found = by_file.get(row["file"], [])
        shown = found if verbose else found[:FIRST_PROBLEMS]
        lines += ["  " + format_problem(p) for p in shown]
        if len(found) > len(shown):
            lines.append(f"  …另有 {len(found) - len(shown)} 条问题（kg build -v 全部列出；"
                         f"manifest.json 的 report 中也有）")
    stats = graph.nx.graph.get("link_stats") or {}
    if stats.get("joined") or stats.get("apart"):
        lines.append(f"企业链接: 文件中的企业与名录企业合一 {stats['joined']} 个（其中按简称链接 "
                     f"{stats['by_alias']} 个），简称未能唯一确定而未链接 {stats['apart']} 个"
                     f"（候选已记录，kg firm 名称 可查）")
    conflicts = graph.nx.graph.get("conflicts") or {}
    if conflicts:
        lines.append(f"代码冲突: {len(conflicts)} 个代码登记给了名称不同的企业，均未作键、未合并"
                     f"（kg firm 名称 显示冲突）")
    for entry in graph.nx.graph.get("coverage") or []:
        scope = "、".join(s.split("/", 1)[-1] for s in entry["scope"]) or "无"
        place = entry["place"].split("/", 1)[-1]
        if entry["declared"]:
            lines.append(f"覆盖: {entry['registry']} 声明为 {place} 的完整名录（产业链：{scope}）")
        elif verbose:
            lines.append(f"覆盖建议: {entry['registry']} 的企业位于 {place}（建议产业链：{scope}）；"
                         f"它是完整名录时用 --covers {place} --scope … 声明")
    return lines


def built_line(path, counts: dict) -> str:
    """The last line of ``kg build``: the workspace and its nodes and relations.

    >>> built_line("ws", {"nodes": {"Firm": 2, "Zone": 1}, "relations": {"LOCATED_IN": 2}})
    '已建成 ws：节点 3 个（企业 2、开发区 1），关系 2 条'
    """
    from kg.vocab import LABELS_ZH

    nodes = "、".join(f"{LABELS_ZH.get(label) or label} {n}" for label, n in counts["nodes"].items())
    return (f"已建成 {path}：节点 {sum(counts['nodes'].values())} 个（{nodes}），"
            f"关系 {sum(counts['relations'].values())} 条")


@click.command("stats")
@output_options
@workspace_option
def stats_command(fmt, output, workspace):
    """Count the workspace's nodes per label and relations per type.

    \b
      kg stats
      kg stats --format json
    """
    from kg.api_inputs import stats_rows  # the same rows as ws.stats()

    emit(stats_rows(workspace), fmt, output)


COMMANDS = [build_command, stats_command]
