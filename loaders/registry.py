"""Firm registries (.csv .tsv .xlsx .jsonl): firms with their keys, places and industries.

Columns are recognised by the headers Chinese enterprise exports use (企业名称,
统一社会信用代码, 注册地址, 经营范围 …) or their English names; ``mapping`` names the
rest (``{"公司名称": "name"}``). A firm's region and zone come from explicit
columns, else from its address, else (region only) from its full name — those are
marked ``inferred``. Every normalisation or doubt is appended to ``report`` as
``{file, row, field, action, message}``; no row is dropped without a report entry.

The listed-company files (``listed_company.jsonl`` and its companions
``listed_company_industry.jsonl``, ``listed_industry.jsonl``) load as they are.

A registry is also a Document node ``kind="registry"``. Its ``covers`` lists the node
ids of the places whose firms the user declares it lists completely, and ``scope`` the
chains it is complete for (``["*"]``: every industry): declared by ``covers=`` and
``scope=`` (``kg build --covers 郑州高新区 --scope 智能传感器``), by a sidecar file beside
the registry (``firms.csv.coverage.yaml`` or ``firms.coverage.yaml`` holding
``covers: [郑州高新区]`` and ``scope: [智能传感器]``), or by ``# covers: A, B`` and
``# scope: X`` lines at the top of a CSV or .xlsx. Nothing else makes a registry a
census: the zones and regions its rows name are only ``suggested`` (a list of ten sensor
firms is no census of a zone's hydrogen firms, and a national listing covers no place).
A zone counts as covered when it, or a region it is IN_REGION, is covered
(:mod:`kg.queries.common`).

>>> import io
>>> rows = io.StringIO("企业名称,注册地址,经营范围\\n郑州甲传感科技有限公司,郑州市高新区梧桐街1号,气体传感器\\n")
>>> facts = list(read_registry(rows, name="firms.csv"))
>>> [f.name for f in facts if type(f).__name__ == "Entity"]
['郑州甲传感科技有限公司', '郑州市', '河南省', '郑州高新区', 'firms.csv']
"""
from __future__ import annotations

import csv
import json
import logging
import re
from datetime import date
from itertools import chain as _chain
from pathlib import Path
from typing import Iterable, Iterator

from kg.errors import SourceError
from kg.facts import Entity, Ref, Relation, Source
from kg.loaders.registry_headers import (FIELDS, HEADER_SEARCH_ROWS, HEADERS, column_fields,
                                         find_header)
from kg.loaders.registry_sheets import serial_date, xlsx_rows
from kg.loaders.registry_places import (ZONE_SUFFIXES, full_region, place_from_address,
                                        region_from_name)
from kg.loaders.text import BLOCK, _Decoder, _utf16_without_bom, decode_stream
from kg.names import (credit_code_problem, match_keys, node_id, normalize, region_gazetteer,
                      strip_legal_suffix)

log = logging.getLogger("kg.loaders.registry")

_STOCK = re.compile(r"^(?:(?:SH|SZ|BJ)\.?)?(\d{6})(?:\.(?:SH|SZ|BJ|SS))?$", re.I)
# A five-digit number in a date column is an Excel serial date (10000 is 1927-05-18); four
# digits are a year, eight a yyyymmdd date.
_SERIAL = re.compile(r"^\d{5}(?:\.0+)?$")
_SCIENTIFIC = re.compile(r"^\d(?:\.\d+)?E\+?\d+$", re.I)
_DATE = re.compile(r"^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$")
_COVERS = re.compile(r"^#\s*(?:covers|覆盖范围|覆盖)\s*[:：]\s*(.*)$", re.I)
_SCOPE = re.compile(r"^#\s*(?:scope|覆盖行业|覆盖产业链|范围)\s*[:：]\s*(.*)$", re.I)


def _declaration(text: str, meta: dict) -> None:
    """Read a ``# covers: …`` or ``# scope: …`` line above the header into ``meta``."""
    for pattern, key in ((_COVERS, "covers"), (_SCOPE, "scope")):
        match = pattern.match(text)
        if match:
            meta[key] = [c.strip() for c in re.split(r"[,，、;；]", match.group(1)) if c.strip()]


# ---------------------------------------------------------------------- reading rows
# A cell longer than this is reported, not read: far above any real cell, low enough that
# a quote left open does not pull the rest of a large file into memory.
CELL_LIMIT = 2**22
_BAD_LINES_FIRST = 1000  # bad JSON lines before any good one: not a JSON lines file
_CSV_LINE = re.compile(r"\r\n?|\n")  # csv ends a row at \r, \n or \r\n only
_JSON_LINE = re.compile(r"\n")
# A text with \n line ends ends rows there only: a bare \r inside a row is a stray
# carriage return from a cell, not a row break (it would make a phantom firm).
_LF_LINE = re.compile(r"\n")
_BARE_CR = re.compile(r"\r(?!\n)")
_ODD_BREAKS = re.compile("[\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]")  # str.splitlines breaks there too
_CSV_ERRORS = (("unexpected end of data", "a quote opened in this row is never closed"),
               ('expected after', "a quote in this row closes before the end of its cell"),
               ("field larger than field limit", f"a cell is longer than {CELL_LIMIT:,} characters"))


def _pieces(source, path, on_bad) -> Iterator[str]:
    """Registry text (bytes or a file) in pieces, each bad byte sequence read as U+FFFD
    and passed to ``on_bad``: a BOM's encoding, UTF-16, UTF-8, GB18030 or Big5 (chosen
    by which reads the header), a few NUL bytes tolerated (the rows holding them say so)."""
    first = bytes(source[:BLOCK]) if isinstance(source, (bytes, bytearray)) else _head(source, path)
    encoding = _registry_encoding(first, path)
    if encoding is None:
        return decode_stream(source, path, guess=False, on_bad=on_bad)
    return _decode_blocks(source, encoding, on_bad)


def _head(path, where) -> bytes:
    try:
        with open(path, "rb") as handle:
            return handle.read(BLOCK)
    except OSError as err:
        raise SourceError(where, f"cannot read: {err.strerror}") from None


_BOM_STARTS = (b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")
_NUL_SHARE = 100  # more than one NUL byte in this many: binary data, not a registry


def _header_score(text: str) -> int:
    """How many registry fields the best of the first lines names (0: no header read)."""
    best = 0
    for line in text.splitlines()[:HEADER_SEARCH_ROWS]:
        cells = re.split(r"[,\t;，]", line)
        best = max(best, len(column_fields([c.strip().strip('"') for c in cells])))
    return best


def _registry_encoding(first: bytes, path) -> str | None:
    """The encoding to read a registry in, or None to let decode_stream choose.

    Big5 bytes also decode as GB18030 (into nonsense): the encoding chosen is the one
    under which the header names registry fields. NUL bytes in a UTF-8, GB18030 or Big5
    file (not UTF-16) are read past when they are few, and refused when many.
    """
    if first.startswith(_BOM_STARTS) or _utf16_without_bom(first) is not None:
        return None
    nuls = first.count(0)
    if nuls > max(1, len(first) // _NUL_SHARE):
        raise SourceError(path, f"binary data, not a registry ({nuls} NUL bytes in the first "
                                f"{len(first):,})", hint="give a .csv, .tsv, .xlsx or .jsonl registry")
    try:
        first[:-4].decode("utf-8") if len(first) >= BLOCK else first.decode("utf-8")
        utf8 = True
    except UnicodeDecodeError:
        utf8 = False
    if not utf8:
        scores = {enc: _header_score(first.decode(enc, "replace")) for enc in ("gb18030", "big5")}
        if scores["big5"] > scores["gb18030"]:
            return "big5"
    if nuls:
        return "utf-8" if utf8 else "gb18030"
    return None


def _decode_blocks(source, encoding: str, on_bad) -> Iterator[str]:
    """Text of bytes or a file in ``encoding``, a block at a time (bad bytes to ``on_bad``)."""
    decoder = _Decoder(encoding, on_bad)
    if isinstance(source, (bytes, bytearray)):
        yield decoder.decode(bytes(source), True)
        return
    with open(source, "rb") as handle:
        for block in iter(lambda: handle.read(BLOCK), b""):
            yield decoder.decode(block)
    yield decoder.decode(b"", True)


class _Lines:
    """The physical lines of a registry's text (ends kept), numbered from 1, for csv.reader.

    ``taken`` holds the lines read for the row being read; ``give_back`` puts lines
    back to be read again. ``bad`` maps a line number to the first bad byte sequence
    (:class:`kg.loaders.text.Bad`) decoded into it.
    """

    def __init__(self, pieces: Iterable[str], pattern=_CSV_LINE, bads: list | None = None):
        self._bads = bads if bads is not None else []  # filled as the pieces are decoded
        self._pieces = iter(pieces)
        self._pattern = pattern
        self._rest = ""      # the text after the last whole line read
        self._lines: list = []  # whole lines of the last piece, from self._at on
        self._at = 0
        self._end = 0        # offset in the text of the end of the last line read
        self._back: list = []
        self.number = 0
        self.taken: list = []
        self.bad: dict = {}
        self.fixed: dict = {}  # line number -> what was removed from it (NUL, bare CR)

    def _fill(self) -> None:
        """Split the next piece into lines (StopIteration at the end of the text)."""
        for piece in self._pieces:
            text = self._rest + piece
            if self._pattern is _CSV_LINE and "\n" in text:
                self._pattern = _LF_LINE  # only a file of bare \r line ends splits at \r
            if self._pattern is _CSV_LINE and _ODD_BREAKS.search(text) is None:
                lines = text.splitlines(True)  # fast, and the same lines here
            elif self._pattern is _LF_LINE and _ODD_BREAKS.search(text) is None \
                    and text.count("\r") == text.count("\r\n"):
                lines = text.splitlines(True)  # no bare \r: the same lines, fast
            else:
                lines, pos = [], 0
                for match in self._pattern.finditer(text, max(0, len(self._rest) - 1)):
                    lines.append(text[pos:match.end()])
                    pos = match.end()
                if pos < len(text):
                    lines.append(text[pos:])
            # the last line waits for the next piece unless it is whole (a \r may be
            # the first half of a \r\n)
            last = lines[-1] if lines else ""
            if not last.endswith("\n"):
                self._rest = lines.pop() if lines else ""
            else:
                self._rest = ""
            if lines:
                self._lines, self._at = lines, 0
                return
        if self._rest:
            self._lines, self._at, self._rest = [self._rest], 0, ""
            return
        raise StopIteration

    def __iter__(self):
        return self

    def __next__(self) -> str:
        if self._back:
            number, line = self._back.pop()
        else:
            if self._at >= len(self._lines):
                self._fill()
            line = self._lines[self._at]
            self._at += 1
            self.number += 1
            number = self.number
            self._end += len(line)
            while self._bads and self._bads[0].char < self._end:
                self.bad.setdefault(number, self._bads.pop(0))
            if "\x00" in line:
                line = self._clean(number, line)
        self.taken.append((number, line))
        return line

    def _clean(self, number: int, line: str) -> str:
        """A line without NUL characters (a NUL is never part of a name or address)."""
        self.fixed[number] = f"{line.count(chr(0))} NUL character(s) removed"
        return line.replace("\x00", "")

    def fixed_in(self, taken: list) -> list:
        """(line number, what was removed) for these lines (and forget them)."""
        if not self.fixed:
            return []
        return [(n, self.fixed.pop(n)) for n, _ in taken if n in self.fixed]

    def give_back(self, taken: list) -> None:
        self._back.extend(reversed(taken))

    def bad_in(self, taken: list):
        """The first bad byte sequence in these lines, else None (and forget them)."""
        if not self.bad:
            return None
        found = [self.bad.pop(n) for n, _ in taken if n in self.bad]
        return found[0] if found else None


def _row_note(doc: str, report: list | None, strict: bool):
    """Report a row the row layer cannot read: into ``report``, else to the log; under
    ``strict`` a bad row refuses the file."""
    if report is not None or strict:
        return _Reporter(doc, report, strict)

    def to_log(row, field, action, message, *, bad=False):
        log.warning("%s, row %s: %s", doc, row, message)
    return to_log


def _csv_message(err: csv.Error) -> str:
    text = str(err)
    for cue, message in _CSV_ERRORS:
        if cue in text:
            return message
    return f"not CSV ({text})"


def _delimiter(header: str, path) -> str:
    r"""Tab for a .tsv file or a header with tabs and no comma; ; for a header with only ;.

    >>> _delimiter("企业名称\t注册地址", "x.txt"), _delimiter("企业名称;注册地址", "x.csv")
    ('\t', ';')
    """
    if str(path).lower().endswith(".tsv") or ("\t" in header and "," not in header):
        return "\t"
    if ";" in header and "," not in header and "，" not in header:
        return ";"
    return ","


def _csv_header(lines, path, delimiter: str, meta: dict, note) -> tuple:
    """(csv reader positioned at the first data row, header): the header is found among
    the first rows, below any title rows, its two levels joined (registry_headers)."""
    reader = csv.reader(lines, strict=True, delimiter=delimiter)
    peeked = []  # (cells, physical lines) of the first rows
    while len(peeked) < HEADER_SEARCH_ROWS:
        lines.taken = []
        try:
            cells = next(reader, None)
        except csv.Error as err:
            if not peeked:
                raise SourceError(path, f"the header row is not CSV: {_csv_message(err)}",
                                  where=f"line {lines.taken[0][0]}") from None
            lines.give_back(lines.taken)
            break
        if cells is None:
            break
        peeked.append((cells, list(lines.taken)))
    if not peeked:
        raise SourceError(path, "no header row")
    last, header, first_data = find_header([c for c, _ in peeked])
    header = [h.strip() for h in header]
    meta["header_line"] = peeked[last][1][0][0]
    for cells, taken in peeked[:first_data]:
        bad = lines.bad_in(taken)
        if bad is not None:
            note(None, None, "replaced", f"line {bad.line}: the header has {bad.message()}")
    if first_data > 1:
        note(None, None, "header", f"the header ends on line {meta['header_line']}; the "
             f"{first_data - 1} row(s) before it were read as titles or header groups")
    rest = [line for _, taken in peeked[first_data:] for line in taken]
    lines.give_back(rest)
    lines.taken = []
    return csv.reader(lines, strict=True, delimiter=delimiter), header


def _csv_rows(source, path, meta: dict, note=None) -> Iterator[tuple]:
    """Rows of CSV text (a str or a :class:`_Lines`); a row that csv cannot read, or that
    holds bad bytes, goes to ``note`` and the rows after it are read on."""
    lines = source if isinstance(source, _Lines) else _Lines([source])
    note = note or _row_note(Path(str(path)).name, None, False)
    delimiter = ","
    for line in lines:
        text = line.strip()
        if text and not text.startswith("#"):
            lines.give_back(lines.taken[-1:])
            delimiter = _delimiter(text, path)
            break
        _declaration(text, meta)
    if csv.field_size_limit() < CELL_LIMIT:
        csv.field_size_limit(CELL_LIMIT)
    reader, header = _csv_header(lines, path, delimiter, meta, note)
    number = 0
    while True:
        lines.taken = []
        try:
            cells = next(reader, None)
        except csv.Error as err:
            number += 1
            reader = csv.reader(lines, strict=True, delimiter=delimiter)
            first, *rest = lines.taken or [(lines.number, "")]
            if not rest and "new-line character" in str(err):
                # a carriage return in an unquoted cell of a \n-ended file: one row, not two
                cells = next(csv.reader([_BARE_CR.sub(" ", first[1])], delimiter=delimiter))
                note(number, None, "normalised", f"line {first[0]}: a carriage return inside an "
                     f"unquoted cell read as a space")
            elif rest or "expected after" not in str(err):
                note(number, None, "skipped", f"line {first[0]}: {_csv_message(err)}; row not "
                     f"loaded" + (f", its {len(rest)} other line(s) read again" if rest else ""),
                     bad=True)
                lines.bad_in(lines.taken[:1])
                lines.give_back(rest)
                continue
            else:
                # "abc" ,x on one line: read as csv does when not strict, and say so
                cells = next(csv.reader([first[1]], delimiter=delimiter))
                note(number, None, "normalised", f"line {first[0]}: text follows the closing "
                     f"quote of a cell; read on to the next comma")
        else:
            if cells is None:
                return
            number += 1
        bad = lines.bad_in(lines.taken)
        if bad is not None:
            note(number, None, "skipped", f"line {bad.line}: {bad.message()}; row not loaded",
                 bad=True)
            continue
        fixed = lines.fixed_in(lines.taken)
        for line_number, what in fixed:
            note(number, None, "normalised", f"line {line_number}: {what}")
        if not any(c.strip() for c in cells):
            if fixed:
                note(number, None, "skipped", f"line {fixed[0][0]}: nothing is left of the row "
                     f"once its NUL characters are removed; row not loaded", bad=True)
            continue
        yield number, dict(zip(header, (c.strip() for c in cells))), header


def _jsonl_rows(source, path, note=None) -> Iterator[tuple]:
    """Rows of JSON lines (a str or a :class:`_Lines`), numbered by line; a line that is
    not a JSON object goes to ``note`` and the lines after it are read on. A file with
    no good line before its bad ones run out (or before many) is not JSON lines."""
    lines = source if isinstance(source, _Lines) else _Lines([source], _JSON_LINE)
    note = note or _row_note(Path(str(path)).name, None, False)
    header: list = []
    held: list = []  # bad lines before the first good one
    good = False
    for number, line in enumerate(lines, 1):
        lines.taken = []
        if not line.strip():
            continue
        bad = lines.bad.pop(number, None)
        for line_number, what in lines.fixed_in(lines.taken or [(number, line)]):
            note(number, None, "normalised", f"line {line_number}: {what}")
        problem = None
        if bad is not None:
            problem = f"{bad.message()}; line not loaded"
        else:
            try:
                record = json.loads(line)
            except json.JSONDecodeError as err:
                problem = f"not JSON ({err.msg})"
            else:
                if not isinstance(record, dict):
                    problem = "not a JSON object"
        if problem is not None:
            if good:
                note(number, None, "skipped", f"line {number}: {problem}", bad=True)
                continue
            held.append((number, problem))
            if len(held) < _BAD_LINES_FIRST:
                continue
            break
        if not good:
            good = True
            for row, message in held:
                note(row, None, "skipped", f"line {row}: {message}", bad=True)
        for key in record:
            if key not in header:
                header.append(key)
        yield number, {k: ("" if v is None else str(v).strip()) for k, v in record.items()}, header
    if held and not good:
        row, message = held[0]
        raise SourceError(path, f"not JSON lines: {message}", where=f"line {row}",
                          hint="give one JSON object a line")


def registry_rows(source, *, name: str | None = None, meta: dict | None = None,
                  report: list | None = None, strict: bool = False) -> Iterator[tuple]:
    """(row number, {column: text}, header) of a .csv, .xlsx or .jsonl registry.

    ``source`` is a path or an open file (CSV, or JSON lines when ``name`` ends .jsonl),
    read a block at a time. A row that cannot be read (bad bytes, a quote left open, a
    broken JSON line) goes to ``report`` as skipped (to the log without one) and the
    rest are read; under ``strict`` it refuses the file.
    """
    meta = meta if meta is not None else {}
    path = name or str(source if not hasattr(source, "read") else getattr(source, "name", "<registry>"))
    suffix = Path(path).suffix.lower()
    if suffix == ".xlsx" and not hasattr(source, "read"):
        yield from xlsx_rows(source, meta, _row_note(Path(path).name, report, strict),
                             _declaration)
        return
    json_lines = suffix in (".jsonl", ".json")
    if not json_lines and suffix not in (".csv", ".txt", ".tsv", ""):
        raise SourceError(path, f"unknown registry format {suffix!r}",
                          hint="use .csv, .tsv, .xlsx or .jsonl")
    bads: list = []  # bad byte sequences, filled as the text is decoded
    if hasattr(source, "read"):
        first = source.read(BLOCK)
        if isinstance(first, bytes):
            pieces = _pieces(first + source.read(), path, bads.append)
        else:
            pieces = _chain([first], iter(lambda: source.read(BLOCK), ""))
    elif Path(source).is_file():
        pieces = _pieces(Path(source), path, bads.append)
    else:
        raise SourceError(path, "no such file")
    note = _row_note(Path(path).name, report, strict)
    if json_lines:
        yield from _jsonl_rows(_Lines(pieces, _JSON_LINE, bads), path, note)
    else:
        yield from _csv_rows(_Lines(pieces, _CSV_LINE, bads), path, meta, note)


# ---------------------------------------------------------------------- values
def stock_code(value: str) -> str | None:
    """The six digits of a stock code: ``300007.SZ`` → ``300007``; None if it is not one."""
    match = _STOCK.match(value.strip().replace(" ", ""))
    return match.group(1) if match else None


def parse_date(value: str) -> str | None:
    """An ISO date from 2021-10-19, 2021/10/19, 2021年10月19日 or 20211019; else None."""
    text = value.strip()
    if re.fullmatch(r"\d{8}", text):
        text = f"{text[:4]}-{text[4:6]}-{text[6:]}"
    match = _DATE.match(text)
    if not match:
        return None
    try:
        return date(int(match.group(1)), int(match.group(2)), int(match.group(3))).isoformat()
    except ValueError:
        return None


class _Reporter:
    def __init__(self, doc: str, report: list | None, strict: bool):
        self.doc, self.report, self.strict = doc, report, strict

    def __call__(self, row, field, action, message, *, bad=False):
        if bad and self.strict:
            raise SourceError(self.doc, message, where=f"row {row}" if row else None,
                              hint="fix the row, or build without --strict to load the rest")
        if self.report is not None:
            self.report.append({"file": self.doc, "row": row, "field": field, "action": action,
                                "message": message})


# ---------------------------------------------------------------------- firms
def parse_registry(rows: Iterable[tuple], doc: str, *, mapping: dict | None = None,
                   report: list | None = None, strict: bool = False,
                   covers: list | None = None, scope: list | None = None) -> Iterator:
    """Facts of firm rows ``(row number, {column: text}, header)`` from file ``doc``.

    ``covers`` and ``scope`` declare the places and chains the file is a census of.
    """
    note = _Reporter(doc, report, strict)
    fields = None
    seen_keys: dict = {}
    places: dict = {}  # node id -> (label, name), seen in this file
    found_covers: dict = {}
    counts = {"read": 0, "loaded": 0}
    for number, record, header in rows:
        if fields is None:
            fields = column_fields(header, mapping)
            if "name" not in fields.values() and "short_name" not in fields.values():
                raise SourceError(doc, "no firm name column (企业名称 / name)",
                                  hint="name it with --map COLUMN=name")
            for column in header:
                if column not in fields:
                    note(None, column, "ignored", f"column {column!r} is not a registry field "
                         f"(use --map {column}=FIELD to read it)")
        value = {f: record.get(c, "") for c, f in fields.items()}
        src = Source(doc, row=number)
        counts["read"] += 1
        for fact in _firm_facts(value, number, src, note, seen_keys, places, found_covers):
            if isinstance(fact, Entity) and fact.label == "Firm":
                counts["loaded"] += 1
            yield fact
    if fields is None:
        note(None, None, "empty", "the registry has no data rows")
    if report is not None:
        report.append({"file": doc, "row": None, "field": None, "action": "rows",
                       "message": f"{counts['read']} rows read, {counts['loaded']} firms loaded",
                       **counts})
    yield registry_document(doc, covers, scope, sorted(found_covers))


def registry_document(doc: str, covers=None, scope=None, suggested=()) -> Entity:
    """The Document entity of a registry: declared ``covers`` (place ids) and ``scope``.

    >>> registry_document("f.csv", ["郑州高新区"], ["智能传感器"]).props["covers"]
    ['Zone/郑州高新区']
    """
    props = {"kind": "registry", "path": doc, "covers": _place_ids(covers or ()),
             "suggested": list(suggested)}
    if covers:
        props["scope"] = list(scope) if scope else ["*"]
    return Entity("Document", doc, props=props)


def _place_ids(names) -> list:
    return sorted({node_id("Zone" if _is_zone_name(n) else "Region", n) for n in names})


def _is_zone_name(name: str) -> bool:
    """Zones end in a zone kind (高新区, 经开区 …) or 园/城/谷; other places are regions."""
    return name.endswith(ZONE_SUFFIXES) or name.endswith(("园", "城", "谷", "基地"))


def _firm_facts(value, number, src, note, seen_keys, places, found_covers) -> Iterator:
    name = value.get("name") or ""
    short = value.get("short_name") or ""
    if not name and not short:
        note(number, "name", "skipped", "企业名称 is empty: the row names no firm", bad=True)
        return
    if not name:
        name, short = short, ""
    aliases = (short,) if short and short != name else ()
    props, key = _firm_codes(value, number, note)
    if key is not None:
        _check_key(key, name, short, number, props, seen_keys, note)
    founded = value.get("founded", "")
    exchange = value.get("exchange", "")
    if founded:
        iso = parse_date(founded)
        if iso is None and _SERIAL.match(founded):
            iso = serial_date(float(founded))
            if iso is not None:
                note(number, "founded", "normalised", f"Excel serial date {founded} read as {iso}")
        if iso is None and exchange and parse_date(exchange):
            note(number, "founded", "swapped", f"date {exchange!r} was in the exchange column "
                 f"and {founded!r} in the date column; read them swapped")
            iso, exchange = parse_date(exchange), founded
        if iso is None:
            note(number, "founded", "ignored", f"{founded!r} is not a date; founded left empty")
        else:
            props["founded"] = iso
    for field in ("address", "business_scope", "products"):
        if value.get(field):
            props[field] = value[field]
    if value.get("industry_code"):
        props["industry_codes"] = [c if ":" in c else "gb:" + c
                                   for c in re.split(r"[,，;；、\s]+", value["industry_code"]) if c]
    firm = Entity("Firm", name, aliases=aliases, key=key, props=props, source=src)
    yield firm
    yield from _place_facts(firm, value, number, src, places, found_covers)
    if value.get("industry"):
        for industry in re.split(r"[,，;；、]", value["industry"]):
            industry = industry.strip()
            if industry:
                ind = Entity("Industry", industry, source=src)
                if ("Industry", industry) not in places:
                    places[("Industry", industry)] = True
                    yield ind
                yield Relation("IN_INDUSTRY", firm.ref, ind.ref, source=src)


def _firm_codes(value: dict, number, note) -> tuple:
    """(props with the codes, key): a valid 统一社会信用代码 keys the firm, else its stock code."""
    props: dict = {}
    key = None
    for field in ("credit_code", "stock_code"):
        if _SCIENTIFIC.match(value.get(field, "").strip()):
            note(number, field, "unrecoverable", f"{value[field]!r} is a code saved as a number in "
                 f"scientific notation: its last digits are lost and cannot be recovered; format "
                 f"the column as text and export again", bad=True)
            value = {**value, field: ""}
    raw_stock = value.get("stock_code", "")
    if raw_stock.isdigit() and len(raw_stock) < 6:
        note(number, "stock_code", "normalised", f"{raw_stock!r} lost its leading zeros (saved as a "
             f"number); read as {raw_stock.zfill(6)!r}")
        raw_stock = raw_stock.zfill(6)
    if raw_stock:
        code = stock_code(raw_stock)
        if code is None:
            note(number, "stock_code", "ignored", f"{raw_stock!r} is not a stock code", bad=True)
        else:
            if code != raw_stock:
                note(number, "stock_code", "normalised", f"{raw_stock!r} → {code!r}")
            props["stock_code"] = key = code
    raw_credit = value.get("credit_code", "")
    if raw_credit:
        credit = normalize(raw_credit).upper()
        problem = credit_code_problem(credit)
        if problem is None:
            props["credit_code"] = key = credit
        else:
            note(number, "credit_code", "ignored", f"{raw_credit!r} is not a valid 统一社会信用代码 "
                 f"({problem}); the firm is keyed by "
                 + ("its stock code" if key else "its name"), bad=True)
    return props, key


def _check_key(key, name, short, number, props, seen_keys, note) -> None:
    """Report a key seen before: the same firm again (merged), or a conflict (two firms).

    The same firm: one of the names has no legal form, or they share a match key, or the
    row's full name is the first row's short name (a firm renamed: 银泰资源 → 银泰黄金)."""
    field = "credit_code" if key == props.get("credit_code") else "stock_code"
    first = seen_keys.get(key)
    if first is None:
        seen_keys[key] = (number, name, short)
        return
    first_row, first_name, first_short = first
    if same_firm_name(name, first_name) or _shares_key(name, first_short) \
            or _shares_key(short, first_name):
        note(number, field, "merged", f"{key} already named {first_name!r} in row {first_row}; "
             f"{name!r} joins that firm as another name")
    else:
        note(number, field, "conflict", f"{key} is given to {first_name!r} in row {first_row} "
             f"and to {name!r} in row {number}: two firms, neither keyed by {key}; "
             f"each is keyed by its name and carries the conflict")


def _shares_key(a: str, b: str) -> bool:
    return bool(a and b and match_keys("Firm", a) & match_keys("Firm", b))


def same_firm_name(a: str, b: str) -> bool:
    """Whether two names a registry gives one code name one firm: they share a match key,
    or one is a short name (without a legal form).

    >>> same_firm_name("江苏奥赛康药业股份有限公司", "江苏奥赛康药业有限公司")
    True
    >>> same_firm_name("三一重工股份有限公司", "中国银行股份有限公司")
    False
    """
    full = [strip_legal_suffix(normalize(n)) != normalize(n) for n in (a, b)]
    return not all(full) or bool(match_keys("Firm", a) & match_keys("Firm", b))


def _place(places, label, name, src, out: list) -> str:
    """Append the Entity of a place this file has not named yet; return the place's id.
    A region the gazetteer knows gets its level, and the regions it is PART_OF up to its
    province (深圳市 → 广东省: an address need not name them; the sources say inferred)."""
    nid = places.get((label, name))
    if nid is None:
        nid = places[(label, name)] = node_id(label, name)
        if nid not in places:
            places[nid] = (label, name)
            known = region_gazetteer().get(name) if label == "Region" else None
            out.append(Entity(label, name, props={"level": known[0]} if known else {},
                              source=src))
            if known and known[1] and known[1] != name:
                above = Source(src.doc, row=src.row, inferred=True)
                _place(places, "Region", known[1], above, out)
                out.append(Relation("PART_OF", Ref("Region", name), Ref("Region", known[1]),
                                    source=above))
    return nid


def _place_facts(firm, value, number, src, places, found_covers) -> list:
    """Facts placing one firm: new Region/Zone entities, IN_REGION, LOCATED_IN."""
    out: list = []
    region, zone = value.get("region", ""), value.get("zone", "")
    region_inferred = zone_inferred = False
    if not region or not zone:
        a_region, a_zone = place_from_address(value.get("address", ""))
        if not region and a_region:
            region, region_inferred = a_region, True
        if not zone and a_zone:
            zone, zone_inferred = a_zone, True
    if not region and not zone:
        region = region_from_name(firm.name) or region_from_name(firm.aliases[0] if firm.aliases else "")
        region_inferred = bool(region)
    if region and not region_inferred:
        region = full_region(region)
    inferred_src = Source(src.doc, row=number, inferred=True) \
        if region_inferred or zone_inferred else None
    region_ref = None
    if region:
        region_id = _place(places, "Region", region, inferred_src if region_inferred else src, out)
        region_ref = Ref("Region", region)
        if not region_inferred:  # an explicit region column; addresses only name zones
            found_covers[region_id] = True
    # A firm is LOCATED_IN its most specific place: the zone when one is known (the zone
    # is IN_REGION its region), else the region.
    where, inferred = (Ref("Zone", zone), zone_inferred) if zone else (region_ref, region_inferred)
    if zone:
        found_covers[_place(places, "Zone", zone, inferred_src if zone_inferred else src, out)] = True
        if region_ref is not None and ("IN_REGION", zone, region) not in places:
            places[("IN_REGION", zone, region)] = True
            out.append(Relation("IN_REGION", where, region_ref,
                                source=inferred_src if (zone_inferred or region_inferred) else src))
    if where is not None:
        out.append(Relation("LOCATED_IN", firm.ref, where, source=inferred_src if inferred else src,
                            props={"inferred": True} if inferred else {}))
    return out


# ---------------------------------------------------------------------- listed companies
LISTED_COMPANY = "listed_company.jsonl"
LISTED_COMPANY_INDUSTRY = "listed_company_industry.jsonl"
LISTED_INDUSTRY = "listed_industry.jsonl"
LISTED_INDUSTRY_INDUSTRY = "listed_industry_industry.jsonl"


def _shape(header) -> str:
    keys = {h.lower() for h in header}
    if {"company_code", "industry_code"} <= keys:
        return "firm_industry"
    if {"from_code", "to_code"} <= keys:
        return "industry_tree"
    if keys == {"code", "name"}:
        return "industries"
    return "firms"


def _sw(code: str) -> str:
    return "sw:" + code


def _industry_codes(code: str, parents: dict) -> list:
    """A Shenwan code with the codes of its parents, most specific first."""
    out, seen = [], set()
    while code and code not in seen:
        seen.add(code)
        out.append(_sw(code))
        code = parents.get(code)
    return out


def _read_industry_files(folder: Path, doc_names: dict) -> tuple:
    names, parents = {}, {}
    path = folder / LISTED_INDUSTRY
    if path.is_file():
        for _, rec, _ in _jsonl_rows(path.read_text(encoding="utf-8"), path):
            names[rec.get("code", "")] = rec.get("name", "")
        doc_names["industries"] = path.name
    path = folder / LISTED_INDUSTRY_INDUSTRY
    if path.is_file():
        for _, rec, _ in _jsonl_rows(path.read_text(encoding="utf-8"), path):
            parents[rec.get("from_code", "")] = rec.get("to_code", "")
            names.setdefault(rec.get("from_code", ""), rec.get("from_industry", ""))
            names.setdefault(rec.get("to_code", ""), rec.get("to_industry", ""))
        doc_names["tree"] = path.name
    return names, parents


def parse_firm_industries(rows: Iterable[tuple], doc: str, *, report: list | None = None,
                          strict: bool = False, known_codes: set | None = None,
                          names: dict | None = None, parents: dict | None = None) -> Iterator:
    """Facts of ``listed_company_industry.jsonl`` rows: Firm -IN_INDUSTRY-> Industry (Shenwan).

    A row whose company code the company file lacks still yields the firm (from the
    row's company name), reported; codes are normalised like in the company file.
    """
    note = _Reporter(doc, report, strict)
    names, parents = names or {}, parents or {}
    industries: set = set()
    seen: set = set()
    read = linked = 0
    for number, rec, _ in rows:
        read += 1
        src = Source(doc, row=number)
        raw = rec.get("company_code", "")
        code = stock_code(raw)
        if code is None:
            note(number, "company_code", "skipped", f"{raw!r} is not a stock code; row not linked",
                 bad=True)
            continue
        if code != raw:
            note(number, "company_code", "normalised", f"{raw!r} → {code!r}")
        firm_name = rec.get("company_name") or code
        if known_codes is not None and code not in known_codes:
            note(number, "company_code", "added", f"{code} ({firm_name}) is not in the company "
                 f"file; the firm is added from this row")
        seen.add(code)
        icode = rec.get("industry_code", "")
        iname = rec.get("industry_name") or names.get(icode, icode)
        if not icode:
            note(number, "industry_code", "skipped", "no industry code; firm not linked", bad=True)
            yield Entity("Firm", firm_name, key=code, props={"stock_code": code}, source=src)
            continue
        firm = Entity("Firm", firm_name, key=code, props={"stock_code": code}, source=src)
        yield firm
        industry = Entity("Industry", iname, key=_sw(icode),
                          props={"industry_codes": _industry_codes(icode, parents)}, source=src)
        if icode not in industries:
            industries.add(icode)
        yield industry
        yield Relation("IN_INDUSTRY", firm.ref, industry.ref, source=src)
        linked += 1
    if report is not None:
        report.append({"file": doc, "row": None, "field": None, "action": "rows",
                       "message": f"{read} rows read, {linked} firms linked to an industry",
                       "read": read, "loaded": linked})
    if known_codes is not None:
        for code in sorted(known_codes - seen):
            note(None, "company_code", "missing", f"{code} has no industry row in {doc}")


def parse_industries(rows: Iterable[tuple], doc: str, *, parents: dict | None = None) -> Iterator:
    """Facts of ``listed_industry.jsonl`` rows: Shenwan industries with their codes."""
    for number, rec, _ in rows:
        code = rec.get("code", "")
        yield Entity("Industry", rec.get("name") or code, key=_sw(code),
                     props={"industry_codes": _industry_codes(code, parents or {})},
                     source=Source(doc, row=number))


def parse_industry_tree(rows: Iterable[tuple], doc: str) -> Iterator:
    """Facts of ``listed_industry_industry.jsonl``: each industry's codes include its parents'."""
    records = list(rows)
    parents = {rec.get("from_code", ""): rec.get("to_code", "") for _, rec, _ in records}
    for number, rec, _ in records:
        code = rec.get("from_code", "")
        yield Entity("Industry", rec.get("from_industry") or code, key=_sw(code),
                     props={"industry_codes": _industry_codes(code, parents)},
                     source=Source(doc, row=number))


# ---------------------------------------------------------------------- files
def read_registry(source, *, mapping: dict | None = None, report: list | None = None,
                  strict: bool = False, name: str | None = None,
                  covers: list | None = None, scope: list | None = None,
                  companions: bool = True) -> Iterator:
    """Facts of one registry file (path or open file; ``name`` names an open file).

    ``covers`` (zone or region names) and ``scope`` (chain names, or ``*``) declare what
    the file is a census of; they override a sidecar file and the file's own lines. With
    ``companions``, ``listed_company.jsonl`` also loads the listed-industry files that
    sit beside it.
    """
    path = name or str(source if not hasattr(source, "read") else getattr(source, "name", "<registry>"))
    doc = Path(path).name
    meta: dict = {}
    rows = registry_rows(source, name=name, meta=meta, report=report, strict=strict)
    first = next(rows, None)
    if first is None:
        yield registry_document(doc)
        if report is not None:
            report.append({"file": doc, "row": None, "field": None, "action": "empty",
                           "message": "the registry has no data rows"})
        return
    shape = _shape(first[2])

    def all_rows():
        yield first
        yield from rows

    folder = Path(path).parent
    local = not hasattr(source, "read")
    if shape == "firms":
        if local and companions and Path(path).name == LISTED_COMPANY:
            yield from _listed_with_companions(all_rows(), doc, folder, report, strict, mapping)
            return
        declared = _declared(path, local, covers, scope, meta)
        yield from parse_registry(all_rows(), doc, mapping=mapping, report=report, strict=strict,
                                  covers=declared.get("covers"), scope=declared.get("scope"))
        return
    doc_names: dict = {}
    names, parents = _read_industry_files(folder, doc_names) if local else ({}, {})
    if shape == "industries":
        yield from parse_industries(all_rows(), doc, parents=parents)
    elif shape == "industry_tree":
        yield from parse_industry_tree(all_rows(), doc)
    else:
        known = None
        company_file = folder / LISTED_COMPANY
        if local and company_file.is_file():
            known = {stock_code(rec.get("code", "")) for _, rec, _ in
                     _jsonl_rows(company_file.read_text(encoding="utf-8"), company_file)}
        yield from parse_firm_industries(all_rows(), doc, report=report, strict=strict,
                                         known_codes=known, names=names, parents=parents)
    yield registry_document(doc)


def _declared(path, local: bool, covers, scope, meta: dict) -> dict:
    """What the user declares the registry a census of: arguments, else a sidecar file,
    else the file's own ``# covers:`` / ``# scope:`` lines."""
    if covers:
        return {"covers": list(covers), "scope": list(scope or ["*"])}
    sidecar = read_sidecar(path) if local else {}
    if sidecar.get("covers"):
        return sidecar
    return {"covers": meta.get("covers"), "scope": scope or meta.get("scope")}


def sidecar_path(path) -> Path | None:
    """The coverage sidecar of a registry (``firms.csv.coverage.yaml`` or
    ``firms.coverage.yaml``), or None."""
    path = Path(path)
    for candidate in (path.with_name(path.name + ".coverage.yaml"),
                      path.with_name(path.stem + ".coverage.yaml")):
        if candidate.is_file():
            return candidate
    return None


def read_sidecar(path) -> dict:
    """{covers, scope} from a registry's coverage sidecar (empty without one)."""
    import yaml

    side = sidecar_path(path)
    if side is None:
        return {}
    try:
        data = yaml.safe_load(side.read_text(encoding="utf-8")) or {}
    except (yaml.YAMLError, UnicodeDecodeError) as err:
        raise SourceError(side, f"not a coverage file ({type(err).__name__})",
                          hint="write covers: [郑州高新区] and scope: [智能传感器]") from None
    if not isinstance(data, dict):
        raise SourceError(side, "not a mapping", hint="write covers: [郑州高新区] and scope: [智能传感器]")
    out = {}
    for key in ("covers", "scope"):
        value = data.get(key)
        if isinstance(value, str):
            value = [v.strip() for v in re.split(r"[,，、;；]", value) if v.strip()]
        if value is not None:
            out[key] = [str(v) for v in value]
    return out


def _listed_with_companions(rows, doc, folder, report, strict, mapping) -> Iterator:
    known: set = set()

    def tracking():
        for item in rows:
            code = stock_code(item[1].get("code", ""))
            if code:
                known.add(code)
            yield item

    yield from parse_registry(tracking(), doc, mapping=mapping, report=report, strict=strict)
    doc_names: dict = {}
    names, parents = _read_industry_files(folder, doc_names)
    if "industries" in doc_names:
        path = folder / LISTED_INDUSTRY
        yield from parse_industries(_jsonl_rows(path.read_text(encoding="utf-8"), path),
                                    path.name, parents=parents)
    path = folder / LISTED_COMPANY_INDUSTRY
    if path.is_file():
        if report is not None:
            report.append({"file": doc, "row": None, "field": None, "action": "companion",
                           "message": f"loaded {path.name} beside it for industries"})
        yield from parse_firm_industries(_jsonl_rows(path.read_text(encoding="utf-8"), path),
                                         path.name, report=report, strict=strict,
                                         known_codes=known, names=names, parents=parents)
        yield registry_document(path.name)


__all__ = ["FIELDS", "HEADERS", "column_fields", "parse_date", "parse_registry", "read_sidecar",
           "registry_document",
           "parse_firm_industries", "read_registry", "registry_rows", "stock_code"]
