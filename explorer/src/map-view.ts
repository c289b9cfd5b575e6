/**
 * The map: the places and events around an entity on country outlines from Natural Earth
 * (world-atlas, bundled: no tiles), each point with a circle of its precision, and the
 * distances from the entity's place: computed beside those that sources state.
 */
import { geoCircle, geoMercator, geoPath } from 'd3-geo';
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import { html, nothing, render, svg } from 'lit-html';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { query } from './api';
import { graphql } from './gql';
import type { DistanceQuery, LocationPartsFragment, MapPointsQuery } from './gql/graphql';
import { KIND_COLOURS } from './kinds';
import { entityHref } from './router';

const MAP_POINTS = graphql(`
  query MapPoints($slug: String!) {
    neighborhood(slug: $slug, depth: 2, limit: 80) {
      nodes {
        node {
          slug
          name
          kind
          ... on Place {
            location {
              ...LocationParts
            }
          }
          ... on Event {
            place {
              slug
              name
              ... on Place {
                location {
                  ...LocationParts
                }
              }
            }
          }
        }
      }
    }
  }
`);

const DISTANCE = graphql(`
  query Distance($from: String!, $to: String!) {
    entity(slug: $from) {
      ... on Place {
        distanceTo(place: $to) {
          computedKm
          precisionKm
          statedClaims {
            slug
            value
            qualifier
            unit
            quote
            claimedBy {
              name
            }
          }
        }
      }
    }
  }
`);

type MapEntity = NonNullable<MapPointsQuery['neighborhood']>['nodes'][number]['node'];
type Distance = Extract<
  NonNullable<DistanceQuery['entity']>,
  { distanceTo: unknown }
>['distanceTo'];

interface MapPoint {
  slug: string;
  name: string;
  kind: MapEntity['kind'];
  location: LocationPartsFragment;
  /** For an event: the place it happened at. */
  placeSlug: string;
}

interface DistanceRow {
  place: MapPoint;
  distance: Distance;
}

const WIDTH = 640;
const HEIGHT = 420;
const KM_PER_DEGREE = 111.195;
/** The smallest span drawn, in degrees: a single point still shows its country. */
const MIN_SPAN = 6;
const MAX_DISTANCES = 8;

export function mountMap(container: HTMLElement, slug: string): void {
  render(html`<p class="muted">Loading the map…</p>`, container);
  void drawMap(container, slug).catch((error: Error) =>
    render(html`<p class="error">${error.message}</p>`, container),
  );
}

async function drawMap(container: HTMLElement, slug: string): Promise<void> {
  const [answer, countries] = await Promise.all([query(MAP_POINTS, { slug }), loadCountries()]);
  const points = mapPoints(answer.neighborhood?.nodes.map(({ node }) => node) ?? []);
  if (points.length === 0) {
    render(html`<p class="muted">Nothing around this entity has coordinates.</p>`, container);
    return;
  }
  // Distances are measured from the entity itself, when it is a place or an event at one.
  const focus = points.find((point) => point.slug === slug);
  const projection = geoMercator()
    .fitExtent(
      [
        [24, 24],
        [WIDTH - 24, HEIGHT - 24],
      ],
      extentOf(points),
    )
    // Outlines are cut at the frame: the rest of the world is not drawn at all.
    .clipExtent([
      [0, 0],
      [WIDTH, HEIGHT],
    ]);
  const path = geoPath(projection);
  const circle = geoCircle();
  // Drawn once: the second render, with the distances, reuses these strings.
  const outlines = countries.features.flatMap((country) => {
    const d = path(country);
    return d ? [{ name: country.properties?.name ?? '', d, centre: path.centroid(country) }] : [];
  });
  const drawMapSvg = (distances: DistanceRow[] | undefined) =>
    render(
      html`<svg
          class="map"
          viewBox="0 0 ${WIDTH} ${HEIGHT}"
          role="img"
          aria-label="Map of the places and events around ${slug}"
        >
          <rect width=${WIDTH} height=${HEIGHT} class="sea"></rect>
          ${outlines.map(
            ({ name, d }) => svg`<path class="country" d=${d}><title>${name}</title></path>`,
          )}
          ${outlines.map(({ name, centre: [x, y] }) =>
            x > 0 && x < WIDTH && y > 0 && y < HEIGHT
              ? svg`<text class="country-name" x=${x} y=${y}>${name}</text>`
              : nothing,
          )}
          ${points.map((point) => {
            const [x, y] = projection([point.location.longitude, point.location.latitude])!;
            const precision = point.location.precisionKm
              ? path(
                  circle
                    .center([point.location.longitude, point.location.latitude])
                    .radius(point.location.precisionKm / KM_PER_DEGREE)(),
                )
              : null;
            return svg`<g class="map-point" data-slug=${point.slug}>
              ${precision ? svg`<path class="precision" d=${precision} fill=${KIND_COLOURS[point.kind]}></path>` : nothing}
              <a href=${entityHref(point.slug)}>
                <circle cx=${x} cy=${y} r=${point.slug === slug ? 6 : 4} fill=${KIND_COLOURS[point.kind]}></circle>
                <text x=${x + 7} y=${y + 4}>${point.name}</text>
              </a>
              <title>${point.name}${point.location.precisionKm ? ` (within ${point.location.precisionKm} km)` : ''}</title>
            </g>`;
          })}
        </svg>
        ${focus ? distanceTable(focus, distances) : nothing}`,
      container,
    );
  drawMapSvg(undefined);
  if (focus) drawMapSvg(await distancesFrom(focus, points));
}

function distanceTable(focus: MapPoint, rows: DistanceRow[] | undefined) {
  if (!rows) return html`<p class="muted">Measuring distances…</p>`;
  if (rows.length === 0) return nothing;
  return html`<table class="distances">
    <caption>
      Distances from ${focus.name}
    </caption>
    <thead>
      <tr>
        <th>To</th>
        <th>Computed</th>
        <th>Stated by sources</th>
      </tr>
    </thead>
    <tbody>
      ${rows.map(
        ({ place, distance }) =>
          html`<tr>
            <td><a href=${entityHref(place.placeSlug)}>${place.name}</a></td>
            <td>
              ${
                distance.computedKm === null || distance.computedKm === undefined
                  ? '—'
                  : `${Math.round(distance.computedKm)} km`
              }
              ${distance.precisionKm ? html`± ${Math.round(distance.precisionKm)} km` : nothing}
            </td>
            <td>
              ${distance.statedClaims.map(
                (claim) =>
                  html`<div>
                    ${claim.qualifier.toLowerCase().replace('_', ' ')} ${claim.value}
                    ${claim.unit ?? ''} <span class="muted">per ${claim.claimedBy.name}</span>
                  </div>`,
              )}
            </td>
          </tr>`,
      )}
    </tbody>
  </table>`;
}

/** Distances from the focus to the other places drawn, those that sources state first. */
async function distancesFrom(focus: MapPoint, points: MapPoint[]): Promise<DistanceRow[]> {
  const others = [...new Map(points.map((point) => [point.placeSlug, point])).values()]
    .filter((point) => point.placeSlug !== focus.placeSlug)
    .slice(0, MAX_DISTANCES);
  const rows = await Promise.all(
    others.map(async (place) => {
      const answer = await query(DISTANCE, { from: focus.placeSlug, to: place.placeSlug });
      const distance =
        answer.entity && 'distanceTo' in answer.entity ? answer.entity.distanceTo : undefined;
      return distance ? [{ place, distance }] : [];
    }),
  );
  return rows
    .flat()
    .sort(
      (a, b) =>
        b.distance.statedClaims.length - a.distance.statedClaims.length ||
        (a.distance.computedKm ?? Infinity) - (b.distance.computedKm ?? Infinity),
    );
}

/** Places with coordinates, and events at such places (drawn at their place). */
function mapPoints(entities: MapEntity[]): MapPoint[] {
  return entities.flatMap((entity): MapPoint[] => {
    if ('location' in entity && entity.location) {
      return [{ ...entity, location: entity.location, placeSlug: entity.slug }];
    }
    if ('place' in entity && entity.place && 'location' in entity.place && entity.place.location) {
      const { slug, name, kind } = entity;
      return [{ slug, name, kind, location: entity.place.location, placeSlug: entity.place.slug }];
    }
    return [];
  });
}

/** The points' bounding box, grown to at least MIN_SPAN degrees each way, for fitExtent. */
function extentOf(points: MapPoint[]): Feature<Geometry> {
  const longitudes = points.map((point) => point.location.longitude);
  const latitudes = points.map((point) => point.location.latitude);
  const span = (values: number[]) => {
    const low = Math.min(...values);
    const high = Math.max(...values);
    const grow = Math.max(0, MIN_SPAN - (high - low)) / 2 + 0.5;
    return [low - grow, high + grow] as const;
  };
  const [west, east] = span(longitudes);
  const [south, north] = span(latitudes);
  return {
    type: 'Feature',
    properties: {},
    geometry: {
      type: 'MultiPoint',
      coordinates: [
        [west, south],
        [east, north],
      ],
    },
  };
}

type Countries = FeatureCollection<Geometry, { name?: string }>;

/**
 * Natural Earth's 1:110m countries, in a chunk of their own that loads with the first map; the
 * 1:50m outlines took a main-thread task of over 400 ms to draw for little gain at this scale.
 */
async function loadCountries(): Promise<Countries> {
  const world = (await import('world-atlas/countries-110m.json')).default as unknown as Topology<{
    countries: GeometryCollection<{ name?: string }>;
  }>;
  return feature(world, world.objects.countries) as Countries;
}
