"""The five lists provincial chain offices ask for beside a chain map.

河南's 六图六清单 and 山东's 1个图谱+N张清单 pair each chain map with lists; these are
the ones a graph can fill: 龙头企业清单, 配套企业清单, 补短板环节清单, 创新平台清单,
招商目标清单. Each row names its source (document and quote, or registry row).

A local firm on a reported chain is **龙头** when it is a listed company (it has a stock
code) or a source quote calls it 龙头 / 链主 / 领军 / 头部; every other local firm on
the chain is **配套**. See docs/reports.md.

>>> from kg.queries.fixtures import sensor_graph, sensor_rows
>>> from kg.reports.model import assemble
>>> g = sensor_graph()
>>> lists = build_lists(g, assemble("郑州高新区", sensor_rows(g), graph=g))
>>> [row["企业"] for row in lists["龙头企业清单"]]
['郑州华测传感技术有限公司']
>>> [row["环节"] for row in lists["补短板环节清单"]]
['传感芯片', '传感器材料']
"""
from __future__ import annotations

import csv
from pathlib import Path

from kg.labels import PLATFORM_KIND_ZH
from kg.output import safe_cell
from kg.labels import STATUS_ZH
from kg.reports.model import STAGE_ZH, FirmFinder, Report, source_text

LIST_NAMES = ("龙头企业清单", "配套企业清单", "补短板环节清单", "创新平台清单", "招商目标清单")
LEADER_WORDS = ("龙头", "链主", "领军", "头部")
WORKBOOK = "产业链清单.xlsx"


def _sources(report: Report) -> dict:
    by_id: dict = {}
    for ev in report.evidence:
        by_id.setdefault(ev["id"], []).append(ev)
    return by_id


def _source_of(facts, by_id) -> str:
    texts = []
    for fact in facts:
        ids = fact.get("evidence_ids") or ([fact["evidence"]] if fact.get("evidence") else [])
        for ev in (e for i in ids for e in by_id.get(i, [])):
            text = source_text({"doc": ev["doc"], "sentence": ev.get("sentence"),
                                "row": ev.get("row"), "quote": ev.get("quote")})
            if text not in texts:
                texts.append(text)
    return "；".join(texts)


def leader_basis(graph, name: str, sentences=None, finder: FirmFinder | None = None,
                 rows=()) -> str:
    """Why a firm is 龙头 (empty when it is not): a stock code, or a sentence that says so.

    ``sentences`` (a :class:`kg.reports.sentences.SentenceReader`) widens each of the
    firm's sources to its sentence; without it the sources' quotes are read. ``rows``
    (registry rows the firm was listed from) tell namesakes apart (:class:`FirmFinder`).

    >>> from kg.queries.fixtures import sensor_graph
    >>> leader_basis(sensor_graph(), "郑州森感电子科技有限公司")  # unlisted, called no leader
    ''
    """
    if graph is None:
        return ""
    node = (finder or FirmFinder(graph)).node(name, rows)
    if node is None:
        return ""
    data = graph.node(node)
    if data.get("stock_code"):
        return f"上市公司（{data['stock_code']}）"
    sources = list(data.get("sources", []))
    for _, _, attrs in graph.nx.out_edges(node, data=True):
        sources += attrs.get("sources", [])
    for src in sources:
        text = (sentences(src) if sentences is not None else None) or src.get("quote") or ""
        # the sentence must name the firm itself, not only speak of 龙头企业 in general
        if data["name"] not in text and name not in text:
            continue
        for word in LEADER_WORDS:
            if word in text:
                return f"文件称{word}：「{text}」"
    return ""


def presumed_leader(graph, chain: str, firms: dict, finder: FirmFinder | None = None) -> tuple:
    """(name, basis) of the one local firm that leads a chain on the graph's evidence; or ("", "").

    Used only for a chain where no local firm is listed or called 龙头 by a document:
    with no size figures at hand, chain offices rank local firms by how much of the
    chain they cover. The firm must beat every other local firm on the chain on
    (links of this chain, their placement score, links on all chains, words matched),
    and at least two local firms must be on the chain; the basis says it is presumed.
    """
    ranked = []
    finder = finder or FirmFinder(graph)
    for name, entry in firms.items():
        links = {link for c, link in zip(entry["chains"], entry["links"]) if c == chain}
        if links:
            node = finder.node(name, entry.get("rows", ()))
            ranked.append((_standing(graph, node, chain, links), name))
    ranked.sort(reverse=True)
    if len(ranked) < 2 or ranked[0][0] == ranked[1][0]:
        return "", ""
    (n_links, score, all_links, _), name = ranked[0]
    return name, (f"推定：{chain}本地企业中覆盖环节最多、匹配得分最高（本链 {n_links} 个环节，"
                  f"得分 {score:g}；共在 {all_links} 个环节），待核实")


def _standing(graph, node: str | None, chain: str, links: set) -> tuple:
    score, all_links, words = 0.0, 0, 0
    if node is not None:
        for _, link, rel, attrs in graph.nx.out_edges(node, keys=True, data=True):
            if rel != "OPERATES_IN":
                continue
            all_links += 1
            words += len(attrs.get("matched") or ())
            data = graph.node(link)
            if data["name"] in links and data.get("chain", chain) == chain:
                score += float(attrs.get("score") or 0)
    return (len(links), round(score, 6), all_links, words)


def listed_firm_links(workspace, zone: str, chains=()) -> int:
    """How many (local firm, link) pairs `kg lists` of ``zone`` would list: counted from
    the answer index's statistics (one firm a link read), before any firm list is loaded."""
    from kg.answers import for_report
    from kg.reports.model import build_report

    graph = for_report(workspace, zone, chains, candidates=0, per_link=1)
    report = build_report(graph, zone, chains, manifest=workspace.manifest(), per_link=1)
    return sum(link["local_count"] for section in report.chains for link in section["links"])


def build_lists(graph, report: Report, sentences=None) -> dict:
    """``{list name: rows}`` for the report's zone and chains (rows keyed by column name).

    An empty list holds one row whose 说明 says why (:func:`empty_reason`).
    """
    by_id = _sources(report)
    firms: dict = {}
    platforms: dict = {}
    for section in report.chains:
        for link in section["links"]:
            for fact in link["local_firms"]:
                entry = firms.setdefault(fact["name"], {"chains": [], "links": [], "facts": []})
                entry["chains"].append(section["chain"])
                entry["links"].append(link["link"])
                entry["facts"].append(fact)
            for fact in link["local_platforms"]:
                entry = platforms.setdefault(fact["name"], {"chains": [], "links": [], "facts": []})
                entry["chains"].append(section["chain"])
                entry["links"].append(link["link"])
                entry["facts"].append(fact)

    leaders, suppliers = _leaders_and_suppliers(graph, report, firms, by_id, sentences)
    gaps = [{"序号": n, "产业链": g["chain"], "链段": STAGE_ZH.get(g["stage"], g["stage"]),
             "环节": g["link"], "状态": STATUS_ZH.get(g["status"], g["status"]),
             "招商目标": "、".join(f["name"] for f in g["targets"]),
             "候选企业": "、".join(f["name"] for f in g["candidates"]),
             "周边覆盖": "、".join(g["covered_by"]),
             "来源": _source_of(g["targets"] + g["candidates"], by_id)}
            for n, g in enumerate(report.gaps, 1)]
    platform_rows = []
    for name, entry in platforms.items():
        node = graph.resolve(name, "Platform") if graph is not None else None
        kind = graph.node(node).get("kind", "") if node is not None else ""
        kind = PLATFORM_KIND_ZH.get(kind, kind)
        platform_rows.append({"序号": len(platform_rows) + 1, "平台": name, "类型": kind,
                              "产业链": _uniq(entry["chains"]), "支撑环节": _uniq(entry["links"]),
                              "来源": _source_of(entry["facts"], by_id)})
    targets = []
    for section in report.chains:
        for link in section["links"]:
            for kind, label in (("targets", "文件点名"), ("candidates", "登记库候选")):
                for fact in link[kind]:
                    targets.append({"序号": len(targets) + 1, "企业": fact["name"], "类别": label,
                                    "产业链": section["chain"], "环节": link["link"],
                                    "环节状态": STATUS_ZH.get(link["status"], link["status"]),
                                    "理由": fact.get("why", ""),
                                    "来源": _source_of([fact], by_id)})
    lists = dict(zip(LIST_NAMES, (leaders, suppliers, gaps, platform_rows, targets)))
    for name, rows in lists.items():
        if not rows:
            rows.append({"序号": "", "说明": empty_reason(name, report, firms)})
    return lists


def _leaders_and_suppliers(graph, report, firms: dict, by_id: dict, sentences) -> tuple:
    """Local firms split into 龙头 (listed, called so, or presumed per chain) and 配套."""
    finder = FirmFinder(graph) if graph is not None else None
    for entry in firms.values():  # the registry rows each firm was listed from
        entry["rows"] = {(ev["doc"], ev["row"]) for fact in entry["facts"]
                         for i in fact.get("evidence_ids") or ()
                         for ev in by_id.get(i, ()) if ev.get("row") is not None}
    basis = {name: leader_basis(graph, name, sentences, finder, entry["rows"])
             for name, entry in firms.items()}
    for section in report.chains:
        chain = section["chain"]
        on_chain = {n: e for n, e in firms.items() if chain in e["chains"]}
        if not any(basis[n] for n in on_chain):
            name, why = presumed_leader(graph, chain, on_chain, finder)
            if name:
                basis[name] = why
    leaders, suppliers = [], []
    for name, entry in firms.items():
        node = finder.node(name, entry["rows"]) if finder is not None else None
        data = graph.node(node) if node is not None else {}
        row = {"企业": name, "全称": data.get("name", name) if data.get("name") != name else "",
               "股票代码": data.get("stock_code", ""), "产业链": _uniq(entry["chains"]),
               "环节": _uniq(entry["links"])}
        if basis[name]:
            leaders.append({"序号": len(leaders) + 1, **row, "判定依据": basis[name],
                            "来源": _source_of(entry["facts"], by_id)})
        else:
            suppliers.append({"序号": len(suppliers) + 1, **row,
                              "来源": _source_of(entry["facts"], by_id)})
    return leaders, suppliers


def _uniq(items) -> str:
    return "、".join(dict.fromkeys(items))


def empty_reason(name: str, report: Report, firms: dict) -> str:
    """Why a list has no row, in the words of the list.

    >>> from kg.reports.model import Report
    >>> empty_reason("创新平台清单", Report(zone="郑州高新区"), {})
    '（无）所列产业链尚无环节'
    """
    chains = "、".join(s["chain"] for s in report.chains)
    if not report.chains or not any(s["links"] for s in report.chains):
        return "（无）所列产业链尚无环节"
    if name in ("龙头企业清单", "配套企业清单") and not firms:
        return f"（无）图谱中{report.zone}在{chains}的环节上没有本地企业"
    reasons = {
        "龙头企业清单": "本地企业均无股票代码、文件未称其为龙头/链主，且每条链本地企业不足两家，无从推定",
        "配套企业清单": "本地企业均已列入龙头企业清单",
        "补短板环节清单": f"{chains}各环节均有本地企业，或缺少覆盖{report.zone}的名录而状态未知",
        "创新平台清单": f"图谱中没有位于{report.zone}、支撑{chains}环节的平台",
        "招商目标清单": f"文件未点名{chains}的招商目标，名录中也没有本地以外的候选企业",
    }
    return "（无）" + reasons.get(name, "图谱中没有相应数据")


COLUMNS = {
    "龙头企业清单": ("序号", "企业", "全称", "股票代码", "产业链", "环节", "判定依据", "来源"),
    "配套企业清单": ("序号", "企业", "全称", "股票代码", "产业链", "环节", "来源"),
    "补短板环节清单": ("序号", "产业链", "链段", "环节", "状态", "招商目标", "候选企业", "周边覆盖", "来源"),
    "创新平台清单": ("序号", "平台", "类型", "产业链", "支撑环节", "来源"),
    "招商目标清单": ("序号", "企业", "类别", "产业链", "环节", "环节状态", "理由", "来源"),
}


def _cells(name: str, row: dict) -> list:
    """A list row as cells in its columns; a note row puts its 说明 in the second column."""
    columns = COLUMNS[name]
    if "说明" in row:
        return ["", row["说明"]] + [""] * (len(columns) - 2)
    return [row.get(c) for c in columns]


def write_lists(lists: dict, folder) -> list:
    """One CSV per list (UTF-8 with BOM, so Excel reads Chinese) and one workbook of five sheets.

    All or nothing: every file is written in a staging folder first and moved into
    ``folder`` only when all of them are written, so a failure leaves the old lists.
    """
    import shutil
    import tempfile

    from openpyxl import Workbook

    from kg.reports.xlsx import write_table
    from kg.sheets import CellCleaner

    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".kg-lists-", dir=folder))
    try:
        clean = CellCleaner()
        wb = Workbook()
        wb.remove(wb.active)
        names = []
        for name in LIST_NAMES:
            columns = COLUMNS[name]
            rows = [dict(zip(columns, _cells(name, row))) for row in lists.get(name, [])]
            with open(staging / f"{name}.csv", "w", encoding="utf-8-sig", newline="") as handle:
                writer = csv.writer(handle)
                writer.writerow(columns)
                writer.writerows([safe_cell(row.get(c)) for c in columns] for row in rows)
            names.append(f"{name}.csv")
            write_table(wb.create_sheet(name), [(c, c) for c in columns], rows, clean=clean)
        wb.save(staging / WORKBOOK)
        names.append(WORKBOOK)
        clean.report(str(folder / WORKBOOK))
        written = []
        for name in names:
            (staging / name).replace(folder / name)
            written.append(folder / name)
        return written
    finally:
        shutil.rmtree(staging, ignore_errors=True)
