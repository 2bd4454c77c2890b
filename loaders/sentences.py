"""Split a document into sentences that the extractors read, with a map back to the text.

Extractors see each sentence *folded* (full-width forms as half-width, traditional
characters as simplified) and *compact* (a line break inside a sentence removed, so
"80\\n\\n家" reads "80家"); :meth:`Sentence.span` maps a slice of that view back to the
original text, so a quote is always ``text[start:end]``. A document read in pieces
(:func:`kg.loaders.text.stream_text`) splits as it is read, into the very same sentences.

>>> text = "截至年底，高新区共有企业80\\n\\n家，实现纳税4.53亿元。發展傳感器。"
>>> [s.text for s in split_sentences(text)]
['截至年底,高新区共有企业80家,实现纳税4.53亿元。', '发展传感器。']
>>> s = split_sentences(text)[0]
>>> start, end = s.span(12, 15)
>>> text[start:end]
'80\\n\\n家'
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Iterable, Iterator

_TERMINAL = "。!?;！？；"
_SENTENCE_END = re.compile(r"[。!?;](?:[”\"’』」)]*)")
_LINE_END_OK = "。!?;:…”\"’』」)】》"
_WS_RUN = re.compile(r"\s+")
_JOIN_MIN = 24  # a line this long that stops mid-sentence goes on in the next line


@lru_cache(maxsize=1)
def fold_table() -> dict:
    """str.translate table: full-width ASCII and ideographic space to half-width,
    traditional characters to simplified (one character for one, so offsets hold)."""
    table = {0xFF01 + i: 0x21 + i for i in range(94)}
    table[0x3000] = 0x20
    table.update({ord("﹑"): "、", ord("｡"): "。", ord("－"): "-", ord("―"): "—",
                  ord("〜"): "~", ord("\u00a0"): " "})
    try:
        from importlib.resources import files

        path = files("opencc").joinpath("dictionary/TSCharacters.txt")
        for line in path.read_text(encoding="utf-8").splitlines():
            trad, _, simp = line.partition("\t")
            simp = simp.split(" ")[0]
            if len(trad) == 1 and len(simp) == 1 and trad != simp:
                table.setdefault(ord(trad), simp)
    except (ModuleNotFoundError, FileNotFoundError):  # pragma: no cover - a declared dependency
        pass
    return table


def fold(text: str) -> str:
    """The text with width and traditional characters folded, same length as the input.

    >>> fold("Ｍ　Ｅ，國際")
    'M E,国际'
    >>> fold("隨著產業升級,顯著提高")
    '随着产业升级,显著提高'
    """
    text = text.translate(fold_table())
    return _aspect_zhe(text) if "著" in text else text


def _aspect_zhe(text: str) -> str:
    """著 as 着 (随著 → 随着, 標志著 → 标志着, 著力 → 着力) except in the words where simplified
    script keeps 著 — notable, to write, a work (显著, 名著, 著名, 著作, 土著): traditional script
    writes both with 著, and a character table cannot tell them apart.

    >>> _aspect_zhe("标志著显著的著名著作")
    '标志着显著的著名著作'
    """
    chars = list(text)
    for at, char in enumerate(chars):
        if char == "著" and text[at - 1:at + 1] not in _ZHU_AFTER \
                and text[at:at + 2] not in _ZHU_BEFORE:
            chars[at] = "着"
    return "".join(chars)


# The words simplified script writes with 著 (notable, to write, a work; 土著 natives):
# 著 ends the first set and opens the second.
_ZHU_AFTER = frozenset("显著 卓著 昭著 名著 巨著 原著 编著 专著 论著 遗著 拙著 新著 译著 合著 "
                       "土著 宏著 炳著 彰著".split())
_ZHU_BEFORE = frozenset("著名 著作 著称 著述 著录 著者 著书 著有 著说 著文 著译 著论".split())


def pair_quotes(text: str) -> str:
    """Straight double quotes as the paired quotes Chinese text uses, when they pair up
    (web pages type "…" for “…”); same length, so offsets hold.

    >>> pair_quotes('建成"甲—乙—丙"全产业链'), pair_quotes('尺寸5"')
    ('建成“甲—乙—丙”全产业链', '尺寸5"')
    """
    parts = text.split('"')
    if len(parts) % 2 == 0:
        return text  # an odd count: an inch mark or a quote broken across sentences
    return "".join(part + ("" if n == len(parts) - 1 else "“" if n % 2 == 0 else "”")
                   for n, part in enumerate(parts))


class Sentence:
    """One sentence: index in the document, span in the text, folded compact text.

    ``raw`` is the original ``text[start:end]`` when the sentence comes from a document
    read in pieces (whose whole text is never held), else None; ``opens`` is True for the
    first sentence of a paragraph (a line, with the lines that break off mid-sentence).
    """

    __slots__ = ("index", "start", "end", "text", "_offsets", "raw", "opens")

    def __init__(self, index: int, start: int, end: int, text: str, offsets=None, raw=None,
                 opens: bool = False):
        self.opens = opens
        self.index = index
        self.start = start
        self.end = end
        self.text = text
        self._offsets = offsets
        self.raw = raw

    def span(self, i: int, j: int) -> tuple:
        """Start and end in the document of the slice ``text[i:j]`` of this sentence."""
        if self._offsets is None:
            return self.start + i, self.start + j
        return self._offsets[i], self._offsets[j - 1] + 1

    def __repr__(self):
        return f"Sentence({self.index}, {self.start}, {self.end}, {self.text!r})"


def _joins(prev: str, head: str) -> bool:
    """Whether the line ``head`` goes on the block ``prev`` (a line that breaks off
    mid-sentence joins the next one)."""
    last_line = prev[prev.rfind("\n") + 1:] if "\n" in prev else prev
    first_clause = re.split(r"[,。;:!?、]", head, maxsplit=1)[0]
    if head.startswith(":", len(first_clause)) and 2 <= len(first_clause) <= 16:
        return False  # 甲经济技术开发区:2006年…: a labelled paragraph opens on its label
    return (last_line[-1] not in _LINE_END_OK and not _is_heading(last_line)
            and not _table_row(last_line)
            and any(ch in last_line for ch in ",、。;")
            and (len(last_line) >= _JOIN_MIN or (len(first_clause) <= 3
                                                 and len(first_clause) < len(head))))


# Cells of a table row written as text: words set apart by spaces (重点片区 涵盖范围 重点产业).
_CELL_GAP = re.compile(r"[\u4e00-\u9fff)）][ \t\u3000]+(?=[\u4e00-\u9fff(（])")


def _table_row(line: str) -> bool:
    """True when ``line`` reads as a table's row (two or more gaps between Chinese words):
    a row ends where its line does, however its last cell ends.

    >>> _table_row("黄埭高新区片区 黄埭镇 电子信息、智能装备"), _table_row("加快发展电子信息、智能装备")
    (True, False)
    """
    return len(_CELL_GAP.findall(line.strip())) >= 2


def _is_heading(line: str) -> bool:
    return line[:1] in "#•*-·" or bool(re.match(r"^[一二三四五六七八九十]+、|^\(?[一二三四五六七八九十]+\)", line))


# A space set between a figure and a Chinese character (年产 8000 吨, 民营 500 强: type
# set by a PDF or a web page) is no word break: a number and its unit or rank are one.
_NUMBER_GAP = re.compile(r"[\u4e00-\u9fff][ \t]{1,2}\d|\d[ \t]{1,2}[\u4e00-\u9fff]")


# Punctuation a space beside is layout, no word break (集成电路 、高端装备, 新片区 ,围绕, 功能 ”):
# separators and quotes on either side of the space, except a space before an opening mark
# (it may part a name from its note: 科技园 (龙旗二期)) or after a closing bracket (a table's
# cells: (漕湖街道) 电子信息、…).
_GAP_PUNCTUATION = "、，。；：！？,;:!?"
_CLOSING = "”’）》】)"
_OPENING = "“‘（《【("  # (and a space right after an opening mark: “ 一带一路”)
_LAYOUT_BEFORE = frozenset(_GAP_PUNCTUATION + _OPENING + "”’》】")  # marks a gap may follow
_LAYOUT_AFTER = frozenset(_GAP_PUNCTUATION + _CLOSING)  # marks a gap may precede


def _punctuation_gap(segment: str, start: int, end: int) -> bool:
    """True when the space at ``segment[start:end]`` stands beside punctuation and a Chinese
    character or punctuation on its other side.

    >>> _punctuation_gap("集成电路 、高端装备", 4, 5), _punctuation_gap("5G 基站", 2, 3)
    (True, False)
    """
    before, after = segment[start - 1:start], segment[end:end + 1]
    if not before or not after:
        return False
    return (before in _LAYOUT_BEFORE and _word_or_mark(after)) or \
        (after in _LAYOUT_AFTER and _word_or_mark(before))


def _word_or_mark(ch: str) -> bool:
    return ch in _LAYOUT_AFTER or "\u4e00" <= ch <= "\u9fff"


def _compact(folded: str, start: int, end: int, shift: int = 0):
    """The sentence text without line breaks (other spaces kept as one, none between a
    figure and a Chinese character) and its offsets (plus ``shift``: ``folded`` is the
    document's text from offset ``shift`` on).

    >>> _compact("年产 8000 吨辣酱", 0, 11)[0]
    '年产8000吨辣酱'
    """
    segment = folded[start:end]
    if _WS_RUN.search(segment) is None:
        return segment, None
    chars, offsets = [], []
    pos = 0
    start += shift
    for match in _WS_RUN.finditer(segment):
        for k in range(pos, match.start()):
            chars.append(segment[k])
            offsets.append(start + k)
        if "\n" not in match.group() and "\r" not in match.group() \
                and not _NUMBER_GAP.match(segment, max(0, match.start() - 1)) \
                and not _punctuation_gap(segment, match.start(), match.end()):
            chars.append(" ")
            offsets.append(start + match.start())
        pos = match.end()
    for k in range(pos, len(segment)):
        chars.append(segment[k])
        offsets.append(start + k)
    return "".join(chars), offsets


def split_sentences(text: str | Iterable[str]) -> list | Iterator[Sentence]:
    """The document's sentences, in order, numbered from 0.

    ``text`` is the document's text (a list is returned), or its text in pieces (an
    iterator is returned, and each sentence keeps its original text as ``raw``).

    >>> [(s.index, s.start, s.raw) for s in split_sentences(iter(["郑州高新区。新", "乡市。"]))]
    [(0, 0, '郑州高新区。'), (1, 6, '新乡市。')]
    """
    if isinstance(text, str):
        return list(_split([text], keep_raw=False))
    return _split(text, keep_raw=True)


def _split(pieces: Iterable[str], keep_raw: bool) -> Iterator[Sentence]:
    """Sentences of the text in ``pieces``, holding only the text of the open block.

    The text is read line by line (a line ends at \\n); a block is a line, with a line
    that breaks off mid-sentence joined to the next (:func:`_joins`); a block is cut into
    sentences once the next line shows it is complete. ``folded`` and ``raw`` hold the
    document's text from offset ``base`` on.
    """
    folded = raw = ""
    base = 0
    scan = 0          # offset of the first line not yet read
    block = None      # [start, end] of the open block
    count = [0]       # sentences so far

    def line(pos: int, stop: int) -> Iterator[Sentence]:
        nonlocal block
        text = folded[pos - base:stop - base]
        stripped = text.strip()
        if not stripped:
            return
        start = pos + len(text) - len(text.lstrip())
        end = start + len(stripped)
        if block is not None:
            if _joins(folded[block[0] - base:block[1] - base], stripped):
                block[1] = end
                return
            yield from _block_sentences(folded, raw if keep_raw else None, base, block, count)
        block = [start, end]

    for piece in pieces:
        searched = len(folded)
        folded += fold(piece)
        if keep_raw:
            raw += piece
        nl = folded.find("\n", max(scan - base, searched))
        while nl >= 0:
            yield from line(scan, base + nl)
            scan = base + nl + 1
            nl = folded.find("\n", nl + 1)
        keep = (block[0] if block is not None else scan) - base
        if keep > 0:
            folded, base = folded[keep:], base + keep
            if keep_raw:
                raw = raw[keep:]
    if scan < base + len(folded):
        yield from line(scan, base + len(folded))
    if block is not None:
        yield from _block_sentences(folded, raw if keep_raw else None, base, block, count)


def _block_sentences(folded: str, raw, base: int, block: list, count: list) -> Iterator[Sentence]:
    """The sentences of one complete block."""
    block_start, block_end = block[0] - base, block[1] - base
    pos, first = block_start, count[0]
    for match in _SENTENCE_END.finditer(folded, block_start, block_end):
        end = match.end()
        yield from _sentence(folded, raw, base, pos, end, count, count[0] == first)
        pos = end
    yield from _sentence(folded, raw, base, pos, block_end, count, count[0] == first)


# List bullets a line may open with (●江门中微子实验室建成…): marks of layout, no part of
# the sentence's first name. (The middle dot · is left: it joins names, 齐鲁网·闪电新闻.)
_BULLETS = frozenset("●○■□◆◇▲△▼▽★☆►▶•※◎▪◼")


def _sentence(folded: str, raw, base: int, start: int, end: int, count: list,
              opens: bool = False) -> Iterator[Sentence]:
    while start < end and (folded[start].isspace() or folded[start] in _BULLETS):
        start += 1
    while end > start and folded[end - 1].isspace():
        end -= 1
    if start >= end:
        return
    compact, offsets = _compact(folded, start, end, base)
    if '"' in compact:
        compact = pair_quotes(compact)
    count[0] += 1
    yield Sentence(count[0] - 1, base + start, base + end, compact, offsets,
                   None if raw is None else raw[start:end], opens)
