/**
 * What only places have (coordinates, `distanceTo`), and the `near` argument that finds
 * entities and events within a distance of one.
 */
import { CONFIDENCE } from '../graph/vocabulary.js';
import type { DistanceRecord } from '../store/distances.js';
import type { NearFilter } from '../store/fragments.js';
import type { LocationRecord } from '../store/records.js';
import { builder } from './builder.js';
import { ConfidenceEnum, enumValue } from './enums.js';
import { badInput, quoted } from './errors.js';
import { loadAllOrThrow } from './loaders.js';
import { ClaimRef, KindRefs } from './refs.js';

const MAX_NEAR_KM = 5000;

const GeoPointType = builder.objectRef<LocationRecord>('GeoPoint').implement({
  description: 'WGS-84 coordinates of a place, with how precise and how sure they are.',
  fields: (t) => ({
    latitude: t.exposeFloat('latitude', { description: 'Degrees north (negative: south).' }),
    longitude: t.exposeFloat('longitude', { description: 'Degrees east (negative: west).' }),
    precisionKm: t.float({
      nullable: true,
      description: 'How far the true place may be from the point, in kilometres.',
      resolve: (point) => point.precisionKm,
    }),
    confidence: t.field({
      type: ConfidenceEnum,
      description: 'UNVERIFIED where the source calls the coordinates approximate or unverified.',
      resolve: (point) => enumValue(CONFIDENCE, point.confidence),
    }),
  }),
});

builder.objectField(KindRefs.Place, 'location', (t) =>
  t.field({
    type: GeoPointType,
    nullable: true,
    description: 'Its coordinates, if known.',
    resolve: (place) => place.location,
  }),
);

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
 * The place and radius of a `near` argument, the radius checked. Whether the place is known is
 * answered by the list statement itself (`checkNearPlace`), which saves a query of its own.
 */
export function nearFilter(
  near: { place: string; withinKm: number } | null | undefined,
): NearFilter | null {
  if (!near) return null;
  if (!(near.withinKm > 0 && near.withinKm <= MAX_NEAR_KM)) {
    throw badInput(
      'near',
      `withinKm must be above 0 and at most ${MAX_NEAR_KM} (got ${near.withinKm})`,
    );
  }
  return { place: near.place, meters: near.withinKm * 1000 };
}

/** Throws when the list answered for a `near` filter whose place is unknown or has no coordinates. */
export function checkNearPlace(near: NearFilter | null, unmet: readonly string[]): void {
  if (near && unmet.includes('near')) {
    throw badInput('near', `${quoted(near.place)} is not a place with coordinates`);
  }
}
