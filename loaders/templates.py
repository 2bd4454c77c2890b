"""Chain templates: the links of an industry chain in order, read from YAML.

A template names a chain, its aliases, and its links upstream to downstream, each
with a stage, keywords and industry codes (format: ``docs/chain-templates.md``).
The shipped templates live in ``kg/data/templates/``. :func:`template_facts` turns
templates into graph facts; :func:`match_chains` folds a chain a document spells
out into the template it matches.

>>> sensor = [t for t in load_templates() if t.name == "智能传感器"][0]
>>> [link.name for link in sensor.links]
['传感器材料', '传感芯片', '传感器', '传感器终端']
>>> from kg.graph import KnowledgeGraph
>>> g = KnowledgeGraph(); _ = g.add_facts(template_facts([sensor]))
>>> g.resolve("传感器", "Chain")
'Chain/智能传感器'
"""
from __future__ import annotations

import logging
import re
from functools import lru_cache
from dataclasses import dataclass, field
from importlib.resources import files
from pathlib import Path
from typing import Iterable, Iterator

import yaml

from kg.errors import SourceError
from kg.facts import Entity, Relation, Source
from kg.names import link_key, node_id, normalize
from kg.vocab import STAGES

log = logging.getLogger("kg.loaders.templates")

# A document chain joins a template when this share of its links match template links.
MATCH_SHARE = 0.6


@dataclass(frozen=True)
class TemplateLink:
    """One link of a template: name, stage, other names, keywords, industry codes."""

    name: str
    stage: str
    aliases: tuple = ()
    keywords: tuple = ()
    industry_codes: tuple = ()
    broad_keywords: tuple = ()
    broad_codes: tuple = ()
    exclude_words: tuple = ()
    name_keywords: tuple = ()
    code_names: dict = field(default_factory=dict, compare=False, hash=False)

    def names(self) -> set:
        """Normalised names a document may use for this link."""
        return {normalize(n) for n in (self.name, *self.aliases)}


@dataclass(frozen=True)
class Template:
    """A chain template: its name, aliases, industry and ordered links, and its file."""

    name: str
    links: tuple
    aliases: tuple = ()
    industry: str | None = None
    path: str = ""
    description: str = ""
    sources: tuple = ()
    extra: dict = field(default_factory=dict, compare=False)

    @property
    def doc(self) -> str:
        """The source name facts of this template carry."""
        return Path(self.path).name if self.path else f"template:{self.name}"

    def link_id(self, link: TemplateLink) -> str:
        """The node id of one of this template's links."""
        return node_id("Link", key=link_key(self.name, link.name))


def shipped_templates() -> list:
    """Paths of the templates shipped in ``kg/data/templates``, sorted."""
    folder = Path(str(files("kg.data").joinpath("templates")))
    return sorted(folder.glob("*.yaml"))


def _strings(value, path, where, name) -> tuple:
    if value is None:
        return ()
    if isinstance(value, (str, int)):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, (str, int)) for v in value):
        raise SourceError(path, f"{name} must be a list of strings", where=where)
    return tuple(str(v).strip() for v in value if str(v).strip())


def _codes(value, path, where, name, names: dict) -> tuple:
    """Industry codes as a list (``["sw:640301"]``) or a mapping of code to the code's
    official name (``{"sw:640301": 仪器仪表}``); names go into ``names``."""
    if isinstance(value, dict):
        for code, label in value.items():
            if not isinstance(label, (str, int)) or not str(label).strip():
                raise SourceError(path, f"{name}: code {code!r} needs its official name",
                                  where=where)
            names[str(code).strip().lower()] = str(label).strip()
        value = list(value)
    codes = tuple(c.lower() for c in _strings(value, path, where, name))
    for code in codes:
        if not re.fullmatch(r"(sw|gb):[0-9]{2,6}", code):
            raise SourceError(path, f"{name}: {code!r} is not a code like sw:640301 or gb:3983",
                              where=where)
    return codes


def _sources(value, path) -> tuple:
    """The public documents a template comes from: each a mapping with ``title`` and ``url``."""
    if value is None:
        return ()
    if isinstance(value, dict):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, dict) and v.get("url")
                                              for v in value):
        raise SourceError(path, "`sources:` must list documents with a `url:` (and `title:`)",
                          where="sources")
    return tuple({k: str(v) for k, v in item.items()} for item in value)


def _link(raw, i: int, count: int, path) -> TemplateLink:
    where = f"link {i}"
    if isinstance(raw, str):
        raw = {"name": raw}
    if not isinstance(raw, dict) or not str(raw.get("name", "")).strip():
        raise SourceError(path, "each link needs a `name:`", where=where)
    name = str(raw["name"]).strip()
    default = "upstream" if i == 1 else ("downstream" if i == count else "midstream")
    stage = raw.get("stage", default)
    if stage not in STAGES:
        raise SourceError(path, f"stage {stage!r} is not one of {', '.join(STAGES)}",
                          where=f"{where} ({name})")
    names: dict = {}
    return TemplateLink(
        name=name, stage=stage,
        aliases=_strings(raw.get("aliases"), path, where, "aliases"),
        keywords=_strings(raw.get("keywords"), path, where, "keywords"),
        broad_keywords=_strings(raw.get("broad_keywords"), path, where, "broad_keywords"),
        industry_codes=_codes(raw.get("industry_codes"), path, where, "industry_codes", names),
        broad_codes=_codes(raw.get("broad_codes"), path, where, "broad_codes", names),
        exclude_words=_strings(raw.get("exclude_words"), path, where, "exclude_words"),
        name_keywords=_strings(raw.get("name_keywords"), path, where, "name_keywords"),
        code_names=names)


def parse_template(data, path="<template>") -> Template:
    """A :class:`Template` from parsed YAML; a malformed one raises SourceError naming the place.

    >>> t = parse_template({"chain": "示例", "links": ["甲", {"name": "乙", "stage": "downstream"}]})
    >>> [(l.name, l.stage) for l in t.links]
    [('甲', 'upstream'), ('乙', 'downstream')]
    """
    if not isinstance(data, dict) or not data.get("chain"):
        raise SourceError(path, "a chain template needs a `chain:` name and `links:`",
                          hint="see docs/chain-templates.md")
    raw_links = data.get("links")
    if not isinstance(raw_links, list) or not raw_links:
        raise SourceError(path, "`links:` must be a non-empty list", where=f"chain {data['chain']}")
    links, seen = [], set()
    for i, raw in enumerate(raw_links, 1):
        link = _link(raw, i, len(raw_links), path)
        if normalize(link.name) in seen:
            raise SourceError(path, f"link {link.name!r} appears twice", where=f"link {i}")
        seen.add(normalize(link.name))
        links.append(link)
    return Template(name=str(data["chain"]).strip(), links=tuple(links),
                    aliases=_strings(data.get("aliases"), path, "aliases", "aliases"),
                    industry=(str(data["industry"]).strip() if data.get("industry") else None),
                    path=str(path), description=str(data.get("description", "")),
                    sources=_sources(data.get("sources"), path))


# libyaml's safe loader when PyYAML was built with it (the same safe constructors, ~10× faster:
# the 20 shipped templates took 0.28 s of every cold extraction with the pure-Python one)
_SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def read_template(path) -> Template:
    """Read one YAML template file."""
    try:
        text = Path(path).read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise SourceError(path, "not UTF-8", hint="save the template as UTF-8") from None
    except OSError as err:
        raise SourceError(path, f"cannot read: {err.strerror}") from None
    try:
        data = yaml.load(text, Loader=_SAFE_LOADER)
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        where = f"line {mark.line + 1}" if mark is not None else None
        raise SourceError(path, f"not valid YAML ({getattr(err, 'problem', err)})",
                          where=where) from None
    return parse_template(data, path)


@lru_cache(maxsize=1)
def shipped_loaded() -> tuple:
    """The shipped templates, read once per process (the extractors look up their terms)."""
    return tuple(load_templates())


def load_templates(paths: Iterable | None = None) -> list:
    """The shipped templates plus those in ``paths``; a user template replaces a shipped one
    of the same chain name."""
    found: dict = {}
    for path in [*shipped_templates(), *(paths or [])]:
        template = read_template(path)
        found[normalize(template.name)] = template
    return list(found.values())


def template_facts(templates: Iterable[Template]) -> Iterator:
    """Facts of the templates: Industry -HAS_CHAIN-> Chain -HAS_LINK{position}-> Link, NEXT."""
    for t in templates:
        src = Source(t.doc)
        chain = Entity("Chain", t.name, aliases=t.aliases, source=src)
        yield chain
        if t.industry:
            industry = Entity("Industry", t.industry, source=src)
            yield industry
            yield Relation("HAS_CHAIN", industry.ref, chain.ref, source=src)
        previous = None
        for position, link in enumerate(t.links, 1):
            entity = Entity("Link", link.name, aliases=link.aliases,
                            key=link_key(t.name, link.name), source=src,
                            props={"position": position, "chain": t.name, "stage": link.stage,
                                   "keywords": list(link.keywords),
                                   "broad_keywords": list(link.broad_keywords),
                                   "industry_codes": list(link.industry_codes),
                                   "broad_codes": list(link.broad_codes),
                                   "exclude_words": list(link.exclude_words),
                                   "name_keywords": list(link.name_keywords),
                                   "code_names": [f"{c} {n}" for c, n in
                                                  sorted(link.code_names.items())]})
            yield entity
            yield Relation("HAS_LINK", chain.ref, entity.ref, props={"position": position},
                           source=src)
            if previous is not None:
                yield Relation("NEXT", previous.ref, entity.ref, source=src)
            previous = entity


# ---------------------------------------------------------------------- listing
def template_rows(templates: Iterable[Template]) -> list:
    """One row per template: chain, aliases, links in order, the documents it cites, its file.

    >>> rows = template_rows(load_templates())
    >>> [r["links"] for r in rows if r["chain"] == "氢能"]
    ['制氢—储氢—加氢—氢燃料电池系统—氢燃料发动机']
    """
    rows = []
    for t in templates:
        rows.append({"chain": t.name, "aliases": "、".join(t.aliases),
                     "links": "—".join(link.name for link in t.links), "link_count": len(t.links),
                     "sources": [s.get("url", "") for s in t.sources], "file": Path(t.path).name})
    return sorted(rows, key=lambda r: r["chain"])


def find_template(templates: Iterable[Template], name: str) -> Template:
    """The template named ``name`` or one of its aliases; NotFoundError with the closest names."""
    from kg.errors import NotFoundError

    templates = list(templates)
    for t in templates:
        if normalize(name) in {normalize(n) for n in (t.name, *t.aliases)}:
            return t
    import difflib
    known = sorted(t.name for t in templates)
    raise NotFoundError("template", name, difflib.get_close_matches(name, known, n=5, cutoff=0.2))


def template_link_rows(template: Template) -> list:
    """One row per link of a template, upstream first: stage, words, codes with their names.

    >>> rows = template_link_rows(find_template(load_templates(), "传感器"))
    >>> rows[2]["link"], "sw:640301 仪器仪表" in rows[2]["industry_codes"]
    ('传感器', True)
    """
    rows = []
    for position, link in enumerate(template.links, 1):
        def named(codes):
            return [f"{c} {link.code_names[c]}".strip() if c in link.code_names else c for c in codes]
        rows.append({"position": position, "link": link.name, "stage": link.stage,
                     "aliases": "、".join(link.aliases), "keywords": "、".join(link.keywords),
                     "broad_keywords": "、".join(link.broad_keywords),
                     "name_keywords": "、".join(link.name_keywords),
                     "industry_codes": named(link.industry_codes),
                     "broad_codes": named(link.broad_codes)})
    return rows


# ---------------------------------------------------------------------- matching
def _chain_links(graph, chain: str) -> list:
    """(position, link id) of a chain's links, in order."""
    rows = []
    for _, link, rel, data in graph.nx.out_edges(chain, keys=True, data=True):
        if rel == "HAS_LINK":
            rows.append((data.get("position", graph.node(link).get("position", 0)), link))
    return sorted(rows)


def _best_template(names: list, templates: list):
    best, best_share = None, 0.0
    for t in templates:
        known = set().union(*(link.names() for link in t.links))
        share = sum(1 for n in names if n in known) / len(names)
        if share > best_share:
            best, best_share = t, share
    return best, best_share


def match_chains(graph, templates: Iterable[Template]) -> list:
    """Fold each document chain into the template it matches; returns what was done.

    A document chain joins a template when the chain's name is the template's name
    or alias, or when at least 60 % of its links (compared after normalisation,
    with the template links' aliases) are template links. Matched links merge into
    the template's links (keeping the template's order); a link of the document
    that matches none stays, placed after the link that precedes it in the
    document, and positions are renumbered. A chain that matches no template
    stays a chain of its own. Each returned row: ``chain``, ``template``, ``merged``
    (link names merged), ``added`` (document links kept as new links).
    """
    templates = list(templates)
    template_nodes, template_link_ids = {}, set()
    for t in templates:
        node = graph.resolve(t.name, "Chain")
        if node is not None:
            template_nodes[node] = t
            template_link_ids.update(t.link_id(link) for link in t.links)
    done = []
    for chain, data in sorted(graph.nodes("Chain")):
        if chain not in graph:
            continue  # merged away earlier in this loop
        foreign = [(p, l) for p, l in _chain_links(graph, chain) if l not in template_link_ids]
        if not foreign:
            continue
        names = [normalize(graph.node(l)["name"]) for _, l in foreign]
        template = template_nodes.get(chain)
        if template is None:
            candidate, share = _best_template(names, templates)
            if candidate is None or share < MATCH_SHARE:
                continue
            template = candidate
        target = graph.resolve(template.name, "Chain")
        if target != chain:
            log.info("chain %s joins template %s", data["name"], template.name)
            graph.merge_nodes(target, chain)
        done.append(_fold_links(graph, target, template, foreign))
    return done


def _fold_links(graph, chain: str, template: Template, foreign: list) -> dict:
    by_name = {}
    for link in template.links:
        for name in link.names():
            by_name.setdefault(name, template.link_id(link))
    merged, added, order = [], [], [template.link_id(link) for link in template.links]
    previous = None
    for _, link in foreign:
        name = graph.node(link)["name"]
        target = by_name.get(normalize(name)) or _restated_link(normalize(name), template, by_name)
        if target is not None and target in graph:
            graph.merge_nodes(target, link)
            merged.append(name)
            previous = target
        else:
            before = [u for u in graph.into(link, "NEXT") if u in order]
            previous = before[0] if before else previous
            order.insert(order.index(previous) + 1 if previous in order else len(order), link)
            graph.node(link)["chain"] = template.name
            added.append(name)
            previous = link
    for position, link in enumerate(order, 1):
        graph.node(link)["position"] = position
        if graph.nx.has_edge(chain, link, "HAS_LINK"):
            graph.nx.edges[chain, link, "HAS_LINK"]["position"] = position
    # NEXT follows the chain's order; a document listing in another order keeps its
    # evidence on HAS_LINK, not as a NEXT that contradicts the template.
    for u, v in list(zip(order, order[1:])):
        if not graph.nx.has_edge(u, v, "NEXT"):
            graph.add_relation(u, "NEXT", v)
    consecutive = set(zip(order, order[1:]))
    for link in order:
        for _, nxt, rel in list(graph.nx.out_edges(link, keys=True)):
            if rel == "NEXT" and nxt in order and (link, nxt) not in consecutive:
                graph.nx.remove_edge(link, nxt, "NEXT")
    return {"chain": graph.node(chain)["name"], "template": template.name,
            "merged": merged, "added": added}


def _restated_link(name: str, template: Template, by_name: dict) -> str | None:
    """The template link a document link names after words of its chain's own name: in
    the 新能源汽车 chain, 新能源|电池材料 is 电池材料 (the leading words say whose materials).

    >>> t = Template("新能源汽车", (TemplateLink("电池材料", "upstream"),), aliases=("动力电池",))
    >>> _restated_link("新能源电池材料", t, {"电池材料": "L1"}), _restated_link("新型电池材料", t, {"电池材料": "L1"})
    ('L1', None)
    """
    heads = [normalize(n) for n in (template.name, *template.aliases, template.industry or "") if n]
    for cut in range(2, len(name) - 1):
        prefix, rest = name[:cut], name[cut:]
        if rest in by_name and any(head.startswith(prefix) for head in heads):
            return by_name[rest]
    return None


__all__ = ["Template", "TemplateLink", "find_template", "load_templates", "match_chains",
           "parse_template", "read_template", "shipped_templates", "template_facts",
           "template_link_rows", "template_rows"]
