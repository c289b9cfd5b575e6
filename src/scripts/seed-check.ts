/** `npm run seed:check`: validates every seed file without touching the database. */
import { resolve } from 'node:path';
import { SeedError } from '../seeds/seed-error.js';
import { readSeedDirectory } from '../seeds/validate.js';

const dir = resolve(process.argv[2] ?? 'seeds');
try {
  const files = await readSeedDirectory(dir);
  for (const { file, seed } of files) {
    console.log(
      `${file}: ${seed.sources.length} sources, ${seed.entities.length} entities, ` +
        `${seed.relationships.length} relationships, ${seed.claims.length} claims`,
    );
  }
  console.log(`${files.length} seed files are valid`);
} catch (error) {
  if (!(error instanceof SeedError)) throw error;
  console.error(error.message);
  process.exitCode = 1;
}
