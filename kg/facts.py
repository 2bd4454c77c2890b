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

    ``doc`` is the file name; ``quote`` equals the document text ``[start:end]``.
    """

    doc: str
    sentence: int | None = None
    start: int | None = None
    end: int | None = None
    quote: str | None = None
    row: int | None = None
    inferred: bool = False

    def as_dict(self) -> dict:
        """The source as a plain dict without empty fields (for JSON and stores)."""
        out = {"doc": self.doc}
        for name in ("sentence", "start", "end", "quote", "row"):
            value = getattr(self, name)
            if value is not None:
                out[name] = value
        if self.inferred:
            out["inferred"] = True
        return out

    @classmethod
    def from_dict(cls, data: dict) -> "Source":
        """The inverse of :meth:`as_dict`."""
        return cls(**{k: data[k] for k in ("doc", "sentence", "start", "end", "quote", "row",
                                          "inferred") if k in data})


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
