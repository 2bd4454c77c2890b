// A firm's profile in one row: keys, places and the chain links it operates in
// (kg.queries.firm_profile gives the same values as field/value rows).
// Parameters: $firm (string) firm id, or its name, short name, alias, credit or stock code
// Example: kg cypher --name firm_profile -p firm=宁德时代
// Returns: id, name, stock_code, credit_code, located_in, links
// located_in: place names sorted; links: "chain/link" sorted.
// The firm is matched by id, a primary-key lookup: `kg cypher --name` (and the notebook
// API) resolve any other name to the id first, as `kg firm` does (matching names and
// aliases in Cypher reads every firm: 3.4 s at 10M).
MATCH (f:Firm {id: $firm})
OPTIONAL MATCH (f)-[:LOCATED_IN]->(w)
WITH f, w
ORDER BY w.name SKIP 0
WITH f, collect(w.name) AS located_in
OPTIONAL MATCH (f)-[:OPERATES_IN]->(l:Link)
WITH f, located_in, l
ORDER BY l.chain, l.name SKIP 0
// CASE keeps a firm without links at []: on LadybugDB NULL + '/' + NULL is '/', not null
WITH f, located_in, collect(CASE WHEN l IS NULL THEN NULL ELSE l.chain + '/' + l.name END) AS links
RETURN f.id AS id, f.name AS name, f.stock_code AS stock_code, f.credit_code AS credit_code,
       located_in, links
