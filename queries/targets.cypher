// Firms a zone means to attract (招商目标), from (zone)-[:TARGETS {industry}]->(firm) (kg.queries.targets).
// Parameters: $zone (string) zone id, name or alias
// Example: kg cypher --name targets -p zone=郑州高新区
// Returns: firm, id, industry, links
// links: the links the firm OPERATES_IN, sorted by name.
MATCH (z:Zone)-[t:TARGETS]->(f:Firm)
WHERE z.id = $zone OR z.name = $zone OR $zone IN z.aliases
OPTIONAL MATCH (f)-[:OPERATES_IN]->(l:Link)
WITH f, t, l
ORDER BY l.name SKIP 0
WITH f, t, collect(l.name) AS links
RETURN f.name AS firm, f.id AS id, t.industry AS industry, links
ORDER BY firm
