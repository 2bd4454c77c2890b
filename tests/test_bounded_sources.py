"""A node or relation keeps its first sources; every further mention stays traceable in the
graph's mention table (document, sentence, span), through merges and a workspace round trip."""
from __future__ import annotations

from kg import KnowledgeGraph
from kg.facts import SOURCE_LIMIT
from kg.loaders.documents import read_document
from kg.workspace import Workspace

SENTENCE = "郑州高新区积极引进三一重工等龙头企业。"


def _document(tmp_path, times: int):
    path = tmp_path / "plan.txt"
    path.write_text(SENTENCE * times, encoding="utf-8")
    return path


def test_a_name_said_many_times_keeps_few_sources_and_every_mention(tmp_path):
    """Said 60 times, a firm keeps SOURCE_LIMIT sources on its node; all 60 mentions are in the table, each pointing at the name in the text."""
    times = 60
    path = _document(tmp_path, times)
    text = path.read_text(encoding="utf-8")
    g = KnowledgeGraph()
    g.add_facts(read_document(path))
    firm = g.resolve("三一重工", "Firm")
    sources = g.node(firm)["sources"]
    assert len(sources) == SOURCE_LIMIT
    assert g.mentions.count(sources, firm) == times
    spans = {(s["sentence"], s["start"], s["end"]) for s in sources + g.mentions.rows(firm)}
    assert len(spans) == times
    assert all(text[start:end] == "三一重工" for _, start, end in spans)
    assert {s["doc"] for s in g.mentions.rows(firm)} == {"plan.txt"}
    for u, v, key, data in g.nx.edges(keys=True, data=True):
        assert len(data["sources"]) <= SOURCE_LIMIT, (u, key, v)


def test_mentions_survive_the_workspace_and_a_merge(tmp_path):
    """The table is saved with the workspace, and merging two nodes moves the dropped one's mentions."""
    g = KnowledgeGraph()
    a = g.add_entity("Firm", "甲科技有限公司")
    b = g.add_entity("Firm", "乙科技有限公司")
    for i in range(SOURCE_LIMIT + 5):
        g.add_entity("Firm", "甲科技有限公司", source={"doc": "a.txt", "sentence": i, "start": 0, "end": 7})
        g.add_entity("Firm", "乙科技有限公司", source={"doc": "b.txt", "sentence": i, "start": 0, "end": 7})
    keep = g.merge_nodes(a, b)
    assert g.mentions.count(g.node(keep)["sources"], keep) == 2 * (SOURCE_LIMIT + 5)
    ws = Workspace(tmp_path / "ws")
    ws.save(g, [])
    loaded = ws.load()
    rows = loaded.mentions.rows(keep)
    assert len(loaded.node(keep)["sources"]) + len(rows) == 2 * (SOURCE_LIMIT + 5)
    assert {r["doc"] for r in rows} == {"a.txt", "b.txt"}


def test_a_repeated_source_is_counted_once():
    """The same sentence and span added twice past the limit is one mention."""
    g = KnowledgeGraph()
    for _ in range(2):
        for i in range(SOURCE_LIMIT + 3):
            node = g.add_entity("Zone", "郑州高新区",
                                source={"doc": "a.txt", "sentence": i, "start": 0, "end": 5})
    assert g.mentions.count(g.node(node)["sources"], node) == SOURCE_LIMIT + 3
