// $from = "tiani"
// $to = "france"
// $maxLength = 6
// $types = ["LEADS","GOVERNS"]
// $limit = 1
// $withSteps = true
// $briefNodes = false
// $minSources = null
MATCH (a:Entity {id: $from})
MATCH (b:Entity {id: $to})
MATCH p = ALLSHORTESTPATHS ((a)-[*..6]-(b))
WHERE
  all(n IN nodes(p) WHERE n:Entity) AND
  all(r IN relationships(p) WHERE type(r) IN $types)

WITH p
LIMIT toInteger($limit)
RETURN
  length(p) AS length,
  [n IN nodes(p) | properties(n)] AS nodes,
  [
    r IN relationships(p)
    | {props: properties(r), type: type(r), start: startNode(r).id}
  ] AS relationships
