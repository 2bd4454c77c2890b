"""Filters of the industry extractor: what a candidate industry name may and may not be.

An industry is named by its product or trade (钢铁, 生物医药, 低空经济); a rank, a scope,
a place, a verb phrase or a word of policy is not. :func:`industry_name` cuts a name to its
bare form, :func:`industry_ok` says whether it can name an industry at all,
:func:`regional` and :func:`verb_inside` catch places and clauses.

>>> industry_name("高新区生物医药产业"), industry_ok("生物医药"), industry_ok("主导产业")
('生物医药', True, False)
>>> regional("川渝"), regional("钢铁")
(True, False)
"""
from __future__ import annotations

import re
from functools import lru_cache

from kg.loaders.lexicon import (NOT_DEVELOP, NOT_INDUSTRY_OPENERS, NOT_INDUSTRY_PARTS,
                                NOT_INDUSTRY_WHOLE, NOT_TRADE_ENDS, on_fold, suffix_type)
from kg.loaders.mentions import Mention
from kg.loaders.extract_name_checks import PLACEHOLDER
from kg.loaders.extract_name_places import place_name

CJK = r"[\u4e00-\u9fffA-Za-z0-9]"
_NOT_INDUSTRY_RE = (r"^(?:主导|新兴|优势|支柱|特色|传统|未来|相关|关联|重点|龙头|上下游|其|具有|拥有|本土|"
                    r"研发生产|"
                    r"配套|本地|全|各|该|其他|其它|这些|多|一批|要|对|发展|新型产业|高新技术|城市|每|"
                    r"国家|我市|我区|本市|协作|引导|进|"
                    r"战略性新兴|战略新兴|"
                    # verbs of a campaign and of giving (大抓产业, 掀起…, 引领产业创新, 承接外溢
                    # 产业, 提供…): lexicon.NOT_INDUSTRY_OPENERS; determiners and words of scope
                    # or weight: none names a trade
                    r"@OPENERS@|新一轮|战略性|重大|区域|跨区域|"
                    # statistical and ranking classes of firms: 规上服务业, 百强服务业
                    r"规上|规模以上|百强|省级|重要)|同志|"
                           # kinds of consumption (数字消费, 绿色消费) are demand, not trades;
                           # 经营主体 names actors
                    r"消费$|主体$|"
                    # a place's strategy named by what makes it strong (工业强县, 生态立市,
                    # 商旅旺县), a place's own scope (县域地理标志) and demonstratives (燃料电池
                    # 这个产业): no trade's name holds them
                    r"[强立兴旺活富稳][县市省区镇乡]$|^县域|这个|那个|这一|"
                    # a count of people (330名, 数千名) is no trade
                    r"名$|地$|"  # (资源地产业: a kind of place, no trade)
                    # a span of time, a process of becoming (现代化, 数字化: 3 characters
                    # ending in 化; 石化, 文化 are trades), what a thing is used for or
                    # supports (可广泛应用于动力, 平台支撑)
                    r"月份|季度|^[\u4e00-\u9fff]{2}化$|用于|支撑$|"
                    # carriers (科创载体: buildings and platforms) and the amenities of a
                    # place to live (生活配套) are what a zone builds, not trades
                    r"载体$|^生活配套$|"
                    # a quality alone (绿色产业“焕新”: green, of any trade) and the chains that
                    # link trades (供应链, 价值链: supply and value, no trade's product)
                    r"^绿色$|^(?:供应|价值|创新|资金|人才)链$|"
                    # the work of courting investment (社会招商, 中介招商力量): no trade
                    r"招商|力量$|"
                    # demonstratives and ranks or scales alone (这里产业, 六大规模产业, 作为核心
                    # 产业), a cut left at a count (两|业融合), processes of becoming
                    # (新型工业化), a count of kinds (七个方面) and a list (交通、电力)
                    r"^(?:这里|那里|此处|规模|核心|重点|关键)$|^业|(?:工业|城镇|信息|现代|数字|智能|"
                    r"网络|国际|市场|标准|品牌|规模|集约)化$|[一二三四五六七八九十两几]个|、|"
                    # the aspect 着 (孕育着|康养产业) and availability (可供|产业使用), the
                    # capital as a place (首府), qualities and markets (高价值, 外销)
                    r"着|可供|^首府$|^高(?:附加|价)?值$|^[内外]销$|"
                    # an area or an amount (800公顷), the class of a ranking list (民营企业…)
                    r"\d+(?:公顷|亩|平方|万?吨|公里)|^民营|"
                    # places a district is made of (…瓷谷, …风情街, 创新创业园, 高速两厢) and
                    # reported speech (甲某说)
                    r"(?:园|城|街|谷|两厢|说)$|"
                    r"[的了是为等批亿则]|\d+[个家大亿年]|\d至|企业$|^[\d.]+$|集团|股份|"
                    r"领域|系列|产品$")
VERB_START = re.compile(r"^(?:吹响|打通|保障|创造|增强|面临|发展|强化|加强|完善|推进|推动|绘制|全面|扩大|创新|大力|打造|建设|实施|"
                        r"加快|提升|培育|构建|优化|深化|积极|坚持|突出|聚焦|围绕|依托|引进|设立|"
                        r"开展|促进|发挥|鼓励|支持|争取|探索|做好|抓好|着力|[首重狠紧主]?抓)")
# (…产业链 is the trade's chain: 眼镜产业链方面 speaks of 眼镜)
_STRIP_TAIL = re.compile(r"(?:产业集群|全产业链|产业链|产业|集群)$")
# a rank written between the trade and 产业 is no part of the trade: 新能源汽车|首位|产业
LEADING_RANKS = ("首位", "主导", "支柱", "优势")
# the scale or standing a cluster aims at, written between the trade and 产业: 新材料|世界级|产业集群
_SCALE_RANKS = ("世界级", "国家级", "省级", "万亿级", "千亿级", "百亿级", "千亿", "百亿")
_RANK_TAIL = re.compile(r"(?<=..)(?:双|两大|[一二三四五六七八九十\d]+大)?(?:"
                        + "|".join(LEADING_RANKS + ("未来", "新兴")) + ")$")
_SCALE_TAIL = re.compile(r"(?<=..)(?:" + "|".join(_SCALE_RANKS) + ")$")


# A zone before a field says where it is, not what it is (高新区生物医药, 辖区所有制造业).
_ZONE_LEAD = re.compile(r"^[\u4e00-\u9fff]{0,4}?(?:高新区|经开区|开发区|自创区|自贸区|园区|片区|辖区|区内)"
                        r"(?:所有|内|的)?")


def zone_lead_stripped(name: str) -> str:
    """``name`` without a zone that leads it (高新区制造业 → 制造业, 辖区所有制造业 → 制造业).

    >>> zone_lead_stripped("郑州高新区制造业"), zone_lead_stripped("装备制造业")
    ('制造业', '装备制造业')
    """
    rest = _ZONE_LEAD.sub("", name)
    # the rest of a place's phrase (汉江|流域|先进制造业, 沿线): where, not what
    rest = re.sub(r"^(?:流域|沿线|沿岸|沿江|沿海)(?=[\u4e00-\u9fff]{3})", "", rest)
    # a position on the chain before the trade (下游|电池片, 上游|高纯石英砂): where, not what
    rest = re.sub(r"^(?:产业链)?(?:上中下游|上下游|上游|中游|下游)(?=[\u4e00-\u9fff]{2})", "", rest)
    rest = re.sub(r"^密集型(?=..)", "", rest)  # (知识)|密集型生产性服务业: the kind's last word
    run = city_run(rest)
    if run and len(rest) - run >= 2:
        rest = rest[run:]  # 呼包鄂|低空经济: the cities by their first characters, then the trade
    develop = re.search(r"发展(?=[\u4e00-\u9fff]{2})", rest)
    if develop and develop.start() >= 1:
        rest = rest[develop.end():]  # 集中资源发展|制造业, 结合实际发展|生物医药: the verb's object
    return rest if len(rest) >= 2 else name


@lru_cache(maxsize=1)
def _city_initials() -> frozenset:
    """The first characters of the prefecture-level cities' names (沈 of 沈阳, 呼 of 呼和浩特)."""
    from kg.loaders import gazetteer as national
    return frozenset(r.name[0] for r in national.regions() if r.level == "city")


@lru_cache(maxsize=8192)
def city_run(name: str) -> int:
    """Length of the run of cities written by one character each that opens ``name`` (呼包鄂|
    低空经济, 沈大哈长): three or more one-character words of jieba's dictionary, each a
    city's first character; else 0.

    >>> city_run("呼包鄂低空经济"), city_run("普惠金融"), city_run("内河新能源船舶")
    (3, 0, 0)
    """
    import jieba
    if name[:1] not in _city_initials():
        return 0
    run = 0
    for word in jieba.lcut(name, HMM=False):
        if len(word) != 1 or word not in _city_initials():
            break
        run += 1
    return run if run >= 3 else 0


def industry_name(name: str) -> str:
    """An industry's name without a trailing 产业/集群 or a leading zone (物联网产业 → 物联网).

    >>> industry_name("高新区生物医药产业")
    '生物医药'
    """
    name = name.strip()  # (一季度 重庆两江新区汽车: a space the page left before it)
    name = re.sub(r"(?<=..)(?:产能规模|产能|产量|产值)$", "", name)  # 组件|产能规模: a measure of it
    name = re.sub(r"(?<=..)(?:赛道|板块)$", "", name)  # 智能驾驶|赛道: a sector's figure of speech
    bare = _STRIP_TAIL.sub("", name)
    bare = _RANK_TAIL.sub("", bare) if bare != name else bare
    scaled = _SCALE_TAIL.search(bare) if bare != name else None
    if scaled and _noun_end(bare[:scaled.start()]):
        bare = bare[:scaled.start()]  # 新材料|世界级|产业集群 (再造一个|千亿级: no noun, no trade)
    # the part a trade plays is no trade (数字经济|赋能作用, 生产性服务业|支撑作用)
    bare = re.sub(r"(?<=..)(?:赋能|支撑|引领|带动|示范|辐射|推动|促进)?作用$", "", bare)
    if re.search(r"..核心$", bare):
        bare = bare[:-2]  # 数字经济|核心产业: the statistical core of a trade is the trade
    return zone_lead_stripped(bare if len(bare) >= 2 else name)


def one_character_words(name: str) -> bool:
    """True for a phrase of one-character words only (招|大|引|强, 引|新|聚|优): a slogan of
    verbs and adjectives, not the name of a trade, which holds a noun of two characters or more.

    >>> one_character_words("招大引强"), one_character_words("应用电子")
    (True, False)
    """
    return len(name) >= 3 and all(len(word) == 1 for word, _ in pos_tags(name))


def slogan_of_effort(name: str) -> bool:
    """True for four one-character words two of which are verbs (引|新|聚|优, 招|大|引|强):
    a slogan of effort. (Trades written in one-character words name things: 文旅康养, 白羽鸡.)

    >>> slogan_of_effort("引新聚优"), slogan_of_effort("文旅康养"), slogan_of_effort("白羽鸡")
    (True, False, False)
    """
    tags = pos_tags(name)
    return len(name) >= 4 and all(len(word) == 1 for word, _ in tags) \
        and sum(flag == "v" for _w, flag in tags) >= 2


def _noun_end(words: str) -> bool:
    """True when ``words`` end in a common noun (新材料), not a verb, a count or a place."""
    tags = pos_tags(words)
    return bool(tags) and tags[-1][1].startswith("n") and tags[-1][1] not in ("ns", "nr", "nrt")


_IND_STOP_RE = (r"^(?:国家|省|市|县|区|乡镇?)级$|"  # a level of government (市级|先进制造业集群)
               r"^[\u4e00-\u9fff]{1,2}[部委厅局]$|"  # a department of government (工信部, 发改委)
               # a grade of scale or reach (世界级|先进制造业集群, 千亿级), no trade
               r"^(?:世界|国际|全球|[千百万]亿)级$|"
               # a rank alone, new or traditional (新型骨干产业, 传统骨干)
               r"^(?:新型|传统)?骨干$|"
               # a rank left by a count (几|大支柱产业): the count's 大 opens no trade
               r"^大(?:支柱|主导|优势|特色|重点|新兴|传统)|"
               # a position on a chain, no trade (甲、乙等上游产业)
               r"^(?:上|中|下|上下|上中下|产业链上下)游$|"
               r"^(?:产业|产业集群|集群|行业|领域|工业|经济|制造|服务|主导|新兴|未来|传统|首位|支柱|"
                r"优势|特色|重点|先进制造|现代服务|制造业|服务业|发展|产业发展|高端|数字|智慧|"
                # broad words and fields of public policy, not trades (a trade names its
                # product: 医疗器械, 文化创意): lexicon.NOT_INDUSTRY_WHOLE
                r"@WHOLE@)$|"
                r"^[一二三四五六七八九十两]|[一二三四五六七八九十两]大$|"
                # a count left at the start (6条|制造业, 条|制造业重点产业链)
                r"^\d*条")
# (marks and quotes, and the words of lexicon.NOT_INDUSTRY_PARTS — policy, demand, land,
# abstract nouns of a mode or momentum, idioms of effort — make a phrase no industry:
# _BAD_PART, built in _compile_contexts)
_LOOSE_END_RE = (r"(?:[一二三四五六七八九十两\d]大|发展|和|与|及|的|以|在|兴|时代|新兴|传统|主导|重点|优势|特色|先进|"
                 # a lone 新 of 新产业 (培养|新|产业增长点: the verb before it is no trade)
                 r"(?<![创更革])新|"
                 # a quantifier before 方面 (综合考虑各|方面因素); a class of works (产业类,
                 # 基础设施类: a kind of two characters or more, not 肉类)
                 r"各|(?<=[\u4e00-\u9fff]{2})类|"
                 r"关联|相关|高新技术|上下游|"
                 # a position on the trade's chain (不锈钢下游: the trades after it, unnamed)
                 r"(?<=..)[上中下]游|"
                 # the 全 of 全产业链 left on the trade (护国陈醋全|产业融合发展园区)
                 r"(?<=..)(?<!安)全|"
                 # an action on a trade, not the trade (工程机械提档升级, 智能家电补链强链,
                 # 激光产业扩能增效, 生产性服务业补短): the trade is the words before it
                 r"(?<=..)(?:(?:提档|转型|优化|迭代)?升级|扩能增效|提质增效|提质扩容|增效|"
                 r"[补强延建]链|补短板?|扩能)|"
                 # a belt or a circle of innovation or industry is an area (沿沪宁产业创新带,
                 # 环太湖科创圈), as an 经济带 is
                 r"(?:创新|科创|产业|经济|发展|生态|文化|旅游)[圈带]|"
                 # the three sectors counted (农村一二三|产业融合)
                 r"一二三|"
                 # the kinds of operator of farming (家庭农场, 农民专业合作社: 新型农业经营主体)
                 # and regimes of rules (排污许可制): lexicon.NOT_TRADE_ENDS
                 r"@ENDS@)$")
# Leading verbs left on the first item of a list ("提升发展果蔬加工…", "主要涵盖大数据").
# (抓 with its adverb, 首抓/重抓/狠抓/紧抓/主抓: grasping a field is governing it)
LEAD_VERB = re.compile(r"(?:主要|重点|大力|积极|加快|着力|创新(?!药)|提升|巩固|培育|壮大|做大做强|"
                       r"做强|做大|做精|做优|做实|发展|涵盖|包括|围绕|聚焦|瞄准|推进|推动|布局|提质|构筑|形成|"
                       r"[首重狠紧主]抓|紧盯|盯紧|盯住|锁定|深耕细作|深耕|结合|"
                       # seizing a field first, strengthening, improving (抢占|低空经济,
                       # 抢滩|智能装备, 筑牢|乡村产业, 扩大和改善|文体康旅)
                       r"抢占|抢滩|筑牢|改善|做深|出台|集中攻关|攻关|升级|市场化导入|导入|提档升级|"
                       r"补齐|打响|开辟|开发(?!区)|做热|编制|提振|"
                       # enriching and making thrive (丰富|研学旅游, 丰富繁荣|生活性服务业),
                       # rousing (激发|新能源、装备制造…产业活力)
                       r"丰富|繁荣|激发|"
                       # digging out a field's potential (挖掘|金融、现代物流等…潜力)
                       r"深挖|挖掘)+")


def industry_ok(name: str) -> bool:
    """True when ``name`` (bare, as :func:`industry_name` leaves it) can name an industry:
    2-12 characters, no rank, scope, word of policy or loose end, no other entity's suffix,
    a noun (钢铁 yes; 主导, 发展, 帮扶 no)."""
    return (2 <= len(name) <= 12 and not _NOT_INDUSTRY.search(name) and not _IND_STOP.match(name)
            # a word of a kind or property (劳动密集型, 高成长性) says what sort, not what trade
            and not name.endswith(("型", "性"))
            # a conjunction left by a cut (造纸|与木材加工), a count of things (绿色矿山75座)
            and not name.startswith(("与", "和", "及", "并", "美乡村", "性", "国有", "自治区"))
            # (和|美乡村: a programme; 创新|性发展…: a suffix left by a cut; 国有|滑石, 自治区|文化:
            # who owns or rules, no trade)
            and not re.search(r"\d+[座个家项条所幢栋户]", name)
            and not re.search(r"在(?!线)", name)  # (兵地在油气…: a preposition, 在线 a word)
            # a count of things inside (氯|五大盐湖), a scale of tons (万吨级出口)
            and not re.search(r"[一二三四五六七八九十两]大|吨级|–|^[GS]\d+$|国家$|(?<=.)镇$", name)
            and not _BAD_PART.search(name) and not _LOOSE_END.search(name)
            and suffix_type(name)[0] is None and not _no_noun(name)
            and not (name.endswith("经济") and (ECONOMY_CLASS.fullmatch(name[:-2])
                                                or place_name(name[:-2])))  # 伊犁经济
            # a park or an area is a place, not a trade (园区产业, 轻工制造区; the other zone
            # types are suffixes)
            and not name.endswith("区")
            # a way of working (网络化协同, 数字化管理, 个性化定制): a mode, no trade's product
            and not re.search(r"..化(?:协同|管理|定制|延伸|运营|生产|改造|转型)$", name)
            and not _PLACE_TAIL_LEAD.match(name) and not _adjective_end(name)
            and not PLACEHOLDER.search(name) and not clause_words(name))


# The words a clause opens on — pronouns, prepositions, idioms and the causative 让/使 —
# and one-character verbs closing it (我们育|产业, 以纸基, 千方百计丰富服务业, 奋力聚|产业,
# 科技即|产业, 材料到): a trade's name is a noun phrase, none of them opens or closes one.
_CLAUSE_OPENERS = ("r", "p", "i")


def clause_words(name: str) -> bool:
    """True when ``name`` opens on a pronoun, a preposition, an idiom or 让/使, closes on a
    one-character verb after an adverb (奋力聚) or on a copula (科技即), or joins two nouns by
    到 (资源到材料): words of a clause.

    >>> clause_words("我们育"), clause_words("以纸基"), clause_words("资源到材料")
    (True, True, True)
    >>> clause_words("新能源汽车"), clause_words("文化游"), clause_words("自驾游")
    (False, False, False)
    """
    words = pos_tags(name)
    if not words or not re.fullmatch(r"[\u4e00-\u9fff]+", name):
        return False
    first, last = words[0], words[-1]
    if len(words) >= 2 and (first[1] in _CLAUSE_OPENERS and first[0] not in ("与", "及", "和")
                            or first[0] in ("让", "使")):  # (自驾游 alone is one idiom)
        return True
    if len(words) >= 2 and len(last[0]) == 1 and last[1] == "v" and len(words[-2][0]) >= 2 \
            and (words[-2][1] in ("d", "r", "a", "ad") or last[0] in "即到是为有"):
        # (an adverb or a pronoun, then the verb — 奋力|聚; or a copula or 到 after a noun —
        # 科技|即; a trade's noun and its verb — 文化|游, 托|育 — stay)
        return True
    return any(word in ("到", "向", "把", "被") for word, _flag in words[1:-1])
    # (到 joining two nouns, 向/把/被 a preposition inside: 泵阀产业向能源…, a clause)


def bad_part(name: str) -> bool:
    """True when ``name`` holds a word that makes a phrase no industry (lexicon.NOT_INDUSTRY_PARTS).

    >>> bad_part("懂经济"), bad_part("数字经济")
    (True, False)
    """
    return bool(_BAD_PART.search(name))


def _adjective_end(name: str) -> bool:
    """True when a name of three characters or more closes on a one-character adjective
    (后劲|足, 潜力|大): a statement about the trade, not its name.

    >>> _adjective_end("潜力大"), _adjective_end("新能源")
    (True, False)
    """
    words = pos_tags(name) if len(name) >= 3 else ()
    return len(words) >= 2 and words[-1][0] in _JUDGING and words[-1][1] == "a"


# one-character adjectives that judge (足, 大, 强 …), not those that make a product's name
# (针状|焦, 低|温)
_JUDGING = frozenset("足大强好高多快优广实稳")


# The last character of a place's or a zone's name left at the start (全|市农业, 经开|区光伏):
# a trade opens on its product, never on 市, 区, 县 or 省 standing alone (市场, 区块链 go on)
_PLACE_TAIL_LEAD = re.compile(r"开区|[市区县省](?!场|块链|域|级|属|内|外|委|政)")


# jieba tags of words that name no product or trade: verbs, time words, places, directions,
# adjectives, adverbs, distinguishing words and numerals (帮扶产业, 现代产业, 粤北产业, 沿江
# 产业园, 主特产业)
_NOT_NOUN_TAGS = ("v", "t", "ns", "f", "s", "a", "ad", "d", "b", "m")


def _no_noun(name: str) -> bool:
    """True when a two-character name is no noun (帮扶, 现代, 粤北, 主|特): an industry is
    named by its product or trade (钢铁, 化工, 文旅), a noun.

    >>> _no_noun("帮扶"), _no_noun("现代"), _no_noun("钢铁"), _no_noun("文旅")
    (True, True, False, False)
    """
    if len(name) != 2 or not re.fullmatch(r"[\u4e00-\u9fff]{2}", name):
        return False
    return any(flag in _NOT_NOUN_TAGS for _word, flag in pos_tags(name))


def lead_strip(text: str, i: int, j: int) -> int:
    """Start of a list item once leading verbs (提升发展, 主要涵盖 …) are cut off."""
    match = LEAD_VERB.match(text, i, j)
    return match.end() if match and j - match.end() >= 2 else i


def clause_like(name: str) -> bool:
    """True when a short line is a slogan (a verb phrase: 筑牢粤北生态屏障, 严控村级债务),
    not the name of a field (装备制造业, 节能环保): it holds an idiom, adverb or set phrase,
    or, past four characters, a verb or an opening adjective (part-of-speech tags of jieba)."""
    words = pos_tags(name)
    if any(flag in ("i", "d", "l", "ad") for _w, flag in words):
        return True
    if len(name) > 4 and (any(flag == "v" for _w, flag in words) or words[0][1] == "a"):
        return True
    return False


@lru_cache(maxsize=4096)
def pos_tags(text: str) -> tuple:
    """jieba's (word, part-of-speech flag) pairs of ``text``, dictionary only (no HMM)."""
    import jieba
    import jieba.posseg
    jieba.setLogLevel(60)
    return tuple((w.word, w.flag) for w in jieba.posseg.cut(text, HMM=False))


@lru_cache(maxsize=4096)
def word_bounds(text: str) -> frozenset:
    """Offsets of ``text`` where jieba's words (dictionary only) begin or end.

    >>> sorted(word_bounds("园区与华为"))
    [0, 2, 3, 5]
    """
    bounds, at = {0}, 0
    for word, _ in pos_tags(text):
        at += len(word)
        bounds.add(at)
    return frozenset(bounds)


# Words before a field that are not part of its name: verbs, adverbs, prepositions,
# pronouns, conjunctions, numerals and particles (不仅助推|国产半导体, 我国|新能源汽车).
_NOT_NAME_TAGS = ("v", "d", "p", "r", "c", "u", "uj", "ul", "uv", "ud", "ug", "uz", "m", "q", "f",
                  "ad", "vd")
_PLACE_LEAD = re.compile(r"^(?:国家|我国|全国|全省|全市|全区|国内|国际|省级|市级)")


# Verbs of making that modify a product as participles (合成生物, 复合材料, 再生资源,
# 仿生机器人, 增材制造): part of a trade's name, not a verb governing it.
# (and what a product saves or serves, tagged as verbs: 节能|环保装备, 节水|灌溉设备)
_MAKING_MODIFIERS = frozenset(("合成", "复合", "再生", "仿生", "增材", "节能", "节水", "减排", "储能"))


def phrase_start(text: str, i: int, j: int) -> int:
    """Start of a field phrase once governing words and a leading place are cut off."""
    words = pos_tags(text[i:j])
    pos, start = i, i
    for k, (word, flag) in enumerate(words[:-1]):
        pos += len(word)
        if len(word) == 1 == len(words[k + 1][0]) and flag == "v":
            continue  # 算|力服务, 筑|牢乡村: two characters the dictionary lacks are one word
        if (flag in _NOT_NAME_TAGS and word not in _MAKING_MODIFIERS) or flag == "ns" \
                or _PLACE_LEAD.match(word):
            start = pos
    lead = _PLACE_LEAD.match(text, start, j)
    if lead and j - lead.end() >= 2:
        start = lead.end()
    return start if j - start >= 2 else i


def verb_inside(text: str) -> bool:
    """True when ``text`` holds a clause boundary (a verb of the name bounds) or opens as a
    point of a list (要…, 一是…): a clause, not a name."""
    from kg.loaders.extract_name_bounds import BOUNDARY_AT
    return bool(re.match(r"^(?:要|[一二三四五六七八九十]是)", text)) or any(
        True for _ in BOUNDARY_AT.finditer(text))


def add_untaken(out: list, taken: list, names: list, sentence, role, src: str) -> None:
    """Append an Industry mention for each (start, end, name) not inside a span already taken."""
    for i, j, name in names:
        if not any(a <= i < b for a, b in taken):
            out.append(Mention("Industry", name, sentence, i, j, {"role": role or "other", "src": src}))
            taken.append((i, j))


def regional(name: str) -> bool:
    """True when ``name`` opens with a place, a country or a zone (园区经济), or is only a scope (国际, 农村, 县域: 国际产业合作,
    农村产业), a run of provinces' one-character names (川渝, 粤港澳) or a region round a
    delta or a place (长三角, 环武汉), or one word of a place (长江口|产业创新…区): no trade."""
    from kg.loaders import gazetteer as national
    from kg.loaders.extract_name_places import PROVINCE_SHORT, full_place_prefix, region_prefixed
    # (a county written short is a place too: 吴起, 定边)
    # (a country or the world is a scope too: 中国制造业 is the nation's, no place's trade)
    return region_prefixed(name) or name.startswith(("中国", "我国", "全国", "全球", "世界")) \
        or _ZONE_LEAD.match(name) \
        or len(name) <= 3 and bool(national.region_candidates(name)) \
        or [flag for _, flag in pos_tags(name)] == ["ns"] or 0 < city_run(name) == len(name) \
        or re.match(r"(?:[东西南北中]{1,2}|东中|中西|东西)部", name) or bool(
        ECONOMY_CLASS.fullmatch(name) or re.fullmatch(r"农村|乡村|城市|城乡|城镇", name)
        or re.fullmatch(f"[{PROVINCE_SHORT[:-4]}]{{2,3}}", name)
        # a part of a province by its one-character name and a compass point (闽西北, 苏北)
        or re.match(f"[{PROVINCE_SHORT[:-4]}](?:东南|东北|西南|西北|[东南西北中])", name)
        # a delta (长三角, 珠三角) and a ring round a place, sea or bay (环武汉, 环渤海)
        or name.endswith("三角") or re.match(r"[\u4e00-\u9fff]三角", name) \
        or name.startswith("环") and (
            region_prefixed(name[1:]) or name.endswith(("海", "湖", "湾")))
        # (a county or district written in full opens it too: 洪山区|制造业; so does a
        # town: 水东镇|整体新能源)
        or full_place_prefix(name) or _county_short_prefix(name)
        or re.match(r"[\u4e00-\u9fff]{2,3}镇(?![化区])", name))


def _county_short_prefix(name: str) -> bool:
    """True when a county or district written short, no word of the language, opens the
    name and something follows (砚山|铝, 清河|羊绒): the place's trade, named by the place.

    >>> _county_short_prefix("砚山铝"), _county_short_prefix("光明乳业"), _county_short_prefix("新材料")
    (True, False, False)
    """
    from kg.loaders.extract_firms import COMMON_WORD, _frequency
    return any(len(name) > n and place_name(name[:n]) and _frequency(name[:n]) < COMMON_WORD
               and n in word_bounds(name) for n in (2, 3))


# Economies that are no trade, as closed classes of the language: the forms of ownership
# (the Constitution's 国有/集体/个体/私营 and the usual 民营/非公/外资/混合所有制 — 民营经济),
# an area named by its 域 (县域, 区域, 省域, 市域, 流域 — 县域经济), the economy as a whole
# seen from home or abroad (国内, 国际, 国民, 宏观, 微观, 地方 — 国内经济), and the real
# economy as against the financial (实体, 虚拟), and a place pointed at by a determiner
# (我区, 全市, 本县 — 推动我区经济发展: the place's whole economy).
ECONOMY_CLASS = re.compile(r"国有|集体|个体|私营|民营|非公|公有|外资|混合|.域|国内|国际|国民|宏观|"
                           r"微观|地方|实体|虚拟|[我全本该][省市区县镇州]|"
                           # a level stabilising it (国家、省、市|稳经济: a policy's aim)
                           r"[省市区县]?稳")


def alternatives(words) -> str:
    """A regex alternation of ``words`` taken literally ("(?!)", matching nothing, if none)."""
    return "|".join(map(re.escape, words)) or "(?!)"


# Fields named for something other than developing them: risks, safety, policing, public
# services, reform, research (…等领域风险, 等民生领域, 在…等领域推进重组): not industries.
def not_develop(text: str, *span) -> bool:
    """True when ``text`` (or ``text[span]``) holds a word that names a field for something
    other than developing it (lexicon.NOT_DEVELOP: 风险, 民生, 改革 …)."""
    return bool(_NOT_DEVELOP.search(text, *span))


def _compile_contexts() -> None:
    """(Re)build the patterns made from lexicon lists (a fold changes the lists)."""
    global _NOT_DEVELOP, _LOOSE_END, _NOT_INDUSTRY, _BAD_PART, _IND_STOP
    _IND_STOP = re.compile(_IND_STOP_RE.replace("@WHOLE@", alternatives(NOT_INDUSTRY_WHOLE)))
    _NOT_INDUSTRY = re.compile(_NOT_INDUSTRY_RE.replace("@OPENERS@",
                                                        alternatives(NOT_INDUSTRY_OPENERS)))
    # (a legal form of enterprise names a firm, never a trade: 有限公司|楚雄高新区新能源)
    _BAD_PART = re.compile(r"[++“”\"《》,]|公司|" + alternatives(NOT_INDUSTRY_PARTS))
    _NOT_DEVELOP = re.compile(alternatives(NOT_DEVELOP))
    _LOOSE_END = re.compile(_LOOSE_END_RE.replace("@ENDS@", alternatives(NOT_TRADE_ENDS)))


_compile_contexts()
on_fold(_compile_contexts)
