"""A named firm's role from the clause it stands in: cue classes with aspect.

Two classes of verbs govern a firm named in a clause. *Attracting* verbs (引进, 招引, 对接,
争取, 瞄准, 洽谈, 签约 …) make it a target (招商目标) while the act is not done; *presence*
verbs and nouns (落户, 集聚, 拥有, 投产, 龙头, 链主, 骨干 …) place it locally. Aspect turns
them: a completed attraction (已引进, 先后引进, 引进了, 成功引进) is presence, and a presence
still to come (将落户, 拟投产, 力争落地) is a target. These are classes of the language, not
words of one text.

>>> clause_role("已引进链主企业", "")
'local'
>>> clause_role("大力引进", "等企业")
'target'
>>> clause_role("", "等企业先后落户这里")
'local'
>>> clause_role("年底将落地", "")
'target'
"""
from __future__ import annotations

import re

# Verbs of attracting a firm that is not (yet) here.
ATTRACT = ("争取引进", "招大引强", "引进", "引入", "招引", "招商", "对接", "争取", "瞄准", "洽谈",
           "签约", "签订", "签署", "吸引", "邀请", "承接", "加强与", "深化与", "积极与", "加强同")
# Verbs and nouns of a firm that is here: settled, gathered, producing, leading a chain.
PRESENCE = ("落户", "落地", "入驻", "进驻", "入园", "集聚了", "集聚", "聚集", "汇聚", "拥有", "投产", "涌现出",
            "涌现", "培育", "龙头", "链主", "骨干", "领军", "头部", "代表", "入选", "获批", "评为",
            "上市", "挂牌", "建成", "开工", "投运", "现有", "区内", "园区内", "辖区", "我市", "我区",
            "本市", "支持", "依托", "推动", "鼓励", "形成了", "集结",
            # a chain is built around the firms that are there (围绕甲、乙等链主企业招引配套);
            # firms designated by the state (被认定为…小巨人) or forming a cluster are there
            "围绕", "认定", "形成",
            # a firm that invests in or builds a works here (由甲投资建设, 乙承建)
            "投资建设", "投资兴建", "承建")
# Nouns that rank a firm (龙头, 链主 …): presence only when no verb governs the clause, for
# "引进…等龙头企业" names firms to attract.
_NOUN_CUE = re.compile(r"龙头|链主|骨干|领军|头部|代表")
# Aspect: the act is done (presence) or still to come (target).
DONE = re.compile(r"(?:已经?|先后|陆续|累计|成功|相继|共|已累计)$")
DONE_AFTER = re.compile(r"^(?:了|成功|落地|落户|入驻|入园|投产)")
_FUTURE_WORDS = "将|拟|力争|计划|预计|准备|有望|争取"
FUTURE = re.compile(f"(?:{_FUTURE_WORDS})$")
# An attracting verb that names an event is no cue (对接会上|甲…, 签约仪式上, 招商推介会).
NOT_AN_EVENT = r"(?!会|仪式|活动|大会|推介会|现场)"
_ATTRACT_RE = re.compile("(?:" + "|".join(sorted(ATTRACT, key=len, reverse=True)) + ")"
                         + NOT_AN_EVENT)
_PRESENCE_RE = re.compile("|".join(sorted(PRESENCE, key=len, reverse=True)))


def _last_cue(text: str):
    """(class, start, end) of the cue nearest the end of ``text``, else None."""
    best = None
    for cls, pattern in (("attract", _ATTRACT_RE), ("presence", _PRESENCE_RE)):
        for match in pattern.finditer(text):
            if match.group() in ("招商", "招引") and re.match(r"(?:引资)?项目", text[match.end():]):
                continue  # …等44个招商引资项目: the projects' kind (a noun), no act of attracting
            if best is None or match.end() > best[2] or \
                    (match.end() == best[2] and match.start() < best[1]):
                best = (cls, match.start(), match.end())
    return best


# Presence verbs of settling: "将落户" is still to come. Support verbs (依托, 支持, 推动)
# presuppose the firm is there whatever their aspect: "将依托甲" leans on a local firm.
SETTLE = ("落户", "落地", "入驻", "进驻", "入园", "投产", "开工", "建成", "投运", "上市", "挂牌", "集聚")


# Verbs of signing: a signing reported is done (与甲签约, 签订乙项目), and a firm whose works
# are signed builds here (the gold counts it local) unless the act is still to come (将, 力争)
# or what is signed is cooperation or intent, not a works (战略合作框架协议, 意向书).
SIGN = ("签约", "签订", "签署")
_SIGN_WORDS = "|".join(SIGN)
_INTENT_WORDS = "合作|框架|意向|备忘录"
_INTENT = re.compile(rf"[^,;。]{{0,12}}?(?:{_INTENT_WORDS})")
_TO_COME = re.compile(f"(?:{_FUTURE_WORDS})(?:与|同|和)?$")


def _aspect_role(cls: str, lead: str, trail: str, cue: str = "") -> str:
    """The role a cue of class ``cls`` gives, turned by the aspect around it."""
    lead = lead[-4:]
    if cls == "attract" and cue in SIGN and "," not in trail:
        return "target" if _TO_COME.search(lead) or _INTENT.match(trail) else "local"
    if cls == "attract":
        return "local" if DONE.search(lead) or DONE_AFTER.match(trail) else "target"
    return "target" if FUTURE.search(lead) and cue.startswith(SETTLE) else "local"


# Firms held up as the exemplars or the leaders of what a place has (以甲为代表的…,
# 以乙为龙头): they are there, whatever verb of attracting came before.
_EXEMPLAR = re.compile(r"等?[^,;。]{0,8}?为(?:代表|龙头|引领|核心|支柱|骨干|(?:实施|建设|投资|运营|项目)?主体)")
# A firm that signs with the host's government (甲与某县政府签署协议) or signs an agreement
# to invest (甲关于签署投资协议的公告) is the party that builds here: the gold counts a firm
# whose project is signed or built in the place as local, as a firm named by the place
# to attract (与甲签约, 引进甲) stays a target.
_SIGNS_TO_BUILD = re.compile(
    r"(?:与[^,;。]{0,16}?(?:政府|管委会|管理委员会)[^,;。]{0,8}?|关于)"
    rf"(?:正式|成功)?(?:{_SIGN_WORDS})(?:[^,;。]{{0,10}}?(?:投资|项目|入园|落户|招商)"
    rf"[^,;。]{{0,6}}?(?:协议|合同)|(?![^,;。]{{0,12}}?(?:{_INTENT_WORDS})))")


_LOCAL_AFTER = re.compile(r"落户|入驻|投产|建成|开工|共建")
# A firm's own partners (甲集团与|乙、丙…开展战略合作): the schema's "other" (a partner),
# neither the place's firms nor its targets.
FIRM_PARTY_END = "(?:集团|公司|股份|控股)"  # the end of a firm's name that is a party
_FIRMS_PARTNER = re.compile(FIRM_PARTY_END + "(?:与|同|和)$")
COOPERATE = re.compile("合作|共建|联合|携手|" + _SIGN_WORDS)


# A clause that follows the names and says they have settled (,相继在宜春落子, ,均已落户):
# whatever verb of attracting came before, they are here.
SETTLED_AFTER = re.compile(r"[^,;。]{0,12},(?:均|都|也)?已?(?:相继|先后|陆续|纷纷|已经|均已|已)"
                            r"[^,;。]{0,8}?(?:落户|落子|落地|入驻|进驻|投产|建成)")


def clause_role(before: str, after: str):
    """The role of a firm (or list of firms) between ``before`` and ``after`` in a clause:
    "local", "target", or None when no cue governs it."""
    head = re.split(r"[,;。!?]", after, maxsplit=1)[0][:20]
    if _EXEMPLAR.match(head) or _SIGNS_TO_BUILD.match(head):
        return "local"  # 以甲、乙等企业为代表的…集群: the exemplars are there already
    if re.match(r"(?:主管|主办|出版|版权所有)", head):
        return "other"  # 甲报业集团|主管主办: the page's publisher (the gold's "other")
    if _FIRMS_PARTNER.search(before) and COOPERATE.search(head):
        return "other"  # 甲集团与|乙、丙|开展战略合作: a firm's partners, not the place's
    if re.search(r"(?:与|同)$", before) and "合作" in head and not _LOCAL_AFTER.search(head):
        return "target"  # (经开区)与|甲集团|战略合作, 抓好与|乙、丙等|合作项目: to cooperate with
    cue = _last_cue(head)
    if cue and not _NOUN_CUE.fullmatch(head[cue[1]:cue[2]]) and (
            cue[0] == "presence" or cue[1] <= 6
            or cue[1] <= 12 and head[cue[1]:cue[2]] in SIGN):  # (与甲、乙|等11家企业集中|签约)
        lead = head[:cue[1]]
        if head[cue[1]:cue[2]] in SIGN:  # (力争与|甲|签约: the aspect stands before the party)
            lead = re.split(r"[,;。!?]", before)[-1] + lead
        return _aspect_role(cue[0], lead, head[cue[2]:], head[cue[1]:cue[2]])
    if not cue and SETTLED_AFTER.match(after):
        return "local"  # 吸引甲、乙等行业巨头,|相继在宜春落子: the attraction is done
    tail = re.split(r"[;。!?]", before)[-1]
    before_cue = _last_cue(tail)
    if before_cue is not None:
        return _aspect_role(before_cue[0], tail[:before_cue[1]], tail[before_cue[2]:],
                            tail[before_cue[1]:before_cue[2]])
    if cue:  # only a noun after the name (…为代表的企业, …等龙头企业): presence
        return "local"
    return None
