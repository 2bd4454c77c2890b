"""The embedded store's bulk load: staging text equals the stores' cell encoding, and what
goes in comes back, whatever the characters, chunk and part sizes or empty columns."""
from __future__ import annotations

import json

import pytest

import kg.stores.embedded as embedded
from kg.graph import KnowledgeGraph
from kg.stores.embedded import STORE_DIR, EmbeddedEngine, write_embedded
from kg.stores.fixtures import HOSTILE, generated_graph
from kg.stores.schema import LIST_SEP, cell, csv_column, csv_text, source_text

AWKWARD = [HOSTILE, "", " lead and trail ", "cr\rlf\r\n", "field\x1esep", "quote\x1dchar",
           "list\x1fsep", '"quoted"', "back\\slash", "#hash", "tab\tx", "NULL", "[a,b]", "郑州高新区"]
VALUES = [None, 0, 1, -7, 2.5, True, False, *AWKWARD, ["a", "b"], ["", "x", ""], [],
          ("t", "u"), {"doc": "d.csv", "row": 3}, [{"doc": "d.csv", "row": 3}, "s"],
          ["a\x1fb"], [HOSTILE], [{"quote": HOSTILE, "start": 0}], {"b": 1, "a": [1, {"c": None}]}]


@pytest.mark.parametrize("kind", ["STRING", "STRING[]", "INT64", "DOUBLE", "BOOLEAN"])
def test_csv_column_equals_the_cell_encoding(kind):
    """csv_column gives, value for value, what csv_text(cell(value)) gives."""
    values = VALUES
    if kind in ("INT64", "DOUBLE"):
        values = [None, 0, 1, -7, 2.5, True, "3", 3.0]
    expected = [csv_text(cell(v, kind), kind) for v in values]
    assert csv_column(values, kind) == expected


def test_csv_column_drops_empty_list_items_when_asked():
    """With drop_empty, empty list items are left out (the store keeps none)."""
    values = [["", "x", ""], [""], ["a", "b"], "", ["a\x1fb", ""]]
    assert csv_column(values, "STRING[]", drop_empty=True) == [
        "x", "", f"a{LIST_SEP}b", "", "a b"]


@pytest.mark.parametrize("source", [
    {"doc": "firms.csv", "row": 12}, {"row": 12, "doc": "firms.csv", "inferred": True},
    {"doc": "a.txt", "sentence": 3, "start": 0, "end": 4, "quote": HOSTILE},
    {"doc": "x", "score": 0.25, "none": None}, {"doc": "x", "nested": {"b": [1, 2]}},
    {1: "non-string key"}, {}, {"doc": "\u2028\x00\x7f\"\\"}, {"doc": "x", "flag": False}])
def test_source_text_is_sorted_compact_json(source):
    """source_text is json.dumps with sorted keys, no spaces and raw Unicode."""
    assert source_text(source) == json.dumps(source, ensure_ascii=False, sort_keys=True,
                                             separators=(",", ":"))
    assert source_text(dict(source)) == source_text(source)  # the cached key plan is reused


def _awkward_graph() -> KnowledgeGraph:
    g = KnowledgeGraph()
    city = g.add_entity("Region", "郑州市", level="city")
    for i, text in enumerate(AWKWARD):
        zone = g.add_entity("Zone", f"第{i}区 {text}", aliases=[f"别名{i}", text or "-"],
                            source={"doc": f"doc {text}", "row": i})
        g.add_relation(zone, "IN_REGION", city, source={"doc": "d", "quote": text})
    return g


def _store(graph, tmp_path):
    write_embedded(graph, tmp_path)
    return EmbeddedEngine(tmp_path / STORE_DIR)


def test_awkward_text_round_trips(tmp_path):
    """Separators, quotes, line breaks and control characters come back exactly (a list
    item's LIST_SEP, which splits the list in staging, as a space)."""
    graph = _awkward_graph()
    with _store(graph, tmp_path) as engine:
        for node, data in graph.nodes("Zone"):
            rows = engine.run("MATCH (z:Zone) WHERE z.id = $id RETURN z.name AS name, "
                              "z.aliases AS aliases, z.sources AS sources", {"id": node})[1]
            aliases = [a.replace(LIST_SEP, " ") for a in data["aliases"]]
            assert rows == [{"name": data["name"], "aliases": aliases,
                             "sources": [source_text(s) for s in data["sources"]]}]
        rows = engine.run("MATCH (z:Zone)-[r:IN_REGION]->() RETURN r.sources AS s")[1]
        assert sorted(json.loads(r["s"][0])["quote"] for r in rows) == sorted(AWKWARD)


@pytest.mark.parametrize("batch", [0, 7])
def test_small_chunks_load_everything(tmp_path, monkeypatch, batch):
    """Rows staged in many chunks, and copied in many COPYs of a table, all arrive once each."""
    monkeypatch.setattr(embedded, "CHUNK", 3)
    monkeypatch.setattr(embedded, "BATCH_ROWS", batch)
    graph = generated_graph(60)
    with _store(graph, tmp_path) as engine:
        counts = graph.counts()
        for label, n in counts["nodes"].items():
            assert engine.run(f"MATCH (n:{label}) RETURN count(n) AS c")[1] == [{"c": n}]
        for rel, n in counts["relations"].items():
            assert engine.run(f"MATCH ()-[r:{rel}]->() RETURN count(r) AS c")[1] == [{"c": n}]
        firms = engine.run("MATCH (f:Firm) RETURN f.id AS id, f.credit_code AS code, "
                           "f.sources AS sources ORDER BY id")[1]
        assert firms == sorted(({"id": n, "code": d["credit_code"],
                                 "sources": [source_text(s) for s in d["sources"]]}
                                for n, d in graph.nodes("Firm")), key=lambda r: r["id"])


def test_empty_columns_keep_their_defaults(tmp_path):
    """A column no row fills is left out of the COPY: lists read [], other properties null."""
    g = KnowledgeGraph()
    g.add_entity("Firm", "甲公司")
    g.add_entity("Firm", "乙公司", aliases=["乙"], stock_code="000001")
    with _store(g, tmp_path) as engine:
        rows = engine.run("MATCH (f:Firm) RETURN f.name AS name, f.aliases AS aliases, "
                          "f.industry_codes AS codes, f.stock_code AS code, f.sources AS sources, "
                          "size(f.aliases) AS n ORDER BY name")[1]
    assert rows == [
        {"name": "乙公司", "aliases": ["乙"], "codes": [], "code": "000001", "sources": [], "n": 1},
        {"name": "甲公司", "aliases": [], "codes": [], "code": None, "sources": [], "n": 0}]


def test_a_failed_copy_is_one_engine_error(tmp_path, monkeypatch):
    """A COPY LadybugDB refuses is an EngineError naming the bulk load, and no thread hangs."""
    from kg.errors import EngineError

    monkeypatch.setattr(embedded._Staging, "copy_statement", lambda self: "COPY Nope FROM 'x'")
    with pytest.raises(EngineError, match="bulk load failed"):
        write_embedded(generated_graph(5), tmp_path)
