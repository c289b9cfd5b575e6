/** `casualtyStatistics`: claimed casualty figures summed by month, region or actor. */
import { aggregateCasualties, type CasualtyBucket } from '../../store/casualties.js';
import { builder } from '../builder.js';
import { checkDateRange, dateRangeArgs } from '../dates.js';
import { loadAllOrThrow } from '../loaders.js';
import { selects } from '../lookahead.js';
import { ClaimRef, EntityRef } from '../refs.js';

const CasualtyGroupingEnum = builder.enumType('CasualtyGrouping', {
  description: 'How to group casualty figures.',
  values: {
    MONTH: {
      description:
        'By the month of the event (events known only to the year form their own bucket).',
    },
    REGION: {
      description: 'By the administrative region the event took place in, else its country.',
    },
    ACTOR: {
      description: 'By the attacker or perpetrator taking part in the event, else "unattributed".',
    },
  },
});

/** Ids the statement collected because the selection asks for the field that lists them. */
function collected(ids: string[] | null, field: string): string[] {
  if (ids === null) throw new Error(`the ${field} of a casualty bucket were not collected`);
  return ids;
}

const CasualtyBucketType = builder.objectRef<CasualtyBucket>('CasualtyBucket').implement({
  description:
    'Casualty figures of one bucket. Sources disagree, so each event counts with its lowest and its highest claimed figure; `bestEstimate` takes the lowest, as conflict-event datasets do (the most conservative credible figure).',
  fields: (t) => ({
    key: t.exposeString('key', { description: 'The month (YYYY-MM), region or actor.' }),
    eventCount: t.int({
      description: 'Events with a claimed figure.',
      resolve: (bucket) => bucket.eventCount,
    }),
    events: t.field({
      type: [EntityRef],
      description: 'Those events.',
      resolve: (bucket, _args, { loaders }) =>
        loadAllOrThrow(loaders.entity, collected(bucket.eventIds, 'events')),
    }),
    lowest: t.exposeFloat('lowest', {
      description: "The sum of each event's lowest claimed figure.",
    }),
    highest: t.exposeFloat('highest', {
      description: "The sum of each event's highest claimed figure.",
    }),
    bestEstimate: t.float({
      description: 'The documented best estimate: the lowest credible figure.',
      resolve: (bucket) => bucket.lowest,
    }),
    sourceCount: t.int({
      description: 'How many distinct sources claim figures.',
      resolve: (bucket) => bucket.sourceCount,
    }),
    claims: t.field({
      type: [ClaimRef],
      description: 'Every claim counted.',
      resolve: (bucket, _args, { loaders }) =>
        loadAllOrThrow(loaders.claim, collected(bucket.claimIds, 'claims')),
    }),
  }),
});

builder.queryField('casualtyStatistics', (t) =>
  t.field({
    type: [CasualtyBucketType],
    description:
      'Claimed casualty figures summed by month, region or actor, with the lowest and highest figure and the number of sources.',
    args: {
      groupBy: t.arg({ type: CasualtyGroupingEnum, required: true, description: 'How to group.' }),
      property: t.arg.string({
        defaultValue: 'soldiers_killed',
        description: 'The claimed property, e.g. soldiers_killed or soldiers_wounded.',
      }),
      ...dateRangeArgs(t.arg),
    },
    resolve: (_root, args, { database }, info) => {
      checkDateRange(args);
      return aggregateCasualties(database, {
        property: args.property ?? 'soldiers_killed',
        grouping: args.groupBy,
        from: args.from ?? null,
        to: args.to ?? null,
        withEvents: selects(info, 'events'),
        withClaims: selects(info, 'claims'),
      });
    },
  }),
);
