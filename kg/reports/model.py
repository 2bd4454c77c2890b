"""A zone's briefing as plain data: summary, chain tables, gap list and evidence.

:func:`build_report` reads the graph through :func:`kg.queries.chain_gaps`;
:func:`assemble` turns chain-gap rows (the query layer's row shape) into a
:class:`Report` that every writer (xlsx, md, html) and the lists render the same way.
Every fact a table shows points at an evidence id (``E1``, ``E2`` …) whose rows in
``report.evidence`` give the document and quote, or the registry file and row.

>>> from kg.queries.fixtures import sensor_rows
>>> report = assemble("郑州高新区", sensor_rows())
>>> report.gaps[0]["link"], report.gaps[0]["targets"][0]["name"]
('传感芯片', '郑州金芯微感科技有限公司')
>>> evidence = {e["id"]: e for e in report.evidence}
>>> first = evidence[report.gaps[0]["targets"][0]["evidence"]]
>>> first["doc"], first["where"], first["quote"]
('sample_plan.txt', '第5句', '郑州金芯微感科技有限公司')
"""
from __future__ import annotations

from dataclasses import asdict, dataclass, field

from kg.labels import source_text, where_text  # noqa: F401 — the writers' words
from kg.progress import progress
from kg.queries.gaps import local_firm_count, local_places, located_within

STAGE_ZH = {"upstream": "上游", "midstream": "中游", "downstream": "下游"}
STAGE_ORDER = {"upstream": 0, "midstream": 1, "downstream": 2}
# unknown: no local firm, but no registry covers the zone, so absence proves nothing
FACT_KEYS = ("local_firms", "local_platforms", "targets", "candidates")  # cells listing facts
STATUS_ORDER = {"gap": 0, "weak": 1, "unknown": 2}
ROLE_ZH = {"leading": "主导产业", "emerging": "新兴产业", "future": "未来产业",
           "service": "服务业", "other": "其他产业"}

# Kinds of fact a chain table shows, in column order: row key, Chinese name.
FACT_KINDS = (
    ("local_firms", "本地企业"),
    ("local_platforms", "创新平台"),
    ("targets", "文件点名的招商目标"),
    ("candidates", "登记库候选企业"),
)
# Columns of a chain table (key, header): shared by every writer.
LINK_COLUMNS = (
    ("position", "序号"), ("link", "环节"), ("stage", "链段"), ("status", "状态"),
    *FACT_KINDS, ("covered_by", "周边覆盖"),
)
GAP_COLUMNS = (
    ("stage", "链段"), ("chain", "产业链"), ("position", "序号"), ("link", "环节"),
    ("status", "状态"), ("targets", "文件点名的招商目标"), ("candidates", "登记库候选企业"),
    ("covered_by", "周边覆盖"),
)
EVIDENCE_COLUMNS = (
    ("id", "证据号"), ("chain", "产业链"), ("link", "环节"), ("kind", "类别"),
    ("name", "名称"), ("doc", "来源文件"), ("where", "位置"), ("quote", "原文"),
)
SUMMARY_COLUMNS = (("item", "项目"), ("value", "内容"))


@dataclass
class Report:
    """A zone's briefing content; writers render it, they do not query the graph."""

    zone: str
    summary: list = field(default_factory=list)   # {"item", "value"}
    chains: list = field(default_factory=list)    # {"chain", "links": [link rows], "map"}
    gaps: list = field(default_factory=list)      # link rows with "chain", sorted by stage
    evidence: list = field(default_factory=list)  # {"id", "chain", "link", "kind", "name", ...}
    built: str = ""
    panorama: str = ""  # relative address of the chain panorama page, when written

    @property
    def title(self) -> str:
        """The report's title line."""
        return f"{self.zone}产业链分析报告"

    def as_dict(self) -> dict:
        """The report as JSON-ready plain data."""
        return asdict(self)


# ---------------------------------------------------------------------- normalising rows
CANDIDATE_SEP = " — "  # kg.queries writes a candidate as "name — why"


def anchor(evidence_id: str) -> str:
    """The HTML id of an evidence row (``E3`` → ``e3``)."""
    return evidence_id.lower()


def _name_of(item) -> str:
    """The name in a chain_gaps cell (``"name — why"`` for a candidate) or evidence record."""
    if isinstance(item, dict):
        return str(item.get("name") or "")
    text = str(item)
    return text.split(CANDIDATE_SEP, 1)[0].strip() if CANDIDATE_SEP in text else text


def _why_of(item) -> str:
    """The reason a chain_gaps candidate cell gives after its name ("" for other cells)."""
    text = str(item)
    return text.split(CANDIDATE_SEP, 1)[1].strip() if CANDIDATE_SEP in text else ""


_BY_NAME: dict = {}  # id(evidence list) -> (list, {name: items}, length): one pass per row


def _items_named(evidence: list, name: str) -> list:
    """The dict items of ``evidence`` named ``name``, indexed once per list (not per name:
    a zone with 100,000 firms on a link made the report quadratic)."""
    hit = _BY_NAME.get(id(evidence))
    if hit is None or hit[0] is not evidence or hit[2] != len(evidence):
        index: dict = {}
        for item in evidence:
            if isinstance(item, dict):
                index.setdefault(_name_of(item), []).append(item)
        if len(_BY_NAME) > 256:
            _BY_NAME.clear()
        hit = _BY_NAME[id(evidence)] = (evidence, index, len(evidence))
    return hit[1].get(name, [])


def sources_for(row: dict, name: str, graph=None) -> list:
    """The sources a chain-gap row gives for ``name`` (else the graph node's sources).

    The row's ``evidence`` lists ``{"name", "role", "sources"}`` records, as
    :func:`kg.queries.chain_gaps` writes them.
    """
    found = []
    for item in _items_named(row.get("evidence") or [], name):
        found += [s for s in item.get("sources") or () if isinstance(s, dict)]
    if not found and graph is not None:
        node = graph.resolve(name)
        if node is not None:
            found = list(graph.node(node).get("sources", []))
    return found


# ---------------------------------------------------------------------- assembling
def source_key(source: dict) -> tuple:
    """What makes two sources one evidence row: document + sentence, or registry file + row.

    >>> source_key({"doc": "r.csv", "row": 3, "inferred": True}) == source_key({"doc": "r.csv", "row": 3})
    True
    """
    doc = str(source.get("doc", ""))
    if source.get("row") is not None:
        return (doc, "row", source["row"])
    if source.get("sentence") is not None:
        return (doc, "sentence", source["sentence"])
    return (doc, "quote", str(source.get("quote") or ""))


class _Evidence:
    """Evidence rows, one per distinct source; each fact points at the rows of its sources."""

    def __init__(self, report: Report, graph, sentences):
        self.report, self.graph, self.sentences = report, graph, sentences
        self.by_key: dict = {}
        self.fact_ids: dict = {}
        self.finder = FirmFinder(graph) if graph is not None else None

    def original(self, source: dict, name: str) -> str:
        """原文: the sentence of a document source; the registered record of a registry row."""
        if source.get("row") is not None:
            return registry_text(self.graph, name, self.finder, source)
        if self.sentences is not None:
            return self.sentences(source)
        return str(source.get("quote") or "")

    def ids_for(self, chain: str, row: dict, kind_zh: str, name: str) -> list:
        key = (chain, row.get("link"), kind_zh, name)
        if key in self.fact_ids:
            return self.fact_ids[key]
        ids = []
        for src in sources_for(row, name, self.graph):
            record = self.by_key.get(source_key(src))
            if record is None:
                record = self.by_key[source_key(src)] = {
                    "id": f"E{len(self.by_key) + 1}", "chain": chain, "link": row.get("link", ""),
                    "kind": kind_zh, "name": name, "doc": str(src.get("doc", "")),
                    "where": where_text(src), "quote": self.original(src, name),
                    "sentence": src.get("sentence"), "row": src.get("row")}
                self.report.evidence.append(record)
            else:  # the same sentence backs another fact: name it on the same row
                for field, value in (("chain", chain), ("link", row.get("link", "")),
                                     ("kind", kind_zh), ("name", name)):
                    if value and value not in record[field].split("、"):
                        record[field] += "、" + value
            if record["id"] not in ids:
                ids.append(record["id"])
        self.fact_ids[key] = ids
        return ids


class FirmFinder:
    """Firm nodes by their exact name, for rows that name firms (report facts, lists).

    A graph sliced from the answer index (:mod:`kg.answers`) holds registry firms without
    their name keys, so the graph's firms are scanned once by name. Registries hold firms
    of one name under several codes (in other places, or on no link): given the registry
    rows a fact was read from, :meth:`node` picks the namesake those rows belong to.

    >>> from kg.queries.fixtures import sensor_graph
    >>> FirmFinder(sensor_graph()).node("郑州森感电子科技有限公司")
    'Firm/郑州森感电子科技有限公司'
    """

    def __init__(self, graph):
        self.graph = graph
        self._by_name: dict | None = None
        self._namesakes: dict = {}
        self._owners: dict = {}

    def namesakes(self, name: str) -> list:
        """Every Firm node named ``name``; the one the graph's resolver finds first."""
        found = self._namesakes.get(name)
        if found is None:
            if self._by_name is None:
                self._by_name = {}
                for node, data in self.graph.nodes("Firm"):
                    self._by_name.setdefault(data["name"], []).append(node)
            found = list(self._by_name.get(name, ()))
            first = self.graph.resolve(name, "Firm")
            if first is not None:
                found = [first] + [n for n in found if n != first]
            self._namesakes[name] = found
        return found

    def node(self, name: str, rows=()) -> str | None:
        """The firm named ``name``; among namesakes, the first holding one of ``rows``
        ((doc, row) of registry sources)."""
        nodes = self.namesakes(name)
        if rows and len(nodes) > 1:
            owner = self._owners.get(name)
            if owner is None:  # (doc, row) -> the first namesake holding it
                owner = self._owners[name] = {}
                for node in nodes:
                    for src in self.graph.node(node).get("sources", ()):
                        owner.setdefault((src.get("doc"), src.get("row")), node)
            found = [owner[row] for row in rows if row in owner]
            if found:
                return min(found, key=nodes.index)
        return nodes[0] if nodes else None


def registry_text(graph, name: str, finder: FirmFinder | None = None, source=None) -> str:
    """A registry row in words: the registered name, address and business scope (of the
    firm that ``source``, a registry row, was read for)."""
    finder = finder or FirmFinder(graph)
    rows = [(source.get("doc"), source.get("row"))] if source else ()
    node = finder.node(name, rows) if graph is not None else None
    data = graph.node(node) if node is not None else {"name": name}
    parts = [f"企业名称：{data.get('name', name)}"]
    for key, label in (("address", "注册地址"), ("business_scope", "经营范围")):
        if data.get(key):
            parts.append(f"{label}：{data[key]}")
    return "；".join(parts)


def assemble(zone: str, chain_rows: dict, *, graph=None, summary=None, built: str = "",
             maps: dict | None = None, sentences=None) -> Report:
    """A :class:`Report` from ``{chain name: chain_gaps rows}``.

    Facts in each row become ``{"name", "evidence", "evidence_ids", "why"}`` records
    pointing at evidence rows, one row per distinct source; ``graph`` (optional) supplies
    sources the rows do not carry, ``sentences`` (a :class:`SentenceReader`) the
    sentence each document source quotes.
    """
    report = Report(zone=zone, summary=list(summary or []), built=built)
    evidence = _Evidence(report, graph, sentences)

    def fact(chain, row, kind_zh, item) -> dict:
        name = _name_of(item)
        ids = evidence.ids_for(chain, row, kind_zh, name)
        return {"name": name, "evidence": ids[0] if ids else None, "evidence_ids": ids,
                "why": _why_of(item)}

    for chain, rows in chain_rows.items():
        links = []
        for row in sorted(rows, key=lambda r: r.get("position") or 0):
            link = {"chain": chain, "position": row.get("position"), "link": row.get("link", ""),
                    "stage": row.get("stage") or "", "status": row.get("status") or "unknown",
                    "broken": bool(row.get("broken"))}
            named = {_name_of(t) for t in row.get("targets") or []}
            for kind, kind_zh in FACT_KINDS:
                # a firm the documents already name as a target is not listed again as a candidate
                link[kind] = [fact(chain, row, kind_zh, item) for item in row.get(kind) or []
                              if _name_of(item) and not (kind == "candidates"
                                                         and _name_of(item) in named)]
            # other places with firms on the link (kg.queries' ``elsewhere``)
            link["covered_by"] = [_name_of(c) for c in row.get("elsewhere") or [] if _name_of(c)]
            link["local_count"] = max(int(row.get("count") or 0), len(link["local_firms"]))
            # a row cut to the best local firms (build_report's per_link) says how many it left out
            link["more"] = ({"local_firms": link["local_count"] - len(link["local_firms"])}
                            if link["local_count"] > len(link["local_firms"]) else {})
            links.append(link)
        report.chains.append({"chain": chain, "links": links, "map": (maps or {}).get(chain)})
    report.gaps = sorted(
        (link for section in report.chains for link in section["links"]
         if link["status"] in STATUS_ORDER),
        key=lambda r: (STAGE_ORDER.get(r["stage"], 9), STATUS_ORDER[r["status"]], r["chain"],
                       r["position"] or 0))
    return report


# ---------------------------------------------------------------------- from the graph
def report_chains(graph, zone_id: str) -> list:
    """Chain node ids to report for a zone: those it develops (a region: it or the regions
    and zones inside it),
    else every chain with links."""
    def with_links(chains):
        return sorted({c for c in chains if graph.out(c, "HAS_LINK")},
                      key=lambda c: graph.node(c)["name"])
    developed = [c for where in local_places(graph, zone_id)
                 for ind in graph.out(where, "DEVELOPS") for c in graph.out(ind, "HAS_CHAIN")]
    return with_links(developed) or with_links(n for n, _ in graph.nodes("Chain"))


def summarize(graph, zone_id: str, manifest: dict | None, report: Report) -> list:
    """The summary rows: zone, region, industries by role, counts, sources, build date."""
    data = graph.node(zone_id)
    rows = [{"item": "开发区" if data["label"] == "Zone" else "地区", "value": data["name"]}]
    if data.get("aliases"):
        rows.append({"item": "别称", "value": "、".join(data["aliases"])})
    regions, frontier = [], [*graph.out(zone_id, "IN_REGION"), *graph.out(zone_id, "PART_OF")]
    while frontier:
        region = frontier.pop(0)
        if region not in regions:
            regions.append(region)
            frontier += graph.out(region, "PART_OF")
    rows.append({"item": "所在地区", "value": " / ".join(graph.node(r)["name"] for r in regions)})
    by_role: dict = {}
    for _, v, key, attrs in graph.nx.out_edges(zone_id, keys=True, data=True):
        if key == "DEVELOPS":
            by_role.setdefault(attrs.get("role") or "other", []).append(graph.node(v)["name"])
    for role in ROLE_ZH:
        if role != "other" and by_role.get(role):  # "other" is too loose for a briefing
            rows.append({"item": ROLE_ZH[role], "value": "、".join(sorted(by_role[role]))})
    located = located_within(graph, zone_id)
    links = [link for section in report.chains for link in section["links"]]
    counts = [
        # a region's local firms are its own and those of the places inside it, as kg gaps
        # counts them
        ("本地企业", local_firm_count(graph, zone_id)),
        ("本地创新平台", sum(graph.node(n)["label"] == "Platform" for n in located)),
        ("招商目标企业", len(graph.out(zone_id, "TARGETS"))),
        ("报告产业链", len(report.chains)),
        ("产业链环节", len(links)),
        ("缺链环节", sum(link["status"] == "gap" for link in links)),
        ("薄弱环节", sum(link["status"] == "weak" for link in links)),
        ("未知环节", sum(link["status"] == "unknown" for link in links)),
    ]
    rows += [{"item": f"{name}数", "value": n} for name, n in counts]
    if manifest and manifest.get("inputs"):
        sources = [f"{i.get('name')}（{i.get('kind', '')}）" if i.get("kind") else str(i.get("name"))
                   for i in manifest["inputs"]]
    else:
        sources = sorted(d["name"] for _, d in graph.nodes("Document"))
    rows.append({"item": "资料来源", "value": "；".join(sources) or "（无）"})
    rows.append({"item": "图谱构建日期", "value": (manifest or {}).get("built", "")[:10]})
    return rows


def more_text(row: dict, key: str) -> str:
    """"…及其他 N 家" when a report row lists only part of ``key`` (else empty).

    >>> more_text({"more": {"local_firms": 1200}}, "local_firms")
    '…及其他 1,200 家'
    """
    n = (row.get("more") or {}).get(key)
    return f"…及其他 {n:,} 家" if n else ""


def best_local(graph, rows: list, chain_id: str, zone_id: str, per_link: int) -> list:
    """``chain_gaps`` rows whose local firms are cut to the ``per_link`` best placed
    (``count`` still counts them all), with the evidence of those firms: what a briefing
    lists; exports list the rest."""
    from kg.queries.common import chain_links
    from kg.queries.gaps import local_evidence, local_places, ranked_local

    wheres = local_places(graph, zone_id)
    ids = {graph.node(link)["name"]: link for _, link in chain_links(graph, chain_id)}
    out = []
    for row in rows:
        link = ids.get(row.get("link"))
        if link is not None and row.get("count", len(row.get("local_firms") or ())) > per_link:
            firms = ranked_local(graph, link, wheres, per_link)
            evidence = [e for e in row.get("evidence") or () if e.get("role") != "local firm"]
            row = dict(row, local_firms=[graph.node(f)["name"] for f in firms],
                       evidence=local_evidence(graph, firms, link, wheres) + evidence)
        out.append(row)
    return out


def build_report(graph, zone: str, chains=(), *, manifest: dict | None = None,
                 weak_below: int = 1, per_link: int | None = None) -> Report:
    """A zone's report over ``chains`` (names; all reportable chains when empty).

    ``per_link`` lists only that many local firms a link (the best placed) and counts
    the rest ("…及其他 N 家"); None lists them all.
    """
    from kg.queries import chain_gaps

    zone_id = graph.resolve(zone, "Zone") or graph.resolve(zone, "Region") \
        or graph.find(zone, "Zone")
    chain_ids = [graph.find(c, "Chain") for c in chains] or report_chains(graph, zone_id)
    zone_name = graph.node(zone_id)["name"]
    chain_rows = {}
    with progress(chain_ids, label="chains") as bar:
        for chain_id in bar:
            name = graph.node(chain_id)["name"]
            rows = chain_gaps(graph, name, zone_name, weak_below=weak_below)
            if per_link is not None:
                rows = best_local(graph, rows, chain_id, zone_id, per_link)
            chain_rows[name] = rows
    from kg.reports.sentences import SentenceReader

    report = assemble(zone_name, chain_rows, graph=graph,
                      built=(manifest or {}).get("built", "")[:10],
                      sentences=SentenceReader(manifest))
    report.summary = summarize(graph, zone_id, manifest, report)
    return report
