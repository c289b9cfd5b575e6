// $requests = [{"sourceId":"reuters","offset":0,"limit":10,"counted":false},{"sourceId":"niger-2023-09-29","offset":20,"limit":5,"counted":true}]
UNWIND range(0, size($requests) - 1) AS position
WITH position, $requests[position] AS request
CALL (request) {
  OPTIONAL MATCH (:Source {id: request.sourceId})-[:MENTIONS]->(e:Entity)
  WITH DISTINCT e
  ORDER BY toLower(e.name), e.id
  WITH collect(e) AS matches
  RETURN
    size(matches) AS total,
    [
      m IN matches[request.offset..request.offset + request.limit]
      | properties(m)
    ] AS page
}
RETURN position, total, page
ORDER BY position
