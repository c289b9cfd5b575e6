/** `timeline`: the events an entity is linked to, or that happened in a place, oldest first. */
import { builder } from '../builder.js';
import { checkDateRange, dateRangeArgs } from '../dates.js';
import { eventPage } from '../events.js';
import { unknownSlug } from '../errors.js';
import { connectionComplexity, pageArgs, pageFromArgs, toConnection } from '../paging.js';
import { EventConnectionRef } from '../refs.js';

builder.queryField('timeline', (t) =>
  t.field({
    type: EventConnectionRef,
    complexity: connectionComplexity,
    description:
      'The events an entity is linked to (or that happened in a place), oldest first. An event known only to the month or year sorts by its first possible day and says so in `date.precision`.',
    args: {
      entity: t.arg.string({
        required: true,
        description: 'Slug of the entity, e.g. `cnsp` or `niger`.',
      }),
      ...dateRangeArgs(t.arg),
      ...pageArgs(t.arg),
    },
    resolve: async (_root, args, context, info) => {
      const page = pageFromArgs(args, info);
      checkDateRange(args);
      const filter = {
        types: null,
        from: args.from ?? null,
        to: args.to ?? null,
        place: null,
        participant: null,
        involving: args.entity,
        near: null,
      };
      const list = await eventPage(context, info, filter, 'DATE_ASC', page);
      // No events: say so only if the entity exists (an event proves it does).
      if (list.items.length === 0 && !(await context.loaders.entity.load(args.entity)))
        throw unknownSlug('entity', args.entity);
      return toConnection(page, list, (event) => event);
    },
  }),
);
