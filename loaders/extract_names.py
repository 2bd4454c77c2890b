"""Named zones, platforms, projects and firms in a sentence, by suffix and by list.

A name ends in a typed suffix (…研究院, …经开区, …项目) and starts after the verb that
governs it; the items of an enumeration (A、B、C等…企业) take their type from their own
suffix or, lacking one, from the head noun after 等, and a firm's role from the trigger
that introduces the list (引进/对接 → target; 支持/骨干/入选 → local).

>>> from kg.loaders.sentences import split_sentences
>>> s = split_sentences("积极对接清华大学等机构,大力引进三一重工、中联重科等龙头企业。")[0]
>>> [(m.label, m.name, m.props.get("role")) for m in sentence_names(s)]
[('Platform', '清华大学', None), ('Firm', '三一重工', 'target'), ('Firm', '中联重科', 'target')]

The rules live in one module per job: where a name starts (extract_name_bounds), whether a
span is a name of its type (extract_name_checks), places a name opens with
(extract_name_places), zones (extract_name_zones), works and projects (extract_name_works),
firms inside other names (extract_name_firms), names by suffix (extract_name_suffix),
enumerations (extract_name_lists) and clause-level firm forms (extract_name_clauses); this
module runs them clause by clause.
"""
from __future__ import annotations

import re

from kg.loaders.mentions import clauses, split_depth0
from kg.loaders.extract_name_checks import list_role
from kg.loaders.extract_name_clauses import (alias_marks, clause_subject_firm, exemplar_firms,
                                             group_firms, legal_firms, link_aliases,
                                             partner_firms, ranked_firms, short_known_firms)
from kg.loaders.extract_name_firms import firm_bases, firm_in_name, firm_of_park
from kg.loaders.extract_name_lists import list_items
from kg.loaders.extract_roles import clause_role
from kg.loaders.extract_name_suffix import numbered_institutes, suffix_names
from kg.loaders.extract_name_works import energy_corridors, route_sections, works_of_phases
from kg.loaders.extract_name_zones import distributed_zones, outer_zone, park_of_phase


_BOOK_TITLE = re.compile(r"《[^》]*》")


def _names_inside(text: str, before: str, c_start: int, found: list) -> None:
    """Add the names that found names hold: the zone a park's name opens with, the firm
    that names a works or platform (a target where the clause attracts it), the park whose
    phase a project is."""
    for m in list(found):
        if m.label == "Zone":
            outer_zone(m, found)
            firm_of_park(m, found)
        if m.label in ("Project", "Platform"):
            # (a done aspect turns a target list's works local: 成功引进了甲…项目)
            lead = before + text[c_start:m.i]
            role = "target" if list_role(text, lead, "") == "target" \
                and clause_role(lead, "") != "local" else "local"
            if not m.props.pop("firm_read", False):  # (a listed works' firm is read already)
                firm_in_name(m, found, role)
            if m.label == "Project":
                _builders_role(m, found, role)
        if m.label == "Project":
            park_of_phase(m, found)
            works_of_phases(m, text)


def _builders_role(works, found: list, role: str) -> None:
    """A firm whose name opens a works' name builds that works (中国石油化工股份有限公司|九江
    分公司…芳烃项目): with no cue of its own it takes the role the works' clause gives."""
    for firm in found:
        if firm.label == "Firm" and works.i <= firm.i < firm.j < works.j \
                and firm.props.get("role") in (None, "other"):
            firm.props["role"] = role


def _inside_legal_name(mention, found: list) -> bool:
    """True when a zone's mention lies inside a firm's registered name (铁岭新城|投资控股…股份
    有限公司): the firm is named after the zone, the text names no zone."""
    return mention.label == "Zone" and any(
        f.label == "Firm" and f.i <= mention.i and mention.j < f.j
        and f.name.endswith(("有限公司", "有限责任公司")) for f in found)


def sentence_names(sentence) -> list:
    """Every zone, platform, project and firm named in one sentence."""
    text = _BOOK_TITLE.sub(lambda m: "," * len(m.group()), sentence.text)
    text, alias_spans = alias_marks(text)
    out: list = []
    pieces = clauses(text)
    for n, (c_start, c_end) in enumerate(pieces):
        before = text[max(0, pieces[max(0, n - 2)][0]):c_start]
        found: list = []
        energy_corridors(text, c_start, c_end, sentence, found)
        numbered_institutes(text, c_start, c_end, sentence, found)
        if "、" in text[c_start:c_end] or "等" in text[c_start:c_end]:
            items: list = []
            list_items(text, c_start, c_end, sentence, before, items)
            found += [m for m in items if not any(c.i < m.j and m.i < c.j for c in found)]
        taken = [(m.i, m.j) for m in found]
        for i, j in split_depth0(text, "、", c_start, c_end):
            extra: list = []
            suffix_names(text, i, j, extra, sentence)
            for m in extra:
                if not any(a <= m.i < b or a < m.j <= b for a, b in taken):
                    found.append(m)
        distributed_zones(text, c_start, c_end, sentence, found)
        legal_firms(text, c_start, c_end, sentence, before, found)
        group_firms(text, c_start, c_end, sentence, before, found)
        exemplar_firms(text, c_start, c_end, sentence, before, found)
        short_known_firms(text, c_start, c_end, sentence, before, found)
        route_sections(text, c_start, c_end, sentence, found)
        ranked_firms(text, c_start, c_end, sentence, before, found)
        clause_subject_firm(text, c_start, c_end, sentence, found)
        partner_firms(text, c_start, c_end, sentence, found)
        firm_bases(text, c_end, sentence, found)
        _names_inside(text, before, c_start, found)
        out.extend(m for m in found if not _inside_legal_name(m, found))
    out.sort(key=lambda m: m.i)
    link_aliases(out, alias_spans)
    return out
