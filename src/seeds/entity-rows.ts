/**
 * One node per entity, however many seed files describe it: the union of their aliases, finer
 * kinds and sources, and, for what has one value (name, description, location, dates), the
 * first file's that gives it (files in name order).
 */
import neo4j from 'neo4j-driver';
import type { EntityRow } from '../graph/seed-plan.js';
import { compact, timeProperties } from '../store/properties.js';
import type { SeedEntity } from './format.js';
import type { ValidSeedFile } from './validate.js';

interface Description {
  seedFile: string;
  entity: SeedEntity;
}

/** Every entity that `files` describe, by id, merged from all their descriptions. */
export function entityRows(files: readonly ValidSeedFile[]): Map<string, EntityRow> {
  const descriptions = new Map<string, Description[]>();
  for (const { name, seed } of files) {
    for (const entity of seed.entities) {
      descriptions.set(entity.id, [
        ...(descriptions.get(entity.id) ?? []),
        { seedFile: name, entity },
      ]);
    }
  }
  return new Map([...descriptions].map(([id, described]) => [id, entityRow(described)]));
}

function entityRow(descriptions: Description[]): EntityRow {
  const entities = descriptions.map((description) => description.entity);
  const main = entities[0]!;
  const union = (pick: (entity: SeedEntity) => string[]) => [...new Set(entities.flatMap(pick))];
  const first = <T>(pick: (entity: SeedEntity) => T | undefined) =>
    entities.map(pick).find((value) => value !== undefined);
  const subkinds = union((entity) => entity.subkinds);
  const aliases = union((entity) => entity.aliases);
  const location = first((entity) => entity.location);
  return {
    id: main.id,
    labels: [main.kind, ...subkinds],
    props: compact({
      id: main.id,
      kind: main.kind,
      subkinds,
      name: main.name,
      aliases,
      // The full-text index reads names from strings: the aliases joined, one per line.
      aliasText: aliases.join('\n'),
      description: main.description,
      wikidata: first((entity) => entity.wikidata),
      sourceIds: union((entity) => entity.sources),
      seedFiles: descriptions.map((description) => description.seedFile),
      ...(location
        ? {
            location: new neo4j.types.Point(4326, location.longitude, location.latitude),
            locationPrecisionKm: location.precisionKm,
            locationConfidence: location.confidence,
          }
        : {}),
      ...timeProperties(
        'date',
        first((entity) => entity.date),
      ),
      ...timeProperties(
        'endDate',
        first((entity) => entity.endDate),
      ),
      ...timeProperties(
        'deadline',
        first((entity) => entity.deadline),
      ),
    }),
  };
}
