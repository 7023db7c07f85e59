// name: support-by-type
// description: Support broken down by type: one row per supports relation and support type.
// param: actor: actor = none -- only support given to this actor (id, name or alias)
// param: support_type: support_type = none -- only this type of support (troops, weapons, funding, ...)
// param: as_of: date = none -- only what holds on this date (EDTF; 2016 means the whole year)
// param: certainty: certainty = possible -- reading of partial dates: possible (may hold) or certain (must hold)
// param: known_as_of: date = none -- as the record stood on this date: only what sources published by then report
// columns: claim_id, supporter, supported, support_type
MATCH (s)-[r:SUPPORTS]->(o)
WHERE ($actor IS NULL OR o.id = $actor)
  AND r.known_day <= $known_at
WITH s, r, o, [i IN range(0, size(r.known_until_days) - 1) WHERE r.known_until_days[i] > $known_at][0] AS k
WHERE ($as_of_lo IS NULL OR ((CASE WHEN $certain THEN r.known_certain_from_days[k] ELSE r.known_possible_from_days[k] END) <= $as_of_lo
        AND (CASE WHEN $certain THEN r.known_certain_to_days[k] ELSE r.known_possible_to_days[k] END) > $as_of_hi))
UNWIND r.support_types AS t
WITH r, s, o, t
WHERE $support_type IS NULL OR t = $support_type
RETURN r.claim_id AS claim_id, s.id AS supporter, o.id AS supported, t AS support_type
ORDER BY support_type, claim_id
