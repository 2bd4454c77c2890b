"""Normalised names and the keys under which names of one thing meet.

``normalize`` folds width, traditional characters, spaces, quotes and brackets;
``match_keys`` gives the keys an entity of a label is found by, so that
新乡经开区 and 新乡经济技术开发区, or 郑州 and 郑州市, resolve to one node.

>>> normalize("Ｍ Ｅ Ｍ Ｓ “智能”传感器")
'MEMS智能传感器'
>>> canonical_key("Zone", "新乡经济技术开发区")
'新乡经开区'
>>> sorted(match_keys("Firm", "郑州宇通客车股份有限公司"))
['郑州宇通客车', '郑州宇通客车股份有限公司']
>>> normalize("格\u200b力\u202e电器")  # zero-width and bidi characters are dropped
'格力电器'
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_STRIP = re.compile(r"[\s\"'“”‘’《》〈〉「」『』()（）\[\]【】·•]")


@lru_cache(maxsize=1)
def _t2s_table() -> dict:
    """Traditional → simplified, character by character, from OpenCC's own dictionary.

    A translate table is ~100x faster than OpenCC's phrase converter, and names need no
    phrase-level conversion.
    """
    from importlib.resources import files

    text = files("opencc").joinpath("dictionary", "TSCharacters.txt").read_text(encoding="utf-8")
    table = {}
    for line in text.splitlines():
        parts = line.split()
        if len(parts) >= 2 and len(parts[0]) == 1 and len(parts[1]) == 1:
            table[ord(parts[0])] = parts[1]
    return table


def to_simplified(text: str) -> str:
    """Simplified characters for traditional ones.

    >>> to_simplified("傳感器產業園")
    '传感器产业园'
    """
    return text.translate(_t2s_table())

# Long forms of zone names and the short forms planners write (新乡经济技术开发区 = 新乡经开区).
ZONE_ABBREVIATIONS = (
    ("高新技术产业开发区", "高新区"),
    ("高新技术开发区", "高新区"),
    ("高新技术产业园区", "高新区"),
    ("经济技术开发区", "经开区"),
    ("经济开发区", "经开区"),
    ("自由贸易试验区", "自贸区"),
    ("航空港经济综合实验区", "航空港区"),
)
# Bare zone words name a different zone in each document (郑州's 高新区 is not 新乡's):
# they never serve as keys across documents.
GENERIC_ZONE_NAMES = frozenset({
    "高新区", "经开区", "开发区", "示范区", "自贸区", "综保区", "综合保税区", "产业园", "园区",
    "产业集聚区", "集聚区", "科技园", "工业园", "工业园区", "产业园区", "新区", "保税区", "航空港区",
    "高新技术产业开发区", "经济技术开发区", "经济开发区", "自创区",
})
FIRM_LEGAL_SUFFIXES = (
    # 股份有限公司(集团) is written with its brackets, which normalize() drops
    "股份有限公司集团", "有限公司集团",
    "集团股份有限公司", "集团有限责任公司", "集团有限公司", "股份有限公司", "有限责任公司",
    "有限公司", "股份公司", "(集团)", "集团公司", "公司",
)
_LEGAL_ENDINGS = tuple({s[-1] for s in FIRM_LEGAL_SUFFIXES})  # 司, ) : a quick first test
_REGION_SUFFIX = re.compile(r"(?<=..)(?:省|市|自治区|特别行政区|地区|壮族自治区|回族自治区|维吾尔自治区)$")
_INDUSTRY_SUFFIX = re.compile(r"(?<=..)(?:产业集群|产业|行业)$")
_CHAIN_SUFFIX = re.compile(r"(?<=..)(?:全产业链|产业链|链)$")


# Format characters (Unicode category Cf: zero-width space/joiners, bidi controls, soft
# hyphen, BOM, tag characters) are invisible: a name holding one is the same name.
_FORMAT = re.compile("[\u00ad\u0600-\u0605\u061c\u06dd\u070f\u0890\u0891\u08e2\u180e"
                     "\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff"
                     "\ufff9-\ufffb\U000110bd\U000110cd\U00013430-\U0001343f"
                     "\U0001bca0-\U0001bca3\U0001d173-\U0001d17a\U000e0001"
                     "\U000e0020-\U000e007f]")


def drop_format_chars(text: str) -> str:
    """``text`` without format characters (category Cf), e.g. U+200B or U+202E.

    >>> drop_format_chars("宇\u200d通")
    '宇通'
    """
    return _FORMAT.sub("", text)


def _normalize(name: str) -> str:
    # format characters go first: NFKC keeps them, and a width fold must see the letters
    text = unicodedata.normalize("NFKC", _FORMAT.sub("", str(name)))
    text = _STRIP.sub("", text)
    if text.isascii() or _traditional().isdisjoint(text):
        return text
    return text.translate(_t2s_table())


# Firm names are a million distinct strings: they skip the cache that zone, region and
# industry names (a few hundred, seen on every row) live in.
normalize = lru_cache(maxsize=262144)(_normalize)
normalize.__doc__ = """Fold a name for comparison: NFKC, simplified characters, no spaces, quotes or brackets."""


@lru_cache(maxsize=1)
def _traditional() -> frozenset:
    """Every traditional character the table converts (most names hold none)."""
    return frozenset(chr(c) for c in _t2s_table())


@lru_cache(maxsize=1)
def region_gazetteer() -> dict:
    """Region names shipped in ``kg/data/regions.tsv``: full name -> (level, parent).

    Short forms (郑州 for 郑州市, 河南 for 河南省) are keys too.
    """
    from importlib.resources import files

    table = {}
    text = files("kg.data").joinpath("regions.tsv").read_text(encoding="utf-8")
    for line in text.splitlines()[1:]:
        if not line.strip():
            continue
        name, level, parent = (line.split("\t") + ["", ""])[:3]
        table[name] = (level, parent)
        short = _REGION_SUFFIX.sub("", name)
        if short != name:
            table.setdefault(short, (level, parent))
    return table


def region_prefix(text: str) -> str:
    """The longest region name (full or short) that ``text`` starts with, or ''.

    >>> region_prefix("郑州宇通客车")
    '郑州'
    """
    names = region_gazetteer()
    for size in (8, 7, 6, 5, 4, 3, 2):
        if len(text) > size and text[:size] in names:
            return text[:size]
    return ""


def strip_legal_suffix(name: str) -> str:
    """宁德时代新能源科技股份有限公司 → 宁德时代新能源科技."""
    if not name.endswith(_LEGAL_ENDINGS):
        return name
    for suffix in FIRM_LEGAL_SUFFIXES:
        if name.endswith(suffix) and len(name) > len(suffix) + 1:
            return name[: -len(suffix)]
    return name


# ---------------------------------------------------------------------- firm identity
# GB 32100-2015: 18 characters from this alphabet (no I, O, S, V, Z); the last is a check
# character computed from the first 17 with these weights, modulo 31.
_CREDIT_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
_CREDIT_WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)
_CREDIT_VALUE = {c: i for i, c in enumerate(_CREDIT_ALPHABET)}  # a dict: 3x faster than .index
_CREDIT_SHAPE = re.compile(r"^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$")


def credit_code_problem(code: str) -> str | None:
    """Why ``code`` is not a valid 统一社会信用代码 (GB 32100-2015), or None when it is.

    >>> credit_code_problem("91350100M000100Y43") is None
    True
    >>> credit_code_problem("91350100M000100Y44")
    'check character is 4, expected 3'
    """
    code = code.strip().upper()
    if len(code) != 18:
        return f"{len(code)} characters, not 18"
    if not _CREDIT_SHAPE.match(code):
        return "holds characters a 统一社会信用代码 never has"
    total = sum(map(int.__mul__, map(_CREDIT_VALUE.__getitem__, code[:17]), _CREDIT_WEIGHTS))
    expected = _CREDIT_ALPHABET[(31 - total % 31) % 31]
    if code[17] != expected:
        return f"check character is {code[17]}, expected {expected}"
    return None


# Words that name what a firm does rather than who it is (国家标准 GB/T 4754 门类 words
# and the trades enterprise names most often end in). Removing one from the end of a
# name without its legal form and place gives the short name people write: 格力电器 → 格力,
# 宇通客车 → 宇通. Longest first, so 新能源汽车 goes before 汽车.
INDUSTRY_WORDS = tuple(sorted({
    "电器", "电气", "电子", "电机", "机电", "机械", "重工", "客车", "汽车", "新能源汽车", "汽贸",
    "科技", "技术", "高科", "信息", "通讯", "通信", "软件", "网络", "智能", "智能装备", "装备",
    "制造", "实业", "工业", "产业", "发展", "控股", "投资", "集团", "股份", "国际", "贸易", "商贸",
    "物流", "能源", "新能源", "新材料", "材料", "化工", "化学", "医药", "药业", "制药", "生物",
    "医疗", "健康", "食品", "农业", "建设", "建工", "建筑", "地产", "置业", "环保", "环境", "光电",
    "电力", "电池", "钢铁", "特钢", "矿业", "铜业", "铝业", "纺织", "服饰", "传媒", "文化", "拖拉机",
    "精密", "仪器", "仪表", "传感", "半导体", "微电子", "光伏", "动力", "航空", "船舶", "家电",
    "建材", "纸业", "交通", "银行", "保险", "证券", "信托", "水务", "燃气", "港口", "城建", "石油", "石化",
}, key=lambda w: (-len(w), w)))
# Leading words of national firms that stand for a place (中国一拖 = 一拖 of China).
NATIONAL_PREFIXES = ("中国", "中华", "全国")
# Ordinal prefixes of early state firms: 第一拖拉机 is written 一拖 (first + first character).
_ORDINAL = re.compile(r"^第([一二三四五六七八九十])(.)")
_ORDINAL_ONLY = re.compile(r"^第[一二三四五六七八九十]+$")


def firm_aliases(name: str) -> list:
    """Short forms of a firm name, as (alias, steps), the fewest steps first.

    The steps, in this order, are ``legal`` (the legal form: 股份有限公司, 集团有限公司 …),
    ``place`` (a leading province, city or county name, full or short, or 中国),
    ``industry`` (a trailing industry word) and ``ordinal`` (第一拖拉机 → 一拖). A step
    is kept only when at least two characters remain.

    >>> [a for a, _ in firm_aliases("珠海格力电器股份有限公司")]
    ['珠海格力电器股份有限公司', '珠海格力电器', '格力电器', '珠海格力', '格力']
    >>> [a for a, _ in firm_aliases("第一拖拉机股份有限公司")]
    ['第一拖拉机股份有限公司', '第一拖拉机', '一拖']
    """
    text = _normalize(name)
    out = {text: ()}
    base = strip_legal_suffix(text)
    forms = [(base, ("legal",) if base != text else ())]
    prefix = region_prefix(base) or next((p for p in NATIONAL_PREFIXES
                                          if base.startswith(p) and len(base) - len(p) >= 2), "")
    if prefix and len(base) - len(prefix) >= 2:
        forms.append((base[len(prefix):], forms[0][1] + ("place",)))
    for form, steps in list(forms):
        word = next((w for w in INDUSTRY_WORDS if form.endswith(w) and len(form) - len(w) >= 2),
                    None)
        if word and not _ORDINAL_ONLY.match(form[: -len(word)]):
            forms.append((form[: -len(word)], steps + ("industry",)))
    for form, steps in forms:
        if form in INDUSTRY_WORDS or form in NATIONAL_PREFIXES or form in region_gazetteer():
            continue  # 中国银行 → 中国, 交通建设 → 交通: a word, not a firm
        out.setdefault(form, steps)
        ordinal = _ORDINAL.match(form)
        if ordinal:
            out.setdefault(ordinal.group(1) + ordinal.group(2), steps + ("ordinal",))
    return sorted(out.items(), key=lambda item: len(item[1]))


def alias_rank(steps: tuple) -> int:
    """How far an alias is from the name: 0 the name or it without its legal form, 1 also
    without its place, 2 also without an industry word (or an ordinal's short form).

    >>> alias_rank(("legal", "place", "industry"))
    2
    """
    if "industry" in steps or "ordinal" in steps:
        return 2
    return 1 if "place" in steps else 0


def canonical_key(label: str, name: str) -> str:
    """The key that names a node of ``label`` in its id: one spelling per real thing."""
    if label == "Firm":
        return _normalize(name)
    return _canonical_key(label, name)


@lru_cache(maxsize=65536)
def _canonical_key(label: str, name: str) -> str:
    text = normalize(name)
    if label == "Zone":
        for long, short in ZONE_ABBREVIATIONS:
            text = text.replace(long, short)
    elif label == "Region":
        text = _REGION_SUFFIX.sub("", text)
    elif label == "Industry":
        text = _INDUSTRY_SUFFIX.sub("", text)
    elif label == "Chain":
        text = _INDUSTRY_SUFFIX.sub("", _CHAIN_SUFFIX.sub("", text))
    return text


def match_keys(label: str, name: str) -> set:
    """Every key under which a name of ``label`` may meet another spelling of the same thing.

    A bare 高新区 is no key: it means another zone in every document.

    >>> match_keys("Zone", "高新区")
    set()
    """
    if label == "Firm":  # canonical_key is the normalised name itself
        # Only the legal form goes: 郑州宇通客车 and 宇通客车, or 厦门金龙 and 金龙, may be
        # different firms, so shorter forms link through kg.loaders.link with evidence.
        text = _normalize(name)
        keys = {text, strip_legal_suffix(text)}
    else:
        text = normalize(name)
        keys = {text, canonical_key(label, name)}
    keys.discard("")
    if label == "Zone":
        keys -= GENERIC_ZONE_NAMES
    return keys


def link_key(chain: str, link: str) -> str:
    """The key of a link within its chain: links of different chains never merge.

    >>> link_key("物联网产业链", "传感芯片")
    '物联网/传感芯片'
    """
    return f"{canonical_key('Chain', chain)}/{normalize(link)}"


def node_id(label: str, name: str | None = None, key: str | None = None) -> str:
    """A readable, deterministic id: ``Zone/郑州高新区`` or, given a registry key, ``Firm/300750``.

    >>> node_id("Zone", "新乡经济技术开发区")
    'Zone/新乡经开区'
    >>> node_id("Firm", "宁德时代", key="300750")
    'Firm/300750'
    """
    if key:
        return f"{label}/{normalize(key)}"
    return f"{label}/{canonical_key(label, name or '')}"
