"""Chains spelled out in a sentence, in every wording people write one: a run of links
joined by —/－/-/→ before 产业链, a list the text calls a whole chain (…的北斗应用全产业链),
从…到…, 上游/中游/下游 and compressed runs of one-character links (“制储输加用”).

>>> from kg.loaders.sentences import split_sentences
>>> s = split_sentences("谋划打造“传感器材料—传感芯片—传感器”的物联网产业链。")[0]
>>> [(m.name, m.props["links"]) for m in sentence_chains(s, None)]
[('物联网', ['传感器材料', '传感芯片', '传感器'])]
"""
from __future__ import annotations

import re

from kg.loaders.extract_industry_filters import (CJK, LEAD_VERB, VERB_START,
                                                 regional, verb_inside)
from kg.loaders.extract_chain_names import chain_name
from kg.loaders.mentions import Mention, split_depth0

_CHAIN = re.compile(r"“?((?:[^“”\"—\-→,。;、]{2,16}(?:—|-|→)){1,12}[^“”\"—\-→,。;、]{2,16})”?"
                    r"(?:的|为主的)?(" + CJK + r"{0,10}?)(?:全)?产业链")
_WHOLE = re.compile(r"([^,。;]{2,40}?、[^,。;]{2,60}?)的(" + CJK + r"{2,10}?)全产业链")
_PLUS = re.compile(r"“([^“”]{2,10})\+([^“”]{2,10})”(?:产业链)")


def sentence_chains(sentence, field: str | None, industries=()) -> list:
    """Chains spelled out in one sentence, links in the text's order; ``industries`` (the
    sentence's Industry mentions) may name them (:func:`chain_name`)."""
    text = sentence.text
    out = []
    for match in _CHAIN.finditer(text):
        links = [link.strip() for link in re.split(r"—|-|→", match.group(1))]
        if any(re.fullmatch(r"[\d.]+", link) for link in links) or len(links) < 2 \
                or any(a[-1:].isdigit() and b[:1].isdigit() for a, b in zip(links, links[1:])) \
                or any(_ACTION_END.search(link) for link in links):
            continue  # (选取3—5个重点产业链: a range of figures; 链主引领—集群发展: steps of a
            # policy, each a verb phrase; a chain's links are things made)
        tail = match.group(2)
        if not text[match.start():match.start(1)]:  # unquoted: cut off the verbs around it
            links, tail = _unquoted_links(text, match, links, tail)
        _add_chain(out, sentence, match, tail, links, field=field, industries=industries)
    for match in _WHOLE.finditer(text):
        from kg.loaders.extract_name_bounds import trim_start
        start = trim_start(text, match.start(1), match.end(1))
        links = [text[i:j] for i, j in split_depth0(text, "、", start, match.end(1))]
        links = _from_to_first(text, start, links)
        if links and links[0].startswith("集") and links[-1].endswith("于一体"):
            links[0], links[-1] = links[0][1:], links[-1][:-3]  # 集A、B、C于一体的…全产业链
        if len(links) >= 3 and all(2 <= len(link) <= 12 for link in links):
            _add_chain(out, sentence, match, match.group(2), links, start, field, industries)
    for match in _PLUS.finditer(text):
        links = [match.group(1), match.group(2)]
        _add_chain(out, sentence, match, "", links, field=field, industries=industries)
    _more_chains(sentence, text, field, out, industries)
    return out


# Other wordings people write a chain in (each: links in the text's order, as written):
# a quoted run joined by dashes or arrows without 产业链 after it ("整车-零部件-后市场");
_DASHED = re.compile(r"“((?:[\u4e00-\u9fffA-Za-z]{1,10}(?:—|-|→|－)){2,11}[\u4e00-\u9fffA-Za-z]{1,10})”")
# a list the text calls a whole chain without 的 (A、B、C和D全产业链), or that 集…于一体 or
# 覆盖…全环节 closes;
_WHOLE_BARE = re.compile(r"([^,。;:“”]{2,80}?、[^,。;:“”]{2,80}?)(?:全产业链|全链条|全产业)")
_UNITED = re.compile(r"集([^,。;:]{2,80}?、[^,。;:]{2,80}?)于一体的?[^,。;]{0,12}?(?:全?产业链|链条)")
_COVER = re.compile(r"覆盖([^,。;:]{2,80}?、[^,。;:]{2,80}?)(?:等)?全(?:环节|链条|流程)")
# a "from … to … to …" enumeration (从甲、到乙、到丙全过程 …);
_FROM_TO = re.compile(r"从([^,。;、]{2,12})[、,]?到([^,。;、]{2,12})(?:[、,]?到([^,。;、]{2,12}))?"
                      r"(?:[、,]?到([^,。;、]{2,12}))?")
# up/mid/downstream spelled out (上游甲、中游乙、下游丙);
_STREAM = re.compile(r"上游(?:的|为|是|以)?([^,。;、]{2,14})[、,;]中游(?:的|为|是|以)?([^,。;、]{2,14})"
                     r"[、,;]下游(?:的|为|是|以)?([^,。;、]{2,14})")
# the same with development verbs and lists in each stream (上游重点发展甲、乙,中游发展丙,
# 下游发展丁和戊): every item a link, upstream to downstream;
_STREAM_LISTS = re.compile(r"上游([^,。;]{2,40}?)[,;、]中游([^,。;]{2,40}?)[,;、]下游([^,。;]{2,40}?)"
                           r"(?=[,。;]|$)")
# a compressed form: single-character links in quotes before 全产业(链) ("制储输加用").
_COMPRESSED = re.compile(r"“([\u4e00-\u9fff]{3,7})”([\u4e00-\u9fff]{0,6}?)(?:全产业链|全产业|全链条|产业链)")
# the same form unquoted, right before 全产业链 (氢能制储运加用全产业链): the run is found by
# :func:`_bare_compressed`
_BARE_COMPRESSED = re.compile(r"([\u4e00-\u9fff]{5,12})(?:全产业链|全链条)")
_LINK_TAIL = re.compile(r"(?:全过程|全环节|全链条|等|的)[\u4e00-\u9fff]*$")


_CHAIN_MARK = re.compile(r"[—\-→－]|全产业|产业链|全链条|全流程|于一体|全环节|全过程|上游|从")


def _more_chains(sentence, text: str, field, out: list, industries=()) -> None:
    """Chains in the wordings of :data:`_DASHED`, :data:`_WHOLE_BARE`, :data:`_UNITED`,
    :data:`_COVER`, :data:`_FROM_TO`, :data:`_STREAM` and :data:`_COMPRESSED`."""
    from kg.loaders.extract_name_bounds import trim_start
    if not _CHAIN_MARK.search(text):
        return
    spans = [(m.i, m.j) for m in out]

    def add(match, links, start=None, stated=""):
        links = [link.strip() for link in links if link and link.strip()]
        if len(links) < 2 or any(not 1 <= len(link) <= 14 or re.search(r"\d", link)
                                 for link in links):
            return
        begin = match.start() if start is None else start
        if any(a < match.end() and begin < b for a, b in spans):
            return  # already read by a sharper pattern
        spans.append((begin, match.end()))
        _add_chain(out, sentence, match, stated, links, begin, field, industries)

    for match in _DASHED.finditer(text):
        links = re.split(r"—|-|→|－", match.group(1))
        # links of a chain are things made (2-8 characters), not places (a corridor) nor
        # steps of a procedure (引进专业团队—…): no link is a region or opens on a verb
        if len(links) >= 3 and all(2 <= len(link) <= 8 and not regional(link)
                                   and not verb_inside(link) and not VERB_START.match(link)
                                   for link in links):
            add(match, links)
    for pattern in (_UNITED, _COVER, _WHOLE_BARE):
        for match in pattern.finditer(text):
            start = trim_start(text, match.start(1), match.end(1))
            links = [text[i:j] for i, j in split_depth0(text, "、和及与", start, match.end(1))]
            links = _from_to_first(text, start, links)
            if len(links) >= 3:
                add(match, links, start)
    for match in _FROM_TO.finditer(text):
        links = [_LINK_TAIL.sub("", g) if g else g for g in match.groups()]
        if sum(1 for g in links if g) >= 3:
            add(match, links)
    for match in _STREAM.finditer(text):
        add(match, list(match.groups()))
    for match in _STREAM_LISTS.finditer(text):
        links = []
        for n in range(1, 4):
            part = LEAD_VERB.sub("", match.group(n), count=1) if LEAD_VERB.match(
                match.group(n)) else match.group(n)
            # verbs of consisting (为, 覆盖, 包含, 主要有) are no part of a stream's links
            part = re.sub(r"^(?:主要)?(?:的|为|是|以|有|覆盖|包含|集中在)", "", part)
            links += [x for x in re.split(r"[、和及与]", part) if x]
        if all(2 <= len(x) <= 10 and not VERB_START.match(x) for x in links):
            add(match, links)
    for match in _COMPRESSED.finditer(text):
        # what stands between the quote and 产业链 names the industry (“制储输加用”氢能全产业链),
        # never a verb (“双长制”做好产业链招商)
        if len(match.group(1)) == 3 and not match.group().endswith(("全产业链", "全链条")):
            continue  # “芯智造”产业链: a coined name of three characters, no run of links
        if _compressed(match.group(1)) and not verb_inside(match.group(2)) \
                and not VERB_START.match(match.group(2)) \
                and not re.match(r"(?:管理|监管|治理|工作|机制|服务)", text[match.end():]):
            # (“投收运处”全链条管理, 人才“引育留”全链条工作机制: every step of a work
            # supervised, no chain of a trade)
            add(match, list(match.group(1)), stated=match.group(2))
    for match in _BARE_COMPRESSED.finditer(text):
        run = _bare_compressed(match.group(1))
        if run:
            add(match, list(run), match.end(1) - len(run))


def _bare_compressed(before: str) -> str:
    """The run of single-character links that ends ``before`` (氢能|制储运加用), or "": the
    longest run of 4-7 characters none of whose pairs is a common word, opening on no word
    at all (制储), after a word of the dictionary (氢能) and with none across its start (能制)."""
    from kg.loaders.extract_firms import _frequency
    for size in range(min(7, len(before) - 2), 3, -1):
        run, word = before[-size:], before[-size - 2:-size]
        if _compressed(run) and _frequency(word) > 0 and _frequency(run[:2]) == 0 \
                and _frequency(before[-size - 1:-size + 1]) == 0:
            return run  # the text before ends a word right where the run starts
    return ""


def _from_to_first(text: str, start: int, links: list) -> list:
    """从硅料到硅片、电池片、组件: the first two links are joined by 从…到."""
    if not links:
        return links
    first = links[0][1:] if links[0].startswith("从") else links[0]
    if (links[0].startswith("从") or text[start - 1:start] == "从") and "到" in first[1:-1]:
        cut = first.index("到", 1)
        return [first[:cut], first[cut + 1:]] + links[1:]
    return links


# A verb that closes an unquoted chain's last link and opens the chain's own name
# (整车→零部件→后市场服务|完善|汽车产业链).
_CHAIN_VERB = re.compile(r"完善|打造|构建|形成|延伸|壮大|培育|做强|提升|拓展|建设|补齐|延长")


def _unquoted_links(text: str, match, links: list, tail: str) -> tuple:
    """(links, industry tail) of an unquoted chain: the first link starts after the words
    that govern the chain (重点围绕|整车), the last ends at a verb (…服务|完善|汽车)."""
    from kg.loaders.extract_name_bounds import trim_start
    first_end = match.start(1) + len(links[0])
    start = trim_start(text, match.start(1), first_end)
    if first_end - start >= 1:
        links = [text[start:first_end].strip()] + links[1:]
    verb = _CHAIN_VERB.search(links[-1], 1)
    if verb:
        tail = links[-1][verb.end():] + tail
        links = links[:-1] + [links[-1][:verb.start()]]
    return links, tail


# Activities of any trade (生产, 加工, 销售 …): a ladder of them names no product.
_ACTIVITIES = re.compile(r"(?:生产|加工|销售|研发|设计|制造|服务|流通|仓储|运输|物流|种植|养殖|回收|"
                         r"再利用|利用|采购|收购|储存|配送|营销|检测|应用)+")


def _generic_links(links: list) -> bool:
    """True when the links of two characters or more are generic words (lexicon.is_generic)
    but for one in five, or tiers of firms (…企业): a ladder of measures or of firms written
    with dashes, not a chain of products or of stages (研发设计、整机制造、运营服务 is one).

    >>> _generic_links(["产业", "科技", "人才", "政策", "服务"]), _generic_links(["工业硅", "硅片", "组件"])
    (True, False)
    >>> _generic_links(["研发设计", "整机制造", "运营服务"]), _generic_links(["大项目", "产业链", "集群化"])
    (False, True)
    >>> _generic_links(["生产", "加工", "销售"])
    True
    """
    from kg.loaders.lexicon import is_generic
    if any(link in ("产业链", "产业集群", "集群", "集群化") for link in links):
        return True  # “大项目—产业链—集群化”: a path of development, whose steps are chains
    words = [link for link in links if len(link) >= 2]
    if words and all(_ACTIVITIES.fullmatch(link) for link in words):
        return True  # “生产-加工-销售”: the steps of any trade, no product named
    firms = sum(link.endswith("企业") for link in words)
    return len(words) >= 2 and (sum(map(is_generic, words)) * 4 > len(words) * 3
                                or firms * 2 >= len(words))


def _steps_only(links: list) -> bool:
    """True when every link is one two-character word of the general dictionary (发现, 办理,
    反馈): steps of a procedure, no product of a trade.

    >>> _steps_only(["发现", "办理", "反馈"]), _steps_only(["硅料", "硅片", "电池片", "组件"])
    (True, False)
    """
    from kg.loaders.extract_firms import COMMON_WORD, _frequency
    return all(len(link) == 2 and _frequency(link) >= COMMON_WORD for link in links)


def _compressed(run: str) -> bool:
    """True when ``run`` is single-character links, not a word: none of its character
    pairs is an ordinary word (jieba's dictionary), so 制储输加用 is a list, 新能源 is not."""
    from kg.loaders.extract_firms import _frequency
    if re.search("[的了之和与及而我本该各这那不]", run) or run.endswith("制"):
        return False  # a particle, a conjunction, a deictic or a negation is no link
        # (…利用的储能闭环全产业链, 我区不锈钢全产业链); …制 is a regime (链长制)
    return all(_frequency(run[k:k + n]) < 50 for n in (2, 3) for k in range(len(run) - n + 1))


# Verbs that introduce a chain's links, left on the first one (涵盖|光伏硅料、…, 打通|芯片设计…).
_ACTION_END = re.compile(r"(?:发展|引领|带动|驱动|提升|协同|集聚|壮大|升级)$")
_LINKS_VERB = re.compile(r"^(?:涵盖|覆盖|打通|贯通|构建|形成|打造|延伸|补齐|包括|包含|串联|连接)")


def _add_chain(out, sentence, match, stated, links, start=None, field=None,
               industries=()) -> None:
    """A Chain mention of these links, called as :func:`chain_name` finds (``stated``: what
    the text writes between the links and 产业链)."""
    start = match.start() if start is None else start
    verb = _LINKS_VERB.match(links[0]) if links else None
    if verb and len(links[0]) - verb.end() >= 2:
        links = [links[0][verb.end():]] + links[1:]
    if _generic_links(links) or any("+" in link for link in links):
        return  # “产业—科技—人才—政策—服务”, “科技型中小企业—…—科技领军企业”: measures or tiers
    # of firms, no products; “演艺+体验+消费”: a model that joins trades, no stages
    before = [m.name for m in industries if m.j <= start]
    name, named = chain_name(sentence.text, start, links, stated, field, before)
    if not named and _steps_only(links):
        return  # “发现—办理—反馈”闭环管理: steps of handling in words of the language, no
        # trade names them and no link is a product
    props = {"links": links} if named else {"links": links, "unnamed": True}
    out.append(Mention("Chain", name, sentence, start, match.end(), props))
