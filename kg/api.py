"""The Python twin of the ``kg`` commands, for notebooks: ``kg.open(path)`` and its methods.

Each method has the name, parameters and defaults of the command it mirrors and calls
the same library functions (:mod:`kg.answers` to read just what the answer needs from
the workspace's index, then :mod:`kg.queries`, :mod:`kg.views`, :mod:`kg.reports`,
:mod:`kg.stores`), so a method and its command answer alike. Listings return a
:class:`~kg.api_table.Table`; maps a pyvis network (:mod:`kg.api_network`);
:meth:`KGWorkspace.subgraph` a networkx MultiDiGraph (:mod:`kg.api_graph`).

>>> import tempfile, kg
>>> from kg.index import write_index
>>> from kg.queries.fixtures import sensor_graph
>>> from kg.workspace import Workspace
>>> path = tempfile.mkdtemp()  # a workspace of the sample graph (kg build makes one)
>>> _ = Workspace(path).save(sensor_graph(), inputs=[], extra_writers=[write_index])
>>> ws = kg.open(path)
>>> [row["status"] for row in ws.gaps("传感器", zone="郑州高新区")]
['weak', 'gap', 'covered', 'covered']
>>> ws.view_chain("传感器", zone="郑州高新区").num_nodes()
20
"""
from __future__ import annotations

from contextlib import contextmanager
from pathlib import Path

from kg import answers
from kg.api_table import Table
from kg.output import TOP
from kg.workspace import Workspace, default_path

GAPS_HIDDEN = ("evidence",)  # kg gaps shows the evidence column only with --evidence


def open_workspace(path=None) -> "KGWorkspace":
    """The workspace at ``path`` (else ``$KG_WORKSPACE``, else ``./kg-workspace``); ``kg.open``."""
    return KGWorkspace(path)


class KGWorkspace:
    """A workspace directory seen from Python: the ``kg`` commands as methods.

    Each call reads the live generation afresh (as each command does), so a build made
    meanwhile — by :meth:`build`, :meth:`add` or ``kg build`` — is what the next call sees.
    """

    def __init__(self, path=None):
        self.path = default_path(path)

    def __repr__(self) -> str:
        return f"<kg workspace {self.path}>"

    @contextmanager
    def _store(self):
        """A :class:`kg.workspace.Workspace` for one call; its generation lease ends with it."""
        store = Workspace(self.path)
        try:
            yield store
        finally:
            store.release()

    def exists(self) -> bool:
        """Whether a build has been made here."""
        return Workspace(self.path).exists()

    def manifest(self) -> dict:
        """The live generation's manifest (inputs, options, counts)."""
        with self._store() as store:
            return store.manifest()

    # ------------------------------------------------------------------ build
    def build(self, documents=(), registries=(), *, templates=(), mapping=None, zone=None,
              region=None, strict=False, covers=(), scope=()):
        """``kg build``: build the workspace from these inputs (none: the bundled samples)."""
        from kg.build import build

        if scope and not covers:
            raise ValueError("scope needs covers (which places the census is of)")
        coverage = {"covers": list(covers), "scope": list(scope)} if covers else None
        return build(documents, registries, workspace=self.path, templates=list(templates) or None,
                     home_zone=zone, home_region=region, mapping=dict(mapping or {}),
                     strict=strict, coverage=coverage)

    def add(self, documents=(), registries=(), *, templates=()):
        """Rebuild with these inputs added to the ones the manifest lists (options kept)."""
        from kg.api_inputs import previous_build

        before = previous_build(self.manifest())
        return self.build([*before["documents"], *documents], [*before["registries"], *registries],
                          templates=[*before["templates"], *templates], mapping=before["mapping"],
                          zone=before["zone"], region=before["region"],
                          covers=before["covers"], scope=before["scope"])

    # ------------------------------------------------------------------ listings
    def gaps(self, chain: str, zone: str, *, weak_below: int = 1, candidates: int = 5,
             evidence: bool = False, top: int | None = TOP, lang: str = "zh") -> Table:
        """``kg gaps CHAIN --zone ZONE``: each link's status, local firms, who could fill it."""
        from kg.queries import chain_gaps

        with self._store() as store:
            graph = answers.for_gaps(store, chain, zone, candidates=candidates)
            rows = chain_gaps(graph, chain, zone, weak_below=weak_below, candidates=candidates)
        return Table(rows, hidden=() if evidence else GAPS_HIDDEN, top=top, lang=lang)

    def chains(self, *, top: int | None = TOP, lang: str = "zh") -> Table:
        """``kg chains``: every chain with its links in order."""
        from kg.queries import chains

        with self._store() as store:
            return Table(chains(answers.core(store)), top=top, lang=lang)

    def zone(self, name: str, *, top: int | None = TOP, lang: str = "zh") -> Table:
        """``kg zone NAME``: a zone's (or region's) profile as field/value rows."""
        from kg.queries import zone_profile

        with self._store() as store:
            return Table(zone_profile(answers.for_place(store, name, counted=True), name), top=top,
                         lang=lang)

    def firm(self, name: str, *, top: int | None = TOP, lang: str = "zh") -> Table:
        """``kg firm NAME``: a firm's profile (name, stock code or credit code)."""
        from kg.queries import firm_profile
        from kg.reports.sentences import SentenceReader

        with self._store() as store:
            return Table(firm_profile(answers.for_firm(store, name), name,
                                      SentenceReader(store.manifest())), top=top, lang=lang)

    def targets(self, zone: str, *, regions: bool = True, top: int | None = TOP,
                lang: str = "zh") -> Table:
        """``kg targets --zone ZONE``: firms the zone (and, with ``regions``, its city and
        province) means to attract, ranked, with the links the evidence supports."""
        from kg.cli.query import _target_cells  # the command's table cells, shared not copied
        from kg.queries import targets
        from kg.reports.sentences import SentenceReader

        with self._store() as store:
            rows = targets(answers.core(store), zone, regions=regions,
                           sentences=SentenceReader(store.manifest()))
            return Table(rows, top=top, lang=lang, cells=_target_cells)

    def stats(self, *, top: int | None = TOP, lang: str = "zh") -> Table:
        """``kg stats``: nodes per label and relations per type."""
        from kg.api_inputs import stats_rows

        with self._store() as store:
            return Table(stats_rows(store), top=top, lang=lang)

    def queries(self, *, top: int | None = TOP, lang: str = "zh") -> Table:
        """``kg queries``: the named queries, what each answers, its parameters."""
        from kg.stores.named import list_queries

        return Table([q.summary() for q in list_queries()], top=top, lang=lang,
                     columns=["name", "answers", "parameters", "returns"])

    def templates(self, chain: str | None = None, *, extra=(), top: int | None = TOP,
                  lang: str = "zh") -> Table:
        """``kg templates [CHAIN]``: the chain templates, or one chain's links with words and codes."""
        from kg.loaders.templates import (find_template, load_templates, template_link_rows,
                                          template_rows)

        templates = load_templates(list(extra))
        if chain is None:
            return Table(template_rows(templates), top=top, lang=lang)
        return Table(template_link_rows(find_template(templates, chain)), top=top, lang=lang)

    def cypher(self, query: str | None = None, *, file=None, name: str | None = None,
               params: dict | None = None, write: bool = False, neo4j: bool = False,
               top: int | None = TOP, lang: str = "zh") -> Table:
        """``kg cypher``: a query (or ``file``, or the named query ``name``) with ``params``."""
        from kg.api_run import run_cypher

        with self._store() as store:
            rows = run_cypher(store, query, file=file, name=name, params=params or {},
                              write=write, neo4j=neo4j)
        return Table(rows, top=top, **_user_columns(lang))

    def sparql(self, query: str | None = None, *, file=None, params: dict | None = None,
               write: bool = False, output=None, top: int | None = TOP, lang: str = "zh") -> Table:
        """``kg sparql``: a SELECT's solutions; with ``write``, an update saved to ``output`` (TriG)."""
        from kg.api_run import run_sparql

        with self._store() as store:
            columns, rows = run_sparql(store, query, file=file, params=params or {}, write=write,
                                       output=output)
        return Table(rows, columns=columns, top=top, **_user_columns(lang))

    def validate(self, *, top: int | None = TOP, lang: str = "zh") -> Table:
        """``kg validate``: SHACL results (an empty table when the graph conforms)."""
        from kg.stores.shacl import validate

        with self._store() as store:
            graph = store.load()
            results = validate(graph, trig=store.file("graph.trig", graph=graph).read_bytes())
        return Table(results, top=top, lang=lang,
                     columns=["severity", "node", "label", "shape", "path", "message", "value",
                              "sources"])

    def extract(self, files, *, zone: str | None = None, region: str | None = None,
                top: int | None = None, lang: str = "zh") -> Table:
        """``kg extract FILES``: what each document yields (no workspace needed; every name)."""
        from kg.cli.extract import COLUMNS
        from kg.loaders.documents import extract_records

        rows = [row for path in ([files] if isinstance(files, (str, Path)) else files)
                for row in extract_records(path, home_zone=zone, home_region=region)]
        columns = [c for c in COLUMNS if any(c in row for row in rows)] or None
        return Table(rows, columns=columns, top=top, lang=lang)

    # ------------------------------------------------------------------ files
    def report(self, zone: str, *, output, chains=(), weak_below: int = 1) -> Path:
        """``kg report --zone ZONE -o OUTPUT``: the briefing (.xlsx, .md or .html)."""
        from kg.reports import build_report, write_report, writer_for

        writer_for(output)  # a wrong suffix fails before the graph loads
        with self._store() as store:
            graph = answers.for_report(store, zone, chains)
            report = build_report(graph, zone, chains, manifest=store.manifest(),
                                  weak_below=weak_below)
        write_report(report, output, graph=graph)
        return Path(output)

    def lists(self, zone: str, *, chains=(), output=None) -> dict:
        """``kg lists --zone ZONE``: the five lists as Tables; written to the folder ``output`` too."""
        from kg.reports import build_report
        from kg.reports.lists import build_lists, write_lists
        from kg.reports.sentences import SentenceReader

        with self._store() as store:
            graph = answers.for_report(store, zone, chains)
            manifest = store.manifest()
            report = build_report(graph, zone, chains, manifest=manifest)
            lists = build_lists(graph, report, SentenceReader(manifest))
        if output is not None:
            write_lists(lists, output)
        return {name: Table(rows, top=None) for name, rows in lists.items()}

    def export(self, target: str = "rdf", output=None, *, fmt: str = "trig"):
        """``kg export rdf`` (text, or written to ``output``) or ``kg export neo4j-import DIR``."""
        from kg.api_run import export

        with self._store() as store:
            return export(store, target, output, fmt=fmt)

    def push(self, target: str = "neo4j", *, batch_rows: int = 1000, batch_bytes: int = 1 << 20,
             dialect: str | None = None, dry_run: bool = False):
        """``kg push neo4j``: push to the server in ``NEO4J_URI`` (statements when ``dry_run``)."""
        from kg.api_run import push

        with self._store() as store:
            return push(store, target, batch_rows=batch_rows, batch_bytes=batch_bytes,
                        dialect=dialect, dry_run=dry_run)

    # ------------------------------------------------------------------ maps
    def view_chain(self, chain: str, zone: str, *, weak_below: int = 1, max_per_link: int = 300):
        """``kg view chain CHAIN --zone ZONE`` as a pyvis Network."""
        from kg.api_network import to_network
        from kg.views import chain_view

        with self._store() as store:
            graph = answers.for_chain_map(store, chain, zone, per_link=max_per_link)
            view = chain_view(graph, chain, zone, max_per_link=max_per_link, weak_below=weak_below)
        return to_network(view)

    def view_zone(self, name: str, *, max_per_link: int = 300):
        """``kg view zone NAME`` as a pyvis Network."""
        from kg.api_network import to_network
        from kg.views import ego_view

        with self._store() as store:
            graph = answers.for_place(store, name, best=max_per_link)
        return to_network(ego_view(graph, name, _place_label(graph, name), max_per_group=max_per_link))

    def view_firm(self, name: str, *, max_per_link: int = 300):
        """``kg view firm NAME`` as a pyvis Network."""
        from kg.api_network import to_network
        from kg.views import ego_view

        with self._store() as store:
            graph = answers.for_firm(store, name)
        return to_network(ego_view(graph, name, "Firm", max_per_group=max_per_link))

    def view_query(self, cypher: str, *, max_nodes: int = 2000, params: dict | None = None):
        """``kg view query CYPHER`` as a pyvis Network."""
        from kg.api_network import to_network
        from kg.views.query import _title, query_view, run_query

        with self._store() as store:
            columns, rows = run_query(store, cypher, params)
            graph = store.load()
        return to_network(query_view(columns, rows, graph, title=_title(cypher), max_nodes=max_nodes))

    def view_panorama(self, zone: str, *, chains=(), weak_below: int = 1):
        """``kg view panorama --zone ZONE``: the chain panorama page (HTML, shown inline).

        The panorama is a page, not a network (CLARIFICATIONS); more than eight chains
        make further pages, in ``page.more``.
        """
        from kg.api_network import Page
        from kg.views.panorama import panorama_pages

        with self._store() as store:
            graph = answers.for_panorama(store, zone, chains)
        pages = panorama_pages(graph, zone, chains, weak_below=weak_below)
        return Page(pages[0], more=pages[1:])

    # ------------------------------------------------------------------ analysis
    def subgraph(self, *, zone: str | None = None, chain: str | None = None, weak_below: int = 1):
        """A networkx MultiDiGraph of a zone, a chain, or a chain in a zone (see kg.api_graph)."""
        from kg.api_graph import part

        if zone is None and chain is None:
            raise ValueError("subgraph needs a zone, a chain, or both")
        with self._store() as store:
            if chain is not None and zone is not None:
                graph = answers.for_gaps(store, chain, zone, local_firms=True)
            elif chain is not None:  # every firm on the chain, wherever it is: the whole graph
                graph = store.load()
            else:
                graph = answers.for_place(store, zone)
        return part(graph, zone=zone, chain=chain, weak_below=weak_below)


def _user_columns(lang: str) -> dict:
    """Display options of ``kg cypher`` / ``kg sparql``: the query's own column names, as written."""
    del lang  # accepted as the commands accept --lang; the user's columns are not translated
    return {"lang": "en", "keys": "en"}


def _place_label(graph, name: str) -> str:
    """Zone unless the name is only a Region's (as ``kg view zone`` decides)."""
    return "Zone" if graph.resolve(name, "Zone") or not graph.resolve(name, "Region") else "Region"
