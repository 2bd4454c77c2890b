"""What a build did with each input file, for ``kg build`` to print and the manifest to keep.

``summarise(report)`` counts the row report of :mod:`kg.loaders.registry` per file:
rows read and loaded, rows merged into a firm seen before, code conflicts, rows refused;
``problems(report)`` lists the entries a user should read (a row not loaded, a value
ignored, a conflict), each with its file and row.

>>> rep = [{"file": "f.csv", "row": None, "field": None, "action": "rows", "read": 3,
...         "loaded": 2, "message": ""},
...        {"file": "f.csv", "row": 2, "field": None, "action": "skipped", "message": "bad"}]
>>> summarise(rep)
[{'file': 'f.csv', 'read': 3, 'loaded': 2, 'merged': 0, 'conflicts': 0, 'refused': 1}]
>>> [format_problem(p) for p in problems(rep)]
['f.csv 第2行: bad']
"""
from __future__ import annotations

# report actions a user should read, most serious first
PROBLEM_ACTIONS = ("conflict", "skipped", "unrecoverable", "formula", "hidden", "header", "ignored",
                   "swapped", "replaced", "added")


def summarise(report: list) -> list:
    """One row per file: read, loaded, merged, conflicts, refused (in the report's order)."""
    rows: dict = {}
    for entry in report:
        row = rows.setdefault(entry["file"], {"file": entry["file"], "read": 0, "loaded": 0,
                                              "merged": 0, "conflicts": 0, "refused": 0})
        action = entry["action"]
        if action == "rows":
            row["read"] += entry.get("read", 0)
            row["loaded"] += entry.get("loaded", 0)
        elif action == "merged":
            row["merged"] += 1
        elif action == "conflict":
            row["conflicts"] += 1
        elif action == "skipped" and entry.get("row") is not None:
            row["refused"] += 1
            # a row the row layer could not read never reached the counter of rows read
            if str(entry.get("message", "")).startswith("line "):
                row["read"] += 1
    return list(rows.values())


def report_conflicts(graph, report: list) -> list:
    """Add to ``report`` the code conflicts the graph found across files (a loader reports
    those within one file itself), each naming both firms with their file and row."""
    reported = {e["message"].split()[0] for e in report if e["action"] == "conflict"}
    added = []
    for key, nodes in sorted((graph.nx.graph.get("conflicts") or {}).items()):
        if key in reported or len(nodes) < 2:
            continue
        where = []
        for node in nodes:
            data = graph.node(node)
            row = next((s for s in data.get("sources", ()) if "row" in s), {})
            where.append((data["name"], row.get("doc", "?"), row.get("row")))
        _, doc, row = where[0]
        text = "、".join(f"{name!r} ({d} row {r})" for name, d, r in where)
        added.append({"file": doc, "row": row, "field": None, "action": "conflict",
                      "message": f"{key} is given to {text}: different firms in different files, "
                                 f"none keyed by {key}; each carries the conflict"})
    report.extend(added)
    return added


def problems(report: list) -> list:
    """The report entries worth a user's attention, most serious kinds first."""
    order = {a: i for i, a in enumerate(PROBLEM_ACTIONS)}
    found = [e for e in report if e["action"] in order]
    return sorted(found, key=lambda e: order[e["action"]])


def format_problem(entry: dict) -> str:
    """One problem as a line: file, row (when there is one) and message."""
    where = entry["file"] + (f" 第{entry['row']}行" if entry.get("row") else "")
    return f"{where}: {entry['message']}"


__all__ = ["format_problem", "problems", "report_conflicts", "summarise"]
