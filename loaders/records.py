"""Scoring records: one plain dict per entity per document, as eval/score.py reads them.

>>> from kg.loaders.extract import extract_text
>>> rows = to_records(extract_text("依托郑州大学建设。", "a.txt"))
>>> rows[0]["type"], rows[0]["name"], rows[0]["kind"], rows[0]["evidence"]
('platform', '郑州大学', 'university', '依托郑州大学建设。')
"""
from __future__ import annotations

from kg.loaders.graph_facts import local_zone
from kg.loaders.resolve import zone_key

TYPES = {"Region": "region", "Zone": "zone", "Industry": "industry", "Chain": "chain",
         "Firm": "firm", "Platform": "platform", "Project": "project"}


def to_records(extraction) -> list:
    """The extraction's entities as records (keys as score.py reads them)."""
    rows = []
    for entity in extraction.entities:
        first = entity.mentions[0]
        start, end = first.span()
        row = {"doc": extraction.doc, "type": TYPES[entity.label], "name": entity.name}
        props = entity.props
        if entity.label == "Firm":
            row["role"] = props.get("role", "other")
        if entity.label == "Platform":
            row["kind"] = props.get("kind", "platform")
        if entity.label == "Chain":
            row["links"] = props["links"]
        if entity.label in ("Firm", "Platform") and props.get("industry"):
            row["industry"] = props["industry"]
        if entity.label == "Industry":
            row["role"] = props.get("role", "other")
        if entity.label in ("Firm", "Platform", "Project", "Industry", "Chain"):
            local = entity.label != "Firm" or props.get("role") == "local"
            subject = getattr(extraction, "subject", None)  # the document's own place
            where = local_zone(extraction, entity) if entity.label == "Firm" and local else None
            if where:
                row["zone"] = where
            elif subject and local:
                row["zone" if subject[0] == "Zone" else "region"] = subject[1]
            elif extraction.home_zone and local:
                row["zone"] = extraction.home_zone
        if entity.label == "Zone" and extraction.home_region:
            row["region"] = extraction.home_region
        if entity.label == "Project" and props.get("investment"):
            row["investment"] = props["investment"]
        row["aliases"] = list(entity.aliases)
        row["evidence"] = first.sentence.text
        row["span"] = [start, end]
        row["sentence"] = first.sentence.index
        rows.append(row)
    return rows


__all__ = ["to_records", "zone_key"]
