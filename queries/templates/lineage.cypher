// name: lineage
// description: Splits, renamings and mergers: what an actor came from (ancestor) and what came of it (descendant).
// param: actor: actor -- the actor (id, name or alias)
// param: known_as_of: date = none -- as the record stood on this date: only links reported by then are followed
// columns: direction, claim_id, subject, predicate, object
MATCH p = (a:Actor {id: $actor})-[:OFFSHOOT_OF|SUCCESSOR_OF|MERGED_INTO*0..]-(u)
WHERE all(i IN range(0, length(p) - 1) WHERE (type(relationships(p)[i]) = 'MERGED_INTO') = (endNode(relationships(p)[i]).id = nodes(p)[i].id))
  AND all(link IN relationships(p) WHERE link.known_day <= $known_at)
WITH DISTINCT u
MATCH (u)-[r:OFFSHOOT_OF|SUCCESSOR_OF|MERGED_INTO]-(v)
WHERE (type(r) = 'MERGED_INTO') = (endNode(r).id = u.id) AND r.known_day <= $known_at
RETURN DISTINCT 'ancestor' AS direction, r.claim_id AS claim_id, startNode(r).id AS subject, r.predicate AS predicate, endNode(r).id AS object
UNION
MATCH p = (a:Actor {id: $actor})-[:OFFSHOOT_OF|SUCCESSOR_OF|MERGED_INTO*0..]-(u)
WHERE all(i IN range(0, length(p) - 1) WHERE (type(relationships(p)[i]) = 'MERGED_INTO') = (endNode(relationships(p)[i]).id <> nodes(p)[i].id))
  AND all(link IN relationships(p) WHERE link.known_day <= $known_at)
WITH DISTINCT u
MATCH (u)-[r:OFFSHOOT_OF|SUCCESSOR_OF|MERGED_INTO]-(v)
WHERE (type(r) = 'MERGED_INTO') = (endNode(r).id <> u.id) AND r.known_day <= $known_at
RETURN DISTINCT 'descendant' AS direction, r.claim_id AS claim_id, startNode(r).id AS subject, r.predicate AS predicate, endNode(r).id AS object
