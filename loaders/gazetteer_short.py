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

# Short forms that are first of all ordinary words or other names in running text
# (东方 "east", 公安 "police", 合作 "cooperation", 阿里 "Alibaba", 中山 "Sun Yat-sen",
# 海西/海东 "west/east of the strait or sea"). They stay lookup keys of their region
# (``lookup_region("公安")``) but are not scanned for in text.
COMMON_WORDS = frozenset(
    "资源 合作 和平 武功 比如 南部 东方 公安 通道 共和 友谊 中方 凤凰 延长 新兴 万年 光泽 "
    "会同 大名 富裕 清水 长子 平定 温泉 石门 大方 互助 莲花 平和 三门 台前 同心 博爱 方正 "
    "民权 无为 灯塔 白玉 黑水 新民 富民 清流 紫金 新星 长寿 安康 阿里 中山 朝阳 白山 海东 "
    "海西 海北 山南 太和 永和 大同 兴安 和田 白沙 长白 三江".split())


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
    >>> region_short_forms("内蒙古自治区", "province"), region_short_forms("新疆维吾尔自治区", "province")
    (('内蒙古',), ('新疆',))
    >>> region_short_forms("鄂伦春自治旗", "county")
    ()
    >>> region_short_forms("恩施土家族苗族自治州", "city")
    ('恩施', '恩施州')
    >>> region_short_forms("长阳土家族自治县", "county"), region_short_forms("中牟县", "county")
    (('长阳',), ('中牟',))
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
            if suffix == "自治州":  # 恩施州, 延边州: the usual written form of a prefecture
                return (stem, stem + "州")
            return (stem,)
    return ()


# Zone types as written in full, and the short form planners write. Longest first: a
# name is matched against the first type it ends with.
ZONE_TYPES = (
    ("高新技术产业开发区", "高新区", "高新区"),
    ("高新技术产业园区", "高新区", "高新区"),
    ("高新技术开发区", "高新区", "高新区"),
    ("高技术产业开发区", "高新区", "高新区"),
    ("新技术产业开发区", "高新区", "高新区"),
    ("农业高新技术产业示范区", "农高区", "农高区"),
    ("经济技术开发区", "经开区", "经开区"),
    ("经济开发区", "经开区", "经开区"),
    ("综合保税区", "综保区", "综保区"),
    ("自由贸易试验区", "自贸区", "自贸区"),
    ("航空港经济综合实验区", "航空港区", "航空港区"),
    ("出口加工区", "出口加工区", "出口加工区"),
    ("台商投资区", "台商投资区", "台商投资区"),
    ("工业园区", "工业园区", "工业园区"),
    ("产业园区", "产业园区", "产业园区"),
    ("城乡一体化示范区", "示范区", "示范区"),
    ("示范区", "示范区", "示范区"),
    ("管理区", "管理区", "管理区"),
    ("新区", "新区", "新区"),
    ("保税区", "保税区", "保税区"),
    ("开发区", "开发区", "开发区"),
)

# Prefixes that say who approved a zone, not where it is (国家级宁波经济技术开发区).
_RANK_PREFIXES = ("国家级", "省级")


def zone_kind(name: str) -> str:
    """The zone type's short word (高新区, 经开区, 综保区 …), or '' when none is known.

    >>> zone_kind("苏州工业园区"), zone_kind("威海火炬高技术产业开发区")
    ('工业园区', '高新区')
    """
    for full, _short, kind in ZONE_TYPES:
        if name.endswith(full):
            return kind
    return ""


def _starts_with_place(text: str, places) -> bool:
    return any(text[:k] in places for k in range(MIN_STEM, 5))


def _drop_rank_and_province(name: str, provinces, places) -> str:
    for prefix in _RANK_PREFIXES:
        if name.startswith(prefix):
            name = name[len(prefix):]
    for province in provinces:
        rest = name[len(province):]
        if name.startswith(province) and zone_kind(rest) and _starts_with_place(rest, places):
            return rest
    return name


def zone_short_forms(name: str, provinces=(), places=()) -> tuple:
    """Other names of a zone: rank and province prefix dropped, zone type abbreviated.

    ``provinces`` are province short names (河南, 河北 …) that may open a name without
    being part of its usual form (河南濮阳工业园区 → 濮阳工业园区); the prefix is dropped
    only when a name in ``places`` (a city or county) follows it, so 山西转型综合改革示范区
    keeps its province. A 市 after the city
    name is dropped (秦皇岛市经济技术开发区 → 秦皇岛经开区). A name that would be only the
    zone type (高新区) is not a short form.

    >>> zone_short_forms("郑州经济技术开发区")
    ('郑州经开区',)
    >>> zone_short_forms("国家级宁波经济技术开发区")
    ('宁波经济技术开发区', '宁波经开区')
    >>> zone_short_forms("河北唐山海港经济开发区", ("河北",), {"唐山"})
    ('唐山海港经济开发区', '唐山海港经开区')
    >>> zone_short_forms("蚌埠市高新技术开发区")
    ('蚌埠高新技术开发区', '蚌埠高新区')
    >>> zone_short_forms("苏州工业园区")
    ()
    """
    forms = []
    base = _drop_rank_and_province(name, provinces, places)
    if base != name:
        forms.append(base)
    for full, short, _kind in ZONE_TYPES:
        if base.endswith(full):
            place = base[: -len(full)]
            if place.endswith("市") and len(place) > 2:
                place = place[:-1]
                forms.append(place + full)
            if len(place) >= MIN_STEM:
                forms.append(place + short)
            break
    return tuple(dict.fromkeys(f for f in forms if f != name))
