"""Cypher text as tokens, for the read-only guards of every engine.

Words inside string literals, comments and backtick-quoted names must never count as
clauses, so each guard reads a statement through :func:`tokens`: ``(kind, text, start,
end)`` with kind ``word``, ``name`` (backticked), ``number`` or ``other``. Engines
differ on escapes in strings: ``escaped=True`` reads ``'it\\'s'`` as one string
(Neo4j, FalkorDB, LadybugDB), ``escaped=False`` as a string that ends at the second
quote; a guard that must not be fooled by either reading checks both.

Comments end where LadybugDB's (openCypher's) lexer ends them: a block comment's
body is any character but ``*``, or ``*`` with the character after it, so in
``/* **/ ' */`` the ``**`` pair is body and the comment runs to the second ``*/``;
a line comment ends at a line feed or a carriage return.

>>> [t[1] for t in tokens("RETURN 1 /* **/ LOAD */ AS x")]
['RETURN', '1', 'AS', 'x']

>>> [t[1] for t in tokens("MATCH (n {name: 'SET'}) // CREATE\\nRETURN n.`DELETE`")]
['MATCH', '(', 'n', '{', 'name', ':', '}', ')', 'RETURN', 'n', '.', '`DELETE`']
"""
from __future__ import annotations

import re

_TOKEN = r"""
    (?P<skip>//[^\n\r]*|/\*(?:[^*]|\*[^/])*(?:\*/|\*?\Z)|{strings})
  | (?P<name>`(?:[^`]|``)*(?:`|\Z))
  | (?P<number>\d+(?:\.\d+)?(?:[eE][+-]?\d+)?)
  | (?P<word>[A-Za-z_][A-Za-z0-9_]*)
  | (?P<space>\s+)
  | (?P<other>.)
"""
_PATTERNS = {
    True: re.compile(_TOKEN.replace(
        "{strings}", r"""'(?:[^'\\]|\\.)*(?:'|\Z)|"(?:[^"\\]|\\.)*(?:"|\Z)"""), re.S | re.X),
    False: re.compile(_TOKEN.replace("{strings}", r"""'[^']*(?:'|\Z)|"[^"]*(?:"|\Z)"""),
                      re.S | re.X),
}


def tokens(query: str, *, escaped: bool = True) -> list:
    """The tokens of ``query`` outside strings and comments (see the module docstring)."""
    return [(m.lastgroup, m.group(), m.start(), m.end()) for m in _PATTERNS[escaped].finditer(query)
            if m.lastgroup not in ("skip", "space")]
