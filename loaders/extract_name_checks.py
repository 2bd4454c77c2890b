"""Whether a span is a name of its type: a firm, platform, zone or project, not a kind.

Government bodies, public services, titles firms hold, designations of cities and carriers
named only by ordinary words are left out (GOLD-SCHEMA), and a listed firm's role is read
from the trigger words around its list.

>>> valid_name("三一重工", "Firm"), valid_name("龙头企业", "Firm")
(True, False)
"""
from __future__ import annotations

import re

from kg.loaders.lexicon import (LOCAL_AFTER, LOCAL_TRIGGERS, NOT_FIRM_ENDS, NOT_PLATFORM_WORDS,
                                PUBLIC_WORDS, SUFFIXES, TARGET_TRIGGERS, is_generic, on_fold,
                                suffix_type)
from kg.loaders.extract_firms import one_thing_word
from kg.loaders.extract_known import group_bureau, known_firms
from kg.loaders.extract_name_bounds import MAX_NAME, clause_adverb, verb_lead
from kg.loaders.extract_roles import NOT_AN_EVENT
from kg.loaders.extract_name_places import (country_names, only_places, region_names, region_prefixed,
                                            zone_place_prefixed)


def _words(words: list) -> str:
    """An alternation of ``words`` (one that matches nothing when the list is empty)."""
    return "|".join(map(re.escape, words)) or "(?!)"


def _compile() -> None:
    """(Re)build the patterns made from the lexicon's word lists (a fold changes them)."""
    global _NOT_PLATFORM, _PUBLIC, _NOT_FIRM_END, _TARGET_CUE
    # a span with a platform's suffix that is no name: a list or a conjunction in it, a
    # count of kinds (两大…), a date, or a verb or quantifier of the listed class
    # (融媒体中心, 新闻中心: a newsroom, the byline of a report, no carrier of industry)
    _NOT_PLATFORM = re.compile(r"为中心|和|及|、|平台\+|引导(?!基金)|[一二三四五六七八九十两几]大(?!学)|"
                               r"融媒体中心|新闻中心|采访中心|仓储中心|配送中心|分拣中心|"
                               # a machine that lifts or drills (高空作业平台): a product;
                               # a stock exchange's channel of notices
                               r"作业平台|信息披露平台|上云|上平台|"
                               r"\d+年|\d+日|" + _words(NOT_PLATFORM_WORDS))
    _PUBLIC = re.compile(_words(PUBLIC_WORDS))
    _NOT_FIRM_END = re.compile("(?:" + _words(NOT_FIRM_ENDS) + ")$")
    # the cues of list_role; one that names an event is no cue (对接会上, 招商推介会)
    _TARGET_CUE = re.compile("(?:" + _words(TARGET_TRIGGERS) + ")" + NOT_AN_EVENT)


_compile()
on_fold(_compile)
# Government bodies and their sessions are not platforms (GOLD-SCHEMA: left out).
_GOVERNMENT = re.compile(r"人民代表大会|人民政府|[省市县区]政府|委员会|政协|代表大会|"
                         # a government's steering group and its members (…工作领导小组各成员单位)
                         r"领导小组|成员单位|主要领导|"
                         # the government's own working sessions: summing up the year,
                         # honouring staff, rallying, deploying (总结表彰大会, 动员大会)
                         r"(?:总结|表彰|动员|部署|誓师|务虚|述职|工作)(?:大会|会议)$|"
                         # and a party or government body's plenary or enlarged session
                         # (…工委第七次扩大会议, 市委全会, 常务会议)
                         r"(?:扩大|全体|常务|党组|常委)(?:会议|会)$|全会$|"
                         # a government's report to its congress (我向大会|报告…), and its
                         # bureaus and commissions (市工信委, 市科技局, 省商务厅)
                         # (and the plan it submits to that congress: 提请大会审查, 全文提交
                         # 大会, 经本次大会批准)
                         r"(?:向|提请|提交)(?:本次)?大会$|^本次大会$|(?:委|局|厅)$|"
                         # a government's office of economic cooperation (市经合中心), a
                         # bureau by another name
                         r"(?:经合|经济合作)(?:服务)?中心$|"
                         # the administration of a new town or zone (…生态产业新城发展中心)
                         r"(?:新城|新区|园区|开发区)(?:建设)?发展中心$")
# (public services and administration: lexicon.PUBLIC_WORDS, built into _PUBLIC)

# The marks a template or a redacted text writes for a name it leaves out (XX经济开发区,
# ××药业, 某某公司, 〔...〕): a placeholder, no name.
PLACEHOLDER = re.compile(r"[Xx×]{2,}|某某|〔[.…]+〕|_{2,}|(?<![A-Za-z])X(?=[\u4e00-\u9fff])")
_NOT_NAME = re.compile(PLACEHOLDER.pattern + r"|[,;:。!?%《》、>]|以及|^\d(?![\d.]*(?:英寸|寸|代|纳米|nm))|亿元|万元|\d+(?:个|家|所|项|强|月|台|座|条|处)|\d万?户|今年|去年|明年|首个|首家|首批|首只|"
                       r"[两二三四五六七八九十]个|"  # a count of kinds (畜牧、蔬菜两个省实验室)
                       r"仅有[两二三四五六七八九十]家|"  # (浙江省仅有三家平台: a count of carriers)
                       r"前[\d一二三四五六七八九十百]+(?:大|强|名|位)|前$|"  # a rank (全球前十大)
                       # an honours list's count or superlative (深圳十大人工智能集聚区,
                       # 中国十大最具投资价值锂电产业园): the title of a list, no one's name
                       r"(?<![\d一二三四五六七八九十百千])[十百]大(?![道街桥厦楼学])|最具|最大|"
                       # a certain one, an ellipsis (某光电有限公司, 垃圾焚烧处理项目……)
                       r"^某|…|"
                       # every kind or level of a thing, things related (自治区各类实验室,
                       # 各级…协会, 联合国相关大会), or what was won (获全国…大赛): no name
                       r"各类|各级|相关|^获(?:全国|世界|国家|省|国际)|"
                       # every level or county at once (市县两级…中心, 县市区绿色食品产业园,
                       # 生物安全三级防护实验室): a class spread over levels, no one's name
                       r"[两三]级|^(?:县市区|市县区|区县|市县|省市县)|"
                       # a comparison (质量效益更优, 带动能力更强) or a class by size (百亿级
                       # 企业): predicates and ranks of firms, no one's name
                       r"(?:更|较)[高优强大好多快精]$|^[十百千万]亿级|"
                       # a photograph's credit (…促进局供图): a caption, no name
                       r"供图|"
                       # spans and repetitions of time (长春汽开区近年来在一汽集团, …每月派人到
                       # 现场调度项目) and a first of a kind (膜基金为全国首支…): clauses
                       r"近年来|多年来|每[年月周日天]|首支|"
                       # a counted formula alone (两专科一中心, 两有三解) or a count of
                       # lines (“三条高铁”): a programme's shorthand, no name
                       r"^(?=.*[两三四五六七八九十])(?:[一二两三四五六七八九十]+[^一二两三四五六七八九十“”\d]{1,2}){2,}$|"
                       r"^“?[两三四五六七八九十]条|"
                       # the social insurances and the farmers' cooperative, kinds a person
                       # joins, no firm (参加基本养老保险、工伤保险, 农民专业合作社)
                       r"^(?:基本|城乡居民|职工)?(?:养老|工伤|失业|医疗|生育)保险$|^(?:农民)?专业合作社$|"
                       # a government's own sports meet (市运动会, 市直机关运动会)
                       r"^[省市县区州](?:第?[一二三四五六七八九十\d]+届?)?(?:直机关)?运(?:动)?会$|"
                       # a designation, no carrier (“两山”实践创新基地); a computing centre,
                       # zero-carbon areas and listing named by their kind alone (智算中心,
                       # 人工智能算力中心, 零碳园区、零碳社区, 新上市、挂牌3户企业)
                       r"实践创新基地$|^(?:城市|智能|人工智能)?(?:公共)?(?:智算|算力)(?:服务|统筹调度)?(?:中心|平台)$|"
                       # a kind of exchange (数据交易所, 大宗商品交易平台, 市场化交易平台)
                       r"^(?:大数据|数据|大宗商品|市场化)交易(?:所|平台|中心)$|"
                       r"^近?零碳(?:园区|厂区|校区|社区|工厂)$|^新?(?:上市|挂牌)$|"
                       r"^(?:新一批|本土|国家级?|全国)?(?:跨行业跨领域)?(?:工业互联网)?“双跨”平台$|"
                       # chambers and associations together (各地商协会: a collective), the
                       # kinds of partners joined (民营企业与科研机构, 企业与州内外高校)
                       r"商协会$|^[\u4e00-\u9fff]{0,2}企业(?:与|和)|"
                       # a clause's causative, adverb or deictic (让更多…, 始终做到, 这个中心),
                       # the programme 和美乡村 a cut
                       # left as 美乡村, and trade agreements (RCEP示范项目)
                       r"^让|始终|做到|这个|^美乡村|平方公里|^(?:RCEP|CPTPP|WTO|APEC|DEPA)$|"
                       # a clause's verb of winning or listing after the subject (市食检中心获
                       # 国家CNAS实验室, 兢强科技新三板挂牌并…), a head of state (习近平主席向论坛)
                       r"(?<=..)获|新三板|主席|总理|"
                       r"书记|主任|党工委|管委会|常委|[\d一二三四五六七八九十两]+位|"  # 四位专家: people
                       # officials' titles (县领导李某, 副市长), and a year or a part of one
                       # (2024年第一季度…: a campaign's time, no name's part)
                       r"[省市县区]领导|市长|县长|区长|局长|总经理|董事长|\d{4}年|季度|上半年|下半年|"
                       # one quoted character is a slogan's verb (“钻”项目, “盯”项目), a
                       # name quotes whole words (“一带一路”侨商大会)
                       r"[“‘\"][\u4e00-\u9fff][”’\"]|"
                       # a batch of an honours list (全国第七批智慧化工园): a title, no name
                       r"第[\d一二三四五六七八九十]+批")
# Kinds of organisation that are no firm, however a name before them reads (智能机器人产业
# 集群, 产业链企业联合委员会, 行业协会, 产业联盟, 商会)
_ORGANISATION_END = re.compile(r"(?:集群|委员会|协会|联盟|商会|办学集团|职教集团|教育集团|中专|师专|职专|打造)$")
# "以甲为(主)平台/载体/抓手": the noun after 为 says what 甲 serves as, it names nothing
_CARRIER_PREDICATE = re.compile(r"为(?:主|重要|核心)?(?:平台|载体|抓手)$")
# The actions on a chain (建链、强链、延链、补链: CLARIFICATIONS' 强链/补链/延链 are actions)
_CHAIN_ACTION = re.compile(r"(?:[建强延补固稳育]链)+")
# (区 and 不 left by a cut: 商贸集聚区|红十字…, 企业|不停产; 区域, 区块链, 不锈钢, 不动产 are words;
# 年产量 is a figure of output, 年产 opens a works named by its capacity)
_BAD_START = re.compile(r"^(?:年(?!产(?!量))|月|日|号|是|有|为|将|和|及|与|等|在|对|了|着|之|所|其|被|"
                        r"款|余[家个所项款]|"
                        r"区(?![域块])|不(?![锈动])|也(?!门)|一[个批座家所条](?!园)|"
                        # a round or batch of a designation (第二轮|全国特色小镇)
                        r"第[\d一二三四五六七八九十]+[轮批]|"
                        # units of power and energy left by a cut figure (20|吉瓦时储能机柜)
                        r"吉瓦时|吉瓦|兆瓦时|兆瓦|千瓦时|万千瓦|千瓦|[GM]Wh?(?![A-Za-z])|"
                        r"万平方米|平方米|平方公里|公里|万吨|吨|千伏|KV|kV|万亩|亩|×|台套|台\(套\)|"
                        # a count of sessions or all past sessions (两场|论坛, 历届|东博会)
                        r"历届|[\d两一二三四五六七八九十]+场|周年)")  # a unit left by a cut number

# A count or a batch before a platform's kind, with its level: the text counts carriers of
# a kind, it names none (新增3个国家级科创平台, 打造一批…研究院, 建设三级…服务中心).
COUNTED_KIND = re.compile(r"(?:(?:[\d一二三四五六七八九十百千两]+|数)(?:多|余)?[个家所座类批项级条大]|一批|一大批|多家|"
                          r"若干)(?:国家级|省级|市级|国家|全国|省|市)?“?$")  # (五大“科创平台”: quoted)


# A meeting of a whole province, city or county (召开全省科技大会, 全市高质量发展大会): the
# government convenes its own organs and departments to set a year's work; no carrier of
# industry that firms meet at (those are hosted events: 举办…博览会, 峰会, 论坛).
_WHOLE_PLACE = ("全省", "全市", "全县", "全州", "全盟", "全旗", "全区")
_WORK_MEETING = re.compile(r"(?:大会|会议|工作会|推进会|座谈会|调度会|动员会|观摩会)$")


def work_meeting(name: str, before: str) -> bool:
    """True when ``name`` is a meeting of a whole place (``before`` the text just before it).

    >>> work_meeting("全市招商引资推进大会", "召开"), work_meeting("教育大会", "召开全省")
    (True, True)
    >>> work_meeting("全省人才博览会", "举办"), work_meeting("首届研学旅游大会", "全省")
    (False, False)
    """
    if "届" in name:
        return False  # 全省首届研学旅游大会: a numbered session, an event held again and again
    return bool(_WORK_MEETING.search(name)) and (before.endswith(_WHOLE_PLACE)
                                                  or name.startswith(_WHOLE_PLACE))


def platform_ok(name: str, before: str) -> bool:
    """A named platform, not the head noun of a list (…等一流大学), a carrier the text
    means to build (打造…中心, 创建…大学), a government's own work meeting (全省科技大会)
    or a chamber named only by a place (异地新乡商会).

    >>> platform_ok("科技大会", "召开全省"), platform_ok("世界传感器大会", "成功举办")
    (False, True)
    """
    if before.endswith("等"):
        return False
    if work_meeting(name, before):
        return False
    if one_thing_word(name):
        return False  # 高峰论坛, 事业单位, 自行车赛: the dictionary's word for a kind of carrier
    if COUNTED_KIND.search(before):
        return False  # a count before a kind (新建5家基础学科研究中心, 一批…研究院)
    if re.search(r"(?:打造|创建|争创|申建)$", before) and not name.startswith("中国") \
            and not region_prefixed(name) and not re.search(r"[“\"A-Za-z]", name):
        return False
    if name.endswith(("商会", "协会")):
        core = re.sub(r"(?:商会|协会)$", "", name)
        for size in (4, 3, 2):
            core = "".join(part for part in re.split("|".join(
                re.escape(core[k:k + size]) for k in range(len(core) - size + 1)
                if core[k:k + size] in region_names()) or "^$", core))
        if len(core) < 2 or re.search(r"(?:异地|各地|在外|外地|驻)$", core):
            return False
    return True


# Zone types written short: alone (高新区) they name the zone the text is about; after a
# word they name a zone only where that word is its place.
ABBREVIATED = ("高新区", "经开区", "自创区", "自贸区", "开发区")

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
                        name) or zone_place_prefixed(name):
        return False
    return dictionary_words(name, 2)


def dictionary_words(text: str, least: int = 1) -> bool:
    """True when ``text`` is at least ``least`` words of the general dictionary (a coined
    字号 is not one), none proper or a place, a single character only when it is a common
    word on its own and never two in a row (a transliteration: 依必安派特)."""
    import jieba.posseg
    from kg.loaders.extract_firms import COMMON_WORD, _frequency
    words = _joined_abbreviations(jieba.posseg.lcut(text, HMM=False))
    if any(len(a) == len(b) == 1 for (a, _f), (b, _g) in zip(words, words[1:])):
        return False
    return len(words) >= least and all(
        word in POLICY_ABBREVIATIONS or flag not in _PROPER_TAGS and word not in region_names()
        and _frequency(word) > 0 and (len(word) >= 2 or _frequency(word) >= COMMON_WORD)
        for word, flag in words)


# Abbreviations of the policy language the general dictionary lacks, ordinary words of the
# genre (科创 = 科技创新, 双创 = 创新创业, 产学研): 高能级科创平台 names a kind of carrier.
POLICY_ABBREVIATIONS = frozenset(("科创", "双创", "产学研", "政产学研", "中试"))


def _joined_abbreviations(words: list) -> list:
    """``words`` (jieba's (word, flag) pairs) with the single characters that spell a policy
    abbreviation joined (科|创 → 科创)."""
    out = []
    for word, flag in words:
        if out and len(out[-1][0]) == 1 and out[-1][0] + word in POLICY_ABBREVIATIONS:
            out[-1] = (out[-1][0] + word, "j")
        else:
            out.append((word, flag))
    return out


# Titles the state or rankings give firms (the national programmes for small and medium
# firms, the rankings): a name holding one names the class of its holders.
_FIRM_TITLE = re.compile(r"单项冠军|专精特新|小巨人|瞪羚|独角兽|隐形冠军|百强|[0-9]+强|高新技术企业|"
                         r"(?:规上|规下|限上|四上|五上|规模以上|限额以上)(?:工业|服务业)?企业|"
                         r"(?:战略性新兴|战略新兴|高耗能|科技型中小|创新型中小)(?:产业)?企业|"
                         # (a new strategic firm, a first set of equipment, central and national
                         # firms by their marks, a province's lead firms: 战新企业, 首台套装备,
                         # 中字号, 国字头, 自治区工业龙头企业)
                         r"战新企业|首台套|首台\(套\)|首版次|中字号|国字头|龙头企业$|强村公司|灯塔工厂|"
                         r"限上[\u4e00-\u9fff]{0,6}企业")
# (the last: a statistical class of firms by size — 规上企业560家 — names none)


# A meeting named by its scope or its work alone (全国大会, 现场推进会): which one, the text
# does not say.
# (or by its business alone, a meeting held every year: 招商引资大会, 项目建设推进会)
_SCOPE_ONLY_EVENT = re.compile(r"(?:全国|全省|全市|全区|全县|国际|世界|年度|全体|现场|工作|集中|会展|人民)?"
                               r"(?:招商引资|招商|项目建设|项目|经济工作)?"
                               r"(?:大会|会议|年会|论坛|峰会|博览会|展览会|交易会|推进会|观摩会|调度会|"
                               r"座谈会)")
# A deck for the view (日出云海观景平台, 观海休闲平台): a structure of a scenic spot, no carrier.
_VIEWING_DECK = re.compile(r"(?:观景|观光|观海|休闲)平台$")
# The parties of a meeting written one character each (政|银|企: government, banks, firms):
# a kind of meeting held again and again, no one event's name.
# The organs of a company (shareholders', board, supervisors): their meetings are a firm's
# governance, named in every listed firm's notices.
_FIRM_ORGAN = re.compile(r"(?:股东|董事|监事|理事)(?:大)?会$|董事会|股东大会|监事会")
_PARTIES_MEETING = re.compile(r"[政银企金校院产学研商保担]{2,5}(?:融资|合作)?(?:对接|恳谈|座谈|洽谈)"
                              r"(?:活动|会|大会)")


def _bare_kind(name: str) -> bool:
    """True when ``name`` is a bare kind with its place or smaller kind in brackets
    (投资促进|中心(德国), 粮食生产示范区(点), 示范区(单位): a class of designations) or a
    kind referred back to by 该 (希望以该协会: "the association"; the rest is a clause).

    >>> _bare_kind("中心(德国)"), _bare_kind("示范区(点)"), _bare_kind("希望以该协会")
    (True, True, True)
    >>> _bare_kind("粤桂合作特别试验区(梧州)")
    False
    """
    if name.endswith(")") and (re.sub(r"\([^()]{1,6}\)$", "", name) in SUFFIXES
                               or re.search(r"\((?:点|单位|站|企业|园区|基地|项目|村|镇)\)$", name)):
        return True
    return "该" in name and name[name.rindex("该") + 1:] in SUFFIXES


def _no_carrier(name: str) -> bool:
    """True when a name typed a Platform by its kind word names no carrier (see the cases)."""
    return bool(
        _FIRM_ORGAN.search(name)  # 提交公司股东大会审议: a firm's own organ meets
        or _PARTIES_MEETING.fullmatch(name)  # 政银企对接活动, 政企恳谈会: a kind of meeting
        or re.search(r"搭(?:建)?平台$", name)  # 对接会搭平台: building a platform
        # 借助青岛峰会平台: a meeting used as a platform, no carrier
        or re.search(r"(?:峰会|大会|论坛|博览会|展会|会议)平台$", name)
        # 从|实验室走向市场: a kind after a preposition; 省自然科学基金: a research grant
        or re.search(r"[从在到于向](?:实验室|研究院|研究所|中心|平台)$", name)
        or re.search(r"(?:自然|社会)科学基金", name)
        or name.endswith(("协作", "合作"))  # 义乌—巴州东西部协作: a programme of cooperation
        # 以甲园为主平台: the carrier a text leans on; 甲公司被乙协会…: passive
        or _CARRIER_PREDICATE.search(name) or "被" in name
        or _PUBLIC.search(name) or _NOT_PLATFORM.search(name)
        or _GOVERNMENT.search(name) or _CITY_ROLE.match(name))


def valid_name(name: str, label: str) -> bool:
    """True when ``name`` can name one thing of type ``label`` (Firm, Platform, Zone,
    Project): not a phrase with a figure or a title in it, nor a kind of its type."""
    if len(name) < 2 or len(name) > MAX_NAME or _NOT_NAME.search(name) \
            or _BAD_START.match(name) and not region_prefixed(name):
        return False  # (日照|港集团, 和田|地区: a city opens with a character a cut leaves)
    if _bare_kind(name):
        return False
    if label == "Firm" and re.search(r"第[\d一二三四五六七八九十]+家", name):
        return False  # 国内第一家: the first of its kind (a works may be named so)
    if label == "Project" and name.startswith(("项目", "工程")):
        return False  # 项目二期: the works named before, referred to by its kind
    if "——" in name or "关于" in name:
        return False  # 所在地——甲工业园: apposition; 甲办公厅关于…项目(…的通知): a title
    if label in ("Firm", "Project") and _CHAIN_ACTION.fullmatch(re.sub(r"项目$", "", name)):
        return False  # 延链补链项目: the chain actions, no works and no firm
    if label == "Project" and re.search(r"(?:[建强延补固][链圈]){2}(?:项目)?$", name):
        return False  # 成都文创产业建圈强链项目: a programme of chain actions, no works
    if label == "Platform" and (_FAIR_SHORT.fullmatch(name) or _KEY_LAB.fullmatch(name)) \
            and not verb_lead(name) and not _GOVERNMENT.search(name):
        return True
    if label == "Platform" and _common_carrier(name):
        return False
    if label in ("Project", "Firm") and re.search(r"着|不[通能再断得可会是要让]", name):
        return False  # …区内涌动着阵阵项目, …不通高铁, 展厅里摆放着公司: a clause (an aspect,
        # a negation)
    if label == "Platform" and (_SCOPE_ONLY_EVENT.fullmatch(name) or _VIEWING_DECK.search(name)):
        return False  # 在全国大会作典型发言: a meeting named by its scope alone, a kind
    if _clause_or_measure(name, label):
        return False
    if label == "Platform" and _no_carrier(name):
        return False
    if label == "Firm":
        if _ORGANISATION_END.search(name) or clause_adverb(name) or only_places(name):
            return False  # 产业集群, 委员会: no firm; 纷纷: an adverb; 红山区: a district
        if re.match(r"(?:[\d一二三四五六七八九十百千几数]+余?|多)家", name):
            return False  # 已进驻百余家生技公司: a count of firms, no firm
        if re.fullmatch(r"[\u4e00-\u9fff]{1,4}(?:部|委|厅|局)", name) and not group_bureau(name):
            return False  # 工信部, 发改委: a government department, no firm (中建三局 is one)
        if re.match(r"(?:运达|运往|运抵|销往|发往|远销)", name) and region_prefixed(name[2:]):
            return False  # 产品运达|北京、上海: where goods go, no firm (运达股份 stays)
        if re.search(r"园区|开发区|高新区|经开区|产业园|工业园", name) \
                and not name.endswith(("公司", "集团")):
            return False  # 台湾产业园区|正成为…: a zone, the subject of a clause (a firm named
            # after its zone is a legal name: 苏州工业园区甲乙有限公司)
        if "产业链" in name or name.endswith(("经济", "产业")):
            return False  # …上下游产业链支撑有力: a chain; 低空经济等企业, …新兴产业: trades
        if name in region_names() or name in country_names() or _NOT_FIRM_END.search(name) \
                and not name.endswith(("股份", "集团")) and len(name) < 6 \
                or name in ("央企", "国企", "民企", "外企", "私企", "高企"):  # (高企: 高新技术企业)
            return False
        if _FIRM_TITLE.search(name):
            return False  # 制造业单项冠军企业, 专精特新中小企业: a title firms hold, a class
        if re.fullmatch(r"[省市](?![级属内外])[\u4e00-\u9fff]{2,6}(?:集团|公司)", name):
            return True  # 省能源集团: the province's own group, named by its field
        for tail in ("企业", "公司", "集团", "单位"):
            core = name[:-len(tail)]
            if not name.endswith(tail):
                continue
            if tail in ("公司", "集团") and core in known_firms():
                return True  # a known firm's name is no generic phrase (三一|集团: numerals)
            if len(core) < 2 or is_generic(core):
                return False
        return not is_generic(name)
    if label == "Zone":
        return _zone_name_ok(name)
    if re.fullmatch(r"[省市]?[\u4e00-\u9fff]?(?:科学院|农科院|社科院|科院)", name):
        return True  # 省科学院, 中科院: an academy named by its level
    if re.fullmatch(r"[省市](?![级重])[\u4e00-\u9fff]{3,12}(?:研究院|研究所|研究中心)", name):
        return True  # 市技术转移研究院: the city's own institute (省级/市级… is a rank, a kind)
    if name.startswith("中国") and len(name) >= 6:
        return True  # 中国…博览会/研究院: named by the country, however generic the rest
    return len(name) >= 4 and not is_generic(name)


def _zone_name_ok(name: str) -> bool:
    """True when ``name`` can name one zone: not a kind (劳动密集型产业园, …发展集聚区), nor a
    class a plan's number, a size or a rank after a place names.

    >>> _zone_name_ok("郑州高新区"), _zone_name_ok("劳动密集型产业园")
    (True, False)
    """
    if name.startswith(("发展", "美乡村", "全国", "全球", "高品质")) or "密集型" in name \
            or re.match(r"[A-Za-z]型", name) \
            or re.match(r"[\u4e00-\u9fff]{1,2}-", name):  # (县-郑蒲港新区, 总体-片区: a plan's levels)
        return False  # …高质量|发展集聚区, 劳动密集型产业园, (宜居宜业和)|美乡村片区, 全国A类
        # 综保区 (a class the country ranks), 全球自贸区: kinds of zone, no name; B型保税物流中心:
        # a class of the customs' sites
    # a five-year plan's number names a class of zones (“十四五”…化工园区), no zone; so
    # does a size (…500亿重点产业园区, 1000亿级产业园区) or a rank after a place only
    # (辽宁省|重点省级|开发区, 辽宁省|绿色|工业园区)
    return name in ABBREVIATED or len(name) > 3 and not re.search("十[一二三四五六]五", name) \
        and not re.search(r"[\d百千万]亿", name) and not _designation(name)


def _kind_of_firm_words(name: str) -> bool:
    """True when a firm's name is ordinary words before 公司 or 机构 (私募股权投资基金管理公司,
    银行分支机构, 强村公司): a kind of firm, no 字号.

    >>> _kind_of_firm_words("银行分支机构"), _kind_of_firm_words("中国平安保险公司")
    (True, False)
    """
    from kg.loaders.extract_firms import TRADE_WORDS
    from kg.loaders.extract_known import known_firms
    core = re.sub(r"(?:公司|机构)$", "", name)
    return core != name and len(core) >= 2 and not re.search(r"有限|股份|集团", core) \
        and not core.endswith(tuple(TRADE_WORDS)) and core not in known_firms() \
        and dictionary_words(core, 1)  # (甲乙科技有限公司: a legal form names a firm)


def _clause_or_measure(name: str, label: str) -> bool:
    """True when ``name`` reads as part of a clause, a measure, money or a counted group
    rather than one name of type ``label``.

    >>> _clause_or_measure("江苏健儿在奥运会", "Platform"), _clause_or_measure("在线教育平台", "Platform")
    (True, False)
    """
    if label == "Platform" and re.search(r"(?<=..)在(?!线)", name):
        return True  # 江苏健儿在|奥运会: a clause's subject and its preposition (在线 is a word)
    if label == "Project" and re.search(r"里程|密度|比重|占比|时速", name):
        return True  # 高铁通车里程进至全国第5位, 通时速350公里高铁: a measure, no works
    if label == "Project" and (re.search(r"(?:投资|资金|金融工具|债券|国债|专项债|REITs)$|“[^”]*\+|"
                                         r"[\u4e00-\u9fff]\+[\u4e00-\u9fff]", name)
                               or re.match(r"(?:国家|省|自治区|市|县)级", name)):
        return True  # 中央预算内投资、新型政策性金融工具等项目: the money, no works; “标准地+承诺制”
        # 项目: a model; 自治区级绿色工厂: a rank conferred, a kind
    if label == "Firm" and re.search(r"“[\d一二三四五六七八九十两]", name):
        return True  # 杭州“六小龙”: a counted group of firms by its nickname, no one firm
    if label == "Firm" and ("被" in name or "(含" in name or "或" in name or _kind_of_firm_words(name)
                            or re.fullmatch(r"[浙闽粤苏鲁徽晋湘鄂赣川渝黔滇陕甘桂豫冀辽吉黑津沪京]商", name)):
        return True  # 三亚被确定为…医疗集团: a passive clause; 央企(含子公司): a class with its
        # scope; 银行分支机构, 中资邮轮公司: kinds
    if label == "Firm" and (re.search(r"“[^”]*[我您][^”]*”|\d+号", name)
                            or re.search(r"(?:都市圈|城市群|经济圈|经济带|景区|段)$", name)):
        return True  # “企呼我办”: a slogan of service (it speaks as 我); 昆明都市圈, 5A级景区, 三亚段:
        # areas and sections; “青海湖1号”: a numbered route or brand
    if label == "Platform" and re.search(r"(?:经济带|产业带|走廊)$", name):
        return True  # 成资临空经济产业带, 成资协同开放走廊: an area along a line, no carrier
    if label == "Platform" and re.search(r"“[^”]*”$", name) \
            and not re.search(r"(?:园|区|港|城|中心|平台|基地)”$", name):
        return True  # 亚运分村“零差错”, 外事工作“零失误”: a slogan of service, no carrier (中马“两国双园”
        # names its parks in the quote)
    if label == "Project" and re.search(r"“[^”]*[\d一二三四五六七八九十百千万双][^”]*”", name) \
            and re.search(r"”(?:规划重大工程项目|规划重大工程|工程项目|项目|工程)?$", name):
        return True  # 自治区“双百双新”, “千项万亿”工程项目, 国家“十四五”规划重大工程项目: a numbered
        # campaign or plan, no works
    if label == "Project" and re.search(r"(?:专项整治|环境整治|秩序整治|围挡整治|维护美化|三包”整治)$", name):
        return True  # 城区交通秩序专项整治, “门前三包”整治: a campaign of rectification, no works
    if label == "Firm" and re.search(r"类$|车间$|^第[一二三四五六七八九十\d]+届", name):
        return True  # 城建类: a class; 数字化车间: a workshop; 第一届: an edition
    if label == "Project" and "各项" in name:
        return True  # “十五五”时期经济社会发展各项目标: every item of a plan, no works
    if label == "Platform" and (re.search(r"”上平台$|\+平台$|院校$|一流|自建平台$|首单|应用型|重要|重大赛|(?:理工|文理|理科|工科|文科|医学|农林)类", name)
                                or re.search(r"境内外|海内外|国内外", name)):
        return True  # “苏品苏货”上平台 (going onto platforms), “直播+平台” (a model), 本科院校,
        # 理工类…大学, 境内外证券交易所, 世界一流大学, 企业自建平台: kinds of carrier, no one
        # name; 首单公募…基金: the first issue of a kind
    return label == "Firm" and bool(re.search(r"(?<=..)[将已正也还又]$", name)) \
        and not name.endswith("天将")  # 仙粼化工将…: an adverb after the name, the verb follows


_ZONE_TYPES = re.compile(r"(?:经济技术开发区|高新技术产业开发区|开发区|工业园区|产业园区|园区|"
                         r"经开区|高新区|工业园|产业园)$")
_RANKS = re.compile(r"(?:重点|省级|国家级|市级|级|绿色|特色|生态|示范|智慧|低碳|零碳|循环化|县域|市域)+")


def _designation(name: str) -> bool:
    """True when a zone's name is a place and ranks only before a zone's type: a class of
    zones a list confers (辽宁省绿色工业园区, 辽宁省重点省级开发区), no zone.

    >>> _designation("辽宁省绿色工业园区"), _designation("环县甜水堡零碳产业园")
    (True, False)
    >>> _designation("云南省高新区"), _designation("重庆市高新区")
    (True, False)
    """
    from kg.loaders.extract_name_places import full_place_prefix
    province = next((n for n in (5, 4, 3, 2) if province_name(name[:n])), 0)
    if re.search(r"(?:示范|先导)(?:集聚)?区$", name) and (
            province or re.match(r"国家(?:级|市级|省级)", name)):
        return True  # 湖南省服务业示范集聚区, 国家市级水网先导区: a title a province or the
        # state confers, no zone's own name
    kind = _ZONE_TYPES.search(name)
    if kind is None:
        return False
    rest = name[:kind.start()]
    if province and province == len(rest):
        return True  # 云南省高新区, 台湾产业园区: a province's zones of a type, a class (zones
        # are named by their city or county; a province-level city's are not: 重庆市高新区)
    place = full_place_prefix(name) or next((n for n in (4, 3, 2) if rest[:n] in region_names()), 0)
    return bool(place) and bool(_RANKS.fullmatch(rest[place:]))


def province_name(name: str) -> bool:
    """True for a province's name, full or short, that is no city's (云南省, 台湾; 重庆 is
    a city too).

    >>> province_name("云南省"), province_name("台湾"), province_name("重庆")
    (True, True, False)
    """
    from kg.loaders.extract_regions import gazetteer
    entry = gazetteer().get(name)
    return bool(entry) and entry[1] == "province" and not re.match(r"北京|上海|天津|重庆", name)


def list_role(text: str, before: str, after: str):
    """A listed firm's role from the words before the list and after it; None when no
    word gives one (the firm is then the text's own, kg.loaders.resolve)."""
    head = after[:14]
    if any(word in head for word in LOCAL_AFTER):
        return "local"
    target_pos = max((m.start() for m in _TARGET_CUE.finditer(before)), default=-1)
    local_pos = max((before.rfind(w) for w in LOCAL_TRIGGERS), default=-1)
    if target_pos < 0 and local_pos < 0:
        return None
    return "target" if target_pos > local_pos else "local"


# jieba tags of words that describe or act (verbs, adjectives, adverbs, distinguishing and
# place words): a firm's 字号 is a name, so an item holding one is a phrase (竞争力强,
# 兼并重组, 国家级…冠军, 境内外), unless its words are coined (优必选: 必选 is rare).
_PHRASE_TAGS = ("v", "vn", "vd", "a", "ad", "an", "d", "b", "s")


def phrase_not_name(item: str) -> bool:
    """True when a list item is a phrase of the language, not a firm's name: dictionary
    words only, one of them describing or acting, no trade word or legal form at its end
    and no known firm."""
    import jieba.posseg
    from kg.loaders.extract_firms import COMMON_WORD, _frequency, firm_like
    if item in known_firms() or firm_like(item) or not dictionary_words(item):
        return False
    if one_thing_word(item):
        return True  # 水务、农业、经贸等重组企业: the trades the firms are in
    return any(flag in _PHRASE_TAGS and _frequency(word) >= COMMON_WORD
               for word, flag in jieba.posseg.lcut(item, HMM=False))
