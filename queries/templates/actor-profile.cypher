// name: actor-profile
// description: An actor's identity: name, kind, country and when it existed.
// param: actor: actor -- the actor (id, name or alias)
// param: known_as_of: date = none -- as the record stood on this date: an actor not yet known gives no row, dates not yet reported are empty
// columns: id, name, kind, country, founded, dissolved
MATCH (a:Actor {id: $actor})
WHERE a.known_day <= $known_at
RETURN a.id AS id, a.name AS name, a.kind AS kind, a.country AS country,
       CASE WHEN a.founded_known_day <= $known_at THEN a.founded END AS founded,
       CASE WHEN a.dissolved_known_day <= $known_at THEN a.dissolved END AS dissolved
