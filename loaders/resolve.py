"""Resolve mentions to one entity per real thing in a document.

Spellings of one zone meet (新乡经济技术开发区 = 新乡经开区 = bare 经开区 in a 新乡
document); a firm's roles merge (local beats target beats other); the document's home
region and zone are inferred from its text unless given.

>>> zone_key("国家新乡经济技术开发区")
'新乡经开区'
>>> zone_key("新乡市高新技术产业开发区")
'新乡高新区'
"""
from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache
from dataclasses import dataclass, field

from kg.loaders.extract_regions import gazetteer
from kg.loaders.industry_roles import settled_role
from kg.names import canonical_key, match_keys, normalize

BARE_ZONES = ("高新区", "经开区", "自创区", "自贸区")
_ROLE_RANK = {"local": 3, "target": 2, "other": 1, None: 0}
_EDITION = re.compile(r"^(?:\d{4}年?|第[一二三四五六七八九十\d]+届|首届)+")


@lru_cache(maxsize=65536)
def zone_key(name: str) -> str:
    """One key for the spellings of a zone: long forms shortened, 国家 and 市 dropped."""
    key = canonical_key("Zone", name)
    key = key.replace("高新技术产业集聚区", "高新区").replace("国家", "")
    table = gazetteer()
    for size in (6, 5, 4, 3):
        head = key[:size]
        hit = table.get(head)
        if hit and hit[0] == head and len(key) > size + 1:
            short = _short(head)
            if short != head:
                return short + key[size:]
            break
    return key or normalize(name)


@dataclass
class Resolved:
    """One entity of a document with every mention of it."""

    label: str
    name: str
    mentions: list = field(default_factory=list)
    aliases: list = field(default_factory=list)
    props: dict = field(default_factory=dict)


def _add_alias(entity: Resolved, name: str) -> None:
    if name != entity.name and name not in entity.aliases:
        entity.aliases.append(name)


def infer_home(mentions: list, home_zone=None, home_region=None) -> tuple:
    """(home zone name, home region full name) of a document."""
    regions = Counter(m.props["full"] for m in mentions if m.label == "Region"
                      and m.props.get("level") in ("city", "county") and not _destination(m))
    if home_region is None and regions:
        home_region = regions.most_common(1)[0][0]
    if home_region is None:
        provinces = Counter(m.props["full"] for m in mentions if m.label == "Region"
                            and not _destination(m))
        home_region = provinces.most_common(1)[0][0] if provinces else None
    if home_zone is None:
        zones = Counter(zone_key(m.name) for m in mentions if m.label == "Zone"
                        and m.name not in BARE_ZONES)
        short = _short(home_region)
        bare = Counter(m.name for m in mentions if m.label == "Zone" and m.name in BARE_ZONES)
        for form in sorted(bare, key=lambda f: (BARE_ZONES.index(f), -bare[f])):
            candidates = [(n, k) for k, n in zones.items() if k.endswith(form) and short
                          and k.startswith(short)]
            if not candidates:  # a text placed in a province: the city's zone it names
                candidates = [(n, k) for k, n in zones.items() if k.endswith(form)
                              and _named_within(k, home_region)]
            if candidates:
                home_zone = max(candidates)[1]
                break
            if short and form in ("高新区", "经开区") and _is_city(home_region):
                # 郑州 + 高新区: a city's own zone of that kind (a province has many: 江西高新区
                # names none)
                home_zone = short + form
                break
        if home_zone is None and zones:
            ranked = [(n, k) for k, n in zones.items() if not short or k.startswith(short)
                      or _named_within(k, home_region)]
            if not ranked:
                planned = _planned_zones(mentions)
                ranked = [z for z in _own_zones(zones, regions[home_region] if home_region else 0)
                          if z[1] not in planned or not home_region]
            home_zone = max(ranked)[1] if ranked else None
    if home_region is None and home_zone:
        place = place_named(home_zone)
        home_region = place[0] if place else None
    return home_zone, home_region


# A travel verb before a run of places (赴重庆、宁波、江阴等地招商): where the text's people go;
# or an origin (引进多家来自深圳等地的企业): where its firms come from. Neither is the text's place.
_TRAVEL = re.compile(r"(?:赴|前往|奔赴|远赴|走访|来自)[\u4e00-\u9fff、]{0,24}$")


def _destination(mention) -> bool:
    """True when a place is where the text's people travel to, not where the text is."""
    return bool(_TRAVEL.search(mention.sentence.text, max(0, mention.i - 28), mention.i))


def place_named(name: str):
    """The gazetteer entry (full name, level, parent) of the place a zone's name opens
    with, or None (西海岸新区 is named after no place).

    >>> place_named("新乡经开区"), place_named("西海岸新区")
    (('新乡市', 'city', '河南省'), None)
    """
    table = gazetteer()
    for size in (4, 3, 2):
        hit = table.get(name[:size])
        if hit:
            return hit
    return None


def _named_within(key: str, region) -> bool:
    """True when a zone is named after a place inside ``region`` (南昌高新区 in 江西省).

    >>> _named_within("南昌高新区", "江西省"), _named_within("郑州高新区", "江西省")
    (True, False)
    """
    place = place_named(key)
    return bool(place and region) and region in (place[0], place[2])


def _is_city(region) -> bool:
    """True when ``region`` (a full name) is a city or county, not a province."""
    entry = gazetteer().get(region) if region else None
    return entry is not None and entry[1] in ("city", "county")


def _own_zones(zones: Counter, region_count: int) -> list:
    """(count, key) of the zones named after no place (西海岸新区, 柳东新区, 前湾新区: the
    text's readers know where they are) that the text names at least as often as its city:
    a text about such a zone names its city in passing. A zone named after a place
    (郑州高新区 in a text about 新乡) is that place's.

    >>> _own_zones(Counter({"西海岸新区": 2, "郑州高新区": 3}), 1)
    [(2, '西海岸新区')]
    """
    return [(n, k) for k, n in zones.items() if n >= region_count and not place_named(k)]


# A verb that plans or builds what follows it (打造…郑南产业新城): the zone is a plan of the text.
_PLANS = re.compile(r"(?:打造|建设|谋划|规划|创建|争创|筹建|申建|培育)[^,;。]{0,16}$")


def _planned_zones(mentions: list) -> set:
    """Keys of the zones every mention of which is the object of a plan (打造与中原科技城
    错位互补的郑南产业新城): a city's report plans them, they are not what it is about."""
    planned, named = set(), set()
    for m in mentions:
        if m.label != "Zone":
            continue
        key = zone_key(m.name)
        text = m.sentence.text
        (planned if _PLANS.search(text, max(0, m.i - 20), m.i) else named).add(key)
    return planned - named


@lru_cache(maxsize=4096)
def _short(region):
    if not region:
        return ""
    for name, (full, _level, _parent) in gazetteer().items():
        if full == region and len(name) < len(full):
            return name
    # a county-level city whose short name is its prefecture's (楚雄市: 楚雄 is 楚雄州) is
    # still written short before a zone type (楚雄高新区)
    if len(region) >= 3 and region[-1] in "市县区":
        return region[:-1]
    return region


def resolve(mentions: list, home_zone=None, home_region=None) -> tuple:
    """Entities of a document from its mentions, and its (home zone, home region)."""
    home_zone, home_region = infer_home(mentions, home_zone, home_region)
    short = _short(home_region)
    groups: dict = {}
    order: list = []
    firm_keys: dict = {}
    zone_alias: dict = {}
    bare: dict = {}  # a bare form means one zone in a document: found once, not per mention
    for m in mentions:
        if m.label == "Zone":
            if m.name in BARE_ZONES:
                if m.name not in bare:
                    bare[m.name] = _bare_target(m.name, mentions, short, home_zone)
                target = bare[m.name]
                if target is None:
                    continue
                key = ("Zone", zone_key(target))
                if key not in groups:
                    groups[key] = Resolved("Zone", target)
                    order.append(key)
                groups[key].mentions.append(m)
                _add_alias(groups[key], m.name)
                continue
            key = ("Zone", zone_key(m.name))
            # a name and the short name the text declares for it (…（以下简称甲经开区）) are
            # one zone, however differently their keys read
            also = ("Zone", zone_key(m.props["also"])) if m.props.get("also") else None
            key = zone_alias.get(key) or zone_alias.get(also) or key
            zone_alias.setdefault(("Zone", zone_key(m.name)), key)
            if also:
                zone_alias.setdefault(also, key)
        elif m.label == "Region":
            key = ("Region", m.props["full"])
        elif m.label == "Firm":
            keys = match_keys("Firm", m.name)
            if m.props.get("also"):  # a short name written beside its full name
                keys = set(keys) | set(match_keys("Firm", m.props["also"]))
            found = next((firm_keys[k] for k in keys if k in firm_keys), None)
            key = found or ("Firm", normalize(m.name))
            for k in keys:
                firm_keys.setdefault(k, key)
        elif m.label == "Chain":
            key = ("Chain", "—".join(normalize(x) for x in m.props["links"]))
        elif m.label == "Platform":
            key = ("Platform", _EDITION.sub("", normalize(m.name)) or normalize(m.name))
        elif m.label == "Project":
            # a works named with or without its kind word is one works (奥迪一汽新能源汽车,
            # …汽车项目): the first spelling names it, the other is an alias
            full = canonical_key("Project", m.name)
            key = ("Project", re.sub(r"(?<=..)(?:项目|工程)$", "", full) or full)
        else:
            key = (m.label, canonical_key(m.label, m.name))
        if key not in groups:
            groups[key] = Resolved(m.label, m.name)
            order.append(key)
        entity = groups[key]
        entity.mentions.append(m)
        _add_alias(entity, m.name)
    entities = [groups[k] for k in order]
    home_places = _home_places(home_region)
    for entity in entities:
        _finish(entity)
        if entity.label == "Firm" and (entity.props.get("role") is None or entity.props.get(
                "role") == "other" and _named_after(entity.name, home_places)):
            # a firm no cue ranks is the text's own: a text about a place names the firms
            # that work there (in the corpus' gold and on the read pages most such firms
            # are local, few are models or partners, which their cues mark "other")
            entity.props["role"] = "local"
        if entity.label == "Industry":
            entity.props["role"] = settled_role(entity.name, entity.props.get("role"))
    return entities, home_zone, home_region


def _home_places(home_region) -> tuple:
    """The names of the home region and of the province it lies in, full and short."""
    if not home_region:
        return ()
    names, entry = {home_region, _short(home_region)}, gazetteer().get(home_region)
    while entry and entry[2]:  # up to the province (楚雄市 → 楚雄彝族自治州 → 云南省)
        names |= {entry[2], _short(entry[2])}
        entry = gazetteer().get(entry[2])
    return tuple(n for n in names if n and len(n) >= 2)


def _named_after(name: str, places: tuple) -> bool:
    """A firm named after the document's own place (贵州能源集团 in a 贵州 text, 省纺织集团:
    the province's own) is a firm of that place: the text places it there (GOLD-SCHEMA
    ``local``).

    >>> _named_after("贵州能源集团", ("贵阳市", "贵州省", "贵州")), _named_after("中石化", ())
    (True, False)
    """
    return name[:1] in "省市" and len(name) > 3 or any(
        name.startswith(p) and len(name) > len(p) + 1 for p in places)


def _bare_target(form: str, mentions: list, short: str, home_zone):
    """The zone a bare 高新区/经开区 means in this document."""
    if home_zone and zone_key(home_zone).endswith(form):
        return home_zone
    if form == "高新" and home_zone and "高新" in home_zone:
        return home_zone
    names = Counter(zone_key(m.name) for m in mentions if m.label == "Zone"
                    and m.name not in BARE_ZONES and zone_key(m.name).endswith(form)
                    and (not short or zone_key(m.name).startswith(short)))
    if names:
        return names.most_common(1)[0][0]
    return None


def _finish(entity: Resolved) -> None:
    """Choose the entity's name and merge the props of its mentions."""
    names = Counter(m.name for m in entity.mentions if not m.props.get("inside"))
    if entity.label == "Region":
        full = entity.mentions[0].props["full"]
        # the form the document writes most (广州 in a text that says 广州 ten times and
        # 广州市 once); ties go to the full name
        written = Counter(m.name for m in entity.mentions)
        entity.name = max(written, key=lambda n: (written[n], n == full)) if written else full
        entity.props["full"] = full  # the graph names the region by its full name
        entity.props.update(level=entity.mentions[0].props.get("level"),
                            parent=entity.mentions[0].props.get("parent"))
    elif entity.label == "Platform":
        entity.name = _EDITION.sub("", entity.mentions[0].name) or entity.mentions[0].name
    elif names and entity.label != "Zone":
        entity.name = names.most_common(1)[0][0]
    elif entity.label == "Zone":
        proper = [m.name for m in entity.mentions if m.name not in BARE_ZONES]
        if proper:
            entity.name = Counter(proper).most_common(1)[0][0]
    entity.aliases = [a for a in entity.aliases if a != entity.name]
    for m in entity.mentions:
        for key, value in m.props.items():
            if key == "role" and entity.label != "Firm":
                if entity.props.get("role") in (None, "other"):
                    entity.props["role"] = value
            elif key == "role":
                if _ROLE_RANK[value] > _ROLE_RANK[entity.props.get("role")]:
                    entity.props["role"] = value
            elif key == "also":
                _add_alias(entity, value)
            elif key in ("kind", "investment", "industry", "stated_industry", "links", "unnamed",
                         "in_zone") \
                    and value:
                entity.props.setdefault(key, value)
