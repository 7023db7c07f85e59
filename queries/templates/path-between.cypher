// name: path-between
// description: The shortest chains (up to 3 relations, either direction) linking two actors.
// param: actor: actor -- one end (id, name or alias)
// param: other: actor -- the other end (id, name or alias)
// param: as_of: date = none -- only what holds on this date (EDTF; 2016 means the whole year)
// param: certainty: certainty = possible -- reading of partial dates: possible (may hold) or certain (must hold)
// param: known_as_of: date = none -- only claims with a source published by this date
// columns: hops, path
MATCH p = (a:Actor {id: $actor})-[*1..3]-(b:Actor {id: $other})
WHERE all(r IN relationships(p) WHERE ($as_of_lo IS NULL OR ((CASE WHEN $certain THEN r.certain_from_day ELSE r.possible_from_day END) <= $as_of_lo         AND (CASE WHEN $certain THEN r.certain_to_day ELSE r.possible_to_day END) > $as_of_hi))   AND ($known_by IS NULL OR (CASE WHEN $certain THEN r.known_certain_day ELSE r.known_day END) <= $known_by))
WITH length(p) AS hops, [n IN nodes(p) | n.id] AS ids
WITH collect([hops, ids]) AS found, min(hops) AS best
UNWIND found AS f
WITH best, f
WHERE f[0] = best
RETURN DISTINCT best AS hops, reduce(s = head(f[1]), n IN tail(f[1]) | s + ' > ' + n) AS path
ORDER BY path
