"""Works and project rules: kinds of works, building verbs, routes and energy corridors.

A named piece of infrastructure (梅龙高铁), a phase (中海壳牌三期) or a firm's works is a
project where the sentence builds it; a kind of project (重点项目) is not. Road and rail
sections named by their ends (南雄至信丰) and energy sent between provinces (疆电入湘) are
projects too.

>>> project_ok("梅龙高铁"), project_ok("重点项目")
(True, False)
"""
from __future__ import annotations

import re

from kg.loaders.extract_known import known_prefix
from kg.loaders.gazetteer_short import is_zone_type
from kg.loaders.lexicon import NOT_PROJECT_WORDS, is_generic, on_fold
from kg.loaders.mentions import Mention
from kg.loaders.extract_name_bounds import trim_start, verb_lead
from kg.loaders.extract_name_checks import dictionary_words
from kg.loaders.extract_name_places import (PROVINCE_SHORT, region_names, region_prefixed,
                                            works_place_prefixed)


# Public-service centres a plan builds (应急救援中心, 医学中心): no platforms, but works.
PUBLIC_WORKS = re.compile(r"(?:应急救援|救援|医学|医疗|公共卫生|医养结合服务|养老服务)中心$")
# A firm's offices of trade: logistics, settlement, selling, service to customers (a works
# of the firm, no carrier of innovation or service: 顺丰华东分拨中心, 京东…营销中心).
TRADE_OFFICE = re.compile(r"(?:分拨|结算|营销|销售|客服|呼叫)中心$")
# A stage of building that only a building goes through (topping out, the main structure
# done): a 中心 that reaches it is a works (甲西北创研中心部分主体结构封顶), whatever it will house.
TOPPED_OUT = re.compile(r"(?:部分)?(?:主体(?:结构)?|结构)?(?:封顶|完工)")
# (an amount in yuan or in a foreign currency: 2亿美元, 6000万欧元)
_AMOUNT = r"[\d.]+(?:亿|万)(?:元|美元|欧元|日元|英镑|港元)"
# The investment stated right before a project's name (总投资50亿元的…项目).
INVEST = re.compile(r"(?:总投资|投资|计划投资|总规模|预计总投资)约?(" + _AMOUNT + r")(?:人民币)?"
                    r"(?:建设|新建|实施|兴建)?的?$")  # (投资100亿元人民币建设的…项目)
# The investment stated for a signing whose object is the works (总投资30亿元的甲管委会与
# 乙集团签订|…啤酒项目): the amount is the works', as when it stands right before the name.
INVEST_SIGNED = re.compile(r"(?:总投资|投资|计划投资|预计总投资)约?(" + _AMOUNT + r")(?:人民币)?的"
                           r"[^,;。:]{2,40}?(?:签订|签署|签约)了?$")
# The investment stated right after a project's name (…二期项目,总投资50亿元).
INVEST_AFTER = re.compile(r",?(?:项目)?(?:总投资|计划投资|预计总投资|投资)(?:约|达|超过|超)?"
                          r"(" + _AMOUNT + r")")
# A firm's headquarters as a works (甲乙中国研发生产总部中心): the 字号, the scope, what is done
# there, 总部; a headquarters is one firm's, so one works (区域总部 alone is a kind).
_HEADQUARTERS = re.compile(r"([\u4e00-\u9fffA-Za-z]{2,8}?)(?:中国|全国|全球|亚太|华[东南西北中]|西南|西北|东北)"
                           r"?(?:区域)?(?:研发|生产|制造|运营|结算|销售)*总部(?:基地|中心|大楼|园)?")
# The actions on a chain (强链, 补链, 延链 …) as a campaign names its works.
_CHAIN_ACTIONS = re.compile(r"(?:[建强延补固稳育]链)+")
# Trade words and legal forms that close a firm's short name inside a works' name.
FIRM_WORD = re.compile(r"(?:科技|集团|股份|控股|药业|电气|重工|纸业|实业|计算机)")

# Kinds of works that also open longer phrases (大道商圈, 管道燃气, 码头物流): a name ends in
# one only at the end of its phrase or before a verb of building.
MODIFYING_WORKS = ("大道", "跑道", "管道", "码头", "专用线")

# Parts of a works are named with the works they belong to: an airport's terminals and
# runways (甲机场T3B航站楼, 甲机场第四跑道), not after the airport's name alone.
_PARTS_OF = {"航站楼": ("机场",), "跑道": ("机场",)}


def part_of_works(whole: str, part: str) -> bool:
    """True when a works of kind ``part`` is named inside one of kind ``whole``."""
    return whole in _PARTS_OF.get(part, ())


# Kinds of transport, energy, water and cultural works: a named one is a project. The
# later kinds are the rest of the infrastructure vocabulary of the genre: corridors and
# crossings (通道; not 口岸, more often a port of entry opened than a work built), oil and
# gas fields and terminals (油田, 气田, 接收站), generating units (机组), railway stations
# (东站, 高铁站), irrigation districts and water works (灌区, 水利枢纽, 供水/引水/调水/配置/
# 连通工程) and museums (博物馆), which a plan builds like a railway.
WORKS = (r"高铁|铁路|城际|高速公路|高速|公路|机场|电站|电厂|核电|水库|大桥|隧道|储气库|航站楼|号线|通道|"
         r"油田群|油田|气田|接收站|机组|灌区|水利枢纽|博物馆|[东南西北]站|火车站|高铁站|"
         r"光伏发电|风电场|(?:供水|引水|调水|配置|连通|水系|水利)工程|"
         r"大道|跑道|专用线|管道|航电枢纽|航运枢纽|高铁枢纽|码头|"
         # (city reports: canals, pipelines, interchanges, ring roads and a road's extension
         # — 白井干渠, 涠北管线, 黄庄立交, 巴城东环线, 银河一路西延)
         r"干渠|管线|立交|环线|路[东南西北]延|"
         # (pumped storage, always a site named by its place: 剑河岑广抽水蓄能)
         r"抽水蓄能|抽蓄|"
         # (logistics hubs, named by the places they join or serve: 成宜国际物流园)
         r"物流园区|物流园")
# Kinds of infrastructure and phases of construction (see lexicon.SUFFIXES): named by
# a proper part before them, each is a project.
INFRA = re.compile(r"(?:" + WORKS + r"|数据中心|生产线|超级工厂|[一二三四五六首]期)"
                   r"(?:[\u4e00-\u9fff]{1,3}段)?(?:项目|工程)?$")

# Works named after their places (梅武高铁, 英武水库), unlike a firm's plant or phase
# (赛力斯超级工厂, 比亚迪二期): no firm opens their names.
PLACE_WORKS = re.compile(r"(?:" + WORKS + r")"
                         r"(?:[\u4e00-\u9fff]{1,3}段)?(?:[一二三四五六]期)?"
                         r"(?:改扩建|扩建|迁建|扩能改造|扩容改造|改造|增容|扩容|增产|增建[一二三四]?线|[东南西北]延)?"
                         r"(?:[一二三四五六]期)?(?:项目|工程)?$")

# Verbs of building: a sentence with one speaks of projects, not of facilities in use. The
# second line: opening a finished work, approving or siting one, moving or rebuilding it.
# (观摩: the key-project inspections of the genre visit works being built.)
BUILD = re.compile(r"建设|开工|建成|推进|加快|新建|扩建|改扩建|投运|通车|投产|竣工|启动|实施|谋划|观摩|"
                   r"开建|动工|签约|落地|封顶|施工|在建|"
                   r"开通|贯通|立项|迁建|改造|扩容|选址|前期工作|完工|投用|启用|投入使用")
# Words after a work that make the project its extension or rebuilding.
# The action is part of the project's name with the phase and the head noun that follow it
# (碑林博物馆扩建工程, 石岛湾核电扩建一期, 广州东站改造项目); raising a field's output or
# adding a track to a line (气田增产项目, 铁路增建二线) are extensions of the same kind.
_ACTION = (r"(?:改扩建|扩建|迁建|扩能改造|扩容改造|改造|增容|扩容|增产|增建[一二三四]?线|"
           r"[东南西北]延(?!续))(?:[一二三四五六]期)?(?:项目|工程)?")
EXTENSION = re.compile(_ACTION + r"|"
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
    return not any(proper[k:k + n] in region_names() for n in (2, 3) for k in range(len(proper) - 1))


def hospital_in_use(name: str, built: bool) -> bool:
    """True for a hospital in use (齐鲁医院, …大学华西医院: a partner or a place of care); one
    built is a branch (甲医院乙医院), a phase (…医院一期) or a new one the sentence builds."""
    return name.endswith("医院") and name.count("医院") == 1 and ("大学" in name or not built)


def _compile() -> None:
    """(Re)build the pattern made from the lexicon's word list (a fold changes it)."""
    global _NOT_PROJECT
    # a list, a conjunction, a copula or a phase joined to another (及二期), or a verb or
    # phrase of the listed class (lexicon.NOT_PROJECT_WORDS): a clause about projects
    # (和 before a second capacity joins the products of one works: 年产1GW电池和1GW组件项目)
    _NOT_PROJECT = re.compile(r"[、,—]|和(?![\d.]+\s*(?:GW|MW|万|亿|吨|台|套|辆|片|千))|把|是|"
                              r"及[一二三四五六首]期|" + (
        "|".join(map(re.escape, NOT_PROJECT_WORDS)) or "(?!)"))


_compile()
on_fold(_compile)


# The ranks and stages projects are listed by (重大, 重点, 招商, 新开工, 续建 …).
_RANK_OF_WORKS = re.compile(r"重大|重点|招商|签约|开工|续建|在建|新建|储备|民生|标杆|标志性|示范")


def _after_places(core: str) -> str:
    """``core`` with the regions it opens with taken off (重庆市|铜梁区|重大招商).

    >>> _after_places("重庆市铜梁区重大招商"), _after_places("宏骏新材料")
    ('重大招商', '宏骏新材料')
    """
    from kg.loaders.extract_regions import gazetteer
    table = gazetteer()
    for _ in range(3):
        cut = next((n for n in (6, 5, 4, 3, 2) if len(core) > n and (
            core[:n] in table or core[:n] in region_names())), 0)
        if not cut:
            break
        core = core[cut:]
    return core


# The units a works' capacity is given in (1000吨, 两万套, 10GWh, 6万立方米, 5万千瓦).
CAPACITY_UNIT = r"(?:立方米|万千瓦|千瓦|兆瓦|GWh|MWh|GW|MW|吨|套|台|辆|件|片|只)"
# A works' capacity inside its name after its firm (年产50万吨, 1000吨, 10GWh, 6万立方米).
_CAPACITY = re.compile(r"年产[\d.]+|(?<![\d.])[\d.]+(?:万|亿)?" + CAPACITY_UNIT)


def _named_with_capacity(core: str) -> bool:
    """True when a works' name gives its (yearly) capacity after words that name its firm or
    site (智慧鑫源|年产50万吨…, 大全|1000吨…); not one that opens with the figure.

    >>> _named_with_capacity("大全1000吨电子级多晶硅"), _named_with_capacity("新建1000吨多晶硅")
    (True, False)
    """
    capacity = _CAPACITY.search(core)
    return bool(capacity) and capacity.start() >= 2 and not is_generic(core[:capacity.start()]) \
        and not re.search(r"\d", core[:capacity.start()])


def project_ok(name: str, listed: bool = False, invested: bool = False,
               built: bool = True, bounded: bool = False) -> bool:
    """A project name that names one project, not a kind of project (重点项目). ``bounded``:
    an investment phrase ends right before the name (总投资5亿元的|甲和乙零部件项目), so a 和
    inside it joins the works' products, not two clauses."""
    # (a bracketed place after the works word is where it was signed or held: 甲市招商引资
    # 重点项目(北京) is the rank of works, as without it)
    core = re.sub(r"(?:项目|工程)(?:\([^()]{1,6}\))?$", "", name)
    if is_zone_type(core):
        return False  # 综合保税区、出口加工区等项目: kinds of zone to apply for, no works
    rest = _after_places(core)
    joined = core.replace("和", "") if bounded else core
    if is_generic(core) or _NOT_PROJECT.search(joined) or is_generic(rest) and _RANK_OF_WORKS.search(rest) \
            or re.search(r"(?:重点|重大|[\d一二三四五六七八九十]+大)$", core):
        # (集成电路重点项目: a rank of works; 汽车天窗生产六大项目: a count of them)
        return False  # (重庆市铜梁区|重大招商项目: a place's rank of project, no name)
    if re.search(r"计划$", re.sub(r"\([^()]*\)$", "", core)):
        return False  # “凤麓英才”计划项目(个人): a programme's grants, no works
    if re.fullmatch(r"(?:[一二三四五六七八九十两]+[\u4e00-\u9fff]){2,}", core):
        return False  # 一窑四线|项目: a counted formula of its parts, no name
    if re.fullmatch(r"(?:配套|附属|辅助|相关|基础设施|公共设施|配套设施)", core):
        return False  # (5G基础设施建设及)配套工程: the works that serve another, a kind
    if re.fullmatch(r"(?:“[^”]+”)+(?:优质|重点|重大|新签约|签约|新开工|开工|在建|储备)", core) \
            or re.fullmatch(r"(?:“[^”]+”){2,}", core):
        return False  # “双招双引”优质项目, “甲”“乙”等项目: works of a campaign or programmes, a
        # kind (“星海之光”项目 and “云墨碳谷”碳材料产业园 name their works in the quotes)
    if _named_with_capacity(core):
        return True  # 智慧鑫源|年产50万吨…, 大全|1000吨电子级多晶硅: a firm's works by capacity
    if re.search(r"(?:招商引资|招商|招引|(?:股份|有限|有限责任)公司|人才)$", core):
        return False  # 兰洽会招商引资项目: a campaign's works; 甲制药有限公司项目: a firm's
        # works, none named (the legal name is read alone); “龙江学者”人才项目: a programme of
        # talent (人才公寓 is a works)
    from kg.loaders.extract_firms import _frequency  # (it imports this module)
    quoted = re.fullmatch(r"[^“”]{0,12}“([^“”]+)”(?:产业链|产业)?", core)
    if quoted and (_frequency(quoted.group(1)) > 0 or _CHAIN_ACTIONS.fullmatch(quoted.group(1))
                   or re.search(r"(?:计划|行动|专项|工程)$", quoted.group(1))
                   or re.fullmatch(r"[双两三四五六七八九十百千万][\u4e00-\u9fff]", quoted.group(1))):
        return False  # “开门红”产业链项目, “强链补链”项目, “双十”项目, “苗圃计划”项目: a
        # campaign's word of the language, its chain actions, its count or a programme in
        # quotes (“星海之光”项目 is a name)
    if core.endswith("产业") and not (works_place_prefixed(core) or known_prefix(core)
                                    or FIRM_WORD.search(core)):
        return False  # 高新技术产业项目: a trade's projects, a kind (甲公司…产业项目 is one)
    if hospital_in_use(name, built):
        return False
    public = PUBLIC_WORKS.search(core)
    if public and built:  # 粤北区域应急救援中心 being built; 国家医学中心 is a designation
        return not is_generic(core) and not re.fullmatch(
            r"(?:国家|省|市|全国|区域|国家区域|[东南西北中]{1,2}部|华[东南西北中])?", core[:public.start()])
    from kg.loaders.extract_name_firms import product_words  # (it imports this module)
    if invested and not listed and product_words(core):
        return False  # 投资2.5亿元建设|光伏发电项目: a works of a kind, named by its product
    if listed or invested or re.match(r"年产[\d.]+", core):
        return True  # (a works' yearly capacity makes it one works: 年产20万辆…项目)
    infra = INFRA.search(name)
    if infra and infra.start() >= 2:
        # a named piece of infrastructure or a phase (梅龙高铁, 水城电厂, 中海壳牌三期) is a
        # project where the sentence builds it; an opening common word makes it a kind
        # (干线铁路, 通用机场), not a name; so does a group of cities (城市群铁路: a network)
        proper = name[:infra.start()]
        # a common opening word makes a kind (通用机场); a place is frequent, yet names one,
        # also a district written without 区 (江北|国际机场), as before a zone's type
        common = (_frequency(proper[:2]) >= 300 or dictionary_words(proper)) and _common_words(proper) \
            and not works_place_prefixed(proper) \
            and not known_prefix(name)  # a known firm names its own works (中国联通数据中心)
        return built and not is_generic(proper) and not verb_lead(proper) \
            and not common and not re.search(r"\d+条|城市群$|都市圈$", proper)
    if name.endswith("工程"):
        return False
    head = _HEADQUARTERS.fullmatch(core)
    if head and not is_generic(head.group(1)) and not re.search(r"[省市县区]$", head.group(1)):
        return True  # 雄狮中国研发生产总部中心项目: a firm's headquarters, one works of its own
    # a works of a known firm (长光卫星…产业化项目) where the sentence builds it, or of a
    # coined 字号 the dictionary lacks (兴瑞|功能性硅橡胶…项目)
    import jieba
    from kg.loaders.extract_name_firms import _new_word
    return (len(core) >= 8 and bool(FIRM_WORD.search(core) or region_prefixed(core))) or \
        bool(re.search(r"[A-Za-z“\"]", core)) or built and len(core) >= 6 and bool(known_prefix(core)) \
        or built and len(core) >= 8 and _new_word(jieba.lcut(core[:6], HMM=True)[0])


# A road or railway section is named by its two ends joined by 至 (南雄至信丰, 铜仁至吉首铁路):
# where a clause builds roads or railways, each such pair is a project. 截至, 乃至, 甚至,
# 至少, 至上 are words, not ends.
_ROUTE = re.compile(r"((?:(?![和及与或])[\u4e00-\u9fff]){2,7})至((?:(?![和及与或])[\u4e00-\u9fff]){2,4}?)"
                    r"(?=[、,;。等和及\d]|[一二两三四五六七八九十]条|铁路|高铁|城际|高速|公路|$)")
_ROUTE_KIND = re.compile(r"高速|公路|铁路|高铁|城际|通道|航道")
_NOT_END = re.compile(r"(?:截|乃|甚|纷|直|以|[进增升降提减跃扩])$")  # (进至|全国第5位: a change to a figure)
_NOT_START = re.compile(r"^(?:少|上|关|简|今|此|于|多|沓)")


def route_sections(text: str, c_start: int, c_end: int, sentence, found: list) -> None:
    """Road and railway sections named by their ends (:data:`_ROUTE`) in a building clause."""
    clause = text[c_start:c_end]
    if not _ROUTE_KIND.search(clause) or not BUILD.search(text):
        return
    taken = [(m.i, m.j) for m in found]
    for match in _ROUTE.finditer(text, c_start, c_end):
        left_end = match.end(1)
        # the name starts after the governing word, which the match may have cut through
        sep = max(text.rfind(ch, c_start, left_end) for ch in "、和及与或")
        i = trim_start(text, max(c_start, sep + 1, left_end - 12), left_end)
        if left_end - i < 2 or _NOT_END.search(text[i:left_end]) \
                or _NOT_START.match(match.group(2)) or re.search(r"\d", text[i:match.end()]) \
                or match.group(2).endswith("级"):  # (南宁至贵港一级|航道: the grade, the kind follows)
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
ENERGY_SENT = re.compile(f"(?:[{PROVINCE_SHORT}][电气](?:[入送输][{PROVINCE_SHORT}]|[东南西北][送输])"
                          # a direct-current line named by its two provinces (粤藏直流)
                         f"|(?<![{PROVINCE_SHORT[:-4]}])[{PROVINCE_SHORT[:-4]}]{{2}}直流)"
                         f"(?![\u4e00-\u9fff]{{0,2}}(?:公司|集团))")


def energy_corridors(text: str, c_start: int, c_end: int, sentence, found: list) -> None:
    """Projects named as energy sent between provinces (疆电入湘, 陕电送皖)."""
    for match in ENERGY_SENT.finditer(text, c_start, c_end):
        i, j = match.span()
        if not any(m.i < j and i < m.j for m in found):
            found.append(Mention("Project", text[i:j], sentence, i, j, {}))


# A phase of a works, then further phases of it listed bare (…配置工程一期、二期建设)
_PHASE_END = re.compile(r"[一二三四五六七八九十\d]+期$")
_MORE_PHASES = re.compile(r"(?:、|和|及|与)[一二三四五六七八九十\d]+期")


def works_of_phases(mention: Mention, text: str) -> None:
    """A works named with one phase before others listed bare is the works itself: in
    甲水资源配置工程一期、二期建设 the project is 甲水资源配置工程, of which both phases are
    built (a phase named alone, 甲机场二期, stays the phase).

    >>> from kg.loaders.sentences import split_sentences
    >>> s = split_sentences("加快甲水库一期、二期建设。")[0]
    >>> m = Mention("Project", "甲水库一期", s, 2, 7); works_of_phases(m, s.text); m.name
    '甲水库'
    """
    phase = _PHASE_END.search(mention.name)
    if mention.label != "Project" or phase is None or phase.start() < 2 \
            or not _MORE_PHASES.match(text, mention.j):
        return
    mention.j -= len(mention.name) - phase.start()
    mention.name = mention.name[:phase.start()]
