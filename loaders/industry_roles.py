"""Which industries are services by what they do, whatever section of a text names them.

GB/T 4754-2017 puts every trade of the tertiary sector in sections F–T: wholesale and
retail (贸易, 商贸, 电商), transport and logistics (物流), accommodation and catering
(住宿, 餐饮), finance, real estate, leasing and business services (会展, 知识产权, 人力资源),
research and technical services (检验检测, 工业设计), education, health and care (康养,
养老, 托育, 家政), and culture, sports and entertainment (旅游, 演艺, 出版, 影视, 动漫,
游戏, 电竞, 赛事). An industry whose head word is one of these is a service (role
``service``, as GOLD-SCHEMA's 服务业) when no ranking word of the text made it leading,
emerging or future.

An economy named by a way of consuming — a time (夜间经济), a group of consumers (银发经济),
a season or pastime (冰雪经济, 避暑经济, 赛事经济), a form of selling (首发经济, 直播经济,
平台经济) — is a service too; an economy of a domain or an area (数字经济, 海洋经济,
湾区经济) is not.

>>> [service_trade(n) for n in ("文化旅游", "服务贸易", "银发经济", "数字经济", "智能传感器")]
[True, True, True, False, False]
"""
from __future__ import annotations

import re

from kg.loaders import lexicon

# the head words of tertiary trades (GB/T 4754-2017 sections F–T); a name ending in one is
# matched (冷链|物流, 跨境|电商), so longer trades ending in a listed word need no entry
SERVICE_HEADS = (
    "电子商务", "服务外包", "知识产权", "人力资源", "检验检测", "工业设计", "研发设计",
    "旅游", "旅居", "文旅", "康养", "养老", "托育", "家政", "物流", "快递", "仓储", "金融",
    "保险", "商贸", "贸易", "零售", "批发", "电商", "会展", "餐饮", "住宿", "酒店", "演艺",
    "文创", "动漫", "游戏", "电竞", "影视", "短剧", "出版", "传媒", "广告", "体育", "赛事",
    "健身", "教育", "培训", "咨询", "租赁", "物业", "直播", "娱乐", "服务",
)
# what an economy of consuming is named by: a time, a group of consumers, a season or
# pastime, a form of selling
CONSUMPTION = (
    "夜间", "夜", "假日", "周末", "银发", "冰雪", "避暑", "康养", "赛事", "演艺", "会展",
    "首发", "首店", "四首", "直播", "平台", "网红", "体验", "旅游", "文旅", "休闲",
)
# Words first read in the development corpus's gold (the rest are GB/T 4754's), with the
# documents they occur in: a leave-one-source-out run drops them while reading those
# (kg.loaders.lexicon.use_fold).
CORPUS_READ = {
    "旅居": ("p02",), "演艺": ("003", "p01", "p02", "p03", "p04", "p05", "p06"),
    "短剧": ("p01", "p04"), "电竞": ("p04", "p06"), "动漫": ("p01", "p03", "p04", "p05"),
    "游戏": ("p01", "p03", "p04", "p05"), "影视": ("p01", "p04"),
    "赛事": ("003", "p01", "p02", "p03", "p04", "p05", "p06"), "冰雪": ("p05", "p06"),
    "避暑": ("p01", "p02"), "首发": ("p01", "p02", "p03", "p04", "p05", "p06"), "首店": ("p01",),
    "四首": ("p05", "p06"), "直播": ("003", "p01", "p03"), "周末": ("002",),
    "平台": ("000", "001", "002", "003", "004", "n01", "n02", "n05", "n15", "n16", "p01", "p02",
             "p03", "p04", "p05", "p06"),
    "体验": ("003", "p01", "p02", "p04", "p05", "p06"), "休闲": ("003", "p01", "p02", "p05"),
}
lexicon.SOURCED.update({"SERVICE:" + word: docs for word, docs in CORPUS_READ.items()})
_PATTERNS: dict = {}


def _compile() -> None:
    """(Re)build the patterns without the words the current fold drops."""
    heads = [w for w in SERVICE_HEADS if not lexicon.dropped("SERVICE:" + w)]
    ways = [w for w in CONSUMPTION if not lexicon.dropped("SERVICE:" + w)]
    _PATTERNS["service"] = re.compile("(?:" + "|".join(sorted(heads, key=len, reverse=True))
                                      + r")(?:业|产业|服务业)?$")
    _PATTERNS["economy"] = re.compile("(?:" + "|".join(sorted(ways, key=len, reverse=True))
                                      + ")经济$")


_compile()
lexicon.on_fold(_compile)


def service_trade(name: str) -> bool:
    """True when ``name`` names a tertiary trade or an economy of consuming (see module)."""
    return bool(_PATTERNS["economy"].search(name) or _PATTERNS["service"].search(name))


def settled_role(name: str, role: str | None) -> str:
    """The role an industry keeps: the text's ranking if it gave one, else ``service`` for
    a service trade, else ``other``.

    >>> settled_role("乡村旅游", None), settled_role("乡村旅游", "leading"), settled_role("汽车", None)
    ('service', 'leading', 'other')
    """
    if role not in (None, "other"):
        return role
    return "service" if service_trade(name) else "other"
