// $slug = "kandadji"
// $depth = 2
// $types = null
// $asOf = "2023-09-28"
// $limit = 50
// $minSources = null
MATCH (center:Entity {id: $slug})
CALL (center) {
  MATCH p = (center)-[*1..2]-(n:Entity)
  WHERE
    n <> center AND
    all(x IN nodes(p) WHERE x:Entity) AND
    ($types IS NULL OR all(r IN relationships(p) WHERE type(r) IN $types))
  RETURN n, min(length(p)) AS distance
  ORDER BY distance, toLower(n.name)
  LIMIT toInteger($limit) + 1
}
WITH center, collect({id: n.id, distance: distance}) AS found
WITH center, found[..$limit] AS kept, size(found) > $limit AS truncated
WITH kept, truncated, [center.id] + [k IN kept | k.id] AS ids
CALL (ids) {
  MATCH (a:Entity)-[r]->(b:Entity)
  WHERE
    a.id IN ids AND
    b.id IN ids AND
    ($types IS NULL OR type(r) IN $types) AND
    ($asOf IS NULL OR
      ((r.validFromLatest IS NULL OR r.validFromLatest <= date($asOf)) AND
        (r.validTo IS NULL OR r.validTo >= date($asOf)))) AND
    ($minSources IS NULL OR
      size(
        COLLECT {
          UNWIND r.sourceIds AS sid
          MATCH (:Source {id: sid})-[:CITED_IN*0..]->(root:Source)
          WHERE NOT (root)-[:CITED_IN]->()
          RETURN DISTINCT root.id
        }) >=
      $minSources)
  RETURN
    collect({props: properties(r), type: type(r), source: a.id, target: b.id}) AS links
}
RETURN kept, truncated, links
