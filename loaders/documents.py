"""Documents in, typed facts with provenance out: the loader behind ``kg build``.

``read_document`` yields :class:`kg.facts.Entity` and :class:`kg.facts.Relation` facts;
``extract_records`` gives the same extraction as plain records for scoring and
``kg extract``. ``read_document`` reads a plain-text file a block at a time
(:func:`kg.loaders.text.stream_text`) and keeps only the sentences that name
something, so its memory does not grow with the document; ``extract_document`` keeps
the whole text and every sentence (:func:`kg.loaders.text.read_text`). Both give the
same entities, spans and quotes.

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

from bisect import bisect_right
from pathlib import Path
from typing import Iterator

from kg.loaders.extract import Extraction, extract_text
from kg.loaders.graph_facts import to_facts
from kg.loaders.records import to_records
from kg.loaders.text import BLOCK, read_text, stream_text

__all__ = ["read_document", "extract_records", "extract_document", "read_text"]


def extract_document(path, *, home_zone=None, home_region=None) -> Extraction:
    """Read and extract one document (a SourceError if it cannot be read)."""
    path = Path(path)
    text = read_text(path)
    return extract_text(text, path.name, home_zone=home_zone, home_region=home_region)


def read_document(path, *, home_zone=None, home_region=None, block: int = BLOCK) -> Iterator:
    """Facts of one document; raises SourceError before yielding when it is unreadable.

    The text is read ``block`` bytes at a time and split into sentences as it comes.
    """
    path = Path(path)
    # extract_text splits text given in pieces as it reads it; a sentence stays alive
    # only while a mention holds it
    extraction = extract_text(stream_text(path, block=block), path.name,
                              home_zone=home_zone, home_region=home_region)
    kept = {id(m.sentence): m.sentence for e in extraction.entities for m in e.mentions}
    extraction.text = _Quotes(kept.values())
    extraction.sentences = sorted(kept.values(), key=lambda s: s.index)
    return iter(list(to_facts(extraction)))


class _Quotes:
    """The document text at the sentences its mentions are in: ``quotes[start:end]`` is
    ``text[start:end]`` for a span inside one of them."""

    def __init__(self, sentences):
        self._sentences = sorted(sentences, key=lambda s: s.start)
        self._starts = [s.start for s in self._sentences]

    def __getitem__(self, span: slice) -> str:
        at = bisect_right(self._starts, span.start) - 1
        sentence = self._sentences[at] if at >= 0 else None
        if sentence is None or span.stop > sentence.end:
            raise IndexError(f"{span.start}:{span.stop} is not inside a kept sentence")
        return sentence.raw[span.start - sentence.start:span.stop - sentence.start]


def extract_records(path, *, home_zone=None, home_region=None) -> list:
    """Records of one document in the shape eval/score.py reads."""
    return to_records(extract_document(path, home_zone=home_zone, home_region=home_region))
