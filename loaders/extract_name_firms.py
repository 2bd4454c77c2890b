"""Firms inside other names: the firm that opens a works' or platform's name, its bases.

A works is often named by its firm (赛力斯超级工厂, 海信长沙综合生产基地): the firm is the
known name or the coined 字号 at its start, after the works' place; a firm's base written
right after the firm (宁德时代宜宾基地) is a project.

>>> works_of_firm("菏泽海辰"), works_of_firm("比亚迪")
(True, False)
"""
from __future__ import annotations

import re
from functools import lru_cache

from kg.names import NATIONAL_PREFIXES

from kg.loaders.extract_firms import coined, one_thing_word
from kg.loaders.extract_known import BASE_AFTER, group_bureau_end, known_firms, known_prefix
from kg.loaders.lexicon import SUFFIXES, is_generic, suffix_length, suffix_type
from kg.loaders.mentions import Mention
from kg.loaders.extract_name_bounds import verb_lead
from kg.loaders.extract_name_checks import dictionary_words, valid_name
from kg.loaders.extract_name_places import (PROVINCE_SHORT, full_place_prefix, only_places, place_name,
                                            region_names, region_prefixed)
from kg.loaders.extract_name_works import ENERGY_SENT, FIRM_WORD, PLACE_WORKS, PUBLIC_WORKS, WORKS


# A scope or a headquarters right after a firm's name inside a project's name (甲全国总部,
# 乙华中区域中心): the firm's name ends there.
_SCOPE = re.compile(r"全国|全球|华中|华北|华东|华南|西南|西北|东北|中原|总部|“")
# What a firm does at a works, written between its name and the works' scope (研发生产总部).
_ACTIVITY_TAIL = re.compile(r"(?:研发|生产|制造|销售|运营|结算|采购)+$")

# A firm's base: the firm, what it makes or where, then 基地 (宁德时代宜宾基地, 吉利贵阳基地,
# 宁德时代新能源电池贵州基地) — one works of that firm, a project.
_BASE_AFTER = re.compile(BASE_AFTER.pattern + r"(?:[一二三四五六]期)?(?:项目)?")


def firm_bases(text: str, c_end: int, sentence, found: list) -> None:
    """Projects named as a firm's base right after the firm's name (:data:`_BASE_AFTER`);
    a place right before the firm is the base's own (湛江|巴斯夫一体化基地)."""
    for m in [m for m in found if m.label == "Firm" and not m.props.get("inside")]:
        match = _BASE_AFTER.match(text, m.j, c_end)
        if match is None or verb_lead(text[m.j:match.end()]) or any(
                o.label != "Firm" and o.i < match.end() and m.i < o.j for o in found):
            continue
        i = m.i - next((n for n in (4, 3, 2) if text[m.i - n:m.i] in region_names()), 0)
        found.append(Mention("Project", text[i:match.end()], sentence, i, match.end(), {}))


def works_of_firm(item: str) -> bool:
    """True when an item of a project list is a works named by its firm, not the firm: a
    place before the firm (德州|先导激光, 菏泽|海辰: the firm's plant in that place) or a
    product after its 字号 (裕能|铜冶炼, 瓮福|江山新材料). An item that is the 字号 alone or
    字号 + one trade word (比亚迪, 铁建重工) stays a firm.

    >>> works_of_firm("菏泽海辰"), works_of_firm("瓮福江山新材料"), works_of_firm("比亚迪")
    (True, True, False)
    """
    if item in known_firms():
        return False  # a known firm's whole name (宁德时代), though it opens with a place
    if item.endswith(("科技", "实业", "控股", "股份", "置业", "建工", "精工", "环保", "农业", "药业",
                      "重工", "电气")) and len(item) <= 6:
        return False  # 天禧极钻|科技, 浦士达|环保: words no product ends in close a firm's name
    if region_prefixed(item) and not item.endswith(("集团", "公司")):
        return next((True for n in (2, 3, 4) if item[:n] in region_names() and len(item) - n >= 2),
                    False)
    start, cut = _leading_brand(item)
    if cut is None:
        return False
    # one trade word after the 字号 (鲁花|食品, 德方|纳米, 隆腾|新材料) is the firm's own
    # short name; a product of three or more characters (铜冶炼, 基板玻璃) is what the
    # works makes
    from kg.loaders.extract_firms import TRADE_WORDS
    rest = item[cut:]
    return len(rest) >= 3 and rest not in TRADE_WORDS and not (
        rest[0] == "新" and rest[1:] in TRADE_WORDS)  # (新|材料: a new-X trade word)


# Public infrastructure (water, power grids, railways, roads, ports), whose works are named
# after places and rivers (引X济Y: a river diverted to another).
_PUBLIC_INFRASTRUCTURE = re.compile(r"灌区|供水|引水|调水|水库|水利|河道|防洪|特高压|输变电|铁路|高铁|高速|"
                                    r"公路|大桥|航道|运河|港区|水网|口岸|生态保护|治理|沙地|沙化|修复|"
                                    r"^引[\u4e00-\u9fff]")


def _names_no_firm(mention: Mention, out: list) -> bool:
    """True when a project's or platform's name opens on no firm, whatever its words: a
    numbered institute, a legal name found already, a school, public works, a route, a
    platform's works unless a known firm opens it (康龙化成|制剂…CDMO平台项目)."""
    name = mention.name
    if mention.props.get("numbered"):
        return True  # 中电科|55所: the group's abbreviation, no firm's name (中电 is another firm)
    if re.search(r"有限公司|有限责任公司|股份公司", name) and any(
            m.label == "Firm" and mention.i <= m.i < mention.j for m in out):
        return True  # 河南国网电缆集团有限公司|防火电缆项目: the legal name found is the firm
    from kg.loaders.extract_firms import COMMON_WORD, _frequency
    start, cut = _known_lead(name)
    # (a known firm no word of the language spells opens a platform's works: 康龙化成|制剂…;
    # 太阳能|光伏发电运维中心 is a listed firm's name that is the product's word)
    rare_lead = cut is not None and _frequency(name[start:cut]) < COMMON_WORD
    if suffix_type(name[:-2])[0] == "Platform" and not rare_lead \
            or "大学" in name or "学院" in name \
            or PUBLIC_WORKS.search(name) or ENERGY_SENT.fullmatch(name) \
            or mention.props.get("route") or "至" in name:
        return True  # a route section is named by its two ends, places, not firms
    if cut is not None and (mention.props.get("kind") == "event"
                            or re.search(r"(?:博物馆|纪念馆|公园|会都)$", name)):
        # 金融街论坛, 北京文化论坛, 中国长城博物馆: a place's or a culture's event or museum,
        # though a listed firm bears the same words
        lead = name[start:cut]
        return dictionary_words(lead) or region_prefixed(lead) or lead.startswith("中国")
    # 引洮二期骨干及城乡配套, 沪通铁路二期, 攀西特高压交流工程: public works named after their
    # places and rivers, no firm's 字号
    return mention.label == "Project" and bool(_PUBLIC_INFRASTRUCTURE.search(name)) \
        and cut is None


# A firm's 字号 closed by a word only firms' names hold, opening a park's name (宾理科技|…).
_PARK_FIRM = re.compile(r"([\u4e00-\u9fff]{2,4}?)" + FIRM_WORD.pattern)
# What goes on a park's own name, not a firm's: 科技|创新示范区, 科技|成果转化…, 科技|城 (and
# a kind of zone right after the known name: 淮海|科技城集聚区, 中新天津|生态城).
_PARK_NOT_FIRM = re.compile(r"创新|成果|[城园谷港]")
# Two countries' park (中新, 中瑞, 中德, 中白 …: 中 and the partner's one character).
_BILATERAL = re.compile(r"中[新瑞德韩欧俄法日意以白美英澳泰马印巴哈埃柬老越]")


@lru_cache(maxsize=1)
def _kinds_opening() -> tuple:
    """The kinds of SUFFIXES of two characters or more (科技城, 生态城, 产业园 …)."""
    return tuple(k for k in SUFFIXES if len(k) >= 2)


def firm_of_park(zone: Mention, out: list) -> None:
    """A firm whose name opens a park's (宾理科技|高端新能源汽车工业园, 国电投|黄河流域氢能
    产业基地): the firm's own park, so the firm is at work in the place.

    >>> from kg.loaders.sentences import split_sentences
    >>> s = split_sentences("建设宾理科技高端新能源汽车工业园。")[0]
    >>> out = []; firm_of_park(Mention("Zone", "宾理科技高端新能源汽车工业园", s, 2, 16), out)
    >>> [(m.label, m.name) for m in out]
    [('Firm', '宾理科技')]
    """
    name = zone.name
    cut = known_prefix(name)
    if not cut:
        lead = _PARK_FIRM.match(name)
        cut = lead.end() if lead and coined(lead.group(1)) else 0
    kind = suffix_length(name[cut:])
    if not cut or not kind or len(name) - cut - kind < 2 or place_name(name[:cut]) \
            or region_prefixed(name) or _PARK_NOT_FIRM.match(name, cut) or _BILATERAL.match(name) \
            or any(name.startswith(k, cut) for k in _kinds_opening()) \
            or any(m.label == "Firm" and m.i == zone.i for m in out):
        return  # (崖州湾|科技城, 鄂尔多斯|高新区: the park's place and kind; the firm's park
        # names what it makes before its kind: 宾理科技|高端新能源汽车|工业园)
    out.append(Mention("Firm", name[:cut], zone.sentence, zone.i, zone.i + cut,
                       {"role": "local", "inside": True}))


def firm_in_name(mention: Mention, out: list, role: str) -> None:
    """A firm named at the start of a project or platform name (汉威科技工业互联网平台)."""
    name = mention.name
    if _names_no_firm(mention, out):
        return
    # a works named after its known firm; laboratories are named after mountains, figures
    # and fields (嵩山实验室, 神农种业实验室), not firms
    start, cut = (0, None) if re.search(r"实验室?$", name) else _known_lead(name)
    # a known firm after the works' place (湘潭|吉利|新能源汽车项目) or before the product the
    # works makes (吉利|新能源车) is the firm, though its name is a place's too (吉利区): the
    # works' place was written before it, or a place would not make a product
    known_after_place = cut is not None and (start > 0 or product_opens(name, cut))
    if cut is None and mention.label == "Project":
        scope = _SCOPE.search(name, 2)
        if scope and scope.start() <= 8:
            cut = scope.start()
            activity = _ACTIVITY_TAIL.search(name, 0, cut)
            if activity and activity.start() >= 2:
                cut = activity.start()  # 速腾电子|研发生产|总部: the firm, what it does there
    if cut is None:
        for match in FIRM_WORD.finditer(name, 2, len(name) - 2):
            rest = name[match.end():]
            # 科技创新 is the kind of a carrier (湘江科技创新院), not a firm's 科技
            if match.end() <= 8 and not rest.startswith(("园", "城", "大学", "学院", "馆", "创新")):
                cut = match.end()
                break
    if cut is None and mention.label == "Project":
        cut = _brand_before_place(name)
    # infrastructure (梅武高铁, 英武水库), parks, towns and farms (美桃小镇, 福橙共享农庄) are
    # named after places, not firms
    if cut is None and mention.label == "Project" and not PLACE_WORKS.search(name) and not re.search(
            r"(?:园|园区|中心|城|医院|馆|综合体|变电站|道路|管线|线|路段|航道|港|小镇|农庄|广场|花园|苑|"
            r"安居房)(?:[一二三四五六]期)*(?:项目|工程)?$", name):  # (…园二期三期: phases)
        start, cut = _leading_brand(name)
        if cut is not None and not coined(name[start:cut]):
            return
    if cut is None and mention.label == "Project":
        cut = _place_named_firm(name)
    if cut is None:
        return
    place = next((n for n in (3, 2) if name[start:start + n] in region_names()), 0)
    if place and re.fullmatch(r"[A-Za-z][A-Za-z0-9]{2,}", name[start + place:cut]):
        start += place  # the works' place opens the works' name, not the firm's (东莞|vivo)
    if name.startswith("集团", cut) and len(name) - cut >= 4:
        cut += 2  # 三一|集团|氢能重卡: the known short name's group is the firm written
    phase = re.search(r"[一二三四五六首]期$", name[start:cut])
    if phase and phase.start() >= 2:
        cut = start + phase.start()  # 长隆|首期: the phase is the works', not the firm's
    start += full_place_prefix(name[start:cut])  # 濉溪县|力幕|新材料二期: the works' county
    place = next((n for n in (3, 2) if cut - start - n >= 2 and name[cut - n:cut] in region_names()
                  and re.match(r"年产|[\d.]+", name[cut:])), 0)
    cut -= place  # 荣盛|台州|年产1000万吨…项目: the firm, then where its works stands
    cut = group_bureau_end(name, start) or cut  # 中铁|十一局|蒙苏…项目: the bureau builds it
    firm = name[start:cut]
    section = re.match(r"([\u4e00-\u9fff]{2,4})段", name[cut:])
    if section and place_name(section.group(1)):
        return  # 长江|池州段河道治理: a section of a river or a road, named by its places
    known = firm.removesuffix("集团") in known_firms()  # (三一 reads as figures, yet is a firm)
    if len(firm) < 2 or is_generic(firm) and not known or suffix_type(firm)[0] \
            or firm in NATIONAL_PREFIXES or firm.endswith(("区", "保税")) or _LANDFORM_AFTER.match(name, cut) \
            or product_named(firm) \
            or place_name(firm) and not known_after_place or _no_trade_name(firm) \
            or one_thing_word(firm) and firm not in known_firms():
        return  # 洞庭湖区|重点垸一期, 湖南|杂交稻|中心: a place's or a thing's word, no 字号
    if mention.label == "Platform" and _place_word(firm):
        return  # 天目湖|先进储能研究院: an institute named after its place (a firm's name too)
    if firm.startswith(("国际", "国防", "全国", "世界")) and not known \
            or firm.endswith("国际") and not known and (place_name(firm[:-2]) or _place_word(firm[:-2])) \
            or re.search(r"大[一二三四五六七八九]院$", firm):
        return  # 国际医学|创新合作论坛: a scope opens no 字号; 兰大二院: a university's hospital
    if only_places(firm) or re.fullmatch(f"[{PROVINCE_SHORT[:-4]}]{{2,4}}", firm):
        return  # 新疆|伊犁州新源县|彩色印刷项目: the works' places, written in full; 浙赣|粤运河:
        # provinces by their one-character names, a route
    if re.fullmatch(r"[壹贰叁肆伍陆柒捌玖拾一二三四五六七八九十\d]+号", firm) or "“" in firm:
        return  # 万宁|壹号|项目: a works numbered after its place, no 字号
    if not known and _no_coined_name(firm) or "国家" in firm:
        return  # 北海国家科技|兴贸创新基地: a state programme, no 字号
    out.append(Mention("Firm", firm, mention.sentence, mention.i + start, mention.i + cut,
                       {"role": role, "inside": True}))


_LANDFORMS = ("湾", "湖", "岛", "半岛", "港", "峡", "河", "江", "山", "岭", "塘")
# A landform closing the words before it (米易|龙肘|山|5万千瓦风电项目): a mountain's or a
# lake's name, the works' site, no 字号.
_LANDFORM_AFTER = re.compile(r"[山湖河江岛湾岭峡塘](?![\u4e00-\u9fff])")
# (沙颍河|“通港达园”项目: a river's works; 金鹿山|风景区, 担杆岭|第二水厂: a mountain's)


def _no_coined_name(firm: str) -> bool:
    """True when a name guessed inside a works' name, not a known firm, is no 字号: a kind
    (自干型|…), a site (福宁湾|…, 临苏路|…, 大相国寺|…, 塘北村|光伏, 黄岐镇古石村|…; a town or
    a village of a town), a description (老旧|小区改造,
    可降解|纤维素膜), a stretch along a river (沿淮|洼地治理), a product's grade or base material
    (车规级|芯片, 铜基|新材料), trade words (新能源|精密), a technology's or polymer's acronym
    (CNG|汽车, PA66|…), or a name a place closes (西安|交大漳州|科技园; a known group's unit
    does: 国网|湖南).

    >>> _no_coined_name("塘北村光伏"), _no_coined_name("PA66"), _no_coined_name("速博达")
    (True, True, False)
    """
    return (firm.endswith(("型", "性") + _LANDFORMS + ("路", "街", "大道", "桥", "寺", "庙", "渠", "水厂", "二站",
                                                      "西延", "东延", "城"))
            or _describing_only(firm) or not valid_name(firm, "Firm") or firm[0] == "沿"
            or "级" in firm or _MATERIAL_BASE.match(firm) is not None
            or _trade_words_only(firm) or _TECH_ACRONYM.match(firm) is not None
            or re.match(r"[\u4e00-\u9fff]{1,3}村", firm) is not None
            or re.search(r"[镇乡](?:[\u4e00-\u9fff]{1,4}村)?$", firm) is not None
            or firm[-2:] in region_names() and not known_prefix(firm))
# A material a product is based on or made of (硅基, 铜基, 钛合金): no 字号.
_MATERIAL_BASE = re.compile(r"[硅碳铜锂钠铁镍钛铝锌锡钴锰镁钒]基|[钛铝镁铜锌镍钴锂钒钨钼]合金")
# Acronyms of technologies and fuels that open works' names (CNG加气站, LED显示, IGBT模块):
# what the works makes or sells, no firm's Latin 字号.
_TECH_ACRONYM = re.compile(r"(?:CNG|LNG|LPG|LED|OLED|PCB|IGBT|GPS|MEMS|SiC|BMS|AI|VR|AR|5G|6G|"
                           r"IoT|ICT|EDA|PET|CT|"
                           # polymers by their ISO 1043 abbreviations (PA66 nylon, PVC)
                           r"PA\d*|PVC|PVDF|ABS|PP|PE|PC|PMMA|PTFE|PPS|POM)(?![A-Za-z])")


def _trade_words_only(firm: str) -> bool:
    """True when ``firm`` is trade words run together (新能源|精密, 智能|装备): what a works
    makes, no 字号.

    >>> _trade_words_only("新能源精密"), _trade_words_only("速博达智能")
    (True, False)
    """
    rest = firm
    while rest:
        word = next((w for w in _trade_words_longest_first() if rest.startswith(w)), None)
        if word is None:
            return False
        rest = rest[len(word):]
    return True


@lru_cache(maxsize=1)
def _trade_words_longest_first() -> tuple:
    from kg.loaders.extract_firms import TRADE_WORDS
    return tuple(sorted(TRADE_WORDS, key=len, reverse=True))


def _describing_only(word: str) -> bool:
    """True when jieba's dictionary reads ``word`` as adjectives, adverbs, distinguishing
    words or fixed expressions only (老|旧, 全|新, 可降解): a description, no 字号.

    >>> _describing_only("老旧"), _describing_only("比亚迪")
    (True, False)
    """
    from kg.loaders.extract_industry_filters import pos_tags
    tags = pos_tags(word)
    # (l: a fixed expression of the language, 可降解 "degradable")
    return bool(tags) and all(flag in ("a", "ad", "d", "b", "l") for _w, flag in tags)


def _place_word(word: str) -> bool:
    """True when jieba's dictionary holds ``word`` as one place word (天目湖, 嵩山).

    >>> _place_word("天目湖"), _place_word("比亚迪")
    (True, False)
    """
    from kg.loaders.extract_industry_filters import pos_tags
    tags = pos_tags(word)
    return len(tags) == 1 and tags[0][1] == "ns"


def _place_named_firm(name: str):
    """End of a firm named by its province or city and a common word, right before the
    product its works makes (四川时代|动力电池一期项目: the 字号 alone is an ordinary word,
    so the place is part of the firm's name)."""
    place = next((n for n in (3, 2) if name[:n] in region_names()), 0)
    word = name[place:place + 2]
    # (高新, 经开: a zone's type written short, 西安高新|集成电路 is the zone's works)
    if place and re.fullmatch(r"[\u4e00-\u9fff]{2}", word) and not is_generic(word) \
            and not place_name(word) and suffix_type(word + "区")[0] != "Zone" \
            and product_opens(name, place + 2):
        return place + 2
    return None


def _no_trade_name(firm: str) -> bool:
    """True when a place and a trade word make all of ``firm`` (秀洲区|科技): no 字号."""
    from kg.loaders.extract_firms import TRADE_WORDS
    from kg.loaders.extract_regions import gazetteer
    table = gazetteer()
    for n in range(len(firm) - 1, 1, -1):
        if (firm[:n] in table or place_name(firm[:n])) and firm[n:] in TRADE_WORDS + ("",):
            return True
    return False


def _brand_before_place(name: str):
    """End of a 字号 + trade word that opens a works name before the place of the works
    (理想汽车|常州基地二期项目): the firm that builds there, however ordinary its 字号."""
    from kg.loaders.extract_firms import TRADE_WORDS
    head = name[:2]
    if is_generic(head) or place_name(head) or not re.fullmatch(r"[\u4e00-\u9fff]{2}", head):
        return None
    for trade in sorted(TRADE_WORDS, key=len, reverse=True):
        end = 2 + len(trade)
        if name.startswith(trade, 2) and len(name) - end >= 4 and (
                region_prefixed(name[end:]) or place_name(name[end:end + 2])):
            return end
    return None


def _known_lead(name: str) -> tuple:
    """(start, end) of a known firm opening ``name`` or following its leading place
    (肇庆|宁德时代|二阶段工程, 深汕|比亚迪|汽车工业园二期), else (0, None)."""
    regions = region_names()
    for start in [0] + [n for n in (2, 3, 4, 5, 6) if name[:n] in regions]:
        size = known_prefix(name[start:])
        if size:
            return start, start + size
    # a rare known name of three or more characters after a two-character place the
    # gazetteers do not hold (深汕|比亚迪|汽车工业园二期: a cooperation zone's short name)
    from kg.loaders.extract_firms import COMMON_WORD, _frequency
    size = known_prefix(name[2:])
    if size >= 3 and _frequency(name[2:2 + size]) < COMMON_WORD:
        return 2, 2 + size
    return 0, None


def product_opens(name: str, at: int, trade: str = "") -> bool:
    """True when a product term of the shipped chain templates longer than ``trade`` starts
    at ``name[at:]`` (采埃孚|汽车零部件, 甲乙|新能源汽车, 丙丁|动力电池): it names what the
    works makes, so the firm is the 字号 before it, not 字号 + trade word.

    >>> product_opens("甲乙新能源汽车项目", 2, "新能源"), product_opens("甲乙科技园", 2, "科技")
    (True, False)
    """
    if not name.startswith(trade, at):
        return False  # (a term that starts with ``trade`` at ``at`` needs it there)
    terms = product_terms()
    longest = min(_longest_term(), len(name) - at)
    return any(name[at:at + n] in terms for n in range(max(3, len(trade) + 1), longest + 1))


@lru_cache(maxsize=1)
def _longest_term() -> int:
    """The length of the longest product term of the shipped chain templates."""
    return max(map(len, product_terms()), default=0)


# Products of the chemical and materials trades (GB/T 4754 C26 化学原料和化学制品, C29 橡胶和
# 塑料制品): a compound named by its class in systematic nomenclature (…酸, …酯, …醇, …烯,
# …胺, …烷, …酮, …醛, …酚, …醚, …腈, …烃; a salt, acid then metal: 锰酸锂, 磷酸铁锂; a binary
# compound, 碳化硅, 氮化镓) or a material's class noun (…塑料, …树脂, …涂料, …纤维, …橡胶, …胶).
# A firm's short name ends in its 字号 or a trade word, not in a compound.
CHEMICAL_END = re.compile(r"(?:[酸酯醇烯胺烷酮醛酚醚腈烃]|酸[锂钠钾钙镁铁铜锌钴镍锰铝]+|"
                          r"[碳氮氧硫氯氟磷砷]化[硅镓铝钛钨锌铁铟锗硼]|塑料|树脂|涂料|纤维|橡胶|胶)$")


def product_named(firm: str) -> bool:
    """True when a firm guessed inside a works' name is a product of the shipped chain
    templates, alone or before a trade word (储能|装备制造项目: 储能 is a product, no 字号).

    >>> product_named("储能装备"), product_named("宏景科技")
    (True, False)
    """
    from kg.loaders.extract_firms import TRADE_WORDS
    if firm in known_firms():
        return False
    core = next((firm[:-len(w)] for w in TRADE_WORDS if firm.endswith(w) and len(firm) > len(w)),
                firm)
    return firm in product_terms() or product_words(core) or bool(CHEMICAL_END.search(firm))


def product_item(name: str) -> bool:
    """True when a list's item names a product, not a firm: trade words run together, a
    template product, or a trade word or product opening a longer name (汽车|芯片, 锂电池|
    隔离膜), unless it is a known firm or closes on a legal form or a group.

    >>> product_item("汽车芯片"), product_item("锂电池隔离膜"), product_item("光明科技")
    (True, True, False)
    """
    from kg.loaders.extract_firms import LEGAL_FORMS
    if name in known_firms() or name.endswith(tuple(LEGAL_FORMS) + ("集团", "公司")):
        return False
    if _trade_words_only(name) or product_words(name):
        return True
    words = _trade_and_product_words()
    return any(name[:n] in words for n in range(2, len(name) - 1))


@lru_cache(maxsize=1)
def _trade_and_product_words() -> frozenset:
    """The trade words and the templates' product terms of two characters or more."""
    from kg.loaders.extract_firms import TRADE_WORDS
    return frozenset(w for w in set(TRADE_WORDS) | set(product_terms()) if len(w) >= 2)


def product_words(words: str) -> bool:
    """True when ``words`` are a product term of the shipped chain templates or products run
    together (光伏发电, 光伏风电): what a works makes, no name of its own.

    >>> product_words("光伏发电"), product_words("甲乙光伏发电")
    (True, False)
    """
    return words in product_terms() or _products_only(words)


@lru_cache(maxsize=1)
def product_prefixes() -> frozenset:
    """Every prefix of every product term of the shipped chain templates (氢, 氢能, 氢能源…)."""
    return frozenset(term[:n] for term in product_terms() for n in range(1, len(term) + 1))


def _products_only(words: str) -> bool:
    """True when ``words`` is two or more product terms of the templates run together
    (光伏|风电): what the works makes, no 字号.

    >>> _products_only("光伏风电"), _products_only("天虹纺织")
    (True, False)
    """
    terms = product_terms()
    rest, parts = words, 0
    while rest:
        size = next((n for n in range(min(len(rest), 8), 1, -1) if rest[:n] in terms), 0)
        if not size:
            return False
        rest, parts = rest[size:], parts + 1
    return parts >= 2


@lru_cache(maxsize=1)
def product_terms() -> frozenset:
    """Every product term of the shipped chain templates (names, aliases, keywords)."""
    from kg.loaders.templates import shipped_loaded
    terms = set()
    for template in shipped_loaded():
        terms.update((template.name, *template.aliases))
        for link in template.links:
            terms.update((link.name, *link.aliases, *link.keywords, *link.broad_keywords))
    return frozenset(t for t in terms if t and len(t) >= 2)


def _leading_brand(name: str) -> tuple:
    """(start, end) of the firm that opens a project or platform name, after a leading place
    (赛力斯|超级工厂, 海信|长沙综合生产基地, 深汕|比亚迪|汽车工业园), else (0, None).

    The name is cut into words (jieba); the firm is the run of coined words (rare in the
    general dictionary) before the first ordinary word, place or name suffix, closed by a
    trade word if one follows (铁建|重工)."""
    from kg.loaders.extract_firms import TRADE_WORDS, _frequency
    from kg.loaders.extract_firms import COMMON_WORD
    import jieba
    _frequency("")  # loads jieba's dictionary quietly
    words = jieba.lcut(name, HMM=True)
    regions = region_names()
    pos = 0
    while words and (words[0] in regions or region_prefixed(words[0]) and len(words[0]) <= 3
                     # a county or district written short (睢宁|巨电|动力锂电池), unless a
                     # known firm bears its name (吉利 is a district too)
                     or len(words) > 2 and place_name(words[0]) and words[0] not in known_firms()
                     and _frequency(words[0]) < COMMON_WORD):  # (东风 is a word too: 东风柳汽)
        pos += len(words.pop(0))
    if pos and name[pos:pos + 1] in "路街道桥":
        return 0, None  # 临江|路…: a road named after its place, the works' site
    start = end = pos
    coined = False  # a word the dictionary lacks right after the works' place (济南|天岳)
    for n, word in enumerate(words):
        if n and end - start >= 2 and word not in TRADE_WORDS and product_opens(name, end):
            break  # the product the works makes starts here (丙丁|动力电池)
        if n == 1 and coined and word not in TRADE_WORDS and _frequency(word) > 0:
            break  # the 字号 is coined; the works' product is in words (天岳|碳化硅扩产)
        if word in TRADE_WORDS and n:
            if name.startswith("经济", end + len(word)):
                return 0, None  # 艾草|生物经济|项目: the word opens a trade (生物经济), no 字号
            if not product_opens(name, end, word):
                end += len(word)
            break
        if not n and re.fullmatch(r"[A-Za-z][A-Za-z0-9]{2,}", word):
            end += len(word)  # a Latin 字号 (东莞|vivo|全球研发总部), closed by a trade word
            if len(words) > 1 and words[1] in TRADE_WORDS:  # if one follows (SKF|球轴承 is
                end += len(words[1])  # the product its works makes)
            break
        if word == "国际" and end - start >= 2:
            end += len(word)  # 字号 + 国际 is how such firms are written (正威国际, 申洲国际)
            break
        if word in regions or suffix_type(word)[0] or not re.fullmatch(r"[\u4e00-\u9fff]+", word) \
                or (len(word) == 1 and n) or _frequency(word) >= COMMON_WORD:
            break
        end += len(word)
        coined = not n and start > 0 and _new_word(word)
    if end - start < 2 or end >= len(name) - 1 or product_opens(name, start) \
            or _JOINED.match(name, end) or _AREA_AFTER.match(name, end):
        return 0, None  # (锂电池|负极材料项目: the works opens with its product; 产城|融合:
        # the words before a verb of joining are the things joined, no firm; 符离|片区: a place)
    return start, end


# An area, a park of a place, a station or a lake after the coined words: they name the
# place (符离|片区第二安置区, 宿马|现代产业园区中鹰包装纸, 上西|火车站片区, 巴马赐福|湖…度假区);
# so do a road, a section of a river or road, a garden, a hub of transport and a village
# (龙翔|西路(二段), 淮干王临|段整治, 乐享|园林, 铁空|枢纽现代服务业项目, 西上|庄…电厂)
_AREA_AFTER = re.compile(r"片区|园区|(?:现代)?产业园区|新区|新城|火车站|高铁站|景区|古镇|湖|"
                         r"[东南西北中]?路|大道|大街|段|园林|枢纽|庄|村|寨")


def _new_word(word: str) -> bool:
    """True when ``word`` is two or three Chinese characters jieba's dictionary lacks: a
    coined 字号 (天岳, 海辰), not a word of the language.

    >>> _new_word("天岳"), _new_word("激光")
    (True, False)
    """
    from kg.loaders.extract_firms import _frequency
    return bool(re.fullmatch(r"[\u4e00-\u9fff]{2,3}", word)) and _frequency(word) == 0


# Verbs of joining things (产城融合, 文旅融合, 区域协同): the words before them are the things
# joined, abbreviated one character each, not a firm's 字号.
_JOINED = re.compile(r"融合|融通|协同|联动|一体化|互动")


def listed_works_firm(item: str) -> tuple | None:
    """(start, end) of the firm in a works named in a list of works (甲、乙等项目) the way
    reports name them: the works' place, the firm's 字号, what the works makes (任泽|乐通|
    金属材料, 柏乡|易沃克|机器人); None where the item is no such name.

    The 字号 is the run of words rare in the general dictionary after the place; the first
    ordinary word (a product, a trade word, a works' kind) ends it. Trade words that also
    describe products (智能, 光伏) belong to the product here: 宽衍|智能检测装备.

    >>> listed_works_firm("任泽乐通金属材料"), listed_works_firm("隆尧宽衍智能检测装备")
    ((2, 4), (2, 4))
    >>> listed_works_firm("市高新区锂电池"), listed_works_firm("奥来德新型显示材料")
    (None, None)
    """
    import jieba
    from kg.loaders.extract_industry_filters import pos_tags
    from kg.loaders.extract_firms import _GENERIC_HEAD, _frequency
    item = re.sub(r"\([^()]{1,6}\)$", "", item)  # (…职业学院(二期): the phase in brackets)
    start = full_place_prefix(item) or next(
        (n for n in (3, 2) if len(item) - n >= 4 and place_name(item[:n])
         and _frequency(item[:n]) < _PLACE_WORD), 0)  # (东方|超算: a word of the language first)
    if not start or re.search(r"公司|集团|至|产业链$", item):
        return None  # a works named by its firm first (东风|柳汽…) is read by firm_in_name; a
        # legal name is read whole; 垭子至…: a route; …全产业链: a chain
    words = jieba.lcut(item[start:], HMM=True)
    known = known_prefix(item[start:])
    if known and item[:start] not in known_firms():  # 宽城|中粮|油脂: a known firm, unless
        # it opens a longer word (金塔县|中电建…: 中电 is no firm of 中电建)
        first = len(words[0])
        if first > known:
            return None
        return start, start + (first if _GENERIC_HEAD.match(item[start + first:start + known])
                               else known)  # (明阳|高端风电…: a generic word opens the product)
    if item[:start] in known_firms() or PLACE_WORKS.search(item) \
            or re.search(r"(?:医院|学校|大学|学院|中心|馆|公园|广场|水厂|枢纽|矿|城|谷)"
                         r"(?:[一二三四五六]期)?$", item):
        return None  # infrastructure and public buildings are named by their sites (合川双槐
        # 电厂三期)
    end = start
    for n, word in enumerate(words):
        if not _brand_word(word, n, end - start, words[n + 1:n + 2]):
            break
        end += len(word)
    firm = item[start:end]
    if end - start < 2 or len(item) - end < 2 or is_generic(firm) or one_thing_word(firm) \
            or _no_coined_name(firm) or product_named(firm) or only_places(firm) \
            or re.search(r"[东西南北区镇村溪]$|^第|^[东西南北][麓坡岸侧部]", firm) \
            or len(firm) == 3 and [flag for _w, flag in pos_tags(firm)] == ["nr"] \
            or re.fullmatch(f"[{PROVINCE_SHORT[:-4]}]{{2,4}}", firm) \
            or re.fullmatch(r"[壹贰叁肆伍陆柒捌玖拾一二三四五六七八九十\d]+号", firm) \
            or re.match(WORKS + "|枢纽", item[end:]):
        return None  # (岷东, 港东, 海经区, 东麓: a site or a zone; 第二套: a count; 钱学森: a
        # person the works is named after; 粤桂: two provinces; 壹号: a number; 企石|枢纽:
        # the site of a works)
    if len(item) - end == 2 and [flag for _w, flag in pos_tags(item[end:])] not in (["n"], ["v"]):
        return None  # 中饮|巴比: two characters no noun of the language are the 字号's too
    if item[end:] in _ENTERPRISE_TRADES + _FIRM_CLOSING_TRADES:
        return None  # 上海燧原|科技: a firm's short name, its trade word closing it (a product
        # closing it is the works': 柏乡易沃克|机器人)
    return start, end + _firm_trade(item, end)


def _firm_trade(item: str, end: int) -> int:
    """Length of the trade word that closes a listed works' firm after its 字号 at ``end``:
    one only firms' names hold (燧原|科技|AI…芯片研发基地) or one that closes short names
    (安兴|电子|电容器, 荆大|汽车|制动管), as a word of its own (甲申|新材料: 新材 opens the
    product's word); 智能 as often opens the product (宽衍|智能检测装备): 0 then."""
    import jieba
    from kg.loaders.extract_firms import TRADE_WORDS
    trade = next((w for w in _ENTERPRISE_TRADES if item.startswith(w, end)), "") or next(
        (w + e for w in TRADE_WORDS for e in _ENTERPRISE_TRADES if item.startswith(w + e, end)), "") \
        or next((w for w in _FIRM_CLOSING_TRADES if w != "智能" and item.startswith(w, end)), "")
    if not trade:
        return 0
    words = jieba.lcut(item[end:], HMM=True)
    return len(trade) if words[0] in (trade, trade[:2]) and "".join(words[:2]).startswith(trade) \
        else 0


# Trade words that close a firm's short name more often than they name a product
# (甲乙电子, 丙丁新材): an item of place, 字号 and one of them is a firm.
_FIRM_CLOSING_TRADES = ("电子", "电气", "光电", "新材", "智能", "动力", "能源", "新能源", "精密",
                        "精工", "生物", "医药", "化工", "环保", "通信", "电器", "储能", "锂电", "锂能",
                        "汽车")
_PLACE_WORD = 1000  # jieba count above which a place's name is read as the word it also is

# Trade words only an enterprise's name holds, never a product's (科技, 药业, 重工): after a
# 字号 they close the firm's name, where 智能 or 光伏 may open the product (宽衍|智能检测装备).
_ENTERPRISE_TRADES = ("科技", "股份", "控股", "实业", "集团", "药业", "磁业", "铝业", "矿业", "纸业",
                      "乳业", "酒业", "牧业", "种业", "置业", "建工", "重工")


def _brand_word(word: str, n: int, size: int, following: list) -> bool:
    """Whether the ``n``-th word of a listed works' name after its place goes on its 字号:
    the first word if it is rare (中粮, 创维); later ones only if the dictionary lacks them
    (中航|上大), or one character closing a two-character start before a word of the
    language (奥来|德|新型…); a country pair (中法, 中德) describes the works."""
    from kg.loaders.extract_firms import COMMON_WORD, TRADE_WORDS, _frequency
    from kg.loaders.extract_firms import _GENERIC_HEAD
    if _GENERIC_HEAD.match(word):
        return False  # 明阳|高端风电装备: a generic word opens the product
    if len(word) == 1:  # (not a word that opens the product: 珀源|新|材料, 霞石|新…)
        return n == 1 and size == 2 and bool(following) and _frequency(following[0]) > 0 \
            and "\u4e00" <= word <= "\u9fff" and word not in "的之与和及等新高大小老中全多智"
    if not re.fullmatch(r"[\u4e00-\u9fff]{2,4}", word) or place_name(word) or suffix_type(word)[0] \
            or word in TRADE_WORDS or re.fullmatch(r"中[法德美俄日韩英意欧非泰新马]", word):
        return False
    return _frequency(word) < COMMON_WORD if n == 0 else _frequency(word) == 0
