// name: network-as-of
// description: Every relation that holds on a date: the network as it stood then.
// param: as_of: date -- the date (EDTF; 2016 means the whole year)
// param: certainty: certainty = possible -- reading of partial dates: possible (may hold) or certain (must hold)
// param: known_as_of: date = none -- only claims with a source published by this date
// param: relation: relation_kind = none -- only relations of this kind (supports, fights, ...)
// columns: claim_id, subject, predicate, object
MATCH (s)-[r]->(o)
WHERE ($relation IS NULL OR r.predicate = $relation)
  AND ($as_of_lo IS NULL OR ((CASE WHEN $certain THEN r.certain_from_day ELSE r.possible_from_day END) <= $as_of_lo
        AND (CASE WHEN $certain THEN r.certain_to_day ELSE r.possible_to_day END) > $as_of_hi))
  AND ($known_by IS NULL OR (CASE WHEN $certain THEN r.known_certain_day ELSE r.known_day END) <= $known_by)
RETURN r.claim_id AS claim_id, s.id AS subject, r.predicate AS predicate, o.id AS object
ORDER BY claim_id
