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
@workspace_option
def build_command(sources, registries, templates, mapping, home_zone, home_region, strict,
                  workspace):
    """Build the graph from documents and registries into the workspace.

    \b
    SOURCES are documents (.txt .html .docx .pdf). With none, the bundled sample
    documents (郑州高新区, 新乡市) and the illustrative sample registry are used.
      kg build
      kg build 规划.docx 报告.pdf --registry firms.csv --zone 新乡高新区
    """
    result = build(sources, registries, workspace=workspace.path, templates=templates or None,
                   home_zone=home_zone, home_region=home_region,
                   mapping=parse_mapping(mapping), strict=strict)
    counts = result.manifest["counts"]
    nodes = ", ".join(f"{n} {label}" for label, n in counts["nodes"].items())
    click.echo(f"built {workspace.path}: {sum(counts['nodes'].values())} nodes ({nodes}), "
               f"{sum(counts['relations'].values())} relations", err=True)
    if result.errors:
        echo_error(f"{len(result.errors)} source(s) could not be read (see above); "
                   "the others were built")
        raise SystemExit(1)


@click.command("stats")
@output_options
@workspace_option
def stats_command(fmt, output, workspace):
    """Count the workspace's nodes per label and relations per type.

    \b
      kg stats
      kg stats --format json
    """
    workspace.load()
    manifest = workspace.manifest()
    rows = [{"kind": "node", "type": k, "count": v} for k, v in manifest["counts"]["nodes"].items()]
    rows += [{"kind": "relation", "type": k, "count": v}
             for k, v in manifest["counts"]["relations"].items()]
    emit(rows, fmt, output)


COMMANDS = [build_command, stats_command]
