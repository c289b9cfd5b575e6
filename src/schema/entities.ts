/**
 * Entities: the `Entity` interface and one type per kind, with the typed relationship fields
 * each kind's readers expect; and the root fields that find entities by slug, filters or search.
 */
import { ENTITY_KINDS, SUBKINDS, type EntityKind } from '../graph/vocabulary.js';
import {
  listEntities,
  listEvents,
  searchEntities,
  searchWords,
  type EntityFilter,
  type EVENT_ORDERS,
  type EventFilter,
  type NearFilter,
} from '../store/entities.js';
import type { GraphQLResolveInfo } from 'graphql';
import type { EntityRecord, Page, Paged } from '../store/records.js';
import { relationQuery, type Direction } from '../store/relations.js';
import { builder, type Context, type FieldBuilder } from './builder.js';
import {
  checkDateRange,
  dateRangeArgs,
  ENTITY_KIND_DESCRIPTIONS,
  EntityKindEnum,
  GeoPointType,
  PartialDateType,
} from './common.js';
import { badInput, checkLength, quoted, quotedList } from './errors.js';
import {
  connectionComplexity,
  connectionType,
  pageArgs,
  pageFromArgs,
  toConnection,
} from './paging.js';
import {
  ClaimRef,
  EntityConnectionRef,
  EntityRef,
  EventConnectionRef,
  SourceRef,
  KindRefs,
} from './refs.js';
import { loadAllOrThrow, loadNodes } from './loaders.js';
import { prefetchRelations, relationList, relationListsAhead } from './relations.js';

EntityRef.implement({
  description:
    'A person, organization, country, armed group, place or event of the graph. Its `id` is a global id for `node`; `slug` is the stable, readable id.',
  interfaces: [builder.nodeInterfaceRef()],
  resolveType: (entity) => entity.kind,
  fields: (t) => ({
    slug: t.exposeString('id', {
      description: 'The stable, readable id, e.g. `mohamed-bazoum`; kept across reloads.',
    }),
    kind: t.field({
      type: EntityKindEnum,
      description: 'What kind of entity it is.',
      resolve: (entity) => entity.kind,
    }),
    subkinds: t.exposeStringList('subkinds', {
      description: 'Finer kinds, e.g. `MilitaryJunta`, `Village`, `Attack`.',
    }),
    name: t.exposeString('name', { description: 'The name it is best known by.' }),
    aliases: t.exposeStringList('aliases', {
      description: 'Other names and spellings ("Tiani", "the junta").',
    }),
    description: t.exposeString('description', {
      description: 'A short description, from its sources.',
    }),
    wikidataId: t.string({
      nullable: true,
      description: 'The Wikidata QID, where verified.',
      resolve: (e) => e.wikidata,
    }),
    wikidataUrl: t.string({
      nullable: true,
      description: 'Its Wikidata page, where the QID is verified.',
      resolve: (entity) =>
        entity.wikidata ? `https://www.wikidata.org/wiki/${entity.wikidata}` : null,
    }),
    sources: t.field({
      type: [SourceRef],
      description: 'The sources that state this entity and what it is.',
      resolve: (entity, _args, { loaders }) => loadAllOrThrow(loaders.source, entity.sourceIds),
    }),
  }),
});

/** The other ends of some relationships, as entities (for fields such as `neighbours`). */
async function otherEnds(
  { loaders }: Context,
  entityId: string,
  types: string[],
  direction: Direction,
  limit: number,
): Promise<EntityRecord[]> {
  const { items } = await loaders.relations.load(
    relationQuery(
      entityId,
      { types, direction, asOf: null, offset: 0, limit, counted: false, briefEnds: false },
      null,
    ),
  );
  const ids = [...new Set(items.map((relation) => relation.otherId))];
  return loadAllOrThrow(loaders.entity, ids);
}

function relatedEntities(
  t: FieldBuilder<EntityRecord>,
  types: string[],
  direction: Direction,
  description: string,
) {
  return t.field({
    type: [EntityRef],
    description,
    resolve: (entity, _args, context) => otherEnds(context, entity.id, types, direction, 100),
  });
}

/** The first other end, for fields that have one answer (a country's capital). */
function relatedEntity(
  t: FieldBuilder<EntityRecord>,
  types: string[],
  direction: Direction,
  description: string,
) {
  return t.field({
    type: EntityRef,
    nullable: true,
    description,
    resolve: async (entity, _args, context) =>
      (await otherEnds(context, entity.id, types, direction, 1))[0] ?? null,
  });
}

const kindFields: {
  [K in EntityKind]: (t: FieldBuilder<EntityRecord>) => Record<string, unknown>;
} = {
  Person: (t) => ({
    positions: relationList(
      t,
      ['GOVERNS', 'LEADS', 'HOLDS_OFFICE_IN', 'REPRESENTS'],
      'OUTGOING',
      'Offices and leadership: what the person governs, leads, holds office in or represents, with roles and dates.',
    ),
    organizations: relationList(
      t,
      ['MEMBER_OF', 'LEADS', 'HOLDS_OFFICE_IN', 'AFFILIATED_WITH'],
      'OUTGOING',
      'The organizations the person belongs to, leads or serves in.',
    ),
    events: relationList(
      t,
      ['PARTICIPATED_IN', 'ANNOUNCED', 'OVERTHREW', 'DETAINED'],
      'OUTGOING',
      'What the person took part in, announced, or whom they overthrew or detained.',
    ),
  }),
  Organization: (t) => ({
    leaders: relationList(t, ['LEADS'], 'INCOMING', 'Who leads it, with dates where known.'),
    members: relationList(t, ['MEMBER_OF'], 'INCOMING', 'Its members.'),
    governs: relationList(
      t,
      ['GOVERNS'],
      'OUTGOING',
      'What it governs, with dates (the CNSP governs Niger from 2023-07-26).',
    ),
    events: relationList(
      t,
      ['PARTICIPATED_IN', 'ANNOUNCED', 'OVERTHREW', 'DETAINED', 'PRESSURED', 'PROTESTED_AGAINST'],
      'OUTGOING',
      'What it took part in or did.',
    ),
  }),
  ArmedGroup: (t) => ({
    leaders: relationList(t, ['LEADS'], 'INCOMING', 'Who leads it.'),
    affiliations: relationList(
      t,
      ['AFFILIATED_WITH'],
      'OUTGOING',
      'Whom it is affiliated with (JNIM with al-Qaeda).',
    ),
    activeIn: relationList(t, ['ACTIVE_IN'], 'OUTGOING', 'Where it is active.'),
    enemies: relationList(t, ['FIGHTS'], 'BOTH', 'Whom it fights.'),
    events: relationList(t, ['PARTICIPATED_IN'], 'OUTGOING', 'What it took part in.'),
  }),
  Country: (t) => ({
    neighbours: relatedEntities(t, ['BORDERS'], 'BOTH', 'The countries it borders.'),
    capital: relatedEntity(t, ['CAPITAL_OF'], 'INCOMING', 'Its capital.'),
    governments: relationList(
      t,
      ['GOVERNS'],
      'INCOMING',
      'Who governs or governed it, with dates: ask `asOf` for one day (Bazoum on 2023-07-01, the CNSP on 2023-08-01).',
    ),
    memberships: relationList(t, ['MEMBER_OF'], 'OUTGOING', 'The alliances it belongs to.'),
  }),
  Place: (t) => ({
    location: t.field({
      type: GeoPointType,
      nullable: true,
      description: 'Its coordinates, if known.',
      resolve: (p) => p.location,
    }),
    locatedIn: relatedEntities(
      t,
      ['LOCATED_IN'],
      'OUTGOING',
      'The places and countries it lies in.',
    ),
    contains: relatedEntities(t, ['LOCATED_IN'], 'INCOMING', 'The places that lie in it.'),
    near: relatedEntities(t, ['NEAR'], 'BOTH', 'Places said to be near it.'),
    events: relatedEntities(
      t,
      ['OCCURRED_AT', 'OCCURRED_IN'],
      'INCOMING',
      'Events that took place there.',
    ),
  }),
  Event: (t) => ({
    eventTypes: t.exposeStringList('subkinds', {
      description: 'What kind of event: `Attack`, `Coup`, `Protest`, ...',
    }),
    date: t.field({
      type: PartialDateType,
      nullable: true,
      description: 'When it happened or began.',
      resolve: (e) => e.date,
    }),
    endDate: t.field({
      type: PartialDateType,
      nullable: true,
      description: 'When it ended.',
      resolve: (e) => e.endDate,
    }),
    deadline: t.field({
      type: PartialDateType,
      nullable: true,
      description: 'When it was due ("by the end of the year").',
      resolve: (event) => event.deadline,
    }),
    place: relatedEntity(
      t,
      ['OCCURRED_AT'],
      'OUTGOING',
      'Where it took place (the first of `places`).',
    ),
    places: relationList(
      t,
      ['OCCURRED_AT', 'OCCURRED_IN'],
      'OUTGOING',
      'Where it took place: the place, and the wider area.',
    ),
    participants: relationList(
      t,
      ['PARTICIPATED_IN', 'ANNOUNCED'],
      'INCOMING',
      'Who took part, each with a role (attacker, target, protesters, ...) and sources.',
    ),
    causes: relationList(t, ['LED_TO'], 'INCOMING', 'What led to it.'),
    consequences: relationList(t, ['LED_TO'], 'OUTGOING', 'What it led to.'),
    casualtyClaims: t.field({
      type: [ClaimRef],
      description:
        'Every claimed figure of people killed or wounded, side by side with who claims it.',
      resolve: async (event, _args, { loaders }) =>
        (
          await loaders.claims.load({
            aboutId: event.id,
            sourceId: null,
            properties: CASUALTY_PROPERTIES,
            offset: 0,
            limit: 100,
            counted: false,
          })
        ).items,
    }),
  }),
};

const CASUALTY_PROPERTIES = [
  'soldiers_killed',
  'soldiers_killed_in_action',
  'soldiers_killed_in_accident',
  'soldiers_wounded',
  'insurgents_killed',
  'civilians_killed',
];

for (const kind of ENTITY_KINDS) {
  builder.node(KindRefs[kind], {
    description: ENTITY_KIND_DESCRIPTIONS[kind],
    interfaces: [EntityRef],
    isTypeOf: (entity) => (entity as EntityRecord).kind === kind,
    id: { resolve: (entity) => entity.id },
    loadMany: async (ids, { loaders }) =>
      (await loadNodes(loaders.entity, ids)).map((entity) =>
        entity?.kind === kind ? entity : null,
      ),
    fields: (t) => kindFields[kind](t as FieldBuilder<EntityRecord>) as never,
  });
}

export const EntityOrderEnum = builder.enumType('EntityOrder', {
  description: 'How to sort entities.',
  values: {
    NAME_ASC: { description: 'By name, A to Z.' },
    NAME_DESC: { description: 'By name, Z to A.' },
  },
});

export const EventOrderEnum = builder.enumType('EventOrder', {
  description:
    'Events without a date come last; a date known to the month sorts by its first day, then its last.',
  values: {
    DATE_ASC: { description: 'Oldest first.' },
    DATE_DESC: { description: 'Newest first.' },
  },
});

const EVENT_TYPES: readonly string[] = SUBKINDS.Event;
const MAX_NEAR_KM = 5000;
/** Longest `name` filter: names and aliases are far shorter, and each is scanned for it. */
const MAX_NAME_FILTER_LENGTH = 200;
/** Longest `search` query, and most words: each word is three clauses of the full-text query. */
export const MAX_SEARCH_LENGTH = 200;
export const MAX_SEARCH_WORDS = 10;

/** A search query: not empty, and no longer than a name needs. */
function checkSearchQuery(query: string): void {
  checkLength('query', query, MAX_SEARCH_LENGTH);
  if (query.trim().length === 0) throw badInput('query', 'must not be empty');
  const words = searchWords(query).length;
  if (words > MAX_SEARCH_WORDS) {
    throw badInput('query', `at most ${MAX_SEARCH_WORDS} words (got ${words})`, {
      limit: MAX_SEARCH_WORDS,
    });
  }
}

export const NearInput = builder.inputType('NearInput', {
  description: 'Within a distance of a place, by the coordinates of both (Neo4j point distance).',
  fields: (t) => ({
    place: t.string({
      required: true,
      description: 'Slug of a place with coordinates, e.g. `niamey`.',
    }),
    withinKm: t.float({
      required: true,
      description: `The radius in kilometres, up to ${MAX_NEAR_KM}.`,
    }),
  }),
});

/**
 * A page of events, with the typed relationship fields its nodes select (participants,
 * places, ...) read along and stored for them.
 */
export async function eventPage(
  { database, loaders }: Context,
  info: GraphQLResolveInfo,
  filter: EventFilter,
  order: keyof typeof EVENT_ORDERS,
  page: Page,
): Promise<Paged<EntityRecord>> {
  const { list, along, sources } = await listEvents(
    database,
    filter,
    order,
    page,
    relationListsAhead(info, 'Event'),
  );
  loaders.storeRelations(along, sources);
  return list;
}

/** The centre and radius of a `near` argument, checked: a known place with coordinates. */
async function nearFilter(
  near: { place: string; withinKm: number } | null | undefined,
  { loaders }: Context,
): Promise<NearFilter | null> {
  if (!near) return null;
  if (!(near.withinKm > 0 && near.withinKm <= MAX_NEAR_KM)) {
    throw badInput(
      'near',
      `withinKm must be above 0 and at most ${MAX_NEAR_KM} (got ${near.withinKm})`,
    );
  }
  const place = await loaders.entity.load(near.place);
  if (!place?.location)
    throw badInput('near', `${quoted(near.place)} is not a place with coordinates`);
  return {
    latitude: place.location.latitude,
    longitude: place.location.longitude,
    meters: near.withinKm * 1000,
  };
}

const SearchConnectionRef = builder.connectionObject(
  { type: EntityRef, ...connectionType('SearchConnection', 'Search results, best first.') },
  {
    name: 'SearchEdge',
    fields: (t) => ({
      score: t.float({
        description: 'How well the entity matches; higher is better.',
        resolve: (edge) => (edge as unknown as { score: number }).score,
      }),
    }),
  },
);

builder.queryFields((t) => ({
  entity: t.field({
    type: EntityRef,
    nullable: true,
    description: 'An entity by its stable slug, e.g. `mohamed-bazoum`; null when there is none.',
    args: { slug: t.arg.string({ required: true, description: 'The stable slug, e.g. `cnsp`.' }) },
    resolve: async (_root, { slug }, { loaders }, info) => {
      // The relationships asked for bring the entity along: one query for both.
      await prefetchRelations(slug, info, loaders);
      return loaders.entity.load(slug);
    },
  }),
  entities: t.field({
    type: EntityConnectionRef,
    description: 'Entities, filtered by kind, name, country or region.',
    complexity: connectionComplexity,
    args: {
      kinds: t.arg({
        type: [EntityKindEnum],
        required: false,
        description: 'Keep only these kinds.',
      }),
      name: t.arg.string({
        required: false,
        description: `Part of the name or of an alias, any case; at most ${MAX_NAME_FILTER_LENGTH} characters.`,
      }),
      country: t.arg.string({
        required: false,
        description:
          'Slug of a country: entities in it, that took place in it, govern it, are based or active in it.',
      }),
      region: t.arg.string({
        required: false,
        description: 'Slug of a place: entities that lie or took place inside it.',
      }),
      near: t.arg({
        type: NearInput,
        required: false,
        description: 'Entities at, in or based at a place within a distance of a place.',
      }),
      orderBy: t.arg({
        type: EntityOrderEnum,
        defaultValue: 'NAME_ASC',
        description: 'How to sort.',
      }),
      ...pageArgs(t.arg),
    },
    resolve: async (_root, args, context, info) => {
      const page = pageFromArgs(args, info);
      if (args.name != null) checkLength('name', args.name, MAX_NAME_FILTER_LENGTH);
      const filter: EntityFilter = {
        kinds: args.kinds ? [...args.kinds] : null,
        name: args.name ?? null,
        country: args.country ?? null,
        region: args.region ?? null,
        near: await nearFilter(args.near, context),
      };
      const { database } = context;
      return toConnection(
        page,
        await listEntities(database, filter, args.orderBy ?? 'NAME_ASC', page),
        (e) => e,
      );
    },
  }),
  events: t.field({
    type: EventConnectionRef,
    description: 'Events, in time order, filtered by type, dates, place or participant.',
    complexity: connectionComplexity,
    args: {
      types: t.arg.stringList({
        required: false,
        description: `Kinds of event: ${EVENT_TYPES.join(', ')}.`,
      }),
      ...dateRangeArgs(t.arg),
      place: t.arg.string({
        required: false,
        description: 'Slug of a place: events there or anywhere inside it.',
      }),
      participant: t.arg.string({
        required: false,
        description: 'Slug of an entity that took part in or announced the event.',
      }),
      involving: t.arg.string({
        required: false,
        description:
          'Slug of an entity linked to the event in any way, or of a place it happened in: a timeline.',
      }),
      near: t.arg({
        type: NearInput,
        required: false,
        description: 'Events at a place within a distance of a place.',
      }),
      orderBy: t.arg({
        type: EventOrderEnum,
        defaultValue: 'DATE_ASC',
        description: 'How to sort.',
      }),
      ...pageArgs(t.arg),
    },
    resolve: async (_root, args, context, info) => {
      const page = pageFromArgs(args, info);
      const unknown = (args.types ?? []).filter((type) => !EVENT_TYPES.includes(type));
      if (unknown.length > 0)
        throw badInput(
          'types',
          `unknown event type ${quotedList(unknown)} (known: ${EVENT_TYPES.join(', ')})`,
        );
      checkDateRange(args);
      const filter: EventFilter = {
        types: args.types ? [...args.types] : null,
        from: args.from ?? null,
        to: args.to ?? null,
        place: args.place ?? null,
        participant: args.participant ?? null,
        involving: args.involving ?? null,
        near: await nearFilter(args.near, context),
      };
      const list = await eventPage(context, info, filter, args.orderBy ?? 'DATE_ASC', page);
      return toConnection(page, list, (e) => e);
    },
  }),
  search: t.field({
    type: SearchConnectionRef,
    complexity: connectionComplexity,
    description:
      'Full-text search over names and aliases, best match first; tolerant of case, accents and small typos ("tillaberi", "Bazum", "Tiani").',
    args: {
      query: t.arg.string({
        required: true,
        description: `Words of a name or alias, e.g. "Tiani" or "the junta": at most ${MAX_SEARCH_LENGTH} characters and ${MAX_SEARCH_WORDS} words.`,
      }),
      kinds: t.arg({
        type: [EntityKindEnum],
        required: false,
        description: 'Keep only these kinds.',
      }),
      ...pageArgs(t.arg),
    },
    resolve: async (_root, args, { database }, info) => {
      checkSearchQuery(args.query);
      const page = pageFromArgs(args, info);
      const hits = await searchEntities(
        database,
        args.query,
        args.kinds ? [...args.kinds] : null,
        page,
      );
      return toConnection(
        page,
        hits,
        (hit) => hit.entity,
        (hit) => ({ score: hit.score }),
      );
    },
  }),
}));
