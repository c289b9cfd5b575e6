// $pairs = [{"fromId":"kandadji","toId":"niamey"}]
UNWIND $pairs AS pair
OPTIONAL MATCH (a:Place {id: pair.fromId})
OPTIONAL MATCH (b:Place {id: pair.toId})
RETURN
  pair.fromId AS fromId,
  pair.toId AS toId,
  point.distance(a.location, b.location) AS meters,
  a.locationPrecisionKm + b.locationPrecisionKm AS precisionKm,
  [
    (c:Claim)-[:ABOUT]->(a)
    WHERE c.property STARTS WITH 'distance' AND (c)-[:ABOUT]->(b)
    | c.id
  ] AS claimIds
