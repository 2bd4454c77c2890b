"""The streaming build: registry firms that nothing else touches never enter networkx.

Most firms of a big registry are *bulk firms* (:mod:`kg.index`): no other row, document
or template shares their names or codes, and their relations are their place, their
industries and the links they are placed on. In networkx each costs ~4 KB; here each is
a record on disk from the moment it is parsed to the moment the writers copy it:

1. :func:`spool_registry` — each registry's encoded facts (parsed by the forked reader,
   :mod:`kg.background`) go to a :class:`Spool` file, while :class:`KeyCount` counts the
   hashes of each firm's keys (match keys of its names, codes, node id);
2. documents are read as lists of facts, and :func:`document_marks` collects the keys of
   the firms they name and the forms :func:`kg.loaders.link.link_mentions` looks
   registry aliases up by;
3. :func:`replay` adds the spool to the graph in its order, except each firm whose keys
   nothing else holds and that no document mention could be linked to: that firm's
   entity and relations are set aside (their ends resolved as the graph would);
4. after chains are matched and the graph's firms classified, :func:`classify_bulk`
   classifies each set-aside firm alone (:func:`kg.classify.firm_links`, the firm attached
   to the graph for that call) and writes it to :class:`BulkFirms` (a temporary SQLite
   file), which the workspace writers (:mod:`kg.index`, :mod:`kg.stores.embedded`) read
   beside the graph.

Such a firm shares no key with any other fact, so adding it or not changes no other
node; the records it gets here are the node and relations the graph would have held.
``tests/test_build_stream.py`` compares both builds' workspaces.

>>> import tempfile
>>> spool = Spool(Path(tempfile.mkdtemp()) / "s.bin")
>>> spool.add(("E", "Zone", "郑州高新区", (), None, {}, None)); spool.close()
>>> [item[2] for item in spool]
['郑州高新区']
"""
from __future__ import annotations

import marshal
import os
import sqlite3
from collections import Counter, defaultdict
from pathlib import Path

from kg import vocab
from kg.classify import _sources, firm_links
from kg.errors import KGError
from kg.facts import SOURCE_LIMIT
from kg.graph import entity_names, new_node_attrs
from kg.index import placement
from kg.progress import ticking
from kg.names import NATIONAL_PREFIXES, firm_aliases, match_keys, node_id, normalize, region_prefix

BATCH = 4096  # items per marshal record of a spool


class Spool:
    """Items (plain tuples, dicts, strings) marshalled to a file in batches, read back in order.

    Each batch is one length-prefixed ``marshal.dumps`` blob: ``marshal.load`` on a file
    reads it a few bytes at a time through Python calls (5x slower at a million firms).
    """

    def __init__(self, path):
        self.path = Path(path)
        self._handle = open(self.path, "wb")
        self._batch: list = []
        self.offsets: list = []  # where each batch starts in the file

    def add(self, item) -> None:
        self._batch.append(item)
        if len(self._batch) >= BATCH:
            self._flush()

    def _flush(self) -> None:
        if self._batch:
            blob = marshal.dumps(self._batch, 4)
            self.offsets.append(self._handle.tell())
            self._handle.write(len(blob).to_bytes(8, "little"))
            self._handle.write(blob)
            self._batch = []

    def close(self) -> None:
        if not self._handle.closed:
            self._flush()
            self._handle.close()

    def __iter__(self):
        return self.batches()

    def batches(self, start: int = 0, step: int = 1):
        """The items of every ``step``-th batch from batch ``start``, in order."""
        self.close()
        with open(self.path, "rb") as handle:
            for offset in self.offsets[start::step]:
                if step != 1:
                    handle.seek(offset)
                size = int.from_bytes(handle.read(8), "little")
                yield from marshal.loads(handle.read(size))


def firm_keys(name: str, aliases=(), key=None, props=None) -> tuple:
    """(strict keys, name keys) by which the graph could find or name a firm: its codes
    (as given and normalised) and node id, which no other firm may hold; its names' match
    keys, which firms of other codes may share (kg.graph: they stay apart).

    >>> strict, loose = firm_keys("郑州甲传感科技有限公司", key="91410100MA00000000")
    >>> sorted(strict), sorted(loose)[:1]
    (['#91410100MA00000000', '=Firm/91410100MA00000000'], ['k郑州甲传感科技'])
    """
    names = entity_names(name, aliases)
    props = props or {}
    strict = {"=" + node_id("Firm", names[0], key)}
    for code in (key, props.get("stock_code"), props.get("credit_code")):
        if code:
            strict.add("#" + normalize(str(code)))
            strict.add("#" + str(code))
    return strict, {"k" + mk for n in names for mk in match_keys("Firm", n)}


class KeyCount:
    """Which key hashes more than one fact holds (``dup``), and which name keys a firm
    without a code, a document, a template or a code conflict holds (``loose``): a firm
    of its own code may share a name key only with other such firms."""

    def __init__(self):
        self.seen: set = set()
        self.dup: set = set()
        self.loose: set = set()

    def count(self, hashes) -> None:
        seen, dup = self.seen, self.dup
        for h in hashes:
            if h in seen:
                dup.add(h)
            else:
                seen.add(h)

    def block(self, hashes) -> None:
        """Mark these hashes as shared with a fact that stays in the graph."""
        self.dup.update(hashes)
        self.loose.update(hashes)

    def settle(self, firms: "Spool", marks: "Marks") -> None:
        """A firm whose code is shared (a merge or a conflict) or that a document could
        link to stays in the graph, and with it every firm sharing one of its name keys."""
        dup, loose = self.dup, self.loose
        for strict, names, name, aliases in firms:
            if any(h in dup for h in strict) or marks.linkable(name, aliases):
                loose.update(names)

    def bulk(self, strict, names, keyed: bool) -> bool:
        """Whether a firm of these key hashes can be kept out of the graph."""
        dup, loose = self.dup, self.loose
        if any(h in dup for h in strict) or any(h in loose for h in names):
            return False
        return keyed or not any(h in dup for h in names)


def _hashes(keys) -> list:
    return [hash(k) for k in keys]


class _Pass:
    """Spools one registry's encoded facts and counts each firm's keys."""

    def __init__(self, spool: Spool, firms: Spool, counter: KeyCount, names: set | None):
        self.spool, self.firms, self.counter, self.names = spool, firms, counter, names
        self.firm = None  # (name, key) of the firm whose relations follow

    def __call__(self, fact: tuple) -> None:
        if fact[0] == "E" and fact[1] == "Firm":
            _, _, name, aliases, key, props, _ = fact
            strict, loose = firm_keys(name, aliases, key, props)
            strict, loose = _hashes(strict), _hashes(loose)
            self.counter.count(strict)
            self.counter.count(loose)
            if not key:
                self.counter.loose.update(loose)
            self.firm = (name, key)
            if self.names is not None:
                self.names.update(n for n in entity_names(name, aliases) if 2 <= len(n) <= 12)
            self.spool.add(("F", fact, strict, loose))
            self.firms.add((strict, loose, name, aliases))
            return
        if fact[0] == "R":
            for end, (label, name, key) in enumerate((fact[2], fact[3])):
                if label == "Firm" and (end or (name, key) != self.firm):
                    # a relation to a firm, or of another firm than the row's: that firm
                    # meets other facts, so it stays in the graph
                    self.counter.block(_hashes(set().union(*firm_keys(name, (), key))))
        self.spool.add(fact)


def spool_registry(facts, spool: Spool, firms: Spool, counter: KeyCount,
                   names: set | None = None) -> None:
    """Spool one registry's encoded facts, and each firm's key hashes to ``firms``."""
    sink = _Pass(spool, firms, counter, names)
    for fact in ticking(facts, "已读登记事实"):
        sink(fact)


# ---------------------------------------------------------------------- documents
class Marks:
    """What the documents name: firm key hashes (in ``counter``) and link lookup forms."""

    def __init__(self):
        self.forms: set = set()    # normalised names and names without their place
        self.wanted: set = set()   # their first two characters (link._wanted_bigrams)

    def add_name(self, name: str) -> None:
        text = normalize(name)
        self.wanted.add(name[:2])
        prefix = region_prefix(text) or next((p for p in NATIONAL_PREFIXES
                                              if text.startswith(p)), "")
        self.forms.add(text)
        for form in (text, text[len(prefix):]):
            if len(form) >= 2:
                self.wanted.add(form[:2])
                self.forms.add(form)

    def linkable(self, name: str, aliases) -> bool:
        """Whether a mention could be linked to a registry firm of these names by alias
        (the same prefilter and lookup as :func:`kg.loaders.link.link_mentions`)."""
        if not self.forms:
            return False
        names = [name, *aliases]
        if not any(self.wanted & {n[i:i + 2] for i in range(len(n) - 1)} for n in names):
            return False
        return any(alias in self.forms for n in names for alias, _ in firm_aliases(n))


def document_marks(doc_facts, counter: KeyCount, graph) -> Marks:
    """Block the keys of every firm the documents (and the graph so far) name."""
    marks = Marks()
    for fact in doc_facts:
        if getattr(fact, "label", None) == "Firm":
            counter.block(_hashes(set().union(*firm_keys(fact.name, fact.aliases, fact.key,
                                                          fact.props))))
            for n in entity_names(fact.name, fact.aliases):
                marks.add_name(n)
        for ref in (getattr(fact, "src", None), getattr(fact, "dst", None)):
            if ref is not None and ref.label == "Firm":
                counter.block(_hashes(set().union(*firm_keys(ref.name, (), ref.key))))
                marks.add_name(str(ref.name).strip())
    for node, data in graph.nodes("Firm"):  # template firms, if any
        counter.block(_hashes(set().union(*firm_keys(data["name"], data["aliases"],
                                                      data.get("key"), data))))
        counter.block([hash("=" + node)])
    return marks


# ---------------------------------------------------------------------- replay
def replay(graph, spool: Spool, counter: KeyCount, marks: Marks, deferred: Spool,
           names: set | None = None) -> int:
    """Add the spool's facts to the graph in order, setting bulk firms aside in ``deferred``
    as (entity, [(rel, dst id, props, record)], name keys another firm holds); returns how
    many were set aside. ``names`` receives the set-aside firms' short names."""
    owners: list = []  # name keys a set-aside firm holds in the graph's index meanwhile
    items = ticking(spool, "核对登记事实", total=len(spool.offsets) * BATCH)
    count = _replay(graph, items, counter, marks, deferred, names, owners)
    index = graph._index
    for key, firm in owners:  # every firm that could look them up has been added
        if index.get(key) == firm:
            del index[key]
    return count


def _replay(graph, items, counter, marks, deferred, names, owners) -> int:
    """The loop of :func:`replay`; ``owners`` receives the name keys it marks."""
    current, count = None, 0
    for item in items:
        if item[0] == "F":
            if current is not None:
                deferred.add(current)
            _, fact, strict, loose = item
            if counter.bulk(strict, loose, bool(fact[4])) \
                    and not marks.linkable(fact[2], fact[3]):
                current = (fact, [], _claim_names(graph, fact, loose, counter, owners))
                count += 1
                if names is not None:
                    names.update(n for n in entity_names(fact[2], fact[3]) if 2 <= len(n) <= 12)
                continue
            current = None
            graph.add_encoded(fact)
            continue
        if current is not None and item[0] == "R" and item[2] == ("Firm", current[0][2],
                                                                   current[0][4]):
            _, rel, _, (dlabel, dname, dkey), props, record = item
            dst = graph._resolve(dlabel, dname, dkey, record)
            _check_ends(graph, rel, dst)
            current[1].append((rel, dst, props, record))
            continue
        graph.add_encoded(item)
    if current is not None:
        deferred.add(current)
    deferred.close()
    return count


def _claim_names(graph, fact: tuple, loose: list, counter: KeyCount, owners: list) -> list:
    """The name keys of a set-aside firm that an earlier firm of another code holds (the
    first firm of a key keeps it, kg.graph._register); the shared ones it is the first to
    hold are marked in the graph's index, so a later firm of the graph leaves them."""
    dup = counter.dup
    if not any(h in dup for h in loose):
        return []
    _, label, name, aliases, key, _, _ = fact
    names = entity_names(name, aliases)
    firm = node_id(label, names[0], key)
    index, taken = graph._index, []
    for mk in sorted({mk for n in names for mk in match_keys(label, n)}):
        if ("Firm", mk) in index:
            taken.append(mk)
        elif hash("k" + mk) in dup:
            index[("Firm", mk)] = firm
            owners.append((("Firm", mk), firm))
    return taken


def _check_ends(graph, rel: str, dst: str) -> None:
    rtype = vocab.relation(rel)
    have = graph.nx._node[dst]["label"]
    if "Firm" not in rtype.domains or have not in rtype.ranges:
        raise vocab.SchemaError(f"{rel} cannot link a Firm to a {have} ({dst})")


# ---------------------------------------------------------------------- bulk firms
def bulk_record(fact: tuple, rels: list, moved: dict, taken=()) -> tuple:
    """(id, node data, outgoing relations, name keys) of a set-aside firm, as the graph
    would hold them (kg.graph: _new_node, _register, _add_relation)."""
    _, label, name, aliases, key, props, record = fact
    names = entity_names(name, aliases)
    firm = node_id(label, names[0], key)
    data = new_node_attrs(label, names[0], names, key, record, props)
    keys = []
    if key:
        keys.append("#" + normalize(key))
    keys += ["#" + c for c in (data.get("stock_code"), data.get("credit_code")) if c and c != key]
    keys += sorted({mk for n in names for mk in match_keys(label, n)} - set(taken))
    out: dict = {}
    for rel, dst, eprops, erecord in rels:
        for _ in range(64):  # follow renames and merges to the node's id now
            if dst not in moved:
                break
            dst = moved[dst]
        edge = out.setdefault(dst, {}).get(rel)
        if edge is None:
            edge = {k: v for k, v in eprops.items() if v is not None} if eprops else {}
            edge["sources"] = [erecord] if erecord is not None else []
            out[dst][rel] = edge
        else:  # the same relation twice in a row (an industry named twice)
            if erecord is not None and erecord not in edge["sources"] \
                    and len(edge["sources"]) < SOURCE_LIMIT:
                edge["sources"].append(erecord)
            for prop, value in (eprops or {}).items():
                if value is not None:
                    edge.setdefault(prop, value)
    return firm, data, out, list(dict.fromkeys(keys))


def attach(nxg, firm: str, data: dict, out: dict) -> None:
    """Put a record's firm into the graph's dicts (as kg.index_read.Slice does)."""
    nxg._node[firm] = data
    nxg._succ[firm] = out
    nxg._pred[firm] = {}
    for where, rels in out.items():
        nxg._pred[where][firm] = rels


def detach(nxg, firm: str, out: dict) -> None:
    for where in out:
        del nxg._pred[where][firm]
    del nxg._node[firm], nxg._succ[firm], nxg._pred[firm]


def classify_bulk(graph, deferred: Spool, store: "BulkFirms") -> int:
    """Classify each set-aside firm alone and write its record to ``store``.

    Where a child can be forked (kg.background), it classifies every other batch of the
    spool into a table of its own, merged into ``store`` at the end: classification is
    per firm, and two cores do it in about half the time.
    """
    from kg import background
    from kg.queries.common import chain_of_links

    store.chain_of = chain_of_links(graph)
    if not background.available() or len(deferred.offsets) < 2:
        count = _classify_part(graph, deferred, store, 0, 1)
        store.finish()
        return count
    part = store.path.with_name(store.path.stem + "-1.db")
    from kg.wordmatch import warm

    warm()  # before the fork: the child shares the dictionary instead of loading its own
    try:
        with background.beside(_classify_half, graph, deferred, part, store.chain_of,
                               what="classifying the registry firms") as wait:
            count = _classify_part(graph, deferred, store, 0, 2)
            payload = wait()
    except KGError:
        part.unlink(missing_ok=True)
        raise
    store.merge(part, payload)
    store.finish()
    return count + payload[0]


def _classify_half(graph, deferred: Spool, path: Path, chain_of: dict) -> tuple:
    """The forked half of classify_bulk: the odd batches, into the table at ``path``;
    returns (count, counts, firms by registry, firms_of) for :meth:`BulkFirms.merge`."""
    part = BulkFirms(path)
    part.chain_of = chain_of
    count = _classify_part(graph, deferred, part, 1, 2)
    part._flush()
    part.db.commit()
    part.db.close()
    return count, part.counts, dict(part.by_registry), part.firms_of


def _classify_part(graph, deferred: Spool, store: "BulkFirms", start: int, step: int) -> int:
    """Classify the firms of every ``step``-th batch of the spool from ``start``."""
    from kg.evidence import LinkIndex

    index = LinkIndex(graph)
    count = 0
    items = deferred.batches(start, step)
    if start == 0:  # the first process shows the count of both
        items = ticking(items, "归类企业", total=len(deferred.offsets) * BATCH, step=step)
    for item in items:
        count += 1
        _classify_one(graph, index, item, store)
    return count


def _classify_one(graph, index, item: tuple, store: "BulkFirms") -> None:
    """Classify one set-aside firm alone (attached to the graph for the call); store it."""
    fact, rels, taken = item
    nxg = graph.nx
    firm, data, out, keys = bulk_record(fact, rels, graph.moved, taken)
    attach(nxg, firm, data, out)
    try:
        links = firm_links(graph, firm, index)
    finally:
        detach(nxg, firm, out)
    sources = _sources(data) if links else ()
    for link, (score, status, evidence, matched) in links.items():
        out.setdefault(link, {})["OPERATES_IN"] = {
            "score": score, "status": status, "evidence": evidence, "matched": matched,
            "sources": list(sources)}
    store.add(firm, data, out, keys)


class BulkFirms:
    """The streaming build's bulk firms: a temporary SQLite table of marshalled records.

    ``ordered()`` gives them by (first place, first link, id) — the index's chunk order —,
    ``records()`` in insertion order, ``by_link()`` those OPERATES_IN each link;
    ``counts`` their nodes and relations, as :meth:`KnowledgeGraph.counts` shapes them.
    """

    def __init__(self, path):
        self.path = Path(path)
        self._db, self._pid = sqlite3.connect(self.path), os.getpid()
        self.db.executescript(
            "PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF; PRAGMA cache_size=-65536;"
            "CREATE TABLE firm(no INTEGER PRIMARY KEY, place TEXT, link TEXT, id TEXT, rec BLOB);"
            "CREATE TABLE placement(link TEXT, no INTEGER, id TEXT, rec BLOB);")
        self.counts = {"nodes": Counter(), "relations": Counter()}
        self.by_registry: dict = defaultdict(Counter)  # doc -> Counter(chain) of placed firms
        self.firms_of: Counter = Counter()             # doc -> firms
        self._rows: list = []
        self._links: list = []
        self._no = 0
        self.chain_of: dict = {}  # link -> chain (set by classify_bulk)

    def add(self, firm: str, data: dict, out: dict, keys: list) -> None:
        places, links = placement(out)
        no = self._no = self._no + 1
        self._rows.append((no, places[0] if places else "", links[0] if links else "", firm,
                           marshal.dumps((data, out, keys), 4)))
        blob = self._rows[-1][-1]
        self._links += [(link, no, firm, blob) for link in links]
        self.counts["nodes"]["Firm"] += 1
        for rels in out.values():
            self.counts["relations"].update(rels.keys())
        docs = {s["doc"] for s in data.get("sources", ()) if "row" in s and "doc" in s}
        if docs:
            chains = {self.chain_of[link] for link in links if link in self.chain_of
                      and out[link]["OPERATES_IN"].get("status", "placed") == "placed"}
            for doc in docs:
                self.firms_of[doc] += 1
                self.by_registry[doc].update(chains)
        if len(self._rows) >= BATCH:
            self._flush()

    def _flush(self) -> None:
        self.db.executemany("INSERT INTO firm VALUES (?, ?, ?, ?, ?)", self._rows)
        self.db.executemany("INSERT INTO placement VALUES (?, ?, ?, ?)", self._links)
        self._rows, self._links = [], []

    def merge(self, path: Path, payload: tuple) -> None:
        """Add the firms another process wrote to the table at ``path`` (then deleted)."""
        _, counts, by_registry, firms_of = payload
        self._flush()
        self.db.execute("ATTACH DATABASE ? AS part", (str(path),))
        self.db.execute("INSERT INTO firm SELECT no + ?, place, link, id, rec FROM part.firm",
                        (self._no,))
        self.db.execute("INSERT INTO placement SELECT link, no + ?, id, rec FROM part.placement",
                        (self._no,))
        self.db.commit()
        self.db.execute("DETACH DATABASE part")
        path.unlink(missing_ok=True)
        self._no += counts["nodes"]["Firm"]
        for kind in ("nodes", "relations"):
            self.counts[kind].update(counts[kind])
        for doc, chains in by_registry.items():
            self.by_registry[doc].update(chains)
        self.firms_of.update(firms_of)

    def finish(self) -> None:
        """Write what waits. (No index: read through one, a table bigger than the page
        cache costs a random read per firm — hours at 10M firms; the readers sort instead,
        with SQLite's external merge sort, which reads and writes in sequence.)"""
        self._flush()
        self.db.commit()

    def add_registry_counts(self, counts: dict, firms: Counter) -> None:
        """Add these firms to finish_coverage's per-registry counts (kg.loaders.coverage)."""
        for doc, chains in self.by_registry.items():
            counts[doc].update(chains)
        firms.update(self.firms_of)

    def __len__(self) -> int:
        return self.counts["nodes"]["Firm"]

    def ordered(self):
        """(order key, id, data, out, keys) by (first place, first link, id)."""
        for place, link, firm, rec in self.db.execute(
                "SELECT place, link, id, rec FROM firm ORDER BY place, link, id"):
            data, out, keys = marshal.loads(rec)
            yield (place, link, firm), firm, data, out, keys

    def records(self, part: int = 0, parts: int = 1):
        """(id, data, out) in the order they were added; of ``parts`` runs of about equal
        size, run ``part`` only (each read in sequence)."""
        size = -(-len(self) // parts)
        for firm, rec in self.db.execute("SELECT id, rec FROM firm WHERE no > ? AND no <= ? "
                                         "ORDER BY no", (part * size, (part + 1) * size)):
            data, out, _ = marshal.loads(rec)
            yield firm, data, out

    @property
    def db(self):
        """The table's connection: in a forked child (the writers' second halves) one of
        its own, as SQLite's must not cross a fork (the inherited one is left alone)."""
        if self._db is not None and self._pid != os.getpid():
            self._db, self._pid = sqlite3.connect(self.path), os.getpid()
        return self._db

    def by_link(self):
        """(link, [(id, data, out)]) for each link, one link's firms at a time, read in
        link order (the placement rows hold the records: no random read per firm)."""
        rows = self.db.execute("SELECT link, id, rec FROM placement ORDER BY link, no")
        link, firms = None, []
        for where, firm, rec in rows:
            if where != link:
                if firms:
                    yield link, firms
                link, firms = where, []
            data, out, _ = marshal.loads(rec)
            firms.append((firm, data, out))
        if firms:
            yield link, firms

    def close(self) -> None:
        """Drop the table's file (the counts stay)."""
        if self._db is not None:
            self._db.close()
            self._db = None
        self.path.unlink(missing_ok=True)
        try:
            self.path.parent.rmdir()  # the build's own temporary folder, empty by now
        except OSError:
            pass
