"""Names by suffix: each typed suffix in a stretch of text, and where its name starts.

A name ends in a typed suffix of the lexicon (…研究院, …经开区, …项目); its start is
found after the governing verb, at the zone's place, or after praise or a count.

>>> from kg.loaders.sentences import split_sentences
>>> s = split_sentences("加快建设梅龙高铁。")[0]
>>> found = []
>>> suffix_names(s.text, 0, len(s.text), found, s)
>>> [(m.label, m.name) for m in found]
[('Project', '梅龙高铁')]
"""
from __future__ import annotations

import re

from kg.loaders.lexicon import suffix_matches, suffix_type
from kg.loaders.mentions import Mention
from kg.loaders import extract_name_bounds as bounds
from kg.loaders.extract_name_bounds import (FIRST_OF_KIND, MAX_NAME, balance, trim_start,
                                             verb_before_place)
from kg.loaders.extract_name_checks import (COUNTED_KIND, PLACEHOLDER, dictionary_words,
                                            platform_ok, valid_name, work_meeting)
from kg.loaders.extract_name_works import (BUILD, EXTENSION, INFRA, INVEST, INVEST_AFTER,
                                           INVEST_SIGNED, MODIFYING_WORKS, PUBLIC_WORKS, TOPPED_OUT,
                                           TRADE_OFFICE,
                                           part_of_works,
                                           project_ok)
from kg.loaders.extract_known import known_prefix
from kg.loaders.extract_name_places import only_places, region_prefixed
from kg.loaders.extract_name_zones import catalogue_start, zone_ok, zone_start
from kg.loaders.extract_industry_filters import word_bounds


# Verbs of upgrading that govern a platform (升级…平台, 迭代升级…中心): a platform's name does
# not open with a verb.
_UPGRADE = re.compile(r"(?:迭代升级|提档升级|优化升级|升级|改造提升|改造)")


# A count right after a kind of carrier (…研究中心9家, …中心和重点实验室31家).
_COUNT_AFTER = re.compile(r"(?:[和及与][^,;。、]{2,12}?)?[\d一二三四五六七八九十百]+(?:家|个|所|座)")

# Predicates of number after a works' word (项目不少, 项目众多): the works are a kind.
_MANY_AFTER = re.compile(r"(?:也|还|亦)?(?:不少|众多|较多|居多|颇多|增多|云集|扎堆|频出|纷纷)")

# 高速 before a verb of growing or running is an adverb (高速增长, 高速发展), not an expressway.
_ADVERB_SPEED = re.compile(r"(?:增长|发展|推进|运转|运行|成长|扩张|前进|迭代|攀升|上升)")


# The end of a firm's registered name: every legal form with limited liability ends in 公司
# (kg.loaders.extract_firms.LEGAL_FORMS), so the last 公司 before a zone's type ends the firm.
_LEGAL_FORM = re.compile(r".*公司")


# A facility noun right after a zone's name makes the facility's name (…新区站, …园区路).
_FACILITY_AFTER = re.compile(r"(?:收费站|站|路|大道|大街|街|桥|立交|出口|入口|隧道|码头)(?![\u4e00-\u9fff]{0,2}(?:产业|项目))")


def _praise_scope(before: str) -> bool:
    """True when what stands before 首/第一 is nothing, a place or a scope (新疆, 全国,
    西北地区): the words praise a works, not name it.

    >>> _praise_scope("新疆"), _praise_scope("全国"), _praise_scope("中复神鹰3万吨碳纤维")
    (True, True, False)
    """
    from kg.loaders.extract_name_places import only_places, place_name
    rest = re.sub(r"(?:全国|全省|全市|全区|国内|世界|全球|亚洲|地区|区域|同类|行业)$", "", before)
    return not rest or only_places(rest) or place_name(rest)


def _after_province(text: str, start: int, s_start: int) -> int:
    """Where a zone's name starts once the province written before its city is dropped
    (辽宁省|大连长兴岛经济技术开发区, 湖南省|株洲市高新区): the province places the city, the
    zone is named from the city on (河南省|电子商务产业园, no city after it, keeps it).

    >>> t = "湖南省株洲市高新区举行签约仪式"
    >>> _after_province(t, 0, 6), _after_province("河南省电子商务产业园", 0, 8)
    (3, 0)
    """
    from kg.loaders.extract_name_places import place_name
    province = re.match(r"[\u4e00-\u9fff]{2,3}?(?:省|自治区)", text[start:s_start])
    if not province:
        return start
    at = start + province.end()
    city = next((n for n in (4, 3, 2) if at + n <= s_start and place_name(text[at:at + n])), 0)
    return at if city and s_start - at >= 2 else start


def find_name_start(text: str, left: int, s_start: int, s_end: int, label: str):
    """Start of the name whose suffix is ``text[s_start:s_end]``, or None if it is no name."""
    name_start = balance(text, trim_start(text, left, s_start), s_end)
    if label != "Zone":  # a zone's start is found by its place (zone_start)
        name_start = verb_before_place(text, name_start, s_start)
        # "the first of its kind" before a name is praise, not the name (西北地区首条|8英寸…)
        first = FIRST_OF_KIND.search(text, max(left, name_start - 2), s_start)
        if first and s_start - first.end() <= 3 and _praise_scope(text[name_start:first.start()]):
            return None  # 新疆首套|EVA项目: the first of a kind, and the kind; no name (甲公司
            # …首条生产线 is the firm's first line, named by the firm)
        if first and s_end - first.end() >= 4:
            name_start = first.end()
    if label == "Zone":
        firm = _LEGAL_FORM.search(text, name_start, s_start)
        if firm:  # 甲科技有限公司|楚雄高新区: the firm's name ends where the zone's starts
            name_start = firm.end()
        name_start = zone_start(text, name_start, s_start)
        name_start = catalogue_start(text, left, name_start, s_end)
        name_start = _after_province(text, name_start, s_start)
    if label in ("Platform", "Project"):
        # a preposition inside the run governs the name (选手在|世界技能大赛, 某某在|甲园区
        # 铁路); 在线 is a word (also a preposition after an adverb: 园区还与|清华大学、…共建)
        for match in re.finditer(r"在(?!线)|由(?!于)|[还并也再已将](?:与|同|和|向)",
                                 text[name_start:s_start]):
            if s_end - (name_start + match.end()) >= 4:
                name_start += match.end()
                break
    if label == "Platform":
        name_start = _after_party(text, name_start, s_start, s_end)
    if label == "Platform" and text.startswith("高校", name_start) and s_end - name_start >= 6 \
            and text[s_end - 2:s_end] in ("大学", "学院"):
        name_start += 2  # “双一流”建设高校|华中科技大学: the class noun before a university
    if label == "Platform":
        upgrade = _UPGRADE.match(text, name_start, s_start)
        if upgrade and s_end - upgrade.end() >= 4:
            name_start = upgrade.end()
    if label == "Project" and "公司" in text[name_start:s_start]:
        from kg.loaders.extract_firms import legal_names
        legal = legal_names(text, name_start, s_start)
        if legal and legal[0][0] > name_start and only_places(text[name_start:legal[0][0]]):
            name_start = legal[0][0]  # 河南省安阳市内黄县|安阳天浩…有限公司…项目: the firm's places
    name = text[name_start:s_end]
    firm = _LEGAL_FORM.match(text, name_start, s_start) if len(name) > MAX_NAME else None
    if label == "Project" and firm and s_end - firm.end() >= 6:
        name_start, name = firm.end(), text[firm.end():s_end]  # a firm's long legal name,
        # then its works: the works' name is too long with it (the firm is read alone)
    if not valid_name(name, label) or PLACEHOLDER.search(text[max(0, name_start - 4):name_start]):
        return None  # (XX 人工智能产业园: a placeholder stands for the name's start)
    if label == "Platform" and not platform_ok(name, text[max(0, name_start - 6):name_start]):
        return None
    if label == "Platform" and re.search(r"[+＋]$", text[max(0, name_start - 1):name_start]):
        return None  # “母基金+|盲池基金”: kinds joined in a formula, no one carrier
    if label == "Platform" and _COUNT_AFTER.match(text, s_end):
        return None  # 获批河南省工程研究中心9家: a count of a designation, no one carrier
    if label == "Project" and (COUNTED_KIND.search(text, max(0, name_start - 6), name_start)
                               or re.match(r"[\d.一二三四五六七八九十百千]+(?:个|项|万?平方米|万?亩)",
                                           text[s_end:s_end + 8])):
        return None  # a count or an area before or after a kind of project (58个“高精尖”项目,
        # …项目25个, …项目907万平方米)
    if label == "Zone" and not zone_ok(name, text[max(0, name_start - 6):name_start],
                                       s_end - s_start):
        return None
    if label == "Zone" and _FACILITY_AFTER.match(text, s_end):
        return None  # 京港澳高速新区站: a station or road named after the area, no zone
    return name_start


# A copula that classifies what the clause is about (这是…项目, 均为…项目, 属于…工程).
_CLASSIFYING = re.compile(r"(?:这是|均是|都是|均为|都为|属于|均属|(?:不仅|不但|既|也|还|就)是)$")
# An event right after a works word (项目|推介会, 项目|观摩会): the head of the phrase. (A
# signing or a ground-breaking is the works' own: 甲…生产项目|签约仪式 names the works.)
_EVENT_AFTER = re.compile(r"(?:推介|对接|洽谈|推进|观摩|发布|调度)?(?:会|大会|活动)")


def _phase_then_capacity(text: str, start: int, end: int, s_start: int) -> bool:
    """True when the works word at ``text[start:end]`` is a phase and a capacity follows it
    up to the next works word (晶科二期|20GW单晶硅棒|项目): one works' name, not two.

    >>> _phase_then_capacity("晶科二期20GW单晶硅棒项目", 2, 4, 12)
    True
    """
    return bool(re.search(r"[一二三四五六首]期$", text[start:end])
                and (re.match(r"[\d.]+\s*(?:GW|MW|万|亿|吨|台|套|辆)|年产", text[end:s_start])
                     # (甲有限公司二期|太阳能电池片生产项目: a firm's phase, then its works)
                     or text[start - 2:start] == "公司"))


def _no_name_ends_here(text: str, start: int, end: int, s_start: int, s_end: int,
                       label: str) -> bool:
    """True when the suffix at ``text[s_start:s_end]`` ends no name by what stands around it
    (a modifying kind of works, an adverb, a longer word, a count of phases, a cluster, a
    line or event or list the word heads)."""
    if text[s_start:s_end] in MODIFYING_WORKS and s_end < end \
            and not BUILD.match(text, s_end) and text[s_end] not in "与和及、等(":
        return True  # 科学大道|新型消费街区: the kind of works modifies a longer phrase
    if text[s_start:s_end] == "高速" and _ADVERB_SPEED.match(text, s_end):
        return True  # 保持高速|增长: an adverb of speed, no expressway
    if text[s_end - 1:s_end + 1] in ("区域", "院校", "团化", "港交", "港股") \
            or text[s_end - 2:s_end + 1] == "大会战":
        return True  # 产业集群区|域品牌: the word 区域, no zone's type; 大会战: a campaign;
        # 本科院|校: the word 院校 (schools), no institute; 集团|化办学: grouping; 登陆港|交所,
        # 港|股: Hong Kong's exchange and shares, no port
    if label == "Project" and text[s_start - 1:s_start] in "分共" and s_start > start \
            and re.fullmatch(r"[一二三四五六两]期", text[s_start:s_end]):
        return True  # 分三期建设, 共两期: how many phases a plan has, no phase's name
    if label in ("Project", "Platform") and text.startswith(("集群", "群"), s_end):
        return True  # 贵安数据中心|集群: a cluster of such works, no one named
    if label == "Zone" and text[s_end:s_end + 1] == "线":
        return True  # 上海示范区|线: a rail line named after the area, no zone
    if label == "Zone" and text[s_end - 1:s_end + 1] == "城市":
        return True  # 特色生态城|市: the word 城市, a city described, no zone's type
    if label == "Project" and re.match(r"(?:沿线|沿岸|沿途|两侧|两岸)", text[s_end:s_end + 2]):
        return True  # 京广铁路|沿线城市: the line places what lies along it, no works named
    if label == "Project" and _EVENT_AFTER.match(text, s_end, end):
        return True  # …招商引资项目|签约会: the event heads the phrase, the works word modifies it
    if re.match(r"(?:名录|名单|榜单|目录|支行|分行)", text[s_end:s_end + 2]):
        return True  # 入选工信部5G工厂|名录: the title of a list, no one name; 人行合肥中心|支行: a
        # bank's branch, named on
    return False


def _after_zones_run_together(text: str, left: int, s_start: int, s_end: int) -> int:
    """Where a zone of a full type starts after another zone's full type that a place
    follows: a list written without marks (即墨经济开发区|潍坊(寿光)高新技术产业开发区|兖州工业
    园区|邹城经济开发区) names one zone each; else ``left``.

    >>> t = "即墨经济开发区潍坊(寿光)高新技术产业开发区"
    >>> _after_zones_run_together(t, 0, 13, 22), _after_zones_run_together("中国(河南)自由贸易试验区郑州片区", 0, 15, 17)
    (7, 0)
    """
    from kg.loaders.extract_name_places import place_name
    if text[s_start:s_end] not in _FULL_TYPES:
        return left
    for match in _FULL_TYPE_RE.finditer(text, left, s_start):
        at = match.end()
        if any(place_name(text[at:at + n]) for n in (2, 3, 4) if at + n <= s_start):
            left = at
    return left


def _full_types():
    from kg.loaders.gazetteer_short import FULL_ZONE_TYPES
    fulls = frozenset(full for full in FULL_ZONE_TYPES if len(full) >= 4)
    return fulls, re.compile("|".join(sorted(fulls, key=len, reverse=True)))


_FULL_TYPES, _FULL_TYPE_RE = _full_types()


def suffix_names(text: str, start: int, end: int, out: list, sentence) -> None:
    """Names ending in a typed suffix inside ``text[start:end]``, rightmost first."""
    matches = list(suffix_matches(text[start:end]))
    limit = end
    for m_start, m_end, label, kind in reversed(matches):
        s_start, s_end = start + m_start, start + m_end
        if s_end > limit:
            continue
        if label == "Project" and s_start - start >= 2 and text[s_start - 2:s_start] in ("项目", "工程") \
                and text[s_start:s_end].endswith("线"):
            s_start, s_end = s_start - 2, s_start  # …电池片项目|生产线首线投产: the works' line
        if _no_name_ends_here(text, start, end, s_start, s_end, label):
            continue
        if s_end < end and text[s_end:s_end + 1] not in "与和及、" and label != "Project":
            # a suffix inside a longer word ends no name (长沙经开区|工程机械: not …区工程)
            words = word_bounds(text)
            following = [m for m in matches if m[0] >= m_end and start + m[1] <= limit
                         and start + m[1] in words]
            between = text[s_end:start + following[0][0]] if following else ""
            if following and not bounds.BOUNDARY_RE.search(text, s_end, start + following[0][0]) \
                    and not re.search(r"[及和与]|[一二三四五六七八九十两]大", between) \
                    and not _whole_zone(text, start, s_start, s_end, label):
                continue  # an inner suffix of a longer name (郑州大学…研究中心)
        left = start
        for m2_start, m2_end, m2_label, _k in matches:
            if start + m2_end <= s_start and text[start + m2_end] in "和及与+":
                left = start + m2_end + 1
            elif start + m2_end <= s_start and m2_label == "Project" \
                    and (label != "Zone" or text[start + m2_start:start + m2_end] in ("项目", "工程")) \
                    and not part_of_works(text[start + m2_start:start + m2_end],
                                          text[s_start:s_end]) \
                    and not (start + m2_end == s_start and text[s_start + 1:s_end] == "期") \
                    and not re.fullmatch(r"[一二三四五六首]期", text[start + m2_end:s_start]) \
                    and not _phase_then_capacity(text, start + m2_start, start + m2_end, s_start):
                # a kind of work inside a zone's name does not end it (重庆国际铁路港综保区)
                left = start + m2_end  # a phase belongs to the work before it (机场二期,
                # 电厂|二期|项目)
        if label == "Zone":
            left = _after_zones_run_together(text, left, s_start, s_end)
        if label == "Platform" and PUBLIC_WORKS.search(text, left, s_end) and BUILD.search(text):
            label, kind = "Project", None  # a rescue or medical centre being built is a works
        topped = label == "Platform" and bool(TOPPED_OUT.match(text, s_end)) \
            and not re.search(r"[一二三四五六七八九十两\d]大中心$", text[left:s_end])  # (三大中心: a count)
        if label == "Platform" and (TRADE_OFFICE.search(text, left, s_end) or topped):
            label, kind = "Project", None  # a firm's office of trade (顺丰华东分拨中心, 京东
            # …营销中心, …运营结算中心) is its works, no carrier of innovation or service
        name_start = find_name_start(text, left, s_start, s_end, label)
        if kind == "event" and name_start is not None:
            name_start = event_start(text, left, name_start, s_end)
        if name_start is None:
            continue
        if text.startswith("以", name_start) and s_end - name_start >= 4 \
                and not known_prefix(text[name_start:s_end]) \
                and not text.startswith("以色列", name_start):
            name_start += 1  # 曾经以|数博会举办地闻名: the preposition "by" opens no name
            # (以岭药业, a known firm, and 以色列, a country, begin with the character)
        name = text[name_start:s_end]
        if label == "Project" and (_CLASSIFYING.search(text, max(start, name_start - 3), name_start)
                                   or "暨" in name):
            # 这是|石化产业关键节点项目: a copula classifies the works, names none; 暨 joins
            # the names of events (…产业推介暨…招商引资项目签约会), never a works' name
            continue
        if kind == "event":
            s_end = name_start + _first_of_joined(name)
            name = text[name_start:s_end]
        props = {"kind": kind} if kind else {}
        if label == "Project" and not topped and not _named_works(text, start, name_start, s_end,
                                                                  props):
            continue
        ext = EXTENSION.match(text, s_end, end) if label == "Project" and INFRA.search(name) \
            else None
        if ext:  # the work is its extension (威海机场迁建, 梅州长潭水库扩建)
            name = text[name_start:ext.end()]
        out.append(Mention(label, name, sentence, name_start, ext.end() if ext else s_end, props))
        limit = name_start


def _after_party(text: str, name_start: int, s_start: int, s_end: int) -> int:
    """Where a carrier's name starts after the party that works with it: a firm, a body or
    a place joined to it by 与/和/同 (甲集团有限公司与|乙大学, 南沙与|华中科技大学), or a
    zone by 联合/携手 (高新区联合|天津工业大学).

    >>> t = "南沙与华中科技大学"
    >>> t[_after_party(t, 0, 7, 9):]
    '华中科技大学'
    """
    from kg.loaders.extract_name_places import place_name
    for match in re.finditer(r"[与和同以]|联合|携手", text[name_start:s_start]):
        before = text[name_start:name_start + match.start()]
        if match.group() == "以" and (not place_name(before) or known_prefix(
                text[name_start + match.start():s_end])):
            continue  # (郑州以|高能级创新平台为支撑: "by" after the place that acts; not
            # the 以 of 以岭药业)
        if s_end - (name_start + match.end()) >= 4 and (
                re.search(r"(?:公司|集团|政府|管委会)$", before) or place_name(before)
                or len(match.group()) == 2 and re.search(r"(?:高新区|经开区|开发区|园区)$", before)
                and not re.match(r"创新|研究|实验|会|体|攻关|技术|工程|办",
                                 text[name_start + match.end():])):
            return name_start + match.end()  # (高新区联合|天津工业大学; 网易(北海)联合创新
            # 中心 and …联合会 keep it: a joint centre, a federation)
    return name_start


def _named_works(text: str, start: int, name_start: int, s_end: int, props: dict) -> bool:
    """True when the works word's phrase ``text[name_start:s_end]`` names one works (its
    investment, if stated, goes into ``props``)."""
    name = text[name_start:s_end]
    invest = INVEST.search(text, start, name_start) or INVEST_AFTER.match(text, s_end)
    if not invest:
        invest = INVEST_SIGNED.search(text, start, name_start)
        if invest and dictionary_words(re.sub(r"(?:项目|工程)$", "", name)):
            return False  # …签订|木地板生产项目: a works of a kind, in words of the language
    if invest:
        props["investment"] = invest.group(1)
    if _MANY_AFTER.match(text, s_end) or text.startswith("之一", s_end):
        return False  # “大块头”项目不少: a predicate of number says there are many, a kind;
        # 列为甲省标志性外资项目之一: one of a class, the class names no works
    alone = name.endswith("项目") and not text[:name_start].strip() \
        and not text[s_end:].strip(" 。;:") and not dictionary_words(name[:-2].replace("及", ""))
    # (基因工程 alone is a field's heading; 联合开发及生产项目, words of the language, a kind)
    # (a line that is a works' name alone is an entry of a list of works: 清单如下 甲…项目)
    return project_ok(name, listed=_works_beside(text, name_start, s_end) or alone,
                      invested=bool(invest),
                      built=bool(BUILD.search(text)),
                      bounded=bool(invest) and invest.end() == name_start)


def _works_beside(text: str, start: int, end: int) -> bool:
    """True when the works named at ``text[start:end]`` stands in a run of works each named
    with its own suffix that a clause signs (签订甲项目、乙项目…协议): the agreements are for
    named works. (A run described by kind, 既有甲项目、乙项目, names none.)

    >>> _works_beside("签订甲乙生产线项目、丙丁配电网项目投资协议", 2, 9)
    True
    >>> _works_beside("甲乙光学膜项目、丙丁氢能基地项目正式签约", 0, 7)
    True
    """
    clause = max(text.rfind(mark, 0, start) for mark in ",;。") + 1
    # the run may close on the signing too (甲项目、乙项目正式签约落地)
    run_end = re.match(r"(?:、[^,;。、]{2,30}?(?:项目|工程))*", text[end:]).end() + end
    if not re.search(r"签订|签署|签约", text[clause:start]) and not re.match(
            r"(?:正式|成功|集中|顺利|现场)?(?:签约|签订|签署)", text[run_end:run_end + 6]):
        return False
    after = re.match(r"、[^,;。、]{2,30}?(?:项目|工程)", text[end:end + 33])
    return bool(after) or bool(re.search(r"(?:项目|工程)、$", text[max(0, start - 3):start]))


def _whole_zone(text: str, left: int, s_start: int, s_end: int, label: str) -> bool:
    """True when a zone type inside a longer run ends a zone named by its place
    (威海高新区|总结表彰大会): the place and the type name the zone whatever the run goes
    on to name; a zone type inside a word (…区工程) opens on no place, a rank or a first
    of its kind names no zone (河南省首单国家级高新区…项目)."""
    if label != "Zone":
        return False
    name_start = find_name_start(text, left, s_start, s_end, label)
    return name_start is not None and region_prefixed(text[name_start:s_end]) \
        and not re.search(r"首[单个家批座]|第一|级", text[name_start:s_start])


def _first_of_joined(name: str) -> int:
    """Where an event's own name ends when 暨 joins a second name of the same occasion to
    it (世界半导体大会|暨南京国际半导体博览会): the first is a whole event's name by itself;
    else the name's length (中国·河南开放创新暨跨国技术转移大会: the part before 暨 is no event).

    >>> _first_of_joined("世界半导体大会暨南京国际半导体博览会"), _first_of_joined("开放创新暨技术转移大会")
    (7, 11)
    """
    joint = name.find("暨")
    if joint >= 4 and suffix_type(name[:joint]) == ("Platform", "event"):
        return joint
    return len(name)


# A numbered institute or academy of an industrial group (中电科55所, 中国电科二十二所,
# 航天科工二院): the group's name — it ends like one, in 科/工/技/业/团/核/船 (中电科, 航天科工,
# 兵器工业, 中核) — then the number the group gives the unit. A count of schools or units
# (高校13所, 小学和幼儿园60所, 推动超40所) follows a kind of institution or a verb instead.
_NUMBERED_UNIT = re.compile(r"([\u4e00-\u9fff]{2,6}?[科工技业团核船])第?"
                            r"(?:[0-9]{1,3}|[一二三四五六七八九十]{1,3})(?:研究)?[所院]"
                            r"(?![\u4e00-\u9fff]?(?:校|长|士|区|系))")


def numbered_institutes(text: str, c_start: int, c_end: int, sentence, found: list) -> None:
    """Institutes named by their group and number (:data:`_NUMBERED_UNIT`) in a clause.

    >>> from kg.loaders.sentences import split_sentences
    >>> s = split_sentences("支持中国电科38所、航天科工二院建设,新建高校13所。")[0]
    >>> out = []; numbered_institutes(s.text, 0, len(s.text), s, out); [m.name for m in out]
    ['中国电科38所', '航天科工二院']
    """
    for match in _NUMBERED_UNIT.finditer(text, c_start, c_end):
        left = max(text.rfind(c, c_start, match.start(1)) for c in ",;:、(“") + 1
        start = trim_start(text, max(left, c_start), match.end(1))
        if match.end(1) - start < 2 or any(m.i < match.end() and start < m.j for m in found):
            continue
        found.append(Mention("Platform", text[start:match.end()], sentence, start, match.end(),
                             {"kind": "institute", "numbered": True}))


# Words of quality that govern a name elsewhere but open the theme of a meeting's name
# (绿色低碳高质量发展大会, 文旅产业高质量发展大会).
_THEME_WORD = re.compile(r"(?:高质量|高水平)$")


def event_start(text: str, left: int, name_start: int, s_end: int) -> int | None:
    """Start of an event's name once a theme word the trim took for a verb is taken back;
    None for a whole place's work meeting (召开全省|科技大会: no event, see work_meeting)."""
    theme = _THEME_WORD.search(text, left, name_start)
    if theme:
        wider = trim_start(text, left, theme.start())
        if theme.start() - wider >= 2 and valid_name(text[wider:s_end], "Platform"):
            name_start = wider
    if work_meeting(text[name_start:s_end], text[max(0, name_start - 2):name_start]):
        return None
    return name_start
