// name: lineage
// description: Splits, renamings and mergers leading to an actor (ancestor) and from it (descendant).
// param: actor: actor -- the actor (id, name or alias)
// columns: direction, claim_id, subject, predicate, object
MATCH (a:Actor {id: $actor})-[:OFFSHOOT_OF|SUCCESSOR_OF|MERGED_INTO*0..]->(u)-[r:OFFSHOOT_OF|SUCCESSOR_OF|MERGED_INTO]->(v)
RETURN DISTINCT 'ancestor' AS direction, r.claim_id AS claim_id, u.id AS subject, r.predicate AS predicate, v.id AS object
UNION
MATCH (a:Actor {id: $actor})<-[:OFFSHOOT_OF|SUCCESSOR_OF|MERGED_INTO*0..]-(u)<-[r:OFFSHOOT_OF|SUCCESSOR_OF|MERGED_INTO]-(v)
RETURN DISTINCT 'descendant' AS direction, r.claim_id AS claim_id, v.id AS subject, r.predicate AS predicate, u.id AS object
