// Platforms that support one link of a chain, with where they are (kg.queries.platforms_for).
// Parameters: $link (string) link id, or link name or alias; $chain (string) chain id, name or alias
// Example: kg cypher --name platforms_for -p chain=传感器 -p link=传感器
// Returns: platform, id, kind, located_in
// located_in: names of the zones/regions the platform is LOCATED_IN, sorted.
MATCH (c:Chain)-[:HAS_LINK]->(l:Link)<-[:SUPPORTS]-(p:Platform)
WHERE (c.id = $chain OR c.name = $chain OR $chain IN c.aliases)
  AND (l.id = $link OR l.name = $link OR $link IN l.aliases)
OPTIONAL MATCH (p)-[:LOCATED_IN]->(w)
WITH p, w
ORDER BY w.name SKIP 0
WITH p, collect(w.name) AS located_in
RETURN p.name AS platform, p.id AS id, p.kind AS kind, located_in
ORDER BY platform
