// name: contested-claims
// description: Claims the record only alleges or that are disputed, to check before relying on them.
// param: actor: actor = none -- only claims involving this actor (id, name or alias)
// param: as_of: date = none -- only what holds on this date (EDTF; 2016 means the whole year)
// param: certainty: certainty = possible -- reading of partial dates: possible (may hold) or certain (must hold)
// param: known_as_of: date = none -- only claims with a source published by this date
// columns: claim_id, subject, predicate, object, status
MATCH (s)-[r]->(o)
WHERE r.status IN ['alleged', 'disputed']
  AND ($actor IS NULL OR s.id = $actor OR o.id = $actor)
  AND ($as_of_lo IS NULL OR ((CASE WHEN $certain THEN r.certain_from_day ELSE r.possible_from_day END) <= $as_of_lo
        AND (CASE WHEN $certain THEN r.certain_to_day ELSE r.possible_to_day END) > $as_of_hi))
  AND ($known_by IS NULL OR (CASE WHEN $certain THEN r.known_certain_day ELSE r.known_day END) <= $known_by)
RETURN r.claim_id AS claim_id, s.id AS subject, r.predicate AS predicate, o.id AS object, r.status AS status
ORDER BY claim_id
