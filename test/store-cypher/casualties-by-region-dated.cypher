// $property = "soldiers_killed"
// $grouping = "REGION"
// $from = "2023-01-01"
// $to = "2023-12-31"
// $withEvents = true
// $withClaims = false
MATCH (c:Claim {property: $property})-[:ABOUT]->(e:Event)
WHERE
  c.value IS NOT NULL AND
  ($from IS NULL OR coalesce(e.dateLatest, e.endDateLatest) >= date($from)) AND
  ($to IS NULL OR coalesce(e.date, e.endDate) <= date($to))
WITH
  e,
  min(c.value) AS lowest,
  max(c.value) AS highest,
  collect(DISTINCT c.claimedBy) AS sources,
  null AS claims
WITH
  coalesce(
    head(
      [
        (e)-
        [:OCCURRED_AT|OCCURRED_IN]->
        (:Entity)-
        [:LOCATED_IN*0..3]->
        (region:AdminRegion)
        | region.name
      ]),
    head(
      [
        (e)-
        [:OCCURRED_AT|OCCURRED_IN]->
        (:Entity)-
        [:LOCATED_IN*0..3]->
        (country:Country)
        | country.name
      ]),
    'unknown'
  ) AS key,
  e,
  lowest,
  highest,
  sources,
  claims
WITH
  key,
  count(e) AS eventCount,
  collect(e.id) AS events,
  sum(lowest) AS lowest,
  sum(highest) AS highest,
  reduce(
    all = [], list IN collect(sources) | all + [x IN list WHERE NOT x IN all]) AS sources,
  null AS claims
RETURN
  key,
  eventCount,
  events,
  lowest,
  highest,
  size(sources) AS sourceCount,
  claims
ORDER BY key
