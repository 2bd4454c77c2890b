"""Firms named by clause-level forms: legal names, 集团/公司 names, exemplars, partners,
ranked firms, well-known short names, and the aliases a text declares (以下简称…).

>>> text, spans = alias_marks("甲乙科技股份有限公司(以下简称甲乙科技)")
>>> text, [text[start:end] for _bracket, start, end in spans]
('甲乙科技股份有限公司,,,,,甲乙科技,', ['甲乙科技'])
"""
from __future__ import annotations

import re

from kg.loaders.extract_firms import coined, firm_like, legal_names, proper_firm_name
from kg.loaders.extract_known import known_firm_mentions, known_firms, known_prefix, place_before
from kg.loaders.extract_roles import FIRM_PARTY_END, clause_role
from kg.loaders.lexicon import suffix_type
from kg.loaders.mentions import Mention, split_depth0
from kg.loaders import extract_name_bounds as bounds
from kg.loaders.extract_name_bounds import balance, trim_start, verb_lead
from kg.loaders.extract_name_checks import dictionary_words, list_role, phrase_not_name, valid_name
from kg.loaders.extract_name_places import PROVINCE_SHORT, region_names, region_prefixed
from kg.loaders.extract_name_firms import product_named


# A clause that opens with the name of what won a title or a place on a list of firms (甲获批
# …企业, 乙荣膺…示范企业, 丙连续入选…百强榜前20强): the subject is a local firm. (No ^:
# matched from a clause's start, where ^ would hold only for the sentence's first clause.)
_CLAUSE_FIRM = re.compile(r"([\u4e00-\u9fffA-Za-z]{2,10}?)(?:连续(?:[\d一二三四五六七八九十两]+年)?|再次|首次|成功|顺利|正式)?(?:获批|入选|成为|被评为|"
                          r"荣获|获评|荣膺)(?:.{0,20}企业|.{0,14}(?:百强|\d+强)(?![县市区镇乡]))|"
                          # a subject named as a company wins whatever it wins (甲海产公司获评…场)
                          r"([\u4e00-\u9fffA-Za-z]{2,10}(?:公司|集团))(?:连续(?:[\d一二三四五六七八九十两]+年)?|再次|首次|成功|顺利|正式)?"
                          r"(?:获批|入选|被评为|荣获|获评|荣膺)")
# A cluster's honour (…入选国家中小企业特色产业集群): the subject is a cluster, named by its
# product or place (钛及钛合金产业, 博兴商用厨房设备), however the honour mentions firms.
_CLUSTER_HONOUR = re.compile(r"[^,;。]*集群")
# A causative verb opens a clause on what a place or a policy makes of something (让广东成为
# …, 使企业入选…): its object is no firm.
_CAUSATIVE = re.compile(r"让|使|令|帮助|助力|推动|支持|促进|鼓励|引导")
# The partner form with a name formed like a firm's (与星澈科技签署…, 同蓝格新材料合作).
_PARTNER_LIKE = re.compile(r"(?:与|同)([\u4e00-\u9fffA-Za-z]{4,10}?)(?:签署|签订|签约|合作|共建|联合)")
_PARTNER = re.compile(r"(?:与|同)([\u4e00-\u9fffA-Za-z]{2,12}?(?:公司|集团))(?:合作|签署|签订|共建|开展)")


# A clause that opens with a firm's name and goes on with its production or its output
# (甲电子建成投产, 乙科技年均产值…, 丙药业当年投产): a firm operating in the text's place;
# 扩产项目 names a works, its firm is found inside it.
_OPERATING_FIRM = re.compile(r"(?:\d{4}年)?(?:\d{1,2}月)?(?:\d{1,2}日)?"  # (1998年|甲科技成立)
                             r"([\u4e00-\u9fffA-Za-z]{2,10}?)(?:建成投产|正式投产|当年投产|全面投产|"
                             r"投产|达产|扩产|年均产值|产值|年产量|产量|营收|营业收入|销售收入|销售额|"
                             # founding a firm (甲科技成立, 乙能源创立于…)
                             r"注册成立|成立|创立)(?!项目|工程|基地|线|之|以来|大会|仪式)")


# A clause that opens with a name formed like a firm's, then an honour or an approval of any
# kind (甲科技获评国家级绿色工厂, 乙新材料获批设立…工作站): the firm that won it.
_HONOURED = re.compile(r"([\u4e00-\u9fffA-Za-z]{2,10}?)(?:连续(?:[\d一二三四五六七八九十两]+年)?|再次|首次|成功|顺利|正式)?"
                       r"(?:获批|入选|被评为|被认定为|荣获|获评|荣膺)")


# The endings of townships and urban wards (镇, 乡, 街道, 社区): a place that wins honours
# as a firm does (银山镇入选“省级百强中心镇”), no firm.
_TOWNSHIP = re.compile(r"(?:镇|乡|街道|社区)$")


def _local_here(found: list, span: tuple) -> None:
    """The firm found at ``span`` with no role of its own is the text's (local)."""
    for m in found:
        if m.label == "Firm" and (m.i, m.j) == span and m.props.get("role") == "other":
            m.props["role"] = "local"


def clause_subject_firm(text: str, c_start: int, c_end: int, sentence, found: list) -> None:
    """The firm a clause opens with (:data:`_CLAUSE_FIRM`), where nothing else was found,
    or a firm named like one (or known) that opens a clause on its production
    (:data:`_OPERATING_FIRM`) or on an honour (:data:`_HONOURED`)."""
    clause = _CLAUSE_FIRM.match(text, c_start, c_end)
    group = (1 if clause.group(1) else 2) if clause else 0
    if clause:
        _local_here(found, clause.span(group))  # 甲集团获评…企业: a firm found already won it here
    # (the subject starts after an adverb or verb of aim: 力争|…; 将我区建设|成为…企业的沃土
    # leaves 建设, no name)
    start = trim_start(text, clause.start(group), clause.end(group), keep=2) if clause else 0
    name = text[start:clause.end(group)] if clause else ""
    if clause and not found and valid_name(name, "Firm") and not _CAUSATIVE.match(name) \
            and not phrase_not_name(name) and not _CLUSTER_HONOUR.match(text, clause.end(), c_end) \
            and not _TOWNSHIP.search(name):
        # (成功|入选…: an adverb opens the clause, no firm; 甲镇入选…: a town won it)
        found.append(Mention("Firm", name, sentence, start, clause.end(group),
                             {"role": "local"}))
        return
    clause = _OPERATING_FIRM.match(text, c_start, c_end) or _HONOURED.match(text, c_start, c_end)
    if clause is None:
        return
    _local_here(found, clause.span(1))  # a known firm found already: its output is here
    if any(m.i < clause.end(1) and clause.start(1) < m.j for m in found):
        return
    # (a verb of aim may open the clause: 力争|丙药业产值…)
    start = trim_start(text, clause.start(1), clause.end(1), keep=2)
    name = text[start:clause.end(1)]
    if proper_firm_name(name) and valid_name(name, "Firm"):
        found.append(Mention("Firm", name, sentence, start, clause.end(1), {"role": "local"}))


def partner_firms(text: str, c_start: int, c_end: int, sentence, found: list) -> None:
    """Firms a zone signs with or works with (与甲公司合作, 同乙科技签署): targets; a firm's
    own partners (甲集团与乙公司合作) are "other"."""
    for match in list(_PARTNER.finditer(text, c_start, c_end)) + [
            m for m in _PARTNER_LIKE.finditer(text, c_start, c_end) if firm_like(m.group(1))
            and not any(f.i < m.end(1) and m.start(1) < f.j for f in found)]:
        if valid_name(match.group(1), "Firm") or match.group(1).endswith("公司"):
            # (甲科技有限公司与|乙公司|签署合作协议: a firm's partner, not the place's)
            ours = re.search(FIRM_PARTY_END + "$", text[c_start:match.start()])
            found.append(Mention("Firm", match.group(1), sentence, match.start(1),
                                 match.end(1), {"role": "other" if ours else "target"}))

# A firm named right after the noun that ranks or places it (本地企业天马微电子, 链主企业甲),
# up to the verb or list mark that follows the name.
_RANKED_FIRM = re.compile(r"(?:本地|区内|园区|辖区|龙头|链主|骨干|领军|头部|重点)企业"
                          r"([\u4e00-\u9fffA-Za-z]{2,10}?)(?=扩产|投产|建设|实施|加快|成功|获批|入选|"
                          r"上市|落户|发展|做大|做强|牵头|[、和与及等,;。(])")


def ranked_firms(text: str, c_start: int, c_end: int, sentence, before: str,
                 found: list) -> None:
    """Firms of :data:`_RANKED_FIRM` not found otherwise."""
    for match in _RANKED_FIRM.finditer(text, c_start, c_end):
        i, j = match.span(1)
        name = text[i:j]
        if any(m.i < j and i < m.j for m in found) or not valid_name(name, "Firm") \
                or suffix_type(name)[0] or verb_lead(name) or bounds.LEADING_RE.match(name) \
                or phrase_not_name(name) and name not in known_firms():
            continue  # (区内企业|人才队伍建设, 龙头企业|下放高级…: words of the language)
        role = clause_role(before + text[c_start:i], text[j:c_end]) or "local"
        found.append(Mention("Firm", name, sentence, i, j, {"role": role}))


# "以甲为代表的整车企业", "以甲、乙等为龙头的…业", "以甲等支撑企业构成": firms named as the
# exemplars or leaders of a group (a construction of the language, not of one text).
_EXEMPLAR = re.compile(r"以([^,;。以]{2,40}?)(?:等)?(?:为(?:代表|龙头|引领|核心|主体|骨干)|"
                       r"(?:支撑|龙头|骨干|链主)企业)")


def _trade_head(words: str) -> bool:
    """True when ``words`` open on a trade's name (家电电子, 汽车及零部件), up to a mark.

    >>> _trade_head("家电电子,以甲"), _trade_head("装备制造"), _trade_head("党中央")
    (True, True, False)
    """
    from kg.loaders.extract_industry_filters import industry_ok, pos_tags
    head = re.match(r"[^,;。、及和与以]*", words).group()
    # no organisation (党中央), person or place; a noun or a making verb last (装备|制造)
    tags = pos_tags(head)
    return industry_ok(head) and bool(tags) \
        and not any(flag in ("nt", "nr", "nrt", "ns") for _w, flag in tags) \
        and (tags[-1][1].startswith("n") or tags[-1][1] in ("v", "vn"))


def exemplar_firms(text: str, c_start: int, c_end: int, sentence, before: str,
                   found: list) -> None:
    """Firms named in 以…为代表/为龙头 clauses whose group is firms or a trade."""
    for match in _EXEMPLAR.finditer(text, c_start, c_end):
        after = text[match.end():c_end]
        if not re.search(r"企业|公司|集团|厂商|车企|业|龙头", after[:16] + match.group()) \
                and not (after.startswith("的") and _trade_head(after[1:])):
            continue  # (…为代表的|家电电子, |快速消费品: a trade written without 业 heads them too)
        for i, j in split_depth0(text, "、和", match.start(1), match.end(1)):
            name = text[i:j]
            if suffix_type(name)[0] is not None or any(m.i < j and i < m.j for m in found) \
                    or not valid_name(name, "Firm") or len(name) > 12 or not (
                        firm_like(name) or coined(name)) or _kind_of_firm(name) \
                    or product_named(name) or re.search(r"制(?:度)?$", name) \
                    or verb_lead(name) and name not in known_firms():
                continue  # (以锂电池材料为代表的新能源产业: a product exemplifies the trade;
                # 以全员聘任制…为核心的…改革: a regime; 以招引|龙头企业: a verb, the means)
            role = clause_role(before + text[c_start:i], "") or "local"
            found.append(Mention("Firm", name, sentence, i, j, {"role": role}))


def _kind_of_firm(name: str) -> bool:
    """True when a name describes a kind of firm (跨国|公司, 国内|医药): its words before the
    legal form are a phrase of the language, no coined 字号.

    >>> _kind_of_firm("跨国公司"), _kind_of_firm("国内医药"), _kind_of_firm("宏景科技")
    (True, True, False)
    """
    if name in known_firms():
        return False
    return phrase_not_name(re.sub(r"(?:公司|企业|集团)$", "", name) or name)


def legal_firms(text: str, c_start: int, c_end: int, sentence, before: str, found: list) -> None:
    """Full enterprise names (…股份有限公司) in a clause, with the short name written just
    before an opening bracket as their alias: 国盾量子(科大国盾量子技术股份有限公司)."""
    for start, end in legal_names(text, c_start, c_end):
        cut = trim_start(text, start, end - 4)
        if not (region_prefixed(text[start:cut]) and _no_trade_name(text[cut:end])):
            start = max(start, cut)  # (贵州|聚力生化工有限公司: the cut would leave no 字号)
        if any(m.i < end and start < m.j for m in found if m.label == "Firm"):
            continue
        if suffix_type(_LEGAL_TAIL.sub("", text[start:end]))[0] == "Platform":
            continue  # 河南电池研究院有限公司: an institute run as a company
        name = text[start:end]
        if not valid_name(name, "Firm"):
            continue
        role = clause_role(before + text[c_start:start], text[end:c_end]) or \
            list_role(text, before, text[end:c_end])
        props = {"role": role}
        if start > c_start and text[start - 1] == "(":
            short = _SHORT_BEFORE.search(text, c_start, start - 1)
            if short and valid_name(short.group(1), "Firm"):
                found.append(Mention("Firm", short.group(1), sentence, short.start(1),
                                     short.end(1), {"role": role, "also": name}))
                props["also"] = short.group(1)
        short_form = _LEGAL_TAIL.sub("", name)
        if "also" not in props and len(short_form) >= 2 and short_form != name:
            props["also"] = short_form  # 科大讯飞股份有限公司 is also 科大讯飞
        found.append(Mention("Firm", name, sentence, start, end, props))


def _no_trade_name(name: str) -> bool:
    """True when a legal name keeps fewer than two characters of 字号 before its trade word
    (生|化工|有限公司): a boundary word that cut it was inside the 字号, after the place that
    opens the name (企业名称: 行政区划 + 字号 + 行业 + 组织形式; 贵州|聚力生|化工|有限公司).

    >>> _no_trade_name("生化工有限公司"), _no_trade_name("甲乙化工有限公司"), _no_trade_name("开发有限公司")
    (True, False, True)
    """
    from kg.loaders.extract_firms import TRADE_WORDS
    core = _LEGAL_TAIL.sub("", name)
    trade = next((w for w in sorted(TRADE_WORDS, key=len, reverse=True) if core.endswith(w)), "")
    rest = core[:len(core) - len(trade)]
    # (…开发区|建设|开发有限公司: a zone's own company, named in words of the language)
    return len(rest) < 2 or not trade and dictionary_words(rest)


# A name closed by the short legal forms 集团 or 公司 (企业名称登记管理规定: 组织形式), not by
# a longer form (集团公司, 集团有限公司: legal_names reads those).
# (a bank is an enterprise named the same way: 字号 or place + 银行)
# (控股 closes a holding company's short name, 苏海控股, as 集团 does; 控股子公司, 控股股东 are
# a stake's words)
_GROUP_END = re.compile(r"(?:集团(?!化)|公司|银行|控股(?!子|股东|权|比例|地位|集团))"  # (集团化: grouping)
                        r"(?![\u4e00-\u9fff]{0,2}(?:公司|有限|股份|行长))")
# Words before 集团/公司 that make a kind of firm, not a firm: 企业集团, 子公司, 平台公司 …
# (城投: the local governments' urban-investment vehicles, a class like 平台公司)
_GROUP_KIND = re.compile(r"(?:企业|子|分|母|总|国有|国资|民营|外资|上市|平台|城投|投资|控股|产业|龙头|骨干|"
                         r"大型|中小|头部|一批|各类|相关|省属|市属|央企|国企|地方)$")


def _proper_head(core: str) -> bool:
    """True when what stands before 集团/公司 opens with a proper name: a place (贵州能源,
    省纺织: the province's own) or a coined 字号 (贵旅), not a common word that makes a
    kind of firm (跨国公司, 物业公司, 医疗集团)."""
    if core[0] in "省市" or region_prefixed(core) or known_prefix(core):
        return True  # (a known group's unit: 大唐|延安发电公司 — 大唐 is a word too)
    import jieba
    from kg.loaders.extract_firms import _frequency
    _frequency("")  # loads jieba's dictionary quietly
    words = jieba.lcut(core, HMM=False)
    # a short core that opens with a province's one-character name and that the dictionary
    # splits into single characters is an abbreviation (贵|旅: 贵州旅游), coined like a 字号
    # (so is any short core the dictionary knows neither whole nor in words, of characters
    # that can stand in a name — no conjunction, preposition, pronoun, numeral …: 研|祥)
    from kg.loaders.extract_industry_filters import pos_tags
    return coined(words[0]) or len(core) <= 4 and all(len(w) == 1 for w in words) \
        and _frequency(core) == 0 and (core[0] in PROVINCE_SHORT[:-4] or not any(
            flag in _FUNCTION_TAGS for _w, flag in pos_tags(core)))


# jieba tags of characters that stand in no 字号: conjunctions, prepositions, adverbs,
# pronouns, particles, numerals, measure words, directions, time words
_FUNCTION_TAGS = ("c", "p", "d", "r", "u", "m", "q", "f", "t", "y", "e", "uj", "ul")


def group_firms(text: str, c_start: int, c_end: int, sentence, before: str,
                found: list) -> None:
    """Firms named by 字号 + 集团/公司 (贵州能源集团, 省纺织集团, 横琴开发投资公司), each item
    of a list on its own, after the words that govern it."""
    for i, j in split_depth0(text, "、和及与", c_start, c_end):
        for match in _GROUP_END.finditer(text, i, j):
            end = match.end()
            start = trim_start(text, max(i, end - 16), match.start())
            start = balance(text, start, end)
            name = text[start:end]
            core = name[:-2]
            if match.group() == "控股" and re.search(r"[由被为]$", text[c_start:start]):
                continue  # 由国资|控股: held by, a verb
            if _RELATION_TAIL.search(core):
                continue  # 甲经开区下属公司, 该公司, 合资公司: a company by its relation, no 字号
            kind = _GROUP_KIND.search(core)
            if kind and kind.start() >= 2 and region_prefixed(core[:kind.start()]):
                kind = None  # 横琴粤澳开发|投资公司: a place before the kind of firm names one
            if len(core) < 2 or kind or suffix_type(core)[0] \
                    or not _proper_head(core) \
                    or any(m.i < end and start < m.j for m in found) \
                    or not re.fullmatch(r"[\u4e00-\u9fffA-Za-z]+", name) or not valid_name(name, "Firm"):
                continue
            role = clause_role(before + text[c_start:start], text[end:c_end]) or \
                list_role(text, before + text[c_start:start], text[end:c_end])
            found.append(Mention("Firm", name, sentence, start, end, {"role": role}))


# How a company is named by its relation to another or to the text (下属, 该, 合资): no 字号.
_RELATION_TAIL = re.compile(r"(?:下属|所属|旗下|全资子|控股子|子|合资|项目|该|本|这家|此)$")
_LEGAL_TAIL = re.compile(r"(?:\([^()]{1,6}\))?(?:集团)?(?:股份有限公司|有限责任公司|有限公司)$")
# A short name written before its full name in brackets: the last word run before "(".
_SHORT_BEFORE = re.compile(r"([\u4e00-\u9fffA-Za-z]{2,8})$")
# "(以下简称X)", "(简称X)": X is another name of what stands before the bracket.
# A notice's words for its parties, declared like short names: roles, no names.
_PARTY_ALIAS = re.compile(r"(?:本|该|我)?(?:公司|集团|甲方|乙方|丙方|丁方|双方|各方|项目|协议|"
                          r"管委会|合资公司|项目公司|子公司|标的公司|上市公司|发行人)")
_ALIAS = re.compile(r"\((?:以下简称|以下称|下称|简称)[:]?[“\"]?([^()“”\"]{2,20}?)[”\"]?\)")


def alias_marks(text: str) -> tuple:
    """The text with each "(以下简称" and its ")" blanked to commas (so the alias reads as a
    name of its own), and the (start, end) of each alias."""
    spans = []
    chars = list(text)
    for match in _ALIAS.finditer(text):
        if _PARTY_ALIAS.fullmatch(match.group(1)):
            continue  # (以下简称“公司”, “甲方”): the party's role in a notice, no short name
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


def link_aliases(found: list, spans: list) -> None:
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


def short_known_firms(text: str, c_start: int, c_end: int, sentence, before: str, found: list) -> None:
    """Well-known firms by short name (比亚迪, 宁德时代) where the context says firm."""
    taken = [(m.i, m.j) for m in found]
    firms = [(m.i, m.j) for m in found if m.label == "Firm"]
    for m in known_firm_mentions(sentence, text, c_start, c_end, taken, firms):
        if m.name in region_names() or not valid_name(m.name, "Firm"):
            continue
        role = clause_role(before + text[c_start:m.i], text[m.j:c_end]) or \
            list_role(text, before + text[c_start:m.i], text[m.j:c_end])
        # a firm written after a place (枣庄|欣旺达) is its unit or works there: present
        m.props["role"] = "local" if role == "other" and place_before(text, m.i) else role
        found.append(m)
