// $ids = ["reuters","niger-2023-09-29"]
MATCH (s:Source)
WHERE s.id IN $ids
RETURN {
  props: properties(s),
  links:
    [
      (s)-[link:CITED_IN|ISSUED_BY|SPOKE_TO]->(t)
      | {type: type(link), id: t.id}
    ]
} AS row
