"""``kg extract``: the facts a document yields, as records for people or for scoring."""
from __future__ import annotations

import json

import click

from kg.cli import echo_error
from kg.cli.options import said_written, write_text
from kg.output import FILE_FORMATS, render, write_rows

COLUMNS = ["doc", "type", "name", "role", "kind", "industry", "zone", "investment", "links",
           "aliases", "evidence"]


@click.command("extract")
@click.argument("files", nargs=-1, required=True, type=click.Path(dir_okay=False))
@click.option("--format", "-f", "fmt", type=click.Choice(FILE_FORMATS + ("jsonl",)), default="table",
              show_default=True,
              help="Output format; jsonl is one record a line (for scoring) "
                   "[default: from the -o suffix, else table].")
@click.option("--output", "-o", "output", type=click.Path(dir_okay=False), default=None,
              help="Write to FILE (.xlsx .csv .md .json .jsonl .html .txt) instead of stdout.")
@click.option("--zone", "home_zone", default=None,
              help="The documents' own zone (else inferred from each text).")
@click.option("--region", "home_region", default=None,
              help="The documents' own region (else inferred from each text).")
def extract_command(files, fmt, output, home_zone, home_region):
    """Extract regions, zones, industries, chains, firms, platforms and projects.

    \b
    FILES are documents (.txt .html .docx .pdf). A file that cannot be read is
    reported on stderr and the others are still extracted (exit code 1).
      kg extract 规划.docx
      kg extract docs/*.txt --format jsonl -o predictions.jsonl
      kg extract 报告.pdf --zone 新乡高新区 --format md
    """
    from kg.errors import SourceError
    from kg.loaders.documents import extract_records

    from click.core import ParameterSource

    if click.get_current_context().get_parameter_source("fmt") is ParameterSource.DEFAULT \
            and output:
        fmt = None  # the suffix says
    if fmt == "xlsx" and not output:
        raise click.UsageError("--format xlsx needs -o FILE (a workbook is not text)")

    rows, failed = [], []
    for path in files:
        try:
            rows.extend(extract_records(path, home_zone=home_zone, home_region=home_region))
        except SourceError as err:
            echo_error(err)
            failed.append(path)
    if fmt is None and output and str(output).lower().endswith(".jsonl"):
        fmt = "jsonl"
    columns = [c for c in COLUMNS if any(c in row for row in rows)] or None
    if fmt == "jsonl":
        write_text("\n".join(json.dumps(row, ensure_ascii=False) for row in rows), output)
    elif output:  # the suffix picks the format unless --format says (outputs: one rule)
        said_written(write_rows(rows, output, fmt, columns=columns, top=None))
    else:
        write_text(render(rows, fmt or "table", columns=columns, top=None), output)
    if failed:
        raise SystemExit(1)


COMMANDS = [extract_command]
