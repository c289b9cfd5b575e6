// $property = "soldiers_killed"
// $grouping = "ACTOR"
// $from = null
// $to = null
// $withEvents = false
// $withClaims = true
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
  collect(c.id) AS claims
WITH
  coalesce(
    head(
      [
        (actor:Entity)-[p:PARTICIPATED_IN]->(e)
        WHERE p.role IN ['attacker', 'perpetrator']
        | actor.name
      ]),
    'unattributed'
  ) AS key,
  e,
  lowest,
  highest,
  sources,
  claims
WITH
  key,
  count(e) AS eventCount,
  null AS events,
  sum(lowest) AS lowest,
  sum(highest) AS highest,
  reduce(
    all = [], list IN collect(sources) | all + [x IN list WHERE NOT x IN all]) AS sources,
  reduce(all = [], list IN collect(claims) | all + list) AS claims
RETURN
  key,
  eventCount,
  events,
  lowest,
  highest,
  size(sources) AS sourceCount,
  claims
ORDER BY key
