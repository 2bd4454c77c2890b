"""``kg sparql``: SPARQL on the workspace graph with pyoxigraph, values as parameters.

The store is loaded from the workspace's ``graph.trig``; queries see the union of
all named graphs as their default graph (``GRAPH ?g { … }`` still names a source).
Values from users are bound through ``substitutions``, never pasted into the text.

>>> from kg import KnowledgeGraph
>>> g = KnowledgeGraph(); _ = g.add_entity("Region", "郑州市")
>>> store = load_store(graph=g)
>>> sparql(store, "PREFIX kg: <https://w3id.org/zonekg/ontology#> "
...        "SELECT ?r WHERE { ?r kg:name ?name }", {"name": "郑州市"})
(['r'], [{'r': 'https://w3id.org/zonekg/id/Region/郑州'}])
"""
from __future__ import annotations

import re

import pyoxigraph as ox

from kg import rdf
from kg.errors import QueryError

XSD = "http://www.w3.org/2001/XMLSchema#"


def load_store(workspace=None, *, graph=None, trig: bytes | None = None) -> ox.Store:
    """An in-memory Oxigraph store of the workspace's TriG (or of a graph, or TriG bytes).

    With both a workspace and its loaded graph, a TriG not written yet comes from the graph.
    """
    store = ox.Store()
    if workspace is not None:
        store.bulk_load(path=str(workspace.file("graph.trig", graph=graph)),
                        format=ox.RdfFormat.TRIG)
    else:
        store.bulk_load(trig if trig is not None else rdf.serialize(graph, "trig"),
                        format=ox.RdfFormat.TRIG)
    return store


def term(value) -> ox.NamedNode | ox.Literal:
    """A parameter value as an RDF term: ``<iri>`` is an IRI, numbers and booleans are typed.

    >>> term("<https://example.org/a>"), term(3), term("传感器")
    (<NamedNode value=https://example.org/a>, <Literal value=3 datatype=<NamedNode value=http://www.w3.org/2001/XMLSchema#integer>>, <Literal value=传感器 datatype=<NamedNode value=http://www.w3.org/2001/XMLSchema#string>>)
    """
    if isinstance(value, bool):
        return ox.Literal("true" if value else "false", datatype=ox.NamedNode(XSD + "boolean"))
    if isinstance(value, int):
        return ox.Literal(str(value), datatype=ox.NamedNode(XSD + "integer"))
    if isinstance(value, float):
        return ox.Literal(repr(value), datatype=ox.NamedNode(XSD + "double"))
    text = str(value)
    if text.startswith("<") and text.endswith(">") and " " not in text:
        return ox.NamedNode(text[1:-1])
    return ox.Literal(text)


def plain(value):
    """An RDF term as plain Python: IRIs as strings, typed literals as int/float/bool."""
    if value is None:
        return None
    if isinstance(value, ox.NamedNode):
        return value.value
    if isinstance(value, ox.BlankNode):
        return "_:" + value.value
    if isinstance(value, ox.Literal):
        dtype = value.datatype.value
        try:
            if dtype in (XSD + "integer", XSD + "int", XSD + "long"):
                return int(value.value)
            if dtype in (XSD + "decimal", XSD + "double", XSD + "float"):
                return float(value.value)
        except ValueError:
            return value.value
        if dtype == XSD + "boolean":
            return value.value == "true"
        return value.value
    return str(value)


# Tokens of SPARQL that can hide a keyword: comments, strings (long ones first), IRIs,
# variables, language tags and prefixed names (``service:x``, ``schema:Service``).
# Whatever is left is a keyword, a function name or punctuation.
_SPARQL_TOKEN = re.compile("|".join([
    r"(?P<skip>\#[^\n\r]*",                                   # comment
    r"'{3}(?:[^'\\]|\\.|'(?!''))*(?:'{3}|\Z)",                # long strings first
    r'"{3}(?:[^"\\]|\\.|"(?!""))*(?:"{3}|\Z)',
    r"'(?:[^'\\\n\r]|\\.)*'",
    r'"(?:[^"\\\n\r]|\\.)*"',
    r'<[^<>"{}|^`\\\x00-\x20]*>',                             # IRI (else < is less-than)
    r"[?$]\w+",                                               # variable
    r"@[A-Za-z]+(?:-[A-Za-z0-9]+)*",                          # language tag
    r"(?:[A-Za-z][\w.\-]*)?:(?:[\w\-:%]|\\.|\.(?=[\w\-:%]))*)",  # prefixed name
    r"(?P<word>[A-Za-z_][A-Za-z0-9_]*)",
    r"(?P<other>.)",
]), re.S)
UPDATE_WORDS = {"INSERT", "DELETE", "LOAD", "CLEAR", "DROP", "CREATE", "ADD", "MOVE", "COPY"}


def keywords(text: str) -> set:
    """Upper-cased words of a SPARQL text outside strings, IRIs, comments, variables and prefixed names.

    >>> sorted(keywords("SELECT ?service WHERE { ?s schema:Service 'SERVICE'@delete } # SERVICE"))
    ['SELECT', 'WHERE']
    """
    return {m.group().upper() for m in _SPARQL_TOKEN.finditer(text) if m.lastgroup == "word"}


READ_FORMS = {"SelectQuery", "AskQuery", "ConstructQuery", "DescribeQuery"}


def _names(value):
    """Names of every parsed part (rdflib CompValues) under ``value``."""
    from pyparsing import ParseResults
    from rdflib.plugins.sparql.parserutils import CompValue

    if isinstance(value, CompValue):
        yield value.name
        for item in dict.values(value):
            yield from _names(item)
    elif isinstance(value, (list, tuple, ParseResults)):
        for item in value:
            yield from _names(item)


def parsed_forms(query: str, name: str = "sparql") -> set:
    """Names of every part of ``query`` as a SPARQL parser (rdflib's) reads it.

    Only a query parses (SELECT, ASK, CONSTRUCT, DESCRIBE); an update (INSERT, LOAD …)
    is a syntax error here. ``ServiceGraphPattern`` among the names is a SERVICE call
    wherever it stands; a string or IRI spelling "SERVICE" is not one.

    >>> "ServiceGraphPattern" in parsed_forms("SELECT * WHERE { SERVICE <http://x/> { ?s ?p ?o } }")
    True
    >>> "ServiceGraphPattern" in parsed_forms("SELECT * WHERE { ?s ?p 'SERVICE <http://x/>' }")
    False
    """
    from pyparsing import ParseException
    from rdflib.plugins.sparql.parser import parseQuery

    try:
        return set(_names(parseQuery(query)))
    except ParseException as err:
        raise QueryError(name, f"syntax error at line {err.lineno}, column {err.col}: "
                               f"{err.msg} (without --write only a SELECT, ASK, CONSTRUCT or "
                               f"DESCRIBE query runs)") from None


def check_read_query(query: str, name: str = "sparql") -> None:
    """Refuse anything but a query that reads the store (QueryError): updates, SERVICE.

    The SPARQL parser decides, not a word list: the text must parse as a query, and
    its parse must hold no SERVICE pattern.
    """
    forms = parsed_forms(query, name)
    if "ServiceGraphPattern" in forms:
        raise QueryError(name, "SERVICE (a federated query) would reach another server; "
                               "kg sparql answers from the workspace graph only")
    if not forms & READ_FORMS:
        raise QueryError(name, "only SELECT, ASK, CONSTRUCT and DESCRIBE queries run without "
                               "--write")


_WHERE = re.compile(r"\bWHERE\s*\{", re.IGNORECASE)


def _with_values(query: str, subs: dict, name: str) -> str:
    """The query with ``VALUES (?a ?b) { (…) }`` opening its WHERE group."""
    match = _WHERE.search(query)
    if not match:
        raise QueryError(name, "cannot bind parameters without a WHERE { … } group")
    names = " ".join(str(v) for v in subs)
    values = " ".join(str(t) for t in subs.values())
    block = f" VALUES ({names}) {{ ({values}) }} "
    return query[:match.end()] + block + query[match.end():]


def sparql(store: ox.Store, query: str, params: dict | None = None, *,
           write: bool = False, name: str = "sparql") -> tuple:
    """Run a SPARQL query (or, with ``write``, an update); returns (columns, rows).

    Only the store is read: ``SERVICE`` (a federated query, which Oxigraph would send
    over HTTP) and ``LOAD`` (which fetches a file or URL) are refused. Without ``write``
    the text must parse (rdflib's SPARQL parser) as a SELECT, ASK, CONSTRUCT or DESCRIBE
    holding no SERVICE, and Oxigraph's query parser (which takes no update) runs it;
    the keyword scan stays as a second check. Updates need ``write``.
    """
    words = keywords(query)
    if "SERVICE" in words:
        raise QueryError(name, "SERVICE (a federated query) would reach another server; "
                               "kg sparql answers from the workspace graph only")
    if words & UPDATE_WORDS or (write and not _parses_as_query(query)):
        return _update(store, query, params, write=write, name=name, words=words)
    check_read_query(query, name)
    subs = {ox.Variable(k): term(v) for k, v in (params or {}).items()}
    result = None
    try:
        try:
            result = store.query(query, substitutions=subs, use_default_graph_as_union=True)
        except RuntimeError as err:
            if "projection" not in str(err):
                raise
            # pyoxigraph substitutes only projected variables: bind the others with an
            # inline VALUES block, the terms written by pyoxigraph (escaped N-Triples)
            result = store.query(_with_values(query, subs, name), use_default_graph_as_union=True)
        # results are lazy: read them here, so that their failures are QueryErrors too
        if isinstance(result, (bool, ox.QueryBoolean)):
            return ["answer"], [{"answer": bool(result)}]
        if isinstance(result, ox.QuerySolutions):
            columns = [v.value for v in result.variables]
            return columns, [{c: plain(sol[c]) for c in columns} for sol in result]
        columns = ["subject", "predicate", "object"]
        return columns, [{"subject": plain(t.subject), "predicate": plain(t.predicate),
                          "object": plain(t.object)} for t in result]
    except SyntaxError as err:
        raise QueryError(name, f"syntax error: {err}") from None
    except (OSError, RuntimeError, ValueError) as err:
        raise QueryError(name, str(err).splitlines()[0] if str(err) else type(err).__name__
                         ) from None
    finally:
        # Oxigraph's lazy results may only be dropped on the thread that made them: a
        # traceback keeping this frame alive must not keep them for the garbage collector
        # to drop on another thread (a Bolt driver's, say)
        result = None  # noqa: F841


def _parses_as_query(query: str) -> bool:
    try:
        parsed_forms(query)
    except QueryError:
        return False
    return True


def _check_update(query: str, name: str) -> None:
    """Refuse an update whose parse holds LOAD or SERVICE (they fetch from outside)."""
    from pyparsing import ParseException
    from rdflib.plugins.sparql.parser import parseUpdate

    try:
        forms = set(_names(parseUpdate(query)))
    except ParseException as err:
        raise QueryError(name, f"syntax error: line {err.lineno}, column {err.col}: {err.msg}"
                         ) from None
    if "Load" in forms or "ServiceGraphPattern" in forms:
        raise QueryError(name, "LOAD and SERVICE would fetch from outside the workspace; "
                               "kg sparql changes only the workspace graph")


def _update(store: ox.Store, query: str, params, *, write: bool, name: str, words: set) -> tuple:
    """Run a SPARQL update on the in-memory store (never on graph.trig itself)."""
    if not write:
        raise QueryError(name, "this is an update and the store is read-only; "
                               "pass --write (and -o FILE to keep the result)")
    if "LOAD" in words:
        raise QueryError(name, "LOAD would fetch a file or URL from outside the workspace; "
                               "kg sparql changes only the workspace graph")
    if params:
        raise QueryError(name, "updates take no parameters; use a query")
    _check_update(query, name)
    before = len(store)
    try:
        store.update(query)
    except SyntaxError as err:
        raise QueryError(name, f"syntax error: {err}") from None
    except (OSError, RuntimeError, ValueError) as err:
        raise QueryError(name, str(err).splitlines()[0] if str(err) else type(err).__name__
                         ) from None
    return ["quads_before", "quads_after"], [{"quads_before": before, "quads_after": len(store)}]


def dump(store: ox.Store, path, fmt: str = "trig") -> None:
    """Write the store's quads to ``path`` (after an update with --write)."""
    fmt_obj = rdf.FORMATS[fmt]
    with open(path, "wb") as handle:
        store.dump(handle, format=fmt_obj) if fmt in rdf.GRAPH_FORMATS else \
            store.dump(handle, format=fmt_obj, from_graph=ox.DefaultGraph())
