"""Documents in, typed facts with provenance out: the loader behind ``kg build``.

``read_document`` yields :class:`kg.facts.Entity` and :class:`kg.facts.Relation` facts;
``extract_records`` gives the same extraction as plain records for scoring and
``kg extract``. Both read the file once through :func:`kg.loaders.text.read_text`.

>>> import tempfile, pathlib
>>> path = pathlib.Path(tempfile.mkdtemp()) / "plan.txt"
>>> _ = path.write_text("郑州高新区积极引进三一重工等企业。", encoding="utf-8")
>>> [(r["type"], r["name"], r.get("role")) for r in extract_records(path)]
[('zone', '郑州高新区', None), ('firm', '三一重工', 'target')]
>>> facts = list(read_document(path))
>>> [f.rel for f in facts if hasattr(f, "rel")]
['IN_REGION', 'TARGETS']
"""
from __future__ import annotations

from pathlib import Path
from typing import Iterator

from kg.loaders.extract import Extraction, extract_text
from kg.loaders.graph_facts import to_facts
from kg.loaders.records import to_records
from kg.loaders.text import read_text

__all__ = ["read_document", "extract_records", "extract_document", "read_text"]


def extract_document(path, *, home_zone=None, home_region=None) -> Extraction:
    """Read and extract one document (a SourceError if it cannot be read)."""
    path = Path(path)
    text = read_text(path)
    return extract_text(text, path.name, home_zone=home_zone, home_region=home_region)


def read_document(path, *, home_zone=None, home_region=None) -> Iterator:
    """Facts of one document; raises SourceError before yielding when it is unreadable."""
    extraction = extract_document(path, home_zone=home_zone, home_region=home_region)
    return iter(list(to_facts(extraction)))


def extract_records(path, *, home_zone=None, home_region=None) -> list:
    """Records of one document in the shape eval/score.py reads."""
    return to_records(extract_document(path, home_zone=home_zone, home_region=home_region))
