"""Regions named in a sentence, from the shipped gazetteer of Chinese places.

A place is matched by its full name (新乡市) or short form (新乡, 辉县); district short
forms (中原 for 中原区) are too ambiguous and are not matched. A county named after its
city (哈密市伊吾县) is a region even when the gazetteer lacks it.

>>> from kg.loaders.sentences import split_sentences
>>> s = split_sentences("向北深化与京津冀合作,强化与重庆、广西等地产业合作。")[0]
>>> [(m.name, m.props["full"]) for m in sentence_regions(s, [])]
[('重庆', '重庆市'), ('广西', '广西壮族自治区')]
"""
from __future__ import annotations

import re
from functools import lru_cache

from kg.loaders.mentions import Mention
from kg.names import region_gazetteer

# Short forms that are more often ordinary words than places.
_AMBIGUOUS = {"朝阳", "中山", "安康", "阿里", "海东", "海西", "海北", "黄南", "果洛", "玉树",
              "东方", "白山", "通化", "吉林", "三明", "大同", "和田", "昌都", "林芝", "山南",
              # ordinary nouns of the language (a mall, silver, a mountain)
              "商城", "白银", "黄山", "新安", "文山", "矿区", "城区", "郊区", "新区", "开发区",
              # (a district named by an ordinary word: 缔结友好区市, friendly districts)
              "友好区"}


@lru_cache(maxsize=1)
def gazetteer() -> dict:
    """Matchable name → (full name, level, parent)."""
    table = region_gazetteer()
    full = {}
    for name, (level, parent) in table.items():
        full.setdefault(name, (name, level, parent))
    out = {}
    for name, (level, parent) in table.items():
        if name in _AMBIGUOUS:
            continue
        canonical = name
        for candidate in (name + "市", name + "省", name + "县"):
            if candidate in full and full[candidate][1] == level:
                canonical = candidate
                break
        else:
            for long in full:
                if long.startswith(name) and long != name and full[long][1] == level and \
                        len(long) - len(name) >= 2 and level == "province":
                    canonical = long
                    break
        out[name] = (canonical, level, parent)
    for name, (canonical, level, parent) in list(out.items()):
        if level == "county" and name.endswith("县") and len(name) == 3 \
                and name[:2] not in _AMBIGUOUS:  # (商城县 is a county, 商城 a mall)
            out.setdefault(name[:2], (canonical, level, parent))
    _add_national(out)
    return out


def _add_national(out: dict) -> None:
    """Add every unambiguous division of the national gazetteer (all provinces to county
    level, :mod:`kg.loaders.gazetteer`) that the shipped table lacks: 浦口区, 江宁区 …"""
    from kg.loaders import gazetteer as national
    by_code = {r.code: r.name for r in national.regions()}
    for name, record in national.region_names().items():
        if name in out or name in _AMBIGUOUS or len(name) < 2:
            continue
        if name != record.name and record.level == "county":
            continue  # a district's short form (浦口 for 浦口区) is too often another word
        out[name] = (record.name, record.level, by_code.get(record.parent))


@lru_cache(maxsize=1)
def _pattern():
    names = sorted(gazetteer(), key=len, reverse=True)
    return re.compile("|".join(map(re.escape, names)))


_SUB_COUNTY = re.compile(r"[\u4e00-\u9fff]{2}县")
# A university or college after a place name: the place names the school, as in 长春理工大学.
_UNIVERSITY_AFTER = re.compile(r"(?:(?![与和及同赴到在、])[\u4e00-\u9fff]){0,4}(?:大学|(?<!科)学院)")


def sentence_regions(sentence, taken) -> list:
    """Regions in a sentence outside the spans ``taken`` by other names."""
    text = sentence.text
    out = []
    table = gazetteer()
    for match in _pattern().finditer(text):
        i, j = match.span()
        if any(a <= i < b or a < j <= b for a, b in taken):
            continue
        name = match.group()
        full, level, parent = table[name]
        if len(name) == 2 and j < len(text) and text[j] in "区路街镇乡村":
            continue  # 新乡路, 辉县镇: a street or a smaller place, not the region
        if name.endswith("区") and text[j:j + 1] == "域":
            continue  # 新兴区域: a word, not the district 新兴区
        if name[-1] in "县区" and re.match(r"\([县区市]", text[j:j + 2]):
            continue  # …和县(区)功能定位, 毗邻县(市): counties at large, "county (district)"
        if len(name) == 2 and name[0] in "湖河江" and name[1] in "东南西北" \
                and text[j:j + 1] in ("岸", "侧") and i > 0 and "\u4e00" <= text[i - 1] <= "\u9fff":
            continue  # 金鳞湖|北岸, 沿河|南岸: a lake's or river's bank by its compass point
        if _UNIVERSITY_AFTER.match(text, j):
            continue  # 长春|理工大学, 四川|农业大学: a university named by its place
        if name[-1] in "省市县" and text[j:j + 1] == "立" or \
                len(name) == 2 and name[-1] in "县区市" and text[j:j + 1] == "级":
            continue  # 山东省|立医院: run by the province, a hospital's name; 城市和|县级: a rank
        if len(name) == 2 and name[1] in "县区" and i > 0 and \
                "\u4e00" <= text[i - 1] <= "\u9fff" and (text[i - 1] not in "省市州盟"
                                                      or text[j:j + 1] == "城"):
            continue  # 示范县, 和县: a one-character county only after a place or a break
            # (城市和|县城: the word 县城, county towns, after 和)
        if len(name) == 2 and name[0] in "代副原前" and name[1] in "县市区" \
                and text[j:j + 1] == "长" and text[j + 1:j + 2] != "城":
            continue  # 代县长 邱中凯: the acting county head's title (代县 is a county too)
        if re.search(r"(?:各位|诸位|全体|广大)$", text[:i]):
            continue  # 各位来宾: people (来宾 is a city too)
        if name in _COMPASS_DISTRICTS and not any(text.endswith(p, 0, i) for p in _COMPASS_CITIES):
            continue  # 东区重点发展…: a park's east part; 攀枝花东区 is the district
        if name[-1] in "江河湖山" and level != "province" and i > 0 and "\u4e00" <= text[i - 1] <= "\u9fff" \
                and text[i - 1] not in "、和与及省市县区州" and not _governed(text[:i]) \
                and not (out and out[-1].j == i) and not _word_before(text, i):
            continue  # 武|阳江, 大环|江河: a longer river's or mountain's name ends so
            # (广东|佛山: a place right after its province is the place; 报道|唐山: after a word)
        if _inside_a_word(text, i, j):
            continue  # 开放招|商水|平, 以|新安|全格局, 罗|浮山县|镇村: a word's parts, no place
        if _inside_county_short(text, i):
            continue  # 桃|江西|220千伏: the county 桃江 (桃江县) spells it, no province
        out.append(Mention("Region", name, sentence, i, j,
                           {"full": full, "level": level, "parent": parent}))
        sub = _SUB_COUNTY.match(text, j)
        if sub and name == full and level == "city" and not _frequency_word(sub.group()[:2]) \
                and not re.match(r"\([县区市]", text[sub.end():sub.end() + 2]):
            # (成都市毗邻县(市): "the counties next to it", a word and a county at large)
            out.append(Mention("Region", sub.group(), sentence, sub.start(), sub.end(),
                               {"full": sub.group(), "level": "county", "parent": full}))
    _listed_places(sentence, out, taken)
    return out


# Districts named by a compass point alone (攀枝花's 东区 and 西区) or by the town's age
# (洛阳's 老城区, 西安's 新城区): a park's or a city's parts are named so too, so only a city
# before them makes them the district.
_COMPASS_DISTRICTS = frozenset(("东区", "西区", "南区", "北区", "中区", "老城区", "新城区"))
_COMPASS_CITIES = ("攀枝花市", "攀枝花", "洛阳市", "洛阳", "西安市", "西安", "呼和浩特市",
                   "呼和浩特")


def _inside_a_word(text: str, i: int, j: int) -> bool:
    """True when the place name at ``text[i:j]`` begins inside a dictionary word of the
    sentence (罗|浮山县|镇村: 罗浮山 is a mountain), or, written short without its level,
    ends inside one (以新|安全格局, 开放招商|水平): the name is spelled by other words.

    >>> _inside_a_word("开放招商水平不断提升", 3, 5), _inside_a_word("推动商水县发展", 2, 5)
    (True, False)
    """
    from kg.loaders.extract_industry_filters import word_bounds
    bounds = word_bounds(text)
    short = text[j - 1] not in "省市县区州盟旗"
    return i not in bounds or short and j not in bounds


def _inside_county_short(text: str, i: int) -> bool:
    """True when a county written short (桃江 for 桃江县) ends just inside the place name
    starting at ``i``: that name is spelled by the county's, as in 桃江西 (桃江's west).

    >>> _inside_county_short("桃江西变电站", 1), _inside_county_short("江西省", 0)
    (True, False)
    """
    from kg.loaders.extract_known import place_before
    from kg.loaders.extract_name_places import county_entry
    if re.search(r"[从在与和向到赴对往经自至及或、]$", text[:i]) or place_before(text, i):
        return False  # 从|江西 (从江 is a county too), 福建|宁德, 浙江|宁波: a place starts here
    return any(k >= 0 and "\u4e00" <= text[k] <= "\u9fff" and county_entry(text[k:i + 1])
               for k in (i - 1, i - 2))


_LIST_RUN = re.compile(r"[\u4e00-\u9fff]{2,}(?:、[\u4e00-\u9fff]{2,4})+[\u4e00-\u9fff]*")


def _place_at(item: str, end: bool):
    """The place (short or full name of any division) that ends (or opens) ``item``."""
    from kg.loaders import gazetteer as national
    for size in (4, 3, 2):
        if size > len(item):
            continue
        word = item[-size:] if end else item[:size]
        found = national.region_candidates(word)
        if found:
            return word, found[0]
    return None, None


def _frequency_word(word: str) -> bool:
    """True when ``word`` is an ordinary word of the general dictionary (毗邻, not 金堂)."""
    from kg.loaders.extract_firms import COMMON_WORD, _frequency
    return _frequency(word) >= COMMON_WORD


def _word_before(text: str, i: int) -> bool:
    """True when the two characters before ``i`` are a dictionary word (报道|唐山), so a
    place may start at ``i``; 实施武|阳江 has none (施武), the river 武阳江 does.

    >>> _word_before("整版报道唐山", 4), _word_before("实施武阳江", 3)
    (True, False)
    """
    from kg.loaders.extract_firms import _frequency
    return i >= 2 and _frequency(text[i - 2:i]) > 0


def _governed(lead: str) -> bool:
    """True when what precedes the first place of a list is nothing or ends in a governing
    word (支持|汉中、…), so the place is the whole first item (not 丹|霞山)."""
    from kg.loaders.lexicon import BOUNDARY_WORDS, LEADING
    return not lead or lead.endswith(tuple(BOUNDARY_WORDS) + tuple(LEADING))


def _listed_places(sentence, out: list, taken) -> None:
    """Places of a list whose items are all places (蒲城、周至、甘泉等10个; 铜川、安康获批):
    short county names and names that are words too (安康, 中山) are places there, as the
    place beside them is."""
    from kg.loaders.lexicon import suffix_matches
    text = sentence.text
    for run in _LIST_RUN.finditer(text):
        items, pos, places = run.group().split("、"), run.start(), []
        for n, item in enumerate(items):
            first, last = n == 0, n == len(items) - 1
            word, region = _place_at(item, end=first and not last)
            if word is None or not (first or last) and word != item \
                    or first and not last and not _governed(item[:len(item) - len(word)]) \
                    or last and any(True for _ in suffix_matches(item[:len(word) + 4])):
                places = []
                break
            start = pos + (len(item) - len(word) if first else 0)
            places.append((start, start + len(word), region))
            pos += len(item) + 1
        known = sum(1 for i, _j, _r in places if any(m.i == i for m in out))
        if len(places) < 2 or not known and len(places) < 3:
            continue
        for i, j, region in places:
            if not any(m.i < j and i < m.j for m in out) and \
                    not any(a < j and i < b for a, b in taken):
                out.append(Mention("Region", text[i:j], sentence, i, j,
                                   {"full": region.name, "level": region.level,
                                    "parent": _parent_name(region)}))


def _parent_name(region):
    """The name of the division ``region`` lies in (props carry names, as the gazetteer's)."""
    from kg.loaders import gazetteer as national
    parent = national.region_by_code(region.parent) if region.parent else None
    return parent.name if parent else None
