"""Hostile names pass through every writer and query unharmed.

A graph is built through the real loaders (a registry CSV whose 企业名称, 简称 and 所属园区
carry quotes, backslashes, backticks, braces, ``$``, ``]]>``, ``</script>`` and formula
starts; a small document; a chain template whose chain and link names are hostile) and
saved as a workspace. Then: every RDF format round-trips the names exactly; SPARQL and
Cypher find each name passed as a parameter and return it unchanged; HTML views and
reports hold no unescaped markup (and no alert fires in chromium); CSV, xlsx and
Markdown cells that start with = + - @ are neutralised; JSON round-trips.
"""
from __future__ import annotations

import csv
import io
import json
import warnings
from pathlib import Path

import pyoxigraph as ox
import pytest
import rdflib
from click.testing import CliRunner

from kg import rdf, vocab
from kg.build import build
from kg.cli import cli
from kg.output import render
from kg.stores.embedded import EmbeddedEngine
from kg.stores.fixtures import HOSTILE
from kg.stores.sparql import load_store, sparql
from kg.workspace import Workspace

QUOTES = "汉威'\"`{}$\\科技有限公司"
SCRIPT = "炜盛</script><script>alert('firm')</script>电子有限公司"
CDATA = "新乡]]><!--<img src=x onerror=alert(2)>-->传感有限公司"
FORMULA = "=HYPERLINK(\"http://evil.example\",\"点击\")"
PLUS = "+cmd|' /C calc'!A0"
MINUS = "-2+3+cmd|' /C calc'!A0"
AT = "@SUM(1+1)*cmd|' /C calc'!A0"
CYPHER = "x'}) MATCH (n) DETACH DELETE n //"
SPARQL_ = "x\" } ; DROP ALL ; #"
FIRMS = [QUOTES, SCRIPT, CDATA, FORMULA, PLUS, MINUS, AT, CYPHER, SPARQL_]
ALIAS = "<b>简称</b>&amp;'\""
ZONE = "郑州<i>高新区</i>'\"`${x}"
CHAIN = "传感<script>alert('chain')</script>链"
INDUSTRY = "传感<b>产业</b>"
LINK = "=芯片'\"]]></script>"
MARKUP = [n for n in [*FIRMS, ALIAS, ZONE, CHAIN, INDUSTRY, LINK, HOSTILE] if "<" in n]
FORMULA_STARTS = ("=", "+", "-", "@")
RDF_FORMATS = ("trig", "nquads", "ttl", "nt", "jsonld")


def _registry(path: Path) -> None:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(["企业名称", "简称", "所属园区", "所在地区", "经营范围"])
    for i, name in enumerate(FIRMS):
        writer.writerow([name, ALIAS if i == 0 else "", ZONE, "郑州市", "芯片设计与制造"])
    path.write_text(buffer.getvalue(), encoding="utf-8")


def _template(path: Path) -> None:
    text = (f"chain: {json.dumps(CHAIN, ensure_ascii=False)}\n"
            f"industry: {json.dumps(INDUSTRY, ensure_ascii=False)}\n"
            "links:\n"
            f"  - name: {json.dumps(LINK, ensure_ascii=False)}\n"
            "    stage: upstream\n"
            "    keywords: [芯片设计]\n"
            "  - name: 封测\n"
            "    stage: midstream\n"
            "    keywords: [封装测试]\n")
    path.write_text(text, encoding="utf-8")


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """The hostile workspace, built once through the loaders, plus one firm named HOSTILE."""
    root = tmp_path_factory.mktemp("injection")
    reg, doc, tpl = root / "firms.csv", root / "plan.txt", root / "hostile.yaml"
    _registry(reg)
    doc.write_text("郑州高新区积极引进三一重工等企业。郑州高新区依托郑州大学建设传感器创新中心。",
                   encoding="utf-8")
    _template(tpl)
    ws = root / "ws"
    result = build([doc], [reg], templates=[tpl], workspace=ws)
    assert not result.errors, result.errors
    return Workspace(ws)


@pytest.fixture(scope="module")
def graph(built):
    return built.load()


def _names(graph) -> dict:
    """{name or alias: node id} of every node."""
    out = {}
    for node, data in graph.nodes():
        for name in [data["name"], *data["aliases"]]:
            out[name] = node
    return out


def test_the_loaders_keep_every_hostile_name(graph):
    """Firm names, the alias, the zone, the chain and the link arrive in the graph exactly."""
    names = _names(graph)
    for name in [*FIRMS, ALIAS, ZONE, CHAIN, INDUSTRY, LINK]:
        assert name in names, name
    firm = names[QUOTES]
    assert graph.node(firm)["aliases"] == [ALIAS]
    assert any(graph.node(v)["name"] == ZONE for v in graph.out(firm, "LOCATED_IN"))
    link = names[LINK]
    assert any(graph.node(f)["name"] == SCRIPT for f in graph.into(link, "OPERATES_IN"))


# ---------------------------------------------------------------------------- RDF
def _literals(quads, predicate: str) -> set:
    return {q.object.value for q in quads if q.predicate.value == predicate}


@pytest.mark.parametrize("fmt", RDF_FORMATS)
def test_rdf_round_trips_every_name(built, graph, fmt):
    """kg export rdf in each format parses back (pyoxigraph and rdflib) with every name and alias exact."""
    out = CliRunner().invoke(cli, ["export", "rdf", "-w", str(built.path), "-f", fmt])
    assert out.exit_code == 0, out.output
    data = out.stdout_bytes
    expected_names = {d["name"] for _, d in graph.nodes()}
    expected_aliases = {a for _, d in graph.nodes() for a in d["aliases"]}
    fmt_ox = rdf.FORMATS[fmt]
    quads = list(ox.parse(data, format=fmt_ox))
    assert _literals(quads, vocab.KG_IRI + "name") == expected_names
    assert _literals(quads, vocab.KG_IRI + "alias") == expected_aliases
    rdflib_format = {"trig": "trig", "nquads": "nquads", "ttl": "turtle", "nt": "nt",
                     "jsonld": "json-ld"}[fmt]
    with warnings.catch_warnings():  # rdflib 7's Dataset.parse calls its own deprecated API
        warnings.simplefilter("ignore", DeprecationWarning)
        ds = rdflib.Dataset()
        ds.parse(data=data, format=rdflib_format)
    names = {str(o) for _, _, o, _ in ds.quads((None, rdflib.URIRef(vocab.KG_IRI + "name"), None, None))}
    assert names == expected_names


# ---------------------------------------------------------------------------- queries
@pytest.fixture(scope="module")
def store(built):
    return load_store(built)


@pytest.mark.parametrize("name", [*FIRMS, ZONE, CHAIN, LINK])
def test_sparql_finds_each_name_as_a_parameter(store, graph, name):
    """SPARQL with ?name bound to the hostile name finds its one node and returns the name unchanged."""
    query = ("PREFIX kg: <https://w3id.org/zonekg/ontology#> "
             "SELECT ?n ?name WHERE { ?n kg:name ?name }")
    _, rows = sparql(store, query, {"name": name})
    assert [r["name"] for r in rows] == [name]
    assert rows[0]["n"] == rdf.node_iri(_names(graph)[name])


@pytest.mark.parametrize("name", [QUOTES, SPARQL_, CDATA, ZONE])
def test_sparql_binds_unprojected_variables_safely(store, graph, name):
    """A bound variable the query does not project (the VALUES path) still matches exactly one node."""
    query = "PREFIX kg: <https://w3id.org/zonekg/ontology#> SELECT ?n WHERE { ?n kg:name ?name }"
    _, rows = sparql(store, query, {"name": name})
    assert rows == [{"n": rdf.node_iri(_names(graph)[name])}]
    assert len(store) == len(load_store(graph=graph))


def test_sparql_cli_with_hostile_parameter(built):
    """`kg sparql -p name=…` binds the value; the query text is never spliced."""
    query = ("PREFIX kg: <https://w3id.org/zonekg/ontology#> "
             "SELECT ?name ?alias WHERE { ?n kg:name ?name ; kg:alias ?alias }")
    out = CliRunner().invoke(cli, ["sparql", "-w", str(built.path), "-f", "json", query,
                                   "-p", f"alias={ALIAS}"])
    assert out.exit_code == 0, out.output
    assert json.loads(out.stdout) == [{"name": QUOTES, "alias": ALIAS}]


@pytest.fixture(scope="module")
def engine(built):
    with EmbeddedEngine(built) as eng:
        yield eng


@pytest.mark.parametrize("name", [*FIRMS, ZONE, CHAIN, LINK])
def test_embedded_cypher_finds_each_name_as_a_parameter(engine, graph, name):
    """Embedded Cypher with $name finds the node, and the stored name equals the input."""
    _, rows = engine.run("MATCH (n) WHERE n.name = $name RETURN n.id AS id, n.name AS name",
                         {"name": name})
    assert rows == [{"id": _names(graph)[name], "name": name}]


def test_embedded_cypher_alias_list_and_counts_intact(engine, graph):
    """The alias list holds the hostile alias whole; no statement ran from data (counts equal)."""
    _, rows = engine.run("MATCH (f:Firm) WHERE $alias IN f.aliases RETURN f.name AS name",
                         {"alias": ALIAS})
    assert rows == [{"name": QUOTES}]
    _, rows = engine.run("MATCH (n) RETURN count(n) AS n")
    assert rows[0]["n"] == len(graph)


def test_cypher_cli_param_and_json_round_trip(built):
    """`kg cypher -p name=…` with --format json returns the name exactly."""
    out = CliRunner().invoke(cli, ["cypher", "-w", str(built.path), "-f", "json",
                                   "MATCH (f:Firm) WHERE f.name = $name RETURN f.name AS name",
                                   "-p", f"name={CYPHER}"])
    assert out.exit_code == 0, out.output
    assert json.loads(out.stdout) == [{"name": CYPHER}]


@pytest.mark.bolt
def test_bolt_push_keeps_names_and_finds_them_by_parameter(built, graph, bolt):
    """Pushed to a Bolt server, each hostile name is found by parameter and stored unchanged."""
    from kg.stores.neo4j import Neo4jEngine, push

    env = bolt.env()
    with pytest.MonkeyPatch.context() as mp:
        for key, value in env.items():
            mp.setenv(key, value)
        with Neo4jEngine.from_env(write=True) as neo:
            neo.execute("MATCH (n) DETACH DELETE n")
            push(graph, neo)
            for name in [*FIRMS, ZONE, CHAIN, LINK, ALIAS]:
                _, rows = neo.run("MATCH (n) WHERE n.name = $v OR $v IN n.aliases "
                                  "RETURN n.id AS id, n.name AS name", {"v": name})
                node = _names(graph)[name]
                assert rows == [{"id": node, "name": graph.node(node)["name"]}], name
            assert neo.counts() == graph.counts()




# ---------------------------------------------------------------------------- HTML
@pytest.fixture(scope="module")
def pages(built, tmp_path_factory):
    """Chain, zone and firm maps and the HTML report, written by the CLI."""
    folder = tmp_path_factory.mktemp("pages")
    ws = ["-w", str(built.path)]
    runs = {
        "chain.html": ["view", "chain", CHAIN, "--zone", ZONE],
        "zone.html": ["view", "zone", ZONE],
        "firm.html": ["view", "firm", SCRIPT],
        "query.html": ["view", "query", "MATCH (f:Firm)-[r:LOCATED_IN]->(z:Zone) RETURN f, r, z"],
        "report.html": ["report", "--zone", ZONE, "--chain", CHAIN],
    }
    out_files = {}
    for name, args in runs.items():
        path = folder / name
        out = CliRunner().invoke(cli, [*args, *ws, "-o", str(path)])
        assert out.exit_code == 0, (name, out.output)
        out_files[name] = path
    return out_files


@pytest.mark.parametrize("page", ["chain.html", "zone.html", "firm.html", "query.html", "report.html"])
def test_html_holds_no_unescaped_markup(pages, page):
    """No hostile name appears raw in a page: every '<' of data is escaped."""
    text = pages[page].read_text(encoding="utf-8")
    for name in MARKUP:
        assert name not in text, (page, name)
    for fragment in ("<script>alert(", "<img src=x", "<i>高新区</i>", "<b>简称</b>"):
        assert fragment not in text, (page, fragment)


@pytest.mark.browser
def test_no_alert_fires_in_chromium(pages, browser):
    """Opened in headless chromium, no page raises a dialog, an error or a request."""
    for name, path in pages.items():
        page = browser.page()
        try:
            ready = "document.readyState === 'complete'" if name == "report.html" else \
                "document.body && document.body.dataset.drawn === '1'"
            page.open(path, ready=ready)
            page.evaluate("new Promise(r => setTimeout(r, 300))")
            assert page.dialogs == [], (name, page.dialogs)
            assert page.foreign_requests() == [], (name, page.foreign_requests())
            assert not [e for e in page.errors if "alert" in e], (name, page.errors)
        finally:
            page.close()




# ---------------------------------------------------------------------------- spreadsheets
def _formula_like(text: str) -> bool:
    return text.startswith(FORMULA_STARTS) and not _number(text)


def workbook_texts(path) -> list:
    """The text cells of every sheet of a workbook; fails on any formula cell."""
    from openpyxl import load_workbook

    texts = []
    for sheet in load_workbook(path).worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                assert cell.data_type != "f", (path.name, sheet.title, cell.coordinate, cell.value)
                if isinstance(cell.value, str):
                    texts.append(cell.value)
    return texts


def _number(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True


@pytest.mark.parametrize("name", [FORMULA, PLUS, MINUS, AT])
def test_firm_profile_csv_neutralises_formulas(built, name):
    """`kg firm NAME --format csv`: the name cell is quoted, so no cell starts with = + - @."""
    out = CliRunner().invoke(cli, ["firm", "-w", str(built.path), "-f", "csv", "--keys", "en", "--", name])
    assert out.exit_code == 0, out.output
    rows = list(csv.reader(io.StringIO(out.stdout)))
    assert ["name", "'" + name] in rows
    assert not [c for row in rows for c in row if _formula_like(c)]


def test_markdown_output_neutralises_formulas():
    """render(…, "md") gives no cell starting with = + - @ (a pasted table must not run)."""
    rows = [{"name": n} for n in (FORMULA, PLUS, MINUS, AT, "-12.5")]
    lines = render(rows, "md").splitlines()[2:]
    cells = [line.strip("| ").replace("\\|", "|") for line in lines]
    assert not [c for c in cells if _formula_like(c)]
    assert cells[-1] == "-12.5"


def test_json_output_round_trips(built):
    """`kg firm NAME --format json` returns each hostile name, its alias and its zone exactly."""
    for name in (QUOTES, CDATA, CYPHER, SPARQL_, FORMULA):
        out = CliRunner().invoke(cli, ["firm", name, "-w", str(built.path), "-f", "json"])
        assert out.exit_code == 0, out.output
        fields = {row["field"]: row["value"] for row in json.loads(out.stdout)}
        assert fields["name"] == name
        assert fields["located_in"] == [ZONE]
        assert fields["aliases"] == ([ALIAS] if name == QUOTES else [])


@pytest.fixture(scope="module")
def lists_dir(built, tmp_path_factory):
    folder = tmp_path_factory.mktemp("lists")
    out = CliRunner().invoke(cli, ["lists", "--zone", ZONE, "--chain", CHAIN, "-w", str(built.path),
                                   "-o", str(folder)])
    assert out.exit_code == 0, out.output
    return folder


def test_lists_csv_and_xlsx_neutralise_formulas(lists_dir):
    """kg lists: every CSV cell and every workbook cell that starts with = + - @ is quoted."""
    cells = []
    for path in lists_dir.glob("*.csv"):
        cells += [c for row in csv.reader(io.StringIO(path.read_text(encoding="utf-8-sig")))
                  for c in row]
    books = list(lists_dir.glob("*.xlsx"))
    assert books
    for path in books:
        cells += workbook_texts(path)
    assert any(FORMULA in c for c in cells)
    assert not [c for c in cells if _formula_like(c)]


def write_report_file(built, path):
    """``kg report`` of the hostile zone and chain into ``path`` (its suffix picks the format)."""
    out = CliRunner().invoke(cli, ["report", "--zone", ZONE, "--chain", CHAIN, "-w", str(built.path),
                                   "-o", str(path)])
    assert out.exit_code == 0, out.output
    return path


def test_report_xlsx_neutralises_formulas(built, tmp_path):
    """kg report .xlsx: no formula cell and no text cell that starts with = + - @."""
    path = write_report_file(built, tmp_path / "report.xlsx")
    texts = workbook_texts(path)
    assert any(LINK[1:] in t for t in texts)
    assert not [t for t in texts if _formula_like(t)]


def test_report_markdown_neutralises_formulas(built, tmp_path):
    """kg report .md: no table cell starts with = + - @ (the link named '=芯片…' included)."""
    path = write_report_file(built, tmp_path / "report.md")
    text = path.read_text(encoding="utf-8")
    cells = [c.strip() for line in text.splitlines() if line.startswith("|")
             for c in line.strip("|").split(" | ") if c.strip(" -:")]  # not the --- rule
    assert any("芯片" in c for c in cells)
    assert not [c for c in cells if _formula_like(c)], [c for c in cells if _formula_like(c)]
