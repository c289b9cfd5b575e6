// $lucene = "(niamey^3 OR niamey* OR niamey~1)"
// $kinds = ["Place"]
// $offset = 20
// $limit = 5
// $counted = true
CALL
  db.index.fulltext.queryNodes(
    'entity_search',
    $lucene
  )
  YIELD node, score
  WHERE $kinds IS NULL OR node.kind IN $kinds
WITH node, score
ORDER BY score DESC, node.name
WITH collect({node: node, score: score}) AS hits
RETURN
  size(hits) AS total,
  [
    hit IN hits[$offset..$offset + $limit]
    | {entity: properties(hit.node), score: hit.score}
  ] AS page
