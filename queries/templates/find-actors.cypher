// name: find-actors
// description: Actors and places whose name contains a text (any case).
// param: text: text -- the text to look for in names
// columns: id, name
MATCH (a)
WHERE (a:Actor OR a:Place) AND toLower(a.name) CONTAINS toLower($text)
RETURN a.id AS id, a.name AS name
ORDER BY id
