#!/usr/bin/env python3
"""Rebuild kg/data/gazetteer/{regions,zones}.tsv from the national statistical division codes.

Input: the CSV exports of modood/Administrative-divisions-of-China (provinces.csv,
cities.csv, areas.csv; 2023年统计用区划代码, 国家统计局), either a directory holding them
or a git directory of that repository (read with ``git show HEAD:dist/…``), and the
hand-kept list of national zones ``kg/data/gazetteer/national_zones.tsv``.

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


def read_national() -> list:
    path = OUT / "national_zones.tsv"
    if not path.exists():
        return []
    with open(path, encoding="utf-8") as f:
        return list(csv.DictReader(f, delimiter="\t"))


def write_zones(units, regions) -> int:
    province_short = tuple(s for _c, n, lv, _p in regions if lv == "province"
                           for s in region_short_forms(n, lv))
    places = {s for _c, n, lv, _p in regions if lv != "province"
              for s in (n, *region_short_forms(n, lv))}
    national = {r["name"]: r for r in read_national()}
    zones = []
    for code, name, city, province in units:
        extra = national.pop(name, None)
        level = extra["level"] if extra else ""
        zones.append((name, zone_kind(name), level, city, province,
                      extra["industries"] if extra else "", code, "统计用区划代码2023"))
    for name, row in national.items():
        zones.append((name, zone_kind(name), row["level"], row["region"], row["province"],
                      row["industries"], "", row["source"]))
    with open(OUT / "zones.tsv", "w", encoding="utf-8", newline="") as out:
        out.write("name\tshort\tkind\tlevel\tregion\tprovince\tindustries\tcode\tsource\n")
        for name, kind, level, region, province, industries, code, source in zones:
            short = "|".join(zone_short_forms(name, province_short, places))
            out.write(f"{name}\t{short}\t{kind}\t{level}\t{region}\t{province}\t"
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
