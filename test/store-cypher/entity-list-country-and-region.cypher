// $kinds = null
// $name = null
// $country = "niger"
// $region = "tillaberi-region"
// $near = null
// $kind = null
// $offset = 0
// $limit = 10
// $counted = false
// $along = []
// $alongEnd = 1
MATCH
  (e:Entity)-[:LOCATED_IN|OCCURRED_AT|OCCURRED_IN*1..4]->(:Entity {id: $region})
WITH DISTINCT e
WITH e
WHERE
  (e.id = $country OR
    EXISTS {
    (e)-
      [:LOCATED_IN
        |OCCURRED_AT
        |OCCURRED_IN
        |GOVERNS
        |HOLDS_OFFICE_IN
        |BASED_AT
        |DEPLOYED_IN
        |ACTIVE_IN
        |MEMBER_OF*1..3]->
    (:Country {id: $country})
    })

WITH e
ORDER BY e.sortName ASC, e.id
SKIP toInteger($offset)
LIMIT toInteger($limit) + 1
WITH collect(e) AS page
WITH null AS total, page
CALL (page) {
  UNWIND page[0..toInteger($limit)] AS o
  UNWIND range(0, size($along) - 1) AS position
  WITH o, position, $along[position] AS along
  CALL (o, along) {
    OPTIONAL MATCH (o)-[r]-(other:Entity)
    WHERE
      (along.types IS NULL OR type(r) IN along.types) AND
      (along.direction = 'BOTH' OR
        (along.direction = 'OUTGOING' AND startNode(r) = o) OR
        (along.direction = 'INCOMING' AND endNode(r) = o)) AND
      (along.asOf IS NULL OR
        ((r.validFromLatest IS NULL OR r.validFromLatest <= date(along.asOf)) AND
          (r.validTo IS NULL OR r.validTo >= date(along.asOf))))

    WITH r, other
    ORDER BY type(r), toLower(other.name), r.id
    LIMIT toInteger($alongEnd)
    WITH
      collect(
        CASE
          WHEN r IS NULL THEN null
          ELSE {r: r, other: other}
        END) AS matches
    RETURN
      CASE
        WHEN
          along.counted
          THEN
            COUNT {
              MATCH (o)-[r]-(other:Entity)
              WHERE
                (along.types IS NULL OR type(r) IN along.types) AND
                (along.direction = 'BOTH' OR
                  (along.direction = 'OUTGOING' AND startNode(r) = o) OR
                  (along.direction = 'INCOMING' AND endNode(r) = o)) AND
                (along.asOf IS NULL OR
                  ((r.validFromLatest IS NULL OR
                      r.validFromLatest <= date(along.asOf)) AND
                    (r.validTo IS NULL OR r.validTo >= date(along.asOf))))
            }
      END AS alongTotal,
      matches[along.offset..] AS alongPage
  }
  RETURN
    collect({
      id: o.id,
      request: position,
      total: alongTotal,
      page:
        [
          m IN alongPage
          | {
            values: [key IN along.factKeys | m.r[key]],
            sourceIds: m.r.sourceIds,
            type: type(m.r),
            otherId: m.other.id,
            other:
              CASE
                WHEN
                  along.briefEnds
                  THEN {id: m.other.id, name: m.other.name, kind: m.other.kind}
                ELSE properties(m.other)
              END,
            direction:
              CASE
                WHEN startNode(m.r) = o THEN 'OUTGOING'
                ELSE 'INCOMING'
              END
          }
        ]
    }) AS along
}
RETURN
  total,
  [n IN page | properties(n)] AS page,
  along,
  [] AS unmet,
  COLLECT {
    UNWIND
      reduce(
        ids = [],
        rows IN
        [answer IN along WHERE $along[answer.request].readSources | answer.page] |
          ids + reduce(x = [], row IN rows | x + coalesce(row.sourceIds, []))) AS
        sid
    WITH DISTINCT sid
    MATCH (s:Source {id: sid})
    RETURN {
      props: properties(s),
      links:
        [
          (s)-[link:CITED_IN|ISSUED_BY|SPOKE_TO]->(t)
          | {type: type(link), id: t.id}
        ]
    }
  } AS sources
