// name: actor-profile
// description: An actor's identity: name, kind, country and when it existed.
// param: actor: actor -- the actor (id, name or alias)
// columns: id, name, kind, country, founded, dissolved
MATCH (a:Actor {id: $actor})
RETURN a.id AS id, a.name AS name, a.kind AS kind, a.country AS country, a.founded AS founded, a.dissolved AS dissolved
