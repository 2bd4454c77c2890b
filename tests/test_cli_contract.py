"""Every listing command speaks the same options, shows an example, and its JSON is documented."""
import json
import re
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from kg.cli import cli
from kg.output import FORMATS
from kg.queries.fixtures import sensor_graph
from kg.workspace import Workspace

LISTING = ("gaps", "chains", "zone", "targets", "cypher", "sparql", "extract")
JSON_DOC = Path(__file__).resolve().parent.parent / "docs" / "json.md"
# A run of each command on the sample workspace whose JSON keys docs/json.md lists.
SAMPLE_RUNS = {
    "gaps": ["gaps", "智能传感器", "--zone", "郑州高新区"],
    "chains": ["chains"],
    "zone": ["zone", "郑州高新区"],
    "targets": ["targets", "--zone", "郑州高新区"],
}


def commands(group=cli, prefix="kg"):
    """(path, command) of every command, descending into groups."""
    for name, command in sorted(group.commands.items()):
        yield f"{prefix} {name}", command
        if isinstance(command, click.Group):
            yield from commands(command, f"{prefix} {name}")


def command(name):
    assert name in cli.commands, f"`kg {name}` is not registered"
    return cli.commands[name]


@pytest.mark.parametrize("name", LISTING)
def test_listing_commands_take_format_and_output(name):
    """A listing command accepts --format table|json|csv|md and -o FILE, like every other."""
    params = {opt: p for p in command(name).params for opt in p.opts}
    fmt = params.get("--format")
    assert fmt is not None and "-f" in fmt.opts, f"kg {name} has no --format/-f"
    assert set(FORMATS) <= set(fmt.type.choices) and fmt.default == "table"
    out = params.get("--output")
    assert out is not None and "-o" in out.opts, f"kg {name} has no --output/-o"


@pytest.mark.parametrize("path", [p for p, _ in commands()])
def test_every_command_help_shows_an_example(path):
    """`kg … --help` exits 0 and shows at least one example command line."""
    args = path.split()[1:]
    result = CliRunner().invoke(cli, [*args, "--help"])
    assert result.exit_code == 0, result.output
    assert re.search(rf"^\s+{re.escape(path)}\b", result.output, re.M), \
        f"`{path} --help` shows no example"


def documented_keys() -> dict:
    """{command: [keys]} from docs/json.md's sections `## kg NAME` and their key tables."""
    found, current = {}, None
    for line in JSON_DOC.read_text(encoding="utf-8").splitlines():
        heading = re.match(r"^## `kg (\w+)", line)
        if heading:
            current = heading.group(1)
            found[current] = []
        elif current and (cell := re.match(r"^\| `(\w+)` \|", line)):
            found[current].append(cell.group(1))
    return found


@pytest.mark.parametrize("name", LISTING)
def test_every_listing_command_has_its_json_documented(name):
    """docs/json.md has a section for each registered listing command."""
    command(name)
    assert name in documented_keys(), f"docs/json.md does not document `kg {name}`"


@pytest.fixture(scope="module")
def workspace(tmp_path_factory):
    path = tmp_path_factory.mktemp("ws")
    Workspace(path).save(sensor_graph(), inputs=[])
    return path


@pytest.mark.parametrize("name", sorted(SAMPLE_RUNS))
def test_json_rows_have_the_documented_keys(name, workspace):
    """The JSON rows of a command have exactly the keys docs/json.md lists, in that order."""
    command(name)
    result = CliRunner().invoke(cli, [*SAMPLE_RUNS[name], "-f", "json", "-w", str(workspace)])
    assert result.exit_code == 0, result.stderr
    rows = json.loads(result.stdout)
    assert rows, f"kg {name} gave no rows on the sample"
    assert list(rows[0]) == documented_keys()[name]
