"""Words people read: Chinese (or English) column headers and status words for rows.

Machine formats (JSON, CSV with ``--keys en``) keep the rows' stable English keys and
values; human formats (table, Markdown, HTML, Excel, CSV by default) show headers and
values through :func:`headers` and :func:`value_words`. A key this module does not know is shown as it is.

>>> header("local_firms"), header("local_firms", "en")
('本地企业', 'local firms')
>>> [value_words(k, v) for k, v in {"status": "gap", "broken": True, "stage": "upstream"}.items()]
['缺链', '断链', '上游']
>>> headers(["link", "links"])
['环节', '环节（links）']
"""
from __future__ import annotations

import re

# Column headers of the listing commands' keys (docs/json.md lists the keys).
HEADERS_ZH = {
    "position": "序号", "link": "环节", "stage": "链段", "status": "状态", "broken": "断链",
    "local_firms": "本地企业", "local_platforms": "本地平台", "count": "企业数", "link_count": "环节数", "number": "数量", "file": "文件名",
    "lq": "区位熵", "lq_formula": "区位熵算式", "targets": "招商目标", "candidates": "候选企业",
    "elsewhere": "周边园区", "covered_by": "名录覆盖", "evidence": "证据",
    "chain": "产业链", "id": "编号", "aliases": "别称", "industries": "产业", "links": "环节",
    "field": "项目", "value": "内容", "firm": "企业", "industry": "产业", "located_in": "所在地",
    "platform": "平台", "kind": "类别", "name": "名称", "type": "类型", "answers": "回答的问题",
    "parameters": "参数", "returns": "返回", "severity": "级别", "node": "节点", "label": "类型",
    "shape": "约束", "path": "属性", "message": "说明", "sources": "来源", "score": "得分",
    "role": "角色", "doc": "文件", "quote": "原文", "sentence": "句",
    "scope": "所属", "score_parts": "得分构成", "reason": "依据", "link_names": "环节名",
    "more": "其余", "keywords": "产品词", "broad_keywords": "泛指词", "name_keywords": "名称词",
    "industry_codes": "行业代码", "broad_codes": "部分相关行业代码",
    "link_firms": "环节企业总数", "chain_local": "本地链上企业数",
    "chain_all": "链上企业总数", "zone": "园区", "region": "地区", "level": "级别",
}

# Values that are words of the model, shown in Chinese (CLARIFICATIONS: status words).
STATUS_ZH = {"covered": "已覆盖", "weak": "薄弱", "gap": "缺链", "unknown": "未知"}
STAGE_ZH = {"upstream": "上游", "midstream": "中游", "downstream": "下游"}
# Kinds of platform (what the loaders write in ``kind``)
PLATFORM_KIND_ZH = {"platform": "公共服务平台", "center": "中心", "institute": "研究院所",
                    "lab": "实验室", "university": "高校", "incubator": "孵化器",
                    "association": "协会联盟", "fund": "基金", "event": "会展活动"}
ROLE_ZH = {"local firm": "本地企业", "local platform": "本地平台", "candidate": "候选企业",
           "target (link)": "招商目标（环节）", "target (chain)": "招商目标（产业链）",
           "leading": "主导产业", "emerging": "新兴产业", "future": "未来产业",
           "service": "服务业", "node": "节点", "relation": "关系", **PLATFORM_KIND_ZH}
# Field names of the profile commands (kg zone, kg firm) when shown as rows.
FIELD_ZH = {
    "id": "编号", "name": "名称", "label": "类型", "aliases": "别称", "regions": "所在地区",
    "in_zones": "所属园区", "subregions": "下辖地区", "zones": "下辖园区", "industries": "产业", "firms": "企业数", "firms_within": "企业数（含下辖地区和园区）", "platforms": "平台",
    "projects": "项目", "targets": "招商目标", "sources": "来源", "stock_code": "股票代码",
    "credit_code": "统一社会信用代码", "address": "地址", "founded": "成立日期",
    "products": "产品", "business_scope": "经营范围", "located_in": "所在地",
    "links": "产业链环节", "targeted_by": "招商方", "linked": "名称链接",
    "link_candidates": "链接候选", "conflicts": "代码冲突",
}
BROKEN_MARK = "断链"
_VALUE_ZH = {"status": STATUS_ZH, "stage": STAGE_ZH, "role": ROLE_ZH, "kind": ROLE_ZH,
             "field": FIELD_ZH}


def header(key: str, lang: str = "zh") -> str:
    """The column header of a row key."""
    if lang == "en":
        return key.replace("_", " ")
    return HEADERS_ZH.get(key, key)


def value_words(key: str, value, lang: str = "zh"):
    """A cell's value in the reader's words (statuses, stages, booleans, roles, sources).

    >>> value_words("sources", [{"doc": "名录.csv", "row": 12}, {"doc": "a.txt", "sentence": 0, "quote": "甲"}])
    ['名录.csv 第12行', 'a.txt 第1句：「甲」']
    """
    if lang == "en":
        return value
    if _is_source(value):
        return source_text(value)
    if isinstance(value, list) and value and all(_is_source(v) for v in value):
        return [source_text(v) for v in value]
    if isinstance(value, str) and value.endswith(")"):
        return note_words(value)
    if isinstance(value, list) and any(isinstance(v, str) and v.endswith(")") for v in value):
        return [note_words(v) if isinstance(v, str) else v for v in value]
    if key == "broken":
        return BROKEN_MARK if value else ""
    if isinstance(value, bool):
        return "是" if value else "否"
    table = _VALUE_ZH.get(key)
    if table is not None and isinstance(value, str):
        return table.get(value, value)
    return value


# English notes the profile commands put after a value (kg zone: 整车 (leading); kg firm:
# 宁德市 (inferred)), in the reader's words; "other" says nothing and is dropped
_NOTE = re.compile(r" \((leading|emerging|future|service|other|inferred)\)$")
_NOTE_ZH = {"leading": "主导产业", "emerging": "新兴产业", "future": "未来产业",
            "service": "服务业", "other": "", "inferred": "推断"}


def note_words(text: str) -> str:
    """A value's English note in Chinese (JSON keeps the note as it is).

    >>> note_words("整车 (leading)"), note_words("关键部件 (other)"), note_words("宁德市 (inferred)")
    ('整车（主导产业）', '关键部件', '宁德市（推断）')
    """
    match = _NOTE.search(text)
    if match is None:
        return text
    words = _NOTE_ZH[match.group(1)]
    return text[:match.start()] + (f"（{words}）" if words else "")


def _is_source(value) -> bool:
    """A source record: a document or registry file, and a sentence, row or quote in it."""
    return isinstance(value, dict) and "doc" in value and any(
        k in value for k in ("row", "sentence", "quote"))


def where_text(source: dict) -> str:
    """A source's place: ``第3句`` for a sentence, ``第12行`` for a registry row.

    >>> where_text({"doc": "a.txt", "sentence": 2}), where_text({"doc": "r.csv", "row": 12})
    ('第3句', '第12行')
    """
    if source.get("row") is not None:
        return f"第{source['row']}行"
    if source.get("sentence") is not None:
        return f"第{int(source['sentence']) + 1}句"
    return ""


def source_text(source: dict) -> str:
    """One line naming a source: file, place and its sentence (``text``) or quote.

    >>> source_text({"doc": "plan.txt", "sentence": 0, "quote": "郑州高新区"})
    'plan.txt 第1句：「郑州高新区」'
    """
    text = " ".join(p for p in (str(source.get("doc", "")), where_text(source)) if p)
    said = source.get("text") or source.get("quote")
    if said:
        text += f"：「{said}」"
    return text


def headers(keys: list, lang: str = "zh") -> list:
    """Headers of columns, made unique (two keys with one header get the key beside it)."""
    out, seen = [], set()
    for key in keys:
        text = header(key, lang)
        if text in seen:
            text = f"{text}（{key}）"
        seen.add(text)
        out.append(text)
    return out
