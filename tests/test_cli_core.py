"""The kg command's shell: version, help, exit codes, errors on stderr."""
from click.testing import CliRunner

from kg import KnowledgeGraph, __version__
from kg.cli import cli
from kg.facts import Source
from kg.workspace import Workspace


def run(*args, env=None):
    return CliRunner().invoke(cli, list(args), env=env, catch_exceptions=False)


def test_version_prints_the_package_version():
    """`kg --version` names the tool and its version."""
    result = run("--version")
    assert result.exit_code == 0
    assert __version__ in result.output


def test_help_lists_commands_with_an_example():
    """`kg --help` says what the tool does and shows example commands."""
    result = run("--help")
    assert result.exit_code == 0
    assert "kg build" in result.output and "build" in result.output and "stats" in result.output


def test_every_command_has_help_with_an_example():
    """Each subcommand's --help exits 0 and shows at least one `kg …` example line."""
    for name, command in cli.commands.items():
        result = run(name, "--help")
        assert result.exit_code == 0, name
        assert f"kg {name}" in result.output, f"`kg {name} --help` shows no example"


def test_missing_workspace_is_a_user_error_with_exit_code_1(tmp_path):
    """A reading command with no workspace tells the user to build, on stderr, exit 1."""
    result = CliRunner().invoke(cli, ["stats", "--workspace", str(tmp_path / "none")])
    assert result.exit_code == 1
    assert "run `kg build` first" in result.stderr
    assert result.stdout == ""


def test_unknown_option_is_a_usage_error_with_exit_code_2():
    """Misused options exit 2, click's usage code."""
    result = CliRunner().invoke(cli, ["stats", "--no-such-option"])
    assert result.exit_code == 2


def test_stats_prints_counts_as_data_on_stdout(tmp_path):
    """`kg stats --format json` writes the counts to stdout and nothing else."""
    g = KnowledgeGraph()
    g.add_entity("Zone", "郑州高新区", source=Source("a.txt", 0, 0, 5, "郑州高新区"))
    Workspace(tmp_path / "ws").save(g, inputs=[])
    result = CliRunner().invoke(cli, ["stats", "-f", "json", "-w", str(tmp_path / "ws")])
    assert result.exit_code == 0, result.stderr
    assert '"type": "Zone"' in result.stdout
    assert result.stderr == ""
    table = CliRunner().invoke(cli, ["stats", "-w", str(tmp_path / "ws")]).stdout
    assert "数量" in table.splitlines()[0] and "企业数" not in table  # it counts nodes, not firms


def test_workspace_comes_from_the_environment(tmp_path):
    """KG_WORKSPACE points reading commands at a workspace."""
    g = KnowledgeGraph()
    g.add_entity("Zone", "郑州高新区", source=Source("a.txt", 0, 0, 5, "郑州高新区"))
    Workspace(tmp_path / "ws").save(g, inputs=[])
    result = CliRunner().invoke(cli, ["stats"], env={"KG_WORKSPACE": str(tmp_path / "ws")})
    assert result.exit_code == 0 and "Zone" in result.stdout
