"""Option bundles that every command shares, written once.

``@workspace_option`` adds ``--workspace``; ``@output_options`` adds ``--format``,
``-o``, ``--lang``, ``--keys``, ``--wide``, ``--top`` and ``--all``; :func:`emit` writes
rendered rows to the file (format from its suffix unless ``--format`` is given) or stdout.
"""
from __future__ import annotations

import functools
import os
import shutil
import sys
from dataclasses import dataclass
from pathlib import Path

import click
from click.core import ParameterSource

from kg.output import FILE_FORMATS, TOP, OutputFormatError, format_for, render, write_rows
from kg.workspace import Workspace

_META = "kg.output"
# commands whose columns are the user's own (RETURN … AS x, SELECT ?x): shown as written,
# never renamed into Chinese headers
USER_COLUMNS = {"cypher", "sparql"}


def said_written(path, more: str = "") -> None:
    """Tell stderr what a command wrote: ``已写入 out.xlsx`` (and ``more``)."""
    click.echo(f"已写入 {path}{more}", err=True)


@dataclass
class OutputSpec:
    """How a command's rows are shown: words, keys, width and how many names a cell lists."""

    lang: str = "zh"
    keys: str | None = None
    wide: bool = False
    top: int | None = TOP
    bad_output: str | None = None  # -o FILE whose suffix names no row format


def workspace_option(func):
    """``--workspace DIR`` (default ``$KG_WORKSPACE`` or ``./kg-workspace``) → ``workspace``."""
    @click.option("--workspace", "-w", "workspace", type=click.Path(file_okay=False),
                  default=None, envvar="KG_WORKSPACE", show_envvar=True,
                  help="Workspace directory [default: ./kg-workspace].")
    @functools.wraps(func)
    def wrapper(*args, workspace=None, **kwargs):
        return func(*args, workspace=Workspace(workspace), **kwargs)
    return wrapper


def output_options(func):
    """``--format``, ``-o FILE`` and the display options → ``fmt``, ``output``.

    ``fmt`` reaching the command is the format that will be written: ``--format`` when
    given, else the suffix of ``-o FILE`` (.xlsx .csv .md .json .html .txt), else table.
    """
    @click.option("--format", "-f", "fmt", type=click.Choice(FILE_FORMATS), default="table",
                  show_default=True,
                  help="Output format [default: from the -o suffix, else table].")
    @click.option("--output", "-o", "output", type=click.Path(dir_okay=False), default=None,
                  help="Write to FILE (.xlsx .csv .md .json .html .txt) instead of stdout.")
    @click.option("--lang", type=click.Choice(["zh", "en"]), default="zh", show_default=True,
                  help="Words of headers and statuses in tables, Markdown, HTML, Excel, CSV.")
    @click.option("--keys", type=click.Choice(["zh", "en"]), default="zh", show_default=True,
                  help="CSV/Excel header row: Chinese headers, or the stable English keys "
                       "of docs/json.md with raw values (for machines).")
    @click.option("--wide", is_flag=True, help="Do not fit the table to the terminal.")
    @click.option("--top", type=click.IntRange(min=1), default=TOP, show_default=True,
                  help="Names a cell lists before “…及其他 N 家” (JSON lists as many).")
    @click.option("--all", "all_", is_flag=True, help="List every name (no --top cut).")
    @functools.wraps(func)
    def wrapper(*args, fmt, output, lang, keys, wide, top, all_, **kwargs):
        ctx = click.get_current_context()
        bad = None
        if output and ctx.get_parameter_source("fmt") is ParameterSource.DEFAULT:
            try:
                fmt = format_for(output)
            except OutputFormatError as err:
                # a usage error (exit 2) when rows are written there; a command may write
                # another kind of file to -o (kg sparql --write: TriG)
                bad = str(err)
        if fmt == "xlsx" and not output:
            raise click.UsageError("--format xlsx needs -o FILE (a workbook is not text)")
        raw = ctx.command.name in USER_COLUMNS
        ctx.meta[_META] = OutputSpec(lang="en" if raw else lang,
                                     keys="en" if keys == "en" or raw else None, wide=wide,
                                     top=None if all_ else top, bad_output=bad)
        return func(*args, fmt=fmt, output=output, **kwargs)
    return wrapper


def current_spec() -> OutputSpec:
    """The display options of the running command (defaults outside one)."""
    ctx = click.get_current_context(silent=True)
    return (ctx.meta.get(_META) if ctx else None) or OutputSpec()


def screen_width() -> int:
    """Columns of the terminal: ``COLUMNS`` when set, else the terminal's, else 80."""
    columns = os.environ.get("COLUMNS", "")
    if columns.isdigit() and int(columns) > 0:
        return int(columns)
    return shutil.get_terminal_size((80, 24)).columns


def emit(rows: list, fmt: str, output: str | None, *, columns=None) -> None:
    """Render rows and write them to ``output`` (in ``fmt``) or stdout."""
    spec = current_spec()
    if output and spec.bad_output:
        raise click.BadParameter(spec.bad_output, param_hint="'-o' / '--output'")
    if output:
        path = write_rows(rows, output, fmt, columns=columns, lang=spec.lang, keys=spec.keys,
                          top=spec.top)
        said_written(path)
        return
    screen = None if spec.wide or fmt != "table" else screen_width()
    text = render(rows, fmt, columns=columns, lang=spec.lang, keys=spec.keys, screen=screen,
                  top=spec.top)
    click.echo(text, file=sys.stdout)


def write_text(text: str, output: str | None) -> None:
    """Write text to a file atomically, or to stdout."""
    if output:
        from kg import atomic

        path = Path(output)
        atomic.write_text(path, text + "\n")
        said_written(path)
    else:
        click.echo(text, file=sys.stdout)
