"""One exception family for the whole package.

Every error a user can cause is a :class:`KGError`; the CLI turns them into one
message on stderr and exit code 1.

>>> try:
...     raise SourceError("规划.docx", "not a Word document", where="paragraph 41")
... except KGError as err:
...     print(err)
规划.docx, paragraph 41: not a Word document
"""
from __future__ import annotations


class KGError(Exception):
    """Base of every error the tool reports to users (exit code 1)."""

    exit_code = 1


class SourceError(KGError):
    """An input file (document, registry, template) that cannot be read.

    ``where`` names the place inside the file: ``"line 3"``, ``"row 1873"``,
    ``"paragraph 41"``. ``hint`` says what to do about it.
    """

    def __init__(self, path, reason: str, *, where: str | None = None, hint: str | None = None):
        self.path = str(path)
        self.reason = reason
        self.where = where
        self.hint = hint
        place = f"{self.path}, {where}" if where else self.path
        text = f"{place}: {reason}"
        if hint:
            text += f"; {hint}"
        super().__init__(text)


class WorkspaceError(KGError):
    """A workspace that is missing, stale, locked or damaged."""


class NotFoundError(KGError):
    """A name (chain, zone, firm) that matches no node; lists the closest names."""

    def __init__(self, kind: str, name: str, suggestions=()):
        self.kind = kind
        self.name = name
        self.suggestions = list(suggestions)
        text = f"no {kind} named {name!r}"
        if self.suggestions:
            text += "; closest: " + ", ".join(self.suggestions)
        super().__init__(text)


class QueryError(KGError):
    """A named query that does not exist, or a query that failed."""

    def __init__(self, name: str, reason: str):
        self.name = name
        self.reason = reason
        super().__init__(f"query {name}: {reason}")


class EngineError(KGError):
    """An engine (embedded Cypher, Neo4j, RDF store) that failed or cannot be reached."""


class SchemaError(KGError):
    """A label, relation type or property that the ontology does not define."""
