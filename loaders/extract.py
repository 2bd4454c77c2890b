"""One pass over a document's sentences: every mention, with the field of its sentence.

Both outputs of the loader — graph facts and scoring records — are built from the
:class:`Extraction` this returns, so they always agree.

>>> ex = extract_text("新乡市积极对接清华大学等机构,大力引进三一重工等企业。", "plan.txt")
>>> sorted((e.label, e.name) for e in ex.entities)
[('Firm', '三一重工'), ('Platform', '清华大学'), ('Region', '新乡市')]
"""
from __future__ import annotations

import logging
import re
from collections import Counter
from dataclasses import dataclass, field

from kg.loaders.extract_firm_industries import list_industries
from kg.loaders.extract_industries import (heading_field, section_role, sentence_chains,
                                           sentence_field, sentence_industries)
from kg.loaders.extract_name_bounds import closed_name
from kg.loaders.extract_names import sentence_names
from kg.loaders.extract_regions import sentence_regions
from kg.loaders.extract_tables import TableReader
from kg.loaders.mentions import Mention
from kg.loaders.resolve import resolve, zone_key
from kg.loaders.sentences import split_sentences
from kg.loaders.subject import count_deictics, sentence_topic_zone, subject_place

log = logging.getLogger("kg.extract")


@dataclass
class Extraction:
    """What one document yields: its text, sentences, entities and home zone and region."""

    doc: str
    text: str
    sentences: list = field(default_factory=list)
    entities: list = field(default_factory=list)
    home_zone: str | None = None
    home_region: str | None = None
    subject: tuple | None = None  # ("Zone"|"Region", name): the place the document is about


# A web page's list of other stories (新闻推荐, 相关阅读 …) ends the article: what follows is
# other pieces' teasers and the site's footer, about other places and firms.
_PAGE_TAIL = re.compile(r"(?:新闻推荐|相关阅读|相关新闻|相关文章|推荐阅读|延伸阅读|热点推荐|热门推荐|"
                        r"猜你喜欢|往期回顾|更多阅读|精彩推荐)[:：]?")


def extract_text(text: str, doc: str, *, home_zone=None, home_region=None) -> Extraction:
    """Extract and resolve every entity of a document's text (up to a web page's list of
    other stories, :data:`_PAGE_TAIL`)."""
    sentences = split_sentences(text)
    mentions: list = []
    role = heading_role = None
    field_name = section_field = None
    head: list = []
    deictics: Counter = Counter()
    declared: dict = {}
    tables = TableReader()
    for sentence in sentences:
        if _PAGE_TAIL.fullmatch(sentence.text.strip()):
            break
        if len(head) < 3:
            head.append(sentence)
        count_deictics(sentence, deictics)
        heading = heading_field(sentence)
        if heading or len(sentence.text) < 40 and not sentence.text.endswith("。"):
            role = heading_role = section_role(sentence.text, None if heading is None else role)
            # a heading naming a field starts its section (one naming none, 1.发展目标, is
            # part of the section it stands in)
            field_name = section_field = heading or section_field
        else:
            if sentence.opens:
                field_name = section_field  # a sentence's own field lasts to its paragraph's end
                role = heading_role  # and so does the rank its opening words give
            role = section_role(sentence.text[:20], role)
        field_name = sentence_field(sentence, field_name)
        try:
            found = _sentence_mentions(sentence, role, field_name, declared)
        except Exception as err:  # noqa: BLE001 - a rule's fault costs one sentence, not the text
            log.warning("%s: 第 %d 句未能抽取（%s: %s），已跳过：%s", doc, sentence.index + 1,
                        type(err).__name__, err, sentence.text[:40])
            continue
        found += tables.read(sentence, found)  # 片区 乙街道 甲、乙: a layout table's row
        topic = sentence_topic_zone(sentence, found)
        list_industries(sentence, found)  # 以甲、乙为龙头的晶圆制造业: what they make
        for m in found:
            if field_name and m.label in ("Firm", "Platform"):
                m.props.setdefault("industry", _bare(field_name))
            if topic is not None and m.label in ("Firm", "Industry"):
                m.props.setdefault("in_zone", topic.name)  # where it is (a firm's, if local)
        mentions.extend(found)
    given = ("Zone", home_zone) if home_zone else ("Region", home_region) if home_region else None
    entities, home_zone, home_region = resolve(mentions, home_zone, home_region)
    inferred = ("Zone", home_zone) if home_zone else ("Region", home_region) if home_region \
        else None
    subject = subject_place(head, mentions, given, inferred, deictics)
    return Extraction(doc, text, sentences, entities, home_zone, home_region,
                      _subject_name(subject, entities))


def _sentence_mentions(sentence, role, field_name, declared: dict) -> list:
    """Every mention one sentence makes: names, places, industries and chains."""
    names = [] if _furniture(sentence.text) else sentence_names(sentence)
    slogans = [s.span() for s in _SLOGAN.finditer(sentence.text) if _slogan(s.group())]
    formulas = [s.span() for s in _QUOTED.finditer(sentence.text) if numeric_formula(s.group())]
    names = [m for m in map(closed_name, names)
             if m is not None and not any(a < m.i and m.j < b for a, b in slogans)
             and not any(m.i < b and a < m.j for a, b in formulas)]
    _declared_names(sentence, names, declared)
    # the places a route (铜仁至吉首) or a project (湘潭|吉利新能源汽车项目) is named after
    # are places the text names too; those inside a zone's, platform's or firm's name are not
    taken = [(m.i, m.j) for m in names if not m.props.get("route") and m.label != "Project"]
    taken += formulas  # (“一屏三区六宜城市”: a layout's counted parts, no place)
    found = names + sentence_regions(sentence, taken)
    industries = sentence_industries(sentence, role)
    return found + _not_named(industries, names) + sentence_chains(sentence, field_name, industries)


# A quoted run that holds a clause break is a slogan or a motto (“内搭平台,外联老乡”), one
# of three parts or more joined by dashes a formula of kinds (“创业苗圃—孵化器—加速器”): a
# name never holds either, so nothing inside it is a name.
_SLOGAN = re.compile(r"“[^“”]*[,;,;][^“”]*”|“[^“”]*—[^“”]*—[^“”]*”")


_QUOTED = re.compile(r"“[^“”]{2,12}”")
_NUMERAL = re.compile(r"[一二两三四五六七八九十百千万多N\d]")


def numeric_formula(quoted: str) -> bool:
    """True when a quoted run is a formula of counts (“一主一副两翼多点”, “七地一屏一通道”,
    “4+4+3+N”): a plan's layout or programme, never a name — nor part of one.

    >>> numeric_formula("“一主一副两翼多点”"), numeric_formula("“4+4+3+N”"), numeric_formula("“中国光谷”")
    (True, True, False)
    """
    inner = quoted.strip("“”")
    count = len(_NUMERAL.findall(inner))
    # (a period or a date is no layout: “十四五”, “11.18”, “973”)
    return len(inner) >= 4 and count >= 3 and count * 3 >= len(inner) \
        and bool(re.search(r"[\u4e00-\u9fff+N]", inner)) and not re.fullmatch(r"[\d.]+", inner)


def _slogan(quoted: str) -> bool:
    """True when a quoted run is a slogan, a motto or a formula: its parts are short phrases
    (“内搭平台,外联老乡”). Reported speech is no slogan — a clause of 17 characters or more
    (“甲公司计划投资30亿元的乙项目将落户丙县,…”) names what it reports.

    >>> _slogan("“内搭平台,外联老乡”"), _slogan("“甲乙投资公司计划投资30亿元的丙丁项目将落户戊县,己庚集团也将落户”")
    (True, False)
    """
    return all(len(part) <= 16 for part in re.split(r"[,;,;—]", quoted.strip("“”")))


def _not_named(industries: list, names: list) -> list:
    """The industries whose words are not a firm's or a works' name at the same place:
    星河科技、云湖电子等新能源汽车产业的龙头企业 lists firms of the trade, not trades."""
    named = {(m.i, m.j) for m in names if m.label in ("Firm", "Project")}
    return [m for m in industries if (m.i, m.j) not in named]


def _declared_names(sentence, names: list, declared: dict) -> None:
    """Every later occurrence of a name the text declared with its other spelling
    (…（以下简称三山经开区）) is that name, whatever rules a bare name would have to pass.
    ``declared`` (name → label) grows as the document is read."""
    for m in names:
        if m.props.get("also") and m.label in ("Zone", "Platform", "Firm") and len(m.name) <= 12:
            declared.setdefault(m.name, m.label)
    text = sentence.text
    for name, label in declared.items():
        start = text.find(name)
        while start >= 0:
            end = start + len(name)
            if not any(m.i < end and start < m.j for m in names):
                names.append(Mention(label, name, sentence, start, end, {}))
            start = text.find(name, end)


def _furniture(text: str) -> bool:
    """True for a line of page furniture: three or more short words set apart by spaces and
    no punctuation (中国工程机械商贸网 资讯中心 动态, a navigation bar), which names nothing.

    >>> _furniture("中国工程机械商贸网 资讯中心 动态"), _furniture("长沙经开区产值创新高 突破1600亿元")
    (True, False)
    """
    words = text.split()
    return len(words) >= 3 and all(len(w) <= 10 for w in words) \
        and not re.search(r"[,。;、:!?]", text)


def _subject_name(subject, entities):
    """The subject with the name its entity carries (新乡 → 新乡市, 芜湖经济技术开发区 → the
    zone's chosen name), so facts attach to the node the document builds."""
    if subject is None:
        return None
    label, name = subject
    if label == "Zone":
        key = zone_key(name)
        for entity in entities:
            if entity.label == "Zone" and (zone_key(entity.name) == key or name in entity.aliases):
                return label, entity.name
    return label, name


def _bare(field_name: str) -> str:
    from kg.loaders.extract_industries import industry_name
    return industry_name(field_name)
