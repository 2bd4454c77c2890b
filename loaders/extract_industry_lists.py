"""Industries a sentence lists: lists closed by 等 + an industry head, lists after a
development verb, counted lists (甲、乙两大产业), ranked lists (以甲为主导产业), lists of
designated clusters and lists developed as whole chains.

Each reader appends Mentions to ``out`` and the spans it took to ``taken`` (a later reader
skips what an earlier one took).

>>> from kg.loaders.sentences import split_sentences
>>> s = split_sentences("重点发展新材料、生物医药等主导产业。")[0]
>>> out = []
>>> deng_lists(s, s.text, 0, len(s.text), "leading", out, [])
>>> [(m.name, m.props["src"]) for m in out]
[('新材料', 'list'), ('生物医药', 'list')]
"""
from __future__ import annotations

import re

from kg.loaders.extract_industry_filters import (VERB_START, add_untaken, industry_name,
                                                 industry_ok, lead_strip, not_develop, pos_tags,
                                                 regional, verb_inside)
from kg.loaders.mentions import Mention, clauses, split_depth0
from kg.loaders.lexicon import WORKS_THEN_VERB

# The head noun after 等 that makes a list a list of industries: a few modifiers, then
# 产业/领域/行业/服务业 … ("等新兴领域", "等高品质生活性服务业"), not 产业链/产业化/产业转移;
# 板块 and 赛道 are the segments and sectors a plan divides a trade into (等新材料板块).
_LIST_HEAD = re.compile(r"(?:(?:近|约)?[\d一二三四五六七八九十两]+(?:个|条|大))?"
                        r"[\u4e00-\u9fff“”]{0,9}?(产业集群|产业|服务业|制造业|领域|行业|业态|物流|集群|增长点|板块|赛道)"
                        r"(?!化|链|转移|园|基地|用地|规划|体系|政策|目录|项目|全景|生态|先行区|示范区|集聚区|"
                        r"功能区|聚集区)")
# (国家级 is a rank of cluster, 国家 alone a country's: 等国家级产业集群 heads fields)
_HEAD_BAD = re.compile(r"投资|地区|国家(?!级)|城市|企业|的|和|与|细分|模式|要素|资源")
# A list after a development verb, up to 开展… or the clause end (a bare 等 may close it):
# "围绕甲、乙、丙开展招商引资", "培育壮大甲、乙。"
# A short development verb governs a list only at the head of its clause or after an
# adverb (产业发展互补互促 is no verb before a list).
_LEAD = r"(?:(?<=^)|(?<=[,;:])|(?<=大力)|(?<=加快)|(?<=积极)|(?<=着力)|(?<=持续)|(?<=要)|(?<=将)|(?<=并))"
_DEV_VERBS = (r"(?:重点发展|培育壮大|大力发展|巩固提升|提升发展|积极发展|加快发展|培育发展|发展壮大|"
              r"做强做优|做大做强|前瞻布局|前瞻培育|" + _LEAD + r"(?:发展|培育|壮大|做强|做优|布局))")
_TRIGGER_LIST = re.compile(r"(?:围绕|聚焦|" + _DEV_VERBS[3:-1] + r")((?:[^、,;。等]{2,10}、)+[^、,;。等]{2,10}?)"
                           r"(?=开展)|" + _DEV_VERBS + r"((?:[^、,;。等]{2,10}、)+[^、,;。等]{2,10}?)等?$")


# A list closed by the whole of a process (…售后服务全流程, …各环节) names its stages of work,
# no trades.
_STAGES_OF_WORK = re.compile(r"(?:全|各|等)(?:流程|过程|链条|环节|周期|生命周期)$")


def _list_head(tail: str):
    """The head noun of the text after 等 when it names industries, else None."""
    if re.match(r"(?:[\u4e00-\u9fff]{0,4})全产业链", tail):
        return "产业"  # 甲、乙等全产业链布局: the whole chains of industries
    if re.match(r"(?:[\d一二三四五六七八九十]+个)?(?:国家级?|省级?)?中小企业特色产业集群", tail):
        return "特色产业集群"  # 甲等7个国家中小企业特色产业集群: the state's designation
    if WORKS_THEN_VERB.match(tail):
        return None  # 甲、乙等项目建成|使产业集群…: the works head the list
    match = _LIST_HEAD.match(tail)
    # a quality joined by 的 to a rank of industry still heads the list (等前景无限的未来产业)
    modifier = re.sub(r"的(?:未来|新兴|主导|支柱|优势|特色|战略性新兴|传统|现代)$", "",
                      tail[:match.start(1)]) if match else ""
    if not match or _HEAD_BAD.search(modifier):
        return None
    if re.match(r"龙头|企业|领军|骨干|公司|集团|巨头", tail[match.end():]):
        return None  # 等行业龙头企业: the list names firms
    if match.group(1) == "领域" and re.match(r"的[^,;。]{0,6}(?:企业|龙头|制度|创新|人才|机构|专家|合作|"
                                           r"结合|融合)",
                                           tail[match.end():]):
        return None  # 等领域的龙头企业/制度创新: the fields qualify something else
    return match.group(1)


def _head_role(text: str, cut: int, end: int, role):
    """The role the list's own head gives its items (甲、乙等主导产业 → leading, 等战略新兴
    产业 → emerging), else the passage's ``role``.

    >>> _head_role("北斗、大数据等主导产业,建设平台", 5, 16, None), _head_role("甲、乙等五大产业", 3, 8, "future")
    ('leading', 'future')
    """
    from kg.loaders.extract_industries import section_role

    head = re.split(r"[,;。]", text[cut + 1:end], maxsplit=1)[0][:12]
    return section_role(head, role)


# The stages of a works' life, from planning to the statistics (谋划, 征迁, 报批, 动工, 竣工,
# 投产, 入库纳统): a list of them is the steps of project work, no trades.
_WORKS_STAGE = re.compile(r"谋划|储备|征迁|征地|交地|供地|报批|审批|动工|开工|竣工|投产|投建|验收|"
                          r"入库|纳统|签约|落地")


def _works_stages(text: str, start: int, cut: int) -> bool:
    """True when most items of the list ``text[start:cut]`` name stages of a works' life.

    >>> _works_stages("围绕谋划储备、征迁交地、竣工投产、入库纳统等", 2, 23)
    True
    """
    items = [text[i:j] for i, j in split_depth0(text, "、", start, cut)]
    return len(items) >= 2 and sum(bool(_WORKS_STAGE.search(item)) for item in items) * 2 > len(items)


def _not_trades(text: str, c_start: int, start: int, cut: int, c_end: int) -> bool:
    """True when the list ``text[start:cut]`` (closed by 等 at ``cut``) names no trades
    whatever its head: where a product is used (应用于甲、乙等领域), the stages of a works'
    life, or what a works holds together (集甲、乙等产业功能于一体)."""
    return bool(re.search(r"(?:应用|运用|适用|使用)(?:于|在)|用于",
                          text[c_start:text.find("、", start, cut)])
                or _works_stages(text, start, cut)
                or re.match(r"[^,;。]{0,6}功能于一体", text[cut + 1:c_end]))


def deng_lists(sentence, text: str, c_start: int, c_end: int, role, out: list,
               taken: list) -> None:
    """Industries of the lists closed by 等 + an industry head in one clause."""
    from kg.loaders.extract_name_bounds import trim_start
    start = c_start
    for cut in [k for k in range(c_start, c_end) if text[k] == "等"]:
        head = _list_head(text[cut + 1:c_end])
        if "、" not in text[start:cut] and head != "特色产业集群":
            start = cut + 1  # (a designation counts its clusters: one item before 等 is one)
            continue
        # 聚焦甲、乙等领域 names topics of work (生态环境共保共治…等重点领域), unless a chain is
        # the subject: a chain's focus fields are its segments (集成电路产业链…重点聚焦甲、乙等领域)
        focus = "聚焦" in text[c_start:cut] and not re.search(r"产业链(?:将|要|以|重点)", text[:c_start]) \
            and not _trades_only(text, start, cut)
        # 在甲、乙等领域实现突破 / 示范应用: technologies, not industries
        tech = head in ("领域", "行业", "板块", "赛道") and (
            re.search(r"突破|攻关|示范应用|成果|外资|成绩|进展", text[cut:c_end])
            # fields of a harm (整治甲、乙等重点领域腐败, …领域突出问题): where to govern
            or re.match(r"[^,;。]{0,8}领域" + _HARM_AFTER.pattern, text[cut + 1:c_end])
            or not_develop(text[cut:c_end]) or not_develop(text[c_start:start])
            or not_develop(text, c_end, c_end + 24)) or _not_trades(text, c_start, start, cut, c_end)
        if head and not (head == "领域" and focus) and not tech:
            own = "service" if head in ("服务业", "物流") else _head_role(text, cut, c_end, role)
            items = split_depth0(text, "、", start, cut)
            last = text.find("和", *items[-1])
            if last - items[-1][0] >= 4 and items[-1][1] - last > 4:
                items[-1:] = [(items[-1][0], last), (last + 1, items[-1][1])]
            for n, (i, j) in enumerate(items):
                if n == 0:
                    i = lead_strip(text, trim_start(text, i, j), j)
                    if text[i] == "集" and re.match(r"[^,;。]{0,10}于一体", text[cut + 1:c_end]):
                        i += 1  # 集|甲、乙等产业集群于一体: the verb of gathering, no trade's
                    prep = re.match(r".*(?:在|向|从|对)", text[i:j])
                    if prep and j - i - prep.end() >= 2:
                        i += prep.end()  # 高新区在甲、乙等领域: the preposition governs the list
                    joint = max(text.rfind("及", i, j), text.rfind("和", i, j))
                    if start > c_start and joint >= 0:
                        i = joint + 1  # 甲等主导产业及乙、丙等新兴领域
                i = lead_strip(text, i, j)
                paren = text.find("(", i, j)
                j = paren if paren > i else j
                name = industry_name(text[i:j])
                if industry_ok(name) and not regional(name) and not _firm_item(name) \
                        and not VERB_START.match(name):  # (促进就业: a task, no trade)
                    out.append(Mention("Industry", name, sentence, i, j,
                                       {"role": own or "other", "src": "list"}))
                    taken.append((i, j))
        start = cut + 1


# Heads that end the name of a trade (行业): a firm name's trade words and the sectors of
# the national classification (制造业, 化学, 农业, 食品 …) as plans write them short.
_TRADE_HEADS = ("制造", "化工", "农业", "食品", "物流", "冶金", "建材", "机械", "医疗", "纺织", "信息")


# A list a clause centres on, to the clause's end (围绕甲、乙、丙, …).
_CENTRE_LIST = re.compile(r"(?:围绕|聚焦)((?:[^、,;。等]{2,12}、)+[^、,;。等]{2,12}?)等?$")


def _trades_only(text: str, start: int, cut: int, most: bool = False) -> bool:
    """True when every item of the list ``text[start:cut]`` (with ``most``, two in three)
    ends in a trade's head (新能源、高端化工、现代制造): under 聚焦 the list is of industries,
    not topics of work.

    >>> _trades_only("聚焦新能源、高端化工、现代制造", 2, 16), _trades_only("聚焦生态环境、防灾减灾", 2, 11)
    (True, False)
    """
    from kg.loaders.extract_firms import TRADE_WORDS
    heads = tuple(TRADE_WORDS) + _TRADE_HEADS
    items = [text[i:j] for i, j in split_depth0(text, "、", start, cut)]
    trades = sum(item.endswith(heads) for item in items)
    # (with ``most``, two in three: a trade named by its parts, 汽车及零部件, is one too)
    return len(items) >= 2 and (trades * 3 >= len(items) * 2 if most else trades == len(items))


# Two fields joined by 和/及 that make a whole clause after a development verb (发展信息技术外包
# 和知识流程外包); both must read as fields, so 发展经济和社会事业 is no pair.
_PAIR = re.compile(_DEV_VERBS + r"([^、,;。等和及与]{3,10})[和及]([^、,;。等和及与]{3,10})$")


def trigger_lists(sentence, text: str, role, out: list, taken: list) -> None:
    """Industries of a list governed by a development verb (:data:`_TRIGGER_LIST`)."""
    for c_start, c_end in clauses(text):
        match = _TRIGGER_LIST.search(text[c_start:c_end])
        centre = None if match else _CENTRE_LIST.search(text[c_start:c_end])
        if centre and _trades_only(text, c_start + centre.start(1), c_start + centre.end(1),
                                   most=True):
            match = centre  # 围绕甲、乙、丙,培育…: the trades a clause centres on
        pair = None if match else _PAIR.search(text[c_start:c_end])
        if pair:
            items = [(c_start + pair.start(1), c_start + pair.end(1)),
                     (c_start + pair.start(2), c_start + pair.end(2))]
        elif not match:
            continue
        else:
            group = 1 if match.group(1) else 2
            base = c_start + match.start(group)
            items = split_depth0(text, "、", base, c_start + match.end(group))
        if _STAGES_OF_WORK.search(text, items[-1][0], items[-1][1]):
            continue  # 围绕研发设计、生产制造、售后服务全流程: the stages of one process
        i, j = items[-1]
        if text.endswith("外", i, j) and "除" in text[c_start:i]:
            items[-1] = (i, j - 1)  # 除做大做强甲、乙|外: "besides", no part of the trade
        names = [(i, j, industry_name(text[i:j])) for i, j in items]
        if all(industry_ok(n) and not regional(n) and not verb_inside(n) for _, _, n in names):
            for i, j, name in names:
                out.append(Mention("Industry", name, sentence, i, j,
                                   {"role": role or "other", "src": "trigger"}))
                taken.append((i, j))


# A cluster named by the state's designation (国家先进制造业集群, 中小企业特色产业集群): its
# industry is what stands before the designation or before 集群入选/获批, after the places
# that locate it (安徽省|新能源和智能网联汽车|先进制造业集群, 成渝地区|生物医药|集群入选).
_DESIGNATED = re.compile(r"([\u4e00-\u9fffA-Za-z0-9和]{2,24}?)(?:先进制造业(?:产业)?集群|"
                         r"(?:产业)?集群(?=(?:成功)?(?:入选|获批|获评)))")
_ASPIRE_VERB = re.compile(r"申创|争创|创建|申报|培育|打造|建设|入选")


# Clusters listed before their designation (甲地乙、丙地丁入选国家先进制造业集群): each item
# is a cluster, its industry after the places that locate it.
_DESIGNATED_LIST = re.compile(r"((?:[^、,;。:]{3,16}、)+[^、,;。:]{3,16}?)(?:成功)?(?:入选|获批|获评)"
                              r"(?:国家级?|省级?)?(?:先进制造业|战略性新兴产业|中小企业特色产业)?集群")


def designated_clusters(sentence, text: str, role, out: list, taken: list) -> None:
    """Industries of the clusters a text names by designation (:data:`_DESIGNATED`)."""
    from kg.loaders.extract_name_bounds import trim_start
    for match in _DESIGNATED_LIST.finditer(text):
        items = split_depth0(text, "、", trim_start(text, match.start(1), match.end(1)), match.end(1))
        names = [(k, j, industry_name(text[k:j])) for k, j in
                 ((_after_places(text, i, j), j) for i, j in items)]
        if all(j - k >= 2 and industry_ok(n) and not verb_inside(n) for k, j, n in names):
            add_untaken(out, taken, names, sentence, role, "designated")
    for match in _DESIGNATED.finditer(text):
        i = trim_start(text, match.start(1), match.end(1))
        verbs = list(_ASPIRE_VERB.finditer(text, i, match.end(1)))
        i = _after_places(text, verbs[-1].end() if verbs else i, match.end(1))
        name = industry_name(text[i:match.end(1)])
        if match.end(1) - i < 2 or not industry_ok(name) or verb_inside(name) \
                or any(a <= i < b for a, b in taken) or name in ("先进制造业", "制造业"):
            continue
        out.append(Mention("Industry", name, sentence, i, match.end(1),
                           {"role": role or "other", "src": "designated"}))
        taken.append((i, match.end(1)))


def _after_places(text: str, i: int, j: int) -> int:
    """Start of ``text[i:j]`` after the places that open it: regions of the gazetteer,
    their single-character abbreviations run together (广深佛惠莞中) and 地区/区域."""
    import jieba
    from kg.loaders.extract_firms import _frequency
    from kg.loaders.extract_regions import gazetteer
    _frequency("")  # loads jieba's dictionary quietly
    table = gazetteer()
    pos = i
    for word in jieba.lcut(text[i:j], HMM=False):
        if word in table or word in ("地区", "区域", "省", "市") or len(word) == 1 \
                or word[:2] in table and len(word) <= 3:
            pos += len(word)
            continue
        break
    return pos if j - pos >= 2 else i


# A list the text develops as whole chains without closing it by 等: "推动甲、乙、丙全产业链
# 发展" names three industries (each with its whole chain); "形成/覆盖甲、乙的全产业链"
# spells the links of one chain instead, so 发展 must follow.
_WHOLE_LIST = re.compile(r"((?:[^、,;。等的]{2,12}、)+[^、,;。等的]{2,12}?)全产业链(?:协同|加快|加速)?发展")


def whole_chain_list(sentence, text: str, role, out: list, taken: list) -> None:
    """Industries of a list closed by 全产业链 (:data:`_WHOLE_LIST`)."""
    from kg.loaders.extract_name_bounds import trim_start
    for match in _WHOLE_LIST.finditer(text):
        start = lead_strip(text, trim_start(text, match.start(1), match.end(1)), match.end(1))
        items = split_depth0(text, "、", start, match.end(1))
        names = [(i, j, industry_name(text[i:j])) for i, j in items]
        if len(names) < 2 or not all(industry_ok(n) and not regional(n) and not verb_inside(n)
                                     for _, _, n in names):
            continue
        add_untaken(out, taken, names, sentence, role, "whole")


# "以甲和乙为两大主导产业", "以甲为主,以乙、丙为辅": the industries a zone names with
# their rank (主导 → leading, 新兴 → emerging, 未来 → future, 为主 → leading).
# (形成甲、乙为主导的产业格局: the structure formed, its 以 left out)
_RANKED = re.compile(r"(?:(?:以|形成了?|构建了?)([^,;。以]{2,40}?)(?:产业)?(?:等)?为|"
                     r"将([^,;。将]{2,40}?)(?:产业)?(?:等)?作为)"
                     r"(?:(?:[\d一二三四五六七八九十两]+)(?:大|个|条))?"
                     r"(主导|支柱|优势|首位|特色|新兴|未来|核心(?=产业)|主(?=[,;。、])|辅(?=[,;。、的]))(?:产业|方向)?")
# Without 以, at the head of a clause: "甲、乙、丙为三大主导产业", "甲已成为园区首位产业".
_RANKED_BARE = re.compile(r"(?:^|(?<=[,;:]))([^,;。以为]{2,40}?)(?:产业)?(?:已)?(?:成为|作为|为|是)"
                          r"[^,;。]{0,4}?(?:(?:[\d一二三四五六七八九十两]+)(?:大|个|条))?"
                          r"(主导|支柱|优势|首位|新兴|未来)(?:产业)")
_RANK_ROLE = {"主导": "leading", "支柱": "leading", "优势": "leading", "首位": "leading", "核心": "leading",
              "特色": "leading", "主": "leading", "新兴": "emerging", "未来": "future",
              "辅": "emerging"}


# A list of fields closed by its count and an industry head: "甲、乙、丙5条先进制造业核心产业链",
# "甲、乙两大“千亿级”产业", "甲和乙两个主导产业", "甲、乙等6条重点产业链" (等 before the count
# closes the list: the count is of all, named or not).
_COUNTED = re.compile(r"([^,;。:]{2,160}?)等?(?:[\d一二三四五六七八九十两]+)(?:大|个|条|类)"
                      r"[^,;。、]{0,10}?(产业链|产业集群|产业|集群|领域|行业)"
                      r"(?!化|园|基地|项目|工人|企业|先行区|示范区|集聚区|聚集区|功能区)")


_COUNT_MARK = re.compile(r"[\d一二三四五六七八九十两](?:大|个|条|类)")
# What fields of governance are named for after 领域 (…等重点领域腐败, …等行业领域专项整治,
# …领域工作取得新成绩): where to govern, no trades.
_HARM_AFTER = re.compile(r"(?:的)?(?:腐败|突出问题|问题|乱象|风险|隐患|工作|安全|专项整治|整治)")


def counted_list(sentence, text: str, role, out: list, taken: list) -> None:
    """Industries of a list closed by a count and an industry head (:data:`_COUNTED`)."""
    from kg.loaders.extract_name_bounds import trim_start
    if not _COUNT_MARK.search(text):
        return
    for c_start, c_end in clauses(text):
        for match in _COUNTED.finditer(text, c_start, c_end):
            if match.group(2) in ("领域", "行业") and re.match(r"(?:领域)?" + _HARM_AFTER.pattern,
                                                                 text[match.end():]):
                continue  # 煤矿、…、消防等19个重点行业领域专项整治: fields to rectify
            start = trim_start(text, match.start(1), match.end(1))
            items = split_depth0(text, "、", start, match.end(1))
            if len(items) < 2:
                last = text.find("和", start, match.end(1))
                if last < 0:
                    continue
                items = [(start, last), (last + 1, match.end(1))]
            else:
                joint = text.rfind("和", *items[-1])
                if joint - items[-1][0] >= 2 and items[-1][1] - joint > 2:
                    items[-1:] = [(items[-1][0], joint), (joint + 1, items[-1][1])]
            # (the head's rank gives the role: 三大支柱产业集群 → leading)
            own = "service" if "服务" in text[match.end(1):match.end()] else \
                _head_role(text, match.end(1) - 1, match.end(), role)
            for n, (i, j) in enumerate(items):
                i = lead_strip(text, i, j)
                prep = re.match(r".*(?:在|向|从|对)", text[i:j]) if n == 0 else None
                if prep and j - i - prep.end() >= 2:
                    i += prep.end()  # 高新区对甲、乙三大产业集群: the preposition governs the list
                paren = text.find("(", i, j)
                if paren > i:
                    _included(sentence, text, paren, j, own or "other", out, taken)
                j = paren if paren > i else j
                name = industry_name(text[i:j])
                if any(a < j and i < b for a, b in taken) or not industry_ok(name) or regional(name) \
                        or verb_inside(name):
                    continue  # (an item overlapping one taken is that one: 以|新能源汽车)
                out.append(Mention("Industry", name, sentence, i, j,
                                   {"role": own or "other", "src": "counted"}))
                taken.append((i, j))

def _firm_item(name: str) -> bool:
    """True when a list item before 等…产业 is a known firm's name that is no phrase of the
    language (圣戈班、…等汽车零部件产业外溢资源: the firms of the trade; 智慧农业 and 机器人
    are listed names too, and trades).

    >>> _firm_item("圣戈班"), _firm_item("智慧农业"), _firm_item("汽车零部件")
    (True, False, False)
    """
    from kg.loaders.extract_firms import _frequency
    from kg.loaders.extract_known import known_firms
    if name not in known_firms():
        return False
    pieces = pos_tags(name)
    # one proper name (圣戈班: nrt), or a coined piece the dictionary lacks
    return len(pieces) == 1 and pieces[0][1] in ("nr", "nrt", "nz", "nt") \
        or any(_frequency(word) == 0 for word, _flag in pieces)


def _included(sentence, text: str, paren: int, end: int, role: str, out: list,
              taken: list) -> None:
    """Fields a bracket includes after an industry: 未来产业(含AI+、空天信息)."""
    inner = re.match(r"\((?:含|包括|包含)([^()]{2,40})\)", text[paren:end])
    if not inner:
        return
    base = paren + inner.start(1)
    for i, j in split_depth0(text, "、", base, paren + inner.end(1)):
        name = industry_name(text[i:j])
        if industry_ok(name) and not regional(name) and not any(a <= i < b for a, b in taken):
            out.append(Mention("Industry", name, sentence, i, j, {"role": role, "src": "included"}))
            taken.append((i, j))


# The rank first, then its industries: "主导产业为甲、乙和丙", "新兴产业主要包括甲、乙".
_RANK_FIRST = re.compile(r"(主导|支柱|优势|首位|特色|新兴|未来)产业(?:集群)?(?:主要)?(?:是|为|有|包括|涵盖)"
                         r"[:]?([^,;。:]{2,80}?)(?:等(?:[\d一二三四五六七八九十两]+(?:大|个|条))?"
                         r"(?:产业|领域|行业)?)?(?=[,;。]|$)")


def ranked_list(sentence, text: str, role, out: list, taken: list) -> None:
    """Industries named with their rank: 以A和B为两大主导产业, 以A为主、以B、C为辅,
    主导产业为A、B和C."""
    ranked = [(m.start(g), m.end(g), _RANK_ROLE[m.group(3)]) for m in _RANKED.finditer(text)
              for g in (1 if m.group(1) else 2,)]
    ranked += [(m.start(2), m.end(2), _RANK_ROLE[m.group(1)]) for m in _RANK_FIRST.finditer(text)]
    ranked += [(m.start(1), m.end(1), _RANK_ROLE[m.group(2)]) for m in _RANKED_BARE.finditer(text)
               if not verb_inside(m.group(1)) and not VERB_START.match(m.group(1))]
    for start, end, own in ranked:
        if re.search(r"等[^、]{0,8}(?:企业|公司|厂商|龙头)$", text[start:end]):
            continue  # 以甲药业、乙药业等11家规上企业为支柱: firms hold the rank, no trades listed
        items = []
        for i, j in split_depth0(text, "、和与", start, end):
            joint = text.find("及", i, j)  # 汽车及零部件 is one trade; 甲产业及乙产业 two
            if joint - i >= 3 and j - joint - 1 >= 3:
                items += [(i, joint), (joint + 1, j)]
            else:
                items.append((i, j))
        for i, j in items:
            name = industry_name(text[i:j])
            if any(a <= i < b for a, b in taken) or not industry_ok(name) or regional(name):
                continue
            out.append(Mention("Industry", name, sentence, i, j, {"role": own, "src": "ranked"}))
            taken.append((i, j))


# A counted set of chains or clusters spelled out after it: "设立了13条新兴优势产业链,包括
# 甲、乙、…丙产业链", "打造5条产业链,分别是甲、乙": the items are the set's trades.
_COUNT_THEN_ITEMS = re.compile(r"[\d一二三四五六七八九十两]+(?:大|个|条|类)[^,;。、]{0,10}?"
                               r"(产业链|产业集群|集群|产业)[,:]?(?:包括|分别是|分别为|即)[:]?"
                               r"((?:[^,;。、]{2,16}、)+[^,;。、]{2,18})")


def enumerated_after_count(sentence, text: str, role, out: list, taken: list) -> None:
    """Industries of a counted set of chains or clusters listed after 包括/分别是
    (:data:`_COUNT_THEN_ITEMS`); the last item may repeat the set's head (…与创意包装产业链).

    >>> from kg.loaders.sentences import split_sentences
    >>> s = split_sentences("设立了3条产业链,包括先进硬质材料、服饰(纺织)、文化旅游产业链。")[0]
    >>> out = []
    >>> enumerated_after_count(s, s.text, None, out, [])
    >>> [m.name for m in out]
    ['先进硬质材料', '服饰', '文化旅游']
    """
    if "包括" not in text and "分别" not in text and "即" not in text:
        return
    for match in _COUNT_THEN_ITEMS.finditer(text):
        own = _head_role(text, match.start(1) - 1, match.end(1), role)
        items = split_depth0(text, "、", match.start(2), match.end(2))
        i, j = items[-1]
        tail = re.search(r"(?:产业链|产业集群|集群|产业)$", text[i:j])
        if tail:
            items[-1] = (i, j - len(tail.group()))
        for i, j in items:
            paren = text.find("(", i, j)
            j = paren if paren > i else j
            name = industry_name(text[i:j])
            if any(a < j and i < b for a, b in taken) or not industry_ok(name) \
                    or regional(name) or verb_inside(name):
                continue
            out.append(Mention("Industry", name, sentence, i, j,
                               {"role": own or "other", "src": "counted"}))
            taken.append((i, j))
