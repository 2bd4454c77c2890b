"""Where a registry firm is: region and zone read from an address or a firm's full name.

Registries often lack region and zone columns; the registered address (or, failing
that, the place name a full name starts with) says where a firm is. What this
module finds is an inference, and the registry loader marks it so.

>>> place_from_address("河南省郑州市高新技术产业开发区科学大道97号")
('郑州市', '郑州高新技术产业开发区')
>>> place_from_address("新乡市平原示范区黄河大道8号")
('新乡市', '平原示范区')
>>> region_from_name("郑州宇通客车股份有限公司")
'郑州市'
"""
from __future__ import annotations

import re
from functools import lru_cache

from kg.names import region_gazetteer, region_prefix

# Zone kinds an address names, longest first so 高新技术产业开发区 wins over 开发区.
ZONE_SUFFIXES = (
    "高新技术产业开发区", "高新技术开发区", "经济技术开发区", "航空港经济综合实验区",
    "经济开发区", "产业集聚区", "综合保税区", "先进制造业开发区", "示范区", "高新区", "经开区",
    "航空港区", "开发区",
)
_ZONE = re.compile("(" + "|".join(ZONE_SUFFIXES) + ")")
_PROVINCE = re.compile(r"^[\u4e00-\u9fa5]{2,3}?(?:省|自治区|壮族自治区|回族自治区|维吾尔自治区)")
_CITY = re.compile(r"^[\u4e00-\u9fa5]{2,4}?市")
_OWN = re.compile(r"^[\u4e00-\u9fa5]{2,8}$")
_STREET = re.compile(r"[路街道号巷弄楼层室村镇乡]")
_SPACE = re.compile(r"\s+")


@lru_cache(maxsize=4096)
def full_region(short: str) -> str:
    """The gazetteer's full name for a region name or its short form (郑州 → 郑州市)."""
    table = region_gazetteer()
    for suffix in ("", "市", "省", "自治区"):
        if short + suffix in table and (suffix or short[-1] in "市省区县"):
            return short + suffix
    return short


def _leading_region(text: str) -> tuple:
    """(region full name or '', rest of text) for the place name ``text`` starts with."""
    match = _CITY.match(text)
    if match:
        return match.group(), text[match.end():]
    short = region_prefix(text)
    if short:
        return full_region(short), text[len(short):]
    return "", text


@lru_cache(maxsize=65536)
def place_from_address(address: str) -> tuple:
    """(region, zone) an address names; either may be ''. The most specific region wins."""
    text = _SPACE.sub("", address) if address else ""
    province = ""
    match = _PROVINCE.match(text)
    if match:
        province, text = match.group(), text[match.end():]
    region, rest = _leading_region(text)
    zone = ""
    found = _ZONE.search(rest)
    if found:
        own = rest[: found.start()]
        if not own and region:
            zone = region.removesuffix("市") + found.group()
        elif own and _OWN.match(own) and not _STREET.search(own):
            zone = own + found.group()
    return region or province, zone


@lru_cache(maxsize=65536)
def region_from_name(name: str) -> str:
    """The region a firm's full name starts with (郑州…股份有限公司 → 郑州市), or ''."""
    short = region_prefix(_SPACE.sub("", name) if name else "")
    return full_region(short) if short else ""
