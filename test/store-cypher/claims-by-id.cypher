// $ids = ["claim-1"]
MATCH (c:Claim)
WHERE c.id IN $ids
RETURN {
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
} AS row
