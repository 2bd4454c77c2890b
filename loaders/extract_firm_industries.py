"""The trade a sentence gives the firms it lists: the noun phrase that heads the list.

It is kept apart from the ``industry`` of the passage's field (``stated_industry``): it says
what the firm makes and places it on chain links; the field says what a target is sought
for (:mod:`kg.targets` reads that).

Two constructions of Chinese planning and news text say what a list of firms makes,
whatever field the paragraph is about:

- a list named as the head of a trade: 以台积电、中电科等为龙头的晶圆制造业 /
  以奇瑞汽车为代表的整车企业 (以 … 为龙头|代表|引领|核心|骨干 的 X业|X企业);
- a list closed by 等 and a class noun: 芯华章、芯驰科技等众多新锐集成电路企业 /
  亿邦新能源汽车、博富能电池等一批新能源汽车领域企业 / 奇瑞商用车4家整车企业
  (等 / a count, then quantifiers and modifiers, then X (领域) 企业|厂商).

X must pass :func:`industry_ok` (具有较高知名度的…企业 names no trade) and hold no word of a
firm's rank, designation or ownership (明星企业, 专精特新企业, 民营企业: :data:`FIRM_CLASSES`),
and a phrase of several trades (驾舱、感知、动力企业) gives none.

>>> from kg.loaders.sentences import split_sentences
>>> from kg.loaders.mentions import Mention
>>> s = split_sentences("形成了以台积电、中电科等为龙头的晶圆制造业。")[0]
>>> firms = [Mention("Firm", "台积电", s, 4, 7, {}), Mention("Firm", "中电科", s, 8, 11, {})]
>>> list_industries(s, firms)
>>> [m.props["stated_industry"] for m in firms]
['晶圆制造', '晶圆制造']
"""
from __future__ import annotations

import re

from kg.loaders.extract_industry_filters import CJK, industry_name, industry_ok
from kg.loaders.extract_industry_trades import EXEMPLAR

# The classes firms are sorted into by rank, designation, size or ownership, not by what
# they make (the designations of China's enterprise policy: 高新技术企业, 专精特新 and its
# 小巨人, 单项冠军, 瞪羚 and 独角兽, 规上; ownership: 国有, 民营, 外资 …)
FIRM_CLASSES = ("明星", "标杆", "示范", "冠军", "专精特新", "小巨人", "瞪羚", "独角兽", "高新技术",
                "科技型", "创新型", "规上", "规模以上", "上市", "国有", "民营", "外资", "外商", "合资",
                "台资", "港资", "央企", "中央", "地方", "中小", "大中型", "小微", "成长型", "优秀",
                "品牌", "企业")
_JOIN = re.compile(r"[、和及与]|以及")
# what a list's head may say of its firms before naming the trade: how many, how good
_COUNT = r"(?:一批|一大批|众多|多家|诸多|一系列|[0-9]+余?家|[一二三四五六七八九十百]+余?家)?"
_QUALITY = (r"(?:新锐|知名|优质|重点|骨干|龙头|领军|头部|链主|国内外|国内|国际|全球|世界|全国|中国|行业|"
            r"一流|一线|本土|高成长|领先|大型|重大)*")
# a rank (500强) or words of quality alone (骨干) name no trade
_RANK = re.compile(r"[0-9一二三四五六七八九十百千]+强|^" + _QUALITY[:-1] + "+$")
_TRADE = "(" + CJK + r"{2,12}?)"
_CLASS = r"(?:领域|行业)?(?:龙头|骨干|领军|头部|链主|重点|核心|配套|关键|代表性)?(?:企业|厂商|厂家)"
# …等为龙头的 X业 / …为代表的 X企业: the list is the head of the trade X
_HEAD_OF = re.compile(r"等?" + EXEMPLAR + _TRADE
                      + r"(?:企业|厂商|(?:产业|行业|业)(?=[,。;、]|以及|和|$))")
# …等众多新锐集成电路企业 / 4家整车企业: the list is of firms of the trade X
_OF_TRADE = re.compile(r"(?:等|(?=[0-9一二三四五六七八九十]))" + _COUNT + _QUALITY + _TRADE + _CLASS)


def list_industries(sentence, mentions: list) -> None:
    """Set ``stated_industry`` on each firm of a list the sentence heads with a trade."""
    firms = sorted((m for m in mentions if m.label == "Firm"), key=lambda m: m.i)
    text = sentence.text
    for run in _runs(text, firms):
        trade = _trade_after(text, run[-1].j)
        if trade:
            for m in run:
                m.props["stated_industry"] = trade


def _runs(text: str, firms: list) -> list:
    """The firms in lists: runs of firm mentions joined by 、/和/及/与/以及 only."""
    runs, run = [], []
    for m in firms:
        if run and _JOIN.fullmatch(text[run[-1].j:m.i] or "-"):
            run.append(m)
            continue
        if run:
            runs.append(run)
        run = [m]
    if run:
        runs.append(run)
    return runs


def _trade_after(text: str, end: int) -> str | None:
    """The trade the words after a list's last firm give the list, else None.

    >>> _trade_after("华勤、龙旗等一批新能源汽车领域企业。", 5), _trade_after("甲等一批明星企业。", 1)
    ('新能源汽车', None)
    """
    match = _HEAD_OF.match(text, end) or _OF_TRADE.match(text, end)
    if match is None:
        return None
    name = re.sub("(?:产业链|产业)$", "", industry_name(match.group(1)))
    if name.endswith("制造业") or name.endswith("服务业"):
        name = name[:-1]
    if any(word in name for word in FIRM_CLASSES) or _RANK.search(name) or not industry_ok(name):
        return None
    return name
