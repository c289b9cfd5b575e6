
CALL () {
  MATCH (n)
  RETURN count(n) AS nodeCount
}
CALL () {
  MATCH ()-[r]->()
  RETURN count(r) AS relationshipCount
}

RETURN nodeCount, relationshipCount
