"""Where a name starts: after the governing words, counts and quotes before it.

The patterns built from the lexicon's word lists (boundary words, leading words,
predicates, policy words) are rebuilt when a leave-one-out fold changes those lists, so
other modules read them as attributes of this module (``bounds.LEADING_RE``).

>>> text = "大力引进三一重工"
>>> text[trim_start(text, 0, len(text)):]
'三一重工'
"""
from __future__ import annotations

import re

from kg.loaders.lexicon import BOUNDARY_WORDS, LEADING, POLICY_WORDS, PREDICATES, on_fold
from kg.loaders.extract_name_places import region_names


def _compile() -> None:
    """(Re)build the patterns made from the lexicon's word lists (a fold changes them)."""
    global BOUNDARY_RE, BOUNDARY_AT, LEADING_RE, PREDICATE_RE
    # 等 closes a list, but not inside a word (高等研究院, 同等, 初等, 等离子, 等静压)
    BOUNDARY_RE = re.compile("|".join(map(re.escape, BOUNDARY_WORDS + ["的", "了"])) +
                             r"|(?<![高同初])等(?!离子|静压)"
                             # 即 "that is" after what it explains names what follows
                             # (六园即|高端化工产业园, “两翼”即|…); not in 即墨, 即时, 接诉即办
                             r"|(?<=[园区带翼核轴城”)])即(?![墨时将])")
    BOUNDARY_AT = re.compile("(?=(" + BOUNDARY_RE.pattern + "))")
    LEADING_RE = re.compile(r"(?:" + "|".join(map(re.escape, LEADING)) +
                            r"|(?:上|数|近)?[\d.一二三四五六七八九十百千万两]+(?:个|家|所|项|座|场|次|年度|季度|年|月|日|亿元|万元|支|届|宗|条|处|户|强)"
                            r"(?:左右|以上|多|余)?"
                             # a figure, not the figure of a name (5G, 3D打印)
                            r"|[\d.]+(?![A-Za-z])|[-—·、]+|约(?=[\d.])"
                            # a block's letter (B区块|凤桥新篁工业园区): a part of a plan's area
                            r"|[A-Za-z]区块"
                            # a circled list number (②|高新产业园)
                            r"|[\u2460-\u2473\u2776-\u277f]"
                            # the 好 of a verb's result (实施好|环多伦…马道, 落实好|新能源运维
                            # 中心): after a verb of doing, no name opens so (加快|好电科技 and
                            # 好想你, one word, stay)
                            r"|(?<=[施实办建做抓用管守护讲搞当营挥务设])好"
                            # a heading's number in brackets ((三)|武汉新城成效显现)
                            r"|\([一二三四五六七八九十]{1,3}\)"
                            # a kind of ceremony or working meeting, no name, held together
                            # with the named one (启动会暨|甲促进会筹备会, 签约仪式暨|乙促进会…)
                            r"|(?:[\u4e00-\u9fff]{0,2}仪式|开幕式|闭幕式|启动会|推进会|对接会|签约会|"
                            r"座谈会|发布会|见面会|恳谈会|会)暨"
                            # an investment's amount before the works it funds (总投资150亿元|
                            # 海创磷酸铁锂项目)
                            r"|(?:总|计划|协议|预计|拟)?投资(?:额)?(?:约|超|近|达|逾)?\s*[\d.]+\s*"
                            r"(?:亿|万)?元(?:人民币)?)")
    PREDICATE_RE = re.compile("(?:" + "|".join(map(re.escape, PREDICATES)) + ")+$")
    global POLICY_RE
    POLICY_RE = re.compile("|".join(map(re.escape, POLICY_WORDS)) or "(?!)")


_compile()
on_fold(_compile)

MAX_NAME = 30

# A boundary word that is part of the name when this follows it: 引导 governs a name
# (引导新航…) but a guidance fund is named by it (创业投资引导基金).
_NAME_GOES_ON = {"引导": "基金", "发动": "机", "构筑": "物", "合作开发": "区",
                 # (…综合回收利用|项目: what a works does to its material is its name's end)
                 "利用": ("项目", "工程", "基地"), "联动": ("示范区", "发展区", "区"),
                 # (…产业化建设|项目: 建设 before the works word is the works' own; so is
                 # it before a firm's word: 经开建设|集团有限公司)
                 "建设": ("项目", "工程", "集团", "有限", "股份")}


def _better_word(text: str, first_end: int, second_end: int) -> bool:
    """True when of two overlapping boundary words the second ends on a word bound of the
    text and the first does not (强力推进: 力推 ends inside 推进).

    >>> _better_word("强力推进河池市", 3, 4), _better_word("集聚集成电路", 2, 3)
    (True, False)
    """
    from kg.loaders.extract_industry_filters import word_bounds
    bounds = word_bounds(text)
    return second_end in bounds and first_end not in bounds


def _firm_ends_here(text: str, match) -> bool:
    """True when the 的 a boundary match found ends a known firm's name (芜湖|美的|厨热…):
    the name goes on through it."""
    if match.group(1) != "的":
        return False
    from kg.loaders.extract_known import known_firms
    stop = match.start() + 1
    return any(text[stop - n:stop] in known_firms() for n in (2, 3, 4) if stop >= n)


def _compass_of_a_place(text: str, match) -> bool:
    """True when a boundary that opens on a compass point (北通, 西临) takes the last
    character of a place's name (湖|北通|城: 湖北, then 通城县): the place goes on.

    >>> import re
    >>> m = re.search("(?=(北通))", "湖北通城县")
    >>> _compass_of_a_place("湖北通城县", m)
    True
    """
    at = match.start()
    return match.group(1)[:1] in "东南西北" and at >= 1 \
        and any(text[at - n:at + 1] in region_names() for n in (1, 2) if at >= n)


def _inside_known(text: str, at: int, stop: int) -> bool:
    """True when a known firm's name of four characters or more holds the boundary word at
    ``text[at:stop]`` (中国|建设|银行…: 建设银行 is a firm, its 建设 governs nothing).

    >>> _inside_known("中国建设银行股份有限公司", 2, 4), _inside_known("加快建设新区", 2, 4)
    (True, False)
    """
    from kg.loaders.extract_known import known_firms
    names = known_firms()
    return any(text[s:s + n] in names for s in range(max(0, at - 3), at + 1)
               for n in range(max(4, stop - s), 7) if s + n <= len(text))


def _inside_quote(text: str, start: int, at: int, end: int) -> bool:
    """True when ``text[at]`` is inside a quote opened after ``start`` and closed before
    ``end`` by two characters or more: the quote opens a longer name.

    >>> _inside_quote("“龙头企业—创新平台”精准对接活动", 0, 1, 17), _inside_quote("引进甲公司", 0, 0, 5)
    (True, False)
    >>> _inside_quote("“拿地即开工”", 0, 4, 7)
    False
    """
    opened = text.rfind("“", start, at + 1)
    close = text.find("”", at, end)
    return opened >= 0 and "”" not in text[opened:at] and close >= 0 and end - close > 2 \
        and text[close + 1] != "“"  # (“甲”“乙”: quoted items, one after another)


def trim_start(text: str, start: int, end: int, keep: int = 0) -> int:
    """Where a name ending at ``end`` starts: after the last governing word, leading
    prepositions and counts stripped; a boundary that would leave fewer than ``keep``
    characters is ignored (a list item is never empty, so 引进美的、… keeps 美的)."""
    last = start
    word_end = start
    for match in BOUNDARY_AT.finditer(text, start, end):
        stop = match.start() + len(match.group(1))
        if match.start() < word_end and stop > word_end and last == word_end \
                and _better_word(text, word_end, stop):
            last = start  # 强力推进: 推进 is the word, not 力推 (a bound of the sentence's words)
        elif match.start() < word_end or text.startswith(
                _NAME_GOES_ON.get(match.group(1), "\0"), stop) or _firm_ends_here(text, match) \
                or _compass_of_a_place(text, match) \
                or _inside_known(text, match.start(), stop) \
                or _inside_quote(text, start, match.start(), end):
            continue  # overlaps the word before (集聚|集成电路: no 聚集 there); a quote's own
            # words govern nothing outside it (“龙头企业—创新平台”精准对接活动)
        word_end = stop
        if last < stop <= end - keep:
            last = stop
    last = _after_adverb(text, last, end)
    while last < end:
        match = LEADING_RE.match(text, last, end)
        if not match or match.end() == last or match.end() >= end - 1:
            break
        if match.end() - last == 1 and (_word_goes_on(text, last, end)
                                        or text.startswith(("经开区", "经济"), last)
                                        or _inside_known(text, last, last + 1)):
            break  # 经|济…, 同|仁堂: the character begins a word, it is no preposition;
            # 以|岭药业: it begins a known firm's name
        if match.group() == "同" and not _CO_VERB.match(text, end):
            break  # 同纬度地区…中心建设: "the same", no "with" (同甲大学|共建 pairs a co-verb)
        last = match.end()
    return last


# The verbs "with" (同) pairs with in a clause: 同甲大学|共建, 同乙公司|签约.
_CO_VERB = re.compile(r"[^,;。]{0,6}?(?:合作|共建|签约|签订|签署|对接|联合|携手|交流|洽谈|会谈|座谈|"
                      r"开展|建立|一道|一起|共同|联手)")


# Adverbs that open or carry a clause (a closed class; jieba's tags put 高新, 高速 and 一期
# among adverbs too): what follows them may be a name, they are none.
_CLAUSE_ADVERB = re.compile(r"(?:分别|纷纷|相继|陆续|先后|现已|已经|均已|也已|都已|正在|目前|"
                            r"现在|当前|同时|此外|另外|此后|随后|其后|此前|之后)有?")


def _after_adverb(text: str, start: int, end: int) -> int:
    """After the last clause adverb (and the 有 of "there are" after it) in
    ``text[start:end]`` that leaves two characters or more (园区现已有|甲公司, 分别与|乙中心);
    ``start`` if there is none."""
    last = start
    for match in _CLAUSE_ADVERB.finditer(text, start, end):
        if match.end() <= end - 2:
            last = match.end()
    return last


def clause_adverb(word: str) -> bool:
    """True when ``word`` is a clause adverb (纷纷, 相继, 现已有): it names nothing.

    >>> clause_adverb("纷纷"), clause_adverb("现已有"), clause_adverb("分众传媒")
    (True, True, False)
    """
    return bool(_CLAUSE_ADVERB.fullmatch(word))


def _word_goes_on(text: str, at: int, end: int) -> bool:
    """True when the one character at ``text[at]`` starts a longer word of the dictionary
    (经济, 同仁堂) rather than standing alone as a preposition (与|华为)."""
    from kg.loaders.extract_known import first_word
    return len(first_word(text[at:end])) > 1


def balance(text: str, start: int, end: int) -> int:
    """Start a name after an opening quote that it does not close (“一台多峰…)."""
    name = text[start:end]
    for open_, close in (("“", "”"), ("‘", "’")):
        if open_ in name and close not in name[name.rfind(open_):]:
            return start + name.rfind(open_) + 1
        if close in name and open_ not in name[:name.find(close)]:
            return start + name.find(close) + 1
    return start


_OPENERS, _CLOSERS = "“‘(《「『【", "”’)》」』】"
# the words a bracketed detail opens on (工程（含甲水库扩建）): the detail's, not the name's
_DETAIL_OPENS = ("含", "包括", "其中", "即")


def closed_name(mention):
    """The mention with a quote or bracket it does not close cut off its ends (广东强芯”|和…,
    (含|揭阳龙颈水库扩建), or None when one is left inside (甲”“乙”: two quoted names,
    none whole); the mention itself when its marks pair up.

    >>> from kg.loaders.mentions import Mention
    >>> from kg.loaders.sentences import split_sentences
    >>> s = split_sentences("推进甲工程(含乙丙水库扩建)、“丁戊”“己庚”。")[0]
    >>> m = closed_name(Mention("Project", "(含乙丙水库扩建", s, 5, 13))
    >>> m.name, s.text[m.i:m.j]
    ('乙丙水库扩建', '乙丙水库扩建')
    >>> closed_name(Mention("Project", "丁戊”“己庚”", s, 16, 23)) is None
    True
    """
    name, text = mention.name, mention.sentence.text
    if not any(c in name for c in _OPENERS + _CLOSERS) or text[mention.i:mention.j] != name:
        return mention
    i, j = 0, len(name)
    while j - i >= 2:
        if name[j - 1] in _CLOSERS and _OPENERS[_CLOSERS.index(name[j - 1])] not in name[i:j]:
            j -= 1
        elif name[i] in _OPENERS and _CLOSERS[_OPENERS.index(name[i])] not in name[i:j]:
            i += 1
            i += next((len(w) for w in _DETAIL_OPENS if name.startswith(w, i)), 0)
        else:
            break
    if j - i < 2 or not _paired(name[i:j]):
        return None
    mention.name, mention.i, mention.j = name[i:j], mention.i + i, mention.i + j
    return mention


def _paired(name: str) -> bool:
    """True when every quote and bracket of ``name`` closes after it opens."""
    depth = dict.fromkeys(_OPENERS, 0)
    for c in name:
        if c in _OPENERS:
            depth[c] += 1
        elif c in _CLOSERS:
            opener = _OPENERS[_CLOSERS.index(c)]
            if depth[opener] == 0:
                return False
            depth[opener] -= 1
    return not any(depth.values())


FIRST_OF_KIND = re.compile(r"(?:首|第一)[条个座台所项套]")


def verb_before_place(text: str, start: int, s_start: int) -> int:
    """Start of a name after a verb of two or more characters that governs it: before the
    place the name opens with (筹办|大湾区大学), or before four characters or more (固化|
    世界传感器大会). No list needs to know the verb: jieba tags it v, and a platform's or
    project's name opens with no verb."""
    import jieba.posseg
    if s_start - start < 4:
        return start
    from kg.loaders.extract_firms import _frequency
    words = jieba.posseg.lcut(text[start:s_start], HMM=False)
    # a place, not a common noun jieba also tags as one (城市, 农村, 全国)
    if len(words) >= 2 and words[0].flag == "v" and len(words[0].word) >= 2 and (
            words[1].word in region_names() or words[1].flag == "ns" and _frequency(words[1].word) < 2000
            or s_start - start - len(words[0].word) >= 4):
        return start + len(words[0].word)
    return start


def strip_predicate(text: str, i: int, j: int) -> int:
    """End of a list item once a trailing predicate (成功上市, 建设 …) is cut off."""
    match = PREDICATE_RE.search(text, i, j)
    if match and match.start() - i >= 2:
        return match.start()
    return j


def verb_lead(text: str) -> bool:
    """True when ``text`` holds a governing verb (the name would run over it)."""
    return bool(BOUNDARY_RE.search(text))
