"""Stores and query engines: the embedded Cypher store, Neo4j, and RDF (SPARQL, SHACL).

Engines live in a registry by name and are imported only when used, so ``kg stats``
never loads the Neo4j driver or LadybugDB.

>>> sorted(ENGINES)
['embedded', 'neo4j']
>>> engine_class("embedded").__name__
'EmbeddedEngine'
>>> engine_class("oracle")
Traceback (most recent call last):
...
kg.errors.EngineError: unknown engine 'oracle'; known: embedded, neo4j
"""
from __future__ import annotations

from importlib import import_module

from kg.errors import EngineError

#: engine name -> "module:class"; each class has ``run(query, params, write=False)``
#: returning ``(columns, rows)`` and ``close()``.
ENGINES = {
    "embedded": "kg.stores.embedded:EmbeddedEngine",
    "neo4j": "kg.stores.neo4j:Neo4jEngine",
}


def engine_class(name: str):
    """The engine class registered under ``name`` (imported on first use)."""
    try:
        target = ENGINES[name]
    except KeyError:
        raise EngineError(f"unknown engine {name!r}; known: {', '.join(sorted(ENGINES))}") from None
    module, _, attr = target.partition(":")
    return getattr(import_module(module), attr)
