"""Without --write the embedded store only reads: no write, no file read or written, no code loaded.

The statements are generated: dangerous payloads (an extension compiled here, a file
read, a file written, CHECKPOINT, CREATE, ATTACH) hidden behind comment, string and
quoted-name tricks, in several cases and with Unicode look-alikes. Each must either be
refused or run as the harmless read the engine makes of it; afterwards the sentinel
files do not exist, the secret was never printed and the store answers as before.
"""
from __future__ import annotations

import itertools
import json
import shutil
import subprocess

import pytest
from click.testing import CliRunner

from kg.cli import cli
from kg.errors import QueryError
from kg.stores.embedded import DB_FILE, EmbeddedEngine, STORE_DIR
from kg.stores.embedded_guard import engine_check
from tests.hostile_store import fresh_copy

SECRET = "SENTINEL-SECRET-6f1d"
COUNT = "MATCH (n) RETURN count(n) AS n"
EVIL_C = """
#include <stdio.h>
__attribute__((constructor)) static void loaded(void) {
    FILE *f = fopen(SENTINEL, "w");
    if (f) { fputs("loaded", f); fclose(f); }
}
"""
REPRODUCTION = "RETURN 1 AS x /* **/ ' */; LOAD EXTENSION '{so}'; // '"

# How a payload is hidden from a guard that reads comments or strings differently from
# the engine. {p} is the payload.
WRAPPERS = [
    "{p}",
    "/* a comment */ {p}",
    "RETURN 1 AS x /* **/ ' */; {p}; // '",
    "RETURN 1 AS x /* ***/ ' */; {p} // '",
    "RETURN 1 AS x /* * / */ ; {p}",
    "RETURN 1 AS x // a comment\r{p}",
    "RETURN 1 AS x // a comment\r\n;{p}",
    "RETURN '\\' ; {p}; //' AS x",
    'RETURN "\\" ; {p}; //" AS x',
    "RETURN 1 AS `x``;{p};//`",
    "RETURN 1 AS x;\n{p}",
    "RETURN 1 AS x\u2028;{p}",
    "MATCH (n:Zone) WHERE n.name = '*/' RETURN n.id /* '; {p}; // */",
    "RETURN '{p}' AS x",
    "RETURN 1 AS x /* {p} */",
    "UNWIND [1] AS y {p}",
]
# Look-alikes: Cyrillic О and А, a fullwidth semicolon, a zero-width space, a non-breaking space.
LOOKALIKES = [("O", "\u041e"), ("A", "\u0410"), (";", "\uff1b"), (" ", "\u200b"), (" ", "\u00a0")]


def _cases(text: str) -> list:
    """The text as written, lower-cased and in alternating case (keywords are case-blind)."""
    alternating = "".join(c.upper() if i % 2 else c.lower() for i, c in enumerate(text))
    return [text, text.lower(), alternating]


@pytest.fixture
def workspace(hostile_store, tmp_path):
    """A fresh copy of the hostile sample's store for each test, so a write cannot leak."""
    return fresh_copy(hostile_store, tmp_path)


@pytest.fixture
def traps(tmp_path):
    """Paths the payloads aim at: an extension (compiled when gcc is here), a secret, targets."""
    secret = tmp_path / "secret.csv"
    secret.write_text(f"{SECRET},{SECRET}\n", encoding="utf-8")
    found = {"secret": secret, "leak": tmp_path / "leak.csv", "sentinel": tmp_path / "SENTINEL",
             "other": tmp_path / "other.lbug", "export": tmp_path / "export", "so": None}
    if shutil.which("gcc"):
        source = tmp_path / "evil.c"
        source.write_text(EVIL_C, encoding="utf-8")
        so = tmp_path / "evil.so"
        subprocess.run(["gcc", "-shared", "-fPIC", f'-DSENTINEL="{found["sentinel"]}"',
                        "-o", str(so), str(source)], check=True, capture_output=True)
        found["so"] = so
    return found


def _payloads(traps) -> list:
    so = traps["so"] or traps["sentinel"].with_name("missing.so")
    return [
        f"LOAD EXTENSION '{so}'",
        f"LOAD FROM '{traps['secret']}' (file_format='csv', header=false) RETURN *",
        f"COPY (MATCH (z:Zone) RETURN z.name) TO '{traps['leak']}'",
        "CHECKPOINT",
        "CREATE (:Zone {id: 'Zone/pwn', name: 'pwn'})",
        f"ATTACH '{traps['other']}' AS other (dbtype lbug)",
        f"EXPORT DATABASE '{traps['export']}'",
    ]


def corpus(traps) -> list:
    """Every payload in every wrapper and case, plus look-alike spellings of each."""
    statements = []
    for payload, wrapper in itertools.product(_payloads(traps), WRAPPERS):
        for text in _cases(payload):
            statements.append(wrapper.replace("{p}", text))
    for payload, (plain, lookalike) in itertools.product(_payloads(traps), LOOKALIKES):
        statements.append(payload.replace(plain, lookalike, 1))
        statements.append("RETURN 1 AS x" + lookalike.replace("\u041e", ";") + " " + payload)
    return statements


def _untouched(workspace, traps, before) -> None:
    """No trap was sprung and the store still opens read-only and answers as before."""
    for key in ("sentinel", "leak", "other", "export"):
        assert not traps[key].exists(), f"{key} exists: {traps[key]}"
    with EmbeddedEngine(workspace) as engine:
        assert engine.run(COUNT)[1] == before


def test_generated_corpus_neither_writes_reads_files_nor_loads_code(workspace, traps):
    """At least 200 generated trick statements: each is refused or reads only the store."""
    statements = corpus(traps)
    assert len(statements) >= 200
    with EmbeddedEngine(workspace) as engine:
        before = engine.run(COUNT)[1]
        ran = []
        for statement in statements:
            try:
                _, rows = engine.run(statement)
            except QueryError:
                continue
            ran.append(statement)
            assert SECRET not in json.dumps(rows, ensure_ascii=False), statement
    _untouched(workspace, traps, before)
    # the statements that ran are the ones where the payload is inside a string or comment
    assert all("RETURN" in s.upper() for s in ran)


def test_the_engine_alone_refuses_the_corpus(workspace, traps):
    """Bypassing the tokenizer, the engine's plan check by itself lets no payload run."""
    with EmbeddedEngine(workspace) as engine:
        conn = engine._conn
        before = engine.run(COUNT)[1]
        for statement in corpus(traps):
            try:
                prepared = engine_check(conn, statement, {}, "corpus")
            except (QueryError, RuntimeError):
                continue
            result = conn.execute(prepared, {})
            assert SECRET not in json.dumps(result.get_all(), ensure_ascii=False, default=str)
    _untouched(workspace, traps, before)


class _Recording:
    """The real LadybugDB connection, with every text it is handed noted down."""

    def __init__(self, conn):
        self.conn, self.seen = conn, []

    def prepare(self, query, *args):
        self.seen.append(query)
        return self.conn.prepare(query, *args)

    def execute(self, query, *args):
        self.seen.append(query)
        return self.conn.execute(query, *args)

    def close(self):
        self.conn.close()


@pytest.mark.skipif(not shutil.which("gcc"), reason="needs gcc (scripts/system-deps.sh installs it)")
@pytest.mark.parametrize("template", [REPRODUCTION, "LOAD EXTENSION '{so}'",
                                      "/* **/ */ LOAD EXTENSION '{so}' // */",
                                      "lOaD eXtEnSiOn '{so}'"])
def test_a_compiled_extension_is_never_loaded(workspace, traps, template):
    """The issue's reproduction and its kin: refused before LadybugDB sees the text; no constructor runs."""
    statement = template.format(so=traps["so"])
    with EmbeddedEngine(workspace) as engine:
        engine._conn = recording = _Recording(engine._conn)
        with pytest.raises(QueryError, match="--write"):
            engine.run(statement)
        assert recording.seen == []
    assert not traps["sentinel"].exists()


@pytest.mark.skipif(not shutil.which("gcc"), reason="needs gcc (scripts/system-deps.sh installs it)")
def test_reproduction_through_every_command(workspace, traps, tmp_path):
    """kg cypher QUERY, kg cypher --file and kg view query all refuse it (exit 1) and load nothing."""
    statement = REPRODUCTION.format(so=traps["so"])
    query_file = tmp_path / "q.cypher"
    query_file.write_text(statement, encoding="utf-8")
    ws = ["-w", str(workspace.path)]
    for args in (["cypher", *ws, statement], ["cypher", *ws, "--file", str(query_file)],
                 ["view", "query", *ws, statement, "-o", str(tmp_path / "v.html")]):
        out = CliRunner().invoke(cli, args)
        assert out.exit_code == 1 and out.stderr.startswith("kg: error:"), (args, out.output)
    assert not traps["sentinel"].exists()


@pytest.mark.parametrize("template", [
    "LOAD FROM '{secret}' (file_format='csv', header=false) RETURN *",
    "RETURN 1 AS x /* **/ ' */; LOAD FROM '{secret}' (file_format='csv') RETURN *; // '",
    "RETURN 1 AS x /* **/ ' */; COPY (RETURN 1) TO '{leak}'; // '",
])
def test_files_are_neither_read_nor_written(workspace, traps, template):
    """LOAD FROM a file and COPY … TO a file are refused: the secret is not printed, no file appears."""
    statement = template.format(**{k: v for k, v in traps.items() if v is not None})
    out = CliRunner().invoke(cli, ["cypher", "-w", str(workspace.path), statement])
    assert out.exit_code == 1 and SECRET not in out.output
    assert not traps["leak"].exists()


def test_checkpoint_without_write_leaves_the_store_openable(workspace):
    """`kg cypher CHECKPOINT` is refused; later read-only opens still work and no WAL is left."""
    ws = ["-w", str(workspace.path)]
    out = CliRunner().invoke(cli, ["cypher", *ws, "CHECKPOINT"])
    assert out.exit_code == 1 and "--write" in out.stderr
    store = workspace.file(STORE_DIR)
    assert sorted(p.name for p in store.iterdir()) == [DB_FILE]
    out = CliRunner().invoke(cli, ["cypher", *ws, COUNT, "-f", "json"])
    assert out.exit_code == 0 and json.loads(out.stdout)[0]["n"] > 0, out.output


def test_reads_still_run(workspace):
    """Ordinary reads — joins, aggregates, OPTIONAL MATCH, UNION, catalogue calls — pass both guards."""
    reads = ["MATCH (z:Zone)-[:IN_REGION]->(r:Region) RETURN r.name AS r, count(*) AS n ORDER BY r",
             "MATCH (z:Zone) OPTIONAL MATCH (z)<-[:LOCATED_IN]-(f:Firm) RETURN z.id, count(f) AS n",
             "MATCH (a:Zone) RETURN a.name AS n UNION MATCH (b:Region) RETURN b.name AS n",
             "MATCH p = (a:Region)-[:PART_OF*1..3]->(b) RETURN length(p) AS n",
             "CALL show_tables() RETURN count(*) AS n", "RETURN 1 AS x;",
             "MATCH (z:Zone) WHERE z.name = '/* ; LOAD */' RETURN count(z) AS n"]
    with EmbeddedEngine(workspace) as engine:
        answers = [engine.run(query)[1] for query in reads]
        zones = engine.run("MATCH (z:Zone) RETURN count(z) AS n")[1][0]["n"]
    assert all(answers[:5]), reads  # each read answers with rows, not an empty refusal
    assert len(answers[1]) == zones  # OPTIONAL MATCH keeps zones without firms
    assert answers[5] == [{"x": 1}] and answers[6] == [{"n": 0}]  # the quoted '/* ; LOAD */' is data


# ---------------------------------------------------------------------------- SPARQL
SPARQL_TRICKS = [
    "SELECT * WHERE {{ {service} <{url}/a> {{ ?s ?p ?o }} }}",
    "SELECT * WHERE {{ ?s ?p ?o OPTIONAL {{ {service} SILENT <{url}/b> {{ ?s ?p ?o }} }} }}",
    "ASK {{ # comment\n {service} <{url}/c> {{ ?s ?p ?o }} }}",
    "CONSTRUCT {{ ?s ?p ?o }} WHERE {{ {{ SELECT * WHERE {{ {service} <{url}/d> {{ ?s ?p ?o }} }} }} }}",
    "INSERT DATA {{ <{url}/e> <{url}/p> 'x' }}",
    "LOAD <{url}/f>",
    "SELECT * WHERE {{ ?s ?p ?o }} ; LOAD <{url}/g>",
    "DESCRIBE <{url}/h> ; CLEAR ALL",
]


def test_sparql_without_write_runs_only_queries(workspace, listener):
    """Without --write only a SELECT/ASK/CONSTRUCT/DESCRIBE parsed by the SPARQL parser runs:
    no SERVICE in any spelling (case, \\u escapes, nesting), no update, no LOAD; no request leaves."""
    from kg.stores.sparql import load_store, sparql

    url, hits = listener
    store = load_store(workspace)
    size = len(store)
    let_through = []
    for template, service in itertools.product(
            SPARQL_TRICKS, ["SERVICE", "service", "SeRvIcE", "\\u0053ERVICE", "\\U00000053ervice"]):
        try:
            sparql(store, template.format(url=url, service=service))
            let_through.append(template)
        except QueryError:
            pass
    assert hits == [] and let_through == [] and len(store) == size


# ---------------------------------------------------------------------------- agreement
DELIMITERS = ["/*", "*/", "**/", "'", '"', "//", "`", "\r"]
PAYLOAD = "UNWIND [1] AS y {a}{b}{c}{d} LOAD FROM '{secret}' (file_format='csv') RETURN *"


def test_the_tokenizer_reads_comments_and_strings_as_the_engine_does(workspace, traps):
    """Every arrangement of four comment, string and name delimiters before a file read in
    one statement: whenever the tokenizer sees the read as inside a comment or string (and
    so lets it pass), the engine's plan agrees that nothing but reads happen."""
    from kg.stores.embedded_guard import outside_store

    disagreements = []
    with EmbeddedEngine(workspace) as engine:
        for a, b, c, d in itertools.product(DELIMITERS, repeat=4):
            text = PAYLOAD.format(a=a, b=b, c=c, d=d, secret=traps["secret"])
            if outside_store(text) is not None:
                continue
            try:
                engine_check(engine._conn, text, {}, "agreement")
            except RuntimeError:
                continue  # a syntax error to the engine: nothing runs
            except QueryError as err:
                disagreements.append((text, str(err)))
    assert disagreements == []
