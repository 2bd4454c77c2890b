"""Places a name opens with: regions of the gazetteer and counties written short.

A zone or a works is named after where it lies (涪陵|工业园区, 江北|国际机场); these
predicates say whether a name opens with such a place and where a zone's name starts.

>>> region_prefixed("宜宾三江新区"), zone_place_prefixed("涪陵工业园区"), place_name("招远")
(True, True, True)
"""
from __future__ import annotations

import re
from functools import lru_cache

from kg.loaders.lexicon import suffix_matches


def region_start(text: str, start: int, end: int) -> int:
    """A zone name starts at the region it is named after (…评价中郑州高新区 → 郑州高新区)."""
    if any(text[start:start + n] in region_names() for n in (4, 3, 2)):
        return start
    for k in range(start + 2, end - 1):
        for size in (4, 3, 2):
            if text[k:k + size] in region_names() and not re.search(r"[(“]", text[start:k]) \
                    and not any(True for _ in suffix_matches(text[start:k])):
                # a park of two governments is named by both countries first (中新|天津生态城,
                # 中德|沈阳…, 中韩|盐城…)
                return k - 2 if _COUNTRY_PAIR.fullmatch(text[max(start, k - 2):k]) else k
    return start


_COUNTRY_PAIR = re.compile(r"中[新德韩日以法意俄欧美英瑞马白哈泰印巴奥荷澳比丹芬挪]")


def place_name(name: str) -> bool:
    """True when ``name`` is a place: a region of the gazetteer, or a county or county-level
    city written without its 县/市/区 (招远, 德江: the usual short form)."""
    from kg.loaders.extract_regions import gazetteer
    return name in region_names() or name in gazetteer() or county_entry(name) is not None


def county_entry(short: str):
    """The gazetteer entry (full name, level, parent) of the county or county-level city
    ``short`` names without its 县/市/区 (宜章 → 宜章县), else None.

    >>> county_entry("宜章")[0], county_entry("宏骏")
    ('宜章县', None)
    """
    from kg.loaders.extract_regions import gazetteer
    table = gazetteer()
    if not 2 <= len(short) <= 4:  # (霍尔果斯 for 霍尔果斯市, 和林格尔 for 和林格尔县)
        return None
    return next((table[short + tail] for tail in ("县", "市", "区") if short + tail in table), None)


def works_place_prefixed(name: str) -> bool:
    """True when a works' name opens with a place, also a district whose name two provinces
    share written without 区 (江北|国际机场): a works is named after where it stands."""
    from kg.loaders import gazetteer as national
    return zone_place_prefixed(name) or len(name) >= 2 and any(
        national.region_candidates(name[:2] + tail) for tail in ("县", "市", "区"))


def region_prefixed(name: str) -> bool:
    """True when ``name`` opens with a region of the gazetteer (宜宾|三江新区) or a division's
    name of four characters written short (和林格尔|金融数据产业园: 和林格尔县)."""
    table = region_names()
    if any(name[:n] in table for n in (2, 3, 4, 5, 6) if len(name) >= n):
        return True
    from kg.loaders import gazetteer as national
    return len(name) > 4 and bool(national.region_candidates(name[:4]))


def zone_place_prefixed(name: str) -> bool:
    """True when a zone's name opens with a place: a region, or a county or district written
    without 县/市/区 (涪陵|工业园区). Only for zones: a short county name is often an
    ordinary word too (滨海, 光明), which before a zone type still names the place."""
    return region_prefixed(name) or any(place_name(name[:n]) for n in (2, 3)
                                        if len(name) > n + 1)


def town_prefixed(name: str) -> bool:
    """True when a zone's name opens with a township's stem (虹桥|工业园区, 双凤|经开区): zones
    below the county are named after their 镇, 乡 or 街道 (kg/data/gazetteer/towns.txt,
    stems that are no ordinary word). Only before a zone's type: a stem alone is no region.

    >>> town_prefixed("虹桥工业园区"), town_prefixed("化工园区"), town_prefixed("新一轮开发区")
    (True, False, False)
    """
    from kg.loaders.extract_industry_filters import word_bounds
    stems = town_stems()
    sizes = [n for n in (2, 3, 4) if len(name) > n + 1 and name[:n] in stems and name[n] != "区"]
    # the stem is a word of the name, not the start of one (新一|轮, 大湾|区: no town)
    return bool(sizes) and any(n in word_bounds(name) for n in sizes)


@lru_cache(maxsize=1)
def town_stems() -> frozenset:
    """The township stems shipped in ``kg/data/gazetteer/towns.txt`` (read once)."""
    from importlib.resources import files
    text = files("kg.data").joinpath("gazetteer", "towns.txt").read_text(encoding="utf-8")
    return frozenset(w for w in text.split("\n") if w and not w.startswith("#"))


@lru_cache(maxsize=1)
def country_names() -> frozenset:
    """The countries' Chinese short names shipped in ``kg/data/gazetteer/countries.txt``.

    >>> "泰国" in country_names(), "浙江" in country_names()
    (True, False)
    """
    from importlib.resources import files
    text = files("kg.data").joinpath("gazetteer", "countries.txt").read_text(encoding="utf-8")
    return frozenset(w for line in text.split("\n") if not line.startswith("#")
                     for w in line.split())


def region_names():
    """The region names of the gazetteer, full and short (kg.names.region_gazetteer)."""
    from kg.names import region_gazetteer
    return region_gazetteer()


# The provinces' one-character short names (湘, 皖, 粤 …), then four compass points, which
# stand for regions in the same way (西气东输): names of corridors and groups are made of them.
PROVINCE_SHORT = "京津沪渝冀豫云滇辽黑湘皖鲁新疆苏浙赣鄂桂甘陇晋蒙陕秦吉闽贵黔粤青藏川蜀宁琼东南西北"


def only_places(item: str) -> bool:
    """True when an item is nothing but places, the last written in full (北京|大兴区,
    湛江|吴川市); a works is named after its site in short forms (汕尾陆河: a station).

    >>> only_places("北京大兴区"), only_places("北京亦庄光电园"), only_places("汕尾陆河")
    (True, False, False)
    >>> only_places("伊犁州新源县"), only_places("红山区")
    (True, True)
    """
    from kg.loaders import gazetteer as national
    if item[-1:] not in "省市县区旗":
        return False
    rest = item
    while rest:
        size = next((n for n in range(min(len(rest), 8), 1, -1)
                     if rest[:n] in region_names() or national.region_candidates(rest[:n])), 0)
        if not size:
            return False
        rest = rest[size:]
    return True


def full_place_prefix(name: str) -> int:
    """Length of a province, city, county or district written in full (with its type) that
    opens ``name`` and leaves two characters or more (濉溪县|力幕, 洪山区|制造业), else 0.

    >>> full_place_prefix("濉溪县力幕"), full_place_prefix("洪山区制造业"), full_place_prefix("力幕")
    (3, 3, 0)
    """
    from kg.loaders import gazetteer as national
    return next((n for n in (5, 4, 3, 2) if len(name) - n >= 2 and name[n - 1] in "省市县区旗"
                 and national.region_candidates(name[:n])), 0)
