"""Facts: what every loader yields and the graph takes in.

A loader turns a source into a stream of :class:`Entity` and :class:`Relation`
facts, each with the :class:`Source` it came from.

>>> src = Source("plan.txt", sentence=3, start=10, end=15, quote="郑州高新区")
>>> Entity("Zone", "郑州高新区", source=src).source.as_dict()["quote"]
'郑州高新区'
"""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class Source:
    """Where a fact came from: a document sentence and span, or a registry file and row.

    ``doc`` is the file name; ``quote`` equals the document text ``[start:end]``;
    ``inferred`` marks a fact read between the lines (a place from an address), ``stated``
    one the sentence says of the firm itself (以甲为龙头的晶圆制造业: 甲's trade).
    """

    doc: str
    sentence: int | None = None
    start: int | None = None
    end: int | None = None
    quote: str | None = None
    row: int | None = None
    inferred: bool = False
    stated: bool = False

    def as_dict(self) -> dict:
        """The source as a plain dict without empty fields (for JSON and stores)."""
        out = {"doc": self.doc}
        for name in ("sentence", "start", "end", "quote", "row"):
            value = getattr(self, name)
            if value is not None:
                out[name] = value
        if self.inferred:
            out["inferred"] = True
        if self.stated:
            out["stated"] = True
        return out



@dataclass(slots=True)
class Ref:
    """A reference to an entity by label and name (or registry key), resolved by the graph."""

    label: str
    name: str
    key: str | None = None


@dataclass(slots=True)
class Entity:
    """A typed entity: label from the ontology, a name, other names, properties and source."""

    label: str
    name: str
    aliases: tuple = ()
    key: str | None = None
    props: dict = field(default_factory=dict)
    source: Source | None = None

    @property
    def ref(self) -> Ref:
        """A reference to this entity, for relations."""
        return Ref(self.label, self.name, self.key)


@dataclass(slots=True)
class Relation:
    """A typed relation between two entities, with properties and source."""

    rel: str
    src: Ref
    dst: Ref
    props: dict = field(default_factory=dict)
    source: Source | None = None


_LAST: list = [None, None]  # the last Source turned into a dict, and that dict


def source_record(source: Source | None) -> dict | None:
    """``source.as_dict()``, one dict for consecutive facts of one source (a registry row).

    Stored source dicts are never changed, only added to lists, so sharing is safe.

    >>> src = Source("a.csv", row=2)
    >>> source_record(src) is source_record(src)
    True
    """
    if source is None:
        return None
    if source is not _LAST[0]:
        _LAST[0], _LAST[1] = source, source.as_dict()
    return _LAST[1]


def encode(fact) -> tuple:
    """A fact as plain tuples, dicts and strings (to send between processes).

    >>> encode(Entity("Zone", "郑州高新区", source=Source("a.txt", row=2)))
    ('E', 'Zone', '郑州高新区', (), None, {}, {'doc': 'a.txt', 'row': 2})
    """
    record = source_record(fact.source)
    if isinstance(fact, Entity):
        return ("E", fact.label, fact.name, tuple(fact.aliases), fact.key, fact.props, record)
    return ("R", fact.rel, (fact.src.label, fact.src.name, fact.src.key),
            (fact.dst.label, fact.dst.name, fact.dst.key), fact.props, record)


# A node or relation keeps its first SOURCE_LIMIT sources (with their quotes) on itself; every
# further mention goes to the graph's mention table, five plain values a mention, so a name
# said 20,000 times costs 20,000 short rows, not a list every later mention is compared with.
SOURCE_LIMIT = 16
MENTION_FIELDS = ("doc", "sentence", "start", "end", "row")


class Mentions:
    """The compact store of mentions past the first SOURCE_LIMIT sources of a node or relation.

    The table lives in the graph's attributes (``graph.nx.graph["mentions"]``, saved with
    the workspace): owner (a node id, or ``(src, rel, dst)`` for a relation) → flat list of
    doc, sentence, start, end, row per mention. ``add`` is the one way a source is added.

    >>> attrs = {}
    >>> table = Mentions(attrs)
    >>> sources = []
    >>> for i in range(SOURCE_LIMIT + 2):
    ...     table.add(sources, {"doc": "a.txt", "sentence": i, "start": 0, "end": 2}, "Zone/x")
    >>> len(sources), table.count(sources, "Zone/x")
    (16, 18)
    >>> table.rows("Zone/x")[0]
    {'doc': 'a.txt', 'sentence': 16, 'start': 0, 'end': 2}
    """

    def __init__(self, attrs: dict):
        self.attrs = attrs  # the graph's attribute dict (replaced wholesale on load)
        self._seen: dict = {}  # owner → its table rows as tuples, to skip a repeated mention

    @property
    def table(self) -> dict:
        table = self.attrs.get("mentions")
        if table is None:
            table = self.attrs["mentions"] = {}
        return table

    def add(self, sources: list, record: dict, owner) -> None:
        """Add a source to ``sources``, or past the limit to the owner's table rows."""
        if len(sources) < SOURCE_LIMIT:
            if record not in sources:
                sources.append(record)
            return
        if record in sources:
            return
        row = tuple(record.get(name) for name in MENTION_FIELDS)
        seen = self._seen_of(owner)
        if row not in seen:
            seen.add(row)
            self.table.setdefault(owner, []).extend(row)

    def _seen_of(self, owner) -> set:
        seen = self._seen.get(owner)
        if seen is None:
            flat = self.table.get(owner, [])
            seen = self._seen[owner] = {tuple(flat[i:i + 5]) for i in range(0, len(flat), 5)}
        return seen

    def rows(self, owner) -> list:
        """The owner's mentions past its kept sources, as source dicts (without quotes)."""
        flat = self.table.get(owner, [])
        return [{k: v for k, v in zip(MENTION_FIELDS, flat[i:i + 5]) if v is not None}
                for i in range(0, len(flat), 5)]

    def count(self, sources: list, owner) -> int:
        """How many distinct sources the owner has: kept ones plus table rows."""
        return len(sources) + len(self.table.get(owner, ())) // 5

    def move(self, old, new) -> None:
        """The rows of ``old`` become ``new``'s (two nodes merged, or a node renamed)."""
        flat = self.table.pop(old, None)
        self._seen.pop(old, None)
        if not flat:
            return
        seen = self._seen_of(new)
        target = self.table.setdefault(new, [])
        for i in range(0, len(flat), 5):
            row = tuple(flat[i:i + 5])
            if row not in seen:
                seen.add(row)
                target.extend(row)

    def rename(self, old: str, new: str) -> None:
        """A node's id changed: its rows and those of its relations follow."""
        for owner in [o for o in self.table if o == old or isinstance(o, tuple) and old in
                      (o[0], o[2])]:
            if owner == old:
                self.move(old, new)
            else:
                self.move(owner, tuple(new if part == old and i != 1 else part
                                       for i, part in enumerate(owner)))
