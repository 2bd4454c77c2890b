"""Business scope (经营范围) read clause by clause: what a firm makes, and what it only sells.

A scope is a licence written in a fixed register: clauses separated by ；。 or numbered items,
each naming products and the verbs done to them (“汽车配件制造、销售”, “销售：电子产品”). A
product is a firm's line of business only where a making verb governs it; the same product
under 销售/批发/代理 is trade, under 维修/安装 service. :func:`clauses` splits a scope into
:class:`Clause` rows with the clause's verb class:

- ``make``: 生产 制造 加工 组装 … (the firm makes it);
- ``develop``: 研发 开发 设计 研制 … without making (a brand owner or a lab: weaker);
- ``sell``: 销售 批发 零售 代理 租赁 投资 维修 安装 咨询 … with no making verb;
- ``none``: no verb at all (a product list such as “汽车零部件”, read as a weak making cue).

>>> [(c.text, c.kind) for c in clauses("汽车配件制造、销售；五金交电批发；技术咨询")]
[('汽车配件制造、销售', 'make'), ('五金交电批发', 'sell'), ('技术咨询', 'sell')]
>>> [c.kind for c in clauses("制造、加工：轴承，汽车配件；经营本企业自产产品的出口业务")]
['make', 'make', 'sell']
>>> [c.kind for c in clauses("经营本企业生产、科研所需的仪器仪表的进口业务")]
['sell']
"""
from __future__ import annotations

import re
from dataclasses import dataclass

# Verb classes of the scope register. Making verbs are the ones the 国民经济行业分类 uses for
# manufacturing (制造, 加工) and the licence forms for production; 研发/设计 alone describe a
# firm that designs but may not make; the rest are trade verbs. 服务/运营/检测 are left out:
# for a service link (定位服务, 加氢站运营) the service is the product.
MAKE_VERBS = ("生产", "制造", "加工", "组装", "装配", "铸造", "锻造", "冲压", "精加工", "制作",
              "研制生产", "开发生产", "封装", "提纯", "冶炼", "合成")
DEVELOP_VERBS = ("研发", "研制", "开发", "设计", "研究", "试制")
SELL_VERBS = ("销售", "批发", "零售", "经销", "代理", "代销", "租赁", "出租", "投资", "维修",
              "修理", "安装", "咨询", "进出口", "经营", "回收", "配送", "仓储", "推广",
              "转让", "培训", "展览", "中介", "发布", "施工")

_SENTENCE = re.compile(r"[；;。\n]+|(?<![0-9])[0-9０-９]{1,2}[、.．)）](?![0-9])|[（(][0-9一二三四五六七八九十]+[)）]")
_PIECE = re.compile(r"[，,]")
_BRACKETS = re.compile(r"[（(][^（()）]*[)）]")  # exclusions: （不含…）（除外）（凭许可证经营）
# licence boilerplate of the import-export right: “生产、科研所需的原辅材料…的进口业务” and
# “本企业自产产品…的出口业务” name what the firm buys or exports, not what it makes
_BOILERPLATE = re.compile(r"(生产、?科研|生产|科研)所需|自产产品")
_VERB = re.compile("|".join(sorted({*MAKE_VERBS, *DEVELOP_VERBS, *SELL_VERBS}, key=len,
                                   reverse=True)))


_MAKE, _DEVELOP, _SELL = frozenset(MAKE_VERBS), frozenset(DEVELOP_VERBS), frozenset(SELL_VERBS)


@dataclass(frozen=True)
class Clause:
    """One clause of a scope: its text, verb class, and the sentence it is in (0 = the
    scope's first line, where a licence names the firm's main business)."""

    text: str
    kind: str
    order: int


def verb_kind(text: str) -> str:
    """``make``, ``develop``, ``sell`` or ``none``: the strongest verb class in ``text``.

    >>> verb_kind("电机、泵的制造、销售"), verb_kind("电子产品的研发"), verb_kind("汽车销售")
    ('make', 'develop', 'sell')
    """
    found = set(_VERB.findall(text))
    if not found:
        return "none"
    if found & _MAKE:
        return "make"
    if found & _DEVELOP:
        return "develop"
    if found & _SELL:
        return "sell"
    return "none"


def _leading_verb(text: str) -> bool:
    """A clause written verb first (“制造、加工：轴承”) governs the pieces after it."""
    head, sep, _ = text.partition("：") if "：" in text else text.partition(":")
    return bool(sep) and verb_kind(head) != "none"


def clauses(scope: str) -> list:
    """The clauses of a business scope, in order, each with its verb class.

    A sentence (；。 or a numbered item) splits at commas into pieces; a piece with no verb
    takes the class of the piece before it when that one was written verb first
    (“销售：电子产品，电子元件”), else the class of the next piece with a verb
    (“轴承，汽车配件制造”), else the sentence's own class. Bracketed exclusions are dropped.
    """
    rows = []
    for order, sentence in enumerate( s for s in _SENTENCE.split(_BRACKETS.sub("", scope or "")) if s and s.strip(" 　、:：，,")):
        pieces = [p.strip(" 　、:：") for p in _PIECE.split(_BOILERPLATE.sub("", sentence))]
        pieces = [p for p in pieces if p]
        kinds = [verb_kind(p) for p in pieces]
        whole = verb_kind(_BOILERPLATE.sub("", sentence))
        lead = None
        for i, piece in enumerate(pieces):
            kind = kinds[i]
            if kind != "none":
                lead = kind if _leading_verb(piece) else None
            elif lead is not None:
                kind = lead
            else:
                after = next((k for k in kinds[i + 1:] if k != "none"), None)
                kind = after or whole
            rows.append(Clause(piece, kind, order))
    return rows


_SHORT_ITEM = re.compile(r"[\u4e00-\u9fff]{2,4}")


def distributed(text: str, tails=None) -> list:
    """(modifier, rest, phrase) for coordinations whose head is shared: in “汽车、摩托车配件”
    the head 配件 belongs to both, so 汽车配件 is said too. A short item (2–4 characters)
    before 、 is joined to each tail of the next item; only the next one, as a longer list
    (“汽车、金属材料、电子计算机及配件”) no longer shares one head. ``tails``, when given, maps
    a modifier to the endings that make it a keyword ({"汽车": {"配件", …}}): only those
    phrases are made.

    >>> [p for _, _, p in distributed("汽车、摩托车配件")][:3]
    ['汽车托车配件', '汽车车配件', '汽车配件']
    >>> distributed("汽车、摩托车各类齿轮", {"汽车": {"齿轮"}})
    [('汽车', '齿轮', '汽车齿轮')]
    """
    if "、" not in text:
        return []
    items = [i.strip(" 　") for i in text.split("、")]
    out = []
    for first, nxt in zip(items, items[1:]):
        if not _SHORT_ITEM.fullmatch(first) or len(nxt) <= 2:
            continue
        ends = None if tails is None else tails.get(first)
        if tails is not None and not ends:
            continue
        for k in range(1, len(nxt) - 1):
            rest = nxt[k:]
            if ends is None or any(rest.startswith(e) for e in ends):
                out.append((first, rest, first + rest))
    return out


def makes_anything(scope: str) -> bool:
    """True when some clause of ``scope`` makes or develops something (not trade only).

    >>> makes_anything("汽车销售；汽车租赁"), makes_anything("汽车配件生产")
    (False, True)
    """
    return any(c.kind in ("make", "develop") for c in clauses(scope))


__all__ = ["Clause", "DEVELOP_VERBS", "MAKE_VERBS", "SELL_VERBS", "clauses", "distributed",
           "makes_anything", "verb_kind"]
