/**
 * The graph's vocabulary: the kinds of entity and source, the relationship types, the claim
 * qualifiers and confidence values, as the seed format, the store and the GraphQL schema all
 * name them. It imports nothing, so every layer can read it.
 */
export const ENTITY_KINDS = [
  'Person',
  'Organization',
  'Country',
  'ArmedGroup',
  'Place',
  'Event',
] as const;
export type EntityKind = (typeof ENTITY_KINDS)[number];

/** Finer kinds, each an extra label under one kind. */
export const SUBKINDS = {
  Person: ['Politician', 'MilitaryOfficer', 'Diplomat', 'MilitantLeader'],
  Organization: [
    'GovernmentBody',
    'MilitaryJunta',
    'MilitaryForce',
    'MilitaryUnit',
    'NewsAgency',
    'Alliance',
    'ActivistGroup',
  ],
  Country: [],
  ArmedGroup: ['JihadistGroup'],
  Place: [
    'City',
    'Town',
    'Village',
    'AdminRegion',
    'BorderArea',
    'Area',
    'DamSite',
    'MilitaryBase',
    'River',
  ],
  Event: [
    'Attack',
    'Accident',
    'Coup',
    'Protest',
    'Announcement',
    'Withdrawal',
    'Deployment',
    'Founding',
    'Agreement',
    'Independence',
    'MilitaryOperation',
    'Insurgency',
    'PolicyInitiative',
    'Detention',
  ],
} as const satisfies Record<EntityKind, readonly string[]>;

export const SOURCE_KINDS = [
  'article',
  'statement',
  'communique',
  'interview',
  'anonymous-source',
  'analysts',
  'reference-work',
  'compilation',
] as const;
export type SourceKind = (typeof SOURCE_KINDS)[number];

export const RELATIONSHIP_TYPES = [
  'LEADS',
  'MEMBER_OF',
  'AFFILIATED_WITH',
  'GOVERNS',
  'HOLDS_OFFICE_IN',
  'BORDERS',
  'LOCATED_IN',
  'CAPITAL_OF',
  'NEAR',
  'OCCURRED_AT',
  'OCCURRED_IN',
  'PARTICIPATED_IN',
  'OVERTHREW',
  'DETAINED',
  'DEPLOYED_IN',
  'BASED_AT',
  'ANNOUNCED',
  'PROTESTED_AGAINST',
  'PRESSURED',
  'FIGHTS',
  'ACTIVE_IN',
  'COLONIAL_RULER_OF',
  'REPRESENTS',
  'PART_OF',
  'LED_TO',
  'FOLLOWED',
  'TARGETED',
  'MERGED_INTO',
] as const;
export type RelationshipType = (typeof RELATIONSHIP_TYPES)[number];

/**
 * Per relationship type, whether it may relate an entity to itself. None may: a person does not
 * lead, overthrow or detain themself, a place is not near or in itself, an event does not lead to
 * or follow itself, and an organisation that fights, pressures or governs "itself" is two
 * entities (factions, a body and the state) that the seed file should name. A new type must be
 * decided here (the type checker asks for it).
 */
export const SELF_LOOP_ALLOWED = {
  LEADS: false,
  MEMBER_OF: false,
  AFFILIATED_WITH: false,
  GOVERNS: false,
  HOLDS_OFFICE_IN: false,
  BORDERS: false,
  LOCATED_IN: false,
  CAPITAL_OF: false,
  NEAR: false,
  OCCURRED_AT: false,
  OCCURRED_IN: false,
  PARTICIPATED_IN: false,
  OVERTHREW: false,
  DETAINED: false,
  DEPLOYED_IN: false,
  BASED_AT: false,
  ANNOUNCED: false,
  PROTESTED_AGAINST: false,
  PRESSURED: false,
  FIGHTS: false,
  ACTIVE_IN: false,
  COLONIAL_RULER_OF: false,
  REPRESENTS: false,
  PART_OF: false,
  LED_TO: false,
  FOLLOWED: false,
  TARGETED: false,
  MERGED_INTO: false,
} as const satisfies Record<RelationshipType, boolean>;

export const CLAIM_QUALIFIERS = [
  'exact',
  'at_least',
  'at_most',
  'about',
  'hundreds',
  'several_hundred',
  'statement',
] as const;
export const CONFIDENCE = ['confirmed', 'reported', 'unverified'] as const;
export type ClaimQualifier = (typeof CLAIM_QUALIFIERS)[number];
export type Confidence = (typeof CONFIDENCE)[number];

/** Of what several sources give, the firmest confidence (CONFIDENCE is firmest first). */
export const firmestConfidence = (confidences: readonly Confidence[]): Confidence =>
  CONFIDENCE[Math.min(...confidences.map((confidence) => CONFIDENCE.indexOf(confidence)))]!;

/** How precisely a date is known: the day, or only its month or year. */
export const DATE_PRECISIONS = ['day', 'month', 'year'] as const;
export type DatePrecision = (typeof DATE_PRECISIONS)[number];

/**
 * The dated properties. A date `name` is stored as four properties: `name` (the earliest day it
 * may be), `nameLatest` (the latest), `namePrecision` (day, month or year) and `namePhrase` (the
 * words that stated it, when there are any).
 */
export const EVENT_DATE_PROPERTIES = ['date', 'endDate', 'deadline'] as const;
export const SOURCE_DATE_PROPERTIES = ['date'] as const;
export const RELATIONSHIP_DATE_PROPERTIES = ['validFrom', 'validTo'] as const;
export type DateProperty =
  | (typeof EVENT_DATE_PROPERTIES)[number]
  | (typeof SOURCE_DATE_PROPERTIES)[number]
  | (typeof RELATIONSHIP_DATE_PROPERTIES)[number];
