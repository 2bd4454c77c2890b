"""Industries named one by one in running text: "X产业" / "X制造业" phrases (and the
items before them that share the head), economies (数字经济), trades after a development verb
(发展旅游业) and trades measured by their output (新能源汽车产量…).

>>> from kg.loaders.sentences import split_sentences
>>> s = split_sentences("大力发展数字经济。")[0]
>>> out = []
>>> economies_and_trades(s, s.text, None, out, [])
>>> [(m.name, m.props["src"]) for m in out]
[('数字经济', 'economy')]
"""
from __future__ import annotations

import re

from kg.loaders.extract_industry_filters import (CJK, ECONOMY_CLASS, LEADING_RANKS, VERB_START, add_untaken,
                                                 alternatives, bad_part, industry_name, industry_ok,
                                                 lead_strip, phrase_start, pos_tags, regional,
                                                 slogan_of_effort,
                                                 verb_inside, word_bounds, zone_lead_stripped)
from kg.loaders.extract_name_places import place_name, region_names
from kg.loaders.lexicon import INDUSTRY_MODIFIED, MEASURE_WORDS, NOT_ECONOMY, on_fold
from kg.loaders.mentions import Mention, clauses, split_depth0

# (X产业规模, X产业结构: the size and make-up of trade X, which stays a trade; 产业规模 of a
# place or a role word is refused by the filters like any other phrase)
_INDUSTRY_RE = (r"(" + CJK + r"{2,12}?)(?:产业集群|产业|制造业|服务业|加工业|物流业)"
                # (an industrialisation base or project is a works: 质子医疗产业化基地)
                r"(?!链|园|港|基地|集聚|带|体系|生态|项目|布局|平台|发展|大会|转移|用地|政策|目录|化基地|化项目|"
                # the demand or strength of industry in general (产业需求, 产业实力), and the
                # nouns 产业 modifies (增量产业资源, 国际产业合作: lexicon.INDUSTRY_MODIFIED)
                r"需求|实力|@MODIFIED@)")
_CONJ = re.compile(r".*(?:的|和|以|在|向)")


# A trade measured by its output: what stands before 产量/产值/增加值/营收/销量 followed by a
# figure or a change is a trade (新能源汽车产量近100万辆, 汽车、有色金属行业增加值分别增长18%).
_MEASURED_RE = (r"((?:[\u4e00-\u9fffA-Za-z]{2,10}、)*[\u4e00-\u9fffA-Za-z]{2,10}?)(?:行业|产业)?"
                r"(?:综合)?(?:@MEASURES@)(?:分别|均|预计)?"
                r"(?:同比)?(?:增长|突破|达到|达|超过|超|近|首次|位居|稳居|居|跃居|保持|占(?!比(?:分别)?提高)|[\d])")
# Totals and aggregates a report measures, not trades: 工业, 规上工业, 地区生产总值, 粮食,
# the economy of an ownership (民营经济), state firms, and a plant's yearly output (年产值).
_MEASURE_NOT = re.compile(r"年$|国企|央企|经济$|工业$|规上|规模以上|生产总值|全省|全市|全区|全年|总|^粮食$|农业$|"
                          r"服务业$|制造业$|企业|园区|开发区|高新区|经开区|[省市区县]$")


def measured_trades(sentence, text: str, role, out: list, taken: list) -> None:
    """Industries named by the output a report measures (:data:`_MEASURED`)."""
    from kg.loaders.extract_name_bounds import trim_start
    for c_start, c_end in clauses(text):
        for match in _MEASURED.finditer(text, c_start, c_end):
            start = trim_start(text, match.start(1), match.end(1))
            if start == match.start(1) > c_start and start not in word_bounds(text):
                continue  # 赣州高|新区稀土永磁产业集群产值: the length cap cut a word
            if text[start:start + 1] == "年" and text[start - 1:start].isdigit():
                start += 1  # 2023年|移动智能终端出货量: the year, then the trade
            when = _TIME_LEAD.match(text, start, match.end(1))
            if when and match.end(1) - when.end() >= 2:
                start = when.end()  # 去年|百色|铝加工产量…: the time, the place, then the trade
                start += next((n for n in (4, 3, 2) if text[start:start + n] in region_names()), 0)
            items = []
            for i, j in split_depth0(text, "、", start, match.end(1)):
                # two trades joined by 和, each ending in 业 (文化产业和旅游业); 和 inside
                # one statistical class (交通运输仓储和邮政业) joins no trade on its left
                joint = text.find("和", i, j)
                if joint > i and text[joint - 1] == "业" and text[j - 1] == "业":
                    items += [(i, joint), (joint + 1, j)]
                else:
                    items.append((i, j))
            names = [(i, j, industry_name(text[i:j])) for i, j in items]
            if not names or not all(industry_ok(n) and not regional(n) and not verb_inside(n)
                                    and not _MEASURE_NOT.search(n) and not _firm_named(n)
                                    and not _firm_opens(n) for _, _, n in names):
                continue
            add_untaken(out, taken, names, sentence, role, "measured")


# Time words a report's measure may open with (去年, 今年上半年, 前三季度).
_TIME_LEAD = re.compile(r"(?:今年|去年|前年|上半年|下半年|前三季度|一季度|[1-4]季度|\d{1,2}月)+")


def _firm_named(name: str) -> bool:
    """True when what a report measures is a firm (比亚迪产值突破…, 甲科技年均产值…): a known
    firm, or a name a firm's 字号 opens (:func:`extract_firms.proper_firm_name`).

    >>> _firm_named("韶华科技年均"), _firm_named("新能源汽车"), _firm_named("碳纤维材料")
    (True, False, False)
    """
    from kg.loaders.extract_firms import proper_firm_name
    return proper_firm_name(re.sub(r"(?:年均|年度|全年|今年|当年)$", "", name))


def _firm_opens(name: str) -> bool:
    """True when a known firm's name opens the phrase (比亚迪|半导体产业化): the firm's line
    of business, no trade of the place's.

    >>> _firm_opens("比亚迪半导体"), _firm_opens("新能源汽车")
    (True, False)
    """
    from kg.loaders.extract_firms import one_thing_word
    from kg.loaders.extract_known import known_firms
    # (a listed firm's short name may be a word of the language: 农产品|加工业)
    return any(name[:n] in known_firms() and not one_thing_word(name[:n])
               for n in range(2, len(name) - 1))


def _prepositional(name: str) -> bool:
    """True when a phrase holds a preposition other than the joining 与/及/和 (是指|由|制造业…):
    a trade's name is a noun phrase, a preposition makes it part of a clause.

    >>> _prepositional("指由制造业"), _prepositional("氢能与储能")
    (True, False)
    """
    return any(flag == "p" and word not in ("与", "及", "和") for word, flag in pos_tags(name))


def industry_phrases(sentence, text: str, role, out: list, taken: list) -> None:
    """Industries named as "X产业" / "X制造业" phrases, cut after governing words."""
    from kg.loaders.extract_name_bounds import trim_start
    for match in _INDUSTRY.finditer(text):
        if text.count("(", 0, match.start()) > text.count(")", 0, match.start()):
            continue  # inside a bracketed detail of a field: 装备制造(…加工业)
        i = trim_start(text, match.start(1), match.end(1))
        conj = _CONJ.match(text, i, match.end(1))
        if conj:
            i = conj.end()
        i = lead_strip(text, i, match.end(1))
        i = phrase_start(text, i, match.end(1))
        if i > 0 and text[:i].rstrip()[-1:] in tuple("0123456789一二三四五六七八九十两") \
                and text[i] in "大条个项类":
            i += 1  # 4大高端装备制造业, 5条先进制造业产业链 (a space may follow the figure)
        if text.startswith(("左右", "以上"), i):
            i += 2  # 20个左右制造业关键产品: the filler of a count
        dev = max(text.rfind(v, i, match.end(1)) for v in ("发展", "培育", "壮大"))
        if dev > i and match.end(1) - dev - 2 >= 2:
            i = dev + 2  # 更大力度发展富民产业: the name follows the development verb
        if any(a <= i < b for a, b in taken) or match.end(1) - i < 2 or _named_after(text, match.end()):
            continue
        if text.startswith("先进制造业", i) and re.match(r"(?:产业)?集群", text[i + 5:i + 9]):
            continue  # 先进制造业集群: the state's designation of a cluster (a programme)
        whole = text[i:match.end()]
        name = industry_name(whole) if not whole.endswith(("制造业", "服务业", "加工业", "物流业")) \
            else zone_lead_stripped(whole)
        if regional(name) or verb_inside(name) or VERB_START.match(name) or _prepositional(name) \
                or _firm_opens(name) or slogan_of_effort(name):
            continue
        if industry_ok(name) or (name.endswith("业") and industry_ok(name[:-3] or "x")):
            own = "service" if name.endswith("服务业") else role
            if (whole.endswith("集群") or whole.removesuffix("产业").endswith(LEADING_RANKS)) \
                    and own in (None, "other"):
                own = "leading"  # a place's 产业集群 is a trade it has concentrated, its
                # 首位产业 its first trade
            if re.search(r"大(?:未来|新兴)产业$", whole):
                # 氢能源一大未来产业: the rank written with the trade is its own
                own = "future" if whole.endswith("未来产业") else "emerging"
            out.append(Mention("Industry", name, sentence, i, match.end(),
                               {"role": own or "other", "src": "phrase"}))
            _shared_head(sentence, text, i, own or "other", out, taken)


# A trade named by one character (茶产业, 钛产业, 做大酒产业, 竹产业、菌产业): a crop, a metal or a
# product that is one noun of the language; one character cannot stand alone as a name, so
# the name keeps 产业 as the text writes it. The character must open a word: after a verb of
# developing, a list mark or the clause's start (智能终|端产业 is no 端 trade).
_ONE_CHARACTER_TRADE = re.compile(r"(?:(?<=[、,;:和及与“])|(?<=^)|(?<=发展|做大|做强|做优|做精|壮大|推动|推进|"
                                  r"培育|提升|振兴|支持|打造|聚焦|围绕|优化|巩固|实施|延伸|拉长|"
                                  r"特色))([\u4e00-\u9fff])产业(?!链|园|集聚|集群|基地|项目|平台|"
                                  r"体系|生态|布局|政策|大会|用地|化)")
_NOT_ONE_TRADE = frozenset("链群产业工商农主新强大全该本各省市县区州国乡镇村")  # structure, scope,
# rank and place-level words (省|产业: the province's industry)


def single_character_trades(sentence, text: str, role, out: list, taken: list) -> None:
    """Trades named by one noun character before 产业 (:data:`_ONE_CHARACTER_TRADE`).

    >>> from kg.loaders.sentences import split_sentences
    >>> s = split_sentences("做大茶产业,推动竹产业、菌产业发展。")[0]
    >>> found = []; single_character_trades(s, s.text, None, found, [])
    >>> [m.name for m in found]
    ['茶产业', '竹产业', '菌产业']
    """
    names = []
    for c_start, c_end in clauses(text):
        for match in _ONE_CHARACTER_TRADE.finditer(text, c_start, c_end):
            char = match.group(1)
            tags = pos_tags(char)
            if char not in _NOT_ONE_TRADE and tags and tags[0][1] in ("n", "nz", "ng") \
                    and not _named_after(text, match.end()):  # (铝产业先进制造省实验室: a lab)
                names.append((match.start(1), match.end(), char + "产业"))
    add_untaken(out, taken, names, sentence, role, "one")


def _shared_head(sentence, text: str, i: int, role: str, out: list, taken: list) -> None:
    """The items before an "X产业" phrase joined to it by 、 share its head (形成汽车、城市轨道
    交通产业…: 汽车 is an industry too), back to the word that governs the list."""
    from kg.loaders.extract_name_bounds import trim_start
    names = []
    while i > 0 and text[i - 1] == "、":
        start = max(text.rfind(c, 0, i - 1) for c in ",;:。、(") + 1
        if text[start - 1:start] != "、":
            start = lead_strip(text, trim_start(text, start, i - 1), i - 1)
            words = pos_tags(text[start:i - 1])
            if words and words[0][1] == "v" and len(words[0][0]) >= 2:
                start += len(words[0][0])  # the verb that governs the list (运用|数字技术)
        name = industry_name(text[start:i - 1])
        if not (industry_ok(name) and not regional(name) and not verb_inside(name)) or i - 1 - start > 10:
            return
        names.append((start, i - 1, name))
        i = start
    add_untaken(out, taken, names, sentence, role, "shared")


# "发展银发经济、首发经济", "推动数字经济": an economy named by a short word is an industry
# (低空经济, 夜经济); kinds of ownership or places (民营经济, 县域经济) are not.
_ECONOMY = re.compile(r"(?:发展|推动|培育|壮大|做强|做大|促进|布局|抢抓|深化|拓展|打造|繁荣|提振|激发|"
                      r"现代|、|和|及|与)([\u4e00-\u9fff]{1,2})经济(?!圈|带|区|体|社会|发展水平|运行|"
                      # 经济 modifying the noun after it: the work, growth, size, policy or
                      # field of an economy (中央经济工作会议, 稳定经济增长, 经济领域风险)
                      r"工作|增长|增速|增加值|总量|政策|领域|形势|下行|结构|实力|发达|秩序|性|"
                      # a region's title by its economy (居经济大省前列, 经济强县)
                      r"[大强][省市县区国]|损失|功能区|"  # (直接经济损失, 特殊经济功能区)
                      # the economy of a named area (广清经济特别合作区) is the area's
                      r"[\u4e00-\u9fff]{0,4}(?:合作区|试验区|示范区|走廊)|"
                      # a place's 经济(技术)开发区 is a zone (平原|经济开发区)
                      r"(?:技术)?开发区)")
# An economy that opens a clause as the subject of its growth (低空经济加快发展, 林下经济稳步
# 发展): the clause reports a trade growing.
_ECONOMY_GROWS = re.compile(r"(?:^|(?<=[,;:、]))([\u4e00-\u9fff]{1,2})经济(?=(?:加快|加速|稳步|蓬勃|快速|持续|健康)"
                            r"发展|发展势头|持续壮大|规模(?:突破|达到|达|超过|增长))")
# "大力发展现代金融业", "提升旅游业": a trade ending in 业 after a development verb.
_TRADE_AFTER_VERB = re.compile(r"(?:发展|壮大|做强|培育|提升|推动|促进|振兴|优化)([\u4e00-\u9fff]{2,6}?业)"
                               r"(?=[,。;、和及]|发展|高质量|结构|竞争力|质效)")
# "以甲为代表的封测业": the trade whose exemplar firms the text names (the firms' side of the
# construction: kg.loaders.extract_firm_industries).
EXEMPLAR = r"为(?:代表|引领|龙头|核心|骨干|主体)的"
_EXEMPLAR_TRADE = re.compile(EXEMPLAR + r"([\u4e00-\u9fff]{2,8}?业)"
                             r"(?=[、,;。和及以]|$)")
_NOT_TRADE = re.compile(r"(?:企业|就业|创业|行业|产业|专业|作业|事业|职业|毕业|营业|物业|学业|伟业|基业|"
                        r"失业|开业|实业|商业|主业)$")


def economies_and_trades(sentence, text: str, role, out: list, taken: list) -> None:
    """Industries named as economies (数字经济) or as trades after a development verb."""
    # (the last field: whether the items before the name share its predicate)
    for pattern, stop, src, shared in ((_ECONOMY_GROWS, _NOT_ECONOMY, "economy", True),
                                       (_ECONOMY, _NOT_ECONOMY, "economy", False),
                                       (_TRADE_AFTER_VERB, _NOT_TRADE, "trade", False),
                                       (_EXEMPLAR_TRADE, _NOT_TRADE, "trade", False)):
        for match in pattern.finditer(text):
            i = match.start(1)
            j = match.end(1) + (2 if src == "economy" else 0)
            name = text[i:j]
            if bad_part(name):
                continue  # 懂经济 (懂科技懂经济): a phrase of the words that make no trade
            if name[0] in "和及与并" and src == "trade":
                continue  # 产业发展|和赋能千行百业: 发展 closes a phrase, 和 joins another verb
            if stop.search(match.group(1)) or any(a <= i < b for a, b in taken) \
                    or src == "economy" and (ECONOMY_CLASS.fullmatch(match.group(1))
                                             or place_name(match.group(1))) \
                    or regional(name) or verb_inside(name):
                continue
            out.append(Mention("Industry", name, sentence, i, j, {"role": role or "other",
                                                                  "src": src}))
            taken.append((i, j))
            if shared:  # 水产养殖、林下经济稳步发展: the items before share its growth
                _shared_head(sentence, text, i, role or "other", out, taken)


def _named_after(text: str, end: int) -> bool:
    """True when the 产业 phrase ending at ``end`` is part of a platform, zone, project or
    firm name (…产业研究院, …产业博览会, …产业示范项目, …产业技术集团)."""
    from kg.loaders.lexicon import suffix_matches
    # (a position on the chain follows the trade itself: 光伏产业|上下游产业项目 names 光伏)
    window = re.split(r"[,;。、()“”《》\s]|上下游|上游|下游", text[end:end + 8])[0]
    action = re.match(r"([\u4e00-\u9fff]{2})(?:工程|行动|计划)", window)
    if action and {flag for _w, flag in pos_tags(action.group(1))} <= {"v", "vn"}:
        return False  # 生物医药产业|盘活工程, …培育工程: a programme for the trade, no works
    if re.match(r"[\u4e00-\u9fff]{0,4}(?:集团|公司)", window):
        return True  # …高新产业|技术集团: a firm's registered name
    if re.match(r"(?:单项冠军|隐形冠军|领航企业|标杆企业)", window):
        return True  # 省级制造业|单项冠军: a title a firm holds, no trade the text names
    return any(label in ("Platform", "Zone", "Project") for _, _, label, _ in suffix_matches(window))


def _compile_contexts() -> None:
    """(Re)build the patterns made from lexicon lists (a fold changes the lists)."""
    global _INDUSTRY, _MEASURED, _NOT_ECONOMY
    _NOT_ECONOMY = re.compile("^(?:" + alternatives(NOT_ECONOMY) + ")$")
    _INDUSTRY = re.compile(_INDUSTRY_RE.replace("@MODIFIED@", alternatives(INDUSTRY_MODIFIED)))
    _MEASURED = re.compile(_MEASURED_RE.replace("@MEASURES@", alternatives(MEASURE_WORDS)))


_compile_contexts()
on_fold(_compile_contexts)
