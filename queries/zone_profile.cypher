// A zone's profile in one row: its regions, industries, counts of firms, platforms and targets
// (kg.queries.zone_profile gives the same values as field/value rows).
// Parameters: $zone (string) zone id, name or alias
// Example: kg cypher --name zone_profile -p zone=郑州高新区
// Returns: id, name, regions, industries, firms, platforms, targets
// Lists are sorted by name; firms is a count.
MATCH (z:Zone)
WHERE z.id = $zone OR z.name = $zone OR $zone IN z.aliases
OPTIONAL MATCH (z)-[:IN_REGION]->(r:Region)
WITH z, r
ORDER BY r.name SKIP 0
WITH z, collect(r.name) AS regions
OPTIONAL MATCH (z)-[:DEVELOPS]->(i:Industry)
WITH z, regions, i
ORDER BY i.name SKIP 0
WITH z, regions, collect(i.name) AS industries
OPTIONAL MATCH (z)<-[:LOCATED_IN]-(f:Firm)
WITH z, regions, industries, count(f) AS firms
OPTIONAL MATCH (z)<-[:LOCATED_IN]-(p:Platform)
WITH z, regions, industries, firms, p
ORDER BY p.name SKIP 0
WITH z, regions, industries, firms, collect(p.name) AS platforms
OPTIONAL MATCH (z)-[:TARGETS]->(t:Firm)
WITH z, regions, industries, firms, platforms, t
ORDER BY t.name SKIP 0
WITH z, regions, industries, firms, platforms, collect(t.name) AS targets
RETURN z.id AS id, z.name AS name, regions, industries, firms, platforms, targets
