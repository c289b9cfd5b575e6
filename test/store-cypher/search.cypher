// $lucene = "(tiani^3 OR tiani* OR tiani~1) OR (junte^3 OR junte* OR junte~1)"
// $kinds = null
// $offset = 0
// $limit = 10
// $counted = false
CALL
  db.index.fulltext.queryNodes(
    'entity_search',
    $lucene
  )
  YIELD node, score
  WHERE $kinds IS NULL OR node.kind IN $kinds
WITH node, score
ORDER BY score DESC, node.name
SKIP toInteger($offset)
LIMIT toInteger($limit) + 1
WITH collect({entity: properties(node), score: score}) AS page
RETURN null AS total, page
