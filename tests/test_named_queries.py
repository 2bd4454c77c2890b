"""Every named query in queries/*.cypher answers on the embedded store as its Python twin does.

Generic over the files: parameters come from each file's ``Example:`` line (sample
graph) or from the graph itself (generated graph of thousands of firms); the Python
twin is the function of :mod:`kg.queries` with the file's name. Profiles, which Python
returns as field/value rows, are compared field by field.
"""
from __future__ import annotations

import inspect
import re
import shlex

import pytest

from kg import queries
from kg.answers import resolve_params
from kg.stores.embedded import STORE_DIR, EmbeddedEngine, write_embedded
from kg.stores.fixtures import generated_graph
from kg.stores.named import list_queries, named_query, parse_param_options, run_named

NAMES = [q.name for q in list_queries()]
NOTE = re.compile(r" \([^()]*\)$")  # Python profiles annotate values: "(inferred)", "(leading)", "(0.8: …)"


def example_params(query) -> dict:
    """The -p values of a query's Example line."""
    words = shlex.split(query.example)
    return parse_param_options([words[i + 1] for i, w in enumerate(words) if w in ("-p", "--param")])


def comparable(value, profile: bool = False):
    if profile and isinstance(value, str):
        return NOTE.sub("", value)
    if isinstance(value, list):
        items = [comparable(v, profile) for v in value]
        return sorted(items) if all(isinstance(v, str) for v in items) else items
    return value


def python_rows(name: str, graph, params: dict, columns: list) -> list:
    """The Python twin's rows; a query with a ``names`` parameter lists only that many
    names (the first by name) of each list, so the twin's lists are cut the same way."""
    func = getattr(queries, name)
    accepted = inspect.signature(func).parameters
    rows = func(graph, **{k: v for k, v in params.items() if k in accepted})
    profile = bool(rows) and all(set(r) >= {"field", "value"} for r in rows)
    if profile:  # Python gives a profile as field/value rows, Cypher as one row
        rows = [{r["field"]: r["value"] for r in rows}]
    cap = params.get("names")
    return [{c: _cut(comparable(r.get(c), profile), cap) for c in columns if c in r} for r in rows]


def _cut(value, cap):
    if cap is None or not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        return value
    return value[:cap]


def assert_same(name, engine, graph, params):
    """The query's rows, its names resolved to ids as `kg cypher --name` resolves them, equal
    the Python twin's for the names as given."""
    query = named_query(name)
    columns, rows = run_named(engine, name, resolve_params(graph, params))
    py = python_rows(name, graph, query.bind(params), columns)
    shared = set(py[0]) if py else set(columns)
    cy = [{c: comparable(r[c]) for c in columns if c in shared} for r in rows]
    assert cy == py, f"{name} {params}"


@pytest.fixture(scope="module")
def sample(sample_workspace):
    """The bundled sample as `kg build` wrote it (shared by the session): graph and store."""
    from kg.workspace import Workspace

    ws = Workspace(sample_workspace)
    with EmbeddedEngine(ws) as engine:
        yield ws.load(), engine


@pytest.fixture(scope="module")
def generated(tmp_path_factory):
    graph = generated_graph(3000)
    folder = tmp_path_factory.mktemp("generated")
    write_embedded(graph, folder)
    with EmbeddedEngine(folder / STORE_DIR) as engine:
        yield graph, engine


def test_there_are_named_queries():
    """queries/ ships named queries, each with a Python twin of the same name."""
    assert NAMES
    for name in NAMES:
        assert callable(getattr(queries, name, None)), f"kg.queries has no {name}()"


@pytest.mark.parametrize("name", NAMES)
def test_named_query_equals_python_on_the_sample(sample, name):
    """On the built sample graph, the named query with its example parameters answers as Python."""
    graph, engine = sample
    assert_same(name, engine, graph, example_params(named_query(name)))


def _generated_params(graph, name: str) -> list:
    names = {label: sorted(d["name"] for _, d in graph.nodes(label))
             for label in ("Chain", "Zone", "Firm")}
    wanted = [p.name for p in named_query(name).parameters if p.default is None]
    choices = {"chain": names["Chain"], "zone": names["Zone"][:4], "firm": names["Firm"][:3]}
    if "link" in wanted:
        return [{"chain": "传感器", "link": link} for link in ("MEMS芯片", "敏感材料")]
    out = [{}]
    for param in wanted:
        out = [{**o, param: v} for o in out for v in choices[param]]
    return out


@pytest.mark.parametrize("name", NAMES)
def test_named_query_equals_python_on_a_generated_graph(generated, name):
    """On a generated graph of 3,000 firms, every named query answers as Python for many values."""
    graph, engine = generated
    for params in _generated_params(graph, name):
        assert_same(name, engine, graph, params)
