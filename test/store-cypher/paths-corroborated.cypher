// $from = "tiani"
// $to = "france"
// $maxLength = 4
// $types = null
// $minSources = 2
// $limit = 3
// $withSteps = true
// $briefNodes = false
MATCH (a:Entity {id: $from})
MATCH (b:Entity {id: $to})
MATCH p = ALLSHORTESTPATHS ((a)-[*..4]-(b))
WHERE
  all(n IN nodes(p) WHERE n:Entity) AND
  all(
    r IN relationships(p)
    WHERE
      ($minSources IS NULL OR
        size(
          COLLECT {
            UNWIND r.sourceIds AS sid
            MATCH (:Source {id: sid})-[:CITED_IN*0..]->(root:Source)
            WHERE NOT (root)-[:CITED_IN]->()
            RETURN DISTINCT root.id
          }) >=
        $minSources)
  )
WITH p
LIMIT toInteger($limit)
RETURN
  length(p) AS length,
  [n IN nodes(p) | properties(n)] AS nodes,
  [
    r IN relationships(p)
    | {props: properties(r), type: type(r), start: startNode(r).id}
  ] AS relationships
