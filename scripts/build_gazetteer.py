#!/usr/bin/env python3
"""Rebuild kg/data/gazetteer/{regions,zones}.tsv from the national statistical division codes.

Input: the CSV exports of modood/Administrative-divisions-of-China (provinces.csv,
cities.csv, areas.csv; 2023年统计用区划代码, 国家统计局), either a directory holding them
or a git directory of that repository (read with ``git show HEAD:dist/…``), and the
zones named on cited public pages, ``kg/data/gazetteer/zone_lists.tsv``.

    python scripts/build_gazetteer.py /work/.mirror/modood+Administrative-divisions-of-China/repo

County-level codes whose 5th digit is 7 (…71–…79) are statistical units for development
zones and other functional areas (410172 郑州高新技术产业开发区); they go to zones.tsv, not
regions.tsv. Pseudo-cities (市辖区, 县, 省直辖县级行政区划) are not regions: their counties'
parent is the province.
"""
from __future__ import annotations

import csv
import io
import re
import subprocess
import sys
from functools import lru_cache
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
OUT = ROOT / "kg" / "data" / "gazetteer"

from loaders.gazetteer_short import (  # noqa: E402
    COMMON_WORDS,
    region_short_forms,
    strip_ethnic,
    zone_kind,
    zone_short_forms,
)

# Province-level units GB/T 2260 codes but the statistical division codes omit.
GBT2260_ONLY = (("710000", "台湾省"), ("810000", "香港特别行政区"), ("820000", "澳门特别行政区"))

_PSEUDO_CITIES = {"市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划"}


# Earlier editions in the source repository's history (commit, edition); their names that
# the current edition lacks become former names (莱芜市, 许昌县 …) and their zone units
# that are no longer statistical units stay zones.
HISTORY = (("d33ad30", "2022"), ("0b7fd75", "2021"), ("78b6f36", "2020"),
           ("2824502", "2019"), ("31aaa3c", "2018"), ("c893e3b", "2017"))


def read_csv(source: Path, name: str, rev: str = "HEAD") -> list:
    """Rows of ``dist/<name>`` from a directory or (at ``rev``) a git directory."""
    if rev == "HEAD" and (source / name).exists():
        text = (source / name).read_text(encoding="utf-8")
    elif rev == "HEAD" and (source / "dist" / name).exists():
        text = (source / "dist" / name).read_text(encoding="utf-8")
    else:
        text = subprocess.run(["git", "--git-dir", str(source), "show", f"{rev}:dist/{name}"],
                              check=True, capture_output=True, text=True).stdout
    return list(csv.DictReader(io.StringIO(text)))


def pad(code: str) -> str:
    return code.ljust(6, "0")


def regions_and_units(source: Path, rev: str = "HEAD"):
    provinces = read_csv(source, "provinces.csv", rev)
    cities = read_csv(source, "cities.csv", rev)
    areas = read_csv(source, "areas.csv", rev)
    rows, units = [], []
    for p in provinces:
        rows.append((pad(p["code"]), p["name"], "province", ""))
    real_city, city_name = {}, {c["code"]: c["name"] for c in cities}
    for c in cities:
        if c["name"] in _PSEUDO_CITIES:
            continue
        real_city[c["code"]] = pad(c["code"])
        rows.append((pad(c["code"]), c["name"], "city", pad(c["provinceCode"])))
    for a in areas:
        if a["code"] == pad(a["cityCode"]) or a["name"] == city_name.get(a["cityCode"]):
            continue  # 东莞市, 嘉峪关市: cities with no counties are listed again as a county
        parent = real_city.get(a["cityCode"], pad(a["provinceCode"]))
        if a["code"][4] == "7":
            units.append((a["code"], a["name"], parent, pad(a["provinceCode"])))
        else:
            rows.append((a["code"], a["name"], "county", parent))
    return rows, units


def _stem(name: str, level: str) -> str:
    forms = region_short_forms(name, level)
    return forms[0] if forms else name[:-1]


def former_names(source: Path, rows, units) -> tuple:
    """Names of earlier editions, by the current code they now belong to; old zone units.

    A name whose code still exists is a former name of that code (乌拉盖管委会). A name
    whose code is gone is a former name of the one current unit of the same province with
    the same stem (偃师市 → 偃师区, 莱芜市 → 莱芜区) at county level (a county never becomes
    a city: 邢台县 became 信都区, not 邢台市); without exactly one it is dropped (许昌县
    became 建安区: nothing in the codes links them). An old zone unit whose code is still a
    unit is a former name of that zone.
    """
    current = {code: (name, level) for code, name, level, _p in rows}
    names = {name for name, _lv in current.values()}
    unit_names = {name for _c, name, _city, _prov in units}
    unit_codes = {code for code, _n, _city, _prov in units}
    former, old_units = {}, {}
    for rev, edition in HISTORY:
        old_rows, old_unit_rows = regions_and_units(source, rev)
        for code, name, level, _parent in old_rows:
            if name in names or name in unit_names:
                continue
            if code in current:
                target = code
            else:
                stem = _stem(name, level)
                levels = ("county",) if level == "county" else ("city", "county")
                found = [c for c, (n, lv) in current.items()
                         if c[:2] == code[:2] and _stem(n, lv) == stem and lv in levels]
                if len(found) != 1:
                    continue
                target = found[0]
            former.setdefault(target, {})[name] = edition
        for code, name, city, province in old_unit_rows:
            if code in unit_codes and name not in unit_names:
                former.setdefault(code, {})[name] = edition
            elif name not in unit_names and name not in old_units:
                city = city if city in current else province
                old_units[name] = (code, name, city, province, edition)
    return former, list(old_units.values())


@lru_cache(maxsize=1)
def _jieba_words() -> dict:
    """jieba's dictionary: word → (frequency, tag)."""
    import jieba

    out = {}
    with open(Path(jieba.__file__).parent / "dict.txt", encoding="utf-8") as f:
        for line in f:
            word, freq, tag = line.split()
            out[word] = (int(freq), tag)
    return out


def _ordinary_word(words: dict, stem: str) -> bool:
    """True when jieba uses ``stem`` 100 times or more as something other than a place, or
    1,000 times even as one (中原, 南湖, 城关): an ordinary word first, no name to scan for."""
    freq, tag = words.get(stem, (0, "ns"))
    return (freq >= 100 and not tag.startswith("ns")) or freq >= 1000


def district_stems(rows, former) -> dict:
    """Code → the stem of a municipal district that is safe to read as the district.

    Writers name many districts by their stem (涪陵, 万州, 章丘, 金水), but district stems
    are often shared (新华, 城关, 鼓楼) or ordinary words (复兴, 前进, 新建). A stem is kept
    when it has two characters or more, belongs to no other region (as name, short form,
    former name or stem), is not in COMMON_WORDS, and is not a jieba word used 100 times
    or more as something other than a place (nor 1,000 times even as a place: 中原, 南湖).
    """
    words = _jieba_words()
    stems = {}
    taken = {}
    for code, name, level, _parent in rows:
        for form in (name, *region_short_forms(name, level), *former.get(code, {})):
            taken[form] = taken.get(form, 0) + 1
        if level == "county" and name.endswith("区") and not name.endswith("新区"):
            stem = name[:-2] if name.endswith("矿区") else name[:-1]
            stem = strip_ethnic(stem, bare=False)
            if len(stem) >= 2:
                stems.setdefault(stem, []).append(code)
    out = {}
    for stem, codes in stems.items():
        if len(codes) == 1 and stem not in taken and stem not in COMMON_WORDS \
                and not _ordinary_word(words, stem):
            out[codes[0]] = stem
    return out


_TOWN_SUFFIX = re.compile(r"(?:民族乡|街道|镇|乡|苏木)$")


def town_stems(source: Path, rows, former) -> list:
    """Stems of the township-level units (镇, 乡, 街道, 苏木) of ``dist/streets.csv``: the
    places zones below the county are named after (虹桥镇 → 虹桥工业园区, 双凤 → 双凤经开区).

    A stem is kept when it has two characters or more, is no region's name or short form
    (those are read already), not in COMMON_WORDS, and not a jieba word used 100 times or
    more as something other than a place (nor 1,000 times even as one: 城关, 中心)."""
    words = _jieba_words()
    taken = set()
    for code, name, level, _parent in rows:
        taken.update((name, *region_short_forms(name, level), *former.get(code, {})))
    stems = set()
    for row in read_csv(source, "streets.csv"):
        name = row["name"]
        if not _TOWN_SUFFIX.search(name):
            continue
        stem = strip_ethnic(_TOWN_SUFFIX.sub("", name), bare=False)
        if len(stem) >= 2 and stem not in taken and stem not in COMMON_WORDS \
                and not _ordinary_word(words, stem):
            stems.add(stem)
    return sorted(stems)


def write_towns(stems) -> None:
    with open(OUT / "towns.txt", "w", encoding="utf-8") as out:
        out.write("# township stems from 2023年统计用区划代码 streets.csv; see SOURCES.md\n")
        out.write("\n".join(stems) + "\n")


def write_regions(rows, former) -> None:
    stems = district_stems(rows, former)
    with open(OUT / "regions.tsv", "w", encoding="utf-8", newline="") as out:
        out.write("code\tname\tlevel\tparent\tshort\tformer\tstem\tsource\n")
        for code, name, level, parent in rows:
            short = "|".join(region_short_forms(name, level))
            old = "|".join(former.get(code, {}))
            out.write(f"{code}\t{name}\t{level}\t{parent}\t{short}\t{old}\t"
                      f"{stems.get(code, '')}\t\n")
        for code, name in GBT2260_ONLY:
            short = "|".join(region_short_forms(name, "province"))
            out.write(f"{code}\t{name}\tprovince\t\t{short}\t\t\tGB/T 2260\n")


def read_lists() -> dict:
    """Zones named on cited public pages (zone_lists.tsv, see SOURCES.md), by name.

    A zone on several pages keeps every page as its source, every other name, and the
    first level a page gives.
    """
    out = {}
    with open(OUT / "zone_lists.tsv", encoding="utf-8") as f:
        for row in csv.DictReader(f, delimiter="\t"):
            old = out.setdefault(row["name"], row)
            if old is not row:
                old["source"] += " " + row["source"]
                old["also"] = "|".join(filter(None, (old["also"], row["also"])))
                old["level"] = old["level"] or row["level"]
                old["industries"] = old["industries"] or row["industries"]
    return out


def place_code(place: str, province: str, regions) -> str:
    """Code of the region named ``place`` (full or short) inside ``province``."""
    prov = [c for c, n, lv, _p in regions
            if lv == "province" and province in (n, *region_short_forms(n, lv))]
    if not prov:
        raise SystemExit(f"zone_lists.tsv: unknown province {province!r}")
    if not place:
        return prov[0]
    found = [c for c, n, lv, _p in regions if c[:2] == prov[0][:2]
             and place in (n, *region_short_forms(n, lv))]
    if len(found) != 1:
        raise SystemExit(f"zone_lists.tsv: place {place!r} in {province} matches {found}")
    return found[0]


def local_places(region: str, regions) -> set:
    """Names of the counties and districts in the zone's city (or municipality).

    District stems (南沙 of 南沙区) count: inside a zone name they follow the city's name
    (广州南沙经济技术开发区); they are not short forms of the districts themselves.
    """
    prefix = region[:2] if region.endswith("0000") else region[:4]
    out = set()
    for code, name, level, _parent in regions:
        if level == "county" and code.startswith(prefix):
            out.update((name, *region_short_forms(name, level)))
            if name.endswith("区") and len(name) >= 3:
                out.add(name[:-1])
    return out


def write_zones(units, regions, old_units=(), former=None) -> int:
    former = former or {}
    province_short = tuple(s for _c, n, lv, _p in regions if lv == "province"
                           for s in region_short_forms(n, lv))
    cities = {s for _c, n, lv, _p in regions if lv == "city"
              for s in (n, *region_short_forms(n, lv))}
    listed = read_lists()
    zones = []
    for code, name, city, province in units:
        extra = listed.pop(name, None) or {}
        source = "统计用区划代码2023" + (" " + extra["source"] if extra else "")
        also = "|".join(filter(None, [extra.get("also", ""), *former.get(code, {})]))
        zones.append((name, also, extra.get("level", ""), city, province,
                      extra.get("industries", ""), code, source))
    for code, name, city, province, edition in old_units:
        extra = listed.pop(name, None) or {}
        source = f"统计用区划代码{edition}" + (" " + extra["source"] if extra else "")
        zones.append((name, extra.get("also", ""), extra.get("level", ""), city, province,
                      extra.get("industries", ""), code, source))
    for name, row in listed.items():
        region = place_code(row["place"], row["province"], regions)
        zones.append((name, row["also"], row["level"], region, region[:2] + "0000",
                      row["industries"], "", row["source"]))
    with open(OUT / "zones.tsv", "w", encoding="utf-8", newline="") as out:
        out.write("name\tshort\tkind\tlevel\tregion\tprovince\tindustries\tcode\tsource\n")
        for name, also, level, region, province, industries, code, source in zones:
            also = [f for f in also.split("|") if f]
            places = cities | local_places(region, regions)
            forms = also + list(zone_short_forms(name, province_short, places))
            for form in also:
                forms += zone_short_forms(form, province_short, places)
            short = "|".join(f for f in dict.fromkeys(forms) if f != name)
            out.write(f"{name}\t{short}\t{zone_kind(name)}\t{level}\t{region}\t{province}\t"
                      f"{industries}\t{code}\t{source}\n")
    return len(zones)


def write_boundary_words(regions, stems=()) -> int:
    """Ordinary two-character words that can overlap a two-character county name by one
    character (创新 before 新平, 平台 after 新平: 创新平台 holds no 新平县), from jieba's
    dictionary: frequency at least 20, not tagged as a place, person or other proper name.
    """
    import jieba

    names = {s for s in stems if len(s) == 2}
    for _code, name, level, _parent in regions:
        if level == "county":
            names.update(n for n in (name, *region_short_forms(name, level)) if len(n) == 2)
    firsts, seconds = {n[0] for n in names}, {n[1] for n in names}
    words = []
    path = Path(jieba.__file__).parent / "dict.txt"
    with open(path, encoding="utf-8") as f:
        for line in f:
            word, freq, tag = line.split()
            if len(word) == 2 and int(freq) >= 20 and not tag.startswith(("ns", "nr", "nz", "j")) \
                    and (word[1] in firsts or word[0] in seconds):
                words.append(word)
    with open(OUT / "boundary_words.txt", "w", encoding="utf-8") as out:
        out.write(f"# from jieba {jieba.__version__} dict.txt (MIT); see SOURCES.md\n")
        out.write("\n".join(sorted(set(words))) + "\n")
    return len(words)


def main(argv) -> int:
    if len(argv) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    rows, units = regions_and_units(Path(argv[1]))
    former, old_units = former_names(Path(argv[1]), rows, units)
    OUT.mkdir(parents=True, exist_ok=True)
    write_regions(rows, former)
    count = write_zones(units, rows, old_units, former)
    write_boundary_words(rows, district_stems(rows, former).values())
    write_towns(town_stems(Path(argv[1]), rows, former))
    print(f"{len(rows)} regions, {count} zones -> {OUT}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
