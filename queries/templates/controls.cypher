// name: controls
// description: Who controls a place, or what an actor controls (as of a date, when one is given).
// param: place: place = none -- the place (id, name or alias)
// param: actor: actor = none -- the controlling actor (id, name or alias)
// param: as_of: date = none -- only what holds on this date (EDTF; 2016 means the whole year)
// param: certainty: certainty = possible -- reading of partial dates: possible (may hold) or certain (must hold)
// param: known_as_of: date = none -- only claims with a source published by this date
// columns: claim_id, controller, controller_name, place, place_name, valid
MATCH (a:Actor)-[r:CONTROLS]->(p:Place)
WHERE ($actor IS NULL OR a.id = $actor) AND ($place IS NULL OR p.id = $place)
  AND ($as_of_lo IS NULL OR ((CASE WHEN $certain THEN r.certain_from_day ELSE r.possible_from_day END) <= $as_of_lo
        AND (CASE WHEN $certain THEN r.certain_to_day ELSE r.possible_to_day END) > $as_of_hi))
  AND ($known_by IS NULL OR (CASE WHEN $certain THEN r.known_certain_day ELSE r.known_day END) <= $known_by)
RETURN r.claim_id AS claim_id, a.id AS controller, a.name AS controller_name, p.id AS place, p.name AS place_name, r.valid AS valid
ORDER BY claim_id
