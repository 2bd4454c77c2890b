"""Industries a document develops, the field of each sentence, and spelled-out chains.

Industries come from field headings ("装备制造业。"), from lists whose head noun is
产业/领域/行业 ("围绕传感器、通信设备等重大领域"), and from "X产业" / "X制造业" phrases.
A chain is a run of links joined by —/－/-/→ before 产业链, or a list the text calls a
whole chain (…的北斗应用全产业链).

This module reads a sentence for its field and its industries; the work is shared out:
:mod:`extract_industry_filters` (what may name an industry), :mod:`extract_industry_lists`
(lists of industries), :mod:`extract_industry_trades` (single phrases, economies, trades)
and :mod:`extract_chains` (chains, re-exported here).

>>> from kg.loaders.sentences import split_sentences
>>> s = split_sentences("谋划打造“传感器材料—传感芯片—传感器”的物联网产业链。")[0]
>>> [(m.name, m.props["links"]) for m in sentence_chains(s, None)]
[('物联网', ['传感器材料', '传感芯片', '传感器'])]
"""
from __future__ import annotations

import re

from kg.loaders.extract_chains import sentence_chains
from kg.loaders.extract_industry_filters import (CJK, VERB_START, clause_like, industry_name,
                                                 industry_ok, not_develop, one_character_words, pos_tags,
                                                 regional,
                                                 verb_inside)
from kg.loaders.extract_industry_lists import (counted_list, deng_lists, designated_clusters,
                                               enumerated_after_count, ranked_list,
                                               trigger_lists, whole_chain_list)
from kg.loaders.extract_industry_trades import (economies_and_trades, industry_phrases,
                                                measured_trades, single_character_trades)
from kg.loaders.lexicon import suffix_type
from kg.loaders.mentions import Mention, clauses

__all__ = ["heading_field", "industry_name", "section_role", "sentence_chains",
           "sentence_field", "sentence_industries"]

_HEADING = re.compile(r"^(" + CJK + r"[\u4e00-\u9fffA-Za-z0-9与及和]{1,13})。$")
# a field a topic word governs (聚焦新能源汽车领域, 在装备制造方面), and the connectives or
# time words a sentence may open on before its field (目前,稀土永磁材料方面,…)
_TOPIC = re.compile(r"(?:在|聚焦|围绕|针对)(" + CJK + r"{2,10}?)(?:方面|领域)")
_LEAD = re.compile(r"(?:目前|当前|同时|此外|其中|另外|近年来|近年|今年|去年|下一步),")
# The parts every official document or plan may have (GB/T 9704's 附件, a plan's 前言 and
# 附则): a heading that is one of them names the document's structure, not a field.
DOCUMENT_PARTS = frozenset(("前言", "引言", "序言", "导言", "目录", "总则", "附则", "附件", "附录",
                            "附表", "附图", "背景", "概述", "摘要", "结语", "结束语", "后记", "说明",
                            "编制说明", "名词解释", "参考文献"))
# the kinds of official document (GB/T 9704's 报告, 意见, 通知 …; a plan's 规划, 方案, 纲要): a
# heading ending in one is a document's title (甲省政府工作报告。), not a field
DOCUMENT_KINDS = ("报告", "规划", "方案", "意见", "通知", "纲要", "计划", "总结", "办法", "决定",
                  "公告", "通报", "要点", "细则", "条例", "批复", "函")
ROLE_CUES = (("future", ("未来产业",)), ("emerging", ("新兴产业", "新兴领域", "战略新兴")),
             ("service", ("服务业",)), ("leading", ("主导产业", "优势产业", "支柱产业",
                                                   "主攻方向", "特色产业")),
             # traditional industries are the ones to upgrade, no rank (冶金、建材等传统产业)
             ("other", ("传统产业",)))


def section_role(text: str, current: str | None) -> str | None:
    """The industry role a heading or lead sentence sets for what follows."""
    for role, cues in ROLE_CUES:
        if any(cue in text for cue in cues):
            return role
    return current


def heading_field(sentence) -> str | None:
    """The field a short heading sentence names ("装备制造业。" → 装备制造业), else None.

    >>> from kg.loaders.sentences import split_sentences
    >>> [heading_field(s) for s in split_sentences("装备制造业。前言。第一章。我们。甲省政府工作报告。")]
    ['装备制造业', None, None, None, None]
    """
    match = _HEADING.match(sentence.text)
    if not match or VERB_START.match(match.group(1)) or verb_inside(match.group(1)):
        return None
    name = match.group(1)
    if name in DOCUMENT_PARTS or name.endswith(DOCUMENT_KINDS) or name.startswith("第") \
            or pos_tags(name)[0][1] == "r":
        return None  # 前言。第一章。我们。: a part of the document or a pronoun, no field
    if suffix_type(name)[0] is not None or len(industry_name(name)) < 2 or clause_like(name) \
            or not_develop(name) or not _heading_ok(name) or _PROGRESS_END.search(name) \
            or _CAPTION_END.search(name) or re.search(r"(?:县长|市长|区长|书记|主任|局长)", name):
        return None  # 精准施策化风险: a heading on risks or reform names no field; 南投县长某某。:
        # a photo's caption naming an official
    return name


# The last words of a photo's caption or a headline's moment (活动现场。新年新开局。园区一角。):
# a scene, a view or a start, not a field.
_CAPTION_END = re.compile(r"(?:现场|开局|仪式|一角|全景|车间|厂房|鸟瞰图?|航拍图?|掠影|剪影|侧记|风采|实景|设备|"
                          r"效果图|照片|合影|新貌|美景)$")


# The predicates a report's headings close on (招商引资成效显著, 产业链条持续壮大): the
# heading states how a work went, it names no field.
_PROGRESS_END = re.compile(r"(?:显著|明显|突出|向好|提升|增强|加快|改善|优化|巩固|壮大|攀升|有力|平稳|"
                           r"回升|跃升|提高|扩大|见效|鲜明|斐然|升级|累累|喜人)$")


_JOINERS = ("与", "及", "和")  # join two fields (氢能与储能): jieba tags 与 a preposition


def _heading_ok(name: str) -> bool:
    """A field a heading can name: each of its 和-joined parts an industry (a statement such
    as 重点传染病防控工作总体平稳 is a line of a report, not the field of what follows).

    >>> _heading_ok("装备制造业"), _heading_ok("生物医药和大健康"), _heading_ok("重点传染病防控工作总体平稳")
    (True, True, False)
    >>> _heading_ok("外贸外资结构向优"), _heading_ok("氢能与储能"), _heading_ok("服装及家纺")
    (False, True, True)
    """
    if any(flag == "p" and word not in _JOINERS for word, flag in pos_tags(name)):
        return False  # 外贸外资结构|向|优: a preposition makes it a statement
    return all(industry_ok(industry_name(part)) for part in re.split("[和与及]", name) if part)


_FOCUS = re.compile(r"以(" + CJK + r"{2,10})为(?:重点|核心|主导|龙头)的")
# A sentence that opens on its field: "在甲方面,…", "甲领域重点发展…", "甲方面,…".
_OPEN_FIELD = re.compile(r"^(?:而|但|并)?(?:在)?(" + CJK + r"{2,10}?)(?:方面,|方面|领域)")
_OPEN_FIELD_AT = re.compile(_OPEN_FIELD.pattern[1:])


def sentence_industries(sentence, role: str | None) -> list:
    """Industries named in one sentence, with the role the section gives them.

    >>> from kg.loaders.sentences import split_sentences
    >>> s = split_sentences("促进先进制造业、现代服务业融合。")[0]
    >>> sorted((m.name, m.props["role"]) for m in sentence_industries(s, None))
    [('先进制造业', 'other'), ('现代服务业', 'service')]
    """
    text = sentence.text
    out = []
    field = heading_field(sentence)
    if field:
        for part in re.split(r"和", field):
            name = industry_name(part)
            if industry_ok(name):
                out.append(Mention("Industry", name, sentence, 0, len(field),
                                   {"role": role or "other", "heading": True, "src": "heading"}))
        return out
    taken = []
    for c_start, c_end in clauses(text):
        deng_lists(sentence, text, c_start, c_end, role, out, taken)
    trigger_lists(sentence, text, role, out, taken)
    match = _OPEN_FIELD.match(text)
    lead = _LEAD.match(text)
    if not match and lead:  # 目前,稀土永磁材料方面,…: a connective or time word first
        match = _OPEN_FIELD_AT.match(text, lead.end())
    if match:
        name = industry_name(match.group(1))
        if industry_ok(name) and not regional(name) and not verb_inside(name) \
                and not VERB_START.match(name) and not name.endswith("服务") \
                and not name.startswith("产业") \
                and not one_character_words(name) \
                and not not_develop(text, match.end(), match.end() + 4) \
                and (len(name) >= 3 or re.search("领域|产业", match.group())):
            out.append(Mention("Industry", name, sentence, match.start(1), match.end(1),
                               {"role": role or "other", "src": "open"}))
    designated_clusters(sentence, text, role, out, taken)
    ranked_list(sentence, text, role, out, taken)
    whole_chain_list(sentence, text, role, out, taken)
    counted_list(sentence, text, role, out, taken)
    enumerated_after_count(sentence, text, role, out, taken)
    economies_and_trades(sentence, text, role, out, taken)
    for match in _FOCUS.finditer(text):
        name = industry_name(match.group(1))
        if industry_ok(name) and not regional(name) and not verb_inside(name):
            out.append(Mention("Industry", name, sentence, match.start(1), match.end(1),
                               {"role": role or "other", "src": "focus"}))
    measured_trades(sentence, text, role, out, taken)
    industry_phrases(sentence, text, role, out, taken)
    single_character_trades(sentence, text, role, out, taken)
    for m in out:
        if m.props.get("role") == "service" and m.name.endswith(_MAKING):
            m.props["role"] = "other"  # 促进先进制造业、现代服务业融合: 制造业 serves nobody
    return out


# a trade of making or farming is no service, whatever service words its sentence holds
_MAKING = ("制造业", "制造", "工业", "农业", "加工业", "装备", "材料")


def sentence_field(sentence, previous: str | None) -> str | None:
    """The field a sentence is about: the one it opens on (X方面,… / 在X领域… / 目前,X方面…)
    or one a topic word governs near its start (聚焦X领域), else the one before. A field
    written as the object of a verb (推进基础设施竞争领域向市场开放) is not the sentence's topic.

    >>> from kg.loaders.sentences import split_sentences
    >>> [sentence_field(s, None) for s in split_sentences("在新能源汽车方面,引进比亚迪。扩大专项债券投向领域。")]
    ['新能源汽车', None]
    """
    text = sentence.text
    lead = _LEAD.match(text)
    match = _OPEN_FIELD_AT.match(text, lead.end() if lead else 0) or _TOPIC.search(text, 0, 30)
    if match and VERB_START.match(match.group(1)):
        match = None  # 扩大|专项债券投向领域: the object of a verb (应用电子领域 is a field)
    if match and industry_ok(industry_name(match.group(1))):
        from kg.loaders.extract_name_bounds import trim_start
        start = trim_start(text, match.start(1), match.end(1))
        name = industry_name(text[start:match.end(1)])
        if industry_ok(name):
            return name
    return previous