"""The suite and the package themselves: no test is silently shadowed, none hides behind a skip
on a hard dependency, no package function outgrows 80 lines.

A second ``def test_x`` in one module replaces the first, and pytest runs only the second
(ruff's F811 says so too, but only where ruff runs); an ``importorskip`` of a package
setup.cfg installs turns a broken install into a green run.
"""
import ast
import configparser
import re
from collections import Counter
from pathlib import Path

TESTS = Path(__file__).parent
ROOT = TESTS.parent


def defined_tests(tree: ast.Module) -> list:
    """Names of the test functions and classes defined in a module, with class methods
    as ``Class.method``, in the order written (repeats kept)."""
    names = []
    for node in tree.body:
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) and node.name.startswith("test"):
            names.append(node.name)
        elif isinstance(node, ast.ClassDef) and node.name.startswith("Test"):
            names.append(node.name)
            names += [f"{node.name}.{item.name}" for item in node.body
                      if isinstance(item, (ast.FunctionDef, ast.AsyncFunctionDef))
                      and item.name.startswith("test")]
    return names


def repeated(source: str) -> list:
    """Test names defined more than once in ``source``.

    >>> repeated("def test_a():\\n    pass\\ndef test_b():\\n    pass\\ndef test_a():\\n    pass\\n")
    ['test_a']
    """
    return sorted(n for n, k in Counter(defined_tests(ast.parse(source))).items() if k > 1)


def test_the_check_finds_a_shadowed_test_in_a_class():
    """A method defined twice in a test class is found, not only module-level functions."""
    source = "class TestX:\n    def test_b(self):\n        pass\n\n    def test_b(self):\n        pass\n"
    assert repeated(source) == ["TestX.test_b"]


def test_no_test_name_is_defined_twice_in_a_module():
    """Every test module defines each test function, class and method once."""
    found = {path.name: repeated(path.read_text(encoding="utf-8"))
             for path in sorted(TESTS.glob("test_*.py"))}
    assert {name: names for name, names in found.items() if names} == {}


def installed_requirements() -> set:
    """Import names of setup.cfg's install_requires (the hard dependencies)."""
    cfg = configparser.ConfigParser()
    cfg.read(ROOT / "setup.cfg", encoding="utf-8")
    names = set()
    for line in cfg["options"]["install_requires"].splitlines():
        match = re.match(r"\s*([A-Za-z0-9_.\-]+)", line)
        if match:
            names.add(match.group(1).lower().replace("-", "_"))
    return names


def test_no_importorskip_of_a_hard_dependency():
    """No test skips itself when a package setup.cfg installs (or the project) is missing."""
    hard = installed_requirements() | {"kg"}
    assert "networkx" in hard  # the parse read the real list
    offenders = []
    for path in sorted(TESTS.glob("*.py")):
        for match in re.finditer(r"importorskip\(\s*[\"']([\w.]+)", path.read_text(encoding="utf-8")):
            if match.group(1).split(".")[0].lower() in hard:
                offenders.append(f"{path.name}: {match.group(1)}")
    assert offenders == []


def long_functions(source: str, limit: int = 80) -> list:
    """``(name, lines)`` of the functions in ``source`` longer than ``limit`` lines.

    >>> long_functions("def f():\\n" + "    x = 1\\n" * 3, limit=3)
    [('f', 4)]
    """
    return [(node.name, node.end_lineno - node.lineno + 1) for node in ast.walk(ast.parse(source))
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef))
            and node.end_lineno - node.lineno + 1 > limit]


def test_no_package_function_is_longer_than_80_lines():
    """STYLE: functions stay short enough to read; a longer one is split into named steps."""
    found = {}
    for folder in ("kg", "loaders", "queries", "ontology"):
        for path in sorted((ROOT / folder).rglob("*.py")):
            too_long = long_functions(path.read_text(encoding="utf-8"))
            if too_long:
                found[str(path.relative_to(ROOT))] = too_long
    assert found == {}
