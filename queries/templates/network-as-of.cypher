// name: network-as-of
// description: Every relation that holds on a date: the network as it stood then.
// param: as_of: date -- the date (EDTF; 2016 means the whole year)
// param: certainty: certainty = possible -- reading of partial dates: possible (may hold) or certain (must hold)
// param: known_as_of: date = none -- as the record stood on this date: only what sources published by then report
// param: relation: relation_kind = none -- only relations of this kind (supports, fights, ...)
// columns: claim_id, subject, predicate, object
MATCH (s)-[r]->(o)
WHERE ($relation IS NULL OR r.predicate = $relation)
  AND r.known_day <= $known_at
WITH s, r, o, [i IN range(0, size(r.known_until_days) - 1) WHERE r.known_until_days[i] > $known_at][0] AS k
WHERE ($as_of_lo IS NULL OR ((CASE WHEN $certain THEN r.known_certain_from_days[k] ELSE r.known_possible_from_days[k] END) <= $as_of_lo
        AND (CASE WHEN $certain THEN r.known_certain_to_days[k] ELSE r.known_possible_to_days[k] END) > $as_of_hi))
RETURN r.claim_id AS claim_id, s.id AS subject, r.predicate AS predicate, o.id AS object
ORDER BY claim_id
