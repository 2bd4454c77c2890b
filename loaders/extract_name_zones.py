"""Zone rules: where a zone's name starts and whether it names one zone, not a kind.

A zone's name starts at its place or its catalogue entry; a kind of zone (各开发区), a
policy pilot (改革先行区) or a zone the text means to build (打造…示范区) is no name. The
zone a park's name opens with, and the park whose phase a project is, are zones too.

>>> zone_ok("郑州高新区", "", 3), zone_ok("各开发区", "", 3)
(True, False)
"""
from __future__ import annotations

import re

from kg.loaders.lexicon import ZONE_CUT_WORDS, is_generic, on_fold
from kg.loaders.mentions import Mention
from kg.loaders import extract_name_bounds as bounds
from kg.loaders.extract_name_checks import (ABBREVIATED, province_name, dictionary_words,
                                            valid_name)
from kg.loaders.extract_name_places import (place_name, region_prefixed, region_start,
                                            town_prefixed, zone_place_prefixed)


def _compile() -> None:
    """(Re)build the pattern made from the lexicon's word list (a fold changes it)."""
    global _ZONE_CUT
    # words no zone name holds: prepositions, conjunctions, 各 and 至 (closed classes), 中
    # before a city or province, and the verbs of lexicon.ZONE_CUT_WORDS (no two of these
    # start with the same character, so their order does not change a match)
    _ZONE_CUT = re.compile(r"在|将|于|和|及|或|把|要|从|向|对|为|给|让|使|各|至|到|(?<!自)由(?!于)|"
                           # 与 after a party to an agreement (公司与|甲经开区管委会签订…);
                           # inside a park's name it joins its trades (航空与燃机产业园)
                           r"(?<=公司|政府|集团|双方|企业|银行|大学|学院|甲方|乙方|丙方)与|"
                           # (我市|汉龙…产业园: the text's own place; 这并非…化工园首次…)
                           r"(?:我|本|全)[市区县省]|这|并非|"
                           r"中(?=[\u4e00-\u9fff]{2}(?:市|省))|"
                           # 居 of a rank (综合竞争力居中部…园区第1位), not of 家居
                           r"居(?=全[国省市区县]|[中东西南北]部|前|首|第)|"
                           # 即 "that is" (六园即|…产业园; not 即墨, 即时), 除 "besides"
                           # (中国除|自由贸易港之外)
                           r"(?<=[园区带翼核轴城”)])即(?![墨时将])|除|"
                           # a wing of a spatial plan before its zone (北翼—|陕北…集聚区)
                           r"[东南西北][翼片][—－-]+|"
                           # a zone's former name opening a bracket or a clause (原|济宁市
                           # 生物产业园; 原阳县 is a county, 平原|示范区 a zone)
                           r"(?<![\u4e00-\u9fff])原(?=[\u4e00-\u9fff]{2,3}[省市县区])|" +
                           ("|".join(map(re.escape, ZONE_CUT_WORDS)) or "(?!)"))


_compile()
on_fold(_compile)
_ASPIRE = re.compile(r"(?:打造|创建|争创|建立|申建|创新|争取|建成|成为|申报|一批|\d个(?:左右|以上)?|国家级|省级|"
                     r"市级|乡镇|新一轮|一个)$")


def catalogue_start(text: str, left: int, name_start: int, s_end: int) -> int:
    """Start of a zone of the shipped catalogue that ends at ``s_end`` after ``name_start``:
    whatever word governs it (理顺|湘江新区), the catalogue knows where its name starts."""
    from kg.loaders.gazetteer import zone_names
    names = zone_names()
    for size in range(min(s_end - max(left, name_start), 16), 3, -1):
        if text[s_end - size:s_end] in names:
            return s_end - size
    return name_start


def zone_start(text: str, start: int, end: int) -> int:
    """A zone name starts after words no zone name holds (在, 和, 各 …) or at its region."""
    opening = text.rfind("(", start, end)
    if opening >= 0 and ")" not in text[opening:end]:
        start = opening + 1  # 跨境贸易(西永综保区): the name is inside the bracket
    last = start
    for match in _ZONE_CUT.finditer(text, start, end):
        if not _open_mark(text[start:match.start()]) \
                and not region_prefixed(text[match.start():end]) \
                and not _inside_place(text, match.start(), end):
            last = match.end()  # a cut inside “…” or (…) is the name's; 和|田 is a city
    return region_start(text, last, end)


def _inside_place(text: str, at: int, end: int) -> bool:
    """True when the character at ``at`` is inside a division's name (呼|和|浩特, 和林格尔):
    no cut there.

    >>> _inside_place("呼和浩特国际陆港", 1, 8), _inside_place("甲和乙产业园", 1, 6)
    (True, False)
    """
    from kg.loaders import gazetteer as national
    return any(national.region_candidates(text[a:b])
               for a in range(max(0, at - 3), at + 1)
               for b in range(max(at + 1, a + 3), min(end, a + 6) + 1))


def _open_mark(text: str) -> bool:
    """True when ``text`` opens a quote or bracket it does not close (“中国(郑州 …).

    >>> _open_mark("“企业之家”服务"), _open_mark("“中原"), _open_mark("跨境贸易(西永")
    (False, True, True)
    """
    return text.count("“") > text.count("”") or text.count("(") > text.count(")")


def zone_ok(name: str, before: str, suffix_len: int) -> bool:
    """A named zone, not a kind of zone (各开发区, 打造…示范区)."""
    core = name[:-suffix_len]
    if not core:
        return name in ("高新区", "经开区", "自创区", "自贸区")
    from kg.loaders.gazetteer import zone_names
    if name in zone_names():
        return True  # a zone of the catalogue (kg/data/gazetteer/zones.tsv), full or short
    if "+" in name:
        return False  # “核心区+扩展区+联动区”: a formula of a zone's parts, no name
    if re.search(r"唯一|首个|第一个", core) or re.match(r"[\d.千百万亿]+吨级", core):
        return False  # 昌吉州唯一一个国家级高新区, 千万吨级焦化…产业园: a description, no name
    if re.fullmatch(r"(?:周边|周围|附近|沿线|沿岸|其他|其余)", core):
        return False  # 带动周边片区文旅商融合: the quarters around, no zone's name
    if name.endswith("小镇") and (core.startswith("特色") or core.endswith("类特色")
                                or core.endswith("特色") and place_name(core[:-2])):
        return False  # 浙江省特色小镇, 时尚产业类特色小镇, “特色纺织小镇”: a class of towns
    if re.search(r"[省市县区]委|党工委|届", core):
        return False  # a party body or a term (扬州八届市委|经济技术开发区工委…): a session's name
    if bounds.LEADING_RE.fullmatch(core) or re.search(
            r"(?:上|数|近)?[\d一二三四五六七八九十百千万两]+(?:多|余)?[个家座类批]$", core):
        return False  # a count or a determiner before a kind (上千个小镇, 各开发区)
    if name.endswith("片区") and re.fullmatch(r"[\u4e00-\u9fff]?[东南西北中]{1,2}部?", core):
        return False  # a part of a province by compass (渝东北片区, 粤西片区), not a zone
    if name.endswith("片区") and re.search(
            r"(?:(?:小学|中学|学校|大学|剧团|剧院|医院|厂|[一二三四五六七八九十]大)(?:[东南西北]|周边)?"
            r"|老旧|涉旅)$", core) \
            or core.startswith(("唯一", "首个")):
        return False  # a city's quarter named by its school, theatre or works or the ground
        # around them (八一路小学片区, 上党落子剧团片区, 四川农业大学周边片区, 云母厂片区), old
        # or touristic quarters (濠河周边老旧片区, 涉旅片区), a count of quarters (六大片区);
        # 唯一省级…示范区: a description
    if bounds.POLICY_RE.search(core) or re.fullmatch(r"产城融合|城乡融合|产教融合|军民融合", core):
        return False  # a reform or policy pilot (改革先行区, 城乡融合示范区, 产城融合示范区) is a
        # programme
    if name.endswith(("集聚区", "聚集区", "示范区", "试验区", "先行区", "先导区", "片区", "核心区")) \
            and (is_generic(core) or dictionary_words(core) and not core.startswith(("国家", "中国"))) \
            and not zone_place_prefixed(name) and not re.search(r"[()“A-Za-z]", core):
        return False  # a kind of pilot area (夜间消费集聚区) or a policy's pilot named by
        # ordinary words only (制度型开放示范区), not a named zone
    firm_class = _FIRM_CLASS.search(core)
    if re.search(r"(?:最大|最早|唯一|首个|第一|领先|一流|首位)的?$", before) or firm_class and (
            not firm_class.start() or province_name(core[:firm_class.start()])):
        return False  # 西藏规模最大的|…示范区: a description; (浙江省)专精特新产业园: a park for
        # a class of firms, named by the class (a city's own, 瓯海专精特新产业园, is one)
    if re.fullmatch(r"(?:合作|共建|协作|对口|飞地|托管|援建)+", core):
        return False  # 合作产业园, 飞地园区: a kind of park by how it is run, no name
    if re.search(r"(?:该|本|此|这一?|这个|上述)$", before) and dictionary_words(core):
        return False  # 该合作产业园: the park named before, referred to by its kind
    if before.endswith("(") and re.fullmatch(r"[\u4e00-\u9fff]{2,4}", core) \
            and _region_ends(before[:-1]):
        return True  # 南昌县(小蓝经开区): the zone a county or city runs as one with it,
        # named after a place of its own the gazetteer may lack
    if _landform_place(core):
        return True  # 松木岛|化工产业开发区: a local place named by its landform
    if name.endswith(ABBREVIATED) and not zone_place_prefixed(core) and not place_name(core) \
            and not town_prefixed(name) and not re.search(r"[()“]", core) \
            and not core.endswith("国家") and not _coined_area(core, before):
        return False  # (a county written short is the whole place: 齐河|经济开发区, 宜章|经开区)
    if name.endswith("基地"):
        return core.startswith(("高新区", "经开区")) or before.endswith("依托")
    if zone_place_prefixed(name) or town_prefixed(name) or re.search(r"“", core) \
            or re.search(r"[A-Za-z]", core) and not _TECH_LEAD.match(core):
        return True
    generic_suffix = name.endswith(("高新区", "经开区", "开发区", "示范区", "试验区", "自贸区",
                                    "集聚区", "聚集区", "园区", "片区", "新区", "小镇", "科学城", "新城",
                                    "先行区", "产业城", "起步区"))
    if _ASPIRE.search(before):
        return False
    if name.endswith(("产业园", "工业园", "示范园", "合作园", "合作区", "科技园", "加工园")) \
            and is_generic(core):
        return False
    if not generic_suffix:
        return not re.fullmatch(r"[\d一二三四五六七八九十]+", core)
    return not is_generic(core) and not name.endswith(("园区", "试验区", "合作区")) \
        and not (name.endswith("新城") and dictionary_words(core))  # (油田新城: an epithet)


# Classes of firms a park may be built for (专精特新产业园, 小巨人产业园).
_FIRM_CLASS = re.compile(r"(?:专精特新|小巨人|瞪羚|独角兽|隐形冠军|单项冠军)")
# Latin acronyms of technologies (AI创新应用试验区): words of a trade, no place's name.
_TECH_LEAD = re.compile(r"(?:AI|AIGC|5G|6G|VR|AR|XR|IT|ICT|IC|IoT|AGV)(?![A-Za-z])")


def _coined_area(core: str, before: str) -> bool:
    """True when a zone's core before its full type is an area's own name the gazetteer
    lacks: two or three characters no dictionary holds (袍江, 小蓝, 融侨), no word of
    function or number among them, at the start of a clause, an item of a list or after
    the text's own place (我市|袍江经济技术开发区). (After a verb the name's start is in
    doubt: 推|进枣庄高新区, 观摩暨|开发区.)

    >>> _coined_area("袍江", "我市"), _coined_area("推动", ""), _coined_area("袍江", "推进")
    (True, False, False)
    >>> _coined_area("原嘉祥", "(")  # 原|嘉祥经济开发区: a former name
    False
    """
    from kg.loaders.extract_industry_filters import pos_tags
    return 2 <= len(core) <= 3 and not dictionary_words(core) and re.fullmatch(
        r"[\u4e00-\u9fff]+", core) is not None and not core.startswith(("原", "现")) \
        and not any(flag in ("d", "p", "c", "r", "u", "m") for _w, flag in pos_tags(core)) \
        and (not before or re.search(r"[,;:、和与及(]$|(?:我|本|全)[市区县省]$", before) is not None)


def _landform_place(core: str) -> bool:
    """True when a zone's name opens with a word the dictionary lacks that ends in a
    landform (岛, 湾, 湖, 港 …): a local place (松木岛, 鳌江湾), as zones are named after places;
    coined trade words (智造, 数智) end in no landform.

    >>> _landform_place("松木岛化工产业"), _landform_place("南湖"), _landform_place("智造")
    (True, False, False)
    """
    from kg.loaders.extract_firms import _frequency
    lead = re.match(r"[\u4e00-\u9fff]{1,3}?[岛湾湖港峪沟坪坝洲滩堡]", core)
    return bool(lead) and len(lead.group()) >= 2 and _frequency(lead.group()) == 0


def _region_ends(text: str) -> bool:
    """True when ``text`` ends in a region's name with its level (…南昌县, …新余市).

    >>> _region_ends("江西省南昌县"), _region_ends("举行集中开工")
    (True, False)
    """
    from kg.loaders.extract_regions import gazetteer
    table = gazetteer()
    return text[-1:] in "省市县区州盟旗" and any(text[-n:] in table for n in (2, 3, 4, 5))


# Zone types that make a whole zone, which may hold parks of its own (宜宾三江新区|东部产业园).
_OUTER_ZONE = re.compile(r"(?:新区|高新区|经开区|开发区|自贸区|综保区|示范区|工业园区)(?=[\u4e00-\u9fff]{2,}"
                         r"(?:产业园|工业园|科技园|园区|片区|港区|基地)$)")

# A phase of a park (甲产业园二期, 乙产业园首开区): the phase is a project, the park a zone.
_PARK_PHASE = re.compile(r"(.{2,20}?(?:产业园|工业园|科技园|产业园区|工业园区|产业城|科技城))"
                         r"(?:[一二三四五六首]期|首开区|启动区)(?:项目|工程)?$")


def park_of_phase(mention: Mention, found: list) -> None:
    """The park whose phase a project is, as a zone (安顺航空配套制造产业园|二期)."""
    match = _PARK_PHASE.match(mention.name)
    if not match or any(m.label == "Zone" and m.name == match.group(1) for m in found):
        return
    park = match.group(1)
    if zone_place_prefixed(park) and not is_generic(park[:-3]):
        found.append(Mention("Zone", park, mention.sentence, mention.i, mention.i + len(park), {}))


def outer_zone(mention: Mention, found: list) -> None:
    """The zone a park's name opens with is a zone too (宜宾三江新区东部产业园 lies in
    宜宾三江新区)."""
    match = _OUTER_ZONE.search(mention.name, 2)
    if match is None:
        return
    name = mention.name[:match.end()]
    if zone_ok(name, "", match.end() - match.start()) and valid_name(name, "Zone") and \
            not any(m.label == "Zone" and m.name == name for m in found):
        found.append(Mention("Zone", name, mention.sentence, mention.i,
                             mention.i + match.end(), {}))


def distributed_zones(text: str, c_start: int, c_end: int, sentence, found: list) -> None:
    """Zones of places listed before one zone type, which each of them takes (a head shared
    by coordinated items): 昆山、江宁、淮安经济技术开发区 names three zones, and so does 镇江、
    淮安两家经济技术开发区 (a count of them between). The first item is the longest place
    ending it (以及|昆山); every other item is a place of its own, written short (a place
    written with its 区/县/市 is a region of its own: 江宁区、玄武区、南京经开区).

    >>> from kg.loaders.sentences import split_sentences
    >>> s = split_sentences("推动郑州、洛阳、新乡高新区协同发展。")[0]
    >>> out = []
    >>> distributed_zones(s.text, 0, len(s.text), s, out)
    >>> [m.name for m in out]
    ['郑州高新区', '洛阳高新区', '新乡高新区']
    """
    for match in _DISTRIBUTED.finditer(text, c_start, c_end):
        items, at = [], match.start(1)
        for n, item in enumerate(match.group(1).split("、")):
            start = at
            if n == 0:
                start += next((k for k in range(len(item) - 1) if place_name(item[k:])), len(item))
            if not place_name(text[start:at + len(item)]) or item.endswith(_FULL_PLACE):
                break  # (江宁区、玄武区、南京经开区: places written in full are regions)
            items.append((start, at + len(item)))
            at += len(item) + 1
        else:
            kind = match.group(2)
            for i, j in items:
                if not any(m.label == "Zone" and m.i <= i < m.j for m in found):
                    found.append(Mention("Zone", text[i:j] + kind, sentence, i, j, {}))


def _distributed() -> re.Pattern:
    from kg.loaders.gazetteer_short import FULL_ZONE_TYPES
    kinds = sorted(FULL_ZONE_TYPES | {"高新区", "经开区", "综保区"}, key=len, reverse=True)
    return re.compile(r"((?:[\u4e00-\u9fff]{2,4}、)+[\u4e00-\u9fff]{2,4}?)"
                      r"(?:[两二三四五六七八九十\d]+[家个])?(" + "|".join(kinds) + ")")


_DISTRIBUTED = _distributed()
_FULL_PLACE = ("区", "县", "市", "省", "旗", "盟")  # (not 州: 郑州, 苏州 are cities written short)
