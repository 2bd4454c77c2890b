"""The Cypher prompt explains itself: missing parameters, unknown labels, dialect rewrites.

:class:`Hinted` wraps an engine: before a statement runs, every ``$name`` it uses must
be given (a query whose ``$zone`` is missing would silently match nothing); when the
engine refuses a statement, the error gains one line saying what to write instead.

>>> sorted(parameters_in("MATCH (z:Zone) WHERE z.name = $zone AND '$not' <> $`odd name` RETURN z"))
['odd name', 'zone']
>>> hint("Binder exception: Table Company does not exist.").split(";")[0]
'unknown label or relation Company'
>>> hint("Binder exception: Table FIRMS_ON does not exist.")[-20:]
'run `kg build` again'
"""
from __future__ import annotations

import difflib
import re

from kg.errors import QueryError
from kg.stores.cypher_tokens import tokens

_TABLE = re.compile(r"Table (\S+?) does not exist")
# Dialect differences of the embedded engine (LadybugDB) from Neo4j's Cypher: (a word of
# the engine's message, or None; a construct of the statement, or None; what to write).
# EXISTS { … } and COUNT { … } subqueries run on LadybugDB 0.22, so they have no row here.
_REWRITES = (
    ("ORDER BY must be followed by SKIP or LIMIT", None,
     "the embedded engine needs LIMIT after WITH … ORDER BY: write `WITH … ORDER BY x LIMIT "
     "100000`, or sort in RETURN … ORDER BY x"),
    (None, re.compile(r"\bCALL\s*\{", re.I),
     "subqueries `CALL { … }` are not supported: use WITH … and OPTIONAL MATCH"),
    (None, re.compile(r"\bdatetime\s*\(", re.I),
     "datetime() is not supported: compare dates as 'YYYY-MM-DD' strings"),
    (None, re.compile(r"\bshortestPath\s*\(", re.I),
     "shortestPath() is not supported: use a variable-length pattern `(a)-[:R*1..5]->(b)` "
     "and ORDER BY length(p) LIMIT 1"),
)


def _schema_names() -> tuple:
    from kg.vocab import LABELS, RELATIONS

    return tuple(LABELS), tuple(RELATIONS)


def parameters_in(statement: str) -> set:
    """The ``$name`` parameters a statement uses (not those inside strings or comments)."""
    found = set()
    toks = tokens(statement)
    for (kind, text, _, end), nxt in zip(toks, toks[1:]):
        if kind == "other" and text == "$" and nxt[2] == end and nxt[0] in ("word", "name"):
            name = nxt[1]
            found.add(name[1:-1].replace("``", "`") if nxt[0] == "name" else name)
    return found


def missing_parameters(statement: str, params: dict) -> list:
    """Parameters the statement uses that ``params`` does not give, sorted."""
    return sorted(parameters_in(statement) - set(params or {}))


def hint(message: str, statement: str = "") -> str | None:
    """One line saying what to write instead, for an engine's error message (None: no hint)."""
    match = _TABLE.search(message)
    if match:
        labels, relations = _schema_names()
        unknown = match.group(1)
        if unknown == "FIRMS_ON":
            return ("this workspace's store was built before kg wrote its FIRMS_ON counts "
                    "(kg.stores.firms_on): run `kg build` again")
        close = difflib.get_close_matches(unknown, labels + relations, n=3, cutoff=0.3)
        return (f"unknown label or relation {unknown}; labels: {', '.join(labels)} "
                f"(closest: {', '.join(close) or '—'})")
    for said, construct, rewrite in _REWRITES:
        if said is not None and said.lower() in message.lower():
            return rewrite
        if construct is not None and construct.search(statement):
            return rewrite
    return None


class Hinted:
    """An engine whose ``run`` checks parameters first and adds a hint to its errors."""

    def __init__(self, engine):
        self.engine = engine

    def run(self, statement: str, params: dict | None = None, **kwargs):
        """Run ``statement``; a missing ``$param`` is a QueryError naming it (nothing runs)."""
        name = kwargs.get("name", "cypher")
        missing = missing_parameters(statement, params or {})
        if missing:
            given = ", ".join(f"-p {m}=VALUE" for m in missing)
            raise QueryError(name, f"parameter {', '.join('$' + m for m in missing)} not given; "
                                   f"pass {given}")
        try:
            return self.engine.run(statement, params or {}, **kwargs)
        except QueryError as err:
            extra = hint(err.reason, statement)
            if extra is None:
                raise
            raise QueryError(err.name, f"{err.reason}\n  hint: {extra}") from err

    def __getattr__(self, attr):
        return getattr(self.engine, attr)

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.engine.close()
