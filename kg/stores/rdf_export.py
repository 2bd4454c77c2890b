"""``kg export rdf``: the workspace graph in every RDF format, JSON-LD with a readable context.

From a graph, every format is written straight from it by :mod:`kg.rdf`'s walk
(:func:`kg.rdf.blocks`): TriG, N-Quads, Turtle and N-Triples there, JSON-LD here,
compact, with a context that names the ontology's terms (``name``, ``inRegion``,
``Firm``) and prefixes (``id:``, ``kg:``), one named graph per source and one node
object a line (a node with facts from several relations may come in several
objects with the same ``@id``; JSON-LD merges them). From a workspace's TriG bytes
pyoxigraph parses and re-serialises, and :func:`jsonld` compacts the quads.

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
from functools import lru_cache
from json.encoder import encode_basestring as _quote

import pyoxigraph as ox

from kg import rdf, vocab
from kg.errors import KGError

FORMATS = tuple(rdf.FORMATS)  # trig, nquads, ttl, nt, jsonld
XSD = "http://www.w3.org/2001/XMLSchema#"
_SPECIAL = {rdf.RDF_ + "subject": "subject", rdf.RDF_ + "predicate": "predicate",
            rdf.RDF_ + "object": "object", "http://www.w3.org/ns/prov#value": "value"}


def export_rdf(graph=None, fmt: str = "trig", *, trig: bytes | None = None) -> bytes:
    """The graph (or TriG bytes of it) in ``fmt``; JSON-LD is compacted with :func:`context`.

    Given the graph, the fast path: no TriG is written or parsed on the way.
    """
    buffer = io.BytesIO()
    write_rdf(graph, buffer, fmt, trig=trig)
    return buffer.getvalue()


def write_rdf(graph, handle, fmt: str = "trig", *, trig: bytes | None = None) -> None:
    """Write the graph (or TriG bytes of it) in ``fmt`` to a binary handle, streaming where it can."""
    if fmt not in rdf.FORMATS:
        raise KGError(f"unknown RDF format {fmt!r}; known: {', '.join(FORMATS)}")
    if trig is None:
        if fmt == "jsonld":
            write_jsonld(graph, handle)
        else:
            rdf.write_handle(graph, handle, fmt)
        return
    handle.write(_from_trig(trig, fmt))


def _from_trig(trig: bytes, fmt: str) -> bytes:
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


_BY_LENGTH = sorted(((base, prefix) for prefix, base in _prefixes_with_src().items()),
                    key=lambda item: -len(item[0]))


def _cpt(iri: str) -> str:
    """The IRI as ``prefix:rest`` under the longest prefix that fits, else unchanged."""
    for base, prefix in _BY_LENGTH:
        if iri.startswith(base):
            rest = iri[len(base):]
            return f"{prefix}:{rest}" if rest and not rest.startswith("//") else iri
    return iri


JSON_SAFE_INTEGER = 2**53 - 1  # the largest integer every JSON reader keeps exactly


def _value(term, is_ref: bool, cpt=_cpt):
    if isinstance(term, ox.NamedNode):
        return cpt(term.value) if is_ref else {"@id": cpt(term.value)}
    if isinstance(term, ox.BlankNode):
        return {"@id": f"_:{term.value}"}
    if term.language:
        return {"@value": term.value, "@language": term.language}
    dtype = term.datatype.value
    if dtype == XSD + "string":
        return term.value
    if dtype == XSD + "integer" and str(int(term.value)) == term.value \
            and abs(int(term.value)) <= JSON_SAFE_INTEGER:
        return int(term.value)  # beyond 2**53 a JSON reader may round it: typed text instead
    if dtype == XSD + "boolean" and term.value in ("true", "false"):
        return term.value == "true"
    return {"@value": term.value, "@type": cpt(dtype)}


_LINE = json.JSONEncoder(ensure_ascii=False).encode  # compact, so the C encoder runs
_JSON = json.JSONEncoder(ensure_ascii=False, sort_keys=True).encode  # list and dict values
_CHUNK = 8192  # lines joined per write


def _by_graph(quads) -> tuple:
    """(predicate IRI → every object of it is an IRI, graph IRI ("" default) → subject →
    predicate IRI → objects) of the quads."""
    named, default_graph = ox.NamedNode, ox.DefaultGraph
    refs: dict = {}
    graphs: dict = {}
    for s, p, o, g in quads:
        p = p.value
        if o.__class__ is not named:
            refs[p] = False
        elif p not in refs:
            refs[p] = True
        g = "" if g.__class__ is default_graph else g.value
        s = s.value if s.__class__ is named else "_:" + s.value
        subjects = graphs.get(g)
        if subjects is None:
            subjects = graphs[g] = {}
        preds = subjects.get(s)
        if preds is None:
            preds = subjects[s] = {}
        objects = preds.get(p)
        if objects is None:
            preds[p] = [o]
        else:
            objects.append(o)
    return refs, graphs


def jsonld(quads) -> bytes:
    """Quads as compact JSON-LD: a readable context, one ``@graph`` per named graph.

    Each node object is on a line of its own (the context is indented): one line a
    node reads well and lets the C JSON encoder do the work.
    """
    named, type_iri = ox.NamedNode, rdf.RDF_ + "type"
    refs, graphs = _by_graph(quads)
    ctx = context({k: v for k, v in refs.items() if k != type_iri})
    reverse = {}
    for term, spec in ctx.items():
        target = spec["@id"] if isinstance(spec, dict) else spec
        if isinstance(target, str) and ":" in target and not target.endswith(("/", "#")):
            prefix, _, rest = target.partition(":")
            full = _prefixes_with_src().get(prefix, prefix + ":") + rest
            reverse.setdefault(full, term)
    typed = {term for term, spec in ctx.items() if isinstance(spec, dict)}
    classes = _terms()
    memo: dict = {}

    def cpt(iri: str) -> str:
        short = memo.get(iri)
        if short is None:
            short = memo[iri] = _cpt(iri)
        return short

    keys: dict = {}  # predicate IRI → (its key in a node, objects are plain IRIs)
    for p in refs:
        term = reverse.get(p, cpt(p))
        is_ref = term in typed
        if not is_ref and term != cpt(p) and not isinstance(ctx.get(term), str):
            term = cpt(p)
        keys[p] = (term, is_ref)

    lines = []
    for g in sorted(graphs):
        subjects = graphs.pop(g)
        nodes = []
        for s in sorted(subjects):
            preds = subjects[s]
            node = {"@id": cpt(s) if not s.startswith("_:") else s}
            for p in sorted(preds):
                objects = preds[p]
                if len(objects) > 1:
                    objects.sort(key=str)
                if p == type_iri and all(o.__class__ is named for o in objects):
                    types = [reverse.get(o.value) if reverse.get(o.value) in classes
                             else cpt(o.value) for o in objects]
                    node["@type"] = types[0] if len(types) == 1 else types
                    continue
                term, is_ref = keys[p]
                values = [_value(o, is_ref, cpt) for o in objects]
                node[term] = values[0] if len(values) == 1 else values
            nodes.append(_LINE(node))
        if not nodes:
            continue
        if g:
            lines.append(f'{{"@id": {_LINE(cpt(g))}, "@graph": [\n' + ",\n".join(nodes) + "\n]}")
        else:
            lines.append(",\n".join(nodes))
    return _head(ctx) + (",\n".join(lines) + "\n]}\n").encode("utf-8")


def _head(ctx: dict) -> bytes:
    """The document up to its ``@graph`` list: the context, one term a line."""
    terms = ",\n".join(f" {_LINE(term)}: {_LINE(spec)}" for term, spec in ctx.items())
    return ('{"@context": {\n' + terms + '},\n"@graph": [\n').encode("utf-8")


class JsonLd(rdf.Syntax):
    """Compact JSON-LD for :func:`kg.rdf.blocks`: pairs are ``"key": value`` under :func:`context`."""

    def __init__(self):
        self.predicates = rdf.predicates()
        self.context = context(self.predicates)
        self.terms = {}  # predicate IRI → its term in the context
        for term, spec in self.context.items():
            target = spec["@id"] if isinstance(spec, dict) else spec
            prefix, _, rest = target.partition(":")
            full = _prefixes_with_src().get(prefix, prefix + ":") + rest
            if full in self.predicates:
                self.terms.setdefault(full, term)
        for iri, is_ref in self.predicates.items():
            spec = self.context.get(self.terms.get(iri))
            if is_ref != isinstance(spec, dict):  # an IRI object needs a term typed @id
                raise KGError(f"JSON-LD context: no term of its own for {iri}")
        super().__init__()

    def iri(self, iri: str) -> str:
        return _quote(_cpt(iri))

    vocab = iri

    def key(self, iri: str) -> str:
        return _quote(self.terms[iri]) + ": "

    def type_pair(self, iri: str, name: str) -> str:
        return '"@type": ' + _quote(name)

    def literal(self, value) -> str:
        if isinstance(value, bool):
            return "true" if value else "false"
        if isinstance(value, int):
            return self.integer(value)
        if isinstance(value, float):
            text = rdf.decimal_text(value)
            if not text:
                return f'{{"@value": "{rdf._DOUBLE[repr(value)]}", "@type": "xsd:double"}}'
            return f'{{"@value": "{text}", "@type": "xsd:decimal"}}'
        if isinstance(value, (list, dict)):
            value = _JSON(value)
        return _quote(str(value))

    def integer(self, number: int) -> str:
        # a JSON number is exact for every reader only within ±(2**53 − 1) (RFC 8259 §6);
        # past it readers differ (pyoxigraph took 10**20 for an xsd:double): write it typed
        if -(2**53) < number < 2**53:
            return str(number)
        return f'{{"@value": "{number}", "@type": "xsd:integer"}}'

    def graph(self, doc: str) -> bytes:
        return self.iri(rdf.source_iri(doc)).encode("utf-8", "surrogatepass")

    @staticmethod
    def many(key: bytes, values: list) -> list:
        if len(values) == 1:
            return [key + values[0]]
        return [key + b"[" + b", ".join(values) + b"]"] if values else []


@lru_cache(maxsize=None)
def _jsonld_syntax() -> JsonLd:
    return JsonLd()


def write_jsonld(graph, handle) -> None:
    """Write the graph as compact JSON-LD to a binary handle, straight from the graph."""
    syn = _jsonld_syntax()
    groups = rdf.grouped(graph, syn, b'{"@id": ', b", ", b", ", b"}")
    handle.write(_head(syn.context))
    first = True
    for name in sorted(groups):
        lines = groups.pop(name)
        if not first:
            handle.write(b",\n")
        first = False
        if name:
            handle.write(b'{"@id": ' + name + b', "@graph": [\n')
        for start in range(0, len(lines), _CHUNK):
            if start:
                handle.write(b",\n")
            handle.write(b",\n".join(lines[start:start + _CHUNK]))
        if name:
            handle.write(b"\n]}")
    handle.write(b"\n]}\n")
