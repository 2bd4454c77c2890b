"""Extraction rules for classes of the language met in long reports and on pages outside
the corpus (the twelfth round), each tested on sentences written for the test."""
from __future__ import annotations

from kg.loaders.extract import extract_text
from kg.loaders.records import to_records


def names(text: str, etype: str) -> set:
    return {r["name"] for r in to_records(extract_text(text, "t.txt")) if r["type"] == etype}


def test_a_coined_word_after_a_works_place_is_its_firm():
    # place + 字号 the dictionary lacks + what the works makes: the 字号 is the firm
    text = "抓好洛阳瑞岚碳化硅扩产、新乡锦岚隔膜扩产等项目。"
    assert {"瑞岚", "锦岚"} <= names(text, "firm")
    # a site named by its place alone is no firm (the pumped-storage sites of a report)
    assert names("加快肇庆浪江、惠州中洞等一批抽水蓄能项目建设。", "firm") == set()
    # a word of the language after the place is what the works makes, not a firm
    assert names("抓好洛阳激光装备扩产、开封汽车配件扩产等项目。", "firm") == set()
