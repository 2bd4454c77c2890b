"""Named zones, platforms, projects and firms in a sentence, by suffix and by list.

A name ends in a typed suffix (…研究院, …经开区, …项目) and starts after the verb that
governs it; the items of an enumeration (A、B、C等…企业) take their type from their own
suffix or, lacking one, from the head noun after 等, and a firm's role from the trigger
that introduces the list (引进/对接 → target; 支持/骨干/入选 → local).

>>> from kg.loaders.sentences import split_sentences
>>> s = split_sentences("积极对接清华大学等机构,大力引进三一重工、中联重科等龙头企业。")[0]
>>> [(m.label, m.name, m.props.get("role")) for m in sentence_names(s)]
[('Platform', '清华大学', None), ('Firm', '三一重工', 'target'), ('Firm', '中联重科', 'target')]
"""
from __future__ import annotations

import re

from kg.loaders.lexicon import SUFFIXES as _SUFFIXES
from kg.loaders.lexicon import (BOUNDARY_WORDS, LEADING, LOCAL_AFTER, LOCAL_TRIGGERS,
                                PREDICATES, TARGET_TRIGGERS, head_type, is_generic,
                                suffix_matches, suffix_type)
from kg.loaders.mentions import Mention, clauses, split_depth0

_BOUNDARY_RE = re.compile("|".join(map(re.escape, BOUNDARY_WORDS + ["的", "了", "等"])))
_BOUNDARY_AT = re.compile("(?=(" + _BOUNDARY_RE.pattern + "))")
_NOT_PLATFORM = re.compile(r"和|及|、|平台\+|建立|引导(?!基金)|[一二三四五六七八九十两]大(?!学)|拟于|申办|用好|提供|享受|纳入|全部|联合区内|部门|"
                           r"\d+年|\d+日")
_PUBLIC = re.compile(r"便民|政务|社区|办事处|街道|卫生服务|疾控|托育|养老|照料|医院|学校|幼儿园")
_LEADING_RE = re.compile(r"(?:" + "|".join(map(re.escape, LEADING)) +
                         r"|[\d.一二三四五六七八九十]+(?:个|家|所|项|座|场|次|年|月|日|亿元|万元|支|届)|[\d.]+|[-—·、]+)")
_PREDICATE_RE = re.compile("(?:" + "|".join(map(re.escape, PREDICATES)) + ")+$")
_LEGAL = re.compile(r"[\u4e00-\u9fffA-Za-z()]{2,30}?(?:股份有限公司|有限责任公司|有限公司)")
_INVEST = re.compile(r"(?:总投资|投资|计划投资|总规模|预计总投资)约?([\d.]+(?:亿|万)元)的?$")
_FIRM_WORD = re.compile(r"(?:科技|集团|股份|控股|药业|电气|重工|纸业|实业|计算机)")
_SCOPE = re.compile(r"全国|全球|华中|华北|华东|华南|西南|西北|东北|中原|总部|“")
_NOT_NAME = re.compile(r"[,;:。!?%《》]|^\d|亿元|万元|\d+(?:个|家|所|项|强)")
_BAD_START = re.compile(r"^(?:年|月|日|号|是|有|为|将|和|及|与|等|在|对|了|着|之|所|其|被)")
_BOOK_TITLE = re.compile(r"《[^》]*》")
_CLAUSE_FIRM = re.compile(r"^([\u4e00-\u9fffA-Za-z]{2,10}?)(?:获批|入选|成为|被评为|荣获|获评)"
                          r".{0,20}企业")
_PARTNER = re.compile(r"(?:与|同)([\u4e00-\u9fffA-Za-z]{2,12}?(?:公司|集团))(?:合作|签署|签订|共建|开展)")
MAX_NAME = 30


def _trim(text: str, start: int, end: int) -> int:
    """Where a name ending at ``end`` starts: after the last governing word, leading
    prepositions and counts stripped."""
    last = start
    for match in _BOUNDARY_AT.finditer(text, start, end):
        stop = match.start() + len(match.group(1))
        if last < stop <= end:
            last = stop
    while last < end:
        match = _LEADING_RE.match(text, last, end)
        if not match or match.end() == last or match.end() >= end - 1:
            break
        last = match.end()
    return last


def _balance(text: str, start: int, end: int) -> int:
    """Start a name after an opening quote that it does not close (“一台多峰…)."""
    name = text[start:end]
    for open_, close in (("“", "”"), ("‘", "’")):
        if open_ in name and close not in name[name.rfind(open_):]:
            return start + name.rfind(open_) + 1
        if close in name and open_ not in name[:name.find(close)]:
            return start + name.find(close) + 1
    return start


_ZONE_CUT = re.compile(r"在|将|于|和|及|或|把|要|从|向|对|为|给|让|使|缺乏|量|辐射|激发|各|符合|"
                       r"明确|增强|结合|编制|出台|走出|做好|至|中(?=[\u4e00-\u9fff]{2}(?:市|省))")
_ASPIRE = re.compile(r"(?:打造|创建|争创|建立|申建|创新|争取|建成|成为|申报|一批|\d个|国家级|省级|"
                     r"市级|乡镇|新一轮|一个)$")


def _name_start(text: str, left: int, s_start: int, s_end: int, label: str):
    """Start of the name whose suffix is ``text[s_start:s_end]``, or None if it is no name."""
    name_start = _balance(text, _trim(text, left, s_start), s_end)
    if label == "Zone":
        name_start = _zone_start(text, name_start, s_start)
    name = text[name_start:s_end]
    if not _valid(name, label):
        return None
    if label == "Platform" and not _platform_ok(name, text[max(0, name_start - 6):name_start]):
        return None
    if label == "Zone" and not _zone_ok(name, text[max(0, name_start - 6):name_start],
                                        s_end - s_start):
        return None
    return name_start


def _platform_ok(name: str, before: str) -> bool:
    """A named platform, not the head noun of a list (…等一流大学), a carrier the text
    means to build (打造…中心, 创建…大学) or a chamber named only by a place (异地新乡商会)."""
    if before.endswith("等"):
        return False
    if re.search(r"(?:打造|创建|争创|申建)$", before) and not name.startswith("中国") \
            and not _region_prefixed(name) and not re.search(r"[“\"A-Za-z]", name):
        return False
    if name.endswith(("商会", "协会")):
        core = re.sub(r"(?:商会|协会)$", "", name)
        for size in (4, 3, 2):
            core = "".join(part for part in re.split("|".join(
                re.escape(core[k:k + size]) for k in range(len(core) - size + 1)
                if core[k:k + size] in _regions()) or "^$", core))
        if len(core) < 2 or re.search(r"(?:异地|各地|在外|外地|驻)$", core):
            return False
    return True


def _zone_start(text: str, start: int, end: int) -> int:
    """A zone name starts after words no zone name holds (在, 和, 各 …) or at its region."""
    last = start
    for match in _ZONE_CUT.finditer(text, start, end):
        if not re.search(r"[(“]", text[start:match.start()]):
            last = match.end()
    return _region_start(text, last, end)


_ABBREVIATED = ("高新区", "经开区", "自创区", "自贸区", "开发区")


def _zone_ok(name: str, before: str, suffix_len: int) -> bool:
    """A named zone, not a kind of zone (各开发区, 打造…示范区)."""
    core = name[:-suffix_len]
    if not core:
        return name in ("高新区", "经开区", "自创区", "自贸区")
    if name.endswith(_ABBREVIATED) and not _region_prefixed(core) \
            and not re.search(r"[()“]", core) and not core.endswith("国家"):
        return False
    if name.endswith("基地"):
        return core.startswith(("高新区", "经开区")) or before.endswith("依托")
    if _region_prefixed(name) or re.search(r"[“A-Za-z]", core):
        return True
    generic_suffix = name.endswith(("高新区", "经开区", "开发区", "示范区", "试验区", "自贸区",
                                    "集聚区", "园区", "片区"))
    if _ASPIRE.search(before):
        return False
    if name.endswith(("产业园", "工业园", "示范园", "合作园")) and is_generic(core):
        return False
    if not generic_suffix:
        return not re.fullmatch(r"[\d一二三四五六七八九十]+", core)
    return not is_generic(core) and not name.endswith(("园区", "试验区", "合作区"))


def _region_start(text: str, start: int, end: int) -> int:
    """A zone name starts at the region it is named after (…评价中郑州高新区 → 郑州高新区)."""
    if any(text[start:start + n] in _regions() for n in (4, 3, 2)):
        return start
    for k in range(start + 2, end - 1):
        for size in (4, 3, 2):
            if text[k:k + size] in _regions() and not re.search(r"[(“]", text[start:k]) \
                    and not any(True for _ in suffix_matches(text[start:k])):
                return k
    return start


def _region_prefixed(name: str) -> bool:
    table = _regions()
    return any(name[:n] in table for n in (2, 3, 4, 5, 6) if len(name) >= n)


def _regions():
    from kg.names import region_gazetteer
    return region_gazetteer()


def _strip_predicate(text: str, i: int, j: int) -> int:
    """End of a list item once a trailing predicate (成功上市, 建设 …) is cut off."""
    match = _PREDICATE_RE.search(text, i, j)
    if match and match.start() - i >= 2:
        return match.start()
    return j


def _valid(name: str, label: str) -> bool:
    if len(name) < 2 or len(name) > MAX_NAME or _NOT_NAME.search(name) or _BAD_START.match(name):
        return False
    if label == "Platform" and (_PUBLIC.search(name) or _NOT_PLATFORM.search(name)):
        return False
    if label == "Firm":
        if name in _regions() or re.search(r"(?:安全|系统|设备|构件|计划|工程|合作|转让|更新|振兴|"
                                           r"出资|租赁|收购|百强|幕墙|管廊|托育)$", name) \
                and not name.endswith(("股份", "集团")) and len(name) < 6 or name in ("央企", "国企"):
            return False
        for tail in ("企业", "公司", "集团", "单位"):
            if name.endswith(tail) and (len(name) - len(tail) < 2 or is_generic(name[:-len(tail)])):
                return False
        return not is_generic(name)
    if label == "Zone":
        return name in _ABBREVIATED or len(name) > 3
    if re.fullmatch(r"[省市]?[\u4e00-\u9fff]?(?:科学院|农科院|社科院|科院)", name):
        return True  # 省科学院, 中科院: an academy named by its level
    if name.startswith("中国") and len(name) >= 6:
        return True  # 中国…博览会/研究院: named by the country, however generic the rest
    return len(name) >= 4 and not is_generic(name)


def _role(text: str, before: str, after: str):
    """A listed firm's role from the words before the list and after it."""
    head = after[:14]
    if any(word in head for word in LOCAL_AFTER):
        return "local"
    target_pos = max((before.rfind(w) for w in TARGET_TRIGGERS), default=-1)
    local_pos = max((before.rfind(w) for w in LOCAL_TRIGGERS), default=-1)
    if target_pos < 0 and local_pos < 0:
        return "other"
    return "target" if target_pos > local_pos else "local"


def _suffix_names(text: str, start: int, end: int, out: list, sentence) -> None:
    """Names ending in a typed suffix inside ``text[start:end]``, rightmost first."""
    matches = list(suffix_matches(text[start:end]))
    limit = end
    for m_start, m_end, label, kind in reversed(matches):
        s_start, s_end = start + m_start, start + m_end
        if s_end > limit:
            continue
        if s_end < end and text[s_end:s_end + 1] not in "与和及、" and label != "Project":
            following = [m for m in matches if m[0] >= m_end and start + m[1] <= limit]
            between = text[s_end:start + following[0][0]] if following else ""
            if following and not _BOUNDARY_RE.search(text, s_end, start + following[0][0]) \
                    and not re.search(r"[及和与]|[一二三四五六七八九十两]大", between):
                continue  # an inner suffix of a longer name (郑州大学…研究中心)
        left = start
        for m2_start, m2_end, m2_label, _k in matches:
            if start + m2_end <= s_start and text[start + m2_end] in "和及与+":
                left = start + m2_end + 1
            elif start + m2_end <= s_start and m2_label == "Project":
                left = start + m2_end
        name_start = _name_start(text, left, s_start, s_end, label)
        if name_start is None:
            continue
        name = text[name_start:s_end]
        props = {"kind": kind} if kind else {}
        if label == "Project":
            invest = _INVEST.search(text, start, name_start)
            if invest:
                props["investment"] = invest.group(1)
            if not _project_ok(name, invested=bool(invest)):
                continue
        out.append(Mention(label, name, sentence, name_start, s_end, props))
        limit = name_start


def _list_items(text: str, c_start: int, c_end: int, sentence, before: str, out: list) -> None:
    """The items of an enumeration in one clause, typed by suffix or head noun."""
    items = split_depth0(text, "、", c_start, c_end)
    if not items:  # a clause of nothing but 、
        return
    last_start, last_end = items[-1]
    cut = text.find("等", last_start, last_end)
    if cut < 0 and len(items) < 2:
        return
    tail = text[cut + 1:c_end] if cut >= 0 else ""
    head = head_type(tail) if cut >= 0 else None
    if cut >= 0:
        items[-1] = (last_start, cut)
    first_start, first_end = items[0]
    lead = _trim(text, first_start, first_end)
    items[0] = (lead, first_end)
    role = _role(text, before + text[c_start:lead], tail)
    items = _join_event_names(text, items, sentence, out)
    for i, j in items:
        while i < j and text[i] in " “":
            i += 1
        full = j
        j = _strip_predicate(text, i, j)
        name = text[i:j]
        label, kind = suffix_type(name)
        if re.search(r"[和及]", name) and len(list(suffix_matches(name))) > 1:
            continue  # two names joined by 和: the suffix scan finds each
        if label in ("Zone", "Platform", "Project"):
            bare = re.sub(r"\([^()]{1,6}\)$", "", name)
            size = next(n for n in range(min(len(bare), 9), 0, -1) if bare[-n:] in _SUFFIXES)
            fixed = _name_start(text, i, j - (len(name) - len(bare)) - size, j, label)
            if fixed is None:
                continue
            i, name = fixed, text[fixed:j]
        item_role = role
        if head is not None and head[0] == "Project" and label in ("Zone", "Platform"):
            label, kind = "Project", None
        if label is None and head is not None and head[0] != "Zone":
            label, kind = head
            if label == "Platform" and re.search(r"(?:集团|公司)$", name):
                label, kind = "Firm", None
            if label == "Project" and len(name) <= 6 and not re.search(
                    r"[园城区地心场厂院站馆楼路链云]$", name):
                label, kind = "Firm", None
        if label is None and cut >= 0 and re.match(r"^\d*家", tail):
            label = "Firm"
        if label is None and re.match(r"(?:成功)?上市|新三板挂牌|挂牌|获批|入选", text[j:full]):
            label, item_role = "Firm", "local"
        if label not in ("Firm", "Platform", "Project", "Zone") or not _valid(name, label):
            continue
        if label == "Project" and not _project_ok(name, listed=head is not None):
            continue
        props = {"kind": kind} if kind else {}
        if label == "Firm":
            props["role"] = item_role
        out.append(Mention(label, name, sentence, i, j, props))


def _join_event_names(text: str, items: list, sentence, out: list) -> list:
    """An expo whose own name lists fields with 、 (…矿山、工程及建筑机械展览会): the item
    with the event suffix whose name has 及/和 inside takes in the suffixless items before it.
    Returns the items left to type one by one."""
    left = list(items)
    for k in range(len(items) - 1, 0, -1):
        i, j = items[k]
        j = _strip_predicate(text, i, j)
        label, kind = suffix_type(text[i:j])
        if kind != "event" or not re.search(r"[及和与]", text[i:j]):
            continue
        first = k
        while first > 0 and suffix_type(text[items[first - 1][0]:items[first - 1][1]])[0] is None \
                and items[first - 1][1] - items[first - 1][0] <= 12 and k - first < 3:
            first -= 1
        if first == k:
            continue
        start = _trim(text, items[first][0], items[first][1]) if first == 0 else items[first][0]
        name = text[start:j]
        if len(name) <= MAX_NAME and not re.search(r"[,;:。!?《》]", name):
            out.append(Mention("Platform", name, sentence, start, j, {"kind": "event"}))
            del left[first:k + 1]
    return left


def _project_ok(name: str, listed: bool = False, invested: bool = False) -> bool:
    """A project name that names one project, not a kind of project (重点项目)."""
    core = re.sub(r"(?:项目|工程)$", "", name)
    if is_generic(core) or re.search(r"[、,—]|和|把|是|建立|坚持|开发符合|编制|摸清|储备|列入|"
                                     r"应用到|尤其|针对|一批|卡脖子", core):
        return False
    if listed or invested:
        return True
    if name.endswith("工程"):
        return False
    return (len(core) >= 8 and bool(_FIRM_WORD.search(core) or _region_prefixed(core))) or \
        bool(re.search(r"[A-Za-z“\"]", core))


def _firm_in_name(mention: Mention, out: list, role: str) -> None:
    """A firm named at the start of a project or platform name (汉威科技工业互联网平台)."""
    name = mention.name
    if suffix_type(name[:-2])[0] == "Platform" or "大学" in name or "学院" in name:
        return
    cut = None
    if mention.label == "Project":
        scope = _SCOPE.search(name, 2)
        if scope and scope.start() <= 8:
            cut = scope.start()
    if cut is None:
        for match in _FIRM_WORD.finditer(name, 2, len(name) - 2):
            rest = name[match.end():]
            if match.end() <= 8 and not rest.startswith(("园", "城", "大学", "学院", "馆")):
                cut = match.end()
                break
    if cut is None:
        return
    firm = name[:cut]
    if len(firm) < 2 or is_generic(firm) or suffix_type(firm)[0]:
        return
    out.append(Mention("Firm", firm, mention.sentence, mention.i, mention.i + cut,
                       {"role": role, "inside": True}))


def sentence_names(sentence) -> list:
    """Every zone, platform, project and firm named in one sentence."""
    text = _BOOK_TITLE.sub(lambda m: "," * len(m.group()), sentence.text)
    out: list = []
    pieces = clauses(text)
    for n, (c_start, c_end) in enumerate(pieces):
        before = text[max(0, pieces[max(0, n - 2)][0]):c_start]
        found: list = []
        if "、" in text[c_start:c_end] or "等" in text[c_start:c_end]:
            _list_items(text, c_start, c_end, sentence, before, found)
        taken = [(m.i, m.j) for m in found]
        for i, j in split_depth0(text, "、", c_start, c_end):
            extra: list = []
            _suffix_names(text, i, j, extra, sentence)
            for m in extra:
                if not any(a <= m.i < b or a < m.j <= b for a, b in taken):
                    found.append(m)
        for match in _LEGAL.finditer(text, c_start, c_end):
            start = _trim(text, c_start, match.end() - 2)
            if not any(a <= start < b for a, b in ((m.i, m.j) for m in found)):
                name = text[start:match.end()]
                if _valid(name, "Firm"):
                    found.append(Mention("Firm", name, sentence, start, match.end(),
                                         {"role": _role(text, before, text[match.end():c_end])}))
        clause = _CLAUSE_FIRM.match(text, c_start, c_end)
        if clause and not found and _valid(clause.group(1), "Firm"):
            found.append(Mention("Firm", clause.group(1), sentence, clause.start(1),
                                 clause.end(1), {"role": "local"}))
        for match in _PARTNER.finditer(text, c_start, c_end):
            if _valid(match.group(1), "Firm") or match.group(1).endswith("公司"):
                found.append(Mention("Firm", match.group(1), sentence, match.start(1),
                                     match.end(1), {"role": "target"}))
        for m in list(found):
            if m.label in ("Project", "Platform"):
                role = "target" if _role(text, before + text[c_start:m.i], "") == "target" \
                    else "local"
                _firm_in_name(m, found, role)
        out.extend(found)
    out.sort(key=lambda m: m.i)
    return out
