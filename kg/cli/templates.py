"""``kg templates``: the chain templates (shipped and your own), listed or shown link by link."""
from __future__ import annotations

import click

from kg.cli.options import emit, output_options


@click.command("templates")
@click.argument("chain", required=False)
@click.option("--template", "-t", "extra", multiple=True, type=click.Path(dir_okay=False),
              help="Your own template YAML as well (repeatable); one of the same chain replaces "
                   "the shipped one.")
@output_options
def templates_command(chain, extra, fmt, output):
    """List the chain templates, or show one CHAIN's links with their words and codes.

    \b
    Each template names its links upstream to downstream, the words and industry
    codes (申万 sw:, GB/T 4754-2017 gb:) that place a firm on a link, and the
    public document it comes from (docs/chain-templates.md).
      kg templates
      kg templates 氢能
      kg templates 物联网 --format json
      kg templates -t my-chain.yaml
    """
    # imported here, as the other commands do, so that YAML is read only by this command
    from kg.loaders.templates import (find_template, load_templates, template_link_rows,
                                      template_rows)

    templates = load_templates(extra)
    if chain is None:
        emit(template_rows(templates), fmt, output)
        return
    template = find_template(templates, chain)
    if template.name != chain:
        click.echo(f"kg: {chain!r} → template {template.name}", err=True)
    for source in template.sources:
        click.echo(f"kg: {template.name} 来源: {source.get('title', '')} {source['url']}", err=True)
    emit(template_link_rows(template), fmt, output)


COMMANDS = [templates_command]
