// $ids = ["niger-2023-09-29#3"]
MATCH (s:Sentence)-[:IN_DOCUMENT]->(d:Source)
WHERE s.id IN $ids
RETURN {id: s.id, index: s.index, text: s.text, documentId: d.id} AS row
