/**
 * The typed relationship fields of each kind of entity, as data: an organization's `leaders`
 * are the LEADS relationships that point at it. kinds.ts builds each kind's fields from this
 * table, and a page of events reads the same entries to fetch the lists its nodes select along
 * with the page (see relation-lookahead.ts).
 */
import type { EntityKind, RelationshipType } from '../../graph/vocabulary.js';
import type { Direction } from '../../store/relations.js';
import type { RelationList } from '../relation-lookahead.js';

export interface RelationshipField extends RelationList {
  /**
   * What the field answers: `relations`, the relationships themselves with their evidence and
   * dates (and an `asOf` argument); `entities`, the entities at their other ends; `entity`, the
   * first of those (a country's capital).
   */
  answers: 'relations' | 'entities' | 'entity';
  description: string;
}

const field =
  (answers: RelationshipField['answers']) =>
  (
    types: readonly RelationshipType[],
    direction: Direction,
    description: string,
  ): RelationshipField => ({ answers, types, direction, description });
const relations = field('relations');
const entities = field('entities');
const entity = field('entity');

export const RELATIONSHIP_FIELDS: Record<EntityKind, Record<string, RelationshipField>> = {
  Person: {
    positions: relations(
      ['GOVERNS', 'LEADS', 'HOLDS_OFFICE_IN', 'REPRESENTS'],
      'OUTGOING',
      'Offices and leadership: what the person governs, leads, holds office in or represents, with roles and dates.',
    ),
    organizations: relations(
      ['MEMBER_OF', 'LEADS', 'HOLDS_OFFICE_IN', 'AFFILIATED_WITH'],
      'OUTGOING',
      'The organizations the person belongs to, leads or serves in.',
    ),
    events: relations(
      ['PARTICIPATED_IN', 'ANNOUNCED', 'OVERTHREW', 'DETAINED'],
      'OUTGOING',
      'What the person took part in, announced, or whom they overthrew or detained.',
    ),
  },
  Organization: {
    leaders: relations(['LEADS'], 'INCOMING', 'Who leads it, with dates where known.'),
    members: relations(['MEMBER_OF'], 'INCOMING', 'Its members.'),
    governs: relations(
      ['GOVERNS'],
      'OUTGOING',
      'What it governs, with dates (the CNSP governs Niger from 2023-07-26).',
    ),
    events: relations(
      ['PARTICIPATED_IN', 'ANNOUNCED', 'OVERTHREW', 'DETAINED', 'PRESSURED', 'PROTESTED_AGAINST'],
      'OUTGOING',
      'What it took part in or did.',
    ),
  },
  ArmedGroup: {
    leaders: relations(['LEADS'], 'INCOMING', 'Who leads it.'),
    affiliations: relations(
      ['AFFILIATED_WITH'],
      'OUTGOING',
      'Whom it is affiliated with (JNIM with al-Qaeda).',
    ),
    activeIn: relations(['ACTIVE_IN'], 'OUTGOING', 'Where it is active.'),
    enemies: relations(['FIGHTS'], 'BOTH', 'Whom it fights.'),
    events: relations(['PARTICIPATED_IN'], 'OUTGOING', 'What it took part in.'),
  },
  Country: {
    neighbours: entities(['BORDERS'], 'BOTH', 'The countries it borders.'),
    capital: entity(['CAPITAL_OF'], 'INCOMING', 'Its capital.'),
    governments: relations(
      ['GOVERNS'],
      'INCOMING',
      'Who governs or governed it, with dates: ask `asOf` for one day (Bazoum on 2023-07-01, the CNSP on 2023-08-01).',
    ),
    memberships: relations(['MEMBER_OF'], 'OUTGOING', 'The alliances it belongs to.'),
  },
  Place: {
    locatedIn: entities(['LOCATED_IN'], 'OUTGOING', 'The places and countries it lies in.'),
    contains: entities(['LOCATED_IN'], 'INCOMING', 'The places that lie in it.'),
    near: entities(['NEAR'], 'BOTH', 'Places said to be near it.'),
    events: entities(['OCCURRED_AT', 'OCCURRED_IN'], 'INCOMING', 'Events that took place there.'),
  },
  Event: {
    place: entity(['OCCURRED_AT'], 'OUTGOING', 'Where it took place (the first of `places`).'),
    places: relations(
      ['OCCURRED_AT', 'OCCURRED_IN'],
      'OUTGOING',
      'Where it took place: the place, and the wider area.',
    ),
    participants: relations(
      ['PARTICIPATED_IN', 'ANNOUNCED'],
      'INCOMING',
      'Who took part, each with a role (attacker, target, protesters, ...) and sources.',
    ),
    causes: relations(['LED_TO'], 'INCOMING', 'What led to it.'),
    consequences: relations(['LED_TO'], 'OUTGOING', 'What it led to.'),
  },
};

/** The entries of a kind that answer relationships: what a list of that kind can read ahead. */
export const relationListsOf = (kind: EntityKind): Record<string, RelationshipField> =>
  Object.fromEntries(
    Object.entries(RELATIONSHIP_FIELDS[kind]).filter(([, entry]) => entry.answers === 'relations'),
  );
