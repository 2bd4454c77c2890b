"""A document's own subject place: the zone or region it is about.

Read from the document itself, in this order:

1. its title (the first line that names a place): a plan titled "新乡市…规划" is about the
   city, a news item titled "芜湖经开区…获批" about the zone;
2. the deictics of its body: a text that says 我市/全市/本市 speaks for a city, 我区/全区/本区
   or a bare 园区 for a zone, 我省/全省 for a province (the most frequent kind wins);
3. else the caller's fallback (``kg build --zone``), else the zone or region it names most.

Facts without a more precise place attach to this subject.

>>> from kg.loaders.sentences import split_sentences
>>> from kg.loaders.extract_regions import sentence_regions
>>> s = split_sentences("新乡市招商引资规划\\n我市将引进三一重工。")
>>> ms = [m for x in s for m in sentence_regions(x, [])]
>>> subject_place(s, ms, ("Zone", "新乡高新区"), ("Zone", "新乡高新区"))
('Region', '新乡市')
"""
from __future__ import annotations

import re
from collections import Counter

_TITLE_LINES = 3
# a news page's byline and dateline (来源:四川日报 编辑:… 2021-06-18): the places there are
# the publisher's, not what the piece is about
_BYLINE = re.compile(r"来源[:：]|编辑[:：]|作者[:：]|记者|发布时间|发布日期|日期[:：]|浏览|点击|"
                     r"\d{4}[-年/.]\d{1,2}[-月/.]\d{1,2}")
_DEICTIC = {"city": re.compile(r"我市|全市|本市"), "zone": re.compile(r"我区|全区|本区|园区内|区内"),
            "province": re.compile(r"我省|全省|本省")}


def _title_place(sentences, mentions):
    """(label, name) of the place the title names (its byline skipped), else None.

    >>> from kg.loaders.sentences import split_sentences
    >>> from kg.loaders.mentions import Mention
    >>> head = split_sentences("甲项目投运\\n2021-06-18 来源:四川日报\\n宜宾市推进产业发展。")
    >>> _title_place(head, [Mention("Region", "四川", head[1], 14, 16, {"full": "四川省"})])
    """
    by_sentence: dict = {}
    for m in mentions:
        by_sentence.setdefault(m.sentence.index, []).append(m)
    for sentence in sentences[:_TITLE_LINES]:
        if len(sentence.text) > 40 or sentence.text.endswith("。"):
            break  # a full sentence: body text, the title is over (titles have no 。)
        if _BYLINE.search(sentence.text):
            continue
        found = sorted(by_sentence.get(sentence.index, []), key=lambda m: m.i)
        zones = [m for m in found if m.label == "Zone"]
        if zones:
            return "Zone", zones[0].name
        regions = [m for m in found if m.label == "Region"]
        if regions:
            deepest = max(regions, key=lambda m: ("province", "city", "county").index(
                m.props.get("level", "province")) if m.props.get("level") in (
                "province", "city", "county") else 0)
            return "Region", deepest.props.get("full", deepest.name)
    return None


def count_deictics(sentence, counts: Counter) -> None:
    """Add the sentence's 我市/我区/我省 … to ``counts`` (city, zone, province)."""
    for kind, pattern in _DEICTIC.items():
        counts[kind] += len(pattern.findall(sentence.text))


def _deictic_kind(counts: Counter):
    if not counts or counts.most_common(1)[0][1] < 3:
        return None
    return counts.most_common(1)[0][0]


def _region_of_level(mentions, level):
    counts = Counter(m.props["full"] for m in mentions
                     if m.label == "Region" and m.props.get("level") == level)
    return counts.most_common(1)[0][0] if counts else None


def subject_place(head, mentions, fallback=None, inferred=None, deictics=None):
    """(label, name) of the place the document is about, or None.

    ``head`` holds the document's first sentences; ``deictics`` the counts of
    :func:`count_deictics` over all of them. ``fallback`` is the caller's home (used only
    where the document does not say); ``inferred`` the home read from the names the
    document uses most.
    """
    title = _title_place(head, mentions)
    if title is not None:
        return title
    if deictics is None:
        deictics = Counter()
        for sentence in head:
            count_deictics(sentence, deictics)
    kind = _deictic_kind(deictics)
    if kind in ("city", "province"):
        region = _region_of_level(mentions, kind)
        if region:
            return "Region", region
    if kind == "zone" and inferred and inferred[0] == "Zone":
        return inferred
    return fallback or inferred


# what a sentence may open on before its topic (据介绍,江北新区以…)
_TOPIC_LEAD = re.compile(r"(?:据介绍|据了解|目前|当前|同时|此外|其中|另外|近年来|近年|今年|去年)[,，]?")


def sentence_topic_zone(sentence, mentions):
    """The zone a sentence opens on (江北新区以IC设计企业为主,…芯华章…落户这里), or None: the
    firms the sentence places are that zone's, more precisely than the document's subject.

    >>> from kg.loaders.sentences import split_sentences
    >>> from kg.loaders.mentions import Mention
    >>> s = split_sentences("据介绍,江北新区近年来引进星河科技。")[0]
    >>> sentence_topic_zone(s, [Mention("Zone", "江北新区", s, 4, 8, {})]).name
    '江北新区'
    """
    lead = _TOPIC_LEAD.match(sentence.text)
    start = lead.end() if lead else 0
    return next((m for m in mentions if m.label == "Zone" and m.i == start), None)
