"""The sentence a fact came from, for a report's 原文 column.

Sources keep the document, the sentence number and the character span of the mention
(its quote is the name itself). :class:`SentenceReader` reads each document of the
build once (the manifest names its path and hash), checks that the span still holds the
quote, and widens it to the sentence around it. A document that moved or changed gives
the quote alone, so a report never shows a sentence from a different text.

>>> import pathlib, tempfile
>>> path = pathlib.Path(tempfile.mkdtemp()) / "plan.txt"
>>> _ = path.write_text("首句。郑州高新区引进汉威科技，建设传感器谷。末句", encoding="utf-8")
>>> reader = SentenceReader({"inputs": [{"name": "plan.txt", "path": str(path)}]})
>>> reader({"doc": "plan.txt", "sentence": 1, "start": 10, "end": 14, "quote": "汉威科技"})
'郑州高新区引进汉威科技，建设传感器谷。'
"""
from __future__ import annotations

import hashlib
import logging
from pathlib import Path

log = logging.getLogger("kg.reports")

ENDS = "。！？!?；;\n"
LONGEST = 300  # characters either side of a mention; a runaway "sentence" is cut there


def sentence_around(text: str, start: int, end: int) -> str:
    """The sentence of ``text`` holding ``[start:end]``: from the previous end mark to the next.

    >>> sentence_around("甲。乙丙丁。戊", 3, 4)
    '乙丙丁。'
    """
    lo = start
    while lo > 0 and start - lo < LONGEST and text[lo - 1] not in ENDS:
        lo -= 1
    hi = end
    while hi < len(text) and hi - end < LONGEST and text[hi] not in ENDS:
        hi += 1
    if hi < len(text) and text[hi] != "\n":  # keep the sentence's own end mark
        hi += 1
    return text[lo:hi].strip()


class SentenceReader:
    """``reader(source)`` → the sentence of a document source, else its quote."""

    def __init__(self, manifest: dict | None):
        self.inputs = {i.get("name"): i for i in (manifest or {}).get("inputs", [])
                       if i.get("kind", "document") == "document" and i.get("path")}
        self._texts: dict = {}

    def _text(self, doc: str):
        if doc not in self._texts:
            self._texts[doc] = self._read(self.inputs.get(doc))
        return self._texts[doc]

    @staticmethod
    def _read(entry):
        if entry is None:
            return None
        path = Path(entry["path"])
        try:
            if entry.get("sha256") and hashlib.sha256(path.read_bytes()).hexdigest() != entry["sha256"]:
                log.info("%s changed since the build; the report quotes names only", path)
                return None
            from kg.loaders.text import read_text

            return read_text(path)
        except Exception as err:  # a moved or unreadable document: quotes stay names
            log.info("%s: %s; the report quotes names only", path, err)
            return None

    def __call__(self, source: dict) -> str:
        quote = str(source.get("quote") or "")
        start, end = source.get("start"), source.get("end")
        if start is None or end is None:
            return quote
        text = self._text(source.get("doc", ""))
        if text is None or text[start:end] != quote:
            return quote
        return sentence_around(text, start, end) or quote
