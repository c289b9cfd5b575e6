/** Fragments that several views ask for alike. */
import { graphql } from './gql';

export const DATE_PARTS = graphql(`
  fragment DateParts on PartialDate {
    value
    precision
    earliest
    latest
    phrase
  }
`);

export const EVIDENCE_PARTS = graphql(`
  fragment EvidenceParts on Evidence {
    quote
    source {
      slug
      name
      kind
    }
    sentence {
      index
      text
      document {
        name
      }
    }
  }
`);

export const LOCATION_PARTS = graphql(`
  fragment LocationParts on GeoPoint {
    latitude
    longitude
    precisionKm
    confidence
  }
`);

/** An entity with its date when it is an event: what timelines and event lists show. */
export const DATED_ENTITY = graphql(`
  fragment DatedEntity on Entity {
    slug
    name
    ... on Event {
      date {
        ...DateParts
      }
    }
  }
`);
