"""Well-known firms by their short names: a gazetteer shipped in
``kg/data/gazetteer/firms.tsv`` (listed companies' 证券简称 and codes; source, commit,
licence and date in ``kg/data/gazetteer/SOURCES-firms.md``) plus names a user adds
(the firms of the registries given to ``kg build``).

A short name is often an ordinary word too (美的, 太阳能, 中关村), so a known name counts
as a firm only in a firm context: beside another firm in a list, before a firm head
(…等企业, 集团, 公司), after a cue of the firm-role classes (引进, 依托, 龙头…) when it is
rare in jieba's general dictionary, or with no cue when it is rare and four or more
characters long (宁德时代).

>>> from kg.loaders.sentences import split_sentences
>>> with extra_firms(["澜舟微电子"]):
...     [m.name for m in known_firm_mentions(split_sentences("园区引进澜舟微电子。")[0])]
['澜舟微电子']
"""
from __future__ import annotations

import csv
import re
import sys
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path

from kg.loaders.lexicon import dropped, on_fold
from kg.loaders.mentions import Mention

FIRMS_TSV = Path(__file__).resolve().parents[1] / "kg" / "data" / "gazetteer" / "firms.tsv"
# short names of major firms off the A-share listing (rankings; loaders/gazetteer_firms.py)
MAJOR_TSV = FIRMS_TSV.with_name("firms_major.tsv")
# the short names central state firms write for themselves (中石化, 国网, 中储粮), which no
# rule derives from their registered names (SOURCES-firms.md)
SOE_TSV = FIRMS_TSV.with_name("firms_soe.tsv")
_ST = re.compile(r"^(?:\*?ST|S\*?ST|S|N|C|XD|XR|DR)(?=[\u4e00-\u9fff])")
_SHARE_CLASS = re.compile(r"[AＡBＢ]$")
_STATE: dict = {"names": None, "user": set(), "longest": 0}


def short_name(listed: str) -> str:
    """A 证券简称 without its trading marks and share class: ``*ST国华`` → 国华, ``万科A`` → 万科.

    >>> short_name("*ST国华"), short_name("万科A"), short_name("TCL科技")
    ('国华', '万科', 'TCL科技')
    """
    name = re.sub(r"\s+", "", listed)
    name = _ST.sub("", name)
    if re.search(r"[\u4e00-\u9fff]", name[:-1]):
        name = _SHARE_CLASS.sub("", name)
    return name


def build_rows(lines) -> list:
    """(short name, code) rows of a tushare ``stock_basic`` CSV (ts_code,symbol,name,…),
    B shares dropped, sorted by code."""
    rows = {}
    for row in csv.DictReader(lines):
        code = row["symbol"]
        if code.startswith(("200", "900")):  # B shares repeat their A share's company
            continue
        name = short_name(row["name"])
        # a trading mark shortens the name to fit (*ST生物 for 生物股份): two characters
        # left after the mark are a clipped form, no name anyone writes
        if len(name) >= 3 or len(name) == 2 and name == row["name"].strip():
            rows[code] = name
    return sorted((name, code) for code, name in rows.items())


def reset() -> None:
    """Forget user names and the loaded table (the next call reloads)."""
    _STATE.update(names=None, user=set(), longest=0)


def _refold() -> None:
    """Reload the shipped names when the leave-one-source-out fold changes (a name that a
    corpus document motivated is dropped in its fold); the user's names stay."""
    if _STATE["names"] is not None:
        user = set(_STATE["user"])
        reset()
        add_known_firms(user)


on_fold(_refold)


def add_known_firms(names) -> int:
    """Add a user's firm names (full or short) to the gazetteer; returns how many are new."""
    _load()
    new = {n.strip() for n in names if n and len(n.strip()) >= 2} - _STATE["names"]
    _STATE["user"] |= new
    _STATE["names"] |= new
    _STATE["longest"] = max([_STATE["longest"]] + [len(n) for n in new])
    return len(new)


@contextmanager
def extra_firms(names):
    """Recognise ``names`` too while the block runs (``kg build`` passes its registries'
    firm short names, so a document's 星河科技 is the registry's firm)."""
    saved = (set(_load()), set(_STATE["user"]), _STATE["longest"])
    add_known_firms(names)
    try:
        yield
    finally:
        _STATE["names"], _STATE["user"], _STATE["longest"] = saved


def registry_firm_names(graph, longest: int = 12) -> list:
    """Names and aliases of the firms in ``graph`` short enough to be written bare in a
    document (full names with legal forms are found by their suffix anyway)."""
    names = []
    for _, data in graph.nodes("Firm"):
        names += [n for n in [data.get("name"), *data.get("aliases", ())]
                  if n and 2 <= len(n) <= longest]
    return names


def known_firms() -> frozenset:
    """Every known firm name (shipped and user-added); one frozen copy while the names stay
    the same (it is asked for at every candidate name)."""
    return _derived("frozen", frozenset)


def _derived(key: str, build):
    """``build(names)`` of the known names, kept until the names change (a user's names
    added, a fold changed): the frozen copy, the groups, the names' first two characters."""
    names = _load()
    if _STATE.get(key + "_of") is not names or _STATE.get(key + "_size") != len(names):
        _STATE.update({key: build(names), key + "_of": names, key + "_size": len(names)})
    return _STATE[key]


def _load() -> set:
    if _STATE["names"] is None:
        names, soe = set(), set()
        for table in (FIRMS_TSV, MAJOR_TSV, SOE_TSV):
            if table.exists():
                with table.open(encoding="utf-8") as handle:
                    shorts = {row["short"] for row in csv.DictReader(handle, delimiter="\t")
                              if row["short"] and not dropped("KNOWN_FIRMS:" + row["short"])}
                names |= shorts
                soe |= shorts if table == SOE_TSV else set()
        _STATE["names"] = names | _STATE["user"]
        _STATE["soe"] = frozenset(soe)
        _STATE["longest"] = max((len(n) for n in _STATE["names"]), default=0)
    return _STATE["names"]


# 和/与/及, more words and an association's suffix right after a name: the name is one of
# the trades an association is named by (中国石油和化学工业联合会), no firm.
_ASSOCIATION_AFTER = re.compile(r"[和与及][\u4e00-\u9fff]{1,10}?(?:联合会|协会|商会|学会|工业会)")
# A firm head right after the name (…等企业, …集团, 比亚迪等12家车企): the name is a firm.
_HEAD_AFTER = re.compile(r"(?:等|及其|旗下)?(?:\d+|[一二三四五六七八九十]+)?家?[^,;。、]{0,6}?"
                         r"(?:企业|公司|集团|厂商|车企|药企|巨头|央企|国企|民企|外企)")
# The same head close after an ordinary word (美的等家电企业): a word of the language is a
# firm's name only when the head follows within a few characters, not across a clause
# (以政府诚信赢得群众和企业的信任)
_HEAD_CLOSE = re.compile(r"(?:等|及其|旗下)?(?:\d+|[一二三四五六七八九十]+)?家?[^,;。、]{0,3}?"
                         r"(?:企业|公司|集团|厂商|车企|药企|巨头|央企|国企|民企|外企)")
# A base of the firm right after its name (比亚迪|动力电池抚州基地): the name is a firm.
# (a bracketed place may stand between: 奇瑞|(贵州)产业基地)
BASE_AFTER = re.compile(r"[\u4e00-\u9fff()]{0,9}?基地")
# A firm's own act right after a name that opens its clause (腾讯|在贵安新区建设数据中心,
# 西门子|投资建设…): the subject of investing, building or settling is a firm.
_ACTS_AFTER = re.compile(r"(?:将|已|正|也|还|拟|计划)?(?:(?:在|于)[^,;。]{2,12}?)?"
                         r"(?:将|已|正|也|还|拟|计划|正式|成功|率先)?"
                         r"(?:投资|建设|建成|投建|新建|扩建|落户|签约|布局|设立|入驻|投产|开工|"
                         r"牵头|宣布|发布|研发|生产|推出|"
                         # what a firm reports or undergoes (奇瑞销量突破…, 东风调整重组)
                         r"销量|营收|营业收入|利润|净利润|调整重组|破产重[组整]|上市)")
# Cues of the firm-role classes right before the name (引进比亚迪, 依托宁德时代, 龙头企业海尔).
_CUE_BEFORE = re.compile(r"(?:引进|引入|招引|对接|携手|依托|龙头|链主|落户|签约|联合|与|同|瞄准|紧盯|盯住|"
                         r"企业|集团|公司)(?:了|的)?$")


# The rest of a list that closes on kinds of place (…、徐家汇等重点商圈, …等口岸).
_PLACES_CLOSE = re.compile(r"(?:、[\u4e00-\u9fff]{1,8})*(?:等)?(?:[\d一二三四五六七八九十两]+大?)?"
                           r"(?:重点|核心)?(?:流域|水系|口岸|商圈|街区|景区|河流)")


def _named_in_common_words(name: str) -> bool:
    """True when ``name`` is two or more common words of the language (美丽|生态), each of two
    characters or more: a listed firm so named is one only where a cue says so.

    >>> _named_in_common_words("美丽生态"), _named_in_common_words("宁德时代")
    (True, False)
    """
    import jieba
    from kg.loaders.extract_firms import COMMON_WORD, TRADE_WORDS, _frequency
    words = jieba.lcut(name, HMM=False)
    return len(words) >= 2 and words[-1] not in TRADE_WORDS \
        and all(len(w) >= 2 and _frequency(w) >= COMMON_WORD for w in words)  # (中原|银行: a bank)


def _product_term(name: str) -> bool:
    """True when ``name`` is a product of the shipped chain templates (机器人, 传感器)."""
    from kg.loaders.extract_name_firms import product_terms
    return name in product_terms()


def _verb_between(text: str, j: int, end: int) -> bool:
    """True when the firm noun a common word is read a firm by (:data:`_HEAD_CLOSE`) comes
    after a verb (诚信|坚定企业): the word is the verb's subject, no firm's name."""
    from kg.loaders.extract_industry_filters import pos_tags
    head = _HEAD_CLOSE.match(text, j, end)
    if head is None:
        return False
    gap = re.sub(r"^(?:等|及其|旗下)", "", text[j:head.end()])
    gap = re.sub(r"(?:企业|公司|集团|厂商|车企|药企|巨头|央企|国企|民企|外企)$", "", gap)
    return any(flag[:1] in "vad" for _, flag in pos_tags(gap)) if gap else False


def known_firm_mentions(sentence, text: str = None, start: int = 0, end: int = None,
                        taken=(), firms=()) -> list:
    """Known firm names in ``text[start:end]`` (the sentence's text by default) that stand
    in a firm context and overlap no span of ``taken``; ``firms`` are spans of firms
    already found (a list item beside one is a firm too)."""
    from kg.loaders.extract_firms import COMMON_WORD, _frequency
    from kg.loaders.extract_name_firms import product_opens  # (it imports this module)
    text = sentence.text if text is None else text
    end = len(text) if end is None else end
    spans = [(i, j, bureau_after(text, i, j, end)) for i, j in _scan(text, start, end, list(taken))]
    hits = [(i, j + n) for i, j, n in spans]  # (中建|三局: a known group's bureau, written whole)
    bureaus = {(i, j + n) for i, j, n in spans if n}
    out = []
    for i, j in hits:
        name = text[i:j]
        if i > start and _frequency(text[i - 1:i + 1]) >= COMMON_WORD:
            continue  # starts inside an ordinary word (南海|大黄鱼 names no 海大)
        if j - i == 2 and _frequency(text[j - 1:j + 1]) >= COMMON_WORD:
            continue  # a two-character name ending inside one (输变电装备 names no 电装)
        if product_goes_on(text, i, j):
            continue  # 太阳能|电池: the name opens a product's word, no firm
        if _ASSOCIATION_AFTER.match(text, j, end):
            continue  # 中国石油|和化学工业联合会: the trades an association is named by
        if _frequency(name) >= COMMON_WORD and any(b == i for _a, b in hits):
            continue  # 通威|太阳能…: an ordinary word right after a known name is that name's rest
        if _PLACES_CLOSE.match(text, j, end):
            continue  # 陆家嘴、徐家汇、…等重点商圈: places, though firms bear their names
        if re.match(r"(?:产业|科技|创新)?(?:基地|园区?|城)", text[j:end]) and _park_brand(name):
            continue  # 中关村|产业基地: a park named after the brand of a national park, no firm
        in_list = text[i - 1:i] == "、" or text[j:j + 1] == "、"
        listed = in_list and any(a - j == 1 or i - b == 1 for a, b in hits + list(firms))
        rare = _frequency(name) < COMMON_WORD
        if not rare and _product_term(name):
            continue  # 机器人 (a listed firm's short name): the templates' product, no firm
        if not rare and _verb_between(text, j, end):
            continue  # 用诚信|坚定企业…信心: a verb stands between the word and the firm noun
        # a list beside firms or a firm head is enough; a cue only for a word that is no
        # ordinary vocabulary (依托岭南文化); no cue at all only for long, rare names
        head = _HEAD_AFTER if rare else _HEAD_CLOSE
        opens = i == 0 or text[i - 1] in ",;。:"
        if listed or head.match(text, j, end) or BASE_AFTER.match(text, j, end) \
                or opens and _ACTS_AFTER.match(text, j, end) \
                or rare and _CUE_BEFORE.search(text[max(0, i - 4):i]) \
                or rare and place_before(text, i) \
                or rare and len(name) >= 4 and not _named_in_common_words(name) \
                or len(name) >= 4 and product_opens(text, j) or (i, j) in bureaus:
            # (阳光电源|逆变器: a known name before a product of the templates makes it)
            # (美丽生态, a listed firm's name in words of the language: only with a cue)
            group = re.match(r"集团(?:公司)?(?!化)", text[j:end])
            if group:  # 中石油|集团: the name as written, the group its own word
                j += group.end()
            out.append(Mention("Firm", text[i:j], sentence, i, j, {"known": True}))
    return out


# A numbered or placed bureau of a group (中建|三局, 中铁|十一局, 中交|二航局, 中铁|上海局):
# the units of the central groups of building and engineering are named so, each a firm.
_BUREAU = re.compile(r"(?:[一二三四五六七八九十]{1,3}|([\u4e00-\u9fff]{2}))[航公建]?局(?!长|面|势|部|限)")


def bureau_after(text: str, i: int, j: int, end: int) -> int:
    """Length of the bureau that follows a known group's short name at ``text[i:j]``.

    >>> bureau_after("中建三局承建", 0, 2, 6), bureau_after("中铁上海局项目", 0, 2, 7)
    (2, 3)
    >>> bureau_after("中铁大局观", 0, 2, 5)
    0
    """
    from kg.loaders.extract_name_places import place_name
    bureau = _BUREAU.match(text, j, end)
    if not bureau or j - i > 3 or bureau.group(1) and not place_name(bureau.group(1)):
        return 0
    return bureau.end() - j


def group_bureau_end(name: str, start: int = 0) -> int:
    """Where a known group's bureau that opens ``name`` at ``start`` ends, else 0.

    >>> group_bureau_end("中铁十一局蒙苏新材料项目"), group_bureau_end("中铁蒙苏项目")
    (5, 0)
    """
    return next((start + k + n for k in (2, 3) if name[start:start + k] in known_firms()
                 and (n := bureau_after(name, start, start + k, len(name)))), 0)


def group_bureau(name: str) -> bool:
    """True when ``name`` is a known group's bureau (中建三局, 中铁上海局), no office of state.

    >>> group_bureau("中建三局"), group_bureau("商务局")
    (True, False)
    """
    return group_bureau_end(name) == len(name)


@lru_cache(maxsize=1)
def _park_brands() -> frozenset:
    """The words that open the catalogue's zone names before a park's kind (中关村 of
    中关村科技园区): brands parks elsewhere borrow."""
    from kg.loaders.gazetteer import zone_names
    out = set()
    for name in zone_names():
        match = re.match(r"([\u4e00-\u9fff]{2,4}?)(?:科技园区?|产业园|高新区|科学城)$", name)
        if match:
            out.add(match.group(1))
    return frozenset(out)


def _park_brand(name: str) -> bool:
    """True when ``name`` is such a brand (中关村).

    >>> _park_brand("中关村"), _park_brand("宁德时代")
    (True, False)
    """
    return name in _park_brands()


def product_goes_on(text: str, i: int, j: int) -> bool:
    """True when a product term of the chain templates starts at ``text[i]`` and goes on
    past ``j`` (太阳能|电池, 汽车|电子): the words at ``text[i:j]`` are the product's start.

    >>> product_goes_on("高效太阳能电池基地", 2, 5), product_goes_on("比亚迪电池基地", 0, 3)
    (True, False)
    """
    from kg.loaders.extract_name_firms import product_terms
    terms = product_terms()
    if any(text[i:k] in terms for k in range(j + 1, min(len(text), i + 12) + 1)):
        return True
    # (or one starts inside a name that opens with a word of the language or a place and
    # goes on past it: 中国|动力电池, no 中国动力; 百克|生物制药 is the firm 百克生物's)
    from kg.loaders.extract_firms import COMMON_WORD, _frequency
    return any(text[s:k] in terms for s in range(i + 2, j - 1)
               if _frequency(text[i:s]) >= COMMON_WORD or place_before(text, s)
               for k in range(max(j + 1, s + 3), min(len(text), s + 12) + 1))


def place_before(text: str, i: int) -> bool:
    """True when a region's name (枣庄, 益阳市) ends right before ``text[i]``: a firm's unit
    or works is written by its place and the firm's short name (枣庄|欣旺达, 湖南|华菱).

    >>> place_before("枣庄欣旺达", 2), place_before("推动欣旺达", 2)
    (True, False)
    """
    from kg.loaders.extract_name_places import region_names
    regions = region_names()
    return any(text[i - n:i] in regions for n in (2, 3, 4) if i - n >= 0)


def first_word(text: str) -> str:
    """The first word of ``text`` in jieba's dictionary segmentation (no HMM guesses)."""
    from kg.loaders.extract_industry_filters import pos_tags
    words = pos_tags(text)
    return words[0][0] if words else ""


def known_prefix(name: str) -> int:
    """Length of the known firm name that opens a works or platform name (中国电信|云计算
    贵州信息园), 0 if none: the longest one that leaves at least two characters and is
    rare in jieba's dictionary, four or more characters long, or followed by a product term
    or by the works' place (太阳能|光伏项目 is not: 光伏 alone is no longer term)."""
    from kg.loaders.extract_firms import COMMON_WORD, _frequency
    from kg.loaders.extract_name_firms import product_opens
    from kg.loaders.extract_name_places import region_prefixed
    from kg.loaders.extract_name_works import PLACE_WORKS
    names = _load()
    first = None
    for size in range(min(_STATE["longest"], len(name) - 2), 1, -1):
        head = name[:size]
        if head not in names:
            continue
        first = first_word(name) if first is None else first
        if len(first) > size:
            continue  # the head starts a longer word (中成|药 is 中成药, no 中成股份)
        # a common word that is a known name (吉利, 海信) names the firm when the product
        # the works makes or the works' place follows it (吉利|新能源汽车项目, 海信|长沙…基地)
        if (size >= 4 or _frequency(head) < COMMON_WORD or product_opens(name, size)
                or len(name) - size >= 4 and region_prefixed(name[size:])
                and not PLACE_WORKS.search(name)):  # 许昌大道: a road
            # (国网|湖南: a group's unit is longer; 一汽|丰田|新能源车: its joint venture)
            return max(size, venture_size(name, partner=True))
    size = venture_size(name, partner=True)
    return size if len(name) - size >= 2 else 0


def groups() -> frozenset:
    """Short names of groups, read off the known names: X of a known X集团 (上汽集团 → 上汽),
    and a two-character head that opens two or more known names (华润三九, 华润双鹤 → 华润;
    国网信通, 国网英大 → 国网) — a group's listed units carry its short name first. Places
    open many names without being groups (北京银行, 北京城建), and so do 中国 (中国平安,
    中国中免) and the common words of the language (建设银行, 平安银行: 建设|深圳 and
    平安|广东 are slogans): none is read as a group's name.

    >>> with extra_firms(["甲乙集团", "丙丁科技", "丙丁能源"]):
    ...     {"甲乙", "丙丁"} <= groups()
    True
    """
    return _derived("groups", _groups_of)


def _groups_of(names) -> frozenset:
    """The groups' short names read off ``names`` (see :func:`groups`)."""
    from kg.loaders.extract_firms import COMMON_WORD, _frequency
    from kg.loaders.extract_name_places import region_names
    heads: dict = {}
    for name in names:
        if len(name) >= 4:
            heads[name[:2]] = heads.get(name[:2], 0) + 1
    found = {n[:-2] for n in names if n.endswith("集团") and 2 <= len(n) - 2 <= 3}
    found |= {head for head, count in heads.items() if count >= 2}
    regions = region_names()
    return frozenset(g for g in found if g not in regions and g != "中国"
                     and re.fullmatch(r"[\u4e00-\u9fff]+", g) and _frequency(g) < COMMON_WORD)


def venture_size(text: str, i: int = 0, end: int = None, partner: bool = False) -> int:
    """Length of the name of a group's unit or joint venture at ``text[i:]``, 0 if none.

    A group's provincial or city unit is named by the group's short name and the place
    (国网|湖南, 华润|江苏); a joint venture by the group's short name and its partner's brand
    (上汽|大众, 广汽|三菱), which is read only with ``partner`` and only where what the venture
    makes (a product term of the chain templates) or the place of its works follows
    (上汽大众|新能源汽车项目, 一汽丰田|长春基地).

    >>> with extra_firms(["甲乙集团"]):
    ...     venture_size("甲乙湖南分公司"), venture_size("甲乙丙丁新能源汽车项目", partner=True)
    (4, 4)
    """
    from kg.loaders.extract_name_firms import product_opens
    from kg.loaders.extract_name_places import region_names, region_prefixed
    end = len(text) if end is None else end
    regions = region_names()
    for size in (3, 2):
        head = text[i:i + size]
        # a central state firm's short name heads its joint ventures (一汽|丰田) though the
        # group's units are written otherwise (中石化|北京化工研究院 is the group's institute)
        group = head in groups()
        if not group and not (partner and head in _STATE.get("soe", ())):
            continue
        at = i + size
        place = next((n for n in (4, 3, 2) if at + n <= end and text[at:at + n] in regions), 0)
        if place and group:
            return size + place
        brand = text[at:at + 2]
        rest = text[at + 2:end]
        if partner and re.fullmatch(r"[\u4e00-\u9fff]{2}", brand) and brand not in regions \
                and not _product_word(brand) \
                and (product_opens(text[:end], at + 2) or _VENTURE_WORKS.match(rest)
                     or len(rest) >= 4 and region_prefixed(rest)):
            return size + 2
    return 0


# What a joint venture's name is followed by when not its product or place: a new model,
# a model line or the venture's works (上汽大众|全新朗逸车型技改项目, 广汽丰田|第五工厂).
_VENTURE_WORKS = re.compile(r"(?:全新|新款|[\u4e00-\u9fff]{0,4}?(?:车型|工厂|技改))")


def _product_word(word: str) -> bool:
    """True when ``word`` names a product or a trade (氢能, 科技), not a partner's brand: a
    group's name before it opens what its works makes (中石化|氢能|加氢站).

    >>> _product_word("氢能"), _product_word("丰田")
    (True, False)
    """
    from kg.loaders.extract_firms import TRADE_WORDS
    from kg.loaders.extract_name_firms import product_prefixes
    return word in TRADE_WORDS or word in product_prefixes()


def _place_spelled(text: str, i: int, j: int) -> bool:
    """True when a region's name with its level opens at ``i`` and runs past ``j``: the
    known name is the start of the place's (新疆|托克|逊县: the county 托克逊县, no firm 托克).

    >>> _place_spelled("新疆托克逊县招商", 2, 4), _place_spelled("托克集团", 0, 2)
    (True, False)
    """
    from kg.loaders.extract_regions import gazetteer
    table = gazetteer()
    return any(text[i:k] in table and text[k - 1] in "省市县区州盟旗"
               for k in range(j + 1, min(j + 4, len(text)) + 1))


def _heads() -> frozenset:
    """The first two characters of every known name (cached until the names change)."""
    return _derived("heads", lambda names: frozenset(n[:2] for n in names))


def _scan(text: str, start: int, end: int, taken: list) -> list:
    """(i, j) spans of known names, longest first at each place, none inside ``taken``."""
    names = _load()
    longest, heads = _STATE["longest"], _heads()
    spans, i = [], start
    while i < end - 1:
        if text[i:i + 2] not in heads:  # most places open no known name: one lookup
            i += 1
            continue
        for size in range(min(longest, end - i), 1, -1):
            j = i + size
            if text[i:j] in names and not any(a < j and i < b for a, b in taken) \
                    and not _place_spelled(text, i, j):
                # a group's unit named by its place is longer (国网|湖南: the unit)
                j = max(j, i + venture_size(text, i, end))
                spans.append((i, j))
                break
        else:
            j = i + venture_size(text, i, end)
            if j > i and not any(a < j and i < b for a, b in taken):
                spans.append((i, j))
                i = j
                continue
            i += 1
            continue
        i = j
    return spans


if __name__ == "__main__":  # python loaders/extract_known.py stock_basic.csv > firms.tsv
    with open(sys.argv[1], encoding="utf-8") as source:
        out = csv.writer(sys.stdout, delimiter="\t", lineterminator="\n")
        out.writerow(["short", "code"])
        out.writerows(build_rows(source))
