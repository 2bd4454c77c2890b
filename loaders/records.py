"""Scoring records: one plain dict per entity per document, as eval/score.py reads them.

>>> from kg.loaders.extract import extract_text
>>> rows = to_records(extract_text("依托郑州大学建设。", "a.txt"))
>>> rows[0]["type"], rows[0]["name"], rows[0]["kind"], rows[0]["evidence"]
('platform', '郑州大学', 'university', '依托郑州大学建设。')
"""
from __future__ import annotations

import re

from kg.loaders.graph_facts import local_zone, written_place, zone_region
from kg.loaders.resolve import zone_key
from kg.loaders.sentences import fold
from kg.names import to_simplified

_BREAK = re.compile(r"\s*[\r\n]\s*")
_SPACES = re.compile(r"[ \t\u3000]+")

TYPES = {"Region": "region", "Zone": "zone", "Industry": "industry", "Chain": "chain",
         "Firm": "firm", "Platform": "platform", "Project": "project"}


def to_records(extraction) -> list:
    """The extraction's entities as records (keys as score.py reads them)."""
    rows = []
    for entity in extraction.entities:
        first = entity.mentions[0]
        start, end = first.span()
        written = as_written(entity.name, extraction.text, start, end)
        row = {"doc": extraction.doc, "type": TYPES[entity.label], "name": written}
        props = entity.props
        if entity.label == "Firm":
            row["role"] = props.get("role", "other")
        if entity.label == "Platform":
            row["kind"] = props.get("kind", "platform")
        if entity.label == "Chain":
            row["links"] = props["links"]
        if entity.label in ("Firm", "Platform") and (props.get("stated_industry")
                                                     or props.get("industry")):
            row["industry"] = props.get("stated_industry") or props["industry"]
        if entity.label == "Industry":
            row["role"] = props.get("role", "other")
        if entity.label in ("Firm", "Platform", "Project", "Industry", "Chain"):
            local = entity.label != "Firm" or props.get("role") == "local"
            subject = getattr(extraction, "subject", None)  # the document's own place
            where = local_zone(extraction, entity) \
                if entity.label in ("Firm", "Industry") and local else None
            named = None if where or not local else written_place(extraction, entity)
            if where:
                row["zone"] = where
            elif named:
                row["region"] = named
            elif subject and local:
                row["zone" if subject[0] == "Zone" else "region"] = subject[1]
            elif extraction.home_zone and local:
                row["zone"] = extraction.home_zone
        if entity.label == "Zone":
            region = zone_region(extraction, entity.name)  # the graph's: catalogue, name, text
            if region:
                row["region"] = region
        if entity.label == "Project" and props.get("investment"):
            row["investment"] = props["investment"]
        row["aliases"] = list(entity.aliases) + ([entity.name] if written != entity.name else [])
        row["evidence"] = sentence_as_written(extraction.text, first.sentence)
        row["span"] = [start, end]
        row["sentence"] = first.sentence.index
        rows.append(row)
    return rows


def as_written(name: str, text, start: int, end: int) -> str:
    """The name in the document's own characters where the mention at ``text[start:end]``
    writes it in traditional ones (the graph keeps the simplified name); else ``name``.

    >>> as_written("华润微电子", "引進華潤微電子。", 2, 7), as_written("郑州高新区", "郑州高新区", 0, 5)
    ('華潤微電子', '郑州高新区')
    """
    try:
        quote = text[start:end]
    except IndexError:
        return name
    at = fold(quote).find(name)
    if at < 0 or quote.isascii():
        return name
    own = quote[at:at + len(name)]
    return "".join(o if o != n and to_simplified(o) == n else n for o, n in zip(own, name))


def sentence_as_written(text, sentence) -> str:
    """The sentence in the document's own characters (lines joined, spaces run into one),
    where its text is at hand; else the folded sentence the extraction read.

    >>> from kg.loaders.sentences import split_sentences
    >>> text = "首句。引進華潤\\n微電子，建設。"
    >>> sentence_as_written(text, split_sentences(text)[1])
    '引進華潤微電子，建設。'
    """
    try:
        own = text[sentence.start:sentence.end]
    except IndexError:
        return sentence.text
    return _SPACES.sub(" ", _BREAK.sub("", own)).strip()


__all__ = ["to_records", "zone_key"]
