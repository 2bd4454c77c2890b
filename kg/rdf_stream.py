"""N-Quads and N-Triples of a workspace too big to load: the core, then one chunk of firms at a time.

A workspace's answer index (:mod:`kg.index`) holds the graph as a core and chunks of
registry firms that nothing else points to. The line formats need no grouping, so the
same walk that writes a whole graph (:func:`kg.rdf.blocks`) writes the core, then each
chunk's firms put into the core graph for that chunk only: memory holds the core and
one chunk, whatever the registry's size. The lines are those of the whole graph's
export; a registry row that both a core node and a chunk's firm cite may have its
evidence node written twice (the same quads: RDF reads them once).

>>> import io, tempfile
>>> from kg.index import write_index
>>> from kg.rdf import write_nquads
>>> from kg.stores.fixtures import generated_graph
>>> g, folder = generated_graph(300), tempfile.mkdtemp()
>>> _ = write_index(g, folder)
>>> streamed, whole = io.BytesIO(), io.BytesIO()
>>> write_lines_streamed(folder, streamed, "nquads"); write_nquads(g, whole)
>>> set(streamed.getvalue().splitlines()) == set(whole.getvalue().splitlines())
True
"""
from __future__ import annotations

from kg.gc_pause import gc_paused
from kg.index_read import Slice, chunks
from kg.rdf import _CHUNK, NQUADS, NTRIPLES, _Walk

SYNTAXES = {"nquads": NQUADS, "nt": NTRIPLES}


class _Seen:
    """The evidence terms already written: the core's for the whole export, a chunk's
    only while that chunk is written (so the set does not grow with the registry)."""

    def __init__(self, core: set):
        self.core, self.chunk = core, set()

    def __contains__(self, term) -> bool:
        return term in self.chunk or term in self.core

    def add(self, term) -> None:
        self.chunk.add(term)


def write_lines_streamed(generation, handle, fmt: str) -> None:
    """Write a generation's graph as ``fmt`` (nquads or nt) to a binary handle, from its index."""
    from kg.stream import attach, detach

    syn = SYNTAXES[fmt]
    piece = Slice(generation)
    try:
        nxg = piece.graph.nx
        walk = _Walk(piece.graph, syn)
        with gc_paused():
            _write_blocks(walk, handle, syn)
            walk.seen = _Seen(walk.seen)
            for firms in chunks(piece):
                for firm, data, out in firms:
                    attach(nxg, firm, data, out)
                    walk.term[firm] = syn.node(firm)
                walk.order = sorted(firm for firm, _, _ in firms)
                _write_blocks(walk, handle, syn)
                for firm, _, out in firms:
                    detach(nxg, firm, out)
                    del walk.term[firm]
                walk.seen.chunk.clear()
    finally:
        piece.close()


def _write_blocks(walk: _Walk, handle, syn) -> None:
    """The lines of the walk's nodes and their relations (as :func:`kg.rdf._write_lines`)."""
    buffer: list = []
    for blocks in (walk.nodes(), walk.relations()):
        for g, s, pos in blocks:
            buffer.append(s + b" " + (g + s + b" ").join(pos) + g)
            if len(buffer) >= _CHUNK:
                handle.write(b"".join(buffer))
                buffer.clear()
    handle.write(b"".join(buffer))
