"""Build a graph from documents, registries and chain templates, and save it as a workspace.

The library function behind ``kg build``: load every source through its loader,
join document chains to templates, place firms on chain links, then write the
workspace (graph, RDF, embedded Cypher store, manifest).

>>> from kg.build import sample_documents
>>> len(sample_documents())
5
"""
from __future__ import annotations

import logging
from dataclasses import dataclass, field
from importlib.resources import files
from pathlib import Path

from kg.errors import KGError, SourceError
from kg.gc_pause import gc_paused
from kg.graph import KnowledgeGraph
from kg.progress import progress
from kg.workspace import Workspace, input_record

log = logging.getLogger("kg.build")


def sample_documents() -> list:
    """The bundled sample documents (郑州高新区 and 新乡市), sorted by name."""
    folder = Path(str(files("kg.data").joinpath("corpus")))
    return sorted(folder.glob("*.txt"))


def sample_registry() -> Path:
    """The bundled illustrative registry of fictional firms (企业名称/注册地址/经营范围)."""
    return Path(str(files("kg.data").joinpath("sample_registry.csv")))


@dataclass
class BuildResult:
    """What a build made: the graph, its manifest, and the sources that failed.

    After a streaming build (a big registry, kg.build_stream) ``graph`` holds every node
    but the registry firms nothing else touches; ``graph.counts()`` counts those too, and
    the workspace holds them all.
    """

    graph: KnowledgeGraph
    manifest: dict = field(default_factory=dict)
    errors: list = field(default_factory=list)
    report: list = field(default_factory=list)
    refused: list = field(default_factory=list)  # the input paths the errors came from


STREAM_MIN_BYTES = 8 << 20  # a registry this big: its bulk firms stay out of networkx


def streams(registries) -> bool:
    """Whether a build of these registries takes the streaming path (kg.build_stream):
    when one of them is big (about 50,000 firms and more)."""
    return any(Path(p).is_file() and Path(p).stat().st_size >= STREAM_MIN_BYTES
               for p in registries)


def build_graph(documents=(), registries=(), *, templates=None, home_zone=None,
                home_region=None, mapping=None, strict=False, result: BuildResult | None = None,
                coverage: dict | None = None, stream: bool | None = None) -> BuildResult:
    """Load sources into a new graph; an unreadable source is reported, the rest still load.

    ``documents`` are .txt/.html/.docx/.pdf paths; ``registries`` .csv/.xlsx/.jsonl;
    ``templates`` YAML chain templates (the shipped ones when None); ``coverage``
    ``{"covers": [places], "scope": [chains]}`` declares the registries a census.
    ``stream`` (default: for a big registry) keeps the registries' bulk firms out of the
    graph, in ``result.graph.bulk`` (kg.build_stream); call its ``close()`` when done.
    """
    registries = list(registries)
    if stream is None:
        stream = streams(registries)
    with gc_paused():
        if stream:
            from kg.build_stream import build_streaming

            return build_streaming(documents, registries, templates=templates,
                                   home_zone=home_zone, home_region=home_region,
                                   mapping=mapping, strict=strict,
                                   result=result or BuildResult(KnowledgeGraph()),
                                   coverage=coverage or {})
        return _build_graph(documents, registries, templates=templates, home_zone=home_zone,
                            home_region=home_region, mapping=mapping, strict=strict,
                            result=result or BuildResult(KnowledgeGraph()),
                            coverage=coverage or {})


def _build_graph(documents, registries, *, templates, home_zone, home_region, mapping, strict,
                 result: BuildResult, coverage: dict) -> BuildResult:
    from kg.classify import classify_firms
    from kg.loaders.documents import read_document
    from kg.reports.sentences import SentenceReader
    from kg.loaders.extract_known import extra_firms, registry_firm_names
    from kg.loaders.coverage import finish_coverage
    from kg.loaders.link import link_mentions
    from kg.loaders.summary import report_conflicts
    from kg.loaders.templates import load_templates, match_chains, template_facts

    graph = result.graph
    chain_templates = load_templates(templates)
    graph.add_facts(template_facts(chain_templates))
    for path in registries:
        try:
            add_registry(graph, path, mapping=mapping, report=result.report, strict=strict,
                         **coverage)
        except SourceError as err:
            log.error("%s", err)
            result.errors.append(err)
            result.refused.append(path)
    # the registries' firm short names are known names while documents are read
    # (collected only when there are documents: a registry-only build skips a pass over its firms)
    documents = list(documents)
    known = registry_firm_names(graph) if documents else ()
    with extra_firms(known), progress(documents, label="documents") as items:
        for path in items:
            try:
                graph.add_facts(read_document(path, home_zone=home_zone, home_region=home_region))
            except SourceError as err:
                log.error("%s", err)
                result.errors.append(err)
                result.refused.append(path)
    link_mentions(graph)  # document firms to registry firms, after every source is in
    report_conflicts(graph, result.report)  # codes given to different firms across files
    match_chains(graph, chain_templates)
    # a target's sentence names the links it is sought for (kg.targets.focus_text)
    classify_firms(graph, sentences=SentenceReader(
        {"inputs": [{"name": Path(p).name, "path": str(p)} for p in documents]}))
    finish_coverage(graph, result.report)
    return result


BACKGROUND_MIN_BYTES = 4 << 20  # a registry this big is read in a second process


def add_registry(graph, path, *, mapping, report, strict, covers=None, scope=None) -> None:
    """Add a registry's facts; a big one is read by a second process meanwhile.

    --strict reads the whole registry first, so a refused file adds no row at all;
    otherwise rows stream in, and a million of them never sit in a list.
    """
    from kg import background
    from kg.loaders.registry import read_registry

    if background.available() and Path(path).stat().st_size >= BACKGROUND_MIN_BYTES:
        facts = background.facts_in_background(read_registry, path, mapping=mapping,
                                               report=report, strict=strict, covers=covers,
                                               scope=scope)
        for fact in list(facts) if strict else facts:
            graph.add_encoded(fact)
        return
    facts = read_registry(path, mapping=mapping, report=report, strict=strict, covers=covers,
                          scope=scope)
    graph.add_facts(list(facts) if strict else facts)


def build(documents=(), registries=(), *, workspace=None, templates=None, home_zone=None,
          home_region=None, mapping=None, strict=False, coverage: dict | None = None,
          partial=False, stream: bool | None = None) -> BuildResult:
    """Build the graph and write it as the workspace's new generation.

    With no documents and no registries, builds the bundled sample documents and the
    illustrative sample registry. When any input is refused, nothing is published and
    the previous generation stays current (a KGError names each input and what to
    change), unless ``partial``: then the inputs that loaded are published.
    """
    documents, registries = list(documents), list(registries)
    if not documents and not registries:
        documents, registries = sample_documents(), [sample_registry()]
    for path in [*documents, *registries, *(templates or [])]:
        if not Path(path).exists():
            raise SourceError(path, "no such file")
    result = build_graph(documents, registries, templates=templates, home_zone=home_zone,
                         home_region=home_region, mapping=mapping, strict=strict,
                         coverage=coverage, stream=stream)
    try:
        _publish(result, documents, registries, workspace=workspace, templates=templates,
                 home_zone=home_zone, home_region=home_region, mapping=mapping,
                 coverage=coverage, partial=partial)
    finally:
        if result.graph.bulk is not None:  # the streaming build's bulk firms: written now
            result.graph.bulk.close()
    return result


def _publish(result, documents, registries, *, workspace, templates, home_zone, home_region,
             mapping, coverage, partial) -> None:
    """Write the built graph as the workspace's new generation (nothing when refused)."""
    if result.errors and not partial:
        raise KGError(refusal_message(result.errors))
    # the refused input paths as the loop saw them (an error names a file by its base name)
    failed = {_same_file(p) for p in result.refused}
    inputs = [input_record(p, "document") for p in documents if _same_file(p) not in failed]
    inputs += [input_record(p, "registry") for p in registries if _same_file(p) not in failed]
    inputs += [input_record(p, "template") for p in templates or []]
    if not inputs:
        raise KGError("nothing could be loaded; the workspace is unchanged")
    from kg.index import write_index
    from kg.stores.embedded import write_embedded

    writers = [write_embedded, write_index]  # write_index: per-link / per-place answers
    ws = Workspace(workspace)
    options = {"home_zone": home_zone, "home_region": home_region, "mapping": mapping or {},
               "coverage": coverage or {}}
    with gc_paused():
        result.manifest = ws.save(result.graph, inputs, options=options, extra_writers=writers,
                                  report=result.report)


def _same_file(path) -> str:
    """One spelling per file, so an error's path matches the input it came from."""
    return str(Path(path).resolve())


def refusal_message(errors: list) -> str:
    """What a refused build says: each input and why, and that nothing was published.

    >>> refusal_message([SourceError("a.csv", "no firm name column", hint="pass --map 名称=name")])
    'nothing was published; the previous workspace stays current. Refused: a.csv: no firm name column; pass --map 名称=name. Fix the input(s), or pass --partial to publish the rest'
    """
    reasons = "; ".join(str(err) for err in errors)
    return (f"nothing was published; the previous workspace stays current. Refused: {reasons}. "
            f"Fix the input(s), or pass --partial to publish the rest")
