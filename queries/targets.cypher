// Firms a zone means to attract (招商目标), best first, from
// (zone)-[:TARGETS {industry, links, score, score_parts}]->(firm) (kg.queries.targets).
// Parameters: $zone (string) zone id, name or alias
// Example: kg cypher --name targets -p zone=郑州高新区
// Returns: firm, id, industry, links, score, score_parts
// links: the Link ids the target's evidence supports (kg.targets); score ranks the rows.
// HINT (LadybugDB's join order): start from the zone; left to itself the planner scans every
// Firm to meet the zone's few TARGETS (at 10M registry firms 0.5–1.5 s, against 2 ms).
MATCH (z:Zone)-[t:TARGETS]->(f:Firm)
WHERE z.id = $zone OR z.name = $zone OR $zone IN z.aliases
HINT (z JOIN t) JOIN f
RETURN f.name AS firm, f.id AS id, coalesce(t.industry, '') AS industry, t.links AS links,
       t.score AS score, t.score_parts AS score_parts
ORDER BY coalesce(t.score, 0.0) DESC, firm
