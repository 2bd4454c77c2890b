"""The read-only promise of the embedded store, kept by the engine first.

LadybugDB 0.22 opens a store ``read_only`` (it then refuses changes to the store
itself) but has no setting that switches off extension loading or file access:
``LOAD EXTENSION``, ``LOAD FROM '/etc/passwd'`` and ``COPY … TO`` all run on a
read-only store. So a statement runs without ``--write`` only when

1. the home-made tokenizer (:func:`outside_store`, a second line) finds no clause
   that reaches outside the store and no second statement — it reads comments,
   strings and quoted names exactly as LadybugDB's lexer does, and refuses before
   the engine sees the text;
2. the engine itself prepares it as *one* statement (a prepared statement cannot
   hold two) and its plan, from ``EXPLAIN``, holds only operators of the read
   allow-list below, table functions included (:func:`refuse_plan`).

The statement that then runs is the same prepared text, so what was checked is
what runs.

>>> outside_store("RETURN 1 AS x /* **/ ' */; LOAD EXTENSION './evil.so'; // '")
'a second statement'
>>> outside_store("RETURN 1; RETURN 2")
'a second statement'
>>> refuse_plan([("RESULT_COLLECTOR", ()), ("TABLE_FUNCTION_CALL", ("READ_CSV_PARALLEL",))])
'TABLE_FUNCTION_CALL READ_CSV_PARALLEL'
"""
from __future__ import annotations

import re
import warnings

from kg.errors import QueryError
from kg.stores.cypher_tokens import tokens

# ---------------------------------------------------------------------------- the engine
#: physical operators that only read the store (or compute on what was read). Everything
#: else — INSERT, SET, DELETE, MERGE, COPY_TO, TRANSACTION (CHECKPOINT, BEGIN), LOAD and
#: INSTALL of extensions, ATTACH, EXPORT/IMPORT DATABASE, STANDALONE_CALL (settings),
#: schema changes — is refused because it is not on this list.
READ_OPERATORS = frozenset({
    "RESULT_COLLECTOR", "PROJECTION", "FILTER", "FLATTEN", "LIMIT", "SKIP", "UNWIND",
    "SCAN_NODE_TABLE", "PRIMARY_KEY_SCAN_NODE_TABLE", "SCAN_REL_TABLE", "INDEX_LOOKUP",
    "EXTEND", "RECURSIVE_EXTEND", "PATH_PROPERTY_PROBE", "COUNT_REL_TABLE",
    "HASH_JOIN_BUILD", "HASH_JOIN_PROBE", "HASH_JOIN", "INTERSECT_BUILD", "INTERSECT",
    "CROSS_PRODUCT", "SEMI_MASKER", "MULTIPLICITY_REDUCER", "NODE_LABEL_FILTER",
    "AGGREGATE", "AGGREGATE_SCAN", "AGGREGATE_FINALIZE", "SIMPLE_AGGREGATE",
    "SIMPLE_AGGREGATE_SCAN", "SIMPLE_AGGREGATE_FINALIZE", "HASH_AGGREGATE",
    "HASH_AGGREGATE_SCAN", "HASH_AGGREGATE_FINALIZE",
    "ORDER_BY", "ORDER_BY_MERGE", "ORDER_BY_SCAN", "TOP_K", "TOP_K_SCAN",
    "UNION_ALL_SCAN", "EMPTY_RESULT", "DUMMY_SINK", "DUMMY_SIMPLE_SINK", "ARGUMENT",
    "MARK_JOIN", "COUNT_REL", "COUNT_EXTEND_CHAIN", "EXPRESSIONS_SCAN", "QUERY_PRIMARY_KEY_LOOKUP",
    "TABLE_FUNCTION_CALL",  # only with a function of READ_FUNCTIONS
})
#: table functions that read the store or its catalogue (never a file: READ_CSV, READ_PARQUET,
#: READ_JSON, READ_NPY, READ_PANDAS … are not here). READ_FTABLE reads the engine's own
#: intermediate results (a RETURN without MATCH, a subquery).
READ_FUNCTIONS = frozenset({
    "READ_FTABLE", "SHOW_TABLES", "SHOW_CONNECTION", "TABLE_INFO", "SHOW_FUNCTIONS",
    "SHOW_INDEXES", "SHOW_MACRO", "SHOW_WARNINGS", "SHOW_LOADED_EXTENSIONS", "DB_VERSION",
    "CURRENT_SETTING", "CATALOG_VERSION", "STORAGE_VERSION", "STORAGE_INFO",
    "SHOW_OFFICIAL_EXTENSIONS", "SHOW_PROJECTED_GRAPHS", "SHOW_ATTACHED_DATABASES",
    "SHOW_SEQUENCES", "STATS_INFO",
})
_OPERATOR = re.compile(r"\b([A-Z][A-Z_]*)\[\d+\]")
_FUNCTION = re.compile(r"Function:\s*([A-Za-z_][A-Za-z0-9_]*)")
_BORDER = "\u2502"  # │, the side of each box; boxes stand side by side in a wide plan


def parse_plan(text: str) -> list:
    """(operator, table functions) of every box of an ``EXPLAIN`` plan, in order.

    Every ``NAME[n]`` box title counts as an operator wherever it stands (boxes of a
    join sit side by side); a ``Function:`` line belongs to the nearest title above it
    within the same box's borders.

    >>> plan = ("│ PROJECTION[1] ││ TABLE_FUNCTION_CALL[0] │\\n"
    ...         "│ x             ││ Function: SHOW_TABLES  │")
    >>> parse_plan(plan)
    [('PROJECTION', ()), ('TABLE_FUNCTION_CALL', ('SHOW_TABLES',))]
    """
    lines = text.splitlines()
    # a wide plan is megabytes of padding: only lines with a title or a function are searched
    heads = [[row, m.start(), m.end(), m.group(1), []] for row, line in enumerate(lines)
             if "[" in line for m in _OPERATOR.finditer(line)]
    for row, line in enumerate(lines):
        if "Function:" not in line:
            continue
        for m in _FUNCTION.finditer(line):
            left, right = line.rfind(_BORDER, 0, m.start()), line.find(_BORDER, m.end())
            right = len(line) if right < 0 else right
            owners = [h for h in heads if h[0] < row and left < h[1] and h[2] <= right]
            if not owners:  # a function no box claims: refuse rather than guess
                heads.append([row, m.start(), m.end(), "UNPLACED_FUNCTION", []])
                continue
            max(owners, key=lambda h: h[0])[4].append(m.group(1).upper())
    return [(h[3], tuple(h[4])) for h in heads]


def refuse_plan(ops: list) -> str | None:
    """The first operator of a parsed plan that is not a read, or None (all read).

    A table function call is a read only when each function named in its box is; an
    empty plan (nothing recognised) is refused too: what cannot be read is not trusted.
    """
    if not ops:
        return "an unreadable plan"
    for op, functions in ops:
        if op not in READ_OPERATORS:
            return op
        if op == "TABLE_FUNCTION_CALL" and (
                not functions or any(f not in READ_FUNCTIONS for f in functions)):
            return f"{op} {' '.join(functions) or '(unnamed)'}"
    return None


def prepare(conn, query: str):
    """LadybugDB's prepared statement of ``query`` (one statement only), or a RuntimeError.

    A prepared statement cannot hold two statements, so ``a; b`` fails here.
    """
    with warnings.catch_warnings():
        # ladybug calls separate prepare + execute "deprecated"; it is the one way to
        # have the engine parse a statement without running it
        warnings.simplefilter("ignore", DeprecationWarning)
        prepared = conn.prepare(query)
    if not prepared.is_success():
        raise RuntimeError(prepared.get_error_message())
    return prepared


def engine_check(conn, query: str, params: dict, name: str):
    """The prepared statement of ``query`` once the engine's plan shows it only reads.

    Raises the read-only QueryError when the plan holds anything else, RuntimeError
    (a syntax error, several statements) when LadybugDB cannot prepare it.
    """
    explain = conn.execute(prepare(conn, "EXPLAIN " + query), params)
    plan = "\n".join(str(row[0]) for row in explain.get_all())
    refused = refuse_plan(parse_plan(plan))
    if refused:
        raise read_only_error(name, refused, planned=True)
    return prepare(conn, query)


# ---------------------------------------------------------------------------- the tokenizer
# A store opened read-only refuses changes to itself, not statements that reach outside it:
# COPY … TO and EXPORT write files, IMPORT / LOAD / INSTALL read files or code, ATTACH opens
# other databases, CALL name = value changes settings, CHECKPOINT rewrites the files.
_OUTSIDE = {"COPY", "EXPORT", "IMPORT", "INSTALL", "UNINSTALL", "LOAD", "ATTACH", "CHECKPOINT"}
#: table functions that only read (CALL show_tables() and the like)
_READING_CALLS = {"CURRENT_SETTING", "DB_VERSION", "CATALOG_VERSION", "STORAGE_VERSION",
                  "QUERY_FTS_INDEX", "QUERY_VECTOR_INDEX"}


def outside_store(query: str) -> str | None:
    """The first keyword of ``query`` that reaches outside the store, or None.

    Keywords inside strings, comments and quoted names do not count, nor do
    properties, parameters, labels and map keys spelt like one. Strings are read with
    backslash escapes, as LadybugDB reads them. A ``;`` followed by more text is
    ``'a second statement'``.

    >>> outside_store("COPY (MATCH (z:Zone) RETURN z.name) TO '/tmp/x.csv'")
    'COPY'
    >>> outside_store("MATCH (n) WHERE n.name = 'COPY … TO' RETURN n.load, $copy // LOAD")
    >>> outside_store("MATCH (n) DETACH DELETE n"), outside_store("DETACH other")
    (None, 'DETACH')
    >>> outside_store("CALL show_tables() RETURN *"), outside_store("CALL threads = 1")
    (None, 'CALL threads')
    """
    words = [(text, None) if kind == "word" else (None, text)
             for kind, text, _, _ in tokens(query) if kind != "name"]
    for i, (word, other) in enumerate(words):
        if other == ";" and any(w or o != ";" for w, o in words[i + 1:]):
            return "a second statement"
        if not word:
            continue
        before = words[i - 1][1] if i else None
        after = words[i + 1] if i + 1 < len(words) else (None, None)
        if before in (".", "$", ":") or after[1] == ":":
            continue
        found = _keyword(word, after, words[i + 2][1] if i + 2 < len(words) else None)
        if found:
            return found
    return None


def _keyword(word: str, after: tuple, follows) -> str | None:
    keyword = word.upper()
    if keyword in _OUTSIDE:
        return keyword
    if keyword == "DETACH" and (after[0] or "").upper() != "DELETE":
        return keyword
    if keyword == "CALL":
        name = (after[0] or "").upper()
        reading = name.startswith("SHOW_") or name.endswith("_INFO") or name in _READING_CALLS
        if not reading or follows == "=":
            return f"CALL {after[0] or after[1] or ''}".strip()
    return None


def read_only_error(name: str, what: str | None = None, *, planned: bool = False) -> QueryError:
    """The refusal of a write (or of ``what``, a statement reaching outside) without --write."""
    if what == "a second statement":
        return QueryError(name, "several statements in one query: run each on its own (end "
                                "each with ';' at a line end), or pass --write to run them together")
    if what and planned:
        return QueryError(name, f"the engine's plan holds {what}, which is not a read, and the "
                                "embedded store is opened read-only; pass --write to run it")
    if what:
        return QueryError(name, f"{what} reads or writes outside the store, and the embedded "
                                "store is opened read-only; pass --write to run it")
    return QueryError(name, "the embedded store is opened read-only; pass --write to change it")
