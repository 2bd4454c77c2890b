"""Major firms that are not (only) on the A-share listing: the names of three published
rankings — 2025《财富》中国500强, 2025 中国民营企业500强 (with its 制造业 500 and 服务业 100
lists) and the 国资委 央企名录 — shipped as ``kg/data/gazetteer/firms_major.tsv`` (source,
commit, licence and date in ``SOURCES-firms.md``) and read by ``extract_known`` beside the
listed short names.

The rankings give full registered names; documents write the 字号 (华为, 吉利). The short
name kept is the full name without its legal form and holding words, then without a place
(or 中国 before a short 字号) in front, and only when what is left is coined — no place and
not ordinary vocabulary (山东能源集团 leaves 能源: no short name; its full name is found by
its legal form anyway).

>>> derive_short("华为投资控股有限公司"), derive_short("浙江吉利控股集团有限公司")
('华为', '吉利')
>>> derive_short("山东能源集团有限公司"), derive_short("中国华润有限公司")
('', '华润')
"""
from __future__ import annotations

import csv
import re
import sys

# legal forms and holding words at the end of a registered name (公司法: 有限责任公司,
# 股份有限公司; a group's 集团/控股/投资/实业/总公司), stripped repeatedly; 国际 and trade
# words stay (申洲国际 is how the firm is written)
# (株式会社 is the Japanese joint-stock company of the world ranking's Japanese firms)
_TAIL = re.compile(r"(?:股份有限公司|有限责任公司|有限公司|集团公司|总公司|公司|株式会社|集团|控股|"
                   r"股份|投资|实业)$")
_PARENS = re.compile(r"[（(][^）)]*[）)]")
# 中国 before a 字号 of two or three characters is dropped in writing (中国华润 → 华润); before
# a longer rest it is the name's own start (中国国际航空 is no 国际航空)
_COUNTRY = re.compile(r"^(?:中国|中华)(?=[\u4e00-\u9fff]{2,3}$)")
# words of scope open descriptions, not 字号 (国际航空集团 leaves 国际航空: no short name)
_SCOPE_WORDS = ("国际", "全国", "世界", "全球", "环球")
# jieba's tags of proper names (person, place, other proper noun, organisation): a word
# so tagged is a name however often it occurs (华为 nr, 吉利 ns), never ordinary vocabulary
_PROPER = ("nr", "ns", "nz", "nt")


def _places() -> list:
    """Division names, full and short, longest first (the shipped divisions)."""
    from kg.loaders import gazetteer
    names = set()
    for record in gazetteer.regions():
        names.add(record.name)
        names.update(n for n in record.short if len(n) >= 2)
    return sorted(names, key=len, reverse=True)


def _ordinary(word: str) -> bool:
    """True when ``word`` is ordinary vocabulary: one dictionary word not tagged as a proper
    name (电子信息), frequent common words only (移动|通信), or places only. A piece of one character
    (永|荣) makes no vocabulary: a coined 字号 is cut that way."""
    import jieba.posseg

    from kg.loaders.extract_firms import COMMON_WORD, _frequency
    pieces = jieba.posseg.lcut(word, HMM=False)
    if any(len(p.word) < 2 for p in pieces):
        return False
    if len(pieces) >= 2 and all(p.flag == "ns" for p in pieces):
        return True  # places only: a place phrase (中国|长江三峡), no 字号
    if any(p.flag.startswith(_PROPER) for p in pieces):
        return False
    if len(pieces) == 1:
        return _frequency(word) > 0
    return all(_frequency(p.word) >= COMMON_WORD for p in pieces)


def _core(full: str) -> str:
    name = _PARENS.sub("", full).strip()
    while True:
        shorter = _TAIL.sub("", name)
        if shorter == name or len(shorter) < 2:
            return name
        name = shorter


def derive_short(full: str, places=None) -> str:
    """The coined short name of a registered firm name, '' when there is none.

    A place spelled by the start of a transliterated or personal name is no place
    (阿里巴巴, 保德信 and 多伦多 hold 阿里, 保德 and 多伦).

    >>> derive_short("阿里巴巴集团控股有限公司"), derive_short("保德信金融集团")
    ('阿里巴巴', '保德信金融')
    """
    places = _places() if places is None else places
    core = _COUNTRY.sub("", _core(full))
    for prefix in places:
        if core.startswith(prefix) and len(core) - len(prefix) >= 2:
            if _inside_a_name(core, prefix):
                break
            core = core[len(prefix):]
            break
    if len(core) < 2 or len(core) > 8 or _ordinary(core) \
            or core.startswith(_SCOPE_WORDS) \
            or any(core.startswith(p) and not _inside_a_name(core, p) for p in places):
        return ""
    return core


def _inside_a_name(name: str, prefix: str) -> bool:
    """True when ``prefix`` is the start of a longer personal or transliterated name that
    opens ``name`` (jieba's first word, tagged nr/nrt: 阿里巴巴, 保德信, 多伦多)."""
    import jieba.posseg
    first = next(iter(jieba.posseg.lcut(name, HMM=False)), None)
    return bool(first) and len(first.word) > len(prefix) and first.flag in ("nr", "nrt")


# the English name the world ranking gives after the Chinese one: 苹果公司（APPLE)
_ENGLISH = re.compile(r"\s*[（(][^\u4e00-\u9fff]*$")


def table_names(markdown: str) -> list:
    """The firm names of a markdown ranking table (second column of rows opening with a
    rank number), without an English name in brackets at the end.

    >>> table_names("|排名|公司名称|\\n|---:|:---|\\n|1|甲乙有限公司|\\n|2|丙丁公司（BING DING)|")
    ['甲乙有限公司', '丙丁公司']
    """
    names = []
    for line in markdown.splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) >= 2 and cells[0].isdigit() and cells[1]:
            names.append(_ENGLISH.sub("", cells[1]))
    return names


def build_rows(sources: dict) -> list:
    """(short, full, lists) rows from ``{list tag: markdown}``; one row per full name."""
    places = _places()
    lists: dict = {}
    for tag, markdown in sources.items():
        for name in table_names(markdown):
            lists.setdefault(name, set()).add(tag)
    return [(derive_short(full, places), full, ",".join(sorted(tags)))
            for full, tags in sorted(lists.items())]


if __name__ == "__main__":  # python loaders/gazetteer_firms.py chn500=a.md fic500=b.md …
    texts = {}
    for arg in sys.argv[1:]:
        tag, path = arg.split("=", 1)
        with open(path, encoding="utf-8") as handle:
            texts[tag] = handle.read()
    out = csv.writer(sys.stdout, delimiter="\t", lineterminator="\n")
    out.writerow(["short", "full", "lists"])
    out.writerows(build_rows(texts))
