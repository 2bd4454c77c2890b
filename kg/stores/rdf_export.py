"""``kg export rdf``: the workspace graph in every RDF format, JSON-LD with a readable context.

TriG, N-Quads, Turtle and N-Triples come from :mod:`kg.rdf`. JSON-LD is compacted
here with a context that names the ontology's terms (``name``, ``inRegion``,
``Firm``) and prefixes (``id:``, ``kg:``), one named graph per source.

>>> from kg import KnowledgeGraph
>>> g = KnowledgeGraph()
>>> _ = g.add_entity("Region", "郑州市", source={"doc": "a.txt", "row": 1})
>>> doc = json.loads(export_rdf(g, "jsonld"))
>>> doc["@context"]["name"], doc["@graph"][-1]["@graph"][-1]["@type"]
('kg:name', 'Region')
"""
from __future__ import annotations

import io
import json
from collections import defaultdict

import pyoxigraph as ox

from kg import rdf, vocab
from kg.errors import KGError

FORMATS = tuple(rdf.FORMATS)  # trig, nquads, ttl, nt, jsonld
XSD = "http://www.w3.org/2001/XMLSchema#"
_SPECIAL = {rdf.RDF_ + "subject": "subject", rdf.RDF_ + "predicate": "predicate",
            rdf.RDF_ + "object": "object", "http://www.w3.org/ns/prov#value": "value"}


def export_rdf(graph=None, fmt: str = "trig", *, trig: bytes | None = None) -> bytes:
    """The graph (or TriG bytes of it) in ``fmt``; JSON-LD is compacted with :func:`context`."""
    if fmt not in rdf.FORMATS:
        raise KGError(f"unknown RDF format {fmt!r}; known: {', '.join(FORMATS)}")
    if trig is None:
        trig = rdf.serialize(graph, "trig")
    if fmt == "trig":
        return trig
    if fmt == "jsonld":
        return jsonld(ox.parse(trig, format=ox.RdfFormat.TRIG))
    if fmt == "nquads":  # streamed: no list of quads in between (2-3x faster than convert)
        out = io.BytesIO()
        ox.serialize(ox.parse(trig, format=ox.RdfFormat.TRIG, lenient=True), out,
                     format=ox.RdfFormat.N_QUADS)
        return out.getvalue()
    return rdf.convert(trig, fmt)


def _terms() -> dict:
    """Local names of the ontology's classes and properties → their IRIs."""
    terms = {label: vocab.KG_IRI + label for label in vocab.LABELS}
    terms["Evidence"] = vocab.KG_IRI + "Evidence"
    terms["Statement"] = rdf.RDF_ + "Statement"
    return terms


def context(predicates: dict) -> dict:
    """The JSON-LD context: prefixes, class names, and a term per predicate seen.

    ``predicates`` maps predicate IRI → True when every object of it is an IRI.
    """
    ctx: dict = dict(rdf.PREFIXES)
    ctx["src"] = vocab.SOURCE_IRI
    for term, iri in _terms().items():
        ctx[term] = _cpt(iri)
    for iri, is_ref in sorted(predicates.items()):
        term = _SPECIAL.get(iri) or (iri[len(vocab.KG_IRI):] if iri.startswith(vocab.KG_IRI) else None)
        if term is None or term in ctx:
            continue
        ctx[term] = {"@id": _cpt(iri), "@type": "@id"} if is_ref else _cpt(iri)
    return ctx


def _prefixes_with_src() -> dict:
    return {**rdf.PREFIXES, "src": vocab.SOURCE_IRI}


def _cpt(iri: str) -> str:
    best = ""
    table = _prefixes_with_src()
    for prefix, base in table.items():
        if iri.startswith(base) and len(base) > len(table.get(best, "")):
            best = prefix
    if best:
        rest = iri[len(table[best]):]
        if rest and not rest.startswith("//"):
            return f"{best}:{rest}"
    return iri


def _value(term, is_ref: bool):
    if isinstance(term, ox.NamedNode):
        return _cpt(term.value) if is_ref else {"@id": _cpt(term.value)}
    if isinstance(term, ox.BlankNode):
        return {"@id": f"_:{term.value}"}
    if term.language:
        return {"@value": term.value, "@language": term.language}
    dtype = term.datatype.value
    if dtype == XSD + "string":
        return term.value
    if dtype == XSD + "integer" and str(int(term.value)) == term.value:
        return int(term.value)
    if dtype == XSD + "boolean" and term.value in ("true", "false"):
        return term.value == "true"
    return {"@value": term.value, "@type": _cpt(dtype)}


def jsonld(quads) -> bytes:
    """Quads as compact JSON-LD: a readable context, one ``@graph`` per named graph."""
    quads = list(quads)
    refs: dict = {}
    for q in quads:
        iri = q.predicate.value
        refs[iri] = refs.get(iri, True) and isinstance(q.object, ox.NamedNode)
    ctx = context({k: v for k, v in refs.items() if k != rdf.RDF_ + "type"})
    reverse = {}
    for term, spec in ctx.items():
        target = spec["@id"] if isinstance(spec, dict) else spec
        if isinstance(target, str) and ":" in target and not target.endswith(("/", "#")):
            prefix, _, rest = target.partition(":")
            full = _prefixes_with_src().get(prefix, prefix + ":") + rest
            reverse.setdefault(full, term)
    typed = {term for term, spec in ctx.items() if isinstance(spec, dict)}
    graphs: dict = defaultdict(lambda: defaultdict(lambda: defaultdict(list)))
    for q in quads:
        g = "" if isinstance(q.graph_name, ox.DefaultGraph) else q.graph_name.value
        s = q.subject.value if isinstance(q.subject, ox.NamedNode) else "_:" + q.subject.value
        graphs[g][s][q.predicate.value].append(q.object)
    out = []
    for g in sorted(graphs):
        nodes = []
        for s in sorted(graphs[g]):
            node = {"@id": _cpt(s) if not s.startswith("_:") else s}
            for p in sorted(graphs[g][s]):
                objects = sorted(graphs[g][s][p], key=str)
                if p == rdf.RDF_ + "type" and all(isinstance(o, ox.NamedNode) for o in objects):
                    types = [reverse.get(o.value) if reverse.get(o.value) in _terms()
                             else _cpt(o.value) for o in objects]
                    node["@type"] = types[0] if len(types) == 1 else types
                    continue
                term = reverse.get(p, _cpt(p))
                is_ref = term in typed
                if not is_ref and term != _cpt(p) and not isinstance(ctx.get(term), str):
                    term = _cpt(p)
                values = [_value(o, is_ref) for o in objects]
                node[term] = values[0] if len(values) == 1 else values
            nodes.append(node)
        if g:
            out.append({"@id": _cpt(g), "@graph": nodes})
        else:
            out.extend(nodes)
    document = {"@context": ctx, "@graph": out}
    return (json.dumps(document, ensure_ascii=False, indent=1) + "\n").encode("utf-8")
