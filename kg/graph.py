"""The in-memory knowledge graph every loader writes to and every query reads.

A :class:`KnowledgeGraph` wraps a networkx ``MultiDiGraph``. Node labels and
relation types come from the ontology (:mod:`kg.vocab`). Adding an entity twice,
or under another of its names, yields one node that keeps every name; every node
and relation keeps its first sources (``kg.facts.SOURCE_LIMIT``) and the graph's mention
table (``graph.mentions``) the rest, so every fact stays traceable.

>>> g = KnowledgeGraph()
>>> z = g.add_entity("Zone", "新乡经济技术开发区")
>>> g.add_entity("Zone", "新乡经开区") == z
True
>>> g.node(z)["aliases"]
['新乡经开区']
"""
from __future__ import annotations

import difflib
from collections import Counter
from functools import lru_cache
from typing import Iterable, Iterator

import networkx as nx

from kg import vocab
from kg.errors import NotFoundError
from kg.facts import Entity, Mentions, Relation, Source, source_record
from kg.names import canonical_key, match_keys, node_id, normalize, strip_legal_suffix

RESERVED = frozenset({"label", "name", "aliases", "key", "sources"})


def _record(source) -> dict | None:
    """A source as the plain dict the graph stores (None stays None; see source_record)."""
    if source is None or isinstance(source, Source):
        return source_record(source)
    return dict(source)


def _properties(props: dict) -> Iterator[tuple]:
    """The (name, value) of props worth keeping; a reserved name is an error."""
    for prop, value in props.items():
        if prop in RESERVED:
            raise ValueError(f"{prop!r} is set by the graph, not as a property")
        if value is not None and value != "" and value != []:
            yield prop, value


@lru_cache(maxsize=65536)
def _place_keys(label: str, name: str) -> frozenset:
    # Zones, regions and industries recur on every registry row; firm names do not.
    return frozenset(match_keys(label, name))


def _full_name(name: str) -> bool:
    """Whether a firm name carries its legal form (…有限公司): a full, registered name."""
    text = normalize(name)
    return strip_legal_suffix(text) != text


def _codes(data: dict) -> tuple:
    """The registry codes a firm's properties hold (stock code, credit code)."""
    return tuple(c for c in (data.get("stock_code"), data.get("credit_code")) if c)


def new_node_attrs(label: str, name: str, names, key, record, props: dict) -> dict:
    """The attributes of a node made in one go (a registry row no other fact names).

    >>> new_node_attrs("Firm", "甲公司", ["甲公司", "甲"], None, {"doc": "f.csv", "row": 2}, {})
    {'label': 'Firm', 'name': '甲公司', 'aliases': ['甲'], 'sources': [{'doc': 'f.csv', 'row': 2}]}
    """
    attrs = {"label": label, "name": name, "aliases": [a for a in dict.fromkeys(names[1:])
                                                       if a != name],
             "sources": [record] if record is not None else []}
    if key:
        attrs["key"] = key
    attrs.update(_properties(props))
    return attrs


def entity_names(name: str, aliases) -> list:
    """An entity's name and aliases as the graph keeps them (stripped, empty ones dropped).

    >>> entity_names(" 甲公司 ", ["", "甲 "])
    ['甲公司', '甲']
    """
    name = str(name).strip()
    return [name] + [str(a).strip() for a in aliases or () if a and str(a).strip()]


def _keys(label: str, name: str):
    if label == "Link":
        return ()
    return match_keys(label, name) if label == "Firm" else _place_keys(label, name)


class KnowledgeGraph:
    """A typed, provenance-carrying graph of zones, industries, chains and firms.

    ``nx`` is the underlying ``networkx.MultiDiGraph``: node attributes are ``label``,
    ``name``, ``aliases``, ``sources`` and the label's properties; an edge's key is its
    relation type and its attributes are its properties and ``sources``.
    """

    def __init__(self):
        self.nx = nx.MultiDiGraph()
        self._index: dict = {}  # (label, match key) -> node id
        self._last = None  # (label, name, key, node id) of the entity add_fact added last
        self._refs: dict = {}  # (label, name) -> node id of resolved place references
        self.version = 0  # bumped by every change made through these methods (query caches key on it)
        # sources past the first few of a node or relation (kg.facts.Mentions), in nx.graph
        self.mentions = Mentions(self.nx.graph)
        self._conflicted: dict = {}  # registry key -> node ids of the firms it names
        self.moved: dict = {}  # old node id -> new, for every node renamed or merged away
        # registry firms the streaming build keeps outside networkx (kg.stream.BulkFirms)
        self.bulk = None

    # ------------------------------------------------------------------ entities
    def add_entity(self, label: str, name: str, *, aliases: Iterable[str] = (),
                   key: str | None = None, source: Source | dict | None = None,
                   **props) -> str:
        """Add an entity (or merge it into the node it names) and return its node id.

        ``key`` is a registry key (stock code, credit code) that identifies the node
        across sources; names and aliases are matched through :func:`kg.names.match_keys`.
        """
        return self._add_entity(label, name, aliases, key, _record(source), props)

    def _add_entity(self, label: str, name: str, aliases, key, record: dict | None,
                    props: dict) -> str:
        vocab.label(label)
        name = str(name).strip()
        conflict = None
        if key and label == "Firm":
            key, conflict = self._claim_key(name, key, aliases)
            if conflict is not None:  # the code is recorded as a conflict, not as the firm's
                props = {k: v for k, v in props.items() if normalize(str(v)) != conflict["key"]}
                aliases = self._drop_shared_aliases(conflict["key"], aliases)
            if conflict is not None and conflict.get("node"):
                return self._add_to(conflict["node"], name, aliases, record, props, label)
        if aliases:
            names = [name] + [str(a).strip() for a in aliases if a and str(a).strip()]
            keys = set().union(*(_keys(label, n) for n in names))
        else:
            names, keys = (name,), _keys(label, name)
        nodes = self.nx._node
        if conflict is None:
            found = self._lookup(label, keys, key)
        else:  # found by its own name only: the row's short name may be the shared one
            taken = self._conflicted[conflict["key"]]
            found = [n for n in self._lookup(label, _keys(label, name), None) if n not in taken]
            if not found:
                node = node_id(label, name)
                if node not in nodes:
                    node = self._new_node(node, label, name, names, None, record, props, ())
                found = [node]
            self._note_conflict(conflict["key"], found[0])
        if not found:
            node = node_id(label, name, key)
            if node in nodes:  # same id, no shared key (e.g. keyed link names)
                found = [node]
            elif record is None or record.get("sentence") is None:
                return self._new_node(node, label, name, names, key, record, props, keys)
            else:
                self.nx.add_node(node, label=label, name=name, aliases=[], sources=[])
                if key:
                    nodes[node]["key"] = key
        if found:
            node = found[0]
            for other in found[1:]:
                node = self.merge_nodes(node, other)
            if key and not nodes[node].get("key"):
                node = self._rekey(node, node_id(label, name, key), key, name)
        data = nodes[node]
        if label == "Firm" and record is not None and "row" in record \
                and _full_name(name) and not _full_name(data["name"]):
            # a registry's full name displays before the short name a document wrote
            data["aliases"].append(data["name"])
            data["name"] = name
            if name in data["aliases"]:
                data["aliases"].remove(name)
        for alias in names:
            if alias != data["name"] and alias not in data["aliases"]:
                data["aliases"].append(alias)
        for prop, value in _properties(props):
            data.setdefault(prop, value)
        if record is not None:
            self.mentions.add(data["sources"], record, node)
            if record.get("sentence") is not None:
                self._mention(node, record)
        self._register(node, label, keys, key)
        return node

    def _add_to(self, node, name, aliases, record, props, label) -> str:
        """Add names, properties and a source to an existing node."""
        data = self.nx._node[node]
        for alias in [name, *aliases]:
            alias = str(alias).strip()
            if alias and alias != data["name"] and alias not in data["aliases"]:
                data["aliases"].append(alias)
        for prop, value in _properties(props):
            data.setdefault(prop, value)
        if record is not None:
            self.mentions.add(data["sources"], record, node)
        return node

    # ------------------------------------------------------------------ key conflicts
    def same_firm(self, name: str, node: str) -> bool:
        """Whether ``name`` is a name of firm ``node``: it shares a match key (its
        normalised name, with or without the legal form) with the node's name or aliases."""
        data = self.nx._node[node]
        mine = match_keys("Firm", name)
        return any(mine & match_keys("Firm", n) for n in [data["name"], *data["aliases"]])

    def _renamed_firm(self, aliases, node: str) -> bool:
        """Whether a short name of the row is the node's full name without its legal form
        (a firm renamed keeps its code: 贤丰控股 was 广东蓉胜超微线材)."""
        data = self.nx._node[node]
        fulls = [n for n in [data["name"], *data["aliases"]] if _full_name(n)]
        return any(match_keys("Firm", a) & match_keys("Firm", f)
                   for a in aliases or () if a for f in fulls)

    def _claim_key(self, name: str, key: str, aliases=()) -> tuple:
        """(key to use, conflict or None) for a firm named ``name`` that a source keys by ``key``.

        A code that sources give to firms of different names keys none of them: each is
        keyed by its normalised name and carries the conflict (never a merge). A later
        row of one of those firms finds its node by name (``conflict["node"]``).
        """
        nk = normalize(key)
        if nk in self._conflicted:
            same = [n for n in self._conflicted[nk] if self.same_firm(name, n)]
            return None, {"key": nk, "node": same[0] if len(same) == 1 else None}
        hit = self._index.get(("Firm", "#" + nk))
        # Identity is decided by full names: a short name (no legal form; it changes with
        # renames and ST marks) given with a code is one more name of the code's firm.
        if hit is None or not _full_name(name) or not _full_name(self.nx._node[hit]["name"]) \
                or self.same_firm(name, hit) or self._renamed_firm(aliases, hit):
            return key, None
        first = self._unkey(hit, nk)
        self._conflicted[nk] = [first]
        self._note_conflict(nk, first)
        return None, {"key": nk, "node": None}

    def _drop_shared_aliases(self, key: str, aliases) -> list:
        """A short name that rows of different firms under one conflicting code share names
        none of them (688078's ten firms all say 龙软科技): it leaves them all."""
        taken = [n for n in self._conflicted.get(key, ()) if n in self.nx]
        shared = {a for a in aliases if any(a in self.nx._node[n]["aliases"] for n in taken)}
        for node in taken:
            data = self.nx._node[node]
            gone = [a for a in data["aliases"] if a in shared]
            if not gone:
                continue
            data["aliases"] = [a for a in data["aliases"] if a not in shared]
            own = set().union(*(match_keys("Firm", n) for n in [data["name"], *data["aliases"]]))
            for alias in gone:
                for mk in match_keys("Firm", alias) - own:
                    if self._index.get(("Firm", mk)) == node:
                        del self._index[("Firm", mk)]
        return [a for a in aliases if a not in shared]

    def _unkey(self, node: str, key: str) -> str:
        """Take registry key ``key`` from a node: its id becomes its name's id."""
        self._last, self._refs = None, {}
        data = self.nx._node[node]
        data.pop("key", None)
        self._index.pop(("Firm", "#" + key), None)
        target = node_id("Firm", data["name"])
        if target == node or target in self.nx:
            return node
        nx.relabel_nodes(self.nx, {node: target}, copy=False)
        for idx, value in self._index.items():
            if value == node:
                self._index[idx] = target
        self._renamed(node, target)
        return target

    def _note_conflict(self, key: str, node: str) -> None:
        """Record on every firm a conflicting key names the others it is given to."""
        nodes = self._conflicted.setdefault(key, [])
        if node not in nodes:
            nodes.append(node)
        table = self.nx.graph.setdefault("conflicts", {})
        table[key] = sorted(nodes)
        self._conflict_notes(key, nodes)

    def _conflict_notes(self, key: str, nodes: list) -> None:
        for member in nodes:
            data = self.nx._node[member]
            for prop in ("stock_code", "credit_code"):
                if data.get(prop) and normalize(data[prop]) == key:
                    del data[prop]
            others = sorted(self.nx._node[o]["name"] for o in nodes if o != member)
            notes = [c for c in data.get("conflicts", ()) if not c.startswith(key + " ")]
            data["conflicts"] = notes + [f"{key} 也被登记给：" + "、".join(others)]

    def refresh_conflicts(self) -> None:
        """Rewrite each conflicting firm's note with the others' current names."""
        for key, nodes in (self.nx.graph.get("conflicts") or {}).items():
            self._conflict_notes(key, [n for n in nodes if n in self.nx])

    def conflicts(self) -> dict:
        """{registry key: [node ids]} of the keys given to firms of different names."""
        return dict(self.nx.graph.get("conflicts", {}))

    def _new_node(self, node, label, name, names, key, record, props, keys) -> str:
        """The common case of a registry row: a node nothing names yet, made in one go."""
        self.nx.add_node(node, **new_node_attrs(label, name, names, key, record, props))
        self._register(node, label, keys, key)
        return node

    def _lookup(self, label, keys, key) -> list:
        """Nodes that a registry key or any match key already names, in a stable order."""
        found = []
        if key:
            hit = self._index.get((label, "#" + normalize(key)))
            if hit is not None:
                found.append(hit)
        for mk in sorted(keys):
            hit = self._index.get((label, mk))
            # (a firm the streaming build keeps outside the graph may hold a name key
            # meanwhile: kg.stream.replay; it has a code of its own, so it is another firm)
            if hit is not None and hit not in found and hit in self.nx._node:
                other = self.nx._node[hit].get("key") if key else None
                if other and normalize(other) != normalize(key) \
                        and key not in _codes(self.nx._node[hit]):
                    continue  # another registry key: another firm with a like name
                found.append(hit)
        return found

    def _register(self, node, label, keys, key) -> None:
        self.version += 1  # every entity added or merged into passes here
        if key:
            self._index[(label, "#" + normalize(key))] = node
            if label == "Firm":  # a firm keyed by its credit code is found by its stock code too
                for code in _codes(self.nx._node[node]):
                    if code != key and code not in self._conflicted:
                        self._index.setdefault((label, "#" + code), node)
        for mk in keys:
            self._index.setdefault((label, mk), node)

    def _rekey(self, node: str, target: str, key: str, name: str) -> str:
        """A node first seen by name gets its registry key: its id becomes the keyed id."""
        self._last, self._refs = None, {}
        data = self.nx.nodes[node]
        data["key"] = key
        if node == target or target in self.nx:
            return node
        nx.relabel_nodes(self.nx, {node: target}, copy=False)
        self.mentions.rename(node, target)
        for idx, value in self._index.items():
            if value == node:
                self._index[idx] = target
        self._renamed(node, target)
        data = self.nx.nodes[target]
        # the registry's name becomes the display name, unless it would put a short name
        # in the place of a full one
        if data["name"] != name and (_full_name(name) or not _full_name(data["name"])):
            data["aliases"].append(data["name"])
            data["name"] = name
            if name in data["aliases"]:
                data["aliases"].remove(name)
        return target

    def merge_nodes(self, keep: str, drop: str) -> str:
        """Fold node ``drop`` into ``keep`` (two spellings of one thing); returns the survivor.

        A node with a registry key survives over one without.
        """
        if keep == drop or drop not in self.nx:
            return keep
        self.version += 1
        self._last, self._refs = None, {}
        if self.nx.nodes[drop].get("key") and not self.nx.nodes[keep].get("key"):
            keep, drop = drop, keep
        kd, dd = self.nx.nodes[keep], self.nx.nodes[drop]
        for alias in [dd["name"], *dd["aliases"]]:
            if alias != kd["name"] and alias not in kd["aliases"]:
                kd["aliases"].append(alias)
        for src in dd["sources"]:
            self.mentions.add(kd["sources"], src, keep)
        self.mentions.move(drop, keep)
        for prop, value in dd.items():
            kd.setdefault(prop, value)
        for u, _, rel, data in list(self.nx.in_edges(drop, keys=True, data=True)):
            self._edge(u if u != drop else keep, rel, keep, data)
            self.mentions.move((u, rel, drop), (u if u != drop else keep, rel, keep))
        for _, v, rel, data in list(self.nx.out_edges(drop, keys=True, data=True)):
            self._edge(keep, rel, v if v != drop else keep, data)
            self.mentions.move((drop, rel, v), (keep, rel, v if v != drop else keep))
        self.nx.remove_node(drop)
        for idx, value in self._index.items():
            if value == drop:
                self._index[idx] = keep
        self._renamed(drop, keep)
        return keep

    def _renamed(self, old: str, new: str) -> None:
        """Follow a node's new id in ``moved`` and in the table of key conflicts."""
        self.moved[old] = new
        if not self._conflicted:
            return
        table = self.nx.graph.get("conflicts", {})
        for key, nodes in self._conflicted.items():
            if old in nodes:
                nodes[:] = list(dict.fromkeys(new if n == old else n for n in nodes))
                table[key] = sorted(nodes)

    def _edge(self, u, rel, v, data) -> None:
        self.version += 1  # every relation added or merged into passes here
        mine = self.nx._succ[u].get(v)
        mine = mine.get(rel) if mine is not None else None
        if mine is not None:
            for src in data.get("sources", []):
                self.mentions.add(mine["sources"], src, (u, rel, v))
            for prop, value in data.items():
                mine.setdefault(prop, value)
        else:
            self.nx.add_edge(u, v, key=rel, **{**data, "sources": list(data.get("sources", []))})

    def _mention(self, node: str, source) -> None:
        record = _record(source)
        if record.get("sentence") is None or self.nx.nodes[node]["label"] == "Document":
            return
        doc = self.add_document(record["doc"])
        props = {k: record[k] for k in ("sentence", "start", "end", "quote") if k in record}
        self._edge(node, "MENTIONED_IN", doc, {**props, "sources": [record]})

    def add_document(self, path: str, **props) -> str:
        """The Document node of a source file (created once)."""
        node = f"Document/{path}"
        self.version += 1
        if node not in self.nx:
            self.nx.add_node(node, label="Document", name=path, aliases=[],
                             sources=[{"doc": path}], path=path,
                             **{k: v for k, v in props.items() if v is not None})
        else:
            for prop, value in props.items():
                if value is not None:
                    self.nx.nodes[node][prop] = value
        return node

    # ------------------------------------------------------------------ relations
    def add_relation(self, src: str, rel: str, dst: str, *, source: Source | dict | None = None,
                     **props) -> None:
        """Add (or merge into) the relation ``src -[rel]-> dst`` between two node ids."""
        self._add_relation(src, rel, dst, _record(source), props)

    def _add_relation(self, src: str, rel: str, dst: str, record: dict | None, props: dict) -> None:
        rtype = vocab.relation(rel)
        nodes = self.nx._node
        for end, allowed in ((src, rtype.domains), (dst, rtype.ranges)):
            have = nodes[end]["label"]
            if have not in allowed:
                raise vocab.SchemaError(
                    f"{rel} cannot {'start' if end == src else 'end'} at a {have} ({end}); "
                    f"allowed: {', '.join(allowed)}")
        data = {k: v for k, v in props.items() if v is not None} if props else {}
        data["sources"] = [record] if record is not None else []
        self._edge(src, rel, dst, data)

    def _resolve(self, label: str, name: str, key, source) -> str:
        last = self._last
        if last is not None and last[0] == label and last[1] == name and last[2] == key:
            return last[3]  # a loader's relation usually names the entity it just added
        if key:  # a registry key names one node: no need to compare names
            hit = self._index.get((label, "#" + normalize(key)))
            if hit is not None:
                return hit
            if normalize(key) in self._conflicted:  # the key names several firms
                return self.add_entity(label, name, key=key, source=source)
        elif label != "Firm":  # places and industries recur on every registry row
            hit = self._refs.get((label, name))
            if hit is not None and hit in self.nx._node:
                return hit
        found = self._lookup(label, _keys(label, name), key)
        node = found[0] if found else self.add_entity(label, name, key=key, source=source)
        if not key and label != "Firm":
            self._refs[(label, name)] = node
        return node

    def add_fact(self, fact: Entity | Relation) -> str | None:
        """Add one fact from a loader; entities return their node id."""
        if isinstance(fact, Entity):
            node = self._add_entity(fact.label, fact.name, fact.aliases, fact.key,
                                    _record(fact.source), fact.props)
            self._last = (fact.label, fact.name, fact.key, node)
            return node
        src = self._resolve(fact.src.label, fact.src.name, fact.src.key, fact.source)
        dst = self._resolve(fact.dst.label, fact.dst.name, fact.dst.key, fact.source)
        self.add_relation(src, fact.rel, dst, source=fact.source, **fact.props)
        return None

    def add_encoded(self, fact: tuple) -> None:
        """Add one fact in the plain-tuple form of :func:`kg.facts.encode`."""
        if fact[0] == "E":
            _, label, name, aliases, key, props, record = fact
            node = self._add_entity(label, name, aliases, key, record, props)
            self._last = (label, name, key, node)
        else:
            _, rel, (slabel, sname, skey), (dlabel, dname, dkey), props, record = fact
            src = self._resolve(slabel, sname, skey, record)
            dst = self._resolve(dlabel, dname, dkey, record)
            self._add_relation(src, rel, dst, record, props)

    def add_facts(self, facts: Iterable) -> int:
        """Add every fact of an iterable; returns how many were added."""
        count = 0
        for fact in facts:
            self.add_fact(fact)
            count += 1
        return count

    # ------------------------------------------------------------------ reading
    def node(self, node: str) -> dict:
        """The attributes of a node id."""
        return self.nx.nodes[node]

    def nodes(self, label: str | None = None) -> Iterator[tuple]:
        """(id, attributes) of every node, or of every node with ``label``."""
        for node, data in self.nx.nodes(data=True):
            if label is None or data["label"] == label:
                yield node, data

    def edges(self, rel: str | None = None) -> Iterator[tuple]:
        """(source id, relation type, target id, attributes) of every relation (of type ``rel``)."""
        for u, v, key, data in self.nx.edges(keys=True, data=True):
            if rel is None or key == rel:
                yield u, key, v, data

    def out(self, node: str, rel: str) -> list:
        """Targets of ``node``'s outgoing relations of type ``rel``."""
        return [v for _, v, k in self.nx.out_edges(node, keys=True) if k == rel]

    def into(self, node: str, rel: str) -> list:
        """Sources of ``node``'s incoming relations of type ``rel``."""
        return [u for u, _, k in self.nx.in_edges(node, keys=True) if k == rel]

    def resolve(self, name: str, label: str | None = None) -> str | None:
        """The node id a name (or id) refers to, or None."""
        if name in self.nx:
            return name
        labels = [label] if label else vocab.LABELS
        for lab in labels:
            exact = node_id(lab, name)
            if exact in self.nx:  # a node of exactly this name before one sharing a key
                return exact
            for mk in sorted(match_keys(lab, name), key=len, reverse=True):
                hit = self._index.get((lab, mk))
                if hit is not None:
                    return hit
            hit = self._index.get((lab, "#" + normalize(name)))
            if hit is not None:
                return hit
        return None

    def find(self, name: str, label: str | None = None) -> str:
        """Like :meth:`resolve`, but an unknown name raises NotFoundError with the closest names."""
        hit = self.resolve(name, label)
        if hit is not None:
            return hit
        pool = {}
        for node, data in self.nodes(label):
            for known in [data["name"], *data["aliases"]]:
                pool.setdefault(normalize(known), data["name"])
        close = difflib.get_close_matches(normalize(name), list(pool), n=5, cutoff=0.4)
        raise NotFoundError((label or "entity").lower(), name, dict.fromkeys(pool[c] for c in close))

    def counts(self) -> dict:
        """Nodes per label and relations per type, sorted by name."""
        labels = Counter(d["label"] for _, d in self.nx.nodes(data=True))
        rels = Counter(k for _, _, k in self.nx.edges(keys=True))
        if self.bulk is not None:  # the firms the streaming build wrote outside networkx
            labels.update(self.bulk.counts["nodes"])
            rels.update(self.bulk.counts["relations"])
        return {"nodes": dict(sorted(labels.items())), "relations": dict(sorted(rels.items()))}

    def __len__(self) -> int:
        return self.nx.number_of_nodes()

    def __contains__(self, node: str) -> bool:
        return node in self.nx

    # ------------------------------------------------------------------ plain records
    def node_records(self) -> Iterator[dict]:
        """Every node as a plain dict (``id`` first), sorted by id: the canonical form."""
        for node in sorted(self.nx.nodes):
            yield {"id": node, **self.nx.nodes[node]}

    def edge_records(self) -> Iterator[dict]:
        """Every relation as a plain dict (``src``, ``rel``, ``dst`` first), sorted."""
        for u, v, key in sorted(self.nx.edges(keys=True)):
            yield {"src": u, "rel": key, "dst": v, **self.nx.edges[u, v, key]}

    @classmethod
    def from_records(cls, nodes: Iterable[dict], edges: Iterable[dict]) -> "KnowledgeGraph":
        """Rebuild a graph from :meth:`node_records` and :meth:`edge_records`."""
        graph = cls()
        for record in nodes:
            record = dict(record)
            node = record.pop("id")
            graph.nx.add_node(node, **record)
            label = record["label"]
            keys = set() if label == "Link" else set().union(
                *(match_keys(label, n) for n in [record["name"], *record["aliases"]]))
            graph._register(node, label, keys, record.get("key"))
        for record in edges:
            record = dict(record)
            graph.nx.add_edge(record.pop("src"), record.pop("dst"), key=record.pop("rel"), **record)
        return graph


__all__ = ["KnowledgeGraph", "canonical_key"]
