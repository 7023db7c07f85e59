// name: changes-between
// description: Relations that began, and relations that ended, after one date and up to another.
// param: start: date -- from this date (exclusive: changes on it are not counted)
// param: end: date -- up to this date (inclusive)
// param: certainty: certainty = possible -- possible: the change may fall in the period; certain: it must
// param: known_as_of: date = none -- only claims with a source published by this date
// columns: change, claim_id, subject, predicate, object
MATCH (s)-[r]->(o)
WHERE r.start_lo_day IS NOT NULL
  AND (CASE WHEN $certain THEN r.start_lo_day > $start_last AND r.start_hi_day <= $end_last
       ELSE r.start_lo_day <= $end_last AND r.start_hi_day > $start_last END)
  AND ($known_by IS NULL OR (CASE WHEN $certain THEN r.known_certain_day ELSE r.known_day END) <= $known_by)
RETURN 'started' AS change, r.claim_id AS claim_id, s.id AS subject, r.predicate AS predicate, o.id AS object
UNION ALL
MATCH (s)-[r]->(o)
WHERE r.end_lo_day IS NOT NULL
  AND (CASE WHEN $certain THEN r.end_lo_day > $start_last AND r.end_hi_day <= $end_last
       ELSE r.end_lo_day <= $end_last AND r.end_hi_day > $start_last END)
  AND ($known_by IS NULL OR (CASE WHEN $certain THEN r.known_certain_day ELSE r.known_day END) <= $known_by)
RETURN 'ended' AS change, r.claim_id AS claim_id, s.id AS subject, r.predicate AS predicate, o.id AS object
