// name: supported-by
// description: Whom an actor supported (as of a date, when one is given).
// param: actor: actor -- the supporting actor (id, name or alias)
// param: as_of: date = none -- only what holds on this date (EDTF; 2016 means the whole year)
// param: certainty: certainty = possible -- reading of partial dates: possible (may hold) or certain (must hold)
// param: known_as_of: date = none -- only claims with a source published by this date
// columns: claim_id, supported, supported_name, valid, status
MATCH (a:Actor {id: $actor})-[r:SUPPORTS]->(x)
WHERE ($as_of_lo IS NULL OR ((CASE WHEN $certain THEN r.certain_from_day ELSE r.possible_from_day END) <= $as_of_lo
        AND (CASE WHEN $certain THEN r.certain_to_day ELSE r.possible_to_day END) > $as_of_hi))
  AND ($known_by IS NULL OR (CASE WHEN $certain THEN r.known_certain_day ELSE r.known_day END) <= $known_by)
RETURN r.claim_id AS claim_id, x.id AS supported, x.name AS supported_name, r.valid AS valid, r.status AS status
ORDER BY claim_id
