"""On the five-document corpus the extraction meets the quality floors of issue 3,
and every span and quote points into the text the loader returns."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from kg.loaders.documents import extract_document, read_document, read_text
from kg.loaders.records import to_records

CORPUS = Path(__file__).parent / "fixtures" / "corpus"
DOCS = sorted((CORPUS / "docs").glob("*.txt"))
FLOORS = {"firm": 0.90, "zone": 0.90, "platform": 0.90, "region": 0.90, "chain": 0.85,
          "project": 0.75, "industry": 0.70}
ROLE_FLOOR = 0.90


@pytest.fixture(scope="module")
def extractions():
    return [extract_document(path) for path in DOCS]


@pytest.fixture(scope="module")
def scores(extractions, tmp_path_factory):
    predictions = tmp_path_factory.mktemp("score") / "predictions.jsonl"
    with open(predictions, "w", encoding="utf-8") as handle:
        for extraction in extractions:
            for row in to_records(extraction):
                handle.write(json.dumps(row, ensure_ascii=False) + "\n")
    out = subprocess.run([sys.executable, str(CORPUS / "score.py"), str(predictions),
                          str(CORPUS / "gold"), "--json"], capture_output=True, text=True,
                         check=True)
    return json.loads(out.stdout)


@pytest.mark.parametrize("etype", sorted(FLOORS))
def test_f1_meets_the_floor(scores, etype):
    """Each entity type's F1 on the corpus is at least the issue's floor."""
    assert scores["types"][etype]["f1"] >= FLOORS[etype], scores["types"][etype]


def test_firm_roles_are_right(scores):
    """Firms found get the right role (local / target / other) at least 90% of the time."""
    assert scores["firm_role_accuracy"] >= ROLE_FLOOR


def test_every_quote_is_the_text_at_its_span(extractions):
    """quote == text[start:end] for every fact of every document."""
    for path in DOCS:
        text = read_text(path)
        facts = list(read_document(path))
        assert facts
        for fact in facts:
            src = fact.source
            assert src.doc == path.name
            assert src.quote == text[src.start:src.end]
            assert src.sentence is not None


def test_names_broken_by_a_line_break_are_joined():
    """'外商投资企业80\\n\\n家' reads as one sentence; its quote keeps the break."""
    ex = extract_document(CORPUS / "docs" / "000_1af8983ef0734887.txt")
    sentence = next(s for s in ex.sentences if "共有外商投资企业80家" in s.text)
    start, end = sentence.span(0, len(sentence.text))
    assert "80\n\n家" in ex.text[start:end]


def test_bare_high_tech_zone_is_the_documents_own_zone(extractions):
    """A bare 高新区 is 郑州高新区 in the Zhengzhou news and 新乡高新区 in the Xinxiang plan."""
    homes = {ex.doc: ex.home_zone for ex in extractions}
    assert homes["000_1af8983ef0734887.txt"] == "郑州高新区"
    assert homes["003_b7d2662c2d01476f.txt"] == "新乡高新区"
    zones = {e.name: e.aliases for e in extractions[3].entities if e.label == "Zone"}
    assert any("经开区" in aliases for aliases in zones.values())
