// $kinds = ["Publication"]
// $offset = 20
// $limit = 5
// $counted = true
MATCH (s:Source)
WHERE $kinds IS NULL OR s.kind IN $kinds
WITH s
ORDER BY s.kind, toLower(s.name), s.id
WITH collect(s.id) AS ids
RETURN size(ids) AS total, ids[$offset..$offset + $limit] AS page
