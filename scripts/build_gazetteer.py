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
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
OUT = ROOT / "kg" / "data" / "gazetteer"

from loaders.gazetteer_short import region_short_forms, zone_kind, zone_short_forms  # noqa: E402

_PSEUDO_CITIES = {"市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划"}


def read_csv(source: Path, name: str) -> list:
    """Rows of ``dist/<name>`` from a directory or a git directory."""
    if (source / name).exists():
        text = (source / name).read_text(encoding="utf-8")
    elif (source / "dist" / name).exists():
        text = (source / "dist" / name).read_text(encoding="utf-8")
    else:
        text = subprocess.run(["git", "--git-dir", str(source), "show", f"HEAD:dist/{name}"],
                              check=True, capture_output=True, text=True).stdout
    return list(csv.DictReader(io.StringIO(text)))


def pad(code: str) -> str:
    return code.ljust(6, "0")


def regions_and_units(source: Path):
    provinces = read_csv(source, "provinces.csv")
    cities = read_csv(source, "cities.csv")
    areas = read_csv(source, "areas.csv")
    rows, units = [], []
    for p in provinces:
        rows.append((pad(p["code"]), p["name"], "province", ""))
    real_city = {}
    for c in cities:
        if c["name"] in _PSEUDO_CITIES:
            continue
        real_city[c["code"]] = pad(c["code"])
        rows.append((pad(c["code"]), c["name"], "city", pad(c["provinceCode"])))
    for a in areas:
        if a["code"] == pad(a["cityCode"]):
            continue  # 东莞市, 中山市, 儋州市: cities with no counties are listed again here
        parent = real_city.get(a["cityCode"], pad(a["provinceCode"]))
        if a["code"][4] == "7":
            units.append((a["code"], a["name"], parent, pad(a["provinceCode"])))
        else:
            rows.append((a["code"], a["name"], "county", parent))
    return rows, units


def write_regions(rows) -> None:
    with open(OUT / "regions.tsv", "w", encoding="utf-8", newline="") as out:
        out.write("code\tname\tlevel\tparent\tshort\n")
        for code, name, level, parent in rows:
            short = "|".join(region_short_forms(name, level))
            out.write(f"{code}\t{name}\t{level}\t{parent}\t{short}\n")


def read_lists() -> list:
    """Rows of zone_lists.tsv: zones named on cited public pages (see SOURCES.md)."""
    with open(OUT / "zone_lists.tsv", encoding="utf-8") as f:
        return list(csv.DictReader(f, delimiter="\t"))


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


def write_zones(units, regions) -> int:
    province_short = tuple(s for _c, n, lv, _p in regions if lv == "province"
                           for s in region_short_forms(n, lv))
    cities = {s for _c, n, lv, _p in regions if lv == "city"
              for s in (n, *region_short_forms(n, lv))}
    listed = {r["name"]: r for r in read_lists()}
    zones = []
    for code, name, city, province in units:
        extra = listed.pop(name, None) or {}
        source = "统计用区划代码2023" + (" " + extra["source"] if extra else "")
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


def main(argv) -> int:
    if len(argv) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    rows, units = regions_and_units(Path(argv[1]))
    OUT.mkdir(parents=True, exist_ok=True)
    write_regions(rows)
    count = write_zones(units, rows)
    print(f"{len(rows)} regions, {count} zones -> {OUT}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
