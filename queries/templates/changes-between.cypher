// name: changes-between
// description: Relations that began, and relations that ended, after one date and up to another.
// param: start: date -- from this date (exclusive: changes on it are not counted)
// param: end: date -- up to this date (inclusive)
// param: certainty: certainty = possible -- possible: the change may fall in the period; certain: it must
// param: known_as_of: date = none -- as the record stood on this date: only what sources published by then report
// columns: change, claim_id, subject, predicate, object
MATCH (s)-[r]->(o)
WHERE r.known_day <= $known_at
WITH s, r, o, [i IN range(0, size(r.known_until_days) - 1) WHERE r.known_until_days[i] > $known_at][0] AS k
WITH s, r, o, r.known_start_earliest_days[k] AS lo, r.known_start_latest_days[k] AS hi
WHERE lo <= hi
  AND (CASE WHEN $certain THEN lo > $start_last AND hi <= $end_last ELSE lo <= $end_last AND hi > $start_last END)
RETURN 'started' AS change, r.claim_id AS claim_id, s.id AS subject, r.predicate AS predicate, o.id AS object
UNION ALL
MATCH (s)-[r]->(o)
WHERE r.known_day <= $known_at
WITH s, r, o, [i IN range(0, size(r.known_until_days) - 1) WHERE r.known_until_days[i] > $known_at][0] AS k
WITH s, r, o, r.known_end_earliest_days[k] AS lo, r.known_end_latest_days[k] AS hi
WHERE lo <= hi
  AND (CASE WHEN $certain THEN lo > $start_last AND hi <= $end_last ELSE lo <= $end_last AND hi > $start_last END)
RETURN 'ended' AS change, r.claim_id AS claim_id, s.id AS subject, r.predicate AS predicate, o.id AS object
