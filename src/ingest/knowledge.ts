/**
 * What the graph already knows, read from the seed files (the source of truth) rather than from
 * Neo4j, so that ingesting needs no running database. Each file is read with the seed format's
 * own reader; cross-file references are not needed here, so a subset of the files (the
 * evaluation reads background.yaml alone) is fine.
 */
import type {
  SeedClaim,
  SeedEntity,
  SeedFile,
  SeedRelationship,
  SeedSource,
} from '../seeds/format.js';
import { readSeedFile } from '../seeds/read.js';
import { SeedError } from '../seeds/seed-error.js';
import { listSeedFiles } from '../seeds/validate.js';

export interface Knowledge {
  entities: SeedEntity[];
  sources: SeedSource[];
  /** For the places where known events happened (OCCURRED_AT, OCCURRED_IN). */
  relationships: SeedRelationship[];
  /** For the claims a new article restates (the same claimant, the same figure). */
  claims: SeedClaim[];
}

export async function readKnowledge(paths: string[]): Promise<Knowledge> {
  const seeds: SeedFile[] = [];
  for (const path of paths) {
    const parsed = await readSeedFile(path);
    if (!parsed.seed) throw new SeedError(parsed.problems);
    seeds.push(parsed.seed);
  }
  return {
    entities: seeds.flatMap((seed) => seed.entities),
    sources: seeds.flatMap((seed) => seed.sources),
    relationships: seeds.flatMap((seed) => seed.relationships),
    claims: seeds.flatMap((seed) => seed.claims),
  };
}

export async function readKnowledgeFolder(dir: string): Promise<Knowledge> {
  return readKnowledge(await listSeedFiles(dir));
}
