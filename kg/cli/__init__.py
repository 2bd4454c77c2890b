"""The ``kg`` command: a thin shell over the library.

Each command group lives in its own module and is registered here explicitly.
Errors of the :class:`kg.errors.KGError` family become one line on stderr and exit
code 1; usage errors exit 2.
"""
from __future__ import annotations

import logging
import signal
import sys

import click

from kg import __version__
from kg.errors import KGError
from kg.progress import set_quiet

log = logging.getLogger("kg")


def echo_error(message) -> None:
    """The one ``kg: error: …`` line on stderr (for an error or a message saying what failed)."""
    click.echo(f"kg: error: {message}", err=True)


class KGGroup(click.Group):
    """A click group that turns KGError into a message and an exit code."""

    def invoke(self, ctx):
        try:
            return super().invoke(ctx)
        except KGError as err:
            echo_error(err)
            ctx.exit(err.exit_code)
        except BrokenPipeError:  # `kg gaps … | head` closed the pipe: not an error
            sys.stderr.close()
            ctx.exit(0)


@click.group(cls=KGGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="kg")
@click.option("-v", "--verbose", count=True, help="More log output on stderr (-vv for debug).")
@click.option("-q", "--quiet", is_flag=True, help="Only errors on stderr; no progress bars.")
def cli(verbose: int, quiet: bool) -> None:
    """Knowledge graph of development zones, industry chains and firms.

    \b
    Build the graph from planning documents and firm registries, then ask it
    which links of a chain have no local firm (缺链) and who could fill them:
      kg build                      # the bundled sample documents
      kg gaps 传感器 --zone 郑州高新区
      kg view chain 传感器 --zone 郑州高新区 -o sensor.html
    """
    level = logging.ERROR if quiet else (logging.WARNING, logging.INFO, logging.DEBUG)[min(verbose, 2)]
    logging.basicConfig(level=level, format="kg: %(levelname)s: %(message)s", stream=sys.stderr,
                        force=True)
    set_quiet(quiet)


def _register() -> None:
    from kg.cli import build, extract, query, report, stores, templates, view

    for module in (build, extract, query, stores, view, report, templates):
        for command in module.COMMANDS:
            cli.add_command(command)


_register()


def main() -> None:
    """Console-script entry point."""
    signal.signal(signal.SIGTERM, _exit_on_sigterm)
    cli(prog_name="kg")


def _exit_on_sigterm(signum, frame) -> None:
    """SIGTERM (``kill``, a job scheduler, a container stopping) ends kg as Ctrl-C does:
    cleanup runs — a build's temporary files and unfinished generation are removed, the
    live workspace stays — and the exit code is 128 + 15."""
    raise SystemExit(128 + signum)
