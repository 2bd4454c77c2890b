// Every chain with its links in order (kg.queries.chains).
// Parameters: none
// Example: kg cypher --name chains
// Returns: chain, id, links, link_count
// links are ordered by HAS_LINK position (ORDER BY … SKIP 0 before collect).
MATCH (c:Chain)-[h:HAS_LINK]->(l:Link)
WITH c, h, l
ORDER BY c.name, h.position SKIP 0
WITH c, collect(l.name) AS links
RETURN c.name AS chain, c.id AS id, links, size(links) AS link_count
ORDER BY chain
