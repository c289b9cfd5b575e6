/**
 * Events: what only the Event type has (its dates, the casualty figures claimed for it) and the
 * `events` root field, whose pages bring along the typed relationship lists their nodes select.
 */
import type { GraphQLResolveInfo } from 'graphql';
import { listEvents, type EVENT_ORDERS, type EventFilter } from '../store/events.js';
import type { EntityRecord, Page, Paged } from '../store/records.js';
import { builder, type Context } from './builder.js';
import { checkDateRange, dateRangeArgs, PartialDateType } from './dates.js';
import { checkEventTypes, EVENT_TYPES } from './enums.js';
import { relationListsOf } from './entities/relationship-fields.js';
import { connectionComplexity, pageArgs, pageFromArgs, toConnection } from './paging.js';
import { checkNearPlace, NearInput, nearFilter } from './places.js';
import { ClaimRef, EventConnectionRef, KindRefs } from './refs.js';
import { relationListsAhead } from './relation-lookahead.js';

/** The claimed properties `casualtyClaims` answers. */
const CASUALTY_PROPERTIES = [
  'soldiers_killed',
  'soldiers_killed_in_action',
  'soldiers_killed_in_accident',
  'soldiers_wounded',
  'insurgents_killed',
  'civilians_killed',
];

builder.objectFields(KindRefs.Event, (t) => ({
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
}));

const EventOrderEnum = builder.enumType('EventOrder', {
  description:
    'Events without a date come last; a date known to the month sorts by its first day, then its last.',
  values: {
    DATE_ASC: { description: 'Oldest first.' },
    DATE_DESC: { description: 'Newest first.' },
  },
});

/**
 * A page of events, with the typed relationship lists its nodes select (participants,
 * places, ...) read along and stored for them.
 */
export async function eventPage(
  { database, loaders }: Context,
  info: GraphQLResolveInfo,
  filter: EventFilter,
  order: keyof typeof EVENT_ORDERS,
  page: Page,
): Promise<Paged<EntityRecord>> {
  const { list, along, sources, unmet } = await listEvents(
    database,
    filter,
    order,
    page,
    relationListsAhead(info, 'Event', relationListsOf('Event')),
  );
  checkNearPlace(filter.near, unmet);
  loaders.storeRelations(along, sources);
  return list;
}

builder.queryField('events', (t) =>
  t.field({
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
      const types = checkEventTypes(args.types);
      checkDateRange(args);
      const filter: EventFilter = {
        types,
        from: args.from ?? null,
        to: args.to ?? null,
        place: args.place ?? null,
        participant: args.participant ?? null,
        involving: args.involving ?? null,
        near: nearFilter(args.near),
      };
      const list = await eventPage(context, info, filter, args.orderBy ?? 'DATE_ASC', page);
      return toConnection(page, list, (e) => e);
    },
  }),
);
