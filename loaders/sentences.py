"""Split a document into sentences that the extractors read, with a map back to the text.

Extractors see each sentence *folded* (full-width forms as half-width, traditional
characters as simplified) and *compact* (a line break inside a sentence removed, so
"80\\n\\n家" reads "80家"); :meth:`Sentence.span` maps a slice of that view back to the
original text, so a quote is always ``text[start:end]``.

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
    """
    return text.translate(fold_table())


class Sentence:
    """One sentence: index in the document, span in the text, folded compact text."""

    __slots__ = ("index", "start", "end", "text", "_offsets")

    def __init__(self, index: int, start: int, end: int, text: str, offsets=None):
        self.index = index
        self.start = start
        self.end = end
        self.text = text
        self._offsets = offsets

    def span(self, i: int, j: int) -> tuple:
        """Start and end in the document of the slice ``text[i:j]`` of this sentence."""
        if self._offsets is None:
            return self.start + i, self.start + j
        return self._offsets[i], self._offsets[j - 1] + 1

    def __repr__(self):
        return f"Sentence({self.index}, {self.start}, {self.end}, {self.text!r})"


def _lines(folded: str):
    """(start, end) of each non-blank line, stripped."""
    pos = 0
    size = len(folded)
    while pos < size:
        nl = folded.find("\n", pos)
        if nl < 0:
            nl = size
        line = folded[pos:nl]
        stripped = line.strip()
        if stripped:
            lead = len(line) - len(line.lstrip())
            yield pos + lead, pos + lead + len(stripped)
        pos = nl + 1


def _blocks(folded: str):
    """Spans of text that may hold one or more sentences: lines, with a line that breaks
    off mid-sentence joined to the next one."""
    current = None
    for start, end in _lines(folded):
        if current is None:
            current = [start, end]
            continue
        prev = folded[current[0]:current[1]]
        last_line = prev[prev.rfind("\n") + 1:] if "\n" in prev else prev
        head = folded[start:end]
        first_clause = re.split(r"[,。;:!?、]", head, maxsplit=1)[0]
        joins = (last_line[-1] not in _LINE_END_OK and not _is_heading(last_line)
                 and any(ch in last_line for ch in ",、。;")
                 and (len(last_line) >= _JOIN_MIN or (len(first_clause) <= 3
                                                      and len(first_clause) < len(head))))
        if joins:
            current[1] = end
        else:
            yield current[0], current[1]
            current = [start, end]
    if current is not None:
        yield current[0], current[1]


def _is_heading(line: str) -> bool:
    return line[:1] in "#•*-·" or bool(re.match(r"^[一二三四五六七八九十]+、|^\(?[一二三四五六七八九十]+\)", line))


def _compact(folded: str, start: int, end: int):
    """The sentence text without line breaks (other spaces kept as one) and its offsets."""
    segment = folded[start:end]
    if not any(ch.isspace() for ch in segment):
        return segment, None
    chars, offsets = [], []
    pos = 0
    for match in _WS_RUN.finditer(segment):
        for k in range(pos, match.start()):
            chars.append(segment[k])
            offsets.append(start + k)
        if "\n" not in match.group() and "\r" not in match.group():
            chars.append(" ")
            offsets.append(start + match.start())
        pos = match.end()
    for k in range(pos, len(segment)):
        chars.append(segment[k])
        offsets.append(start + k)
    return "".join(chars), offsets


def split_sentences(text: str) -> list:
    """The document's sentences, in order, numbered from 0."""
    folded = fold(text)
    out = []
    for block_start, block_end in _blocks(folded):
        pos = block_start
        block = folded[block_start:block_end]
        for match in _SENTENCE_END.finditer(block):
            end = block_start + match.end()
            _add(out, folded, pos, end)
            pos = end
        _add(out, folded, pos, block_end)
    return out


def _add(out: list, folded: str, start: int, end: int) -> None:
    while start < end and folded[start].isspace():
        start += 1
    while end > start and folded[end - 1].isspace():
        end -= 1
    if start >= end:
        return
    compact, offsets = _compact(folded, start, end)
    out.append(Sentence(len(out), start, end, compact, offsets))
