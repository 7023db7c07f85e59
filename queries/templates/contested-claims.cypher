// name: contested-claims
// description: Claims the record only alleges or that are disputed, to check before relying on them.
// param: actor: actor = none -- only claims involving this actor (id, name or alias)
// param: as_of: date = none -- only what holds on this date (EDTF; 2016 means the whole year)
// param: certainty: certainty = possible -- reading of partial dates: possible (may hold) or certain (must hold)
// param: known_as_of: date = none -- as the record stood on this date: only what sources published by then report
// columns: claim_id, subject, predicate, object, status
MATCH (s)-[r]->(o)
WHERE r.status IN ['alleged', 'disputed']
  AND ($actor IS NULL OR s.id = $actor OR o.id = $actor)
  AND r.known_day <= $known_at
WITH s, r, o, [i IN range(0, size(r.known_until_days) - 1) WHERE r.known_until_days[i] > $known_at][0] AS k
WHERE ($as_of_lo IS NULL OR ((CASE WHEN $certain THEN r.known_certain_from_days[k] ELSE r.known_possible_from_days[k] END) <= $as_of_lo
        AND (CASE WHEN $certain THEN r.known_certain_to_days[k] ELSE r.known_possible_to_days[k] END) > $as_of_hi))
RETURN r.claim_id AS claim_id, s.id AS subject, r.predicate AS predicate, o.id AS object, r.status AS status
ORDER BY claim_id
