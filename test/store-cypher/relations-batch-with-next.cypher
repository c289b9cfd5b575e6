// $requests = [{"entityId":"niger","types":["GOVERNS"],"direction":"INCOMING","asOf":"2023-07-01","minSources":null,"offset":0,"limit":10,"counted":false,"briefEnds":false,"readEvidence":true,"readDates":true,"readDescription":true,"readSources":true,"next":null,"factKeys":["id","role","confidence","description","validFrom","validFromLatest","validFromPrecision","validFromPhrase","validTo","validToLatest","validToPrecision","validToPhrase","quotes","sentenceIds","evidenceSeedFiles","evidenceValidFrom","evidenceValidFromPhrases","evidenceValidTo","evidenceValidToPhrases","evidenceDescriptions","evidenceConfidences"]},{"entityId":"kandadji","types":null,"direction":"BOTH","asOf":null,"minSources":null,"offset":20,"limit":5,"counted":true,"briefEnds":true,"readEvidence":false,"readDates":false,"readDescription":false,"readSources":false,"next":{"types":["GOVERNS"],"direction":"INCOMING","asOf":"2023-07-01","minSources":null,"offset":0,"limit":10,"counted":false,"briefEnds":false,"readEvidence":true,"readDates":true,"readDescription":true,"readSources":true,"factKeys":["id","role","confidence","description","validFrom","validFromLatest","validFromPrecision","validFromPhrase","validTo","validToLatest","validToPrecision","validToPhrase","quotes","sentenceIds","evidenceSeedFiles","evidenceValidFrom","evidenceValidFromPhrases","evidenceValidTo","evidenceValidToPhrases","evidenceDescriptions","evidenceConfidences"]},"factKeys":["id","role","confidence"]}]
// $end = 26
// $nextEnd = 11
UNWIND range(0, size($requests) - 1) AS position
WITH position, $requests[position] AS request

OPTIONAL MATCH (e:Entity {id: request.entityId})
CALL (e, request) {
  OPTIONAL MATCH (e)-[r]-(other:Entity)
  WHERE
    (request.types IS NULL OR type(r) IN request.types) AND
    (request.direction = 'BOTH' OR
      (request.direction = 'OUTGOING' AND startNode(r) = e) OR
      (request.direction = 'INCOMING' AND endNode(r) = e)) AND
    (request.asOf IS NULL OR
      ((r.validFromLatest IS NULL OR r.validFromLatest <= date(request.asOf)) AND
        (r.validTo IS NULL OR r.validTo >= date(request.asOf))))

  WITH r, other
  ORDER BY type(r), toLower(other.name), r.id
  LIMIT toInteger($end)
  WITH
    collect(
      CASE
        WHEN r IS NULL THEN null
        ELSE {r: r, other: other}
      END) AS matches
  RETURN
    CASE
      WHEN
        request.counted
        THEN
          COUNT {
            MATCH (e)-[r]-(other:Entity)
            WHERE
              (request.types IS NULL OR type(r) IN request.types) AND
              (request.direction = 'BOTH' OR
                (request.direction = 'OUTGOING' AND startNode(r) = e) OR
                (request.direction = 'INCOMING' AND endNode(r) = e)) AND
              (request.asOf IS NULL OR
                ((r.validFromLatest IS NULL OR
                    r.validFromLatest <= date(request.asOf)) AND
                  (r.validTo IS NULL OR r.validTo >= date(request.asOf))))
          }
    END AS total,
    matches[request.offset..] AS page
}
CALL (page, request) {
  UNWIND
    CASE
      WHEN request.next IS NULL THEN []
      ELSE page[0..request.limit]
    END AS item
  WITH DISTINCT item.other AS o, request.next AS next
  CALL (o, next) {
    OPTIONAL MATCH (o)-[r]-(other:Entity)
    WHERE
      (next.types IS NULL OR type(r) IN next.types) AND
      (next.direction = 'BOTH' OR
        (next.direction = 'OUTGOING' AND startNode(r) = o) OR
        (next.direction = 'INCOMING' AND endNode(r) = o)) AND
      (next.asOf IS NULL OR
        ((r.validFromLatest IS NULL OR r.validFromLatest <= date(next.asOf)) AND
          (r.validTo IS NULL OR r.validTo >= date(next.asOf))))

    WITH r, other
    ORDER BY type(r), toLower(other.name), r.id
    LIMIT toInteger($nextEnd)
    WITH
      collect(
        CASE
          WHEN r IS NULL THEN null
          ELSE {r: r, other: other}
        END) AS matches
    RETURN
      CASE
        WHEN
          next.counted
          THEN
            COUNT {
              MATCH (o)-[r]-(other:Entity)
              WHERE
                (next.types IS NULL OR type(r) IN next.types) AND
                (next.direction = 'BOTH' OR
                  (next.direction = 'OUTGOING' AND startNode(r) = o) OR
                  (next.direction = 'INCOMING' AND endNode(r) = o)) AND
                (next.asOf IS NULL OR
                  ((r.validFromLatest IS NULL OR
                      r.validFromLatest <= date(next.asOf)) AND
                    (r.validTo IS NULL OR r.validTo >= date(next.asOf))))
            }
      END AS nextTotal,
      matches[next.offset..] AS nextPage
  }
  RETURN
    collect({
      otherId: o.id,
      total: nextTotal,
      page:
        [
          m IN nextPage
          | {
            values: [key IN next.factKeys | m.r[key]],
            sourceIds: m.r.sourceIds,
            type: type(m.r),
            otherId: m.other.id,
            other:
              CASE
                WHEN
                  next.briefEnds
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
    }) AS next
}
WITH
  position,
  e,
  request,
  total,
  [
    m IN page
    | {
      values: [key IN request.factKeys | m.r[key]],
      sourceIds: m.r.sourceIds,
      type: type(m.r),
      otherId: m.other.id,
      other:
        CASE
          WHEN
            request.briefEnds
            THEN {id: m.other.id, name: m.other.name, kind: m.other.kind}
          ELSE properties(m.other)
        END,
      direction:
        CASE
          WHEN startNode(m.r) = e THEN 'OUTGOING'
          ELSE 'INCOMING'
        END
    }
  ] AS page,
  next
RETURN
  position,
  properties(e) AS self,
  total,
  page,
  next,
  COLLECT {
    UNWIND
      reduce(
        ids = [],
        rows IN
        [rows IN [page] WHERE request.readSources] +
        [answer IN next WHERE request.next.readSources | answer.page] |
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
ORDER BY position
