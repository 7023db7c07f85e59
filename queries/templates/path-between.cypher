// name: path-between
// description: The shortest chains (up to 3 relations, either direction) linking two actors: one row per chain of claims, with each relation's kind and direction.
// param: actor: actor -- one end (id, name or alias)
// param: other: actor -- the other end (id, name or alias)
// param: as_of: date = none -- only what holds on this date (EDTF; 2016 means the whole year)
// param: certainty: certainty = possible -- reading of partial dates: possible (may hold) or certain (must hold)
// param: known_as_of: date = none -- as the record stood on this date: only what sources published by then report
// columns: hops, path, relations, claims
//
// A row: hops; path, the ids from actor to other ("a > m > b"); relations, each link's kind and its
// direction along the path ("-supports->": the earlier end is the subject, "<-fights-": the later one
// is); claims, the claim ids in the same order. Parallel claims give one row each.
//
// Three parts, one per length, each kept only when no shorter chain exists. A 3-hop chain is found
// from both ends: the links of each end are listed, then the link between their far ends is looked up
// (both nodes bound), instead of walking every 3-hop path from a busy actor.
CALL {
MATCH (a:Actor {id: $actor}), (b:Actor {id: $other})
WHERE a <> b
MATCH (a)-[r1]-(b)
WHERE r1.known_day <= $known_at AND ($as_of_lo IS NULL OR ((CASE WHEN $certain THEN r1.known_certain_from_days ELSE r1.known_possible_from_days END)[[i IN range(0, size(r1.known_until_days) - 1) WHERE r1.known_until_days[i] > $known_at][0]] <= $as_of_lo AND (CASE WHEN $certain THEN r1.known_certain_to_days ELSE r1.known_possible_to_days END)[[i IN range(0, size(r1.known_until_days) - 1) WHERE r1.known_until_days[i] > $known_at][0]] > $as_of_hi))
RETURN 1 AS hops, a.id + ' > ' + b.id AS path, CASE WHEN startNode(r1) = a THEN '-' + r1.predicate + '->' ELSE '<-' + r1.predicate + '-' END AS relations, r1.claim_id AS claims
UNION ALL
MATCH (a:Actor {id: $actor}), (b:Actor {id: $other})
WHERE a <> b
OPTIONAL MATCH (a)-[d]-(b)
WHERE d.known_day <= $known_at AND ($as_of_lo IS NULL OR ((CASE WHEN $certain THEN d.known_certain_from_days ELSE d.known_possible_from_days END)[[i IN range(0, size(d.known_until_days) - 1) WHERE d.known_until_days[i] > $known_at][0]] <= $as_of_lo AND (CASE WHEN $certain THEN d.known_certain_to_days ELSE d.known_possible_to_days END)[[i IN range(0, size(d.known_until_days) - 1) WHERE d.known_until_days[i] > $known_at][0]] > $as_of_hi))
WITH a, b, count(d) AS direct
WHERE direct = 0
MATCH (a)-[r1]-(m)-[r2]-(b)
WHERE m <> a AND m <> b AND r1.known_day <= $known_at AND ($as_of_lo IS NULL OR ((CASE WHEN $certain THEN r1.known_certain_from_days ELSE r1.known_possible_from_days END)[[i IN range(0, size(r1.known_until_days) - 1) WHERE r1.known_until_days[i] > $known_at][0]] <= $as_of_lo AND (CASE WHEN $certain THEN r1.known_certain_to_days ELSE r1.known_possible_to_days END)[[i IN range(0, size(r1.known_until_days) - 1) WHERE r1.known_until_days[i] > $known_at][0]] > $as_of_hi))
  AND r2.known_day <= $known_at AND ($as_of_lo IS NULL OR ((CASE WHEN $certain THEN r2.known_certain_from_days ELSE r2.known_possible_from_days END)[[i IN range(0, size(r2.known_until_days) - 1) WHERE r2.known_until_days[i] > $known_at][0]] <= $as_of_lo AND (CASE WHEN $certain THEN r2.known_certain_to_days ELSE r2.known_possible_to_days END)[[i IN range(0, size(r2.known_until_days) - 1) WHERE r2.known_until_days[i] > $known_at][0]] > $as_of_hi))
RETURN 2 AS hops, a.id + ' > ' + m.id + ' > ' + b.id AS path,
  CASE WHEN startNode(r1) = a THEN '-' + r1.predicate + '->' ELSE '<-' + r1.predicate + '-' END + ' ' + CASE WHEN startNode(r2) = m THEN '-' + r2.predicate + '->' ELSE '<-' + r2.predicate + '-' END AS relations,
  r1.claim_id + ' > ' + r2.claim_id AS claims
UNION ALL
MATCH (a:Actor {id: $actor}), (b:Actor {id: $other})
WHERE a <> b
OPTIONAL MATCH (a)-[d]-(b)
WHERE d.known_day <= $known_at AND ($as_of_lo IS NULL OR ((CASE WHEN $certain THEN d.known_certain_from_days ELSE d.known_possible_from_days END)[[i IN range(0, size(d.known_until_days) - 1) WHERE d.known_until_days[i] > $known_at][0]] <= $as_of_lo AND (CASE WHEN $certain THEN d.known_certain_to_days ELSE d.known_possible_to_days END)[[i IN range(0, size(d.known_until_days) - 1) WHERE d.known_until_days[i] > $known_at][0]] > $as_of_hi))
WITH a, b, count(d) AS direct
WHERE direct = 0
OPTIONAL MATCH (a)-[e]-(n)-[f]-(b)
WHERE n <> a AND n <> b AND e.known_day <= $known_at AND ($as_of_lo IS NULL OR ((CASE WHEN $certain THEN e.known_certain_from_days ELSE e.known_possible_from_days END)[[i IN range(0, size(e.known_until_days) - 1) WHERE e.known_until_days[i] > $known_at][0]] <= $as_of_lo AND (CASE WHEN $certain THEN e.known_certain_to_days ELSE e.known_possible_to_days END)[[i IN range(0, size(e.known_until_days) - 1) WHERE e.known_until_days[i] > $known_at][0]] > $as_of_hi))
  AND f.known_day <= $known_at AND ($as_of_lo IS NULL OR ((CASE WHEN $certain THEN f.known_certain_from_days ELSE f.known_possible_from_days END)[[i IN range(0, size(f.known_until_days) - 1) WHERE f.known_until_days[i] > $known_at][0]] <= $as_of_lo AND (CASE WHEN $certain THEN f.known_certain_to_days ELSE f.known_possible_to_days END)[[i IN range(0, size(f.known_until_days) - 1) WHERE f.known_until_days[i] > $known_at][0]] > $as_of_hi))
WITH a, b, count(e) AS two
WHERE two = 0
MATCH (a)-[r1]-(m1)
WHERE m1 <> a AND m1 <> b AND r1.known_day <= $known_at AND ($as_of_lo IS NULL OR ((CASE WHEN $certain THEN r1.known_certain_from_days ELSE r1.known_possible_from_days END)[[i IN range(0, size(r1.known_until_days) - 1) WHERE r1.known_until_days[i] > $known_at][0]] <= $as_of_lo AND (CASE WHEN $certain THEN r1.known_certain_to_days ELSE r1.known_possible_to_days END)[[i IN range(0, size(r1.known_until_days) - 1) WHERE r1.known_until_days[i] > $known_at][0]] > $as_of_hi))
WITH a, b, r1, m1
MATCH (b)-[r3]-(m2)
WHERE m2 <> a AND m2 <> b AND m2 <> m1 AND r3.known_day <= $known_at AND ($as_of_lo IS NULL OR ((CASE WHEN $certain THEN r3.known_certain_from_days ELSE r3.known_possible_from_days END)[[i IN range(0, size(r3.known_until_days) - 1) WHERE r3.known_until_days[i] > $known_at][0]] <= $as_of_lo AND (CASE WHEN $certain THEN r3.known_certain_to_days ELSE r3.known_possible_to_days END)[[i IN range(0, size(r3.known_until_days) - 1) WHERE r3.known_until_days[i] > $known_at][0]] > $as_of_hi))
WITH a, b, r1, m1, r3, m2
MATCH (m1)-[r2]-(m2)
WHERE r2.known_day <= $known_at AND ($as_of_lo IS NULL OR ((CASE WHEN $certain THEN r2.known_certain_from_days ELSE r2.known_possible_from_days END)[[i IN range(0, size(r2.known_until_days) - 1) WHERE r2.known_until_days[i] > $known_at][0]] <= $as_of_lo AND (CASE WHEN $certain THEN r2.known_certain_to_days ELSE r2.known_possible_to_days END)[[i IN range(0, size(r2.known_until_days) - 1) WHERE r2.known_until_days[i] > $known_at][0]] > $as_of_hi))
RETURN 3 AS hops, a.id + ' > ' + m1.id + ' > ' + m2.id + ' > ' + b.id AS path,
  CASE WHEN startNode(r1) = a THEN '-' + r1.predicate + '->' ELSE '<-' + r1.predicate + '-' END + ' ' + CASE WHEN startNode(r2) = m1 THEN '-' + r2.predicate + '->' ELSE '<-' + r2.predicate + '-' END + ' ' + CASE WHEN startNode(r3) = m2 THEN '-' + r3.predicate + '->' ELSE '<-' + r3.predicate + '-' END AS relations,
  r1.claim_id + ' > ' + r2.claim_id + ' > ' + r3.claim_id AS claims
}
RETURN hops, path, relations, claims
ORDER BY path, claims
