
CALL () {
  MATCH (n)
  RETURN count(n) AS nodeCount
}
CALL () {
  MATCH ()-[r]->()
  RETURN count(r) AS relationshipCount
}

CALL () {
  MATCH (n)
  UNWIND labels(n) AS label
  WITH label, count(*) AS count
  ORDER BY label
  RETURN collect({label: label, count: count}) AS labels
}

CALL () {
  MATCH ()-[r]->()
  WITH type(r) AS type, count(*) AS count
  ORDER BY type
  RETURN collect({type: type, count: count}) AS relationshipTypes
}
RETURN nodeCount, relationshipCount, labels, relationshipTypes
