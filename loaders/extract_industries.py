"""Industries a document develops, the field of each sentence, and spelled-out chains.

Industries come from field headings ("装备制造业。"), from lists whose head noun is
产业/领域/行业 ("围绕传感器、通信设备等重大领域"), and from "X产业" / "X制造业" phrases.
A chain is a run of links joined by —/－/-/→ before 产业链, or a list the text calls a
whole chain (…的北斗应用全产业链).

>>> from kg.loaders.sentences import split_sentences
>>> s = split_sentences("谋划打造“传感器材料—传感芯片—传感器”的物联网产业链。")[0]
>>> [(m.name, m.props["links"]) for m in sentence_chains(s, None)]
[('物联网', ['传感器材料', '传感芯片', '传感器'])]
"""
from __future__ import annotations

import re

from kg.loaders.lexicon import head_type, is_generic, suffix_type
from kg.loaders.mentions import Mention, clauses, split_depth0

_CJK = r"[\u4e00-\u9fffA-Za-z0-9]"
_CHAIN = re.compile(r"“?((?:[^“”\"—\-→,。;、]{2,16}(?:—|-|→)){1,12}[^“”\"—\-→,。;、]{2,16})”?"
                    r"(?:的|为主的)?(" + _CJK + r"{0,10}?)(?:全)?产业链")
_WHOLE = re.compile(r"([^,。;]{2,40}?、[^,。;]{2,60}?)的(" + _CJK + r"{2,10}?)全产业链")
_PLUS = re.compile(r"“([^“”]{2,10})\+([^“”]{2,10})”(?:产业链)")
_INDUSTRY = re.compile(r"(" + _CJK + r"{2,12}?)(?:产业集群|产业|制造业|服务业|加工业|物流业)"
                       r"(?!链|园|基地|集聚|带|体系|规模|生态|项目|布局|平台|发展|大会|转移|结构)")
_HEADING = re.compile(r"^(" + _CJK + r"[\u4e00-\u9fffA-Za-z0-9与及和]{1,13})。$")
_FIELD = re.compile(r"(?:在|聚焦|围绕)?(" + _CJK + r"{2,10}?)(?:方面|领域)")
_NOT_INDUSTRY = re.compile(r"^(?:主导|新兴|优势|支柱|特色|传统|未来|相关|关联|重点|龙头|上下游|"
                           r"配套|本地|全|各|该|其他|其它|这些|多|新|大|小|高|强|一批|要|对|发展|"
                           r"战略性新兴|战略新兴|提供|制作|助力|放宽|补好|遵循|现有|掌握|优质)|"
                           r"[的了是为等个家批亿级型所]|\d+[个家大]|企业$|^\d|集团|股份|科技|"
                           r"领域|系列|产品|设备|系统|构件|材料$")
_VERB_START = re.compile(r"^(?:强化|加强|完善|推进|推动|绘制|全面|扩大|创新|大力|打造|建设|实施|"
                         r"加快|提升|培育|构建|优化|深化|积极|坚持|突出|聚焦|围绕|依托|引进|设立|"
                         r"开展|促进|发挥|鼓励|支持|争取|探索|做好|抓好|着力)")
ROLE_CUES = (("future", ("未来产业",)), ("emerging", ("新兴产业", "新兴领域", "战略新兴")),
             ("service", ("服务业",)), ("leading", ("主导产业", "优势产业", "支柱产业", "传统产业",
                                                   "主攻方向", "特色产业")))
_STRIP_TAIL = re.compile(r"(?:产业集群|产业|集群)$")


def industry_name(name: str) -> str:
    """An industry's name without a trailing 产业/集群 (物联网产业 → 物联网)."""
    bare = _STRIP_TAIL.sub("", name)
    return bare if len(bare) >= 2 else name


def _ok(name: str) -> bool:
    return (2 <= len(name) <= 12 and not _NOT_INDUSTRY.search(name) and not is_generic(name)
            and suffix_type(name)[0] is None)


def section_role(text: str, current: str | None) -> str | None:
    """The industry role a heading or lead sentence sets for what follows."""
    for role, cues in ROLE_CUES:
        if any(cue in text for cue in cues):
            return role
    return current


def heading_field(sentence) -> str | None:
    """The field a short heading sentence names ("装备制造业。" → 装备制造业), else None."""
    match = _HEADING.match(sentence.text)
    if not match or _VERB_START.match(match.group(1)) or _verb_inside(match.group(1)):
        return None
    name = match.group(1)
    if suffix_type(name)[0] is not None or len(industry_name(name)) < 2:
        return None
    return name


def _verb_inside(text: str) -> bool:
    from kg.loaders.extract_names import _BOUNDARY_AT
    return bool(re.match(r"^(?:要|[一二三四五六七八九十]是)", text)) or any(
        True for _ in _BOUNDARY_AT.finditer(text))


def _regional(name: str) -> bool:
    from kg.loaders.extract_names import _region_prefixed
    return _region_prefixed(name)


def sentence_industries(sentence, role: str | None) -> list:
    """Industries named in one sentence, with the role the section gives them."""
    text = sentence.text
    out = []
    field = heading_field(sentence)
    if field:
        out.append(Mention("Industry", industry_name(field), sentence, 0, len(field),
                           {"role": role or "other", "heading": True}))
        return out
    taken = []
    for c_start, c_end in clauses(text):
        cut = text.find("等", c_start, c_end)
        if cut >= 0 and "、" in text[c_start:cut]:
            head = head_type(text[cut + 1:c_end])
            fields = "领域" in text[cut + 1:cut + 8]
            if head and head[0] == "Industry" and not (fields and "聚焦" in text[c_start:cut]):
                items = split_depth0(text, "、", c_start, cut)
                for n, (i, j) in enumerate(items):
                    if n == 0:
                        from kg.loaders.extract_names import _trim
                        i = _trim(text, i, j)
                    name = industry_name(text[i:j])
                    if _ok(name) and not _regional(name):
                        out.append(Mention("Industry", name, sentence, i, j,
                                           {"role": role or "other"}))
                        taken.append((i, j))
    for match in _INDUSTRY.finditer(text):
        from kg.loaders.extract_names import _trim
        i = _trim(text, match.start(1), match.end(1))
        if any(a <= i < b for a, b in taken):
            continue
        whole = text[i:match.end()]
        name = industry_name(whole) if not whole.endswith(("制造业", "服务业", "加工业", "物流业")) \
            else whole
        if _regional(name):
            continue
        if _ok(name) or (name.endswith("业") and _ok(name[:-3] or "x")):
            own = "service" if name.endswith("服务业") else role
            out.append(Mention("Industry", name, sentence, i, match.end(),
                               {"role": own or "other"}))
    return out


def sentence_field(sentence, previous: str | None) -> str | None:
    """The field a sentence is about: its own 在X方面/X领域, else the one before."""
    match = _FIELD.search(sentence.text[:30])
    if match and _ok(industry_name(match.group(1))):
        from kg.loaders.extract_names import _trim
        start = _trim(sentence.text, match.start(1), match.end(1))
        name = industry_name(sentence.text[start:match.end(1)])
        if _ok(name):
            return name
    return previous


def sentence_chains(sentence, field: str | None) -> list:
    """Chains spelled out in one sentence, links in the text's order."""
    text = sentence.text
    out = []
    for match in _CHAIN.finditer(text):
        links = [link.strip() for link in re.split(r"—|-|→", match.group(1))]
        if any(re.fullmatch(r"[\d.]+", link) for link in links) or len(links) < 2:
            continue
        industry = industry_name(match.group(2)) if len(match.group(2)) >= 2 else (field or "")
        _add_chain(out, sentence, match, industry or "产业", links)
    for match in _WHOLE.finditer(text):
        from kg.loaders.extract_names import _trim
        start = _trim(text, match.start(1), match.end(1))
        links = [text[i:j] for i, j in split_depth0(text, "、", start, match.end(1))]
        if len(links) >= 3 and all(2 <= len(link) <= 12 for link in links):
            _add_chain(out, sentence, match, industry_name(match.group(2)), links, start)
    for match in _PLUS.finditer(text):
        links = [match.group(1), match.group(2)]
        _add_chain(out, sentence, match, field or "产业", links)
    return out


def _add_chain(out, sentence, match, industry, links, start=None) -> None:
    start = match.start() if start is None else start
    out.append(Mention("Chain", industry, sentence, start, match.end(), {"links": links}))
