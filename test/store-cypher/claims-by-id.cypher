// $ids = ["claim-1"]
MATCH (c:Claim)
WHERE c.id IN $ids
RETURN {
  props: properties(c),
  about: [(c)-[:ABOUT]->(subject) | subject.id ],
  sentence: head([(c)-[:STATED_IN]->(sentence) | sentence.id ])
} AS row
