"""Normalised names and the keys under which names of one thing meet.

``normalize`` folds width, traditional characters, spaces, quotes and brackets;
``match_keys`` gives the keys an entity of a label is found by, so that
新乡经开区 and 新乡经济技术开发区, or 郑州 and 郑州市, resolve to one node.

>>> normalize("Ｍ Ｅ Ｍ Ｓ “智能”传感器")
'MEMS智能传感器'
>>> canonical_key("Zone", "新乡经济技术开发区")
'新乡经开区'
>>> sorted(match_keys("Firm", "郑州宇通客车股份有限公司"))
['宇通客车', '郑州宇通客车', '郑州宇通客车股份有限公司']
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
    "集团股份有限公司", "集团有限责任公司", "集团有限公司", "股份有限公司", "有限责任公司",
    "有限公司", "股份公司", "(集团)", "集团公司", "公司",
)
_LEGAL_ENDINGS = tuple({s[-1] for s in FIRM_LEGAL_SUFFIXES})  # 司, ) : a quick first test
_REGION_SUFFIX = re.compile(r"(?<=..)(?:省|市|自治区|特别行政区|地区|壮族自治区|回族自治区|维吾尔自治区)$")
_INDUSTRY_SUFFIX = re.compile(r"(?<=..)(?:产业集群|产业|行业)$")
_CHAIN_SUFFIX = re.compile(r"(?<=..)(?:全产业链|产业链|链)$")


def _normalize(name: str) -> str:
    text = unicodedata.normalize("NFKC", str(name))
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
        text = _normalize(name)
        bare = strip_legal_suffix(text)
        keys = {text, bare}
        prefix = region_prefix(bare)
        if prefix and len(bare) - len(prefix) >= 2:
            keys.add(bare[len(prefix):])
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
