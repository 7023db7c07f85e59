// name: allies-of
// description: Who is allied with an actor.
// param: actor: actor -- the actor (id, name or alias)
// param: as_of: date = none -- only what holds on this date (EDTF; 2016 means the whole year)
// param: certainty: certainty = possible -- reading of partial dates: possible (may hold) or certain (must hold)
// param: known_as_of: date = none -- only claims with a source published by this date
// columns: claim_id, ally, ally_name, relation, valid
MATCH (a:Actor {id: $actor})-[r:ALLIED_WITH]-(x)
WHERE ($as_of_lo IS NULL OR ((CASE WHEN $certain THEN r.certain_from_day ELSE r.possible_from_day END) <= $as_of_lo
        AND (CASE WHEN $certain THEN r.certain_to_day ELSE r.possible_to_day END) > $as_of_hi))
  AND ($known_by IS NULL OR (CASE WHEN $certain THEN r.known_certain_day ELSE r.known_day END) <= $known_by)
RETURN DISTINCT r.claim_id AS claim_id, x.id AS ally, x.name AS ally_name, r.predicate AS relation, r.valid AS valid
ORDER BY claim_id
