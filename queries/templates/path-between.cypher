// name: path-between
// description: The shortest chains (up to 3 relations, either direction) linking two actors.
// param: actor: actor -- one end (id, name or alias)
// param: other: actor -- the other end (id, name or alias)
// param: as_of: date = none -- only what holds on this date (EDTF; 2016 means the whole year)
// param: certainty: certainty = possible -- reading of partial dates: possible (may hold) or certain (must hold)
// param: known_as_of: date = none -- as the record stood on this date: only what sources published by then report
// columns: hops, path
MATCH p = (a:Actor {id: $actor})-[*1..3]-(b:Actor {id: $other})
WHERE all(r IN relationships(p) WHERE r.known_day <= $known_at AND ($as_of_lo IS NULL OR
        ((CASE WHEN $certain THEN r.known_certain_from_days ELSE r.known_possible_from_days END)[[i IN range(0, size(r.known_until_days) - 1) WHERE r.known_until_days[i] > $known_at][0]] <= $as_of_lo
         AND (CASE WHEN $certain THEN r.known_certain_to_days ELSE r.known_possible_to_days END)[[i IN range(0, size(r.known_until_days) - 1) WHERE r.known_until_days[i] > $known_at][0]] > $as_of_hi)))
WITH length(p) AS hops, [n IN nodes(p) | n.id] AS ids
WITH collect([hops, ids]) AS found, min(hops) AS best
UNWIND found AS f
WITH best, f
WHERE f[0] = best
RETURN DISTINCT best AS hops, reduce(s = head(f[1]), n IN tail(f[1]) | s + ' > ' + n) AS path
ORDER BY path
