// $requests = [{"sourceId":"wikipedia-mohamed-bazoum","offset":0,"limit":10,"counted":false},{"sourceId":"article-niger-2023-09-29","offset":20,"limit":5,"counted":true}]
UNWIND range(0, size($requests) - 1) AS position
WITH position, $requests[position] AS request
CALL (request) {
  OPTIONAL MATCH
    (:Source {id: request.sourceId})-[:MENTIONS]->(a:Entity)-[r]->(b:Entity)
  WHERE request.sourceId IN r.sourceIds
  // Several files may derive the same MENTIONS link: each fact once.
  WITH DISTINCT a, r, b
  ORDER BY type(r), toLower(a.name), toLower(b.name), r.id
  WITH
    collect(
      CASE
        WHEN r IS NULL THEN null
        ELSE {props: properties(r), type: type(r), from: a.id, to: b.id}
      END) AS matches
  RETURN
    size(matches) AS total,
    matches[request.offset..request.offset + request.limit] AS page
}
RETURN position, total, page
ORDER BY position
