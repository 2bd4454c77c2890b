"""A mention: one typed name found in one sentence, before names are resolved.

>>> from kg.loaders.sentences import split_sentences
>>> s = split_sentences("依托郑州大学建设。")[0]
>>> m = Mention("Platform", "郑州大学", s, 2, 6, {"kind": "university"})
>>> m.quote("依托郑州大学建设。")
'郑州大学'
"""
from __future__ import annotations

import re
from functools import lru_cache

_SPLIT = re.compile(r"[,;:。!?\s]")
_OPEN, _CLOSE = "(“《「『\"", ")”》」』\""
_NESTING = re.compile("[" + re.escape(_OPEN + _CLOSE) + "]")


class Mention:
    """A name of ``label`` at ``sentence.text[i:j]`` with properties (kind, role, …)."""

    __slots__ = ("label", "name", "sentence", "i", "j", "props")

    def __init__(self, label: str, name: str, sentence, i: int, j: int, props=None):
        self.label = label
        self.name = name
        self.sentence = sentence
        self.i = i
        self.j = j
        self.props = props or {}

    def span(self) -> tuple:
        """Start and end of the mention in the document text."""
        return self.sentence.span(self.i, self.j)

    def quote(self, text: str) -> str:
        """The document text the mention covers."""
        start, end = self.span()
        return text[start:end]

    def __repr__(self):
        return f"Mention({self.label}, {self.name!r}, s{self.sentence.index}, {self.props})"


@lru_cache(maxsize=64)
def _separators(seps: str) -> re.Pattern:
    return re.compile("[" + re.escape(seps) + "]")


def split_depth0(text: str, seps: str, start: int = 0, end: int | None = None) -> list:
    """(start, end) pieces of ``text[start:end]`` split at ``seps`` outside brackets/quotes.

    >>> split_depth0("A、B(C、D)、E", "、")
    [(0, 1), (2, 8), (9, 10)]
    """
    end = len(text) if end is None else end
    segment = text[start:end]
    if _NESTING.search(segment) is None:  # no bracket or quote: a plain split
        pieces, pos = [], start
        for match in _separators(seps).finditer(segment):
            k = start + match.start()
            pieces.append((pos, k))
            pos = k + 1
        pieces.append((pos, end))
        return [(a, b) for a, b in pieces if b > a]
    pieces, depth, pos = [], 0, start
    quote_open = False
    speech = _speech_quotes(text, start, end)
    for k in range(start, end):
        ch = text[k]
        if k in speech:
            continue
        if ch == '"':
            quote_open = not quote_open
        elif ch in _OPEN:
            depth += 1
        elif ch in _CLOSE:
            depth = max(0, depth - 1)
        elif ch in seps and depth == 0 and not quote_open:
            pieces.append((pos, k))
            pos = k + 1
    pieces.append((pos, end))
    return [(a, b) for a, b in pieces if b > a]


_CLAUSE_MARK = re.compile(r"[,;。!?]")


def _speech_quotes(text: str, start: int, end: int) -> set:
    """Positions of “ and ” that quote speech, not a name: the quote holds a clause mark
    (“甲公司计划投资…,乙集团…”) or stays open to the sentence's end. Names and slogans
    inside them are split like any text.

    >>> sorted(_speech_quotes("“甲,乙”和“丙”", 0, 9)), sorted(_speech_quotes("他说“甲,乙", 0, 6))
    ([0, 4], [2])
    """
    out = set()
    k = text.find("“", start, end)
    while k >= 0:
        close = text.find("”", k + 1, end)
        if close < 0 or _CLAUSE_MARK.search(text, k + 1, close):
            out.add(k)
            if close >= 0:
                out.add(close)
        k = text.find("“", (close if close >= 0 else k) + 1, end)
    return out


def clauses(text: str) -> list:
    """Clause spans of a sentence: split at , ; : 。 ! ? and spaces outside brackets."""
    return split_depth0(text, ",;:。!?; ")
