"""Industries a document develops, the field of each sentence, and spelled-out chains.

Industries come from field headings ("装备制造业。"), from lists whose head noun is
产业/领域/行业 ("围绕传感器、通信设备等重大领域"), and from "X产业" / "X制造业" phrases.
A chain is a run of links joined by —/－/-/→ before 产业链, or a list the text calls a
whole chain (…的北斗应用全产业链).

>>> from kg.loaders.sentences import split_sentences
>>> s = split_sentences("谋划打造“传感器材料—传感芯片—传感器”的物联网产业链。")[0]
>>> [(m.name, m.props["links"]) for m in sentence_chains(s, None)]
[('物联网', ['传感器材料', '传感芯片', '传感器'])]
"""
from __future__ import annotations

import re
from functools import lru_cache

from kg.loaders.lexicon import (INDUSTRY_MODIFIED, MEASURE_WORDS, NOT_DEVELOP, NOT_ECONOMY,
                               NOT_TRADE_ENDS, on_fold, suffix_type)
from kg.loaders.mentions import Mention, clauses, split_depth0

_CJK = r"[\u4e00-\u9fffA-Za-z0-9]"
_CHAIN = re.compile(r"“?((?:[^“”\"—\-→,。;、]{2,16}(?:—|-|→)){1,12}[^“”\"—\-→,。;、]{2,16})”?"
                    r"(?:的|为主的)?(" + _CJK + r"{0,10}?)(?:全)?产业链")
_WHOLE = re.compile(r"([^,。;]{2,40}?、[^,。;]{2,60}?)的(" + _CJK + r"{2,10}?)全产业链")
_PLUS = re.compile(r"“([^“”]{2,10})\+([^“”]{2,10})”(?:产业链)")
_INDUSTRY_RE = (r"(" + _CJK + r"{2,12}?)(?:产业集群|产业|制造业|服务业|加工业|物流业)"
                r"(?!链|园|基地|集聚|带|体系|规模|生态|项目|布局|平台|发展|大会|转移|结构|用地|政策|目录|"
                # the demand or strength of industry in general (产业需求, 产业实力), and the
                # nouns 产业 modifies (增量产业资源, 国际产业合作: lexicon.INDUSTRY_MODIFIED)
                r"需求|实力|@MODIFIED@)")
_HEADING = re.compile(r"^(" + _CJK + r"[\u4e00-\u9fffA-Za-z0-9与及和]{1,13})。$")
_FIELD = re.compile(r"(?:在|聚焦|围绕)?(" + _CJK + r"{2,10}?)(?:方面|领域)")
_NOT_INDUSTRY = re.compile(r"^(?:主导|新兴|优势|支柱|特色|传统|未来|相关|关联|重点|龙头|上下游|"
                           r"配套|本地|全|各|该|其他|其它|这些|多|一批|要|对|发展|新型产业|高新技术|城市|每|"
                           r"国家|我市|我区|本市|协作|引导|进|"
                           r"战略性新兴|战略新兴|提供|制作|助力|放宽|补好|遵循|现有|掌握|优质|"
                           # verbs of a campaign (大抓产业, 掀起…, 引领产业创新, 承接外溢产业),
                           # determiners and words of scope or weight: none names a trade
                           r"大抓|掀起|引领|承接|外溢|新一轮|战略性|重大|区域|跨区域|"
                           # statistical and ranking classes of firms: 规上服务业, 百强服务业
                           r"规上|规模以上|百强|省级|重要)|同志|"
                           # kinds of consumption (数字消费, 绿色消费) are demand, not trades;
                           # 经营主体 names actors
                           r"消费$|主体$|"
                           r"[的了是为等批亿]|\d+[个家大亿年]|企业$|^[\d.]+$|集团|股份|"
                           r"领域|系列|产品$")
_VERB_START = re.compile(r"^(?:打通|保障|创造|增强|面临|发展|强化|加强|完善|推进|推动|绘制|全面|扩大|创新|大力|打造|建设|实施|"
                         r"加快|提升|培育|构建|优化|深化|积极|坚持|突出|聚焦|围绕|依托|引进|设立|"
                         r"开展|促进|发挥|鼓励|支持|争取|探索|做好|抓好|着力)")
ROLE_CUES = (("future", ("未来产业",)), ("emerging", ("新兴产业", "新兴领域", "战略新兴")),
             ("service", ("服务业",)), ("leading", ("主导产业", "优势产业", "支柱产业", "传统产业",
                                                   "主攻方向", "特色产业")))
_STRIP_TAIL = re.compile(r"(?:产业集群|产业|集群)$")


# A zone before a field says where it is, not what it is (高新区生物医药, 辖区所有制造业).
_ZONE_LEAD = re.compile(r"^[\u4e00-\u9fff]{0,4}?(?:高新区|经开区|开发区|自创区|自贸区|园区|辖区|区内)"
                        r"(?:所有|内|的)?")


def industry_name(name: str) -> str:
    """An industry's name without a trailing 产业/集群 or a leading zone (物联网产业 → 物联网).

    >>> industry_name("高新区生物医药产业")
    '生物医药'
    """
    bare = _STRIP_TAIL.sub("", name)
    bare = bare if len(bare) >= 2 else name
    rest = _ZONE_LEAD.sub("", bare)
    return rest if len(rest) >= 2 else bare


_IND_STOP = re.compile(r"^(?:产业|产业集群|集群|行业|领域|工业|经济|制造|服务|主导|新兴|未来|传统|首位|支柱|"
                       r"优势|特色|重点|先进制造|现代服务|制造业|服务业|发展|产业发展|高端|数字|智慧|"
                       r"新型|物流|健康|农业|信息|技术|新技术|高能级|数字核心|先进技术|"
                       # fields of public policy, not trades (a trade names its product:
                       # 医疗器械, 文化创意): 在就业、教育、医疗、社会保障等领域
                       r"就业|教育|医疗|社会保障|基础设施|科技创新|生态环保|生态|文化|民生)$|"
                       r"^[一二三四五六七八九十两]|[一二三四五六七八九十两]大$")
_BAD_PART = re.compile(r"[++“”\"《》,]|开放|振兴|投资|转移|需求|用地|禀赋|政策|规划|机遇|挑战|环境|效应|"
                       r"前景|下载|资料|职能|便利化|整合|"
                       # abstract nouns: a mode, a pattern, momentum — no industry
                       r"模式|业态|格局|机制|动能|活力|精神|素养|平方公里|范围|"
                       # idioms of effort (在…上下功夫、求实效)
                       r"功夫|实效")
_LOOSE_END_RE = (r"(?:[一二三四五六七八九十两\d]大|发展|和|与|及|的|以|在|新兴|传统|主导|重点|优势|特色|先进|"
                 r"关联|相关|高新技术|上下游|"
                 # the kinds of operator of farming (家庭农场, 农民专业合作社: 新型农业经营主体)
                 # and regimes of rules (排污许可制): lexicon.NOT_TRADE_ENDS
                 r"@ENDS@)$")
# Leading verbs left on the first item of a list ("提升发展果蔬加工…", "主要涵盖大数据").
_LEAD_VERB = re.compile(r"(?:主要|重点|大力|积极|加快|着力|创新|提升|巩固|培育|壮大|做大做强|"
                        r"做强|做大|发展|涵盖|包括|围绕|聚焦|瞄准|推进|推动|布局|提质|构筑|形成)+")


def _ok(name: str) -> bool:
    return (2 <= len(name) <= 12 and not _NOT_INDUSTRY.search(name) and not _IND_STOP.match(name)
            and not _BAD_PART.search(name) and not _LOOSE_END.search(name)
            and suffix_type(name)[0] is None and not _no_noun(name)
            and not (name.endswith("经济") and _ECONOMY_CLASS.fullmatch(name[:-2])))


# jieba tags of words that name no product or trade: verbs, time words, places, adjectives,
# adverbs, distinguishing words and numerals (帮扶产业, 现代产业, 粤北产业, 主特产业)
_NOT_NOUN_TAGS = ("v", "t", "ns", "a", "ad", "d", "b", "m")


def _no_noun(name: str) -> bool:
    """True when a two-character name is no noun (帮扶, 现代, 粤北, 主|特): an industry is
    named by its product or trade (钢铁, 化工, 文旅), a noun.

    >>> _no_noun("帮扶"), _no_noun("现代"), _no_noun("钢铁"), _no_noun("文旅")
    (True, True, False, False)
    """
    if len(name) != 2 or not re.fullmatch(r"[\u4e00-\u9fff]{2}", name):
        return False
    return any(flag in _NOT_NOUN_TAGS for _word, flag in _tags(name))


def _lead_strip(text: str, i: int, j: int) -> int:
    """Start of a list item once leading verbs (提升发展, 主要涵盖 …) are cut off."""
    match = _LEAD_VERB.match(text, i, j)
    return match.end() if match and j - match.end() >= 2 else i


def section_role(text: str, current: str | None) -> str | None:
    """The industry role a heading or lead sentence sets for what follows."""
    for role, cues in ROLE_CUES:
        if any(cue in text for cue in cues):
            return role
    return current


def heading_field(sentence) -> str | None:
    """The field a short heading sentence names ("装备制造业。" → 装备制造业), else None."""
    match = _HEADING.match(sentence.text)
    if not match or _VERB_START.match(match.group(1)) or _verb_inside(match.group(1)):
        return None
    name = match.group(1)
    if suffix_type(name)[0] is not None or len(industry_name(name)) < 2 or _clause_like(name) \
            or _NOT_DEVELOP.search(name):
        return None  # 精准施策化风险: a heading on risks or reform names no field
    return name


def _clause_like(name: str) -> bool:
    """True when a short line is a slogan (a verb phrase: 筑牢粤北生态屏障, 严控村级债务),
    not the name of a field (装备制造业, 节能环保): it holds an idiom, adverb or set phrase,
    or, past four characters, a verb or an opening adjective (part-of-speech tags of jieba)."""
    words = _tags(name)
    if any(flag in ("i", "d", "l", "ad") for _w, flag in words):
        return True
    if len(name) > 4 and (any(flag == "v" for _w, flag in words) or words[0][1] == "a"):
        return True
    return False


@lru_cache(maxsize=4096)
def _tags(text: str) -> tuple:
    import jieba
    import jieba.posseg
    jieba.setLogLevel(60)
    return tuple((w.word, w.flag) for w in jieba.posseg.cut(text, HMM=False))


# Words before a field that are not part of its name: verbs, adverbs, prepositions,
# pronouns, conjunctions, numerals and particles (不仅助推|国产半导体, 我国|新能源汽车).
_NOT_NAME_TAGS = ("v", "d", "p", "r", "c", "u", "uj", "ul", "m", "q", "f", "ad", "vd")
_PLACE_LEAD = re.compile(r"^(?:国家|我国|全国|全省|全市|全区|国内|国际|省级|市级)")


def _phrase_start(text: str, i: int, j: int) -> int:
    """Start of a field phrase once governing words and a leading place are cut off."""
    words = _tags(text[i:j])
    pos, start = i, i
    for word, flag in words[:-1]:
        pos += len(word)
        if flag in _NOT_NAME_TAGS or flag == "ns" or _PLACE_LEAD.match(word):
            start = pos
    lead = _PLACE_LEAD.match(text, start, j)
    if lead and j - lead.end() >= 2:
        start = lead.end()
    return start if j - start >= 2 else i


def _verb_inside(text: str) -> bool:
    from kg.loaders.extract_names import _BOUNDARY_AT
    return bool(re.match(r"^(?:要|[一二三四五六七八九十]是)", text)) or any(
        True for _ in _BOUNDARY_AT.finditer(text))


def _add_untaken(out: list, taken: list, names: list, sentence, role, src: str) -> None:
    """Append an Industry mention for each (start, end, name) not inside a span already taken."""
    for i, j, name in names:
        if not any(a <= i < b for a, b in taken):
            out.append(Mention("Industry", name, sentence, i, j, {"role": role or "other", "src": src}))
            taken.append((i, j))


def _regional(name: str) -> bool:
    """True when ``name`` opens with a place, or is only a scope (国际, 农村, 县域: 国际产业合作,
    农村产业) or a run of provinces' one-character names (川渝, 粤港澳): no trade."""
    from kg.loaders import gazetteer as national
    from kg.loaders.extract_names import _PROVINCE_SHORT, _region_prefixed
    # (a county written short is a place too: 吴起, 定边)
    return _region_prefixed(name) or len(name) <= 3 and bool(national.region_candidates(name)) or bool(
        _ECONOMY_CLASS.fullmatch(name) or re.fullmatch(r"农村|乡村|城市|城乡|城镇", name)
        or re.fullmatch(f"[{_PROVINCE_SHORT[:-4]}]{{2,3}}", name))


# The head noun after 等 that makes a list a list of industries: a few modifiers, then
# 产业/领域/行业/服务业 … ("等新兴领域", "等高品质生活性服务业"), not 产业链/产业化/产业转移.
_LIST_HEAD = re.compile(r"(?:(?:近|约)?[\d一二三四五六七八九十两]+(?:个|条|大))?"
                        r"[\u4e00-\u9fff]{0,7}?(产业集群|产业|服务业|制造业|领域|行业|业态|物流|集群|增长点)"
                        r"(?!化|链|转移|园|基地|用地|规划|体系|政策|目录|项目|全景|生态)")
# (国家级 is a rank of cluster, 国家 alone a country's: 等国家级产业集群 heads fields)
_HEAD_BAD = re.compile(r"投资|地区|国家(?!级)|城市|企业|的|和|与|细分|模式|要素|资源")
_FOCUS = re.compile(r"以(" + _CJK + r"{2,10})为(?:重点|核心|主导|龙头)的")
# A list after a development verb, up to 开展… or the clause end (a bare 等 may close it):
# "围绕甲、乙、丙开展招商引资", "培育壮大甲、乙。"
# A short development verb governs a list only at the head of its clause or after an
# adverb (产业发展互补互促 is no verb before a list).
_LEAD = r"(?:(?<=^)|(?<=[,;:])|(?<=大力)|(?<=加快)|(?<=积极)|(?<=着力)|(?<=持续)|(?<=要)|(?<=将)|(?<=并))"
_DEV_VERBS = (r"(?:重点发展|培育壮大|大力发展|巩固提升|提升发展|积极发展|加快发展|培育发展|发展壮大|"
              r"做强做优|做大做强|前瞻布局|前瞻培育|" + _LEAD + r"(?:发展|培育|壮大|做强|做优|布局))")
_TRIGGER_LIST = re.compile(r"(?:围绕|聚焦|" + _DEV_VERBS[3:-1] + r")((?:[^、,;。等]{2,10}、)+[^、,;。等]{2,10}?)"
                           r"(?=开展)|" + _DEV_VERBS + r"((?:[^、,;。等]{2,10}、)+[^、,;。等]{2,10}?)等?$")
# A sentence that opens on its field: "在甲方面,…", "甲领域重点发展…", "甲方面,…".
_OPEN_FIELD = re.compile(r"^(?:在)?(" + _CJK + r"{2,10}?)(?:方面,|方面|领域)")
_OPEN_FIELD_AT = re.compile(_OPEN_FIELD.pattern[1:])
_CONJ = re.compile(r".*(?:的|和|以|在|向)")


# Fields named for something other than developing them: risks, safety, policing, public
# services, reform, research (…等领域风险, 等民生领域, 在…等领域推进重组): not industries.


def _alternatives(words) -> str:
    return "|".join(map(re.escape, words)) or "(?!)"


def _compile_contexts() -> None:
    """(Re)build the patterns made from lexicon lists (a fold changes the lists)."""
    global _NOT_DEVELOP, _NOT_ECONOMY, _INDUSTRY, _LOOSE_END, _MEASURED
    _NOT_DEVELOP = re.compile(_alternatives(NOT_DEVELOP))
    _NOT_ECONOMY = re.compile("^(?:" + _alternatives(NOT_ECONOMY) + ")$")
    _INDUSTRY = re.compile(_INDUSTRY_RE.replace("@MODIFIED@", _alternatives(INDUSTRY_MODIFIED)))
    _LOOSE_END = re.compile(_LOOSE_END_RE.replace("@ENDS@", _alternatives(NOT_TRADE_ENDS)))
    _MEASURED = re.compile(_MEASURED_RE.replace("@MEASURES@", _alternatives(MEASURE_WORDS)))




def _list_head(tail: str):
    """The head noun of the text after 等 when it names industries, else None."""
    if re.match(r"(?:[\u4e00-\u9fff]{0,4})全产业链", tail):
        return "产业"  # 甲、乙等全产业链布局: the whole chains of industries
    if re.match(r"(?:[\d一二三四五六七八九十]+个)?(?:国家级?|省级?)?中小企业特色产业集群", tail):
        return "特色产业集群"  # 甲等7个国家中小企业特色产业集群: the state's designation
    match = _LIST_HEAD.match(tail)
    # a quality joined by 的 to a rank of industry still heads the list (等前景无限的未来产业)
    modifier = re.sub(r"的(?:未来|新兴|主导|支柱|优势|特色|战略性新兴|传统|现代)$", "",
                      tail[:match.start(1)]) if match else ""
    if not match or _HEAD_BAD.search(modifier):
        return None
    if re.match(r"龙头|企业|领军|骨干|公司|集团|巨头", tail[match.end():]):
        return None  # 等行业龙头企业: the list names firms
    if match.group(1) == "领域" and re.match(r"的[^,;。]{0,6}(?:企业|龙头|制度|创新|人才|机构|专家|合作|"
                                           r"结合|融合)",
                                           tail[match.end():]):
        return None  # 等领域的龙头企业/制度创新: the fields qualify something else
    return match.group(1)


def sentence_industries(sentence, role: str | None) -> list:
    """Industries named in one sentence, with the role the section gives them."""
    text = sentence.text
    out = []
    field = heading_field(sentence)
    if field:
        for part in re.split(r"和", field):
            name = industry_name(part)
            if _ok(name):
                out.append(Mention("Industry", name, sentence, 0, len(field),
                                   {"role": role or "other", "heading": True, "src": "heading"}))
        return out
    taken = []
    for c_start, c_end in clauses(text):
        _deng_lists(sentence, text, c_start, c_end, role, out, taken)
    _trigger_lists(sentence, text, role, out, taken)
    match = _OPEN_FIELD.match(text)
    lead = re.match(r"(?:目前|当前|同时|此外|其中|另外|近年来|近年|今年|去年|下一步),", text)
    if not match and lead:  # 目前,稀土永磁材料方面,…: a connective or time word first
        match = _OPEN_FIELD_AT.match(text, lead.end())
    if match:
        name = industry_name(match.group(1))
        if _ok(name) and not _regional(name) and not _verb_inside(name) \
                and not _VERB_START.match(name) and not name.endswith("服务") \
                and not _NOT_DEVELOP.search(text, match.end(), match.end() + 4) \
                and (len(name) >= 3 or "领域" in match.group()):
            out.append(Mention("Industry", name, sentence, match.start(1), match.end(1),
                               {"role": role or "other", "src": "open"}))
    _designated_clusters(sentence, text, role, out, taken)
    _ranked_list(sentence, text, role, out, taken)
    _whole_chain_list(sentence, text, role, out, taken)
    _counted_list(sentence, text, role, out, taken)
    _economies_and_trades(sentence, text, role, out, taken)
    for match in _FOCUS.finditer(text):
        name = industry_name(match.group(1))
        if _ok(name) and not _regional(name) and not _verb_inside(name):
            out.append(Mention("Industry", name, sentence, match.start(1), match.end(1),
                               {"role": role or "other", "src": "focus"}))
    _measured(sentence, text, role, out, taken)
    _phrases(sentence, text, role, out, taken)
    return out


# A trade measured by its output: what stands before 产量/产值/增加值/营收/销量 followed by a
# figure or a change is a trade (新能源汽车产量近100万辆, 汽车、有色金属行业增加值分别增长18%).
_MEASURED_RE = (r"((?:[\u4e00-\u9fffA-Za-z]{2,10}、)*[\u4e00-\u9fffA-Za-z]{2,10}?)(?:行业|产业)?"
                r"(?:@MEASURES@)(?:分别|均|预计)?"
                r"(?:同比)?(?:增长|突破|达到|达|超过|超|近|首次|位居|居|跃居|保持|[\d])")
# Totals and aggregates a report measures, not trades: 工业, 规上工业, 地区生产总值, 粮食,
# the economy of an ownership (民营经济), state firms, and a plant's yearly output (年产值).
_MEASURE_NOT = re.compile(r"年$|国企|央企|经济$|工业$|规上|规模以上|生产总值|全省|全市|全区|全年|总|^粮食$|农业$|"
                          r"服务业$|制造业$|企业|园区|开发区|高新区|经开区|[省市区县]$")


def _measured(sentence, text: str, role, out: list, taken: list) -> None:
    """Industries named by the output a report measures (:data:`_MEASURED`)."""
    from kg.loaders.extract_names import _trim
    for c_start, c_end in clauses(text):
        for match in _MEASURED.finditer(text, c_start, c_end):
            start = _trim(text, match.start(1), match.end(1))
            if text[start:start + 1] == "年" and text[start - 1:start].isdigit():
                start += 1  # 2023年|移动智能终端出货量: the year, then the trade
            items = []
            for i, j in split_depth0(text, "、", start, match.end(1)):
                # two trades joined by 和, each ending in 业 (文化产业和旅游业); 和 inside
                # one statistical class (交通运输仓储和邮政业) joins no trade on its left
                joint = text.find("和", i, j)
                if joint > i and text[joint - 1] == "业" and text[j - 1] == "业":
                    items += [(i, joint), (joint + 1, j)]
                else:
                    items.append((i, j))
            names = [(i, j, industry_name(text[i:j])) for i, j in items]
            if not names or not all(_ok(n) and not _regional(n) and not _verb_inside(n)
                                    and not _MEASURE_NOT.search(n) for _, _, n in names):
                continue
            _add_untaken(out, taken, names, sentence, role, "measured")


def _deng_lists(sentence, text: str, c_start: int, c_end: int, role, out: list,
                taken: list) -> None:
    """Industries of the lists closed by 等 + an industry head in one clause."""
    from kg.loaders.extract_names import _trim
    start = c_start
    for cut in [k for k in range(c_start, c_end) if text[k] == "等"]:
        head = _list_head(text[cut + 1:c_end])
        if "、" not in text[start:cut] and head != "特色产业集群":
            start = cut + 1  # (a designation counts its clusters: one item before 等 is one)
            continue
        focus = "聚焦" in text[c_start:cut]
        # 在甲、乙等领域实现突破 / 示范应用: technologies, not industries
        tech = head in ("领域", "行业") and (
            re.search(r"突破|攻关|示范应用|成果|外资", text[cut:c_end])
            or _NOT_DEVELOP.search(text[cut:c_end]) or _NOT_DEVELOP.search(text[c_start:start])
            or _NOT_DEVELOP.search(text, c_end, c_end + 24))
        if head and not (head == "领域" and focus) and not tech:
            own = "service" if head in ("服务业", "物流") else role
            items = split_depth0(text, "、", start, cut)
            last = text.find("和", *items[-1])
            if last - items[-1][0] >= 4 and items[-1][1] - last > 4:
                items[-1:] = [(items[-1][0], last), (last + 1, items[-1][1])]
            for n, (i, j) in enumerate(items):
                if n == 0:
                    i = _lead_strip(text, _trim(text, i, j), j)
                    prep = re.match(r".*(?:在|向|从|对)", text[i:j])
                    if prep and j - i - prep.end() >= 2:
                        i += prep.end()  # 高新区在甲、乙等领域: the preposition governs the list
                    joint = max(text.rfind("及", i, j), text.rfind("和", i, j))
                    if start > c_start and joint >= 0:
                        i = joint + 1  # 甲等主导产业及乙、丙等新兴领域
                i = _lead_strip(text, i, j)
                paren = text.find("(", i, j)
                j = paren if paren > i else j
                name = industry_name(text[i:j])
                if _ok(name) and not _regional(name):
                    out.append(Mention("Industry", name, sentence, i, j,
                                       {"role": own or "other", "src": "list"}))
                    taken.append((i, j))
        start = cut + 1


# Two fields joined by 和/及 that make a whole clause after a development verb (发展信息技术外包
# 和知识流程外包); both must read as fields, so 发展经济和社会事业 is no pair.
_PAIR = re.compile(_DEV_VERBS + r"([^、,;。等和及与]{3,10})[和及]([^、,;。等和及与]{3,10})$")


def _trigger_lists(sentence, text: str, role, out: list, taken: list) -> None:
    """Industries of a list governed by a development verb (:data:`_TRIGGER_LIST`)."""
    for c_start, c_end in clauses(text):
        match = _TRIGGER_LIST.search(text[c_start:c_end])
        pair = None if match else _PAIR.search(text[c_start:c_end])
        if pair:
            items = [(c_start + pair.start(1), c_start + pair.end(1)),
                     (c_start + pair.start(2), c_start + pair.end(2))]
        elif not match:
            continue
        else:
            group = 1 if match.group(1) else 2
            base = c_start + match.start(group)
            items = split_depth0(text, "、", base, c_start + match.end(group))
        names = [(i, j, industry_name(text[i:j])) for i, j in items]
        if all(_ok(n) and not _regional(n) and not _verb_inside(n) for _, _, n in names):
            for i, j, name in names:
                out.append(Mention("Industry", name, sentence, i, j,
                                   {"role": role or "other", "src": "trigger"}))
                taken.append((i, j))


def _phrases(sentence, text: str, role, out: list, taken: list) -> None:
    """Industries named as "X产业" / "X制造业" phrases, cut after governing words."""
    from kg.loaders.extract_names import _trim
    for match in _INDUSTRY.finditer(text):
        if text.count("(", 0, match.start()) > text.count(")", 0, match.start()):
            continue  # inside a bracketed detail of a field: 装备制造(…加工业)
        i = _trim(text, match.start(1), match.end(1))
        conj = _CONJ.match(text, i, match.end(1))
        if conj:
            i = conj.end()
        i = _lead_strip(text, i, match.end(1))
        i = _phrase_start(text, i, match.end(1))
        if i > 0 and text[:i].rstrip()[-1:] in tuple("0123456789一二三四五六七八九十两") \
                and text[i] in "大条个项类":
            i += 1  # 4大高端装备制造业, 5条先进制造业产业链 (a space may follow the figure)
        if text.startswith(("左右", "以上"), i):
            i += 2  # 20个左右制造业关键产品: the filler of a count
        dev = max(text.rfind(v, i, match.end(1)) for v in ("发展", "培育", "壮大"))
        if dev > i and match.end(1) - dev - 2 >= 2:
            i = dev + 2  # 更大力度发展富民产业: the name follows the development verb
        if any(a <= i < b for a, b in taken) or match.end(1) - i < 2 or _named_after(text, match.end()):
            continue
        if text.startswith("先进制造业", i) and re.match(r"(?:产业)?集群", text[i + 5:i + 9]):
            continue  # 先进制造业集群: the state's designation of a cluster (a programme)
        whole = text[i:match.end()]
        name = industry_name(whole) if not whole.endswith(("制造业", "服务业", "加工业", "物流业")) \
            else whole
        if _regional(name) or _verb_inside(name) or _VERB_START.match(name):
            continue
        if _ok(name) or (name.endswith("业") and _ok(name[:-3] or "x")):
            own = "service" if name.endswith("服务业") else role
            out.append(Mention("Industry", name, sentence, i, match.end(),
                               {"role": own or "other", "src": "phrase"}))
            _shared_head(sentence, text, i, own or "other", out, taken)


def _shared_head(sentence, text: str, i: int, role: str, out: list, taken: list) -> None:
    """The items before an "X产业" phrase joined to it by 、 share its head (形成汽车、城市轨道
    交通产业…: 汽车 is an industry too), back to the word that governs the list."""
    from kg.loaders.extract_names import _trim
    names = []
    while i > 0 and text[i - 1] == "、":
        start = max(text.rfind(c, 0, i - 1) for c in ",;:。、(") + 1
        if text[start - 1:start] != "、":
            start = _lead_strip(text, _trim(text, start, i - 1), i - 1)
            words = _tags(text[start:i - 1])
            if words and words[0][1] == "v" and len(words[0][0]) >= 2:
                start += len(words[0][0])  # the verb that governs the list (运用|数字技术)
        name = industry_name(text[start:i - 1])
        if not (_ok(name) and not _regional(name) and not _verb_inside(name)) or i - 1 - start > 10:
            return
        names.append((start, i - 1, name))
        i = start
    _add_untaken(out, taken, names, sentence, role, "shared")


# A cluster named by the state's designation (国家先进制造业集群, 中小企业特色产业集群): its
# industry is what stands before the designation or before 集群入选/获批, after the places
# that locate it (安徽省|新能源和智能网联汽车|先进制造业集群, 成渝地区|生物医药|集群入选).
_DESIGNATED = re.compile(r"([\u4e00-\u9fffA-Za-z0-9和]{2,24}?)(?:先进制造业(?:产业)?集群|"
                         r"(?:产业)?集群(?=(?:成功)?(?:入选|获批|获评)))")
_ASPIRE_VERB = re.compile(r"申创|争创|创建|申报|培育|打造|建设|入选")


# Clusters listed before their designation (甲地乙、丙地丁入选国家先进制造业集群): each item
# is a cluster, its industry after the places that locate it.
_DESIGNATED_LIST = re.compile(r"((?:[^、,;。:]{3,16}、)+[^、,;。:]{3,16}?)(?:成功)?(?:入选|获批|获评)"
                              r"(?:国家级?|省级?)?(?:先进制造业|战略性新兴产业|中小企业特色产业)?集群")


def _designated_clusters(sentence, text: str, role, out: list, taken: list) -> None:
    """Industries of the clusters a text names by designation (:data:`_DESIGNATED`)."""
    from kg.loaders.extract_names import _trim
    for match in _DESIGNATED_LIST.finditer(text):
        items = split_depth0(text, "、", _trim(text, match.start(1), match.end(1)), match.end(1))
        names = [(k, j, industry_name(text[k:j])) for k, j in
                 ((_after_places(text, i, j), j) for i, j in items)]
        if all(j - k >= 2 and _ok(n) and not _verb_inside(n) for k, j, n in names):
            _add_untaken(out, taken, names, sentence, role, "designated")
    for match in _DESIGNATED.finditer(text):
        i = _trim(text, match.start(1), match.end(1))
        verbs = list(_ASPIRE_VERB.finditer(text, i, match.end(1)))
        i = _after_places(text, verbs[-1].end() if verbs else i, match.end(1))
        name = industry_name(text[i:match.end(1)])
        if match.end(1) - i < 2 or not _ok(name) or _verb_inside(name) \
                or any(a <= i < b for a, b in taken) or name in ("先进制造业", "制造业"):
            continue
        out.append(Mention("Industry", name, sentence, i, match.end(1),
                           {"role": role or "other", "src": "designated"}))
        taken.append((i, match.end(1)))


def _after_places(text: str, i: int, j: int) -> int:
    """Start of ``text[i:j]`` after the places that open it: regions of the gazetteer,
    their single-character abbreviations run together (广深佛惠莞中) and 地区/区域."""
    import jieba
    from kg.loaders.extract_firms import _frequency
    from kg.loaders.extract_regions import gazetteer
    _frequency("")  # loads jieba's dictionary quietly
    table = gazetteer()
    pos = i
    for word in jieba.lcut(text[i:j], HMM=False):
        if word in table or word in ("地区", "区域", "省", "市") or len(word) == 1 \
                or word[:2] in table and len(word) <= 3:
            pos += len(word)
            continue
        break
    return pos if j - pos >= 2 else i


# A list the text develops as whole chains without closing it by 等: "推动甲、乙、丙全产业链
# 发展" names three industries (each with its whole chain); "形成/覆盖甲、乙的全产业链"
# spells the links of one chain instead, so 发展 must follow.
_WHOLE_LIST = re.compile(r"((?:[^、,;。等的]{2,12}、)+[^、,;。等的]{2,12}?)全产业链(?:协同|加快|加速)?发展")


def _whole_chain_list(sentence, text: str, role, out: list, taken: list) -> None:
    """Industries of a list closed by 全产业链 (:data:`_WHOLE_LIST`)."""
    from kg.loaders.extract_names import _trim
    for match in _WHOLE_LIST.finditer(text):
        start = _lead_strip(text, _trim(text, match.start(1), match.end(1)), match.end(1))
        items = split_depth0(text, "、", start, match.end(1))
        names = [(i, j, industry_name(text[i:j])) for i, j in items]
        if len(names) < 2 or not all(_ok(n) and not _regional(n) and not _verb_inside(n)
                                     for _, _, n in names):
            continue
        _add_untaken(out, taken, names, sentence, role, "whole")


# "以甲和乙为两大主导产业", "以甲为主,以乙、丙为辅": the industries a zone names with
# their rank (主导 → leading, 新兴 → emerging, 未来 → future, 为主 → leading).
_RANKED = re.compile(r"以([^,;。以]{2,40}?)(?:产业)?为(?:(?:[\d一二三四五六七八九十两]+)(?:大|个|条))?"
                     r"(主导|支柱|优势|首位|特色|新兴|未来|主(?=[,;。、])|辅(?=[,;。、的]))(?:产业|方向)?")
# Without 以, at the head of a clause: "甲、乙、丙为三大主导产业", "甲已成为园区首位产业".
_RANKED_BARE = re.compile(r"(?:^|(?<=[,;:]))([^,;。以为]{2,40}?)(?:产业)?(?:已)?(?:成为|为|是)"
                          r"[^,;。]{0,4}?(?:(?:[\d一二三四五六七八九十两]+)(?:大|个|条))?"
                          r"(主导|支柱|优势|首位|新兴|未来)(?:产业)")
_RANK_ROLE = {"主导": "leading", "支柱": "leading", "优势": "leading", "首位": "leading",
              "特色": "leading", "主": "leading", "新兴": "emerging", "未来": "future",
              "辅": "emerging"}


# A list of fields closed by its count and an industry head: "甲、乙、丙5条先进制造业核心产业链",
# "甲、乙两大“千亿级”产业", "甲和乙两个主导产业".
_COUNTED = re.compile(r"([^,;。:]{2,160}?)(?:[\d一二三四五六七八九十两]+)(?:大|个|条|类)"
                      r"[^,;。、]{0,10}?(产业链|产业集群|产业|集群|领域|行业)(?!化|园|基地|项目|工人|企业)")


_COUNT_MARK = re.compile(r"[\d一二三四五六七八九十两](?:大|个|条|类)")


def _counted_list(sentence, text: str, role, out: list, taken: list) -> None:
    """Industries of a list closed by a count and an industry head (:data:`_COUNTED`)."""
    from kg.loaders.extract_names import _trim
    if not _COUNT_MARK.search(text):
        return
    for c_start, c_end in clauses(text):
        for match in _COUNTED.finditer(text, c_start, c_end):
            start = _trim(text, match.start(1), match.end(1))
            items = split_depth0(text, "、", start, match.end(1))
            if len(items) < 2:
                last = text.find("和", start, match.end(1))
                if last < 0:
                    continue
                items = [(start, last), (last + 1, match.end(1))]
            else:
                joint = text.rfind("和", *items[-1])
                if joint - items[-1][0] >= 2 and items[-1][1] - joint > 2:
                    items[-1:] = [(items[-1][0], joint), (joint + 1, items[-1][1])]
            own = "service" if "服务" in text[match.end(1):match.end()] else role
            for n, (i, j) in enumerate(items):
                i = _lead_strip(text, i, j)
                paren = text.find("(", i, j)
                if paren > i:
                    _included(sentence, text, paren, j, own or "other", out, taken)
                j = paren if paren > i else j
                name = industry_name(text[i:j])
                if any(a < j and i < b for a, b in taken) or not _ok(name) or _regional(name) \
                        or _verb_inside(name):
                    continue  # (an item overlapping one taken is that one: 以|新能源汽车)
                out.append(Mention("Industry", name, sentence, i, j,
                                   {"role": own or "other", "src": "counted"}))
                taken.append((i, j))


# "发展银发经济、首发经济", "推动数字经济": an economy named by a short word is an industry
# (低空经济, 夜经济); kinds of ownership or places (民营经济, 县域经济) are not.
_ECONOMY = re.compile(r"(?:发展|推动|培育|壮大|做强|做大|促进|布局|抢抓|深化|拓展|打造|繁荣|提振|激发|"
                      r"现代|、|和|及|与)([\u4e00-\u9fff]{1,2})经济(?!圈|带|区|体|社会|发展水平|运行|"
                      # 经济 modifying the noun after it: the work, growth, size, policy or
                      # field of an economy (中央经济工作会议, 稳定经济增长, 经济领域风险)
                      r"工作|增长|增速|增加值|总量|政策|领域|形势|下行|结构|实力|发达|秩序|性|"
                      # the economy of a named area (广清经济特别合作区) is the area's
                      r"[\u4e00-\u9fff]{0,4}(?:合作区|试验区|示范区|走廊))")
# "大力发展现代金融业", "提升旅游业": a trade ending in 业 after a development verb.
_TRADE_AFTER_VERB = re.compile(r"(?:发展|壮大|做强|培育|提升|推动|促进|振兴|优化)([\u4e00-\u9fff]{2,6}?业)"
                               r"(?=[,。;、和及]|发展|高质量|结构|竞争力|质效)")
# "以甲为代表的封测业": the trade whose exemplar firms the text names.
_EXEMPLAR_TRADE = re.compile(r"为(?:代表|引领|龙头|核心|骨干|主体)的([\u4e00-\u9fff]{2,8}?业)"
                             r"(?=[、,;。和及以]|$)")
_NOT_TRADE = re.compile(r"(?:企业|就业|创业|行业|产业|专业|作业|事业|职业|毕业|营业|物业|学业|伟业|基业|"
                        r"失业|开业|实业|商业|主业)$")


# Economies that are no trade, as closed classes of the language: the forms of ownership
# (the Constitution's 国有/集体/个体/私营 and the usual 民营/非公/外资/混合所有制 — 民营经济),
# an area named by its 域 (县域, 区域, 省域, 市域, 流域 — 县域经济), the economy as a whole
# seen from home or abroad (国内, 国际, 国民, 宏观, 微观, 地方 — 国内经济), and the real
# economy as against the financial (实体, 虚拟).
_ECONOMY_CLASS = re.compile(r"国有|集体|个体|私营|民营|非公|公有|外资|混合|.域|国内|国际|国民|宏观|"
                            r"微观|地方|实体|虚拟")


def _economies_and_trades(sentence, text: str, role, out: list, taken: list) -> None:
    """Industries named as economies (数字经济) or as trades after a development verb."""
    for pattern, stop, src in ((_ECONOMY, _NOT_ECONOMY, "economy"),
                               (_TRADE_AFTER_VERB, _NOT_TRADE, "trade"),
                               (_EXEMPLAR_TRADE, _NOT_TRADE, "trade")):
        for match in pattern.finditer(text):
            i = match.start(1)
            j = match.end(1) + (2 if src == "economy" else 0)
            name = text[i:j]
            if stop.search(match.group(1)) or any(a <= i < b for a, b in taken) \
                    or src == "economy" and _ECONOMY_CLASS.fullmatch(match.group(1)) \
                    or _regional(name) or _verb_inside(name):
                continue
            out.append(Mention("Industry", name, sentence, i, j, {"role": role or "other",
                                                                  "src": src}))
            taken.append((i, j))


def _included(sentence, text: str, paren: int, end: int, role: str, out: list,
              taken: list) -> None:
    """Fields a bracket includes after an industry: 未来产业(含AI+、空天信息)."""
    inner = re.match(r"\((?:含|包括|包含)([^()]{2,40})\)", text[paren:end])
    if not inner:
        return
    base = paren + inner.start(1)
    for i, j in split_depth0(text, "、", base, paren + inner.end(1)):
        name = industry_name(text[i:j])
        if _ok(name) and not _regional(name) and not any(a <= i < b for a, b in taken):
            out.append(Mention("Industry", name, sentence, i, j, {"role": role, "src": "included"}))
            taken.append((i, j))


# The rank first, then its industries: "主导产业为甲、乙和丙", "新兴产业主要包括甲、乙".
_RANK_FIRST = re.compile(r"(主导|支柱|优势|首位|特色|新兴|未来)产业(?:集群)?(?:主要)?(?:是|为|有|包括|涵盖)"
                         r"[:]?([^,;。:]{2,80}?)(?:等(?:[\d一二三四五六七八九十两]+(?:大|个|条))?"
                         r"(?:产业|领域|行业)?)?(?=[,;。]|$)")


def _ranked_list(sentence, text: str, role, out: list, taken: list) -> None:
    """Industries named with their rank: 以A和B为两大主导产业, 以A为主、以B、C为辅,
    主导产业为A、B和C."""
    ranked = [(m.start(1), m.end(1), _RANK_ROLE[m.group(2)]) for m in _RANKED.finditer(text)]
    ranked += [(m.start(2), m.end(2), _RANK_ROLE[m.group(1)]) for m in _RANK_FIRST.finditer(text)]
    ranked += [(m.start(1), m.end(1), _RANK_ROLE[m.group(2)]) for m in _RANKED_BARE.finditer(text)
               if not _verb_inside(m.group(1)) and not _VERB_START.match(m.group(1))]
    for start, end, own in ranked:
        items = []
        for i, j in split_depth0(text, "、和与", start, end):
            joint = text.find("及", i, j)  # 汽车及零部件 is one trade; 甲产业及乙产业 two
            if joint - i >= 3 and j - joint - 1 >= 3:
                items += [(i, joint), (joint + 1, j)]
            else:
                items.append((i, j))
        for i, j in items:
            name = industry_name(text[i:j])
            if any(a <= i < b for a, b in taken) or not _ok(name) or _regional(name):
                continue
            out.append(Mention("Industry", name, sentence, i, j, {"role": own, "src": "ranked"}))
            taken.append((i, j))


def _named_after(text: str, end: int) -> bool:
    """True when the 产业 phrase ending at ``end`` is part of a platform, zone or project name
    (…产业研究院, …产业博览会, …产业示范项目)."""
    from kg.loaders.lexicon import suffix_matches
    window = re.split(r"[,;。、()“”《》\s]", text[end:end + 8])[0]
    return any(label in ("Platform", "Zone", "Project") for _, _, label, _ in suffix_matches(window))


def sentence_field(sentence, previous: str | None) -> str | None:
    """The field a sentence is about: its own 在X方面/X领域, else the one before."""
    match = _FIELD.search(sentence.text[:30])
    if match and _ok(industry_name(match.group(1))):
        from kg.loaders.extract_names import _trim
        start = _trim(sentence.text, match.start(1), match.end(1))
        name = industry_name(sentence.text[start:match.end(1)])
        if _ok(name):
            return name
    return previous


def sentence_chains(sentence, field: str | None) -> list:
    """Chains spelled out in one sentence, links in the text's order."""
    text = sentence.text
    out = []
    for match in _CHAIN.finditer(text):
        links = [link.strip() for link in re.split(r"—|-|→", match.group(1))]
        if any(re.fullmatch(r"[\d.]+", link) for link in links) or len(links) < 2:
            continue
        tail = match.group(2)
        if not text[match.start():match.start(1)]:  # unquoted: cut off the verbs around it
            links, tail = _unquoted_links(text, match, links, tail)
        industry = industry_name(tail) if len(tail) >= 2 else (field or "")
        _add_chain(out, sentence, match, industry or "产业", links)
    for match in _WHOLE.finditer(text):
        from kg.loaders.extract_names import _trim
        start = _trim(text, match.start(1), match.end(1))
        links = [text[i:j] for i, j in split_depth0(text, "、", start, match.end(1))]
        links = _from_to_first(text, start, links)
        if links and links[0].startswith("集") and links[-1].endswith("于一体"):
            links[0], links[-1] = links[0][1:], links[-1][:-3]  # 集A、B、C于一体的…全产业链
        if len(links) >= 3 and all(2 <= len(link) <= 12 for link in links):
            _add_chain(out, sentence, match, industry_name(match.group(2)), links, start)
    for match in _PLUS.finditer(text):
        links = [match.group(1), match.group(2)]
        _add_chain(out, sentence, match, field or "产业", links)
    _more_chains(sentence, text, field, out)
    return out


# Other wordings people write a chain in (each: links in the text's order, as written):
# a quoted run joined by dashes or arrows without 产业链 after it ("整车-零部件-后市场");
_DASHED = re.compile(r"“((?:[\u4e00-\u9fffA-Za-z]{1,10}(?:—|-|→|－)){2,11}[\u4e00-\u9fffA-Za-z]{1,10})”")
# a list the text calls a whole chain without 的 (A、B、C和D全产业链), or that 集…于一体 or
# 覆盖…全环节 closes;
_WHOLE_BARE = re.compile(r"([^,。;:“”]{2,80}?、[^,。;:“”]{2,80}?)(?:全产业链|全链条|全产业)")
_UNITED = re.compile(r"集([^,。;:]{2,80}?、[^,。;:]{2,80}?)于一体的?[^,。;]{0,12}?(?:全?产业链|链条)")
_COVER = re.compile(r"覆盖([^,。;:]{2,80}?、[^,。;:]{2,80}?)(?:等)?全(?:环节|链条|流程)")
# a "from … to … to …" enumeration (从甲、到乙、到丙全过程 …);
_FROM_TO = re.compile(r"从([^,。;、]{2,12})[、,]?到([^,。;、]{2,12})(?:[、,]?到([^,。;、]{2,12}))?"
                      r"(?:[、,]?到([^,。;、]{2,12}))?")
# up/mid/downstream spelled out (上游甲、中游乙、下游丙);
_STREAM = re.compile(r"上游(?:的|为|是|以)?([^,。;、]{2,14})[、,;]中游(?:的|为|是|以)?([^,。;、]{2,14})"
                     r"[、,;]下游(?:的|为|是|以)?([^,。;、]{2,14})")
# the same with development verbs and lists in each stream (上游重点发展甲、乙,中游发展丙,
# 下游发展丁和戊): every item a link, upstream to downstream;
_STREAM_LISTS = re.compile(r"上游([^,。;]{2,40}?)[,;、]中游([^,。;]{2,40}?)[,;、]下游([^,。;]{2,40}?)"
                           r"(?=[,。;]|$)")
# a compressed form: single-character links in quotes before 全产业(链) ("制储输加用").
_COMPRESSED = re.compile(r"“([\u4e00-\u9fff]{3,7})”([\u4e00-\u9fff]{0,6}?)(?:全产业链|全产业|全链条|产业链)")
# the same form unquoted, right before 全产业链 (氢能制储运加用全产业链): the run is found by
# :func:`_bare_compressed`
_BARE_COMPRESSED = re.compile(r"([\u4e00-\u9fff]{5,12})(?:全产业链|全链条)")
_LINK_TAIL = re.compile(r"(?:全过程|全环节|全链条|等|的)[\u4e00-\u9fff]*$")


_CHAIN_MARK = re.compile(r"[—\-→－]|全产业|产业链|全链条|全流程|于一体|全环节|全过程|上游|从")


def _more_chains(sentence, text: str, field, out: list) -> None:
    """Chains in the wordings of :data:`_DASHED`, :data:`_WHOLE_BARE`, :data:`_UNITED`,
    :data:`_COVER`, :data:`_FROM_TO`, :data:`_STREAM` and :data:`_COMPRESSED`."""
    from kg.loaders.extract_names import _trim
    if not _CHAIN_MARK.search(text):
        return
    spans = [(m.i, m.j) for m in out]
    industry = field or "产业"

    def add(match, links, start=None):
        links = [link.strip() for link in links if link and link.strip()]
        if len(links) < 2 or any(not 1 <= len(link) <= 14 or re.search(r"\d", link)
                                 for link in links):
            return
        begin = match.start() if start is None else start
        if any(a < match.end() and begin < b for a, b in spans):
            return  # already read by a sharper pattern
        spans.append((begin, match.end()))
        _add_chain(out, sentence, match, industry, links, begin)

    for match in _DASHED.finditer(text):
        links = re.split(r"—|-|→|－", match.group(1))
        # links of a chain are things made (2-8 characters), not places (a corridor) nor
        # steps of a procedure (引进专业团队—…): no link is a region or opens on a verb
        if len(links) >= 3 and all(2 <= len(link) <= 8 and not _regional(link)
                                   and not _verb_inside(link) and not _VERB_START.match(link)
                                   for link in links):
            add(match, links)
    for pattern in (_UNITED, _COVER, _WHOLE_BARE):
        for match in pattern.finditer(text):
            start = _trim(text, match.start(1), match.end(1))
            links = [text[i:j] for i, j in split_depth0(text, "、和及与", start, match.end(1))]
            links = _from_to_first(text, start, links)
            if len(links) >= 3:
                add(match, links, start)
    for match in _FROM_TO.finditer(text):
        links = [_LINK_TAIL.sub("", g) if g else g for g in match.groups()]
        if sum(1 for g in links if g) >= 3:
            add(match, links)
    for match in _STREAM.finditer(text):
        add(match, list(match.groups()))
    for match in _STREAM_LISTS.finditer(text):
        links = []
        for n in range(1, 4):
            part = _LEAD_VERB.sub("", match.group(n), count=1) if _LEAD_VERB.match(
                match.group(n)) else match.group(n)
            # verbs of consisting (为, 覆盖, 包含, 主要有) are no part of a stream's links
            part = re.sub(r"^(?:主要)?(?:的|为|是|以|有|覆盖|包含|集中在)", "", part)
            links += [x for x in re.split(r"[、和及与]", part) if x]
        if all(2 <= len(x) <= 10 and not _VERB_START.match(x) for x in links):
            add(match, links)
    for match in _COMPRESSED.finditer(text):
        # what stands between the quote and 产业链 names the industry (“制储输加用”氢能全产业链),
        # never a verb (“双长制”做好产业链招商)
        if _compressed(match.group(1)) and not _verb_inside(match.group(2)) \
                and not _VERB_START.match(match.group(2)):
            add(match, list(match.group(1)))
    for match in _BARE_COMPRESSED.finditer(text):
        run = _bare_compressed(match.group(1))
        if run:
            add(match, list(run), match.end(1) - len(run))


def _bare_compressed(before: str) -> str:
    """The run of single-character links that ends ``before`` (氢能|制储运加用), or "": the
    longest run of 4-7 characters none of whose pairs is a common word, opening on no word
    at all (制储), after a word of the dictionary (氢能) and with none across its start (能制)."""
    from kg.loaders.extract_firms import _frequency
    for size in range(min(7, len(before) - 2), 3, -1):
        run, word = before[-size:], before[-size - 2:-size]
        if _compressed(run) and _frequency(word) > 0 and _frequency(run[:2]) == 0 \
                and _frequency(before[-size - 1:-size + 1]) == 0:
            return run  # the text before ends a word right where the run starts
    return ""


def _from_to_first(text: str, start: int, links: list) -> list:
    """从硅料到硅片、电池片、组件: the first two links are joined by 从…到."""
    if not links:
        return links
    first = links[0][1:] if links[0].startswith("从") else links[0]
    if (links[0].startswith("从") or text[start - 1:start] == "从") and "到" in first[1:-1]:
        cut = first.index("到", 1)
        return [first[:cut], first[cut + 1:]] + links[1:]
    return links


# A verb that closes an unquoted chain's last link and opens the chain's own name
# (整车→零部件→后市场服务|完善|汽车产业链).
_CHAIN_VERB = re.compile(r"完善|打造|构建|形成|延伸|壮大|培育|做强|提升|拓展|建设|补齐|延长")


def _unquoted_links(text: str, match, links: list, tail: str) -> tuple:
    """(links, industry tail) of an unquoted chain: the first link starts after the words
    that govern the chain (重点围绕|整车), the last ends at a verb (…服务|完善|汽车)."""
    from kg.loaders.extract_names import _trim
    first_end = match.start(1) + len(links[0])
    start = _trim(text, match.start(1), first_end)
    if first_end - start >= 1:
        links = [text[start:first_end].strip()] + links[1:]
    verb = _CHAIN_VERB.search(links[-1], 1)
    if verb:
        tail = links[-1][verb.end():] + tail
        links = links[:-1] + [links[-1][:verb.start()]]
    return links, tail


def _compressed(run: str) -> bool:
    """True when ``run`` is single-character links, not a word: none of its character
    pairs is an ordinary word (jieba's dictionary), so 制储输加用 is a list, 新能源 is not."""
    from kg.loaders.extract_firms import _frequency
    return all(_frequency(run[k:k + 2]) < 50 for k in range(len(run) - 1))


# Verbs that introduce a chain's links, left on the first one (涵盖|光伏硅料、…, 打通|芯片设计…).
_LINKS_VERB = re.compile(r"^(?:涵盖|覆盖|打通|贯通|构建|形成|打造|延伸|补齐|包括|包含|串联|连接)")


def _add_chain(out, sentence, match, industry, links, start=None) -> None:
    start = match.start() if start is None else start
    verb = _LINKS_VERB.match(links[0]) if links else None
    if verb and len(links[0]) - verb.end() >= 2:
        links = [links[0][verb.end():]] + links[1:]
    out.append(Mention("Chain", industry, sentence, start, match.end(), {"links": links}))


_compile_contexts()
on_fold(_compile_contexts)
