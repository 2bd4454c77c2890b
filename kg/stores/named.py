"""Named queries: the Cypher files in ``queries/``, their header comments, and running them.

A named query is a file ``queries/<name>.cypher`` whose leading ``//`` comment lines say
what it answers; lines of the form ``Key: value`` describe it further::

    // Links of a chain with no local firm in a zone (缺链).
    // Parameters: $chain (string) the chain; $zone (string) the zone; $weak_below (integer, default 1)
    // Example: kg cypher --name chain_gaps -p chain=传感器 -p zone=郑州高新区
    // Returns: position, link, stage, firms, status
    MATCH …

Parameters are also found in the body (``$name``), so a header that forgets one does
not hide it. ``@param name type`` lines are read too.

>>> q = parse_query("gaps", '''// Links without a firm.
... // Parameters: $chain (string) chain name; $n (integer, default 1)
... // Returns: link, firms
... MATCH (l:Link) WHERE l.chain = $chain RETURN l.name AS link, $n AS firms''')
>>> q.description, [p.name for p in q.parameters], q.columns
('Links without a firm.', ['chain', 'n'], ['link', 'firms'])
>>> q.bind({"chain": "传感器", "n": "2"})
{'chain': '传感器', 'n': 2}
>>> q.bind({})
Traceback (most recent call last):
...
kg.errors.QueryError: query gaps: needs parameter chain (string): chain name; pass -p chain=VALUE
"""
from __future__ import annotations

import difflib
import json
import re
from dataclasses import dataclass, field
from importlib.resources import files
from pathlib import Path

from kg.errors import QueryError

_PARAM_IN_BODY = re.compile(r"\$([A-Za-z_][A-Za-z0-9_]*)")
_KEYED = re.compile(r"^\s*(?:@(param|params|returns|example)\s+|(parameters|params|param|parameter|"
                    r"example|examples|returns|columns|returned columns|answers)\s*:\s*)(.*)$",
                    re.IGNORECASE)
_PARAM_DOC = re.compile(r"\$?([A-Za-z_][A-Za-z0-9_]*)\s*(?:\(([^)]*)\)|:\s*([A-Za-z]+))?\s*(.*)")
_KINDS = {"int": "integer", "integer": "integer", "long": "integer", "float": "float",
          "double": "float", "number": "float", "bool": "boolean", "boolean": "boolean",
          "string": "string", "str": "string", "text": "string", "list": "list"}


@dataclass
class Param:
    """A parameter of a named query: name, kind (string, integer, float, boolean, list), default."""

    name: str
    kind: str = "string"
    default: object = None
    doc: str = ""

    def coerce(self, value, query: str):
        """A value given on the command line (text) as this parameter's kind."""
        if not isinstance(value, str) or self.kind == "string":
            return value
        try:
            if self.kind == "integer":
                return int(value)
            if self.kind == "float":
                return float(value)
            if self.kind == "boolean":
                if value.lower() not in ("true", "false", "1", "0", "yes", "no"):
                    raise ValueError(value)
                return value.lower() in ("true", "1", "yes")
            if self.kind == "list":
                parsed = json.loads(value) if value.startswith("[") else value.split(",")
                return parsed
        except ValueError:
            raise QueryError(query, f"parameter {self.name} must be {self.kind}, "
                                    f"not {value!r}") from None
        return value


@dataclass
class NamedQuery:
    """A parsed ``queries/<name>.cypher`` file."""

    name: str
    text: str
    description: str = ""
    parameters: list = field(default_factory=list)
    example: str = ""
    columns: list = field(default_factory=list)
    path: Path | None = None

    def bind(self, given: dict) -> dict:
        """The parameters to send: given values coerced, defaults filled, missing ones refused."""
        known = {p.name: p for p in self.parameters}
        unknown = sorted(set(given) - set(known))
        if unknown:
            raise QueryError(self.name, f"unknown parameter {unknown[0]}; it takes "
                                        f"{', '.join(known) or 'no parameters'}")
        out = {}
        for param in self.parameters:
            if param.name in given:
                out[param.name] = param.coerce(given[param.name], self.name)
            elif param.default is not None:
                out[param.name] = param.default
            else:
                doc = f": {param.doc}" if param.doc else ""
                raise QueryError(self.name, f"needs parameter {param.name} ({param.kind}){doc}; "
                                            f"pass -p {param.name}=VALUE")
        return out

    def summary(self) -> dict:
        """One row for ``kg queries``."""
        return {"name": self.name, "answers": self.description,
                "parameters": ", ".join(
                    p.name + ("" if p.kind == "string" else f" ({p.kind})") +
                    ("" if p.default is None else f" = {p.default}") for p in self.parameters),
                "returns": ", ".join(self.columns)}


def _parse_default(text: str, kind: str):
    # the value is one word or a quoted text: a description may follow it
    match = re.search(r"default\s*[:=]?\s*('[^']*'|\"[^\"]*\"|[^\s,;)]+)", text, re.IGNORECASE)
    if not match:
        return None
    raw = match.group(1).strip().strip("'\"")
    return Param("_", kind).coerce(raw, "_")


def _parse_params(text: str) -> list:
    params = []
    for part in re.split(r"[;,]\s*(?=\$|@|[A-Za-z_][A-Za-z0-9_]*\s*[(:])", text):
        part = part.strip()
        if not part or part.lower().rstrip(".") in ("none", "-", "no parameters"):
            continue
        match = _PARAM_DOC.match(part)
        if not match:
            continue
        name, paren, colon_kind, doc = match.groups()
        spec = (paren or colon_kind or "").strip()
        words = re.split(r"[\s,]+", spec.lower()) if spec else []
        kind = next((_KINDS[w] for w in words if w in _KINDS), "string")
        if not spec and doc.split() and doc.split()[0].lower() in _KINDS:  # @param n integer
            kind = _KINDS[doc.split()[0].lower()]
            doc = " ".join(doc.split()[1:])
        params.append(Param(name, kind, _parse_default(spec + " " + doc, kind), doc.strip(" -—:")))
    return params


def parse_query(name: str, text: str, path: Path | None = None) -> NamedQuery:
    """Parse a named query's header comments (see the module docstring)."""
    query = NamedQuery(name=name, text=text, path=path)
    description, declared = [], []
    for line in text.splitlines():
        stripped = line.strip()
        if not stripped:
            if description and not declared:
                continue
            continue
        if not stripped.startswith("//"):
            break
        body = stripped[2:].strip()
        match = _KEYED.match(body)
        if match:
            key = (match.group(1) or match.group(2)).lower()
            value = match.group(3).strip()
            if key.startswith("param"):
                declared += _parse_params(value)
            elif key.startswith("example"):
                query.example = value
            elif key in ("returns", "columns", "returned columns"):
                query.columns = [c.strip(" `") for c in re.split(r"[,;]", value) if c.strip(" `")]
            elif key == "answers":
                description.append(value)
        elif body and not query.example and not query.columns and not declared:
            description.append(body)
    query.description = " ".join(description)
    seen = {p.name for p in declared}
    body_params = _PARAM_IN_BODY.findall(_strip_comments(text))
    query.parameters = [p for p in declared if p.name in body_params or not body_params] + [
        Param(n) for n in dict.fromkeys(body_params) if n not in seen]
    return query


def _strip_comments(text: str) -> str:
    return "\n".join(line for line in text.splitlines() if not line.strip().startswith("//"))


def query_dir() -> Path:
    """The folder of the shipped named queries (the ``kg.queries`` package)."""
    return Path(str(files("kg.queries")))


def list_queries(folder=None) -> list:
    """Every named query in ``folder`` (default: the shipped ones), sorted by name."""
    folder = Path(folder) if folder else query_dir()
    return [parse_query(p.stem, p.read_text(encoding="utf-8"), p)
            for p in sorted(folder.glob("*.cypher"))]


def named_query(name: str, folder=None) -> NamedQuery:
    """The named query called ``name``; an unknown name lists the closest."""
    queries = {q.name: q for q in list_queries(folder)}
    if name in queries:
        return queries[name]
    close = difflib.get_close_matches(name, list(queries), n=3, cutoff=0.5)
    hint = f"; closest: {', '.join(close)}" if close else \
        f"; known: {', '.join(queries) or '(none)'}"
    raise QueryError(name, f"no such named query{hint} (see `kg queries`)")


def parse_param_options(pairs) -> dict:
    """``-p key=value`` (text) and ``-p key:=JSON`` (typed) options as a dict.

    >>> parse_param_options(["chain=传感器", "n:=3", "x=a=b"])
    {'chain': '传感器', 'n': 3, 'x': 'a=b'}
    """
    out = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        if not sep or not key.strip():
            raise QueryError("parameters", f"{pair!r} is not KEY=VALUE (or KEY:=JSON)")
        if key.endswith(":"):
            key = key[:-1]
            try:
                value = json.loads(value)
            except ValueError:
                raise QueryError("parameters", f"{key}: {value!r} is not JSON") from None
        out[key.strip()] = value
    return out


def run_named(engine, name: str, params: dict | None = None, *, folder=None) -> tuple:
    """Run the named query ``name`` on an engine; returns (columns, rows)."""
    query = named_query(name, folder)
    return engine.run(query.text, query.bind(params or {}), name=name)
