"""``FIRMS_ON``: the embedded store's count of firms per chain link and place.

A chain-gap question counts, per link, the firms placed on it that are LOCATED_IN the
zone. Joined in Cypher, that grows with the zone: at 10M registry firms 郑州高新区 holds
1.15 million, and LadybugDB took 4.7 s to join them with their placements and sort their
names. The store writer counts them once instead, as it stages each firm, into a
relation table the ontology does not define (a derived summary, like an index):

    (place:Zone|Region)-[:FIRMS_ON {firms, names}]->(link:Link)   firms LOCATED_IN place
                                                                  (a zone: or in a park PART_OF it)
    (chain:Chain)-[:FIRMS_ON {firms, names}]->(link:Link)         every firm on the link

``firms`` counts the firms whose OPERATES_IN the link is placed (status ``placed`` or
none; a candidate is no presence), ``names`` lists the first :data:`NAMES` of them by
name. It is written by ``kg build`` with the store and not kept up by ``--write``.

>>> counts = FirmsOn({"Link/传感芯片": "Chain/传感器"})
>>> counts.add({"Link/传感芯片": {"OPERATES_IN": {"status": "placed"}},
...             "Zone/郑州高新区": {"LOCATED_IN": {}}}, "乙公司")
>>> counts.add({"Link/传感芯片": {"OPERATES_IN": {"status": "candidate"}},
...             "Zone/郑州高新区": {"LOCATED_IN": {}}}, "甲公司")
>>> [(src, dst, row["firms"], row["names"]) for src, dst, row in counts.rows()]
[('Chain/传感器', 'Link/传感芯片', 1, ['乙公司']), ('Zone/郑州高新区', 'Link/传感芯片', 1, ['乙公司'])]
"""
from __future__ import annotations

TABLE = "FIRMS_ON"
NAMES = 100  # names kept per (place or chain, link): a listing's head, as the answer index's
COLUMNS = [("firms", "INT64"), ("names", "STRING[]")]
SCOPES = ("Chain", "Region", "Zone")  # the labels a FIRMS_ON starts from


def ddl() -> str:
    """The relation table's CREATE statement.

    >>> ddl()
    'CREATE REL TABLE FIRMS_ON(FROM Chain TO Link, FROM Region TO Link, FROM Zone TO Link, `firms` INT64, `names` STRING[] DEFAULT [])'
    """
    pairs = ", ".join(f"FROM {label} TO Link" for label in SCOPES)
    return (f"CREATE REL TABLE {TABLE}({pairs}, `firms` INT64, "
            f"`names` STRING[] DEFAULT [])")


class FirmsOn:
    """Counts and first names per (scope, link), fed one firm at a time.

    ``chain_of`` maps a link to its chain (:func:`kg.queries.common.chain_of_links`),
    ``outer`` a park to the zones it lies in (:func:`zone_parents`).
    Names are kept in a list that is sorted and cut back to :data:`NAMES` whenever it
    doubles, so memory stays bounded by the number of pairs, not of firms.
    """

    def __init__(self, chain_of: dict, outer: dict | None = None):
        self.chain_of = chain_of
        self.outer = outer or {}  # park -> the zones it is PART_OF (zone_parents)
        self.counts: dict = {}   # (scope, link) -> firms
        self.names: dict = {}    # (scope, link) -> names, cut to the first NAMES now and then

    def add(self, out: dict, name: str) -> None:
        """Count a firm of this name whose outgoing relations are ``out`` {dst: {rel: props}}."""
        links, places = [], []
        for dst, rels in out.items():
            placed = rels.get("OPERATES_IN")
            if placed is not None and placed.get("status") in (None, "placed"):
                links.append(dst)
            if "LOCATED_IN" in rels:
                places.append(dst)
                if dst in self.outer:  # a park's firm is its zone's too (no firm counted twice)
                    places = list(dict.fromkeys(places + self.outer[dst]))
        counts, names = self.counts, self.names  # one call a firm: this runs a million times
        for link in links:
            chain = self.chain_of.get(link)
            for scope in (*places, chain) if chain is not None else places:
                key = (scope, link)
                count = counts.get(key)
                if count is None:
                    counts[key], names[key] = 1, [name]
                    continue
                counts[key] = count + 1
                kept = names[key]
                kept.append(name)
                if len(kept) >= 2 * NAMES:
                    kept.sort()
                    del kept[NAMES:]

    def merge(self, other: "FirmsOn") -> None:
        """Add another writer's counts (the forked half of the bulk firms)."""
        for key, count in other.counts.items():
            self.counts[key] = self.counts.get(key, 0) + count
            mine = self.names.setdefault(key, [])
            mine.extend(other.names[key])
            mine.sort()
            del mine[NAMES:]

    def rows(self, labels: dict | None = None):
        """(scope, link, {firms, names}) sorted by pair; ``labels`` (id → label), when
        given, keeps only pairs whose scope is a Chain, Region or Zone node."""
        for key in sorted(self.counts):
            if labels is not None and labels.get(key[0]) not in SCOPES:
                continue
            yield key[0], key[1], {"firms": self.counts[key],
                                   "names": sorted(self.names[key])[:NAMES]}


def zone_parents(graph) -> dict:
    """{zone id: [the zones it is PART_OF, at any depth]} for the zones that are parks of
    another (一区多园): their firms count for those zones as kg gaps counts them.

    >>> from kg import KnowledgeGraph
    >>> g = KnowledgeGraph()
    >>> zone, park = g.add_entity("Zone", "甲高新区"), g.add_entity("Zone", "甲高新区乙产业园")
    >>> g.add_relation(park, "PART_OF", zone)
    >>> zone_parents(g)
    {'Zone/甲高新区乙产业园': ['Zone/甲高新区']}
    """
    from kg.queries.gaps import local_places  # one meaning of "inside" for Python and Cypher

    out: dict = {}
    for zone, _ in graph.nodes("Zone"):
        for park in local_places(graph, zone)[1:]:
            out.setdefault(park, []).append(zone)
    return out
