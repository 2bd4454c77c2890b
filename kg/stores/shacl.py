"""``kg validate``: the SHACL shapes of ``ontology/shapes.ttl`` on the workspace graph.

pySHACL validates the union of all named graphs. Each violation names the focus
node (as a node id where it is one), the shape, the path, the message and the
sources the node came from, so a user can go and fix the input.

>>> from kg import KnowledgeGraph
>>> g = KnowledgeGraph(); _ = g.add_entity("Region", "郑州市")
>>> [(v["node"], v["message"]) for v in validate(g)]
[('Region/郑州', 'every fact needs a source (kg:evidence)')]
"""
from __future__ import annotations

from rdflib import RDF, Graph, Namespace, URIRef

from kg import rdf, vocab
from kg.ontology import SHAPES_PATH

SH = Namespace("http://www.w3.org/ns/shacl#")
KG = Namespace(vocab.KG_IRI)


def _short(term) -> str:
    text = str(term)
    for prefix, base in rdf.PREFIXES.items():
        if text.startswith(base) and prefix != "id":
            return f"{prefix}:{text[len(base):]}"
    return text


def validate(graph, *, shapes=SHAPES_PATH, trig: bytes | None = None) -> list:
    """Every SHACL result of the graph as a dict: node, label, shape, path, message, value, sources."""
    import pyshacl

    data = Graph()
    data.parse(data=rdf.convert(trig, "nt") if trig is not None else rdf.serialize(graph, "nt"),
               format="nt")
    shapes_graph = Graph().parse(shapes, format="turtle")
    _, report, _ = pyshacl.validate(data, shacl_graph=shapes_graph, inference="none",
                                    abort_on_first=False, allow_warnings=True)
    ids = {rdf.node_iri(node): node for node, _ in graph.nodes()} if graph is not None else {}
    rows = []
    for result in report.subjects(RDF.type, SH.ValidationResult):
        focus = report.value(result, SH.focusNode)
        node = ids.get(str(focus), _short(focus))
        shape = report.value(result, SH.sourceShape)
        if shape is not None and (shape, RDF.type, SH.NodeShape) not in shapes_graph:
            owner = shapes_graph.value(predicate=SH.property, object=shape)
            shape = owner if owner is not None else shape
        path = report.value(result, SH.resultPath)
        rows.append({
            "severity": _short(report.value(result, SH.resultSeverity)).split("#")[-1],
            "node": node,
            "label": graph.node(node)["label"] if graph is not None and node in graph else "",
            "shape": _short(shape) if isinstance(shape, URIRef) else "",
            "path": _short(path) if path is not None else "",
            "message": str(report.value(result, SH.resultMessage) or ""),
            "value": str(report.value(result, SH.value) or ""),
            "sources": _sources(graph, node, data, focus),
        })
    return sorted(rows, key=lambda r: (r["node"], r["shape"], r["path"], r["message"]))


def _sources(graph, node, data: Graph, focus) -> str:
    """Where a focus node came from: its sources' documents and places."""
    records = graph.node(node)["sources"] if graph is not None and node in graph else []
    if not records and (focus, RDF.type, KG.Evidence) in data:  # an evidence record
        doc = data.value(focus, KG.document)
        records = [{"doc": str(doc).rsplit("Document/", 1)[-1]}] if doc is not None else []
    parts = []
    for rec in records:
        where = f"sentence {rec['sentence']}" if "sentence" in rec else \
            f"row {rec['row']}" if "row" in rec else ""
        parts.append(f"{rec['doc']} {where}".strip())
    return "; ".join(dict.fromkeys(parts)) or "(no source)"


def conforms(violations: list) -> bool:
    """True when no result is a Violation."""
    return not any(v["severity"] == "Violation" for v in violations)
