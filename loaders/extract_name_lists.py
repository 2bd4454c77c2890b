"""Enumerations (A、B、C等…企业): each item typed by its suffix or by the list's head noun.

An item without a typed suffix takes its type from the head noun after 等 or from its
neighbours (a list most of whose items are firms or zones); a firm's role comes from the
trigger that introduces the list.

>>> from kg.loaders.sentences import split_sentences
>>> s = split_sentences("大力引进三一重工、中联重科等龙头企业。")[0]
>>> found = []
>>> list_items(s.text, 0, len(s.text), s, "", found)
>>> [(m.label, m.name, m.props["role"]) for m in found]
[('Firm', '三一重工', 'target'), ('Firm', '中联重科', 'target')]
"""
from __future__ import annotations

import re
from functools import cached_property
from dataclasses import dataclass

from kg.loaders.extract_firms import (COMMON_WORD, TRADE_WORDS, _frequency, coined, count_cut,
                                      firm_like, one_thing_word)
from kg.loaders.extract_known import known_firms, known_prefix
from kg.loaders.extract_roles import COOPERATE, FIRM_PARTY_END, SETTLED_AFTER, clause_role
from kg.loaders.lexicon import head_type, is_generic, suffix_length, suffix_matches, suffix_type
from kg.loaders.mentions import Mention, split_depth0
from kg.loaders.extract_name_bounds import MAX_NAME, strip_predicate, trim_start
from kg.loaders.extract_name_checks import dictionary_words, list_role, phrase_not_name, valid_name
from kg.loaders.extract_name_firms import (CHEMICAL_END, listed_works_firm, product_item,
                                          product_named, product_terms, works_of_firm)
from kg.loaders.extract_name_places import (only_places, place_name, region_names, region_prefixed,
                                            works_place_prefixed, zone_place_prefixed)
from kg.loaders.extract_name_suffix import event_start, find_name_start
from kg.loaders.extract_name_works import (BUILD, CAPACITY_UNIT, PUBLIC_WORKS, TRADE_OFFICE, WORKS,
                                          hospital_in_use, project_ok)


@dataclass
class _List:
    """One enumeration being typed: its text, closing, head noun, role and kind of list."""

    text: str
    sentence: object
    items: list
    cut: int
    tail: str
    head: tuple | None
    role: str
    firms: bool
    zone_list: bool

    @cached_property
    def mostly_phrases(self) -> bool:
        """True when two thirds or more of the items (three or more) are phrases of the
        language (胶膜、支架、焊带、电池、组件等…企业): the list names the kinds of firm, and a
        product word the dictionary lacks (焊带) is one more kind, not a 字号."""
        items = [self.text[a:b] for a, b in self.items]
        return len(items) >= 3 and sum(map(_kind_of_product, items)) * 3 >= len(items) * 2


def _kind_of_product(item: str) -> bool:
    """True when an item is a phrase of the language or a kind of part or device (车载|控制器,
    …零部件): what firms make, no 字号 (…电器 is how firms are named, 格力电器)."""
    return phrase_not_name(item) or bool(re.search(r"(?<!电)器$|零部件$|配件$|剂$|膜$", item))


# A verb of covering right before a list (涵盖, 涉及, 覆盖): its items are the fields covered.
_COVERS = re.compile(r"(?:涵盖|涉及|覆盖|涵括)了?$")


# A verb of distance or travel right before a list (距离, 毗邻, 赴): its items are places
# and landmarks, which the region reader finds; none is a works or a firm of the text.
_TOWARDS = re.compile(r"(?:距离|毗邻|临近|靠近|紧邻|赴|前往)$")


# Landforms and kinds of place a list may close on (四大流域, 水系, 山脉; 等重点口岸, 商圈): its
# items are rivers, lakes, mountains, border ports or business districts.
_LANDFORMS_AFTER = re.compile(r"(?:等)?(?:[\d一二三四五六七八九十两]+大?)?(?:重点|核心)?"
                              r"(?:流域|水系|干流|支流|河流|湖泊|山脉|口岸|商圈|街区|景区)")


# Two lists in one clause, the first closed by its head and joined to the second (甲、乙等
# 龙头企业|和|丙、丁等配套企业): each is a list of its own.
_TWO_LISTS = re.compile(r"(等[^、,;。等]{0,8}?(?:企业|公司))(?:和|及|以及|与)(?=[^,;。]*、)")


def list_items(text: str, c_start: int, c_end: int, sentence, before: str, out: list) -> None:
    """The items of an enumeration in one clause, typed by suffix or head noun."""
    joint = _TWO_LISTS.search(text, c_start, c_end)
    if joint and "、" in text[c_start:joint.start()]:
        list_items(text, c_start, joint.end(1), sentence, before, out)
        list_items(text, joint.end(), c_end, sentence, before + text[c_start:joint.end()], out)
        return
    items = split_depth0(text, "、", c_start, c_end)
    if not items:  # a clause of nothing but 、
        return
    items, cut, tail = _close_list(text, items, c_end)
    if items is None or _LANDFORMS_AFTER.match(tail):
        return  # 黄河、淮河、海河、长江四大流域: rivers, though one is a firm's short name too
    items = _from_last_verb(text, items)
    head = head_type(tail) if cut >= 0 else None
    first_start, first_end = items[0]
    lead = trim_start(text, first_start, first_end)
    if first_end - lead < 2 and len(items) >= 2:
        # the governing word ate the whole first item: its last boundary is part of the
        # name (美的, 好想你), the item is what the boundary before it leaves
        lead = trim_start(text, first_start, first_end, keep=2)
    if _EXEMPLAR_FRAME.match(tail):
        lead = max(lead, _after_yi(text, lead, first_end))  # 以|甲、乙为代表的…
        named = [text[a:b] for a, b in [(lead, first_end)] + items[1:]]
        firms = sum(n in known_firms() or firm_like(n) and not n.endswith(("公司", "集团", "企业"))
                    for n in named)  # (跨国公司, a kind of firm, is no exemplar's name)
        if firms >= 2 and firms * 2 >= len(named):
            head = ("Firm", None)  # 甲、乙为代表的新材料产业: firms that exemplify it
    capacity = _CAPACITY_WORKS.search(text, first_start, first_end) if head == ("Project", None) else None
    if capacity and capacity.end() == first_end and capacity.start() < lead:
        lead = capacity.start()  # 6万吨|电解锰、…等项目: the figure opens the first works too
    items[0] = (lead, first_end)
    governed = before + text[c_start:lead]
    if _COVERS.search(governed):
        head = ("Industry", None)  # 涵盖甲、乙等项目: what the projects cover, fields
    elif _TOWARDS.search(governed):
        head = ("Region", "near")  # 距离甲机场、乙港等枢纽: places one is near or goes to
    projects = _PROJECTS_BEFORE.search(before + text[c_start:lead])
    if head is None and _FIRMS_AFTER.match(text, c_end + 1):
        head = ("Firm", None)  # 甲、乙、丙,均为动力电池配套企业: the next clause says what they are
    elif head is None and projects:
        head = ("Project", None)  # 新开工项目120个,包括甲、乙等: the items are those projects
    honour = _HONOURED.search(text, items[-1][0] + 2, items[-1][1]) if cut < 0 else None
    if honour and not _CLUSTER_HONOUR.match(text, honour.end(), c_end):
        # no 等: the last item's predicate is what the list won (…、乙酉医药|获评…); what only
        # trades and places win (…入选国家产业集群) leaves the list to the other readers
        items[-1] = (items[-1][0], honour.start())
        tail = text[honour.start():c_end]
    role = clause_role(before + text[c_start:lead], tail) or \
        list_role(text, before + text[c_start:lead], tail) or ("local" if projects else None)
    if role == "target" and SETTLED_AFTER.match(text, items[-1][1]):
        role = "local"  # 吸引甲、乙等行业巨头,|相继在宜春落子: the attraction is done
    items = _join_event_names(text, items, sentence, out)
    # a list most of whose items are zones by their type (甲新区、乙高新区、…): a place-named
    # item without a zone type is a zone too (佛山三龙湾, 江门大广海湾)
    zones = sum(1 for a, b in items if suffix_type(text[a:b])[0] == "Zone")
    zone_list = zones >= 2 and zones * 2 >= len(items) and head in (None, ("Zone", None))
    firms = (head is None or head[0] == "Firm") and role in ("local", "target") \
        and _firm_list(text, items)
    if firms or head is not None and head[0] == "Firm":
        items = _firm_items(text, items)
    ctx = _List(text, sentence, items, cut, tail, head, role, firms, zone_list)
    partners = _partners_from(text, lead, first_end, tail)
    for i, j in items:
        works = _listed_works(ctx, i, j)
        mention = _list_item(ctx, i, j) if not works else None
        if mention is not None:
            if mention.label == "Firm" and mention.i >= partners:
                mention.props["role"] = "other"
            out.append(mention)
        out += works


def _works_firm_role(ctx: "_List", role):
    """The role of a firm named as an item of a list of works: local where its works are
    built here (甲、乙等项目提速建设, GOLD-SCHEMA), whatever attracting came before (招大引强…
    重点推进甲、乙等重大项目建设); target where the works are still negotiated (甲、乙等项目正
    跟踪洽谈中: their firms are courted)."""
    if _NEGOTIATED.match(ctx.tail):
        return "target"
    if role in (None, "other") or re.match(r"[^,;。]{0,12}项目(?:的)?(?:建设|开工|投产|竣工)", ctx.tail):
        return "local"
    return role


# Works still being negotiated (…等项目正积极跟踪洽谈中, …等项目在谈): not yet settled here.
_NEGOTIATED = re.compile(r"[^,;。]{0,14}项目[^,;。]{0,8}(?:洽谈|在谈|对接|跟进|跟踪)")


def _listed_works(ctx: "_List", i: int, j: int) -> list:
    """In a list of works (甲、乙等项目), an item named as reports name works — place, 字号,
    product (任泽乐通金属材料) — is a works, and its 字号 the firm that builds it."""
    if ctx.head != ("Project", None):
        return []
    text = ctx.text
    i = _item_start(text, i, j)
    name = text[i:j]
    if strip_predicate(text, i, j) != j:
        return []  # (…祖代场建设: a predicate closes the item; _list_item cuts it)
    zoned = _zone_then_works(ctx, i, j)
    if zoned:
        return zoned
    firm = listed_works_firm(name)
    if firm is None or not valid_name(name, "Project") or not project_ok(name, listed=True):
        return []
    start, end = i + firm[0], i + firm[1]
    return [Mention("Project", name, ctx.sentence, i, j, {"firm_read": True}),
            Mention("Firm", text[start:end], ctx.sentence, start, end,
                    {"role": "local" if ctx.role in (None, "other") else ctx.role, "inside": True})]


# Zone types that open a works' item as its site (长德开发区|京东长春亚洲一号).
_ZONE_TYPE = r"(?:经济技术开发区|经济开发区|高新区|经开区|开发区|产业园区|工业园区|产业园|工业园|新区)"
_SITE_ZONE = re.compile(r"([\u4e00-\u9fff]{2,8}?)" + _ZONE_TYPE)


def _zone_then_works(ctx: "_List", i: int, j: int) -> list:
    """In a list of works, an item that opens with the zone it stands in and goes on with a
    known firm (长德开发区|京东|长春亚洲一号): the zone, the works after it, and the firm.

    >>> from kg.loaders.sentences import split_sentences
    >>> text = "长德开发区京东长春亚洲一号、甲乙产业园等新建项目11个"
    >>> ctx = _List(text, split_sentences(text)[0], [], 17, "新建项目11个", ("Project", None),
    ...             "local", False, False)
    >>> [(m.label, m.name) for m in _zone_then_works(ctx, 0, 13)]
    [('Zone', '长德开发区'), ('Project', '京东长春亚洲一号'), ('Firm', '京东')]
    """
    text = ctx.text
    site = _SITE_ZONE.match(text, i, j)
    if not site or j - site.end() < 3 or text[site.end()] in "(“、":
        return []
    zone, works = text[i:site.end()], text[site.end():j]
    known = known_prefix(works)
    if not known:  # without a known firm the zone names the works (…产业园|第三污水处理厂,
        # …开发区|产教融合实训基地: a phrase, whose first characters no 字号 can be told from)
        return []
    if is_generic(zone) or not valid_name(zone, "Zone") \
            or not (region_prefixed(zone) or coined(site.group(1))):
        return []  # (a place or a coined name before the type: 长德, 空港 is a word, 市 a cut)
    if suffix_type(works)[0] == "Firm" or not valid_name(works, "Project") \
            or not project_ok(works, listed=True) or dictionary_words(works):
        return []
    return [Mention("Zone", zone, ctx.sentence, i, site.end(), {}),
            Mention("Project", works, ctx.sentence, site.end(), j, {"firm_read": True}),
            Mention("Firm", works[:known], ctx.sentence, site.end(), site.end() + known,
                    {"role": _works_firm_role(ctx, ctx.role), "inside": True})]


def _partners_from(text: str, lead: int, first_end: int, tail: str) -> int:
    """Where a firm's partners start in a list that a firm opens with 与 and a clause of
    cooperation closes (太重集团与|大唐、华润…开展战略合作: the firm's partners are the schema's
    "other", not the place's firms); past the text when there is no such party.

    >>> t = "太重集团与大唐、华润"
    >>> _partners_from(t, 0, 7, "等企业开展战略合作"), _partners_from(t, 0, 7, "等企业落户")
    (5, 10)
    """
    party = _FIRM_PARTY.match(text, lead, first_end)
    head = re.split(r"[,;。]", tail, maxsplit=1)[0]
    return party.end() if party and COOPERATE.search(head) else len(text)


_FIRM_PARTY = re.compile(r"[^、,;。]{2,12}?" + FIRM_PARTY_END + "(?:与|同|和)")


def _after_yi(text: str, start: int, end: int) -> int:
    """Where a list's first item starts after the 以 of an exemplar frame (沈阳市法库县以|甲、
    乙为代表的…), else ``start``."""
    at = text.rfind("以", start, end - 2)
    return at + 1 if at >= 0 and not text.startswith(("以上", "以来", "以及"), at) else start


def _from_last_verb(text: str, items: list) -> list:
    """The items from the last one a governing verb opens: the verb starts the list, what
    stands before it is another phrase (甲、乙两大平台围绕|丙等龙头企业: the list is 丙).

    >>> t = "联东U谷、中南高科两大平台围绕惠科光电等企业"
    >>> [t[i:j] for i, j in _from_last_verb(t, [(0, 4), (5, 19)])]
    ['惠科光电']
    """
    for k in range(len(items) - 1, 0, -1):
        i, j = items[k]
        verb = None
        for verb in _LIST_VERB.finditer(text, i + 2, j):
            pass  # (the last one)
        if verb is not None and j - verb.end() >= 2:
            return [(verb.end(), j)] + items[k + 1:]
    return items


# Verbs that govern a list of names (围绕|甲、乙等企业); inside a later item they start the list
# (an item that opens with its verb, 新建甲、扩建乙, is one of a run of actions: only a verb
# after two characters of the item counts).
_LIST_VERB = re.compile(r"围绕|聚焦|依托|引进了?|引入了?|招引|瞄准|包括|涵盖")


def _list_item(ctx: _List, i: int, j: int):
    """The mention one item of a list names (typed by its suffix, else by the list), or None."""
    text, head = ctx.text, ctx.head
    if head == ("Region", "near"):
        return None  # places one is near or goes to: the region reader finds them
    i = _item_start(text, i, j)
    full = j
    title = _TITLE.search(text, i, j)
    if title and title.start() - i >= 2:
        j = title.start()  # 甲科技董事长乙: the item names a person of the firm before the title
    cut = strip_predicate(text, i, j)
    if not (text.startswith("二期项目", cut) and re.search("(?:" + WORKS + ")$", text[i:cut])):
        j = cut  # (a works' phase is the works': 漳州核电|二期项目; a firm's is its project)
    name = text[i:j]
    label, kind = suffix_type(name)
    if label == "Platform" and (PUBLIC_WORKS.search(name) and BUILD.search(text)
                                or TRADE_OFFICE.search(name)):
        label, kind = "Project", None  # a public-service centre being built, a firm's office
        # of trade (马士基亚太分拨中心): works
    if re.search(r"[和及]", name) and len(list(suffix_matches(name))) > 1:
        return None  # two names joined by 和: the suffix scan finds each
    if label in ("Platform", "Project") and head == ("Industry", None) and text[ctx.cut] == "等":
        return None  # 新材料、城市综合体等领域: fields, though one ends like a works's kind
    organ = _ZONE_ORGAN.search(name)
    organ = organ if organ and suffix_type(name[:organ.start()])[0] == "Zone" else None
    if organ:
        # 草堂科技产业园发展中心: the zone's development or service centre is its organ;
        # the zone is what the item names
        j = i + organ.start()
        name = text[i:j]
        label, kind = "Zone", None
    if label in ("Zone", "Platform", "Project"):
        bare = re.sub(r"\([^()]{1,6}\)$", "", name)
        size = suffix_length(bare)
        if not size:
            return None  # typed by a suffix inside (研究院|股份有限公司): its own reader finds it
        s_start = j - (len(name) - len(bare)) - size
        # a park in a list of projects is a project: its name starts as a project's
        # does, at the firm that builds it (铁建重工长沙第三产业园), not at its place
        as_label = "Project" if head == ("Project", None) and label == "Zone" and not organ \
            else label
        fixed = find_name_start(text, i, s_start, j, as_label)
        if kind == "event" and fixed is not None:
            fixed = event_start(text, i, fixed, j)
        if fixed is None:
            return None
        i, name = fixed, text[fixed:j]
    item_role = ctx.role
    if head is not None and head[0] == "Project" and label in ("Zone", "Platform") and not organ:
        label, kind = "Project", None
    if label is None and _clause_item(name):
        return None  # 招商人以敢闯敢拼: a set phrase of effort makes the item a clause
    if label is None:
        typed = _label_by_list(ctx, name)
        if typed is None:
            return None
        label, kind = typed
    if label is None and re.match(r"(?:成功)?上市|新三板挂牌|挂牌|获批|入选", text[j:full]):
        label, item_role = "Firm", "local"
    if label == "Firm":
        i += _after_epithet(name)  # “国家级工业设计中心”|东方麦田: a title the firm holds
        name = text[i:j]
        i += _place_before_known(name)  # 泗洪|斯迪克: a known firm's unit by its place
        j -= _place_or_office_after(text[i:j])  # 华电|榆树, 中国华能|总部: the firm's works
        name = text[i:j]
    if label not in ("Firm", "Platform", "Project", "Zone") or not valid_name(name, label) \
            and not (label == "Project" and head == ("Project", None) and capacity_works(name)):
        return None
    if label == "Project" and (not project_ok(name, listed=head is not None)
                               or hospital_in_use(name, bool(BUILD.search(text)))):
        return None
    if label == "Firm" and (_no_firm(ctx, name, i) or name in product_terms() or product_item(name)):
        return None  # (机器人、商业航天等重点项目: the templates' products, though 机器人 is a
        # listed firm's short name; 汽车芯片、锂电池隔离膜等项目: products, no 字号)
    props = {"kind": kind} if kind else {}
    if label == "Firm":
        props["role"] = _works_firm_role(ctx, item_role) if head == ("Project", None) \
            else item_role
    return Mention(label, name, ctx.sentence, i, j, props)


# A works named by its capacity and product (6万吨电解锰, 两万套铝材模具生产线, 120GWh动力电池):
# in a list of works the figure opens the name.
_CAPACITY_WORKS = re.compile(r"(?:年产)?(?:[\d.]+|[一二两三四五六七八九十百千]+)(?:万|亿)?"
                             + CAPACITY_UNIT + r"(?:/年)?[\u4e00-\u9fff]{2,16}")


def capacity_works(name: str) -> bool:
    """True when ``name`` is a capacity and a product, nothing else (6万吨电解锰).

    >>> capacity_works("6万吨电解锰"), capacity_works("两万套铝材模具生产线"), capacity_works("6万吨")
    (True, True, False)
    """
    return bool(_CAPACITY_WORKS.fullmatch(name))


# What firms are awarded or become, closing a list written without 等 (甲、乙|获评省级专精特新
# 企业, …|入选…名单, …|成功入统): the verb ends the last name and says the list's role.
_HONOURED = re.compile(r"(?:成功)?(?:获评|荣获|入选|获批|被评为|评为|上榜|入统|入规)")


_CLUSTER_HONOUR = re.compile(r"[^,;。]{0,16}(?:集群|基地|园区|示范区|开发区|高新区)")


def _after_epithet(name: str) -> int:
    """Length of a quoted title before a firm's name (“小巨人”|甲申科技, 中国设计“梦之队”|乙
    集团): firms' names hold no quotes, so the name starts after the last closing one.

    >>> _after_epithet("“小巨人”甲申科技"), _after_epithet("甲申科技")
    (5, 0)
    """
    close = name.rfind("”")
    return close + 1 if close >= 0 and len(name) - close > 2 else 0


def _item_start(text: str, i: int, j: int) -> int:
    """Where an item's name starts: after the quote of a quoted item (“甲”、“乙”; a quote that
    opens a name stays: “一带一路”侨商大会) and after the place its works stands in
    (阳明区的|辰能生物质热电联产)."""
    while i < j and (text[i] == " " or text[i] == "“" and _quoted_whole(text, i, j)):
        i += 1
    of = text.find("的", i, j)
    if of > i and j - of > 2 and only_places(text[i:of]):
        i = of + 1
    return i


def _no_firm(ctx: _List, name: str, i: int) -> bool:
    """True when an item typed a firm is none: the firms' fields (支持医药研发、中成药…等企业),
    a phrase of the language unless coined names stand beside it before 等企业 (中触媒、通用
    技术、瓦轴等重点企业: a name made of common words), or a zone's works by what it makes
    (市高新区|锂电池)."""
    text, head = ctx.text, ctx.head
    firm_head = head is not None and head[0] == "Firm"
    if firm_head and _field_item(name) or product_named(name):
        return True  # (百佳年代、光伏玻璃等…配套企业: a product of the templates, no firm)
    if re.search(r"(?:作用|效应|能力|水平|优势|功能)$", name):
        return True  # 发挥甲共同体科创大平台作用和乙等企业…: a part played, no firm's name
    area = re.match(r"[\u4e00-\u9fff]{2,4}地区", name)
    if area and phrase_not_name(name[area.end():]):
        return True  # 长三角地区|精细化工、…等企业: an area (no division a firm is registered
        # in) and a trade, the firms' field
    if not ctx.firms and (
            ctx.mostly_phrases and not firm_like(name) and name not in known_firms()
            or phrase_not_name(name) and not (firm_head and any(
                not dictionary_words(text[a:b]) for a, b in ctx.items if a != i))):
        return True
    end = i + len(name)
    if re.search(r"[我您]", name) and re.search(r"[“”]", text[max(0, i - 1):end + 1]):
        return True  # “企呼我办”等新机制: a slogan of service in quotes (it speaks as 我)
    if firm_head and one_thing_word(name) and _frequency(name) >= COMMON_WORD \
            and name not in known_firms() and not any(
                firm_like(text[a:b]) or text[a:b] in known_firms() for a, b in ctx.items if a != i):
        return True  # 危化品重大危险源、煤矿等企业: a kind of firm, one common noun (金锣 among
        # firms' names is one)
    return bool(_ZONE_INSIDE.search(name, 1)) and not re.search(r"(?:公司|集团)$", name)


def _place_or_office_after(item: str) -> int:
    """Length of what closes ``item`` after the firm it names: its headquarters (中国华能|总部)
    or, after a known firm's name, the place of its works (华电|榆树, 宁德时代|贵州基地), else 0.

    >>> _place_or_office_after("中汽新能总部"), _place_or_office_after("中汽新能")
    (2, 0)
    """
    if item.endswith("总部") and len(item) >= 4:
        return 2
    base = re.sub(r"(?:基地|工厂|分公司)$", "", item) if len(item) >= 6 else item
    return next((len(item) - n for n in range(len(base) - 2, 1, -1)
                 if item[:n] in known_firms() and place_name(base[n:])), 0)


def _place_before_known(item: str) -> int:
    """Length of a county written short or a zone (泗洪, 苏宿园区) that opens ``item`` before
    a known firm's whole name (泗洪|斯迪克, 苏宿园区|长电科技), else 0. A province or a city
    before the name is kept: firms are called so (浙江大华, 青岛海尔).

    >>> _place_before_known("泗洪斯迪克"), _place_before_known("斯迪克")
    (2, 0)
    """
    if item in known_firms():
        return 0  # 浙江龙盛 is the firm's own short name
    return next((n for n in range(min(len(item) - 2, 8), 1, -1) if item[n:] in known_firms()
                 and (place_name(item[:n]) and item[:n] not in region_names()
                      or suffix_type(item[:n])[0] == "Zone" or _ZONE_INSIDE.search(item[:n]))), 0)


# A zone's type inside an item (市高新区|锂电池, 经开区|智能装备): the item is the zone's
# works or trade; a firm's name holds none unless it ends in a legal form.
_ZONE_INSIDE = re.compile(r"高新区|经开区|开发区|工业园|产业园|园区|新区")


def _clause_item(item: str) -> bool:
    """True when an item is a clause, not a name: a preposition in it governs a verb
    (招商人以|敢闯敢拼), or it ends in a verb and its aspect (…招引了). (Idioms are no
    sign: 心连心, 好想你 are firms' names.)

    >>> _clause_item("招商人以敢闯敢拼"), _clause_item("宏景科技")
    (True, False)
    """
    from kg.loaders.extract_industry_filters import pos_tags
    words = pos_tags(item)
    tags = [flag for _w, flag in words]
    if len(words) >= 2 and words[-1][0] == "了" and words[-2][1] == "v" and len(words[-2][0]) >= 2:
        return True  # …精神|招引|了: a verb with its aspect ends a clause (乐了 is a brand)
    prep = next((k for k, (w, flag) in enumerate(words)
                 if flag == "p" and w not in ("与", "及", "和", "同", "跟")), None)
    return prep is not None and prep > 0 and "v" in tags[prep + 1:]


def _quoted_whole(text: str, i: int, j: int) -> bool:
    """True when the quote opening at ``text[i]`` closes at the item's end (or not at all),
    not inside it (“一带一路”侨商大会: the quoted words begin the name).

    >>> _quoted_whole("“甲乙”", 0, 4), _quoted_whole("“一带一路”侨商大会", 0, 10)
    (True, False)
    """
    close = text.find("”", i, j)
    return close < 0 or close >= j - 1


def _label_by_list(ctx: _List, name: str):
    """(label, kind) of an item without a typed suffix, from the list it stands in:
    (None, None) when the list says nothing, None when the item is to be dropped."""
    head, text = ctx.head, ctx.text
    if head == ("Zone", None) and re.fullmatch(r"[\u4e00-\u9fff]{2,8}区", name) \
            and not is_generic(name[:-1]) and not place_name(name) \
            and not dictionary_words(name[:-1]):
        return "Zone", None  # 灵山湾文化区、…等功能区: an area named in a list of zones (a
        # park's parts by use, 生产区、配套居住区, are kinds in ordinary words)
    if ctx.zone_list and region_prefixed(name) and 4 <= len(name) <= 10 and not place_name(name):
        return "Zone", None
    if head is not None and head[0] != "Zone":
        label, kind = head
        if label == "Platform" and (re.search(r"(?:集团|公司)$", name) or name in known_firms()):
            return "Firm", None  # 单位/机构 cover firms too: a known firm is one
        if label == "Platform" and re.match(r"(?:国家级|省级|市级|县级|国家|全国)", name) \
                and dictionary_words(name):
            return None  # 省级精细化工试点园区等平台: a designation by rank, in words of the
            # language, no carrier's own name
        if label == "Platform" and (_ordinary_words(re.sub(r"[与和及]", "", name))
                                    or dictionary_words(name) and _frequency(name) > 0):
            return None  # 生物制造、绿色农药等省实验室, 搭建小额贷款、…平台: the fields or
            # services the carriers are named by, words of the language
        if label == "Project":
            return _project_list_item(ctx, name)
        if label == "Platform" and (re.match(r"等?[\d一二三四五六七八九十两]+大", ctx.tail)
                                    or name.endswith("区") and place_name(name)):
            return None  # 技术、数据、…多式联运等7大要素交易平台: the classes counted, no names;
            # 曹妃甸区、…等平台: a district, no carrier
        return label, kind
    if ctx.cut >= 0 and text[ctx.cut] == "等" and re.match(r"^\d*家", ctx.tail) and not place_name(name):
        return "Firm", None  # (海口、…、琼海等5家市疾控中心: places, their centres counted)
    if ctx.firms and (head is None or head[0] == "Firm"):
        return "Firm", None
    return None, None


def _project_list_item(ctx: _List, name: str):
    """(label, kind) of an item of a list of projects without a works' suffix: a short item
    is its firm (甲、乙等项目) when formed like a firm name or coined; a common word (篮球)
    is neither; …等6个高铁项目, and an item naming a kind of works (东站TOD), name works,
    not their firms."""
    if zone_place_prefixed(name) and not region_prefixed(name) and _ordinary_words(name):
        return None  # 滨海旅游等项目: a place's kind of project (滨海 is a county too)
    if only_places(name):
        return None  # 北京大兴区、…等项目: a place beside the works, no works
    if re.search(r"(?:音乐会|演唱会|晚会|音乐节|艺术节|戏剧节)$", name):
        return None  # 西子廊桥盲盒音乐会等“文艺赋美”项目: a performance, no works or firm
    if any(name[:n] in region_names() and name[n:] in known_firms() for n in (2, 3, 4)):
        return "Firm", None  # 美国塞拉尼斯、山东新华医疗等: a known firm with its home, a firm
    if name.endswith("产业") and (dictionary_words(name) or _frequency(name) > 0 or not (
            known_prefix(name) or works_place_prefixed(name))):
        return None  # 先进制造、新兴产业等16个项目: a trade's projects, a kind (新兴 is a county
        # too: words of the language name no place's works)
    if ctx.role == "target" and _kind_of_works(name):
        return None  # 招引农资农具、水果综合利用等项目: the kinds of works to attract
    product = _PRODUCT_END.search(name)
    if product and name not in known_firms():
        # 凯赛癸二酸、协鑫热熔胶等项目: a works named by its product, the chemical or
        # material it makes; a product alone (己二酸、聚酯等项目, 葡萄糖酸钠: words of the
        # language) names no project
        from kg.loaders.extract_industry_filters import pos_tags
        last = pos_tags(name)[-1][0]
        head = name[:len(name) - len(last)]
        return ("Project", None) if len(head) >= 2 and not dictionary_words(head) else None
    if len(name) >= 3 and name[-1] in "东南西北" and name[-2] not in "东南西北":
        return "Project", None  # 半岛北、湛江徐闻东等海上风电项目: sites named by a compass point
    if _WORKS_ACTION_END.search(name) and len(name) >= 4:
        return "Project", None  # 甲乙熔盐技改、丙丁扩能等项目: what is done to a works names it
    if _PUBLIC_WORKS_ACTION_END.search(name) and len(name) >= 4 and not dictionary_words(name):
        return "Project", None  # 潮河总氮治理: a river's or a bank's works by what is done to
        # it (河道综合治理, in words of the language, goes on as the list says)
    if not re.search(WORKS, ctx.tail[:12]) and not re.search(WORKS, name) and (
            firm_like(name) or name in known_firms() or len(name) <= 6 and not re.search(
            r"(?:[园城区地心场厂院站馆楼路链云谷街巷河湖滩里桥坊镇]|绿道|大道|园林|外环|内环)$", name)
            and coined(name)
            and not (zone_place_prefixed(name) and not _trade_end(name))
            and not place_name(name) and not re.search(r"[至路街桥]", name)) \
            and not works_of_firm(name):
        # (a county written short, 德江, or a place's works, 郓城|新河, or a route,
        # 甲至乙, or a road's or bridge's works, 滨河东路改造, names no firm; 光明科技 is 字号 + trade word; streets, rivers and lanes,
        # 皮市街、小秦淮河、仁丰里, are places, as bridges, blocks, towns, greenways, gardens
        # and ring roads are: 长江五桥, 墨池坊, 红城古镇, 滨河绿道, 乐享园林, 东北大外环)
        if _ordinary_words(name):
            return None  # 交通设施等项目: kinds of project, neither firm nor name
        if not firm_like(name) and name not in known_firms() and (
                dictionary_words(name, 2) and not name.endswith(tuple(TRADE_WORDS))
                or _beside_route(ctx)):
            return None  # 供水供热供气等项目: kinds of works in words of the language (光明|科技
            # is a 字号 and a trade word); 北沿江、通苏嘉甬、甲乙高铁: lines named by their
            # places, the kind written once on the last
        if not (firm_like(name) or name in known_firms() or _trade_end(name)) \
                and _kinds_beside(ctx, name):
            return None  # 闲置厂房、土地、楼宇等…项目: a rare word among kinds is a kind
        if _brand_and_product(name):
            return "Project", None  # 沿浦座椅骨架: a firm's works by its product
        return "Firm", None
    if _ordinary_words(re.sub(r"[与和及]", "", name)) and not region_prefixed(name) \
            and _kinds_beside(ctx, name, most=True):
        return None  # 电缆、变压器配套原材料及组件等项目: kinds of works in ordinary words
    return "Project", None


def _brand_and_product(name: str) -> bool:
    """True when ``name`` is a coined 字号 of two or three characters and then a product in
    four or more characters of ordinary words, no trade word (沿浦|座椅骨架): the firm's
    works named by what it makes, not the firm (天顺|储能 is 字号 + trade word, a firm).

    >>> _brand_and_product("沿浦座椅骨架"), _brand_and_product("天顺储能")
    (True, False)
    """
    if firm_like(name) or name in known_firms() or name.endswith(tuple(TRADE_WORDS)):
        return False
    return any(len(name) - k >= 4 and coined(name[:k]) and dictionary_words(name[k:])
               for k in (2, 3))


def _beside_route(ctx: _List) -> bool:
    """True when an item of the list names a line by its route kind (盐泰锡常宜高铁, 沪乍杭铁路):
    the short items beside it are routes too (北沿江、通苏嘉甬、…高铁), written without it."""
    return any(re.search(r"(?:高铁|铁路|城际|高速|公路|运河|航道)$", ctx.text[a:b].split("和")[0])
               for a, b in ctx.items)


# Products of the chemical and materials trades (extract_name_firms.CHEMICAL_END).
_PRODUCT_END = CHEMICAL_END


# What is done to a works already there (技改: technical renovation; 扩能, 扩产: added
# capacity; 搬迁: relocation): an item ending so names that works, not its firm.
_WORKS_ACTION_END = re.compile(r"(?:技改|技术改造|扩能|扩产|扩建|改扩建|搬迁|提质改造|升级改造)$")
# Public works by what is done to a river, a bank or a district (潮河总氮治理, 洪汝河治理,
# 汉江堤防升级, 拆墙透绿).
_PUBLIC_WORKS_ACTION_END = re.compile(r"(?:治理|整治|修复|加固|升级|透绿)$")
# Activities a trade is named by (医药研发, 保健品生产, 医药流通): a firm's name ends in its 字号,
# a trade word or a legal form, never in one of these.
_ACTIVITY_END = re.compile(r"(?:研发|生产|流通|制造|加工|销售|种植|养殖|利用|回收|测试|应用|维修|运营)$")


def _field_item(item: str) -> bool:
    """True when a firm list's item names a field, not a firm: it ends in an activity and
    is no known firm. (Dictionary words alone are no sign: 海尔, 金锣, 通用技术 are firms.)

    >>> _field_item("医药研发"), _field_item("保健品生产"), _field_item("凯赛生物")
    (True, True, False)
    """
    if item in known_firms() or firm_like(item):
        return False
    return bool(_ACTIVITY_END.search(item))


def _kind_of_works(item: str) -> bool:
    """True when a project list's item says what kind of works, not whose: two or more words
    of the dictionary (农资|农具, 水果|综合利用: a firm's 字号 is coined), with no place or
    known firm opening it.

    >>> _kind_of_works("农资农具"), _kind_of_works("水果综合利用"), _kind_of_works("凯赛新材料")
    (True, True, False)
    """
    from kg.loaders.extract_industry_filters import pos_tags
    from kg.loaders.extract_known import first_word
    known, first = known_firms(), len(first_word(item))
    if item in known or firm_like(item) or zone_place_prefixed(item) \
            or any(item[:n] in known for n in range(max(2, first), 7)):
        return False  # (a known name opening a longer word opens no firm: 中成|药)
    return len(pos_tags(item)) >= 2 and dictionary_words(re.sub(r"[及和与]", "", item))


def _kinds_beside(ctx: _List, name: str, most: bool = False) -> bool:
    """True when another item of the list is ordinary vocabulary, no firm's name (土地 beside
    楼宇): the list names kinds of things, and a rare word in it is one more kind. With
    ``most``, every other item must be one (a list of named works holds a kind at times)."""
    from kg.loaders.extract_firms import COMMON_WORD, _frequency
    others = [ctx.text[a:b] for a, b in ctx.items if ctx.text[a:b] != name]
    kinds = [not firm_like(t) and t not in known_firms()
             and (_ordinary_words(t) or _frequency(t) >= COMMON_WORD) for t in others]
    return all(kinds) and bool(kinds) if most else any(kinds)


_ZONE_ORGAN = re.compile(r"(?:发展|服务|管理|建设)中心$")

# Officers' titles: an item "firm + title + person" names the firm before the title.
_TITLE = re.compile(r"(?:副)?(?:董事长|总经理|总裁|执行董事|董事|总监|负责人|创始人|党委书记|首席执行官|"
                    r"行长|院长|校长|所长)")
# The clause after a list that says what all its items are (,均为…企业 / 都是…公司).
_FIRMS_AFTER = re.compile(r"(?:均为|均是|均系|都是|皆为|全部为|全为)[^,;。]{0,14}(?:企业|公司|厂商|厂家)")
# A count of projects, then the list that names them (项目120个,包括甲、乙等 / 其中有甲、乙).
_PROJECTS_BEFORE = re.compile(r"项目[\d一二三四五六七八九十百千]*(?:个|项)?[^,;。]{0,8}[,:]?"
                              r"(?:其中|包括|主要包括|主要有|有|如)[:]?$")

# 等 closing a list, not 等 inside a word (高等研究院, 中等职业学校, 平等, 等级, 等于)
# (一等奖, 二等奖: 等 after a numeral ranks a prize and closes no list)
# (再等: waits; 特等奖, 特等功: the first class — a 字号 may end in 特, 耐美特等骨干)
# (等离子, 等静压: words that open with 等, no list's close; 等温 may be 等|温州)
_LIST_DENG = re.compile(r"(?<![高中同平初优上头次一二三再还])(?<!特(?=等[功座舱]))等"
                        r"(?!级|同|于|待|候|奖|离子|静压)")


# 以…为代表/为龙头/为链主的 X: the frame that holds up the list before it as X's exemplars.
_EXEMPLAR_FRAME = re.compile(r"为(?:代表|龙头|核心|引领|骨干|支撑|链主|主导|主体)")


def _close_list(text: str, items: list, c_end: int) -> tuple:
    """(items, cut, tail) of a list closed by 等 in any item (A、B等为代表的甲、乙企业) or by
    a count on its last item (A、B、C、D四大整车企业); (None, -1, "") when it is no list."""
    for k, (i, j) in enumerate(items):
        closing = _LIST_DENG.search(text, i, j)
        cut = closing.start() if closing else -1
        if cut > i:
            return items[:k] + [(i, cut)], cut, text[cut + 1:c_end]
        at = count_cut(text[i:j]) if k >= 1 else -1
        if at > 0 and head_type(text[i + at:c_end]) is not None:  # a count before a head
            frame = _EXEMPLAR_FRAME.search(text, i + 2, i + at)  # (甲、乙为代表的17个项目)
            at = frame.start() - i if frame else at
            return items[:k] + [(i, i + at)], i + at, text[i + at:c_end]
    if len(items) < 2:
        return None, -1, ""
    i, j = items[-1]
    frame = _EXEMPLAR_FRAME.search(text, i + 2, j)
    if frame:  # 以甲、乙、丙为代表的汽车及零部件: the frame closes the list of its exemplars
        return items[:-1] + [(i, frame.start())], frame.start(), text[frame.start():c_end]
    if re.search(r"的[^,;。]{0,24}(?:企业|公司|厂商)$", text[i:j]):
        # 甲、乙、丙全国前三的…龙头企业: a modifier after the last name, then the head
        mod = re.compile(r"全国|国内|全球|世界|行业|省内|国际|的").search(text, i + 2, j)
        names = [text[a:b] for a, b in items[:-1]] + ([text[i:mod.start()]] if mod else [])
        named = sum(1 for n in names if len(n) <= 8 and (firm_like(n) or coined(n)))
        if mod and named * 3 >= len(names) * 2:  # the items read as names, not qualities
            return items[:-1] + [(i, mod.start())], mod.start(), text[mod.start():c_end]
    return items, -1, ""


# A rank or place noun before the first firm of a list ends there: 链主企业比亚迪, 园区企业甲.
_RANK_NOUN = re.compile(r".*(?:企业|公司|厂商|涌现出|拥有|现有|集聚了|引入了|引进了|有)")


# A firm's epithet before its name in a list of firms: its class or rank (世界500强企业,
# 中国民营企业500强, 行业龙头, 单项冠军), not part of the name (…企业管理有限公司 is one;
# 500强|中各有20家: a ranking's place, no firm after it).
_EPITHET = re.compile(r".*(?:企业|[\d十百千]强|龙头|领军者|翘楚|单项冠军)(?!管理|集团|发展|服务|有限|股份|[中里内上各])")


def _firm_items(text: str, items: list) -> list:
    """Items of a firm list with rank nouns cut from the first and names joined by 和/及/与
    split (链主企业比亚迪和速腾聚创 → 比亚迪, 速腾聚创)."""
    out = []
    for n, (i, j) in enumerate(items):
        if n == 0:
            rank = _RANK_NOUN.match(text, i, j)
            if rank and j - rank.end() >= 2:
                i = rank.end()
        epithet = _EPITHET.match(text, i, j)
        if epithet and j - epithet.end() >= 3:
            i = epithet.end()  # 世界500强企业|吉利控股集团, 行业龙头|乙酉科技: what it is, then who
        country = _country_before(text[i:j])
        if country and text[i + country:j].endswith("公司") and j - i - country <= 6:
            j -= 2  # 美国|家乐氏|公司: the foreign firm, then the word "company"
        i += country
        join = re.search(r"以及|[和及与]", text[i:j])
        # (海辰云和|医药: a trade word alone after 和 is no second firm, 和 is in the 字号)
        if join and join.start() >= 2 and j - i - join.end() >= 2 \
                and text[i + join.end():j] not in TRADE_WORDS:
            out += [(i, i + join.start()), (i + join.end(), j)]
        elif (cut := _group_then_known(text[i:j])) is not None:
            out += [(i, i + cut), (i + cut, j)]
        else:
            out.append((i, j))
    return out


def _country_before(item: str) -> int:
    """Length of a foreign country's name that opens a firm's item (越南|FPT, 美国|康宝莱): where
    the firm comes from, no part of its name (中国 opens Chinese firms' names: 中国中铁).

    >>> _country_before("美国康宝莱"), _country_before("中国中铁"), _country_before("美的")
    (2, 0, 0)
    """
    from kg.loaders.extract_name_places import country_names
    for n in (4, 3, 2):
        if len(item) - n >= 2 and item[:n] in country_names() and item[:n] not in ("中国", "中华"):
            return n
    return 0


def _group_then_known(item: str):
    """Where a second firm starts when a group's name runs straight on into a known firm's
    (三一集团|山河智能: two firms written without a mark between), else None.

    >>> from kg.loaders.extract_known import extra_firms
    >>> with extra_firms(["宏骏科技"]):
    ...     _group_then_known("甲乙集团宏骏科技"), _group_then_known("甲乙集团科技")
    (4, None)
    """
    for match in re.finditer(r"(?:集团|公司)", item):
        rest = item[match.end():]
        if match.start() >= 2 and len(rest) >= 3 and rest in known_firms():
            return match.end()
    return None


def _trade_end(name: str) -> bool:
    """True when ``name`` ends in a trade word or a legal form (…科技, …集团)."""
    from kg.loaders.extract_firms import LEGAL_FORMS, TRADE_WORDS
    return name.endswith(tuple(TRADE_WORDS) + tuple(LEGAL_FORMS))


def _ordinary_words(item: str) -> bool:
    """True when ``item`` is made only of ordinary words of the language (交通|设施, 闲置|厂房):
    a phrase, not a coined 字号 (for which jieba finds a rare word or splits characters)."""
    import jieba
    from kg.loaders.extract_firms import COMMON_WORD, _frequency
    _frequency("")
    from kg.loaders.extract_firms import LEGAL_FORMS, TRADE_WORDS
    words = jieba.lcut(item, HMM=False)
    # 字号 + trade word or legal form (华为|科技, 卧龙|集团) is a firm's name even when the
    # 字号 is a known word
    return len(words) >= 2 and words[-1] not in TRADE_WORDS + LEGAL_FORMS and all(
        len(w) >= 2 and _frequency(w) >= COMMON_WORD for w in words)


def _firm_list(text: str, items: list) -> bool:
    """True when most items are formed like firm names (字号 + trade word), so the short
    ones between them are firms too (大陆车身、马瑞利、伯特利), or the list follows a firm noun."""
    first = _firm_items(text, items[:1])
    # (the last item's predicate is cut, as its mention's will be: 乙酉医药|获评省级…企业)
    names = [text[i:strip_predicate(text, i, j)] for i, j in first + items[1:]]
    if len(names) < 2 or any(len(n) > 14 for n in names):
        return False
    like = sum(firm_like(n) for n in names)
    # a list right after a firm noun (关联企业南洋电缆、京宇电气、远洋线缆) names firms when
    # most items end in a trade word, though a 字号 be a word of the language (南洋, 远洋)
    headed = re.search(r"(?:企业|公司|厂商)$", text[items[0][0]:first[0][0]])
    return like >= 2 and like * 2 >= len(names) or bool(headed) and sum(
        _trade_end(n) for n in names) * 2 > len(names)


def _join_event_names(text: str, items: list, sentence, out: list) -> list:
    """An expo whose own name lists fields with 、 (…矿山、工程及建筑机械展览会): the item
    with the event suffix whose name has 及/和 inside takes in the suffixless items before it.
    Returns the items left to type one by one."""
    left = list(items)
    for k in range(len(items) - 1, 0, -1):
        i, j = items[k]
        j = strip_predicate(text, i, j)
        label, kind = suffix_type(text[i:j])
        if kind != "event" or not re.search(r"[及和与]", text[i:j]):
            continue
        first = k
        while first > 0 and suffix_type(text[items[first - 1][0]:items[first - 1][1]])[0] is None \
                and items[first - 1][1] - items[first - 1][0] <= 12 and k - first < 3:
            first -= 1
        if first == k:
            continue
        start = trim_start(text, items[first][0], items[first][1]) if first == 0 else items[first][0]
        name = text[start:j]
        if len(name) <= MAX_NAME and not re.search(r"[,;:。!?《》]", name):
            out.append(Mention("Platform", name, sentence, start, j, {"kind": "event"}))
            del left[first:k + 1]
    return left
