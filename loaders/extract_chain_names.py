"""What a chain spelled out in a sentence is called: the industry the text names with it.

In the order a reader looks for it:

1. the industry written between the links and 产业链 (“传感器材料—…”的**物联网**产业链);
2. the industry written right before the links (力促**氢能**“制储输加用”全产业发展,
   形成**氢燃料电池汽车**“核心零部件+整车”产业链) — the noun phrase that governs them;
3. the one industry the sentence names before the chain (培育壮大**低空经济**,构建“材料—…”全产业链);
4. the field of the passage (a heading such as 应用电子。, or 在X方面);
5. the word most of its links share (**锂电池**原料、电池材料、**锂电池**、应用产品和**锂电池**回收:
   a chain is the making of one product, and its links are often named after it);
6. the chain template most of whose links the chain's links are (工业硅—组件 are 光伏's
   硅料 and 组件): the chain is called by the template's name, and ``named`` is False —
   the text wrote no industry, so no Industry node is made of it;
7. else the chain is named by its first and last links (整车—后市场), ``named`` False. A
   placeholder such as 产业 would merge every unnamed chain of every document into one.

>>> chain_name("力促氢能“制储输加用”全产业发展。", 4, list("制储输加用"), "", "专项债券投向")
('氢能', True)
>>> chain_name("推动锂电池原料、电池材料、锂电池和锂电池回收全产业链发展。", 2,
...            ["锂电池原料", "电池材料", "锂电池", "锂电池回收"], "", None)
('锂电池', True)
>>> chain_name("已形成“工业硅—组件”全产业链。", 4, ["工业硅", "组件"], "", None)
('光伏', False)
>>> chain_name("已基本形成“甲乙-丙丁-后市场”发展格局。", 5, ["甲乙", "丙丁", "后市场"], "", None)
('甲乙—后市场', False)
"""
from __future__ import annotations

import re
from functools import lru_cache

from kg.loaders.extract_industry_filters import (CJK, VERB_START, industry_name, industry_ok,
                                                 phrase_start, pos_tags, regional, verb_inside)

_WORD_CHAR = re.compile(CJK)
_ONE_CHARACTER = re.compile(r"[\u4e00-\u9fff]")
BEFORE_MAX = 12  # characters looked back for the industry before the links
# Stages every chain has, named alike whatever it makes: never the product a chain is of.
STAGE_WORDS = frozenset({"材料", "原料", "辅料", "设备", "装备", "零部件", "部件", "元器件", "器件",
                         "系统", "集成", "应用", "服务", "产品", "制造", "加工", "研发", "设计",
                         "运营", "回收", "利用", "配套", "终端", "整机", "模组", "封装", "测试",
                         "中间体", "成品", "半成品"})


def chain_name(text: str, begin: int, links: list, stated: str, field: str | None,
               named=()) -> tuple:
    """(name, named): what the chain whose links start at ``text[begin]`` is called;
    ``stated`` is what the text writes between the links and 产业链 ("" for nothing),
    ``field`` the passage's field, ``named`` the industries the sentence names before the
    chain (one of them, alone, is the chain's). The second item is False for a name made
    of the links."""
    if _ONE_CHARACTER.fullmatch(stated):  # 铜产业链, 铝产业链: a trade of one character
        return stated, True
    alone = named[0] if len(set(named)) == 1 else ""
    for name in (stated, industry_before(text, begin), alone, field or "", shared_word(links)):
        name = industry_name(name) if name else ""
        if _usable(name):
            return name, True
    return template_named(links) or f"{links[0]}—{links[-1]}", False


def template_named(links: list) -> str:
    """The name of the shipped chain template whose links' names, aliases or keywords at
    least two and half of ``links`` are, the one with most such links; "" when none. A
    stage every chain has (原料, 中间体, 成品, 零部件) tells no template.

    >>> template_named(["工业硅", "组件"]), template_named(["甲乙", "组件"])
    ('光伏', '')
    """
    best = (0, "")
    for name, terms in _template_link_terms():
        hits = sum(1 for link in links if link not in STAGE_WORDS
                   and any(link in words for words in terms))
        if hits >= 2 and hits * 2 >= len(links) and hits > best[0]:
            best = (hits, name)
    return best[1]


@lru_cache(maxsize=1)
def _template_link_terms() -> tuple:
    """(template name, [each link's name, aliases and keywords]) of the shipped templates."""
    from kg.loaders.templates import shipped_loaded
    return tuple((t.name, [{ln.name, *ln.aliases, *ln.keywords} for ln in t.links])
                 for t in shipped_loaded())


def industry_before(text: str, begin: int) -> str:
    """The industry named right before the links (an opening quote skipped), once the
    words that govern it (力促, 形成, 已基本形成 …) are cut off; "" when there is none.

    >>> industry_before("形成氢燃料电池汽车“核心零部件+整车”产业链", 10)
    '氢燃料电池汽车'
    >>> industry_before("的龙头带动锂电池原料", 5)
    ''
    """
    end = begin
    if text[end:end + 1] not in ("“", '"') and text[end - 1:end] in ("“", '"'):
        end -= 1  # the links start after the quote: the industry ends before it
    start = end
    while start > 0 and end - start < BEFORE_MAX and _WORD_CHAR.match(text[start - 1]):
        start -= 1
    if end - start < 2:
        return ""
    start = phrase_start(text, start, end)
    name = industry_name(text[start:end])
    return name if _usable(name) else ""


def shared_word(links: list) -> str:
    """The longest word (whole words of the links, two or more characters, not a stage
    such as 材料 or 设备) that at least half of the links, and two of them, hold; ties go
    to the one more links hold, then to the first written.

    >>> shared_word(["锂电池原料", "电池材料", "锂电池", "应用产品", "锂电池回收"])
    '锂电池'
    >>> shared_word(["正极材料", "负极材料", "储能电芯", "储能电站"])
    '储能'
    >>> shared_word(["整车", "零部件", "后市场"])
    ''
    """
    need = max(2, -(-len(links) // 2))
    held: dict = {}
    for number, link in enumerate(links):
        for word in _words(link):
            held.setdefault(word, [0, number])[0] += 1
    best = [(len(w), n, -first, w) for w, (n, first) in held.items()
            if n >= need and w not in STAGE_WORDS and _usable(w)]
    return max(best)[3] if best else ""


def _words(link: str) -> set:
    """Runs of whole words of ``link`` (jieba's dictionary), two characters or more:
    正极材料 → 正极, 材料, 正极材料 (never 极材料)."""
    tokens = [word for word, _ in pos_tags(link)]
    runs = ("".join(tokens[i:j]) for i in range(len(tokens)) for j in range(i + 1, len(tokens) + 1))
    return {run for run in runs if len(run) >= 2}


def _usable(name: str) -> bool:
    """A name that can stand for an industry: a trade or product, not a verb, place or clause."""
    return bool(name) and industry_ok(name) and not regional(name) and not verb_inside(name) \
        and not VERB_START.match(name)
