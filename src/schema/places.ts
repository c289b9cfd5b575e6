/** What only places have: `Place.distanceTo`, computed from coordinates beside what sources state. */
import type { DistanceRecord } from '../store/analysis.js';
import { builder } from './builder.js';
import { loadAllOrThrow } from './loaders.js';
import { ClaimRef, KindRefs } from './refs.js';

const DistanceType = builder.objectRef<DistanceRecord>('Distance').implement({
  description:
    'The distance between two places computed from their coordinates, beside what sources state.',
  fields: (t) => ({
    computedKm: t.float({
      nullable: true,
      description:
        'Great-circle distance between the two points, in km; null when a place has no coordinates.',
      resolve: (distance) =>
        distance.meters === null ? null : Math.round(distance.meters / 100) / 10,
    }),
    precisionKm: t.float({
      nullable: true,
      description: "How far off the computed distance may be: the two places' precisions added.",
      resolve: (distance) => distance.precisionKm,
    }),
    statedClaims: t.field({
      type: [ClaimRef],
      description: 'Distances between the two places that sources state ("around 190 kilometers").',
      resolve: (distance, _args, { loaders }) => loadAllOrThrow(loaders.claim, distance.claimIds),
    }),
  }),
});

builder.objectField(KindRefs.Place, 'distanceTo', (t) =>
  t.field({
    type: DistanceType,
    description: 'How far this place is from another, computed and as stated by sources.',
    args: {
      place: t.arg.string({
        required: true,
        description: 'Slug of the other place, e.g. `niamey`.',
      }),
    },
    resolve: (place, args, { loaders }) =>
      loaders.distance.load({ fromId: place.id, toId: args.place }),
  }),
);
