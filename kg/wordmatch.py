"""Find keywords in Chinese text as words, not as strings inside longer words.

Chinese has no spaces, so a plain substring search finds 电堆 inside 红外热电堆传感器 and 电机
inside 机电机械. A keyword counts only where a word segmentation of the text around it
(jieba, the project's segmenter, with its own dictionary and without the keywords added, so
that they cannot bias the cut) has a word boundary at both of its ends: 燃料电池电堆 cuts
as 燃料电池/电/堆, so 电堆 is whole there, while 红外/热电/堆 cuts through it.

Only the few characters around each candidate are segmented, and the answers are cached,
so a million business scopes cost little more than the substring search.

>>> m = WordMatcher(["电堆", "电机", "传感器", "传感器芯片"])
>>> m.find("红外热电堆传感器"), m.find("燃料电池电堆"), m.find("机电机械产品")
(['传感器'], ['电堆'], [])
>>> m.find("传感器芯片、驱动电机")
['传感器芯片', '电机']
"""
from __future__ import annotations

import logging
from functools import lru_cache

WINDOW = 4  # characters of context segmented on each side of a candidate


@lru_cache(maxsize=1)
def _tokenizer():
    import jieba

    jieba.setLogLevel(logging.WARNING)
    tokenizer = jieba.Tokenizer()
    tokenizer.initialize()
    return tokenizer


def warm() -> None:
    """Load the segmenter's dictionary now: a process about to fork workers that match
    words does it once for all of them (about a second each otherwise)."""
    _tokenizer()


@lru_cache(maxsize=500_000)
def _cuts(text: str) -> frozenset:
    """Offsets in ``text`` where jieba's segmentation puts a word boundary."""
    cuts, pos = {0}, 0
    for token in _tokenizer().cut(text, HMM=False):
        pos += len(token)
        cuts.add(pos)
    return frozenset(cuts)


def is_whole_word(text: str, start: int, end: int) -> bool:
    """True when ``text[start:end]`` begins and ends at word boundaries of its context.

    Latin letters and digits (MEMS, 5G) are whole when no letter or digit touches them.

    >>> is_whole_word("红外热电堆传感器", 3, 5), is_whole_word("燃料电池电堆", 4, 6)
    (False, True)
    """
    word = text[start:end]
    if word.isascii():
        before = text[start - 1:start]
        after = text[end:end + 1]
        return not (before.isascii() and before.isalnum()) and not (after.isascii() and after.isalnum())
    left = max(0, start - WINDOW)
    window = text[left:end + WINDOW]
    cuts = _cuts(window)
    return (start - left) in cuts and (end - left) in cuts


class WordMatcher:
    """Keywords compiled once; :meth:`find` returns those present as whole words."""

    def __init__(self, words):
        self.words = sorted({w for w in words if w and len(w) >= 2}, key=len, reverse=True)
        self.by_first: dict = {}  # first character -> keywords, longest first
        for word in self.words:
            self.by_first.setdefault(word[0], []).append(word)
        # every keyword is 2+ characters: a position can start one only where the two
        # characters there begin some keyword. Every position is tried, overlapping ones
        # included, so a longer keyword cut through does not hide a shorter one that is
        # whole; a set lookup per position is several times faster than one regex of
        # hundreds of alternatives
        self.prefixes = frozenset(w[:2] for w in self.words)
        self._find = lru_cache(maxsize=200_000)(self._search)

    def _search(self, text: str) -> tuple:
        if not text or not self.words:
            return ()
        spans = []
        prefixes = self.prefixes
        for start in range(len(text) - 1):
            if text[start:start + 2] not in prefixes:
                continue
            # every keyword starting here, longest first, until one is a whole word
            for word in self.by_first.get(text[start], ()):
                end = start + len(word)
                if text.startswith(word, start) and is_whole_word(text, start, end):
                    spans.append((start, end))
                    break
        kept = [s for s in spans
                if not any(o != s and o[0] <= s[0] and s[1] <= o[1] for o in spans)]
        return tuple(dict.fromkeys(text[a:b] for a, b in kept))

    def find(self, text: str) -> list:
        """Keywords in ``text`` as whole words, in order of first appearance; a keyword
        inside a longer matched keyword is left out (传感器芯片, not also 传感器)."""
        return list(self._find(text))


__all__ = ["WordMatcher", "is_whole_word"]
