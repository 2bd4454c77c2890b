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

from dataclasses import dataclass

import re

from kg.loaders.lexicon import SUFFIXES as _SUFFIXES
from kg.loaders.lexicon import (BOUNDARY_WORDS, LEADING, LOCAL_AFTER, LOCAL_TRIGGERS, POLICY_WORDS,
                                PREDICATES, TARGET_TRIGGERS, head_type, is_generic, on_fold,
                                suffix_matches, suffix_type)
from kg.loaders.extract_firms import coined, count_cut, firm_like, legal_names
from kg.loaders.extract_known import known_firm_mentions, known_firms, known_prefix
from kg.loaders.extract_roles import clause_role
from kg.loaders.mentions import Mention, clauses, split_depth0



def _compile() -> None:
    """(Re)build the patterns made from the lexicon's word lists (a fold changes them)."""
    global _BOUNDARY_RE, _BOUNDARY_AT, _LEADING_RE, _PREDICATE_RE
    # 等 closes a list, but not inside a word (高等研究院, 同等, 初等)
    _BOUNDARY_RE = re.compile("|".join(map(re.escape, BOUNDARY_WORDS + ["的", "了"])) +
                              r"|(?<![高同初])等")
    _BOUNDARY_AT = re.compile("(?=(" + _BOUNDARY_RE.pattern + "))")
    _LEADING_RE = re.compile(r"(?:" + "|".join(map(re.escape, LEADING)) +
                             r"|(?:上|数|近)?[\d.一二三四五六七八九十百千万]+(?:个|家|所|项|座|场|次|年|月|日|亿元|万元|支|届|宗|条|处|户)"
                             r"(?:左右|以上|多|余)?"
                             # a figure, not the figure of a name (5G, 3D打印)
                             r"|[\d.]+(?![A-Za-z])|[-—·、]+)")
    _PREDICATE_RE = re.compile("(?:" + "|".join(map(re.escape, PREDICATES)) + ")+$")
    global _POLICY
    _POLICY = re.compile("|".join(map(re.escape, POLICY_WORDS)) or "(?!)")


_compile()
on_fold(_compile)
_NOT_PLATFORM = re.compile(r"为中心|和|及|、|平台\+|建立|引导(?!基金)|[一二三四五六七八九十两]大(?!学)|拟于|申办|用好|提供|享受|纳入|全部|联合区内|部门|"
                           r"\d+年|\d+日")
# Government bodies and their sessions are not platforms (GOLD-SCHEMA: left out).
_GOVERNMENT = re.compile(r"人民代表大会|人民政府|委员会|政协|代表大会")
# Public services and public administration (GOLD-SCHEMA leaves them out): the second line
# is the health referral system, city sub-centres, social governance, arbitration and the
# social insurance funds, which are public accounts, not investment funds.
_PUBLIC = re.compile(r"便民|政务|社区|办事处|街道|卫生服务|疾控|托育|养老|照料|医院|学校|幼儿园|"
                     r"副中心|次中心|转诊|会诊|诊疗|综治|治理中心|仲裁|社保|医保|"
                     # medical centres, emergency rescue, employment services, law enforcement,
                     # complaint handling, paying out policy grants, joint inspection, and the
                     # financing vehicles of local governments (融资平台) are public services
                     # and administration, not carriers of innovation
                     r"医学中心|医疗中心|应急|救援|就业|执法|接诉|兑现|联合检查|融资平台")
# Public-service centres a plan builds (应急救援中心, 医学中心): no platforms, but works.
_PUBLIC_WORKS = re.compile(r"(?:应急救援|救援|医学|医疗|公共卫生|医养结合服务|养老服务)中心$")
# (an amount in yuan or in a foreign currency: 2亿美元, 6000万欧元)
_AMOUNT = r"[\d.]+(?:亿|万)(?:元|美元|欧元|日元|英镑|港元)"
_INVEST = re.compile(r"(?:总投资|投资|计划投资|总规模|预计总投资)约?(" + _AMOUNT + r")的?$")
# The investment stated right after a project's name (…二期项目,总投资50亿元).
_INVEST_AFTER = re.compile(r",?(?:项目)?(?:总投资|计划投资|预计总投资|投资)(?:约|达|超过|超)?"
                           r"(" + _AMOUNT + r")")
_FIRM_WORD = re.compile(r"(?:科技|集团|股份|控股|药业|电气|重工|纸业|实业|计算机)")
_SCOPE = re.compile(r"全国|全球|华中|华北|华东|华南|西南|西北|东北|中原|总部|“")
_NOT_NAME = re.compile(r"[,;:。!?%《》]|以及|^\d(?![\d.]*(?:英寸|寸|代|纳米|nm))|亿元|万元|\d+(?:个|家|所|项|强|月)|今年|去年|明年|首个|首家|首批|"
                       r"书记|主任|党工委|管委会|常委")
_BAD_START = re.compile(r"^(?:年|月|日|号|是|有|为|将|和|及|与|等|在|对|了|着|之|所|其|被|"
                        r"万平方米|平方米|万吨|千伏|KV|kV|万亩|亩)")  # a unit left by a cut number
_BOOK_TITLE = re.compile(r"《[^》]*》")
_CLAUSE_FIRM = re.compile(r"^([\u4e00-\u9fffA-Za-z]{2,10}?)(?:获批|入选|成为|被评为|荣获|获评)"
                          r".{0,20}企业")
# The partner form with a name formed like a firm's (与星澈科技签署…, 同蓝格新材料合作).
_PARTNER_LIKE = re.compile(r"(?:与|同)([\u4e00-\u9fffA-Za-z]{4,10}?)(?:签署|签订|签约|合作|共建|联合)")
_PARTNER = re.compile(r"(?:与|同)([\u4e00-\u9fffA-Za-z]{2,12}?(?:公司|集团))(?:合作|签署|签订|共建|开展)")
MAX_NAME = 30


# A boundary word that is part of the name when this follows it: 引导 governs a name
# (引导新航…) but a guidance fund is named by it (创业投资引导基金).
_NAME_GOES_ON = {"引导": "基金"}


def _trim(text: str, start: int, end: int, keep: int = 0) -> int:
    """Where a name ending at ``end`` starts: after the last governing word, leading
    prepositions and counts stripped; a boundary that would leave fewer than ``keep``
    characters is ignored (a list item is never empty, so 引进美的、… keeps 美的)."""
    last = start
    word_end = start
    for match in _BOUNDARY_AT.finditer(text, start, end):
        stop = match.start() + len(match.group(1))
        if match.start() < word_end or text.startswith(_NAME_GOES_ON.get(match.group(1), "\0"),
                                                       stop):
            continue  # overlaps the word before (集聚|集成电路: no 聚集 there)
        word_end = stop
        if last < stop <= end - keep:
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
_ASPIRE = re.compile(r"(?:打造|创建|争创|建立|申建|创新|争取|建成|成为|申报|一批|\d个(?:左右|以上)?|国家级|省级|"
                     r"市级|乡镇|新一轮|一个)$")


# Verbs of upgrading that govern a platform (升级…平台, 迭代升级…中心): a platform's name does
# not open with a verb.
_UPGRADE = re.compile(r"(?:迭代升级|提档升级|优化升级|升级|改造提升|改造)")


_FIRST_OF_KIND = re.compile(r"(?:首|第一)[条个座台所项]")


def _verb_before_place(text: str, start: int, s_start: int) -> int:
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
            words[1].word in _regions() or words[1].flag == "ns" and _frequency(words[1].word) < 2000
            or s_start - start - len(words[0].word) >= 4):
        return start + len(words[0].word)
    return start


def _catalogue_start(text: str, left: int, name_start: int, s_end: int) -> int:
    """Start of a zone of the shipped catalogue that ends at ``s_end`` after ``name_start``:
    whatever word governs it (理顺|湘江新区), the catalogue knows where its name starts."""
    from kg.loaders.gazetteer import zone_names
    names = zone_names()
    for size in range(min(s_end - max(left, name_start), 16), 3, -1):
        if text[s_end - size:s_end] in names:
            return s_end - size
    return name_start


def _name_start(text: str, left: int, s_start: int, s_end: int, label: str):
    """Start of the name whose suffix is ``text[s_start:s_end]``, or None if it is no name."""
    name_start = _balance(text, _trim(text, left, s_start), s_end)
    if label != "Zone":  # a zone's start is found by its place (_zone_start)
        name_start = _verb_before_place(text, name_start, s_start)
        # "the first of its kind" before a name is praise, not the name (西北地区首条|8英寸…)
        first = _FIRST_OF_KIND.search(text, name_start, s_start)
        if first and s_end - first.end() >= 4:
            name_start = first.end()
    if label == "Zone":
        name_start = _zone_start(text, name_start, s_start)
        name_start = _catalogue_start(text, left, name_start, s_end)
    if label == "Platform":
        # a preposition inside the run governs the name (选手在|世界技能大赛); 在线 is a word
        # (also a preposition after an adverb: 园区还与|清华大学、…共建)
        for match in re.finditer(r"在(?!线)|由(?!于)|[还并也再已将](?:与|同|和|向)",
                                 text[name_start:s_start]):
            if s_end - (name_start + match.end()) >= 4:
                name_start += match.end()
                break
        upgrade = _UPGRADE.match(text, name_start, s_start)
        if upgrade and s_end - upgrade.end() >= 4:
            name_start = upgrade.end()
    name = text[name_start:s_end]
    if not _valid(name, label):
        return None
    if label == "Platform" and not _platform_ok(name, text[max(0, name_start - 6):name_start]):
        return None
    if label == "Project" and (_COUNTED_KIND.search(text, max(0, name_start - 6), name_start)
                               or re.match(r"[\d.一二三四五六七八九十百千]+(?:个|项|万?平方米|万?亩)",
                                           text[s_end:s_end + 8])):
        return None  # a count or an area before or after a kind of project (58个“高精尖”项目,
        # …项目25个, …项目907万平方米)
    if label == "Zone" and not _zone_ok(name, text[max(0, name_start - 6):name_start],
                                        s_end - s_start):
        return None
    return name_start


# A count or a batch before a platform's kind, with its level: the text counts carriers of
# a kind, it names none (新增3个国家级科创平台, 打造一批…研究院, 建设三级…服务中心).
_COUNTED_KIND = re.compile(r"(?:(?:[\d一二三四五六七八九十百千两]+|数)(?:多|余)?[个家所座类批项级]|一批|一大批|多家|"
                           r"若干)(?:国家级|省级|市级|国家|全国|省|市)?$")


def _platform_ok(name: str, before: str) -> bool:
    """A named platform, not the head noun of a list (…等一流大学), a carrier the text
    means to build (打造…中心, 创建…大学) or a chamber named only by a place (异地新乡商会)."""
    if before.endswith("等"):
        return False
    if _COUNTED_KIND.search(before):
        return False  # a count before a kind (新建5家基础学科研究中心, 一批…研究院)
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
    opening = text.rfind("(", start, end)
    if opening >= 0 and ")" not in text[opening:end]:
        start = opening + 1  # 跨境贸易(西永综保区): the name is inside the bracket
    last = start
    for match in _ZONE_CUT.finditer(text, start, end):
        if not re.search(r"[(“]", text[start:match.start()]):
            last = match.end()
    return _region_start(text, last, end)


# Words of reform and policy pilots: programmes, not industrial carriers (GOLD-SCHEMA).
_ABBREVIATED = ("高新区", "经开区", "自创区", "自贸区", "开发区")


def _zone_ok(name: str, before: str, suffix_len: int) -> bool:
    """A named zone, not a kind of zone (各开发区, 打造…示范区)."""
    core = name[:-suffix_len]
    if not core:
        return name in ("高新区", "经开区", "自创区", "自贸区")
    from kg.loaders.gazetteer import zone_names
    if name in zone_names():
        return True  # a zone of the catalogue (kg/data/gazetteer/zones.tsv), full or short
    if _LEADING_RE.fullmatch(core) or re.search(
            r"(?:上|数|近)?[\d一二三四五六七八九十百千万两]+(?:多|余)?[个家座类批]$", core):
        return False  # a count or a determiner before a kind (上千个小镇, 各开发区)
    if name.endswith("片区") and re.fullmatch(r"[\u4e00-\u9fff]?[东南西北中]{1,2}部?", core):
        return False  # a part of a province by compass (渝东北片区, 粤西片区), not a zone
    if _POLICY.search(core):
        return False  # a reform or policy pilot (改革先行区, 城乡融合示范区) is a programme
    if name.endswith(("集聚区", "示范区", "试验区", "先行区", "先导区", "片区")) \
            and (is_generic(core) or _dictionary_words(core) and not core.startswith(("国家", "中国"))) \
            and not _zone_place_prefixed(name) and not re.search(r"[()“A-Za-z]", core):
        return False  # a kind of pilot area (夜间消费集聚区) or a policy's pilot named by
        # ordinary words only (制度型开放示范区), not a named zone
    if name.endswith(_ABBREVIATED) and not _zone_place_prefixed(core) \
            and not re.search(r"[()“]", core) and not core.endswith("国家"):
        return False
    if name.endswith("基地"):
        return core.startswith(("高新区", "经开区")) or before.endswith("依托")
    if _zone_place_prefixed(name) or re.search(r"[“A-Za-z]", core):
        return True
    generic_suffix = name.endswith(("高新区", "经开区", "开发区", "示范区", "试验区", "自贸区",
                                    "集聚区", "园区", "片区", "新区", "小镇", "科学城", "新城",
                                    "先行区", "产业城", "起步区"))
    if _ASPIRE.search(before):
        return False
    if name.endswith(("产业园", "工业园", "示范园", "合作园", "合作区", "科技园")) and is_generic(core):
        return False
    if not generic_suffix:
        return not re.fullmatch(r"[\d一二三四五六七八九十]+", core)
    return not is_generic(core) and not name.endswith(("园区", "试验区", "合作区"))


# Zone types that make a whole zone, which may hold parks of its own (宜宾三江新区|东部产业园).
_OUTER_ZONE = re.compile(r"(?:新区|高新区|经开区|开发区|自贸区|综保区|示范区|工业园区)(?=[\u4e00-\u9fff]{2,}"
                         r"(?:产业园|工业园|科技园|园区|片区|港区|基地)$)")


# A firm's base: the firm, what it makes or where, then 基地 (宁德时代宜宾基地, 吉利贵阳基地,
# 宁德时代新能源电池贵州基地) — one works of that firm, a project.
_BASE_AFTER = re.compile(r"[\u4e00-\u9fff()]{0,9}?基地(?:[一二三四五六]期)?(?:项目)?")


def _firm_bases(text: str, c_end: int, sentence, found: list) -> None:
    """Projects named as a firm's base right after the firm's name (:data:`_BASE_AFTER`)."""
    for m in [m for m in found if m.label == "Firm" and not m.props.get("inside")]:
        match = _BASE_AFTER.match(text, m.j, c_end)
        if match is None or _verb_lead(text[m.j:match.end()]) or any(
                o.label != "Firm" and o.i < match.end() and m.i < o.j for o in found):
            continue
        found.append(Mention("Project", text[m.i:match.end()], sentence, m.i, match.end(), {}))


# A firm named right after the noun that ranks or places it (本地企业天马微电子, 链主企业甲),
# up to the verb or list mark that follows the name.
_RANKED_FIRM = re.compile(r"(?:本地|区内|园区|辖区|龙头|链主|骨干|领军|头部|重点)企业"
                          r"([\u4e00-\u9fffA-Za-z]{2,10}?)(?=扩产|投产|建设|实施|加快|成功|获批|入选|"
                          r"上市|落户|发展|做大|做强|牵头|[、和与及等,;。(])")


def _ranked_firm(text: str, c_start: int, c_end: int, sentence, before: str,
                 found: list) -> None:
    """Firms of :data:`_RANKED_FIRM` not found otherwise."""
    for match in _RANKED_FIRM.finditer(text, c_start, c_end):
        i, j = match.span(1)
        name = text[i:j]
        if any(m.i < j and i < m.j for m in found) or not _valid(name, "Firm") \
                or suffix_type(name)[0] or _verb_lead(name) or _LEADING_RE.match(name):
            continue
        role = clause_role(before + text[c_start:i], text[j:c_end]) or "local"
        found.append(Mention("Firm", name, sentence, i, j, {"role": role}))


# A phase of a park (甲产业园二期, 乙产业园首开区): the phase is a project, the park a zone.
_PARK_PHASE = re.compile(r"(.{2,20}?(?:产业园|工业园|科技园|产业园区|工业园区|产业城|科技城))"
                         r"(?:[一二三四五六首]期|首开区|启动区)(?:项目|工程)?$")


def _park_of_phase(mention: Mention, found: list) -> None:
    """The park whose phase a project is, as a zone (安顺航空配套制造产业园|二期)."""
    match = _PARK_PHASE.match(mention.name)
    if not match or any(m.label == "Zone" and m.name == match.group(1) for m in found):
        return
    park = match.group(1)
    if _zone_place_prefixed(park) and not is_generic(park[:-3]):
        found.append(Mention("Zone", park, mention.sentence, mention.i, mention.i + len(park), {}))


def _outer_zone(mention: Mention, found: list) -> None:
    """The zone a park's name opens with is a zone too (宜宾三江新区东部产业园 lies in
    宜宾三江新区)."""
    match = _OUTER_ZONE.search(mention.name, 2)
    if match is None:
        return
    name = mention.name[:match.end()]
    if _zone_ok(name, "", match.end() - match.start()) and _valid(name, "Zone") and \
            not any(m.label == "Zone" and m.name == name for m in found):
        found.append(Mention("Zone", name, mention.sentence, mention.i,
                             mention.i + match.end(), {}))


def _region_start(text: str, start: int, end: int) -> int:
    """A zone name starts at the region it is named after (…评价中郑州高新区 → 郑州高新区)."""
    if any(text[start:start + n] in _regions() for n in (4, 3, 2)):
        return start
    for k in range(start + 2, end - 1):
        for size in (4, 3, 2):
            if text[k:k + size] in _regions() and not re.search(r"[(“]", text[start:k]) \
                    and not any(True for _ in suffix_matches(text[start:k])):
                # a park of two governments is named by both countries first (中新|天津生态城,
                # 中德|沈阳…, 中韩|盐城…)
                return k - 2 if _COUNTRY_PAIR.fullmatch(text[max(start, k - 2):k]) else k
    return start


_COUNTRY_PAIR = re.compile(r"中[新德韩日以法意俄欧美英瑞马白哈泰印巴奥荷澳比丹芬挪]")


def _place_name(name: str) -> bool:
    """True when ``name`` is a place: a region of the gazetteer, or a county or county-level
    city written without its 县/市/区 (招远, 德江: the usual short form)."""
    from kg.loaders.extract_regions import gazetteer
    table = gazetteer()
    return name in _regions() or name in table or 2 <= len(name) <= 3 and any(
        name + tail in table for tail in ("县", "市", "区"))


def _works_place_prefixed(name: str) -> bool:
    """True when a works' name opens with a place, also a district whose name two provinces
    share written without 区 (江北|国际机场): a works is named after where it stands."""
    from kg.loaders import gazetteer as national
    return _zone_place_prefixed(name) or len(name) >= 2 and any(
        national.region_candidates(name[:2] + tail) for tail in ("县", "市", "区"))


def _region_prefixed(name: str) -> bool:
    table = _regions()
    return any(name[:n] in table for n in (2, 3, 4, 5, 6) if len(name) >= n)


def _zone_place_prefixed(name: str) -> bool:
    """True when a zone's name opens with a place: a region, or a county or district written
    without 县/市/区 (涪陵|工业园区). Only for zones: a short county name is often an
    ordinary word too (滨海, 光明), which before a zone type still names the place."""
    return _region_prefixed(name) or any(_place_name(name[:n]) for n in (2, 3)
                                         if len(name) > n + 1)


def _regions():
    from kg.names import region_gazetteer
    return region_gazetteer()


def _strip_predicate(text: str, i: int, j: int) -> int:
    """End of a list item once a trailing predicate (成功上市, 建设 …) is cut off."""
    match = _PREDICATE_RE.search(text, i, j)
    if match and match.start() - i >= 2:
        return match.start()
    return j


# A trade fair goes by a short form: a place or trade character or two, then the kind of
# fair abbreviated (广交会, 进博会, 服贸会, 投洽会, 农高会, 深圳文博会).
_FAIR_SHORT = re.compile(r"[\u4e00-\u9fff]{1,4}(?:博|交|洽|贸|高)会")
# A state or provincial key laboratory is named by its field before the designation, and the
# designation makes the field one lab's name however common its words (能源催化转化全国重点实验室,
# 海岸和近海工程国家重点实验室).
_KEY_LAB = re.compile(r"[^、,;]{4,}(?:(?:全国|国家|省部共建|省)重点实验室|省实验室)")


# The role a plan gives a city or region (西部金融中心, 国际科创中心, 东北亚区域合作中心): a
# designation of the place, not a carrier that one body runs.
_CITY_ROLE = re.compile(r"^(?:[东南西北中]{1,3}部?|东北亚|东南亚|中西部|国际|全球|区域)(?:国际|区域)?"
                        r"(?:金融|科创|科技创新|交往|消费|贸易|航运|物流|合作|商贸)中心$")


# Words jieba tags as proper (places, persons, organisations, other proper nouns, Latin),
# positional words that name a place (北岸, 江北) or numerals (12349…平台): a carrier whose
# name holds one is named.
_PROPER_TAGS = ("ns", "nr", "nrt", "nrfg", "nt", "nz", "eng", "m", "x", "f")


def _common_carrier(name: str) -> bool:
    """True when a platform or fund is named only by ordinary words of the language and no
    designation (区块链基础技术平台, 厂房租购平台, 境外主权财富基金): a kind of carrier the
    text means, not one carrier; a place, a coined or proper word, a number or a national
    or provincial designation (国家…平台, 省…平台) names one."""
    if suffix_type(name)[1] not in ("platform", "fund", "center") \
            or re.match(r"国家|中国|全国|省|市|(?:[东西南北中]|东北|西北|西南|东南)部|华[东南西北中]",
                        name) or _zone_place_prefixed(name):
        return False
    return _dictionary_words(name, 2)


def _dictionary_words(text: str, least: int = 1) -> bool:
    """True when ``text`` is at least ``least`` words of the general dictionary (a coined
    字号 is not one), none proper or a place, a single character only when it is a common
    word on its own and never two in a row (a transliteration: 依必安派特)."""
    import jieba.posseg
    from kg.loaders.extract_firms import COMMON_WORD, _frequency
    words = jieba.posseg.lcut(text, HMM=False)
    if any(len(a) == len(b) == 1 for (a, _f), (b, _g) in zip(words, words[1:])):
        return False
    return len(words) >= least and all(
        flag not in _PROPER_TAGS and word not in _regions() and _frequency(word) > 0
        and (len(word) >= 2 or _frequency(word) >= COMMON_WORD) for word, flag in words)


# Titles the state or rankings give firms (the national programmes for small and medium
# firms, the rankings): a name holding one names the class of its holders.
_FIRM_TITLE = re.compile(r"单项冠军|专精特新|小巨人|瞪羚|独角兽|隐形冠军|百强|[0-9]+强|高新技术企业")


def _valid(name: str, label: str) -> bool:
    if len(name) < 2 or len(name) > MAX_NAME or _NOT_NAME.search(name) or _BAD_START.match(name):
        return False
    if label == "Platform" and (_FAIR_SHORT.fullmatch(name) or _KEY_LAB.fullmatch(name)) \
            and not _verb_lead(name) and not _GOVERNMENT.search(name):
        return True
    if label == "Platform" and _common_carrier(name):
        return False
    if label == "Platform" and (_PUBLIC.search(name) or _NOT_PLATFORM.search(name)
                                or _GOVERNMENT.search(name) or _CITY_ROLE.match(name)):
        return False
    if label == "Firm":
        if name in _regions() or re.search(r"(?:安全|系统|设备|构件|计划|工程|合作|转让|更新|振兴|"
                                           r"出资|租赁|收购|百强|幕墙|管廊|托育)$", name) \
                and not name.endswith(("股份", "集团")) and len(name) < 6 or name in ("央企", "国企"):
            return False
        if _FIRM_TITLE.search(name):
            return False  # 制造业单项冠军企业, 专精特新中小企业: a title firms hold, a class
        if re.fullmatch(r"[省市](?![级属内外])[\u4e00-\u9fff]{2,6}(?:集团|公司)", name):
            return True  # 省能源集团: the province's own group, named by its field
        for tail in ("企业", "公司", "集团", "单位"):
            if name.endswith(tail) and (len(name) - len(tail) < 2 or is_generic(name[:-len(tail)])):
                return False
        return not is_generic(name)
    if label == "Zone":
        return name in _ABBREVIATED or len(name) > 3
    if re.fullmatch(r"[省市]?[\u4e00-\u9fff]?(?:科学院|农科院|社科院|科院)", name):
        return True  # 省科学院, 中科院: an academy named by its level
    if re.fullmatch(r"[省市](?![级重])[\u4e00-\u9fff]{3,12}(?:研究院|研究所|研究中心)", name):
        return True  # 市技术转移研究院: the city's own institute (省级/市级… is a rank, a kind)
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


# Kinds of works that also open longer phrases (大道商圈, 管道燃气, 码头物流): a name ends in
# one only at the end of its phrase or before a verb of building.
_MODIFYING_WORKS = ("大道", "跑道", "管道", "码头", "专用线")


# Parts of a works are named with the works they belong to: an airport's terminals and
# runways (甲机场T3B航站楼, 甲机场第四跑道), not after the airport's name alone.
_PARTS_OF = {"航站楼": ("机场",), "跑道": ("机场",)}


def _part_of_works(whole: str, part: str) -> bool:
    """True when a works of kind ``part`` is named inside one of kind ``whole``."""
    return whole in _PARTS_OF.get(part, ())


def _suffix_names(text: str, start: int, end: int, out: list, sentence) -> None:
    """Names ending in a typed suffix inside ``text[start:end]``, rightmost first."""
    matches = list(suffix_matches(text[start:end]))
    limit = end
    for m_start, m_end, label, kind in reversed(matches):
        s_start, s_end = start + m_start, start + m_end
        if s_end > limit:
            continue
        if text[s_start:s_end] in _MODIFYING_WORKS and s_end < end \
                and not _BUILD.match(text, s_end) and text[s_end] not in "与和及、等(":
            continue  # 科学大道|新型消费街区: the kind of works modifies a longer phrase
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
            elif start + m2_end <= s_start and m2_label == "Project" \
                    and (label != "Zone" or text[start + m2_start:start + m2_end] in ("项目", "工程")) \
                    and not _part_of_works(text[start + m2_start:start + m2_end],
                                           text[s_start:s_end]) \
                    and not (start + m2_end == s_start and text[s_start + 1:s_end] == "期"):
                # a kind of work inside a zone's name does not end it (重庆国际铁路港综保区)
                left = start + m2_end  # a phase belongs to the work before it (机场二期)
        if label == "Platform" and _PUBLIC_WORKS.search(text, left, s_end) and _BUILD.search(text):
            label, kind = "Project", None  # a rescue or medical centre being built is a works
        name_start = _name_start(text, left, s_start, s_end, label)
        if kind == "event" and name_start is not None:
            name_start = _event_start(text, left, name_start, s_end)
        if name_start is None:
            continue
        name = text[name_start:s_end]
        props = {"kind": kind} if kind else {}
        if label == "Project":
            invest = _INVEST.search(text, start, name_start) or \
                _INVEST_AFTER.match(text, s_end)
            if invest:
                props["investment"] = invest.group(1)
            if not _project_ok(name, invested=bool(invest), built=bool(_BUILD.search(text))):
                continue
        ext = _EXTENSION.match(text, s_end, end) if label == "Project" and _INFRA.search(name) \
            else None
        if ext:  # the work is its extension (威海机场迁建, 梅州长潭水库扩建)
            name = text[name_start:ext.end()]
        out.append(Mention(label, name, sentence, name_start, ext.end() if ext else s_end, props))
        limit = name_start


# Words of quality that govern a name elsewhere but open the theme of a meeting's name
# (绿色低碳高质量发展大会, 文旅产业高质量发展大会).
_THEME_WORD = re.compile(r"(?:高质量|高水平)$")


def _event_start(text: str, left: int, name_start: int, s_end: int) -> int:
    """Start of an event's name once a theme word the trim took for a verb is taken back."""
    theme = _THEME_WORD.search(text, left, name_start)
    if not theme:
        return name_start
    wider = _trim(text, left, theme.start())
    if theme.start() - wider >= 2 and _valid(text[wider:s_end], "Platform"):
        return wider
    return name_start


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


def _list_items(text: str, c_start: int, c_end: int, sentence, before: str, out: list) -> None:
    """The items of an enumeration in one clause, typed by suffix or head noun."""
    items = split_depth0(text, "、", c_start, c_end)
    if not items:  # a clause of nothing but 、
        return
    items, cut, tail = _close_list(text, items, c_end)
    if items is None:
        return
    head = head_type(tail) if cut >= 0 else None
    first_start, first_end = items[0]
    lead = _trim(text, first_start, first_end)
    if first_end - lead < 2 and len(items) >= 2:
        # the governing word ate the whole first item: its last boundary is part of the
        # name (美的, 好想你), the item is what the boundary before it leaves
        lead = _trim(text, first_start, first_end, keep=2)
    items[0] = (lead, first_end)
    if head is None and _PROJECTS_BEFORE.search(before + text[c_start:lead]):
        head = ("Project", None)  # 新开工项目120个,包括甲、乙等: the items are those projects
    role = clause_role(before + text[c_start:lead], tail) or \
        _role(text, before + text[c_start:lead], tail)
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
    for i, j in items:
        mention = _list_item(ctx, i, j)
        if mention is not None:
            out.append(mention)


def _list_item(ctx: _List, i: int, j: int):
    """The mention one item of a list names (typed by its suffix, else by the list), or None."""
    text, head = ctx.text, ctx.head
    while i < j and text[i] in " “":
        i += 1
    full = j
    j = _strip_predicate(text, i, j)
    name = text[i:j]
    label, kind = suffix_type(name)
    if label == "Platform" and _PUBLIC_WORKS.search(name) and _BUILD.search(text):
        label, kind = "Project", None  # a public-service centre being built is a works
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
        size = next(n for n in range(min(len(bare), 9), 0, -1) if bare[-n:] in _SUFFIXES)
        s_start = j - (len(name) - len(bare)) - size
        # a park in a list of projects is a project: its name starts as a project's
        # does, at the firm that builds it (铁建重工长沙第三产业园), not at its place
        as_label = "Project" if head == ("Project", None) and label == "Zone" and not organ \
            else label
        fixed = _name_start(text, i, s_start, j, as_label)
        if kind == "event" and fixed is not None:
            fixed = _event_start(text, i, fixed, j)
        if fixed is None:
            return None
        i, name = fixed, text[fixed:j]
    item_role = ctx.role
    if head is not None and head[0] == "Project" and label in ("Zone", "Platform") and not organ:
        label, kind = "Project", None
    if label is None:
        typed = _label_by_list(ctx, name)
        if typed is None:
            return None
        label, kind = typed
    if label is None and re.match(r"(?:成功)?上市|新三板挂牌|挂牌|获批|入选", text[j:full]):
        label, item_role = "Firm", "local"
    if label not in ("Firm", "Platform", "Project", "Zone") or not _valid(name, label):
        return None
    if label == "Project" and not _project_ok(name, listed=head is not None) \
            or label == "Project" and _hospital_in_use(name, bool(_BUILD.search(text))):
        return None
    # a phrase of the language is no firm, unless coined names stand beside it before
    # 等企业 (中触媒、通用技术、瓦轴等重点企业: a name made of common words)
    if label == "Firm" and not ctx.firms and _phrase_not_name(name) and not (
            head is not None and head[0] == "Firm" and any(
                not _dictionary_words(text[a:b]) for a, b in ctx.items if a != i)):
        return None
    props = {"kind": kind} if kind else {}
    if label == "Firm":
        props["role"] = item_role
    return Mention(label, name, ctx.sentence, i, j, props)


def _label_by_list(ctx: _List, name: str):
    """(label, kind) of an item without a typed suffix, from the list it stands in:
    (None, None) when the list says nothing, None when the item is to be dropped."""
    head, text = ctx.head, ctx.text
    if head == ("Zone", None) and re.fullmatch(r"[\u4e00-\u9fff]{2,8}区", name) \
            and not is_generic(name[:-1]) and not _place_name(name):
        return "Zone", None  # 灵山湾文化区、…等功能区: an area named in a list of zones
    if ctx.zone_list and _region_prefixed(name) and 4 <= len(name) <= 10 and not _place_name(name):
        return "Zone", None
    if head is not None and head[0] != "Zone":
        label, kind = head
        if label == "Platform" and (re.search(r"(?:集团|公司)$", name) or name in known_firms()):
            return "Firm", None  # 单位/机构 cover firms too: a known firm is one
        if label == "Platform" and _ordinary_words(re.sub(r"[与和及]", "", name)):
            return None  # 生物制造、绿色农药等省实验室: the fields the carriers are named by
        if label == "Project":
            return _project_list_item(ctx, name)
        return label, kind
    if ctx.cut >= 0 and text[ctx.cut] == "等" and re.match(r"^\d*家", ctx.tail):
        return "Firm", None
    if ctx.firms and (head is None or head[0] == "Firm"):
        return "Firm", None
    return None, None


def _project_list_item(ctx: _List, name: str):
    """(label, kind) of an item of a list of projects without a works' suffix: a short item
    is its firm (甲、乙等项目) when formed like a firm name or coined; a common word (篮球)
    is neither; …等6个高铁项目, and an item naming a kind of works (东站TOD), name works,
    not their firms."""
    if _zone_place_prefixed(name) and not _region_prefixed(name) and _ordinary_words(name):
        return None  # 滨海旅游等项目: a place's kind of project (滨海 is a county too)
    if not re.search(_WORKS, ctx.tail[:12]) and not re.search(_WORKS, name) and (
            firm_like(name) or name in known_firms() or len(name) <= 6 and not re.search(
            r"[园城区地心场厂院站馆楼路链云]$", name) and coined(name)
            and not (_zone_place_prefixed(name) and not _trade_end(name))
            and not _place_name(name) and "至" not in name) and not _works_of_firm(name):
        # (a county written short, 德江, or a place's works, 郓城|新河, or a route,
        # 甲至乙, names no firm; 光明科技 is 字号 + trade word)
        if _ordinary_words(name):
            return None  # 交通设施等项目: kinds of project, neither firm nor name
        return "Firm", None
    return "Project", None


# jieba tags of words that describe or act (verbs, adjectives, adverbs, distinguishing and
# place words): a firm's 字号 is a name, so an item holding one is a phrase (竞争力强,
# 兼并重组, 国家级…冠军, 境内外), unless its words are coined (优必选: 必选 is rare).
_PHRASE_TAGS = ("v", "vn", "vd", "a", "ad", "an", "d", "b", "s")


def _phrase_not_name(item: str) -> bool:
    """True when a list item is a phrase of the language, not a firm's name: dictionary
    words only, one of them describing or acting, no trade word or legal form at its end
    and no known firm."""
    import jieba.posseg
    from kg.loaders.extract_firms import COMMON_WORD, _frequency
    if item in known_firms() or firm_like(item) or not _dictionary_words(item):
        return False
    return any(flag in _PHRASE_TAGS and _frequency(word) >= COMMON_WORD
               for word, flag in jieba.posseg.lcut(item, HMM=False))


_ZONE_ORGAN = re.compile(r"(?:发展|服务|管理|建设)中心$")


# A count of projects, then the list that names them (项目120个,包括甲、乙等 / 其中有甲、乙).
_PROJECTS_BEFORE = re.compile(r"项目[\d一二三四五六七八九十百千]*(?:个|项)?[^,;。]{0,8}[,:]?"
                              r"(?:其中|包括|主要包括|主要有|有|如)[:]?$")


# 等 closing a list, not 等 inside a word (高等研究院, 中等职业学校, 平等, 等级, 等于)
_LIST_DENG = re.compile(r"(?<![高中同平初优上头次特])等(?!级|同|于|待|候)")


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
            return items[:k] + [(i, i + at)], i + at, text[i + at:c_end]
    if len(items) < 2:
        return None, -1, ""
    i, j = items[-1]
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


def _firm_items(text: str, items: list) -> list:
    """Items of a firm list with rank nouns cut from the first and names joined by 和/及/与
    split (链主企业比亚迪和速腾聚创 → 比亚迪, 速腾聚创)."""
    out = []
    for n, (i, j) in enumerate(items):
        if n == 0:
            rank = _RANK_NOUN.match(text, i, j)
            if rank and j - rank.end() >= 2:
                i = rank.end()
        join = re.search(r"[和及与]", text[i:j])
        if join and join.start() >= 2 and j - i - join.end() >= 2:
            out += [(i, i + join.start()), (i + join.end(), j)]
        else:
            out.append((i, j))
    return out


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


def _works_of_firm(item: str) -> bool:
    """True when an item of a project list is a works named by its firm, not the firm: a
    place before the firm (德州|先导激光, 菏泽|海辰: the firm's plant in that place) or a
    product after its 字号 (裕能|铜冶炼, 瓮福|江山新材料). An item that is the 字号 alone or
    字号 + one trade word (比亚迪, 铁建重工) stays a firm.

    >>> _works_of_firm("菏泽海辰"), _works_of_firm("瓮福江山新材料"), _works_of_firm("比亚迪")
    (True, True, False)
    """
    if item in known_firms():
        return False  # a known firm's whole name (宁德时代), though it opens with a place
    if _region_prefixed(item) and not item.endswith(("集团", "公司")):
        return next((True for n in (2, 3, 4) if item[:n] in _regions() and len(item) - n >= 2),
                    False)
    start, cut = _leading_brand(item)
    if cut is None:
        return False
    # one trade word after the 字号 (鲁花|食品, 德方|纳米) is the firm's own short name; a
    # product of three or more characters (铜冶炼, 基板玻璃) is what the works makes
    return len(item) - cut >= 3


def _firm_list(text: str, items: list) -> bool:
    """True when most items are formed like firm names (字号 + trade word), so the short
    ones between them are firms too (大陆车身、马瑞利、伯特利)."""
    names = [text[i:j] for i, j in items]
    if len(names) < 2 or any(len(n) > 14 for n in names):
        return False
    like = sum(firm_like(n) for n in names)
    return like >= 2 and like * 2 >= len(names)


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


# Kinds of infrastructure and phases of construction (see lexicon.SUFFIXES): named by
# a proper part before them, each is a project.
# Kinds of transport, energy, water and cultural works: a named one is a project. The
# later kinds are the rest of the infrastructure vocabulary of the genre: corridors and
# crossings (通道; not 口岸, more often a port of entry opened than a work built), oil and gas fields and terminals (油田, 气田, 接收站), generating
# units (机组), railway stations (东站, 高铁站), irrigation districts and water works (灌区, 水利枢纽, 供水/引水/调水/配置/
# 连通工程) and museums (博物馆), which a plan builds like a railway.
_WORKS = (r"高铁|铁路|城际|高速|机场|电站|电厂|核电|水库|大桥|隧道|储气库|航站楼|号线|通道|"
          r"油田群|油田|气田|接收站|机组|灌区|水利枢纽|博物馆|[东南西北]站|火车站|高铁站|"
          r"(?:供水|引水|调水|配置|连通|水系)工程|"
          r"大道|跑道|专用线|管道|航电枢纽|航运枢纽|高铁枢纽|码头")
_INFRA = re.compile(r"(?:" + _WORKS + r"|数据中心|生产线|超级工厂|[一二三四五六首]期)"
                    r"(?:[\u4e00-\u9fff]{1,3}段)?(?:项目|工程)?$")


# Works named after their places (梅武高铁, 英武水库), unlike a firm's plant or phase
# (赛力斯超级工厂, 比亚迪二期): no firm opens their names.
_PLACE_WORKS = re.compile(r"(?:" + _WORKS + r")"
                          r"(?:[\u4e00-\u9fff]{1,3}段)?(?:[一二三四五六]期)?"
                          r"(?:改扩建|扩建|迁建|扩能改造|扩容改造|改造|增容|扩容|增产|增建[一二三四]?线|[东南西北]延)?"
                          r"(?:[一二三四五六]期)?(?:项目|工程)?$")


def _verb_lead(text: str) -> bool:
    """True when ``text`` holds a governing verb (the name would run over it)."""
    return bool(_BOUNDARY_RE.search(text))


# Verbs of building: a sentence with one speaks of projects, not of facilities in use. The
# second line: opening a finished work, approving or siting one, moving or rebuilding it.
_BUILD = re.compile(r"建设|开工|建成|推进|加快|新建|扩建|改扩建|投运|通车|投产|竣工|启动|实施|谋划|"
                    r"开建|动工|签约|落地|封顶|"
                    r"开通|贯通|立项|迁建|改造|扩容|选址|前期工作|完工|投用|启用|投入使用")
# Words after a work that make the project its extension or rebuilding.
# The action is part of the project's name with the phase and the head noun that follow it
# (碑林博物馆扩建工程, 石岛湾核电扩建一期, 广州东站改造项目); raising a field's output or
# adding a track to a line (气田增产项目, 铁路增建二线) are extensions of the same kind.
_ACTION = (r"(?:改扩建|扩建|迁建|扩能改造|扩容改造|改造|增容|扩容|增产|增建[一二三四]?线|"
           r"[东南西北]延(?!续))(?:[一二三四五六]期)?(?:项目|工程)?")
_EXTENSION = re.compile(_ACTION + r"|"
                        # a section of a line named by its place or ends (渝宜段, 甲至乙段),
                        # and what is done to it (…三山段改造工程); 分段, 路段, 阶段 … are
                        # words, not sections
                        r"(?:[\u4e00-\u9fff]{1,4}至)?[\u4e00-\u9fff]{1,4}?(?<![分路地阶时手全])段"
                        r"(?:" + _ACTION + r")?")


def _common_words(proper: str) -> bool:
    """True when nothing in ``proper`` names one works (通用, 干线: a kind of works): a
    figure (张家坝500千伏…), a place anywhere in it (国家超算深圳中心) or a feature of the land
    or water (狮子洋, 莲花山: a strait, a mountain) names one."""
    if re.search(r"\d|[山洋江河湖海湾岛峡岭坝滩]$", proper):
        return False
    return not any(proper[k:k + n] in _regions() for n in (2, 3) for k in range(len(proper) - 1))


def _hospital_in_use(name: str, built: bool) -> bool:
    """True for a hospital in use (齐鲁医院, …大学华西医院: a partner or a place of care); one
    built is a branch (甲医院乙医院), a phase (…医院一期) or a new one the sentence builds."""
    return name.endswith("医院") and name.count("医院") == 1 and ("大学" in name or not built)


def _project_ok(name: str, listed: bool = False, invested: bool = False,
                built: bool = True) -> bool:
    """A project name that names one project, not a kind of project (重点项目)."""
    core = re.sub(r"(?:项目|工程)$", "", name)
    if is_generic(core) or re.search(r"[、,—]|和|把|是|及[一二三四五六首]期|建立|坚持|开发符合|编制|摸清|储备|列入|"
                                     r"应用到|尤其|针对|一批|卡脖子", core):
        return False
    if _hospital_in_use(name, built):
        return False
    public = _PUBLIC_WORKS.search(core)
    if public and built:  # 粤北区域应急救援中心 being built; 国家医学中心 is a designation
        return not is_generic(core) and not re.fullmatch(
            r"(?:国家|省|市|全国|区域|国家区域|[东南西北中]{1,2}部|华[东南西北中])?", core[:public.start()])
    if listed or invested:
        return True
    infra = _INFRA.search(name)
    if infra and infra.start() >= 2:
        # a named piece of infrastructure or a phase (梅龙高铁, 水城电厂, 中海壳牌三期) is a
        # project where the sentence builds it; an opening common word makes it a kind
        # (干线铁路, 通用机场), not a name; so does a group of cities (城市群铁路: a network)
        proper = name[:infra.start()]
        from kg.loaders.extract_firms import _frequency
        # a common opening word makes a kind (通用机场); a place is frequent, yet names one,
        # also a district written without 区 (江北|国际机场), as before a zone's type
        common = (_frequency(proper[:2]) >= 300 or _dictionary_words(proper)) and _common_words(proper) \
            and not _works_place_prefixed(proper) \
            and not known_prefix(name)  # a known firm names its own works (中国联通数据中心)
        return built and not is_generic(proper) and not _verb_lead(proper) \
            and not common and not re.search(r"\d+条|城市群$|都市圈$", proper)
    if name.endswith("工程"):
        return False
    # a works of a known firm (长光卫星…产业化项目) where the sentence builds it
    return (len(core) >= 8 and bool(_FIRM_WORD.search(core) or _region_prefixed(core))) or \
        bool(re.search(r"[A-Za-z“\"]", core)) or built and len(core) >= 6 and bool(known_prefix(core))


def _firm_in_name(mention: Mention, out: list, role: str) -> None:
    """A firm named at the start of a project or platform name (汉威科技工业互联网平台)."""
    name = mention.name
    if suffix_type(name[:-2])[0] == "Platform" or "大学" in name or "学院" in name \
            or _PUBLIC_WORKS.search(name) or _ENERGY_SENT.fullmatch(name) \
            or mention.props.get("route") or "至" in name:
        return  # a route section is named by its two ends, places, not firms
    # a works named after its known firm; laboratories are named after mountains, figures
    # and fields (嵩山实验室, 神农种业实验室), not firms
    start, cut = (0, None) if re.search(r"实验室?$", name) else _known_lead(name)
    # a known firm after the works' place (湘潭|吉利|新能源汽车项目) is the firm, though its
    # name is a place's too (吉利区): the place of the works was written before it
    known_after_place = cut is not None and start > 0
    if cut is None and mention.label == "Project":
        scope = _SCOPE.search(name, 2)
        if scope and scope.start() <= 8:
            cut = scope.start()
    if cut is None:
        for match in _FIRM_WORD.finditer(name, 2, len(name) - 2):
            rest = name[match.end():]
            # 科技创新 is the kind of a carrier (湘江科技创新院), not a firm's 科技
            if match.end() <= 8 and not rest.startswith(("园", "城", "大学", "学院", "馆", "创新")):
                cut = match.end()
                break
    if cut is None and mention.label == "Project":
        cut = _brand_before_place(name)
    # infrastructure (梅武高铁, 英武水库) and parks are named after places, not firms
    if cut is None and mention.label == "Project" and not _PLACE_WORKS.search(name) and not re.search(
            r"(?:园|园区|中心|城|医院|馆|综合体|变电站|道路|管线|线|路段|航道|港)(?:[一二三四五六]期)?(?:项目|工程)?$", name):
        start, cut = _leading_brand(name)
        if cut is not None and not coined(name[start:cut]):
            return
    if cut is None and mention.label == "Project":
        cut = _place_named_firm(name)
    if cut is None:
        return
    place = next((n for n in (3, 2) if name[start:start + n] in _regions()), 0)
    if place and re.fullmatch(r"[A-Za-z][A-Za-z0-9]{2,}", name[start + place:cut]):
        start += place  # the works' place opens the works' name, not the firm's (东莞|vivo)
    phase = re.search(r"[一二三四五六首]期$", name[start:cut])
    if phase and phase.start() >= 2:
        cut = start + phase.start()  # 长隆|首期: the phase is the works', not the firm's
    firm = name[start:cut]
    if len(firm) < 2 or is_generic(firm) or suffix_type(firm)[0] \
            or _place_name(firm) and not known_after_place or _no_trade_name(firm):
        return
    out.append(Mention("Firm", firm, mention.sentence, mention.i + start, mention.i + cut,
                       {"role": role, "inside": True}))


def _place_named_firm(name: str):
    """End of a firm named by its province or city and a common word, right before the
    product its works makes (四川时代|动力电池一期项目: the 字号 alone is an ordinary word,
    so the place is part of the firm's name)."""
    place = next((n for n in (3, 2) if name[:n] in _regions()), 0)
    word = name[place:place + 2]
    # (高新, 经开: a zone's type written short, 西安高新|集成电路 is the zone's works)
    if place and re.fullmatch(r"[\u4e00-\u9fff]{2}", word) and not is_generic(word) \
            and not _place_name(word) and suffix_type(word + "区")[0] != "Zone" \
            and _product_opens(name, place + 2):
        return place + 2
    return None


def _no_trade_name(firm: str) -> bool:
    """True when a place and a trade word make all of ``firm`` (秀洲区|科技): no 字号."""
    from kg.loaders.extract_firms import TRADE_WORDS
    from kg.loaders.extract_regions import gazetteer
    table = gazetteer()
    for n in range(len(firm) - 1, 1, -1):
        if (firm[:n] in table or _place_name(firm[:n])) and firm[n:] in TRADE_WORDS + ("",):
            return True
    return False


def _brand_before_place(name: str):
    """End of a 字号 + trade word that opens a works name before the place of the works
    (理想汽车|常州基地二期项目): the firm that builds there, however ordinary its 字号."""
    from kg.loaders.extract_firms import TRADE_WORDS
    head = name[:2]
    if is_generic(head) or _place_name(head) or not re.fullmatch(r"[\u4e00-\u9fff]{2}", head):
        return None
    for trade in sorted(TRADE_WORDS, key=len, reverse=True):
        end = 2 + len(trade)
        if name.startswith(trade, 2) and len(name) - end >= 4 and (
                _region_prefixed(name[end:]) or _place_name(name[end:end + 2])):
            return end
    return None


def _known_lead(name: str) -> tuple:
    """(start, end) of a known firm opening ``name`` or following its leading place
    (肇庆|宁德时代|二阶段工程), else (0, None)."""
    regions = _regions()
    for start in [0] + [n for n in (2, 3, 4, 5, 6) if name[:n] in regions]:
        size = known_prefix(name[start:])
        if size:
            return start, start + size
    return 0, None


_PRODUCTS: dict = {}


def _product_opens(name: str, at: int, trade: str = "") -> bool:
    """True when a product term of the shipped chain templates longer than ``trade`` starts
    at ``name[at:]`` (采埃孚|汽车零部件, 甲乙|新能源汽车, 丙丁|动力电池): it names what the
    works makes, so the firm is the 字号 before it, not 字号 + trade word.

    >>> _product_opens("甲乙新能源汽车项目", 2, "新能源"), _product_opens("甲乙科技园", 2, "科技")
    (True, False)
    """
    if "terms" not in _PRODUCTS:
        from kg.loaders.templates import load_templates
        terms = set()
        for template in load_templates():
            terms.update((template.name, *template.aliases))
            for link in template.links:
                terms.update((link.name, *link.aliases, *link.keywords, *link.broad_keywords))
        _PRODUCTS["terms"] = frozenset(t for t in terms if t and len(t) >= 3)
    return any(name.startswith(term, at) for term in _PRODUCTS["terms"]
               if len(term) > len(trade) and term.startswith(trade))


def _leading_brand(name: str) -> tuple:
    """(start, end) of the firm that opens a project or platform name, after a leading place
    (赛力斯|超级工厂, 海信|长沙综合生产基地, 深汕|比亚迪|汽车工业园), else (0, None).

    The name is cut into words (jieba); the firm is the run of coined words (rare in the
    general dictionary) before the first ordinary word, place or name suffix, closed by a
    trade word if one follows (铁建|重工)."""
    from kg.loaders.extract_firms import TRADE_WORDS, _frequency
    from kg.loaders.extract_firms import COMMON_WORD
    import jieba
    _frequency("")  # loads jieba's dictionary quietly
    words = jieba.lcut(name, HMM=True)
    regions = _regions()
    pos = 0
    while words and (words[0] in regions or _region_prefixed(words[0]) and len(words[0]) <= 3):
        pos += len(words.pop(0))
    start = end = pos
    for n, word in enumerate(words):
        if n and end - start >= 2 and word not in TRADE_WORDS and _product_opens(name, end):
            break  # the product the works makes starts here (丙丁|动力电池)
        if word in TRADE_WORDS and n:
            if not _product_opens(name, end, word):
                end += len(word)
            break
        if not n and re.fullmatch(r"[A-Za-z][A-Za-z0-9]{2,}", word):
            end += len(word)  # a Latin 字号 (东莞|vivo|全球研发总部)
            continue
        if word in regions or suffix_type(word)[0] or not re.fullmatch(r"[\u4e00-\u9fff]+", word) \
                or (len(word) == 1 and n) or _frequency(word) >= COMMON_WORD:
            break
        end += len(word)
    if end - start < 2 or end >= len(name) - 1:
        return 0, None
    return start, end


# "以甲为代表的整车企业", "以甲、乙等为龙头的…业", "以甲等支撑企业构成": firms named as the
# exemplars or leaders of a group (a construction of the language, not of one text).
_EXEMPLAR = re.compile(r"以([^,;。以]{2,40}?)(?:等)?(?:为(?:代表|龙头|引领|核心|主体|骨干)|"
                       r"(?:支撑|龙头|骨干|链主)企业)")


def _exemplar_firms(text: str, c_start: int, c_end: int, sentence, before: str,
                    found: list) -> None:
    """Firms named in 以…为代表/为龙头 clauses whose group is firms or a trade."""
    for match in _EXEMPLAR.finditer(text, c_start, c_end):
        after = text[match.end():c_end]
        if not re.search(r"企业|公司|集团|厂商|车企|业|龙头", after[:16] + match.group()):
            continue
        for i, j in split_depth0(text, "、和", match.start(1), match.end(1)):
            name = text[i:j]
            if suffix_type(name)[0] is not None or any(m.i < j and i < m.j for m in found) \
                    or not _valid(name, "Firm") or len(name) > 12 or not (
                        firm_like(name) or coined(name)):
                continue
            role = clause_role(before + text[c_start:i], "") or "local"
            found.append(Mention("Firm", name, sentence, i, j, {"role": role}))


def _legal_firms(text: str, c_start: int, c_end: int, sentence, before: str, found: list) -> None:
    """Full enterprise names (…股份有限公司) in a clause, with the short name written just
    before an opening bracket as their alias: 国盾量子(科大国盾量子技术股份有限公司)."""
    for start, end in legal_names(text, c_start, c_end):
        start = max(start, _trim(text, start, end - 4))
        if any(m.i < end and start < m.j for m in found if m.label == "Firm"):
            continue
        if suffix_type(_LEGAL_TAIL.sub("", text[start:end]))[0] == "Platform":
            continue  # 河南电池研究院有限公司: an institute run as a company
        name = text[start:end]
        if not _valid(name, "Firm"):
            continue
        role = clause_role(before + text[c_start:start], text[end:c_end]) or \
            _role(text, before, text[end:c_end])
        props = {"role": role}
        if start > c_start and text[start - 1] == "(":
            short = _SHORT_BEFORE.search(text, c_start, start - 1)
            if short and _valid(short.group(1), "Firm"):
                found.append(Mention("Firm", short.group(1), sentence, short.start(1),
                                     short.end(1), {"role": role, "also": name}))
                props["also"] = short.group(1)
        short_form = _LEGAL_TAIL.sub("", name)
        if "also" not in props and len(short_form) >= 2 and short_form != name:
            props["also"] = short_form  # 科大讯飞股份有限公司 is also 科大讯飞
        found.append(Mention("Firm", name, sentence, start, end, props))


# A name closed by the short legal forms 集团 or 公司 (企业名称登记管理规定: 组织形式), not by
# a longer form (集团公司, 集团有限公司: legal_names reads those).
# (a bank is an enterprise named the same way: 字号 or place + 银行)
_GROUP_END = re.compile(r"(?:集团|公司|银行)(?![\u4e00-\u9fff]{0,2}(?:公司|有限|股份|行长))")
# Words before 集团/公司 that make a kind of firm, not a firm: 企业集团, 子公司, 平台公司 …
_GROUP_KIND = re.compile(r"(?:企业|子|分|母|总|国有|民营|外资|上市|平台|投资|控股|产业|龙头|骨干|"
                         r"大型|中小|头部|一批|各类|相关|省属|市属|央企|国企|地方)$")


def _proper_head(core: str) -> bool:
    """True when what stands before 集团/公司 opens with a proper name: a place (贵州能源,
    省纺织: the province's own) or a coined 字号 (贵旅), not a common word that makes a
    kind of firm (跨国公司, 物业公司, 医疗集团)."""
    if core[0] in "省市" or _region_prefixed(core):
        return True
    import jieba
    from kg.loaders.extract_firms import _frequency
    _frequency("")  # loads jieba's dictionary quietly
    words = jieba.lcut(core, HMM=False)
    # a short core that opens with a province's one-character name and that the dictionary
    # splits into single characters is an abbreviation (贵|旅: 贵州旅游), coined like a 字号
    return coined(words[0]) or len(core) <= 4 and core[0] in _PROVINCE_SHORT[:-4] \
        and all(len(w) == 1 for w in words) and _frequency(core) == 0


def _group_firms(text: str, c_start: int, c_end: int, sentence, before: str,
                 found: list) -> None:
    """Firms named by 字号 + 集团/公司 (贵州能源集团, 省纺织集团, 横琴开发投资公司), each item
    of a list on its own, after the words that govern it."""
    for i, j in split_depth0(text, "、和及与", c_start, c_end):
        for match in _GROUP_END.finditer(text, i, j):
            end = match.end()
            start = _trim(text, max(i, end - 16), match.start())
            start = _balance(text, start, end)
            name = text[start:end]
            core = name[:-2]
            if len(core) < 2 or _GROUP_KIND.search(core) or suffix_type(core)[0] \
                    or not _proper_head(core) \
                    or any(m.i < end and start < m.j for m in found) \
                    or not re.fullmatch(r"[\u4e00-\u9fffA-Za-z]+", name) or not _valid(name, "Firm"):
                continue
            role = clause_role(before + text[c_start:start], text[end:c_end]) or \
                _role(text, before + text[c_start:start], text[end:c_end])
            found.append(Mention("Firm", name, sentence, start, end, {"role": role}))


_LEGAL_TAIL = re.compile(r"(?:\([^()]{1,6}\))?(?:集团)?(?:股份有限公司|有限责任公司|有限公司)$")
# A short name written before its full name in brackets: the last word run before "(".
_SHORT_BEFORE = re.compile(r"([\u4e00-\u9fffA-Za-z]{2,8})$")
# "(以下简称X)", "(简称X)": X is another name of what stands before the bracket.
_ALIAS = re.compile(r"\((?:以下简称|以下称|下称|简称)[:]?[“\"]?([^()“”\"]{2,20}?)[”\"]?\)")


def _alias_marks(text: str) -> tuple:
    """The text with each "(以下简称" and its ")" blanked to commas (so the alias reads as a
    name of its own), and the (start, end) of each alias."""
    spans = []
    chars = list(text)
    for match in _ALIAS.finditer(text):
        open_end = match.start(1) - (1 if text[match.start(1) - 1] in "“\"" else 0)
        for k in range(match.start(), open_end):
            chars[k] = ","
        for k in range(match.end(1), match.end()):
            chars[k] = ","
        spans.append((match.start(), match.start(1), match.end(1)))
    for match in _SHORT_IN_BRACKETS.finditer(text):
        # 国家集成电路设计自动化中心(EDA国创中心): a short name of the same kind in brackets
        inner, before = match.group(1), text[max(0, match.start() - 12):match.start()]
        kind = suffix_type(inner)[0]
        if kind in ("Platform", "Zone") and suffix_type(before)[0] == kind:
            chars[match.start()] = chars[match.end() - 1] = ","
            spans.append((match.start(), match.start(1), match.end(1)))
    return "".join(chars), spans


_SHORT_IN_BRACKETS = re.compile(r"\(([\u4e00-\u9fffA-Za-z0-9]{3,12})\)")


def _link_aliases(found: list, spans: list) -> None:
    """A name and its "(以下简称X)": X's mention gets the name as ``also`` (one entity)."""
    for bracket, a_start, a_end in spans:
        alias = next((m for m in found if m.i == a_start and m.j == a_end), None)
        named = next((m for m in found if m.j == bracket), None)
        if alias is None and named is not None and named.label in ("Zone", "Platform", "Firm") \
                and not any(m.i < a_end and a_start < m.j for m in found):
            # the text declares the short name (三山经开区), whatever rules a bare name
            # would have to pass
            alias = Mention(named.label, named.sentence.text[a_start:a_end], named.sentence,
                            a_start, a_end, dict(named.props))
            found.append(alias)
        if alias is not None and named is not None and alias.label == named.label:
            alias.props["also"] = named.name
            named.props["also"] = alias.name


def _known_firms(text: str, c_start: int, c_end: int, sentence, before: str, found: list) -> None:
    """Well-known firms by short name (比亚迪, 宁德时代) where the context says firm."""
    taken = [(m.i, m.j) for m in found]
    firms = [(m.i, m.j) for m in found if m.label == "Firm"]
    for m in known_firm_mentions(sentence, text, c_start, c_end, taken, firms):
        if m.name in _regions() or not _valid(m.name, "Firm"):
            continue
        m.props["role"] = clause_role(before + text[c_start:m.i], text[m.j:c_end]) or \
            _role(text, before + text[c_start:m.i], text[m.j:c_end])
        found.append(m)


# A road or railway section is named by its two ends joined by 至 (南雄至信丰, 铜仁至吉首铁路):
# where a clause builds roads or railways, each such pair is a project. 截至, 乃至, 甚至,
# 至少, 至上 are words, not ends.
_ROUTE = re.compile(r"((?:(?![和及与或])[\u4e00-\u9fff]){2,7})至((?:(?![和及与或])[\u4e00-\u9fff]){2,4}?)"
                    r"(?=[、,;。等和及\d]|[一二两三四五六七八九十]条|铁路|高铁|城际|高速|公路|$)")
_ROUTE_KIND = re.compile(r"高速|公路|铁路|高铁|城际|通道|航道")
_NOT_END = re.compile(r"(?:截|乃|甚|纷|直|以)$")
_NOT_START = re.compile(r"^(?:少|上|关|简|今|此|于|多|沓)")


def _route_sections(text: str, c_start: int, c_end: int, sentence, found: list) -> None:
    """Road and railway sections named by their ends (:data:`_ROUTE`) in a building clause."""
    clause = text[c_start:c_end]
    if not _ROUTE_KIND.search(clause) or not _BUILD.search(text):
        return
    taken = [(m.i, m.j) for m in found]
    for match in _ROUTE.finditer(text, c_start, c_end):
        left_end = match.end(1)
        # the name starts after the governing word, which the match may have cut through
        sep = max(text.rfind(ch, c_start, left_end) for ch in "、和及与或")
        i = _trim(text, max(c_start, sep + 1, left_end - 12), left_end)
        if left_end - i < 2 or _NOT_END.search(text[i:left_end]) \
                or _NOT_START.match(match.group(2)) or re.search(r"\d", text[i:match.end()]):
            continue
        j = match.end(2)
        kind = re.match(r"高速公路|高速|铁路|高铁|城际", text[j:c_end])
        if kind:
            j += kind.end()  # 日照至五莲高铁: the kind closes the name where it follows
        if any(a <= i < b or a < j <= b for a, b in taken):
            continue
        found.append(Mention("Project", text[i:j], sentence, i, j, {"route": True}))


# Power and gas sent from one province to another is named by the two provinces' one-character
# short names (or compass points) around the energy and the verb: 疆电入湘, 陕电送皖, 西气东输,
# 川气东送 — a transmission line or pipeline, a project.
_PROVINCE_SHORT = "京津沪渝冀豫云滇辽黑湘皖鲁新疆苏浙赣鄂桂甘陇晋蒙陕秦吉闽贵黔粤青藏川蜀宁琼东南西北"
_ENERGY_SENT = re.compile(f"(?:[{_PROVINCE_SHORT}][电气](?:[入送输][{_PROVINCE_SHORT}]|[东南西北][送输])"
                          # a direct-current line named by its two provinces (粤藏直流)
                          f"|(?<![{_PROVINCE_SHORT[:-4]}])[{_PROVINCE_SHORT[:-4]}]{{2}}直流)"
                          f"(?![\u4e00-\u9fff]{{0,2}}(?:公司|集团))")


def _energy_corridors(text: str, c_start: int, c_end: int, sentence, found: list) -> None:
    """Projects named as energy sent between provinces (疆电入湘, 陕电送皖)."""
    for match in _ENERGY_SENT.finditer(text, c_start, c_end):
        i, j = match.span()
        if not any(m.i < j and i < m.j for m in found):
            found.append(Mention("Project", text[i:j], sentence, i, j, {}))


def sentence_names(sentence) -> list:
    """Every zone, platform, project and firm named in one sentence."""
    text = _BOOK_TITLE.sub(lambda m: "," * len(m.group()), sentence.text)
    text, alias_spans = _alias_marks(text)
    out: list = []
    pieces = clauses(text)
    for n, (c_start, c_end) in enumerate(pieces):
        before = text[max(0, pieces[max(0, n - 2)][0]):c_start]
        found: list = []
        _energy_corridors(text, c_start, c_end, sentence, found)
        if "、" in text[c_start:c_end] or "等" in text[c_start:c_end]:
            items: list = []
            _list_items(text, c_start, c_end, sentence, before, items)
            found += [m for m in items if not any(c.i < m.j and m.i < c.j for c in found)]
        taken = [(m.i, m.j) for m in found]
        for i, j in split_depth0(text, "、", c_start, c_end):
            extra: list = []
            _suffix_names(text, i, j, extra, sentence)
            for m in extra:
                if not any(a <= m.i < b or a < m.j <= b for a, b in taken):
                    found.append(m)
        _legal_firms(text, c_start, c_end, sentence, before, found)
        _group_firms(text, c_start, c_end, sentence, before, found)
        _exemplar_firms(text, c_start, c_end, sentence, before, found)
        _known_firms(text, c_start, c_end, sentence, before, found)
        _route_sections(text, c_start, c_end, sentence, found)
        _ranked_firm(text, c_start, c_end, sentence, before, found)
        clause = _CLAUSE_FIRM.match(text, c_start, c_end)
        if clause and not found and _valid(clause.group(1), "Firm"):
            found.append(Mention("Firm", clause.group(1), sentence, clause.start(1),
                                 clause.end(1), {"role": "local"}))
        for match in list(_PARTNER.finditer(text, c_start, c_end)) + [
                m for m in _PARTNER_LIKE.finditer(text, c_start, c_end) if firm_like(m.group(1))
                and not any(f.i < m.end(1) and m.start(1) < f.j for f in found)]:
            if _valid(match.group(1), "Firm") or match.group(1).endswith("公司"):
                found.append(Mention("Firm", match.group(1), sentence, match.start(1),
                                     match.end(1), {"role": "target"}))
        _firm_bases(text, c_end, sentence, found)
        for m in list(found):
            if m.label == "Zone":
                _outer_zone(m, found)
            if m.label in ("Project", "Platform"):
                role = "target" if _role(text, before + text[c_start:m.i], "") == "target" \
                    else "local"
                _firm_in_name(m, found, role)
            if m.label == "Project":
                _park_of_phase(m, found)
        out.extend(found)
    out.sort(key=lambda m: m.i)
    _link_aliases(out, alias_spans)
    return out
