"""Firm names by the way Chinese enterprise names are formed, and lists closed by a count.

An enterprise name is 行政区划 + 字号 + 行业 + 组织形式 (企业名称登记管理规定): a full name
ends in a legal form (股份有限公司, 有限责任公司, 集团 …) and a short name is usually the 字号
followed by its trade word (大陆车身, 宏景电子, 铁建重工). So an item of a list that ends in a
trade word or a legal form reads as a firm; a list most of whose items do is a list of firms.
A list may be closed by a count instead of 等 ("甲、乙、丙、丁四大整车企业").

>>> firm_like("宏景电子"), firm_like("新能源汽车"), firm_like("科大讯飞股份有限公司")
(True, False, True)
>>> count_cut("埃科泰克四大整车企业")
4
>>> legal_names("园区内龙头企业科大讯飞股份有限公司牵头")
[(7, 17)]
"""
from __future__ import annotations

import re
from functools import lru_cache

# Legal forms (组织形式) that end a full enterprise name, longest first.
LEGAL_FORMS = ("股份有限公司", "有限责任公司", "集团有限公司", "集团股份有限公司", "有限公司",
               "集团公司", "控股集团", "集团", "公司", "株式会社")
# Trade words (行业表述) a short name ends in after its 字号.
TRADE_WORDS = ("科技", "电子", "汽车", "重工", "智能", "动力", "电池", "材料", "光电", "半导体",
               "磁业", "电气", "电机", "制药", "药业", "生物", "化工", "能源", "新能源",
               "控股", "股份", "实业", "装备", "精密", "光学", "通信", "电器",
               "家电", "钢铁", "铝业", "矿业", "石化", "石油", "微电子", "集成",
               "传感", "仪器", "仪表", "航空", "航天", "船舶", "建工", "置业",
               "银行", "证券", "保险", "医药", "环保", "新材", "光伏", "储能",
               "纸业", "纺织", "服饰", "电力", "电缆", "线缆", "轮胎", "客车", "重卡", "机器人",
               "芯片", "微电", "激光", "显示", "照明", "乳业", "酒业", "牧业", "种业",
               "车身", "半导", "精工")
# Trade words that also name fields and products (机械, 系统, 物流 …) are left out: an item
# ending in one is as likely a field as a firm.
_LEGAL_RE = re.compile("|".join(map(re.escape, sorted(LEGAL_FORMS, key=len, reverse=True))))


def _compile() -> None:
    """(Re)build the trade-word pattern, without the words a fold drops."""
    global _TRADE_END
    from kg.loaders.lexicon import dropped
    words = [w for w in TRADE_WORDS if not dropped(w)]
    _TRADE_END = re.compile("(?:" + "|".join(map(re.escape, sorted(words, key=len, reverse=True)))
                            + r")(?:\([^()]{1,6}\))?$")


_compile()
# A 字号 is a proper name: no generic opening word (新能源汽车, 智能网联 are fields).
_GENERIC_HEAD = re.compile(r"^(?:新能源|新一代|智能|高端|先进|关键|核心|新型|绿色|数字|现代|传统|"
                           r"新材料|生物|电子|信息|汽车|整车|零部件|工业|产业|重点|相关|上下游)")
_COUNT = re.compile(r"(?:近|约|超|逾)?[一二三四五六七八九十两百千\d]+(?:多|余)?(?:大|家|个|所|项|座|类|户)")


def firm_like(name: str) -> bool:
    """True when ``name`` is formed like an enterprise name (字号 + trade word or legal form)."""
    if not 3 <= len(name) <= 30 or re.search(r"[,;:。、]", name):
        return False
    legal = _LEGAL_RE.search(name)
    if legal and legal.end() == len(name) and legal.start() >= 2:
        return True
    trade = _TRADE_END.search(name)
    return bool(trade and trade.start() >= 2 and len(name) <= 10
                and not _GENERIC_HEAD.match(name) and coined(name[:trade.start()]))


def proper_firm_name(name: str) -> bool:
    """True when ``name`` is a known firm, or formed like a firm's name whose 字号 is no one
    noun of the dictionary: 碳纤维|材料 is a trade's name though 材料 is a trade word.

    >>> proper_firm_name("韶华科技"), proper_firm_name("碳纤维材料")
    (True, False)
    """
    from kg.loaders.extract_known import known_firms
    if name in known_firms():
        return True
    if not firm_like(name):
        return False
    trade = _TRADE_END.search(name)  # (none after a legal form: 甲有限公司)
    return not one_thing_word(name[:trade.start()] if trade else name)


def coined(word: str) -> bool:
    """True when ``word`` reads as a coined 字号, not a common word of the language: it is
    not a place, not a field word ending in 化/性, and rare in jieba's general dictionary
    (a frequency list of ordinary Chinese, so 动力, 纺织, 工程 are common; 宏景, 铁建 are not).

    >>> coined("宏景"), coined("纺织")
    (True, False)
    """
    from kg.loaders.extract_regions import gazetteer
    if word in gazetteer() or word[-1:] in "化性" or len(word) > 6:
        return False
    return _frequency(word) < COMMON_WORD


COMMON_WORD = 150  # jieba dictionary count above which a word is ordinary vocabulary


@lru_cache(maxsize=65536)
def one_thing_word(word: str) -> bool:
    """True when ``word`` is one word of jieba's dictionary tagged as a common noun or a
    place (水务, 杂交稻, 洞庭湖区, 湖湘), however rare: it names a thing or a place, where a
    firm's 字号 is coined (天岳, 弗迪) or a name the dictionary tags as one (比亚迪: nr).

    >>> one_thing_word("洞庭湖区"), one_thing_word("水务"), one_thing_word("比亚迪"), one_thing_word("天岳")
    (True, True, False, False)
    """
    from kg.loaders.extract_industry_filters import pos_tags
    tags = pos_tags(word)
    return len(tags) == 1 and tags[0][1] in ("n", "ns")


def _frequency(word: str) -> int:
    import jieba
    if not jieba.dt.initialized:
        jieba.setLogLevel(60)
        jieba.initialize()
    return jieba.dt.FREQ.get(word) or 0


def count_cut(item: str) -> int:
    """Where a count closes the last item of a list ("丁四大整车企业" → 1), else -1."""
    match = _COUNT.search(item, 2 if len(item) > 2 else 0)
    if match is None or match.start() < 2:
        return -1
    return match.start()


# A left boundary for a full name: the words that rank or place a firm before its name
# (园区内龙头企业, 链主企业, 区内企业) and the verbs that govern it end at these.
_LEFT_WORDS = re.compile(r"企业|单位|厂商|集团旗下|旗下|公司旗下|之一|一家|龙头|链主|牵头|注册|成立|原有|项目|"
                         r"联合|携手|依托|引进|引入|落户|由|与|和|及|是|在|为|被|向|对|将|把|的|了|等")


def _left_cut(segment: str, least: int = 4) -> int:
    """Where a full name starts in the ``segment`` before its legal form: after the last
    of :data:`_LEFT_WORDS` that leaves ``least`` characters of the name, a one-character
    word counting only where it is a word of its own (与 in 园区|与|华为, not 为 in 华为 nor 对
    in 对接); 0 for none. (联合 inside 中电光谷|联合|控股 leaves too little: the 与 before wins.)

    >>> _left_cut("园区与华为技术"), _left_cut("同时对接宁德时代新能源科技"), _left_cut("链主企业郑州甲乙")
    (3, 0, 4)
    >>> _left_cut("呼兰区人民政府与中电光谷联合控股")
    8
    """
    cut, bounds = 0, None
    for match in _LEFT_WORDS.finditer(segment):
        if len(match.group()) == 1:
            if bounds is None:
                from kg.loaders.extract_industry_filters import word_bounds
                bounds = word_bounds(segment)
            if match.start() not in bounds or match.end() not in bounds \
                    or _inside_known_name(segment, match.start()) \
                    or _he_in_trade_name(segment, bounds, match):
                continue  # (新和成: 和 inside a known firm's name is no conjunction)
        if len(segment) - match.end() >= least:
            cut = match.end()
    return cut


def _he_in_trade_name(segment: str, bounds, match) -> bool:
    """True when 和 follows a place (a word of its own) and what follows it opens with no
    place of its own (拥有北京|和利时系统工程): a registered name runs place + 字号, and a
    place alone is no party a firm is listed with, so 和 begins the 字号 (北京和利时). Two
    parties each keep their place (园区和|北京华为技术, 南京和|苏州甲科技).

    >>> import re
    >>> m = re.search("和", "拥有北京和利时系统工程")
    >>> _he_in_trade_name("拥有北京和利时系统工程", {0, 2, 4, 5}, m)
    True
    >>> m = re.search("和", "南京和苏州甲科技")
    >>> _he_in_trade_name("南京和苏州甲科技", {0, 2, 3}, m)
    False
    """
    from kg.loaders.extract_name_places import place_name
    from kg.names import region_prefix
    at = match.start()
    return match.group() == "和" and not region_prefix(segment[match.end():]) \
        and any(q in bounds and place_name(segment[q:at]) for q in range(max(0, at - 4), at - 1))


def _inside_known_name(segment: str, at: int) -> bool:
    """True when the character at ``at`` lies inside a known firm's short name in ``segment``.

    >>> _inside_known_name("的新和成生物科技", 2), _inside_known_name("园区与华为技术", 2)
    (True, False)
    """
    from kg.loaders.extract_known import known_firms
    names = known_firms()
    return any(segment[q:q + n] in names for n in (3, 4, 5)
               for q in range(max(0, at - n + 2), at) if q + n <= len(segment))


def _location_before(segment: str) -> int:
    """Where a legal name starts after the county or district it stands in, when a province
    opens the name (杜尔伯特县|黑龙江九阳豆业: a firm's name runs from the larger place to
    the smaller, never back), else 0.

    >>> _location_before("杜尔伯特县黑龙江九阳豆业"), _location_before("黑龙江省哈尔滨市甲乙")
    (5, 0)
    """
    for at in range(2, len(segment) - 3):
        if segment[at - 1] in "县区市旗" and any(segment.startswith(p, at) for p in _provinces()) \
                and not any(segment.startswith(p, at - len(p)) for p in _provinces()):
            return at  # (安阳市|内黄县|安阳天浩…: the county's city opens the firm's name too)
    return 0


_ZONE_TYPE_AT = re.compile(r"(?:经济技术开发区|高新技术产业开发区|经济开发区|开发区|高新区|经开区|"
                           r"工业园区|产业园区|工业园|产业园)")


def _zone_before(segment: str) -> int:
    """Where a legal name starts after the zone it stands in (交城经济开发区|华庆新材料科技):
    a coined 字号 right after a zone's type opens the firm's own name; a zone's own company
    (甲经济开发区|建设发展有限公司) goes on in words of the language.

    >>> _zone_before("交城经济开发区华庆新材料科技"), _zone_before("甲乙经济开发区建设发展")
    (7, 0)
    """
    cut = 0
    for match in _ZONE_TYPE_AT.finditer(segment):
        rest = segment[match.end():]
        if match.start() >= 2 and len(rest) >= 4 and coined(rest[:2]):
            cut = match.end()
    return cut


@lru_cache(maxsize=1)
def _provinces() -> tuple:
    """Province- and city-level names of the gazetteer, full and short (黑龙江省, 黑龙江,
    安阳市, 安阳): the larger places a firm's registered name may open with."""
    from kg.loaders.extract_regions import gazetteer
    return tuple(name for name, entry in gazetteer().items()
                 if entry[1] in ("province", "city") and len(name) >= 2)


def legal_names(text: str, start: int = 0, end: int | None = None) -> list:
    """(start, end) of each full enterprise name (ending in a legal form with limited
    liability) in ``text[start:end]``, its left edge after ranking nouns and verbs."""
    end = len(text) if end is None else end
    out = []
    for match in re.finditer(r"(?:股份有限公司|有限责任公司|有限公司)", text[start:end]):
        stop = start + match.end()
        left = stop - match.end() + match.start()
        first, depth = left, 0
        while first > start and left - first < 24:
            ch = text[first - 1]
            if ch == ")":
                depth += 1
            elif ch == "(":
                if depth == 0:
                    break  # 国盾量子(科大国盾量子技术股份有限公司: the full name opens here
                depth -= 1
            elif not re.match(r"[\u4e00-\u9fffA-Za-z0-9·]", ch):
                break
            first -= 1
        segment = text[first:left]
        first += _left_cut(segment)
        first += _location_before(text[first:left])
        first += _zone_before(text[first:left])
        if left - first >= 2:
            out.append((first, stop))
    return out


def _register() -> None:
    from kg.loaders.lexicon import on_fold
    on_fold(_compile)


_register()
