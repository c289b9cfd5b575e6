/** One colour per entity kind, shared by the graph, the map, the console and the badges. */
import { html } from 'lit-html';
import type { EntityKind } from './gql/graphql';

export const KIND_COLOURS: Record<EntityKind, string> = {
  PERSON: '#d9822b',
  ORGANIZATION: '#2b6cb0',
  COUNTRY: '#2f855a',
  ARMED_GROUP: '#c53030',
  PLACE: '#6b46c1',
  EVENT: '#d53f8c',
};

const KIND_LABELS: Record<string, EntityKind> = {
  Person: 'PERSON',
  Organization: 'ORGANIZATION',
  Country: 'COUNTRY',
  ArmedGroup: 'ARMED_GROUP',
  Place: 'PLACE',
  Event: 'EVENT',
};

export const OTHER_COLOUR = '#718096';

/** The kind that one of a Neo4j node's labels names, if any (Cypher results carry labels). */
export function kindOfLabels(labels: readonly string[]): EntityKind | undefined {
  return labels.map((label) => KIND_LABELS[label]).find((kind) => kind !== undefined);
}

export function kindName(kind: EntityKind): string {
  return kind.toLowerCase().replace('_', ' ');
}

/** The key to the colours, under a graph. */
export function kindLegend() {
  return html`<ul class="legend">
    ${Object.entries(KIND_COLOURS).map(
      ([kind, colour]) =>
        html`<li>
          <span class="dot" style="background:${colour}"></span>${kindName(kind as EntityKind)}
        </li>`,
    )}
  </ul>`;
}
