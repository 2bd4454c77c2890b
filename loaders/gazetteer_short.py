"""Short names of regions and zones, generated from the legal suffixes of their full names.

A Chinese place name is a stem plus a legal suffix that says what kind of unit it is
(省, 市, 县, 自治州, 旗 …); people drop the suffix when they write (河南省 → 河南, 中牟县 →
中牟). Autonomous units also carry the names of their peoples before the suffix
(恩施土家族苗族自治州 → 恩施), which are dropped with it. A zone's name is a place plus a
zone type, and the zone type has a conventional short form (经济技术开发区 → 经开区,
高新技术产业开发区 → 高新区).

Rules (each function's docstring says which it applies):

- A stem shorter than two characters gives no short form (萧县 stays 萧县): a single
  character is a word in every sentence.
- Municipal districts (…区) give none: their stems (中原, 新华, 鼓楼, 城关) recur in many
  cities and are ordinary words. A 新区 at county level does (浦东新区 → 浦东).
- Whether a short form is *safe* (unique, not a common word) is decided over the whole
  gazetteer in :mod:`kg.loaders.gazetteer`, not here.

>>> region_short_forms("广西壮族自治区", "province")
('广西',)
>>> zone_short_forms("郑州高新技术产业开发区")
('郑州高新区',)
"""
from __future__ import annotations

# The 55 minority peoples as written in the names of autonomous units (GB/T 3304).
ETHNIC_NAMES = (
    "蒙古 回 藏 维吾尔 苗 彝 壮 布依 朝鲜 满 侗 瑶 白 土家 哈尼 哈萨克 傣 黎 傈僳 佤 畲 高山 拉祜 "
    "水 东乡 纳西 景颇 柯尔克孜 土 达斡尔 仫佬 羌 布朗 撒拉 毛南 仡佬 锡伯 阿昌 普米 塔吉克 怒 "
    "乌孜别克 俄罗斯 鄂温克 德昂 保安 裕固 京 塔塔尔 独龙 鄂伦春 赫哲 门巴 珞巴 基诺 各"
).split()
_ETHNIC_BY_LENGTH = sorted(ETHNIC_NAMES, key=len, reverse=True)

# Legal suffixes by level, longest first so 自治县 is tried before 县.
_SUFFIXES = {
    "province": ("特别行政区", "自治区", "省", "市"),
    "city": ("自治州", "地区", "盟", "市"),
    "county": ("自治县", "自治旗", "新区", "特区", "林区", "县", "旗", "市"),
}

MIN_STEM = 2

# Names that are first of all ordinary words or other names in running text (东方 "east",
# 公安 "police", 合作 "cooperation", 阿里 "Alibaba", 中山 "Sun Yat-sen", 海西/海东 "west/east
# of the strait or sea", 城区 "urban area", 平原 "plain", 惠民 "benefiting the people").
# They stay lookup keys of their region (``lookup_region("公安")``) but are not scanned
# for in text, even where they are a full name (城区, 矿区, 郊区 are districts too).
COMMON_WORDS = frozenset(
    "资源 合作 和平 武功 比如 南部 东方 公安 通道 共和 友谊 中方 凤凰 延长 新兴 万年 光泽 "
    "会同 大名 富裕 清水 长子 平定 温泉 石门 大方 互助 莲花 平和 三门 台前 同心 博爱 方正 "
    "民权 无为 灯塔 白玉 黑水 新民 富民 清流 紫金 新星 长寿 安康 阿里 中山 朝阳 白山 海东 "
    "海西 海北 山南 太和 永和 大同 兴安 和田 白沙 长白 三江 城区 矿区 郊区 平原 惠民 江口 河口 "
    "和顺 兴业 东区 西区 南区 北区 新区 开发区 高新区 商城 安宁 乐业 大城".split())

# Function characters (and, with, at, for …). A two-character short form that begins or
# ends with one is split across words in running text (鲲鹏云和华为云, 构和龙头, 天等领域)
# far more often than it names its county, so it is looked up but not scanned; the full
# name (云和县, 和龙市, 天等县) still is.
FUNCTION_CHARS = frozenset("和与及在的等为是对向从以把被将了而并或之于")


def strip_ethnic(stem: str, bare: bool = True) -> str:
    """The stem without the peoples' names an autonomous unit carries after it.

    A one-character people (回, 藏, 苗) is removed only with its 族, so a stem that
    merely ends in that character keeps it; with ``bare=False`` every people is removed
    only with its 族 (内蒙古 is a place, not 内 + 蒙古).

    >>> strip_ethnic("恩施土家族苗族")
    '恩施'
    >>> strip_ethnic("博尔塔拉蒙古")
    '博尔塔拉'
    >>> strip_ethnic("西藏"), strip_ethnic("鄂温克族")
    ('西藏', '')
    """
    changed = True
    while changed:
        changed = False
        for people in _ETHNIC_BY_LENGTH:
            for tail in (people + "族", people if bare and len(people) > 1 else None):
                if tail and stem.endswith(tail):
                    stem = stem[: -len(tail)]
                    changed = True
                    break
            if changed:
                break
    return stem


def region_short_forms(name: str, level: str) -> tuple:
    """Candidate short forms of a region's full name at ``level`` (province/city/county).

    >>> region_short_forms("河南省", "province"), region_short_forms("郑州市", "city")
    (('河南',), ('郑州',))
    >>> [region_short_forms(n, "province") for n in ("内蒙古自治区", "新疆维吾尔自治区")]
    [('内蒙古',), ('新疆',)]
    >>> region_short_forms("鄂伦春自治旗", "county")
    ()
    >>> region_short_forms("恩施土家族苗族自治州", "city")
    ('恩施', '恩施州')
    >>> region_short_forms("长阳土家族自治县", "county"), region_short_forms("中牟县", "county")
    (('长阳', '长阳县'), ('中牟',))
    >>> region_short_forms("萧县", "county"), region_short_forms("中原区", "county")
    ((), ())
    >>> region_short_forms("浦东新区", "county")
    ('浦东',)
    """
    for suffix in _SUFFIXES.get(level, ()):
        if name.endswith(suffix):
            stem = name[: -len(suffix)]
            if suffix.startswith("自治") or level == "province":
                # 博尔塔拉蒙古 → 博尔塔拉, but 内蒙古 stays: a people's name is dropped
                # without its 族 only when a stem of two characters remains.
                stripped = strip_ethnic(stem)
                stem = stripped if len(stripped) >= MIN_STEM else strip_ethnic(stem, False)
                if stem in ETHNIC_NAMES:  # 鄂伦春自治旗: the stem is the people itself
                    return ()
            if len(stem) < MIN_STEM:
                return ()
            # 恩施州, 长阳县, 鄂托克前旗: autonomous units are usually written with the plain
            # suffix after the stem.
            plain = {"自治州": "州", "自治县": "县", "自治旗": "旗"}.get(suffix)
            return (stem, stem + plain) if plain else (stem,)
    return ()


# Zone types as written in full, the short form planners write, and the kind. Longest
# first: a name is matched against the first type it ends with.
ZONE_TYPES = (
    ("农业高新技术产业示范区", "农高区", "高新区"),
    ("高新技术产业开发区", "高新区", "高新区"),
    ("高新技术产业园区", "高新区", "高新区"),
    ("高新技术开发区", "高新区", "高新区"),
    ("高技术产业开发区", "高新区", "高新区"),
    ("新技术产业开发区", "高新区", "高新区"),
    ("新技术开发区", "高新区", "高新区"),
    ("新兴技术开发区", "开发区", "经开区"),
    ("经济技术开发区", "经开区", "经开区"),
    ("经济开发区", "经开区", "经开区"),
    ("综合保税区", "综保区", "综保区"),
    ("自由贸易试验区", "自贸区", "自贸区"),
    ("航空港经济综合实验区", "航空港区", "航空港区"),
    ("出口加工区", "出口加工区", "出口加工区"),
    ("台商投资区", "台商投资区", "台商投资区"),
    ("保税港区", "保税港区", "综保区"),
    ("工业园区", "工业园区", "工业园区"),
    ("产业园区", "产业园区", "产业园区"),
    # 河南's 产业集聚区 (2009–2021) and the 工业集中区 of several provinces are provincial
    # zone types of their own.
    ("产业集聚区", "集聚区", "产业集聚区"),
    ("工业集中区", "工业集中区", "工业集中区"),
    ("城乡一体化示范区", "示范区", "示范区"),
    ("示范区", "示范区", "示范区"),
    ("管理区", "管理区", "管理区"),
    ("新区", "新区", "新区"),
    ("保税区", "保税区", "保税区"),
    ("开发区", "开发区", "开发区"),
)

# Every zone type, full or short, longest first (for finding where a zone name's type begins).
_TYPE_WORDS = sorted({w for full, short, _k in ZONE_TYPES for w in (full, short)}, key=len,
                     reverse=True)


def is_zone_type(name: str) -> bool:
    """True when ``name`` is a zone type alone, full or short (出口加工区, 综保区).

    >>> is_zone_type("出口加工区"), is_zone_type("珠海出口加工区")
    (True, False)
    """
    return name in _TYPE_SET


_TYPE_SET = frozenset(_TYPE_WORDS)
# Every zone type written in full (经济技术开发区, 出口加工区, 新区 …).
FULL_ZONE_TYPES = frozenset(full for full, _short, _kind in ZONE_TYPES)


def _zone_type(name: str):
    for full, short, kind in ZONE_TYPES:
        if name.endswith(full):
            return full, short, kind
    return None


def zone_kind(name: str) -> str:
    """The zone's kind (高新区, 经开区, 综保区, 新区 …), or '' when none is known.

    >>> zone_kind("苏州工业园区"), zone_kind("威海火炬高技术产业开发区")
    ('工业园区', '高新区')
    """
    found = _zone_type(name)
    return found[2] if found else ""


def _place_prefix(text: str, places) -> str:
    """The longest name in ``places`` that ``text`` starts with, or ''."""
    for k in range(min(len(text), 6), MIN_STEM - 1, -1):
        if text[:k] in places:
            return text[:k]
    return ""


def drop_rank(name: str) -> str:
    """The zone name without words of rank (国家级, 省级, 国家 before the zone type).

    >>> drop_rank("苏州国家高新技术产业开发区"), drop_rank("国家级宁波经济技术开发区")
    ('苏州高新技术产业开发区', '宁波经济技术开发区')
    >>> drop_rank("苏州国家高新区")
    '苏州高新区'

    """
    if name.startswith(("国家级", "省级")):
        name = name[2:] if name.startswith("省级") else name[3:]
    for zone_type in _TYPE_WORDS:
        stem = name[: -len(zone_type)]
        if name.endswith(zone_type) and stem.endswith("国家") and len(stem) > 2:
            return stem[:-2] + zone_type
    return name


def _drop_prefix(name: str, provinces, places) -> list:
    """Names left when an opening province or city is dropped (see zone_short_forms)."""
    out = []
    for prefix in (p for p in provinces if name.startswith(p)):
        rest = name[len(prefix):]
        if _zone_type(rest) and _place_prefix(rest, places):
            out.append(rest)
    found = _zone_type(name)
    opening = _place_prefix(name, places) or next(
        (p for p in provinces if name.startswith(p)), "")
    if found and opening:
        rest = name[len(opening):].lstrip("市")
        stem = rest[: -len(found[0])]
        if found[2] == "新区" and MIN_STEM <= len(stem) <= 3:
            out.append(rest)         # 重庆两江新区 → 两江新区: new areas go by their own name
        elif stem and _place_prefix(rest, places) and len(stem) >= MIN_STEM:
            out.append(rest)         # 广州南沙经济技术开发区 → 南沙经济技术开发区
    return out


def _abbreviate(name: str) -> list:
    found = _zone_type(name)
    if not found:
        return []
    full, short, _kind = found
    place = name[: -len(full)]
    out = []
    if place.endswith("市") and len(place) > 2:
        place = place[:-1]
        out.append(place + full)
    if len(place) >= MIN_STEM:
        out.append(place + short)
    return out


def zone_short_forms(name: str, provinces=(), places=()) -> tuple:
    """Other names of a zone: rank words and opening places dropped, zone type abbreviated.

    Rules, applied in turn: (1) 国家级/省级 before the name and 国家 before the zone type
    go (南京国家高新技术产业开发区 → 南京高新技术产业开发区); (2) an opening province
    (``provinces``: 河南, 河北 …) goes when a city or county (``places``) follows it
    (河南濮阳工业园区 → 濮阳工业园区; 山西转型综合改革示范区 keeps it), an opening city goes
    when a county or district follows it (广州南沙经济技术开发区 → 南沙经济技术开发区), and
    either goes before a 新区 with a stem of 2–3 characters (重庆两江新区 → 两江新区);
    (3) a 市 after the city goes and the zone type takes its short form
    (秦皇岛市经济技术开发区 → 秦皇岛经开区). A name that would be only the zone type
    (高新区) is not a short form.

    >>> zone_short_forms("郑州经济技术开发区")
    ('郑州经开区',)
    >>> zone_short_forms("国家级宁波经济技术开发区")
    ('宁波经济技术开发区', '宁波经开区')
    >>> zone_short_forms("河北唐山海港经济开发区", ("河北",), {"唐山"})
    ('唐山海港经济开发区', '河北唐山海港经开区', '唐山海港经开区')
    >>> zone_short_forms("蚌埠市高新技术开发区")
    ('蚌埠高新技术开发区', '蚌埠高新区')
    >>> zone_short_forms("重庆两江新区", ("重庆",))
    ('两江新区',)
    >>> zone_short_forms("广州南沙经济技术开发区", (), {"广州", "南沙"})
    ('南沙经济技术开发区', '广州南沙经开区', '南沙经开区')
    >>> zone_short_forms("苏州工业园区")
    ()
    """
    base = drop_rank(name)
    bases = [base, *_drop_prefix(base, provinces, places)]
    forms = list(bases)
    for form in bases:
        forms += _abbreviate(form)
    return tuple(f for f in dict.fromkeys(forms) if f != name)
