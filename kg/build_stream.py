"""``kg build`` for big registries: bulk firms go to disk, not into networkx (see kg.stream).

The same steps as :func:`kg.build.build_graph`, in the same order for every fact that
enters the graph; only the firms :mod:`kg.stream` sets aside are added later, to the
:class:`kg.stream.BulkFirms` store the graph carries as ``graph.bulk``.

The registries' firm short names are known names while documents are read; which firms
are set aside depends on the documents, and those names on the firms in the graph (a
code conflict drops a shared short name). So documents are read with the names of every
registry row, and read again with the graph's names when these differ.
"""
from __future__ import annotations

import logging
import os
import shutil
import tempfile
from pathlib import Path

from kg.errors import SourceError
from kg.graph import KnowledgeGraph
from kg.progress import progress, stage
from kg.stream import (BulkFirms, KeyCount, Spool, classify_bulk, document_marks, replay,
                       spool_registry)

log = logging.getLogger("kg.build")
ATTEMPTS = 3  # document readings at most (names settle after one more in practice)


def build_streaming(documents, registries, *, templates, home_zone, home_region, mapping,
                    strict, result, coverage: dict, spool_dir=None):
    """Build ``result.graph`` (core) and ``result.graph.bulk`` (bulk firms); see the module."""
    folder = spool_folder(spool_dir)
    try:
        _stream(documents, registries, templates=templates, home_zone=home_zone,
                home_region=home_region, mapping=mapping, strict=strict, result=result,
                coverage=coverage, folder=folder)
    except BaseException:
        if result.graph.bulk is not None:
            result.graph.bulk.close()
        shutil.rmtree(folder, ignore_errors=True)
        raise
    return result


def spool_folder(spool_dir=None) -> Path:
    """A new folder for this build's spools, named by its process id, under ``spool_dir``
    (default: the system's temporary folder); first removes those of builds whose process
    is gone (killed before they could clean up: at 10M firms they hold ~8 GB).

    >>> import os, tempfile
    >>> base = tempfile.mkdtemp()
    >>> spool_folder(base).name.startswith(f".kg-stream-{os.getpid()}-")
    True
    """
    base = Path(spool_dir or tempfile.gettempdir())
    for old in base.glob(".kg-stream-*-*"):
        pid = old.name.split("-")[2]
        if pid.isdigit() and not _alive(int(pid)):
            shutil.rmtree(old, ignore_errors=True)
    return Path(tempfile.mkdtemp(prefix=f".kg-stream-{os.getpid()}-", dir=base))


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # another user's process
        return True
    return True


def _stream(documents, registries, *, templates, home_zone, home_region, mapping, strict,
            result, coverage, folder: Path) -> None:
    from kg.classify import classify_firms
    from kg.loaders.coverage import finish_coverage
    from kg.loaders.link import link_mentions
    from kg.loaders.summary import report_conflicts
    from kg.loaders.templates import load_templates, match_chains
    from kg.reports.sentences import SentenceReader

    chain_templates = load_templates(templates)
    counter, spool = KeyCount(), Spool(folder / "registries.bin")
    firms = Spool(folder / "firms.bin")  # each firm's key hashes and names
    documents = list(documents)
    names = set() if documents else None
    for path in registries:
        try:
            with stage(f"读取登记表 {Path(path).name}"):
                _spool_registry(path, spool, firms, counter, names, mapping=mapping,
                                report=result.report, strict=strict, **coverage)
        except SourceError as err:
            log.error("%s", err)
            result.errors.append(err)
            result.refused.append(path)
    spool.close()
    with stage("读取文件，分出只在登记表中的企业"):
        graph, deferred, doc_facts = _settle(documents, chain_templates, (spool, firms),
                                             counter, names, result, folder,
                                             home_zone=home_zone, home_region=home_region)
    del counter
    spool.path.unlink(missing_ok=True)
    firms.path.unlink(missing_ok=True)
    for facts in doc_facts:
        graph.add_facts(facts)
    del doc_facts
    with stage("链接文件提及，归类图中企业"):
        link_mentions(graph)  # document firms to registry firms, after every source is in
        report_conflicts(graph, result.report)  # codes given to different firms across files
        match_chains(graph, chain_templates)
        classify_firms(graph, sentences=SentenceReader(
            {"inputs": [{"name": Path(p).name, "path": str(p)} for p in documents]}))
    graph.bulk = BulkFirms(folder / "bulk.db")
    with stage("归类只在登记表中的企业"):
        classify_bulk(graph, deferred, graph.bulk)
    deferred.path.unlink(missing_ok=True)
    finish_coverage(graph, result.report)


def _settle(documents, chain_templates, spools, counter, names, result, folder, *, home_zone,
            home_region) -> tuple:
    """(graph, set-aside firms, document facts) once the known names the documents were
    read with are the names the graph and the set-aside firms have."""
    from kg.loaders.extract_known import registry_firm_names
    from kg.loaders.templates import template_facts

    spool, firms = spools
    known = None
    for _ in range(ATTEMPTS):
        graph = KnowledgeGraph()
        graph.add_facts(template_facts(chain_templates))
        result.graph = graph
        if documents:
            known = (names or set()) | set(registry_firm_names(graph)) if known is None else known
        doc_facts, errors = _read_documents(documents, known or (), home_zone, home_region)
        marks = document_marks((f for facts in doc_facts for f in facts), counter, graph)
        counter.settle(firms, marks)
        deferred = Spool(folder / "deferred.bin")
        short = set() if documents else None
        replay(graph, spool, counter, marks, deferred, short)
        if not documents:
            break
        now = set(registry_firm_names(graph)) | short
        if now == known:
            break
        known = now
    for path, err in errors:
        log.error("%s", err)
        result.errors.append(err)
        result.refused.append(path)
    return graph, deferred, doc_facts


def _read_documents(documents, known, home_zone, home_region) -> tuple:
    """([facts of each document], [(path, error)]) read with ``known`` firm names."""
    from kg.loaders.documents import read_document
    from kg.loaders.extract_known import extra_firms

    out, errors = [], []
    with extra_firms(known), progress(documents, label="documents") as items:
        for path in items:
            try:
                out.append(list(read_document(path, home_zone=home_zone,
                                              home_region=home_region)))
            except SourceError as err:
                errors.append((path, err))
    return out, errors


def _spool_registry(path, spool, firms, counter, names, *, mapping, report, strict, covers=None,
                    scope=None) -> None:
    """Spool one registry's facts; a big one is read by a second process meanwhile."""
    from kg import background
    from kg.build import BACKGROUND_MIN_BYTES
    from kg.facts import encode
    from kg.loaders.registry import read_registry

    kwargs = {"mapping": mapping, "strict": strict, "covers": covers, "scope": scope}
    if background.available() and Path(path).stat().st_size >= BACKGROUND_MIN_BYTES:
        facts = background.facts_in_background(read_registry, path, report=report, **kwargs)
    else:
        facts = (encode(f) for f in read_registry(path, report=report, **kwargs))
    # --strict reads the whole registry first, so a refused file adds no row at all
    spool_registry(list(facts) if strict else facts, spool, firms, counter, names)
