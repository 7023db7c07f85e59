// name: fighting-in
// description: Who fights whom in a place and the places within it (following within, up to 16 levels deep): fights whose two sides both control or are based in one of those places at the date; for a country (with a country code), every fight with one side present there or of that country. A fight with a theatre counts only when a theatre place lies in the place or encloses it.
// param: place: place -- the place (id, name or alias)
// param: as_of: date = none -- only what holds on this date (EDTF; 2016 means the whole year); presence is read at the same date
// param: certainty: certainty = possible -- reading of partial dates: possible (may hold) or certain (must hold)
// param: known_as_of: date = none -- as the record stood on this date: only what sources published by then report
// columns: claim_id, side_a, side_a_name, side_b, side_b_name, valid
MATCH (top:Place {id: $place})
MATCH (pl:Place)
WITH top, collect(pl) AS places
WITH top, reduce(inside = [top.id], step IN range(1, 16) |
       inside + [q IN places WHERE q.within IN inside AND NOT q.id IN inside | q.id]) AS inside,
     reduce(around = [top.id], step IN range(1, 16) |
       around + [q IN places WHERE q.id IN around AND q.within IS NOT NULL AND NOT q.within IN around | q.within]) AS around
OPTIONAL MATCH (x:Actor)-[t:CONTROLS|BASED_IN]->(p:Place)
WHERE p.id IN inside AND t.known_day <= $known_at
  AND any(i IN range(0, size(t.known_until_days) - 1) WHERE t.known_since_days[i] <= $known_at
          AND t.known_until_days[i] > $known_at
          AND ($as_of_lo IS NULL OR ((CASE WHEN $certain THEN t.known_certain_from_days[i] ELSE t.known_possible_from_days[i] END) <= $as_of_lo
               AND (CASE WHEN $certain THEN t.known_certain_to_days[i] ELSE t.known_possible_to_days[i] END) > $as_of_hi)))
WITH top, around + inside AS area, collect(DISTINCT x.id) AS present
MATCH (a)-[r:FIGHTS]->(b)
WHERE r.known_day <= $known_at
WITH top, area, present, a, r, b, [i IN range(0, size(r.known_until_days) - 1) WHERE r.known_until_days[i] > $known_at][0] AS k
WHERE ($as_of_lo IS NULL OR ((CASE WHEN $certain THEN r.known_certain_from_days[k] ELSE r.known_possible_from_days[k] END) <= $as_of_lo
        AND (CASE WHEN $certain THEN r.known_certain_to_days[k] ELSE r.known_possible_to_days[k] END) > $as_of_hi))
  AND (r.theatre IS NULL OR any(t IN r.theatre WHERE t IN area))
  AND ((a.id IN present AND b.id IN present)
       OR (top.kind = 'country' AND top.country IS NOT NULL
           AND (a.id IN present OR b.id IN present OR a.country = top.country OR b.country = top.country)))
RETURN r.claim_id AS claim_id, a.id AS side_a, a.name AS side_a_name, b.id AS side_b, b.name AS side_b_name, CASE WHEN r.known_valid[k] = '' THEN null ELSE r.known_valid[k] END AS valid
ORDER BY claim_id
