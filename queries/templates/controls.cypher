// name: controls
// description: Who controls a place, or what an actor controls (as of a date, when one is given), and how much of it (extent: whole, part, contested).
// param: place: place = none -- the place (id, name or alias)
// param: actor: actor = none -- the controlling actor (id, name or alias)
// param: as_of: date = none -- only what holds on this date (EDTF; 2016 means the whole year)
// param: certainty: certainty = possible -- reading of partial dates: possible (may hold) or certain (must hold)
// param: known_as_of: date = none -- as the record stood on this date: only what sources published by then report
// columns: claim_id, controller, controller_name, place, place_name, valid, extent
MATCH (a:Actor)-[r:CONTROLS]->(p:Place)
WHERE ($actor IS NULL OR a.id = $actor) AND ($place IS NULL OR p.id = $place)
  AND r.known_day <= $known_at
WITH a, r, p, [i IN range(0, size(r.known_until_days) - 1) WHERE r.known_until_days[i] > $known_at][0] AS k
WHERE ($as_of_lo IS NULL OR ((CASE WHEN $certain THEN r.known_certain_from_days[k] ELSE r.known_possible_from_days[k] END) <= $as_of_lo
        AND (CASE WHEN $certain THEN r.known_certain_to_days[k] ELSE r.known_possible_to_days[k] END) > $as_of_hi))
RETURN r.claim_id AS claim_id, a.id AS controller, a.name AS controller_name, p.id AS place, p.name AS place_name, CASE WHEN r.known_valid[k] = '' THEN null ELSE r.known_valid[k] END AS valid, r.extent AS extent
ORDER BY claim_id
