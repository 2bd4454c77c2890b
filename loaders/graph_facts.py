"""Graph facts from an extraction: entities with a source for every mention, and relations.

>>> from kg.loaders.extract import extract_text
>>> ex = extract_text("郑州高新区谋划打造“传感芯片—传感器”的物联网产业链。", "a.txt")
>>> sorted({f.rel for f in to_facts(ex) if hasattr(f, "rel")})
['HAS_CHAIN', 'HAS_LINK', 'IN_REGION', 'NEXT']
"""
from __future__ import annotations

from typing import Iterator

from kg.facts import Entity, Ref, Relation, Source
from kg.loaders.gazetteer import ancestors, lookup_region, lookup_zone, zone_other_names
from kg.loaders.resolve import place_named, zone_key
from kg.names import link_key


def _source(extraction, mention, inferred=False, stated=False) -> Source:
    start, end = mention.span()
    return Source(extraction.doc, sentence=mention.sentence.index, start=start, end=end,
                  quote=extraction.text[start:end], inferred=inferred, stated=stated)


def _stated_source(extraction, entity, industry: str) -> Source:
    """The source of the trade a sentence states of a firm (kg.loaders.extract_firm_industries):
    the mention stating it, marked ``stated``."""
    mention = next(m for m in entity.mentions if m.props.get("stated_industry") == industry)
    return _source(extraction, mention, stated=True)


def _home_ref(extraction):
    """A reference to the document's subject place (:mod:`kg.loaders.subject`), else its
    own zone, else its region, else None."""
    if getattr(extraction, "subject", None):
        return Ref(*extraction.subject)
    if extraction.home_zone:
        return Ref("Zone", extraction.home_zone)
    if extraction.home_region:
        return Ref("Region", extraction.home_region)
    return None


def _catalogue_name(name: str) -> tuple:
    """The zone catalogue's full name of a zone the text names otherwise (西海岸新区 →
    青岛西海岸新区, 贵安新区 → 贵州贵安新区), as people also write it, and the short names
    people write for a zone (宜宾三江新区 → 三江新区; kg.loaders.gazetteer.zone_other_names)."""
    record = lookup_zone(name)
    full = (record.name,) if record is not None and record.name != name else ()
    return full + tuple(n for n in zone_other_names(name) if n != name)


def local_zone(extraction, entity):
    """The zone a local firm's sentence opens on (:func:`kg.loaders.subject.sentence_topic_zone`)
    as the document's zone entity names it, when that is not the document's subject; else None.
    An industry is that zone's only when every sentence naming it opens on that zone (a
    trade the document's own place develops too is the place's)."""
    written = entity.props.get("in_zone")
    if entity.label == "Industry":
        zones = {m.props.get("in_zone") for m in entity.mentions}
        written = zones.pop() if len(zones) == 1 else None
    if not written:
        return None
    for zone in extraction.entities:
        if zone.label == "Zone" and any(m.name == written for m in zone.mentions):
            subject = getattr(extraction, "subject", None)
            return None if subject == ("Zone", zone.name) else zone.name
    return None


def written_place(extraction, entity):
    """The region a project or local firm is written with — its name opening with it
    (济南|天岳碳化硅扩产, 郑州|宇通客车), else right after it (枣庄|欣旺达等试点) — when that
    region lies inside the document's own region: a province's report names its cities'
    works and firms so (a registered name opens with the place of registration).
    None otherwise (a zone's document keeps its works in the zone; a route joins places).

    >>> from kg.loaders.extract import extract_text
    >>> ex = extract_text("山东省政府工作报告\\n山东省抓好济南天岳碳化硅扩产、临沂至滕州等项目。", "a.txt")
    >>> {e.name: written_place(ex, e) for e in ex.entities if e.label == "Project"}
    {'济南天岳碳化硅扩产': '济南市', '临沂至滕州': None}
    """
    home = _home_ref(extraction)
    if home is None or home.label != "Region" or entity.label not in ("Project", "Firm") \
            or "至" in entity.name or any(m.props.get("route") for m in entity.mentions):
        return None  # a route (临沂至滕州) joins places
    outer = lookup_region(home.name)
    if outer is None:
        return None
    opens = place_named(entity.name)  # 宁德|时代 opens on a place outside: its home town
    named = _inside(opens[0], outer) if opens else None
    if named:
        return named
    ends = _region_ends(extraction)
    places = {_inside(ends.get((m.sentence.index, m.i)), outer) for m in entity.mentions}
    places.discard(None)
    return places.pop() if len(places) == 1 else None


def _inside(name, outer) -> str | None:
    """The full name of region ``name`` when it lies inside region ``outer``, else None."""
    place = lookup_region(name) if name else None
    if place is None or place.code == outer.code:
        return None
    return place.name if outer in ancestors(place.code) else None


def _region_ends(extraction) -> dict:
    """{(sentence, end): region full name} of the regions the text names (kept on the
    extraction: one pass a document)."""
    ends = extraction.__dict__.get("_region_ends")
    if ends is None:
        ends = extraction.__dict__["_region_ends"] = {
            (m.sentence.index, m.j): entity.props.get("full", entity.name)
            for entity in extraction.entities if entity.label == "Region" for m in entity.mentions}
    return ends


def parent_zone(extraction, entity):
    """The zone of the same text whose name (or other name) opens this zone's name, the
    rest naming a zone of its own (高新区|氢能产业基地, 宜宾三江新区|东部产业园): the park is
    part of that zone (一区多园); None otherwise (新乡经开区(新乡县) is the zone itself).

    >>> from kg.loaders.extract import extract_text
    >>> ex = extract_text("云湖新区建设云湖新区东部产业园和云湖新区综合保税区。", "a.txt")
    >>> sorted((e.name, getattr(parent_zone(ex, e), "name", None)) for e in ex.entities
    ...        if e.label == "Zone")
    [('云湖新区', None), ('云湖新区东部产业园', '云湖新区'), ('云湖新区综合保税区', '云湖新区')]
    """
    from kg.loaders.lexicon import suffix_type

    best, size = None, 0
    for other in extraction.entities:
        if other.label != "Zone" or other is entity:
            continue
        for form in (other.name, *other.aliases, *zone_other_names(other.name)):
            rest = entity.name[len(form):]
            if len(form) > size and len(rest) >= 3 and entity.name.startswith(form) \
                    and rest[0] not in "(（" and suffix_type(rest)[0] == "Zone":
                best, size = other, len(form)
    return best


def zone_region(extraction, name: str):
    """The city a zone lies in by the zone catalogue (贵安新区 → 贵阳市, whatever city the
    text names most), else the region it is named after (新乡经开区 → 新乡市), else the
    region the document is about, else its home region."""
    record = lookup_zone(name)
    if record is not None and record.region:
        places = ancestors(record.region)
        city = next((r for r in places if r.level == "city"), places[-1] if places else None)
        if city is not None:
            return city.name
    place = place_named(zone_key(name)) or _county_written_short(zone_key(name),
                                                                 extraction.home_region)
    if place:
        return place[0]
    subject = getattr(extraction, "subject", None)
    # a province's report: the province, not the city it names most (a zone of no
    # catalogue and no place in its name may lie in any of its cities)
    return subject[1] if subject and subject[0] == "Region" else extraction.home_region


def _county_written_short(key: str, home_region=None):
    """The gazetteer entry of a county a zone is named after without its 县/市/区
    (宜章|经开区 → 宜章县), when the rest is only the zone's type and the county lies in
    the province of the document's region (a 新乡 text's 平原示范区 is not 德州's 平原县);
    else None."""
    from kg.loaders.extract_name_places import county_entry
    from kg.loaders.lexicon import suffix_type
    for size in (3, 2):
        entry = county_entry(key[:size])
        if suffix_type(key[size:])[0] == "Zone" and len(key) - size <= 5 and entry \
                and (not home_region or _province(entry[0]) == _province(home_region)):
            return entry
    return None


def _province(region: str) -> str:
    """The province region ``region`` lies in (itself for a province), by the gazetteer."""
    from kg.loaders.extract_regions import gazetteer
    entry = gazetteer().get(region)
    while entry and entry[2]:
        region, entry = entry[2], gazetteer().get(entry[2])
    return region


def to_facts(extraction) -> Iterator:
    """Entities and relations of one document, each with its source."""
    home = _home_ref(extraction)
    for entity in extraction.entities:
        first = entity.mentions[0]
        src = _source(extraction, first)
        if entity.label == "Chain":
            yield from _chain_facts(extraction, entity)
            continue
        props = {}
        if entity.label == "Platform":
            props["kind"] = entity.props.get("kind", "platform")
        if entity.label == "Project" and entity.props.get("investment"):
            props["investment"] = entity.props["investment"]
        if entity.label == "Region" and entity.props.get("level"):
            props["level"] = entity.props["level"]  # province, city, county, district
        name, aliases = entity.name, tuple(entity.aliases)
        if entity.label == "Region" and entity.props.get("full", name) != name:
            # records keep the form the text writes; the graph names a region in full
            name, aliases = entity.props["full"], tuple(dict.fromkeys((entity.name,) + aliases))
        if entity.label == "Zone":
            aliases = tuple(dict.fromkeys(aliases + _catalogue_name(name)))
        for mention in entity.mentions:
            yield Entity(entity.label, name, aliases=aliases,
                         props=dict(props), source=_source(extraction, mention))
        ref = Ref(entity.label, name)
        industry = entity.props.get("industry")
        if entity.label == "Zone":
            outer = parent_zone(extraction, entity)
            # a park named after its zone alone lies where the zone lies
            own = outer is None or place_named(zone_key(entity.name)) or lookup_zone(entity.name)
            region = zone_region(extraction, entity.name if own else outer.name)
            if region:
                yield Relation("IN_REGION", ref, Ref("Region", region), source=src)
            if outer is not None:
                yield Relation("PART_OF", ref, Ref("Zone", outer.name), source=src)
        elif entity.label == "Region":
            parent = entity.props.get("parent")
            if parent:
                yield Relation("PART_OF", ref, Ref("Region", parent),
                               source=_source(extraction, first, inferred=True))
        elif entity.label == "Industry" and home:
            zone = local_zone(extraction, entity)
            yield Relation("DEVELOPS", Ref("Zone", zone) if zone else home, ref,
                           {"role": entity.props.get("role", "other")}, source=src)
        elif entity.label == "Firm":
            role = entity.props.get("role", "other")
            if role == "local" and home:
                yield from _located_facts(extraction, entity, ref, home, src,
                                          zone=local_zone(extraction, entity))
            elif role == "target" and home:
                extra = {"industry": industry} if industry else {}
                yield Relation("TARGETS", home, ref, extra, source=src)
            stated = entity.props.get("stated_industry")
            if industry and industry != stated:
                yield Relation("IN_INDUSTRY", ref, Ref("Industry", industry), source=src)
            if stated:
                yield Relation("IN_INDUSTRY", ref, Ref("Industry", stated),
                               source=_stated_source(extraction, entity, stated))
        elif entity.label in ("Platform", "Project"):
            if home and entity.props.get("role") != "target":
                yield from _located_facts(extraction, entity, ref, home, src)
            if industry and entity.label == "Platform":
                yield Relation("SUPPORTS", ref, Ref("Industry", industry), source=src)


def _located_facts(extraction, entity, ref: Ref, home: Ref, src, zone=None) -> Iterator:
    """LOCATED_IN from a local firm, a project or a platform to its place: the zone its
    sentence opens on (``zone``), else the region it is written with (:func:`written_place`;
    with the regions from it up to the document's, each PART_OF the next), else ``home``."""
    if zone:
        yield Relation("LOCATED_IN", ref, Ref("Zone", zone), source=src)
        return
    written = written_place(extraction, entity)
    if written is None:
        yield Relation("LOCATED_IN", ref, home, source=src)
        return
    inferred = _source(extraction, entity.mentions[0], inferred=True)
    regions = ancestors(lookup_region(written).code)
    for inner, outer in zip(regions, regions[1:]):
        yield Entity("Region", inner.name, props={"level": inner.level}, source=inferred)
        yield Relation("PART_OF", Ref("Region", inner.name), Ref("Region", outer.name),
                       source=inferred)
    yield Relation("LOCATED_IN", ref, Ref("Region", written), source=src)


def _chain_facts(extraction, entity) -> Iterator:
    src = _source(extraction, entity.mentions[0])
    chain = entity.name
    links = entity.props["links"]
    yield Entity("Chain", chain, source=src)
    chain_ref = Ref("Chain", chain)
    previous = None
    for position, link in enumerate(links, 1):
        key = link_key(chain, link)
        yield Entity("Link", link, key=key, props={"position": position, "chain": chain},
                     source=src)
        ref = Ref("Link", link, key)
        yield Relation("HAS_LINK", chain_ref, ref, {"position": position}, source=src)
        if previous is not None:
            yield Relation("NEXT", previous, ref, source=src)
        previous = ref
    if not entity.props.get("unnamed"):  # named by its links (整车—后市场): no industry
        yield Relation("HAS_CHAIN", Ref("Industry", chain), chain_ref, source=src)
