// name: support-by-type
// description: Support broken down by type: one row per supports relation and support type.
// param: actor: actor = none -- only support given to this actor (id, name or alias)
// param: support_type: support_type = none -- only this type of support (troops, weapons, funding, ...)
// param: as_of: date = none -- only what holds on this date (EDTF; 2016 means the whole year)
// param: certainty: certainty = possible -- reading of partial dates: possible (may hold) or certain (must hold)
// param: known_as_of: date = none -- only claims with a source published by this date
// columns: claim_id, supporter, supported, support_type
MATCH (s)-[r:SUPPORTS]->(o)
WHERE ($actor IS NULL OR o.id = $actor)
  AND ($as_of_lo IS NULL OR ((CASE WHEN $certain THEN r.certain_from_day ELSE r.possible_from_day END) <= $as_of_lo
        AND (CASE WHEN $certain THEN r.certain_to_day ELSE r.possible_to_day END) > $as_of_hi))
  AND ($known_by IS NULL OR (CASE WHEN $certain THEN r.known_certain_day ELSE r.known_day END) <= $known_by)
UNWIND r.support_types AS t
WITH r, s, o, t
WHERE $support_type IS NULL OR t = $support_type
RETURN r.claim_id AS claim_id, s.id AS supporter, o.id AS supported, t AS support_type
ORDER BY support_type, claim_id
