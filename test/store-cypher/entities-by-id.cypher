// $ids = ["niger","cnsp"]
MATCH (e:Entity)
WHERE e.id IN $ids
RETURN properties(e) AS row
