"""The five lists provincial chain offices ask for beside a chain map.

河南's 六图六清单 and 山东's 1个图谱+N张清单 pair each chain map with lists; these are
the ones a graph can fill: 龙头企业清单, 配套企业清单, 补短板环节清单, 创新平台清单,
招商目标清单. Each row names its source (document and quote, or registry row).

A local firm on a reported chain is **龙头** when it is a listed company (it has a stock
code) or a source quote calls it 龙头 / 链主 / 领军 / 头部; every other local firm on
the chain is **配套**. See docs/reports.md.

>>> from kg.reports.sample import sample_graph, sample_rows
>>> from kg.reports.model import assemble
>>> g = sample_graph()
>>> lists = build_lists(g, assemble("郑州高新区", sample_rows(), graph=g))
>>> [row["企业"] for row in lists["龙头企业清单"]]
['汉威科技', '新天科技', '光力科技']
>>> lists["补短板环节清单"][0]["环节"]
'传感器材料'
"""
from __future__ import annotations

import csv
from pathlib import Path

from kg.atomic import atomic_path
from kg.output import safe_cell
from kg.reports.model import STAGE_ZH, STATUS_ZH, Report, source_text

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
        for ev in by_id.get(fact.get("evidence"), []):
            text = source_text({"doc": ev["doc"], "sentence": ev.get("sentence"),
                                "row": ev.get("row"), "quote": ev.get("quote")})
            if text not in texts:
                texts.append(text)
    return "；".join(texts)


def leader_basis(graph, name: str) -> str:
    """Why a firm is 龙头 (empty when it is not): a stock code, or a quote that says so.

    >>> from kg.reports.sample import sample_graph
    >>> leader_basis(sample_graph(), "汉威科技")
    '上市公司（300007）'
    """
    node = graph.resolve(name, "Firm") if graph is not None else None
    if node is None:
        return ""
    data = graph.node(node)
    if data.get("stock_code"):
        return f"上市公司（{data['stock_code']}）"
    sources = list(data.get("sources", []))
    for _, _, attrs in graph.nx.out_edges(node, data=True):
        sources += attrs.get("sources", [])
    for src in sources:
        quote = src.get("quote") or ""
        for word in LEADER_WORDS:
            if word in quote:
                return f"文件称{word}：「{quote}」"
    return ""


def build_lists(graph, report: Report) -> dict:
    """``{list name: rows}`` for the report's zone and chains (rows keyed by column name)."""
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

    def uniq(items):
        return "、".join(dict.fromkeys(items))

    leaders, suppliers = [], []
    for name, entry in firms.items():
        basis = leader_basis(graph, name)
        node = graph.resolve(name, "Firm") if graph is not None else None
        data = graph.node(node) if node is not None else {}
        row = {"企业": name, "全称": data.get("name", name) if data.get("name") != name else "",
               "股票代码": data.get("stock_code", ""), "产业链": uniq(entry["chains"]),
               "环节": uniq(entry["links"])}
        if basis:
            leaders.append({"序号": len(leaders) + 1, **row, "判定依据": basis,
                            "来源": _source_of(entry["facts"], by_id)})
        else:
            suppliers.append({"序号": len(suppliers) + 1, **row,
                              "来源": _source_of(entry["facts"], by_id)})
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
        platform_rows.append({"序号": len(platform_rows) + 1, "平台": name, "类型": kind,
                              "产业链": uniq(entry["chains"]), "支撑环节": uniq(entry["links"]),
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
    return dict(zip(LIST_NAMES, (leaders, suppliers, gaps, platform_rows, targets)))


COLUMNS = {
    "龙头企业清单": ("序号", "企业", "全称", "股票代码", "产业链", "环节", "判定依据", "来源"),
    "配套企业清单": ("序号", "企业", "全称", "股票代码", "产业链", "环节", "来源"),
    "补短板环节清单": ("序号", "产业链", "链段", "环节", "状态", "招商目标", "候选企业", "周边覆盖", "来源"),
    "创新平台清单": ("序号", "平台", "类型", "产业链", "支撑环节", "来源"),
    "招商目标清单": ("序号", "企业", "类别", "产业链", "环节", "环节状态", "理由", "来源"),
}


def write_lists(lists: dict, folder) -> list:
    """One CSV per list (UTF-8 with BOM, so Excel reads Chinese) and one workbook of five sheets."""
    from openpyxl import Workbook

    from kg.reports.xlsx import write_table

    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    wb = Workbook()
    wb.remove(wb.active)
    for name in LIST_NAMES:
        columns = COLUMNS[name]
        rows = lists.get(name, [])
        path = folder / f"{name}.csv"
        with open(path, "w", encoding="utf-8-sig", newline="") as handle:
            writer = csv.writer(handle)
            writer.writerow(columns)
            for row in rows:
                writer.writerow([safe_cell(row.get(c)) for c in columns])
        written.append(path)
        write_table(wb.create_sheet(name), [(c, c) for c in columns], rows)
    book = folder / WORKBOOK
    with atomic_path(book) as tmp:
        wb.save(tmp)
    return written + [book]
