// name: supporters-of
// description: Who supported an actor (as of a date, when one is given).
// param: actor: actor -- the supported actor (id, name or alias)
// param: as_of: date = none -- only what holds on this date (EDTF; 2016 means the whole year)
// param: certainty: certainty = possible -- reading of partial dates: possible (may hold) or certain (must hold)
// param: known_as_of: date = none -- as the record stood on this date: only what sources published by then report
// columns: claim_id, supporter, supporter_name, valid, status
MATCH (a:Actor {id: $actor})<-[r:SUPPORTS]-(x)
WHERE r.known_day <= $known_at
WITH a, r, x, [i IN range(0, size(r.known_until_days) - 1) WHERE r.known_until_days[i] > $known_at][0] AS k
WHERE ($as_of_lo IS NULL OR ((CASE WHEN $certain THEN r.known_certain_from_days[k] ELSE r.known_possible_from_days[k] END) <= $as_of_lo
        AND (CASE WHEN $certain THEN r.known_certain_to_days[k] ELSE r.known_possible_to_days[k] END) > $as_of_hi))
RETURN r.claim_id AS claim_id, x.id AS supporter, x.name AS supporter_name, CASE WHEN r.known_valid[k] = '' THEN null ELSE r.known_valid[k] END AS valid, r.status AS status
ORDER BY claim_id
