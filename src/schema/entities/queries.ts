/** The root fields that find entities by slug and by filters (search.ts finds them by name). */
import { listEntities, type EntityFilter } from '../../store/entities.js';
import { builder } from '../builder.js';
import { EntityKindEnum } from '../enums.js';
import { checkLength } from '../errors.js';
import { connectionComplexity, pageArgs, pageFromArgs, toConnection } from '../paging.js';
import { checkNearPlace, NearInput, nearFilter } from '../places.js';
import { EntityConnectionRef, EntityRef } from '../refs.js';
import { prefetchRelations } from '../relation-lookahead.js';

const EntityOrderEnum = builder.enumType('EntityOrder', {
  description: 'How to sort entities.',
  values: {
    NAME_ASC: { description: 'By name, A to Z.' },
    NAME_DESC: { description: 'By name, Z to A.' },
  },
});

/** Longest `name` filter: names and aliases are far shorter, and each is scanned for it. */
const MAX_NAME_FILTER_LENGTH = 200;
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
        near: nearFilter(args.near),
      };
      const { list, unmet } = await listEntities(
        context.database,
        filter,
        args.orderBy ?? 'NAME_ASC',
        page,
      );
      checkNearPlace(filter.near, unmet);
      return toConnection(page, list, (e) => e);
    },
  }),
}));
