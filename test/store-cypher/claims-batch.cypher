// $requests = [{"aboutId":"kandadji-attack-2023","sourceId":null,"properties":["soldiers_killed"],"offset":0,"limit":10,"counted":false},{"aboutId":null,"sourceId":"reuters","properties":null,"offset":20,"limit":5,"counted":true}]
UNWIND range(0, size($requests) - 1) AS position
WITH position, $requests[position] AS request

CALL (request) {
  // Start from the most selective anchor: the entity, else the source (its claims and its
  // reports), else all claims.
  CALL (request) {
    OPTIONAL MATCH (c:Claim)-[:ABOUT]->(:Entity {id: request.aboutId})
    WHERE request.aboutId IS NOT NULL
    RETURN c
      UNION
    OPTIONAL MATCH (c:Claim {claimedBy: request.sourceId})
    WHERE request.aboutId IS NULL
    RETURN c
      UNION
    OPTIONAL MATCH (c:Claim)-[:REPORTED_IN]->(:Source {id: request.sourceId})
    WHERE request.aboutId IS NULL
    RETURN c
      UNION
    OPTIONAL MATCH (c:Claim)
    WHERE request.aboutId IS NULL AND request.sourceId IS NULL
    RETURN c
  }
  WITH c
  WHERE
    c IS NOT NULL AND
    (request.properties IS NULL OR c.property IN request.properties) AND
    (request.sourceId IS NULL OR
      c.claimedBy = request.sourceId OR
      EXISTS {
      (c)-[:REPORTED_IN]->(:Source {id: request.sourceId})
      })
  WITH c
  ORDER BY c.property, c.value, c.id
  WITH collect(c) AS matches
  RETURN
    size(matches) AS total,
    [
      c IN matches[request.offset..request.offset + request.limit]
      | {
        props: properties(c),
        about: [(c)-[:ABOUT]->(subject) | subject.id ],
        reports:
          [
            (c)-[r:REPORTED_IN]->(source)
            | r {
              .seedFile,
              .index,
              .quote,
              .sentenceId,
              .confidence,
              sourceId: source.id
            }
          ]
      }
    ] AS page
}
RETURN position, total, page
ORDER BY position
