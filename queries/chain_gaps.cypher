// Links of a chain and, for one zone, which have local firms (缺链 analysis): the core
// columns of kg.queries.chain_gaps. A firm is local when (firm)-[:LOCATED_IN]->(zone), or
// to a park PART_OF the zone (一区多园; FIRMS_ON counts those too).
// status: gap = no local firm and a registry Document is declared to cover the zone or a
// region it is in (covers) for this chain (scope: '*', the chain's id or name; none = all);
// unknown = no local firm and no registry covers it; weak = fewer than $weak_below local
// firms, or location quotient below 1, i.e. count/link_firms < chain_local/chain_firms
// (placements on the chain's links); covered otherwise. Only placements with status
// 'placed' (or none, from older builds) count; candidates do not. broken, targets, candidates and
// elsewhere are computed by the Python function only.
// Parameters: $chain (string) chain id, name or alias; $zone (string) zone id, name or alias; $weak_below (integer, default 1); $names (integer, default 10) local firm names listed per link, first by name
// Example: kg cypher --name chain_gaps -p chain=传感器 -p zone=郑州高新区 -p weak_below=1
// Returns: position, link, stage, status, local_firms, local_platforms, count, link_firms, chain_local, chain_firms
// Counts and names come from FIRMS_ON (kg.stores.firms_on), which the build writes beside
// the graph: per (zone, link) and (chain, link) the placed firms and the first 100 by name,
// so a zone of a million firms answers without joining them ($names above 100 lists 100).
// Chain totals are the sums of the link rows. Embedded engine only (FIRMS_ON, list_slice,
// CAST … AS INT64): on Neo4j ask `kg gaps`, which answers the same.
MATCH (c:Chain)
WHERE c.id = $chain OR c.name = $chain OR $chain IN c.aliases
MATCH (z:Zone)
WHERE z.id = $zone OR z.name = $zone OR $zone IN z.aliases
OPTIONAL MATCH (d:Document)
WHERE d.kind = 'registry' AND z.id IN d.covers
  AND (d.scope IS NULL OR size(d.scope) = 0 OR '*' IN d.scope OR c.id IN d.scope OR c.name IN d.scope)
WITH c, z, count(d) AS zone_registries
OPTIONAL MATCH (z)-[:IN_REGION]->(r:Region), (e:Document)
WHERE e.kind = 'registry' AND r.id IN e.covers
  AND (e.scope IS NULL OR size(e.scope) = 0 OR '*' IN e.scope OR c.id IN e.scope OR c.name IN e.scope)
WITH c, z, zone_registries, count(e) AS region_registries
WITH c, z, zone_registries + region_registries AS registries
MATCH (c)-[h:HAS_LINK]->(l:Link)
OPTIONAL MATCH (c)-[t:FIRMS_ON]->(l)
OPTIONAL MATCH (z)-[s:FIRMS_ON]->(l)
WITH z, registries, h, l, coalesce(t.firms, 0) AS link_firms, coalesce(s.firms, 0) AS n,
     coalesce(list_slice(s.names, 1, $names), []) AS local_firms
OPTIONAL MATCH (z)<-[:PART_OF*0..8]-(w:Zone)<-[:LOCATED_IN]-(p:Platform)-[:SUPPORTS]->(l)
WITH registries, h, l, link_firms, n, local_firms, p
ORDER BY p.name SKIP 0
WITH registries, h, l, link_firms, n, local_firms, collect(p.name) AS local_platforms
WITH registries, collect({position: h.position, link: l.name, stage: l.stage, local_firms: local_firms,
     local_platforms: local_platforms, n: n, link_firms: link_firms}) AS rows,
     CAST(sum(n) AS INT64) AS chain_local, CAST(sum(link_firms) AS INT64) AS chain_firms
UNWIND rows AS row
RETURN row.position AS position, row.link AS link, row.stage AS stage,
       CASE
         WHEN row.n = 0 AND registries > 0 THEN 'gap'
         WHEN row.n = 0 THEN 'unknown'
         WHEN row.n < $weak_below OR row.n * chain_firms < chain_local * row.link_firms THEN 'weak'
         ELSE 'covered'
       END AS status,
       row.local_firms AS local_firms, row.local_platforms AS local_platforms, row.n AS count,
       row.link_firms AS link_firms, chain_local, chain_firms
ORDER BY position
