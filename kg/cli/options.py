"""Option bundles that every command shares, written once.

``@workspace_option`` adds ``--workspace``; ``@output_options`` adds ``--format`` and
``-o``; :func:`emit` writes rendered rows to the file or stdout.
"""
from __future__ import annotations

import functools
import sys
from pathlib import Path

import click

from kg.output import FORMATS, render
from kg.workspace import Workspace


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
    """``--format table|json|csv|md`` and ``-o FILE`` → ``fmt``, ``output``."""
    @click.option("--format", "-f", "fmt", type=click.Choice(FORMATS), default="table",
                  show_default=True, help="Output format.")
    @click.option("--output", "-o", "output", type=click.Path(dir_okay=False), default=None,
                  help="Write to FILE instead of stdout.")
    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        return func(*args, **kwargs)
    return wrapper


def emit(rows: list, fmt: str, output: str | None, *, columns=None) -> None:
    """Render rows and write them to ``output`` (UTF-8) or stdout."""
    text = render(rows, fmt, columns=columns)
    write_text(text, output)


def write_text(text: str, output: str | None) -> None:
    """Write text to a file atomically, or to stdout."""
    if output:
        from kg import atomic

        path = Path(output)
        atomic.write_text(path, text + "\n")
        click.echo(f"wrote {path}", err=True)
    else:
        click.echo(text, file=sys.stdout)
