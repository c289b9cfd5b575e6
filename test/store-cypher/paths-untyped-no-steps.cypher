// $from = "tiani"
// $to = "france"
// $maxLength = 4
// $types = null
// $limit = 3
// $withSteps = false
// $briefNodes = true
// $minSources = null
MATCH (a:Entity {id: $from})
MATCH (b:Entity {id: $to})
MATCH p = ALLSHORTESTPATHS ((a)-[*..4]-(b))
WHERE all(n IN nodes(p) WHERE n:Entity)

WITH p
LIMIT toInteger($limit)
RETURN
  length(p) AS length,
  [n IN nodes(p) | {id: n.id, name: n.name, kind: n.kind}] AS nodes,
  [] AS relationships
