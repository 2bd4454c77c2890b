"""What a workspace was built from, and what is in it: the manifest read for ``add`` and ``stats``.

>>> m = {"inputs": [{"path": "/d/规划.txt", "kind": "document"},
...                 {"path": "/d/firms.csv", "kind": "registry"}],
...      "options": {"home_zone": "郑州高新区", "mapping": {"公司": "name"},
...                  "coverage": {"covers": ["郑州高新区"], "scope": []}},
...      "counts": {"nodes": {"Firm": 3}, "relations": {"LOCATED_IN": 2}}}
>>> b = previous_build(m)
>>> b["documents"], b["registries"], b["zone"], b["covers"]
(['/d/规划.txt'], ['/d/firms.csv'], '郑州高新区', ['郑州高新区'])
>>> manifest_stats(m)
[{'kind': 'node', 'type': 'Firm', 'number': 3}, {'kind': 'relation', 'type': 'LOCATED_IN', 'number': 2}]
"""
from __future__ import annotations


def previous_build(manifest: dict) -> dict:
    """The inputs and options of the build a manifest records, as ``build`` takes them."""
    by_kind: dict = {"document": [], "registry": [], "template": []}
    for item in manifest.get("inputs", []):
        by_kind.setdefault(item.get("kind"), []).append(item["path"])
    options = manifest.get("options") or {}
    coverage = options.get("coverage") or {}
    return {"documents": by_kind["document"], "registries": by_kind["registry"],
            "templates": by_kind["template"], "mapping": options.get("mapping") or {},
            "zone": options.get("home_zone"), "region": options.get("home_region"),
            "covers": list(coverage.get("covers") or []), "scope": list(coverage.get("scope") or [])}


def manifest_stats(manifest: dict) -> list:
    """``kg stats`` rows: nodes per label, then relations per type, as the manifest counts them
    (``number``, not ``count``: a table heads ``count`` 企业数, as the listing commands use it)."""
    rows = [{"kind": "node", "type": k, "number": v} for k, v in manifest["counts"]["nodes"].items()]
    rows += [{"kind": "relation", "type": k, "number": v}
             for k, v in manifest["counts"]["relations"].items()]
    return rows


def stats_rows(workspace) -> list:
    """``kg stats`` rows of a workspace (a stale one is refused; the graph is not loaded)."""
    workspace.check_current()
    return manifest_stats(workspace.manifest())
