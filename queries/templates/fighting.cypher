// name: fighting
// description: Who fights whom (as of a date, when one is given).
// param: as_of: date = none -- only what holds on this date (EDTF; 2016 means the whole year)
// param: certainty: certainty = possible -- reading of partial dates: possible (may hold) or certain (must hold)
// param: known_as_of: date = none -- as the record stood on this date: only what sources published by then report
// columns: claim_id, side_a, side_a_name, side_b, side_b_name, valid
MATCH (a)-[r:FIGHTS]->(b)
WHERE r.known_day <= $known_at
WITH a, r, b, [i IN range(0, size(r.known_until_days) - 1) WHERE r.known_until_days[i] > $known_at][0] AS k
WHERE ($as_of_lo IS NULL OR ((CASE WHEN $certain THEN r.known_certain_from_days[k] ELSE r.known_possible_from_days[k] END) <= $as_of_lo
        AND (CASE WHEN $certain THEN r.known_certain_to_days[k] ELSE r.known_possible_to_days[k] END) > $as_of_hi))
RETURN r.claim_id AS claim_id, a.id AS side_a, a.name AS side_a_name, b.id AS side_b, b.name AS side_b_name, CASE WHEN r.known_valid[k] = '' THEN null ELSE r.known_valid[k] END AS valid
ORDER BY claim_id
