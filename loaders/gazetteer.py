"""Gazetteers of Chinese regions and development zones: lookup and fast scanning.

The data ships in ``kg/data/gazetteer/`` (sources, dates and licences in its SOURCES.md):

- ``regions.tsv`` — every province, prefecture-level city and county-level unit of the
  national statistical division codes (2023年统计用区划代码, 国家统计局): code, name,
  level (province/city/county), parent code, short forms, former names (偃师市), district
  stems (涪陵);
- ``zones.tsv`` — development zones and other functional areas: the county-level
  statistical units whose code ends in 71–79 (410172 郑州高新技术产业开发区) plus zones
  from cited public lists (national 高新区, 经开区, new areas; 安徽's provincial 高新区), with
  kind, level, region and province codes.

Names meet in simplified characters: 重慶 finds 重庆市, and :func:`scan` reports names as
the text writes them.

Short forms come from the legal suffixes (:mod:`kg.loaders.gazetteer_short`): 河南省 →
河南, 恩施土家族苗族自治州 → 恩施/恩施州, 郑州高新技术产业开发区 → 郑州高新区. A name that
belongs to several records is *ambiguous* (朝阳区 is in 北京 and 长春):
:func:`lookup_region` returns None for it unless ``within`` narrows it, and
:func:`region_candidates` lists them all. A short form shared by units on one line of
descent (吉林省 ⊃ 吉林市, 恩施州 ⊃ 恩施市), or by one province or city and units of lower
level (海南省 and 青海's 海南州), goes to the largest unit, which is what writers mean by
the bare name; ``within`` still reaches the others.

API (everything is loaded on first use and cached; :func:`reset` forgets it):

- :func:`regions`, :func:`zones` — all records;
- :func:`lookup_region` / :func:`lookup_zone` — a record by full or short name, or None;
- :func:`region_candidates` / :func:`zone_candidates` — every record a name may mean;
  :func:`ambiguous_names` — every name that may mean more than one;
- :func:`region_by_code`, :func:`ancestors` — a region by code, and the regions above it;
- :func:`region_names` / :func:`zone_names` — name → record for unambiguous names that
  are safe to look for in running text (short forms that are ordinary words excluded);
- :func:`scan` — every gazetteer name in a text, longest match first;
- :func:`region_table` — the same names in the older ``regions.tsv`` shape;
- :func:`user_gazetteer` — add a user's own regions and zones from a TSV/CSV file or a
  folder of them (a row named like a shipped record completes it); files or folders named
  in the environment variable ``KG_GAZETTEER`` (separated by ``os.pathsep``) are added on
  first use.

>>> lookup_region("中牟").name, lookup_region("中牟").parent
('中牟县', '410100')
>>> lookup_region("涪陵").name  # a district's stem: looked up, scanned only on request
'涪陵区'
>>> lookup_region("广西").code
'450000'
>>> lookup_zone("郑州高新区").code
'410172'
>>> lookup_region("朝阳区") is None, lookup_region("朝阳区", within="北京").code
(True, '110105')
>>> lookup_region("海南").name, lookup_region("海南", within="青海").name
('海南省', '海南藏族自治州')
>>> [(h.name, h.kind) for h in scan("合肥高新区与河南中牟县合作")]
[('合肥高新区', 'zone'), ('河南', 'region'), ('中牟县', 'region')]
"""
from __future__ import annotations

import csv
import io
import os
from dataclasses import dataclass, field, replace
from pathlib import Path

from kg.errors import SourceError
from kg.loaders.gazetteer_short import (
    COMMON_WORDS,
    FUNCTION_CHARS,
    drop_rank,
    region_short_forms,
    zone_kind,
    zone_short_forms,
)
from kg.names import to_simplified

ENV_VAR = "KG_GAZETTEER"
DIVISION_CODES = "统计用区划代码2023"
LEVELS = ("province", "city", "county")


@dataclass(frozen=True, slots=True)
class Region:
    """One administrative division: 6-digit code, full name, level, parent code, short forms."""

    code: str
    name: str
    level: str
    parent: str = ""
    short: tuple = ()
    province: str = ""
    source: str = DIVISION_CODES
    former: tuple = ()       # names of earlier editions (偃师市 for 偃师区), lookup keys too
    stem: str = ""           # a district's distinctive stem (涪陵 for 涪陵区): lookup, opt-in scan


@dataclass(frozen=True, slots=True)
class Zone:
    """One development zone: names, kind (高新区, 经开区 …), level, where it lies."""

    name: str
    short: tuple = ()
    kind: str = ""
    level: str = ""          # national / provincial / '' when the source does not say
    region: str = ""         # code of the city (or county) it lies in
    province: str = ""       # province code
    industries: tuple = ()
    code: str = ""           # statistical code when the zone is a statistical unit
    source: str = ""


@dataclass(frozen=True, slots=True)
class Hit:
    """A gazetteer name found in a text at ``start:end``; ``candidates`` are its records."""

    start: int
    end: int
    name: str
    kind: str                # "region" or "zone"
    candidates: tuple = field(default=())

    @property
    def record(self):
        """The record when the name is unambiguous, else None."""
        return self.candidates[0] if len(self.candidates) == 1 else None


class _State:
    def __init__(self):
        self.user_files: list = []
        self.env_read = False
        self.data = None
        self.words = None


_STATE = _State()


def reset() -> None:
    """Forget loaded data and user files (the next call reloads, reading ``KG_GAZETTEER``)."""
    _STATE.user_files.clear()
    _STATE.env_read = False
    _STATE.data = None


def user_gazetteer(path) -> int:
    """Add the regions and zones of a user's TSV or CSV file; returns how many rows.

    ``path`` may also be a directory (a workspace's ``gazetteer/``, say): every ``.tsv``
    and ``.csv`` file in it is added, in name order. Files are read now, so an error names
    the file and line at once; later files win where names collide.

    The file has a header row. Columns: ``name`` (required); ``type`` (``region`` or
    ``zone``; a row whose level is province/city/county is a region, otherwise a zone);
    ``short`` (other names, separated by ``|`` or ``、``); ``level``; ``parent`` (a
    region's parent, by code or name); ``region`` (where a zone lies, by code or name);
    ``industries`` (``|``-separated); ``code``. Rule-made short forms are added too.

    >>> import tempfile, pathlib
    >>> path = pathlib.Path(tempfile.mkdtemp(), "my.tsv")
    >>> _ = path.write_text(
    ...     "name\\tshort\\tlevel\\tregion\\tindustries\\n"
    ...     "中牟汽车产业集聚区\\t中牟汽车园\\tprovincial\\t中牟县\\t汽车|零部件\\n",
    ...     encoding="utf-8")
    >>> user_gazetteer(path)
    1
    >>> z = lookup_zone("中牟汽车园"); (z.name, z.region, z.province, z.industries)
    ('中牟汽车产业集聚区', '410122', '410000', ('汽车', '零部件'))
    >>> reset()
    """
    path = Path(path)
    files = sorted(p for p in path.iterdir() if p.suffix.lower() in (".tsv", ".csv")) \
        if path.is_dir() else [path]
    count = 0
    for file in files:
        rows = _read_user_rows(file)
        _STATE.user_files.append((file, rows))
        count += len(rows)
    _STATE.data = None
    return count


def regions() -> list:
    """Every region, shipped and user-added.

    >>> sum(r.level == "province" for r in regions())  # 31 + 台湾, 香港, 澳门
    34
    """
    return list(_data()["regions"])


def zones() -> list:
    """Every zone, shipped and user-added.

    >>> any(z.name == "苏州工业园区" for z in zones())
    True
    """
    return list(_data()["zones"])


def region_candidates(name: str) -> tuple:
    """Every region ``name`` may mean (full name or short form), resolved or not.

    >>> sorted(r.parent for r in region_candidates("朝阳区"))
    ['110000', '220100']
    >>> [r.name for r in region_candidates("海南")]
    ['海南省', '海南藏族自治州']
    """
    return _data()["region_every"].get(_key(name), ())


def zone_candidates(name: str) -> tuple:
    """Every zone ``name`` may mean (full name or short form; rank words are ignored).

    >>> [z.name for z in zone_candidates("国家级郑州经济技术开发区")]
    ['郑州经济技术开发区']
    """
    every = _data()["zone_every"]
    return every.get(_key(name)) or every.get(_key(drop_rank(name)), ())


def lookup_region(name: str, within: str | None = None):
    """The region named ``name`` (full or short), or None when unknown or ambiguous.

    ``within`` (a region's code or name) chooses among every region the name may mean
    those inside it.

    >>> lookup_region("河南省").short, lookup_region("恩施").name
    (('河南',), '恩施土家族苗族自治州')
    >>> lookup_region("海南").name, lookup_region("海南", within="青海").name
    ('海南省', '海南藏族自治州')
    >>> lookup_region("朝阳区") is None
    True
    """
    if within is None:
        return _pick(_data()["region_keys"].get(_key(name), ()))
    outer = _resolve_code(within)
    return _pick(tuple(r for r in region_candidates(name) if outer and _inside(r, outer)))


def lookup_zone(name: str, within: str | None = None):
    """The zone named ``name`` (full or short), or None when unknown or ambiguous.

    >>> lookup_zone("苏州工业园区").region
    '320500'
    >>> lookup_zone("郑州高新区", within="河南").code, lookup_zone("郑州高新区", within="江苏")
    ('410172', None)
    """
    if within is None:
        keys = _data()["zone_keys"]
        return _pick(keys.get(_key(name)) or keys.get(_key(drop_rank(name)), ()))
    outer = _resolve_code(within)
    return _pick(tuple(z for z in zone_candidates(name) if outer and (
        outer in (z.region, z.province) or _inside_code(z.region, outer))))


def zone_other_names(name: str) -> tuple:
    """Other names people write for a zone the catalogue may not hold, by the rules of
    :func:`zone_short_forms` (new areas go by their own name, a city before a county goes,
    the zone type takes its short form).

    >>> zone_other_names("宜宾三江新区"), zone_other_names("苏州工业园区")
    (('三江新区',), ())
    """
    data = _data()
    provinces = tuple(s for r in data["regions"] if r.level == "province" for s in r.short)
    return zone_short_forms(name, provinces, data["region_keys"])


def ambiguous_names() -> dict:
    """Name → every region or zone it may mean, for names that mean more than one.

    The record a name resolves to (see :func:`lookup_region`) comes first.

    >>> a = ambiguous_names(); [r.parent for r in a["朝阳区"]], a["海南"][0].name
    (['110000', '220100'], '海南省')
    """
    data, out = _data(), {}
    for keys, every in ((data["region_keys"], data["region_every"]),
                        (data["zone_keys"], data["zone_every"])):
        for name, found in every.items():
            if len(found) > 1:
                first = keys.get(name, ())
                out.setdefault(name, _unique(first + found) if len(first) == 1 else found)
    return out


def region_by_code(code: str):
    """The region with this division code (2, 4 or 6 digits), or None.

    >>> region_by_code("4101").name, region_by_code("410122").name
    ('郑州市', '中牟县')
    """
    return _data()["by_code"].get(str(code).ljust(6, "0"))


def ancestors(code: str) -> list:
    """The region with this code and the regions above it, smallest first.

    >>> [r.name for r in ancestors("410122")]
    ['中牟县', '郑州市', '河南省']
    >>> [r.name for r in ancestors(lookup_zone("苏州工业园区").region)]
    ['苏州市', '江苏省']
    """
    by_code, out = _data()["by_code"], []
    region = region_by_code(code)
    while region is not None and region not in out:
        out.append(region)
        region = by_code.get(region.parent)
    return out


def region_names() -> dict:
    """Name → Region for every unambiguous name safe to scan for in text.

    >>> d = region_names(); d["郑州"].code, "公安" in d, "朝阳区" in d
    ('410100', False, False)
    """
    return dict(_data()["region_names"])


def zone_names() -> dict:
    """Name → Zone for every unambiguous zone name, full or short.

    >>> zone_names()["合肥经开区"].code
    '340177'
    """
    return dict(_data()["zone_names"])


def region_table() -> dict:
    """Scannable name → (full name, level, parent's full name), the shape of the older
    ``kg/data/regions.tsv`` gazetteer, for code that still reads that shape.

    >>> region_table()["中牟"]
    ('中牟县', 'county', '郑州市')
    """
    by_code = _data()["by_code"]
    out = {}
    for name, region in _data()["region_names"].items():
        parent = by_code.get(region.parent)
        out[name] = (region.name, region.level, parent.name if parent else "")
    return out


def scan(text: str, kinds=("region", "zone"), boundaries: bool = True,
         stems: bool = False) -> list:
    """Every gazetteer name in ``text``, leftmost-longest, as :class:`Hit` records.

    Ambiguous names are found too (朝阳区 is a region wherever it is written) with all
    their candidates; names that are ordinary words (公安, 东方, 城区) are not. With
    ``boundaries`` a two-character county name is skipped where one of its characters
    belongs to an ordinary word around it (创新平台 holds no 新平县, 完成县级 no 成县).
    District stems (涪陵, 章丘) are looked for only with ``stems=True``: many are words too.

    >>> [(h.name, len(h.candidates)) for h in scan("北京朝阳区和公安县")]
    [('北京', 1), ('朝阳区', 2), ('公安县', 1)]
    >>> [(h.name, h.record.name) for h in scan("重慶兩江新區")]
    [('重慶兩江新區', '重庆两江新区')]
    >>> [h.name for h in scan("建设创新平台，落户新平")]
    ['新平']
    >>> [h.name for h in scan("涪陵、万州")], [h.name for h in scan("涪陵、万州", stems=True)]
    ([], ['涪陵', '万州'])
    """
    data = _data()
    table, firsts = data["scan"], data["firsts"]
    words = _boundary_words() if boundaries else frozenset()
    original, text = text, to_simplified(text)  # one character for one: spans hold
    hits, i, n = [], 0, len(text)
    while i < n:
        step = 1
        for length in firsts.get(text[i], ()):
            entry = table.get(text[i:i + length])
            if entry is None or entry[0] not in kinds or (entry[3] and not stems):
                continue
            if entry[2] and ((i and text[i - 1:i + 1] in words) or text[i + 1:i + 3] in words):
                continue
            hits.append(Hit(i, i + length, original[i:i + length], entry[0], entry[1]))
            step = length
            break
        i += step
    return hits


def _boundary_words() -> frozenset:
    if _STATE.words is None:
        from importlib.resources import files

        text = files("kg.data").joinpath("gazetteer", "boundary_words.txt").read_text(
            encoding="utf-8")
        _STATE.words = frozenset(w for w in text.split("\n") if w and not w.startswith("#"))
    return _STATE.words


# --- loading -------------------------------------------------------------------------

def _fold_all(names: list) -> list:
    """``_key`` of many names at once: one translate over the joined text."""
    joined = "\n".join("".join(name.split()) for name in names)
    return to_simplified(joined).split("\n") if names else []


def _key(name: str) -> str:
    """Names meet without spaces and in simplified characters (重慶 = 重庆)."""
    return to_simplified("".join(name.split()))


def _data() -> dict:
    if _STATE.data is None:
        _STATE.data = _build()
    return _STATE.data


def _read_shipped(name: str) -> list:
    from importlib.resources import files

    text = files("kg.data").joinpath("gazetteer", name).read_text(encoding="utf-8")
    return list(csv.DictReader(io.StringIO(text), delimiter="\t"))


def _split(value) -> tuple:
    value = (value or "").replace("、", "|")
    return tuple(v.strip() for v in value.split("|") if v.strip())


def _shipped_regions() -> list:
    out = []
    for row in _read_shipped("regions.tsv"):
        code = row["code"]
        out.append(Region(code, row["name"], row["level"], row["parent"], _split(row["short"]),
                          code[:2] + "0000", row.get("source") or DIVISION_CODES,
                          _split(row.get("former")), row.get("stem") or ""))
    return out


def _shipped_zones() -> list:
    out = []
    for row in _read_shipped("zones.tsv"):
        out.append(Zone(row["name"], _split(row["short"]), row["kind"], row["level"],
                        row["region"], row["province"], _split(row["industries"]),
                        row["code"], row["source"]))
    return out


def _build() -> dict:
    if not _STATE.env_read:
        _STATE.env_read = True
        for path in filter(None, os.environ.get(ENV_VAR, "").split(os.pathsep)):
            user_gazetteer(path)
    region_list = _shipped_regions()
    zone_list = _shipped_zones()
    data = {"regions": region_list, "zones": zone_list}
    _index(data)
    for path, rows in _STATE.user_files:
        _add_user_rows(data, path, rows)
        _index(data)
    return data


def _index(data: dict) -> None:
    by_code = {r.code: r for r in data["regions"] if r.code}
    data["by_code"] = by_code
    data["region_keys"], data["region_every"], stems = _keys(data["regions"], by_code)
    data["zone_keys"], data["zone_every"], _none = _keys(data["zones"], by_code)
    data["region_names"] = _safe_names(data["region_keys"], stems)
    data["zone_names"] = _safe_names(data["zone_keys"])
    scan_table = {}
    for kind, keys in (("zone", data["zone_keys"]), ("region", data["region_keys"])):
        for name, found in keys.items():
            if name in scan_table or len(name) < 2 or name in COMMON_WORDS:
                continue
            if len(name) == 2 and (name[0] in FUNCTION_CHARS or name[1] in FUNCTION_CHARS) \
                    and all(name != r.name for r in found):
                continue
            # A two-character county name or district stem needs word boundaries (see scan).
            check = len(name) == 2 and all(getattr(r, "level", "") == "county" for r in found)
            scan_table[name] = (kind, found, check, name in stems)
    firsts = {}
    for name in scan_table:
        firsts.setdefault(name[0], set()).add(len(name))
    data["scan"] = scan_table
    data["firsts"] = {c: tuple(sorted(lens, reverse=True)) for c, lens in firsts.items()}


_RANK = {"province": 0, "city": 1, "county": 2}


def _keys(records, by_code) -> tuple:
    """(name → the records it resolves to, name → every record it may mean, the names
    that are only a district's stem).

    A full name outranks a short form; among regions sharing a short form an ancestor
    outranks its descendants (吉林 → 吉林省, not 吉林市), and a single province or city
    outranks units of lower level elsewhere (河南 → 河南省, not 青海's 河南蒙古族自治县;
    海南 → 海南省, not 海南藏族自治州), which is what writers mean by the bare name.
    """
    pairs = []  # (table, name, record); names folded in one pass below (it is the cost)
    for record in records:
        pairs.append((0, record.name, record))
        pairs.extend((1, form, record) for form in _other_names(record))
        if getattr(record, "stem", ""):
            pairs.append((2, record.stem, record))
    folded = _fold_all([name for _t, name, _r in pairs])
    full, short, stems = {}, {}, {}
    for (table, _name, record), key in zip(pairs, folded, strict=True):
        (full, short, stems)[table].setdefault(key, []).append(record)
    every = {name: _unique(found) for name, found in stems.items()}
    for table in (short, full):
        for name, found in table.items():
            every[name] = _unique(tuple(found) + every.get(name, ()))
    keys = {name: _unique(found) for name, found in stems.items()}
    keys.update({name: _resolve_short(_unique(found), by_code) for name, found in short.items()})
    keys.update({name: _unique(found) for name, found in full.items()})
    return keys, every, set(stems) - set(short) - set(full)


def _resolve_short(found: tuple, by_code) -> tuple:
    if len(found) < 2 or not all(isinstance(r, Region) for r in found):
        return found
    top = _common_ancestor(found, by_code)
    if top is not None:
        return (top,)
    best = min(_RANK.get(r.level, 3) for r in found)
    highest = [r for r in found if _RANK.get(r.level, 3) == best]
    return (highest[0],) if len(highest) == 1 and best < 2 else found


def _other_names(record) -> tuple:
    """Short forms, and for regions their former names with those names' short forms."""
    former = getattr(record, "former", ())
    if not former:
        return record.short
    extra = [f for name in former for f in (name, *region_short_forms(name, record.level))]
    return _unique(record.short + tuple(extra))


def _unique(found) -> tuple:
    return tuple(dict.fromkeys(found))


def _common_ancestor(found, by_code):
    """The record that contains all the others, when there is one."""
    for top in found:
        if all(r is top or _inside(r, top.code, by_code) for r in found):
            return top
    return None


def _safe_names(keys, stems=frozenset()) -> dict:
    """Unambiguous names of two or more characters that are not ordinary words nor stems."""
    out = {}
    for name, found in keys.items():
        if len(found) == 1 and len(name) >= 2 and name not in stems:
            if name in COMMON_WORDS and name != found[0].name:
                continue
            out[name] = found[0]
    return out


def _inside(region: Region, outer_code: str, by_code=None) -> bool:
    return _inside_code(region.code, outer_code, by_code) or \
        _inside_code(region.parent, outer_code, by_code, inclusive=True)


def _inside_code(code: str, outer_code: str, by_code=None, inclusive=False) -> bool:
    by_code = by_code if by_code is not None else _data()["by_code"]
    seen = 0
    current = code if inclusive else (by_code[code].parent if code in by_code else "")
    while current and seen < 5:
        if current == outer_code:
            return True
        current = by_code[current].parent if current in by_code else ""
        seen += 1
    return False


def _resolve_code(name_or_code: str) -> str:
    if name_or_code.isdigit():
        return name_or_code.ljust(6, "0")
    region = lookup_region(name_or_code)
    return region.code if region else ""


def _pick(found):
    return found[0] if len(found) == 1 else None


# --- user files ----------------------------------------------------------------------

def _read_user_rows(path: Path) -> list:
    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise SourceError(path, "gazetteer file not found",
                          hint=f"check the path (or the {ENV_VAR} variable)") from None
    except UnicodeDecodeError:
        raise SourceError(path, "not UTF-8", hint="save the file as UTF-8") from None
    first = text.split("\n", 1)[0]
    delimiter = "\t" if "\t" in first or path.suffix.lower() == ".tsv" else ","
    reader = csv.DictReader(io.StringIO(text), delimiter=delimiter)
    if not reader.fieldnames or "name" not in [f.strip() for f in reader.fieldnames]:
        raise SourceError(path, "no 'name' column in the header",
                          where="line 1", hint="columns: name, type, short, level, parent, "
                          "region, industries, code")
    rows = []
    for line, row in enumerate(reader, start=2):
        row = {(k or "").strip(): (v or "").strip() for k, v in row.items()}
        if not row.get("name"):
            raise SourceError(path, "empty name", where=f"line {line}")
        kind = row.get("type") or ("region" if row.get("level") in LEVELS else "zone")
        if kind not in ("region", "zone"):
            raise SourceError(path, f"type {kind!r} is neither region nor zone",
                              where=f"line {line}")
        rows.append((line, kind, row))
    return rows


def _add_user_rows(data: dict, path: Path, rows) -> None:
    """A user's row with the name of a shipped record completes it (its non-empty fields
    win, other names add up); any other row is a new record."""
    for line, kind, row in rows:
        if kind == "region":
            _merge(data["regions"], _user_region(data, path, line, row))
        else:
            _merge(data["zones"], _user_zone(data, path, line, row))


def _user_region(data: dict, path: Path, line: int, row: dict) -> Region:
    name, level = row["name"], row.get("level") or "county"
    if level not in LEVELS:
        raise SourceError(path, f"level {level!r} is not one of {', '.join(LEVELS)}",
                          where=f"line {line}")
    parent = _user_place(data, row.get("parent", ""), path, line)
    short = _unique(_split(row.get("short")) + region_short_forms(name, level))
    code = row.get("code", "")
    province = (code or parent)[:2] + "0000" if (code or parent) else ""
    return Region(code, name, level, parent, short, province, str(path))


def _user_zone(data: dict, path: Path, line: int, row: dict) -> Zone:
    name = row["name"]
    province_short = tuple(s for r in data["regions"] if r.level == "province" for s in r.short)
    region = _user_place(data, row.get("region", ""), path, line)
    short = _unique(_split(row.get("short")) +
                    zone_short_forms(name, province_short, data["region_keys"]))
    return Zone(name, short, zone_kind(name), row.get("level", ""), region,
                region[:2] + "0000" if region else "", _split(row.get("industries")),
                row.get("code", ""), str(path))


def _merge(records: list, new) -> None:
    for i, old in enumerate(records):
        if old.name == new.name and (not getattr(new, "code", "") or new.code == old.code
                                     or not old.code):
            fields = {f: getattr(new, f) for f in new.__dataclass_fields__
                      if getattr(new, f) and f not in ("short", "source")}
            fields["short"] = _unique(old.short + new.short)
            fields["source"] = f"{old.source} {new.source}".strip()
            records[i] = replace(old, **fields)
            return
    records.append(new)


def _user_place(data: dict, value: str, path: Path, line: int) -> str:
    if not value:
        return ""
    if value.isdigit():
        return value.ljust(6, "0")
    found = data["region_keys"].get(_key(value), ())
    if len(found) != 1:
        why = "is not a known region" if not found else "names several regions"
        raise SourceError(path, f"{value!r} {why}", where=f"line {line}",
                          hint="give the 6-digit division code instead")
    return found[0].code
