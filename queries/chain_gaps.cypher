// Links of a chain and, for one zone, which have local firms (缺链 analysis): the core
// columns of kg.queries.chain_gaps. A firm is local when (firm)-[:LOCATED_IN]->(zone).
// status: gap = no local firm and a registry Document is declared to cover the zone or a
// region it is in (covers) for this chain (scope: '*', the chain's id or name; none = all);
// unknown = no local firm and no registry covers it; weak = fewer than $weak_below local
// firms, or location quotient below 1, i.e. count/link_firms < chain_local/chain_firms
// (placements on the chain's links); covered otherwise. Only placements with status
// 'placed' (or none, from older builds) count; candidates do not. broken, targets, candidates and
// elsewhere are computed by the Python function only.
// Parameters: $chain (string) chain id, name or alias; $zone (string) zone id, name or alias; $weak_below (integer, default 1)
// Example: kg cypher --name chain_gaps -p chain=传感器 -p zone=郑州高新区 -p weak_below=1
// Returns: position, link, stage, status, local_firms, local_platforms, count, link_firms, chain_local, chain_firms
// Lists are sorted by name (ORDER BY … SKIP 0 before collect: LadybugDB wants SKIP after a WITH
// ORDER BY); rows by position.
MATCH (c:Chain)
WHERE c.id = $chain OR c.name = $chain OR $chain IN c.aliases
MATCH (z:Zone)
WHERE z.id = $zone OR z.name = $zone OR $zone IN z.aliases
OPTIONAL MATCH (c)-[:HAS_LINK]->(:Link)<-[ra:OPERATES_IN]-(a:Firm)
WHERE ra.status = 'placed' OR ra.status IS NULL
WITH c, z, count(a) AS chain_firms
OPTIONAL MATCH (c)-[:HAS_LINK]->(:Link)<-[rb:OPERATES_IN]-(b:Firm)-[:LOCATED_IN]->(z)
WHERE rb.status = 'placed' OR rb.status IS NULL
WITH c, z, chain_firms, count(b) AS chain_local
OPTIONAL MATCH (d:Document)
WHERE d.kind = 'registry' AND z.id IN d.covers
  AND (d.scope IS NULL OR size(d.scope) = 0 OR '*' IN d.scope OR c.id IN d.scope OR c.name IN d.scope)
WITH c, z, chain_firms, chain_local, count(d) AS zone_registries
OPTIONAL MATCH (z)-[:IN_REGION]->(r:Region), (e:Document)
WHERE e.kind = 'registry' AND r.id IN e.covers
  AND (e.scope IS NULL OR size(e.scope) = 0 OR '*' IN e.scope OR c.id IN e.scope OR c.name IN e.scope)
WITH c, z, chain_firms, chain_local, zone_registries, count(e) AS region_registries
WITH c, z, chain_firms, chain_local, zone_registries + region_registries AS registries
MATCH (c)-[h:HAS_LINK]->(l:Link)
OPTIONAL MATCH (z)<-[:LOCATED_IN]-(f:Firm)-[rf:OPERATES_IN]->(l)
WHERE rf.status = 'placed' OR rf.status IS NULL
WITH c, z, chain_firms, chain_local, registries, h, l, f
ORDER BY f.name SKIP 0
WITH c, z, chain_firms, chain_local, registries, h, l, collect(f.name) AS local_firms
OPTIONAL MATCH (z)<-[:LOCATED_IN]-(p:Platform)-[:SUPPORTS]->(l)
WITH c, z, chain_firms, chain_local, registries, h, l, local_firms, p
ORDER BY p.name SKIP 0
WITH c, z, chain_firms, chain_local, registries, h, l, local_firms, collect(p.name) AS local_platforms
OPTIONAL MATCH (o:Firm)-[ro:OPERATES_IN]->(l)
WHERE ro.status = 'placed' OR ro.status IS NULL
WITH h, l, local_firms, local_platforms, chain_firms, chain_local, registries,
     count(o) AS link_firms
WITH h, l, local_firms, local_platforms, chain_firms, chain_local, registries, link_firms,
     size(local_firms) AS n
RETURN h.position AS position, l.name AS link, l.stage AS stage,
       CASE
         WHEN n = 0 AND registries > 0 THEN 'gap'
         WHEN n = 0 THEN 'unknown'
         WHEN n < $weak_below OR n * chain_firms < chain_local * link_firms THEN 'weak'
         ELSE 'covered'
       END AS status,
       local_firms, local_platforms, n AS count, link_firms, chain_local, chain_firms
ORDER BY position
