/**
 * `npm run seed:check [-- [--dir folder] [file-or-folder ...]]`: validates seed files without
 * touching the database.
 * - No argument: the seed folder (`--dir`, else seeds/).
 * - A folder: all of its files, as one set.
 * - A file: checked together with the other files of the seed folder, since files refer to each
 *   other's entities and sources; it takes the place of the folder's file of the same name.
 * Exit status: 0 valid, 1 problems found (each at file:line:column), 2 a wrong argument.
 * The command is a function of its arguments and output (src/scripts/seed-check.ts runs it), so
 * that it also runs in a process that is already up.
 */
import { stat } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { SEED_DIR } from './load.js';
import { SeedError } from './seed-error.js';
import { isSeedFileName, listSeedFiles, readSeedFiles } from './validate.js';

const USAGE = 'usage: npm run seed:check [-- [--dir folder] [file-or-folder ...]]';

class UsageError extends Error {}

/** Where the command prints: `console` for the command line. */
export interface CommandOutput {
  log(line: string): void;
  error(line: string): void;
}

/** Checks the seed files `argv` names, printing to `output`; resolves with the exit status. */
export async function seedCheck(argv: string[], output: CommandOutput = console): Promise<number> {
  try {
    let total = 0;
    for (const paths of await setsToCheck(argv)) {
      const files = await readSeedFiles(paths);
      for (const { file, seed } of files) {
        output.log(
          `${file}: ${seed.sources.length} sources, ${seed.entities.length} entities, ` +
            `${seed.relationships.length} relationships, ${seed.claims.length} claims`,
        );
      }
      total += files.length;
    }
    output.log(`${total} seed file${total === 1 ? ' is' : 's are'} valid`);
    return 0;
  } catch (error) {
    if (error instanceof UsageError) {
      output.error(`seed:check: ${error.message}\n${USAGE}`);
      return 2;
    }
    // A file that cannot be read (permissions, a folder named .yaml): one line, no stack.
    output.error(
      error instanceof SeedError ? error.message : `seed:check: ${(error as Error).message}`,
    );
    return 1;
  }
}

/** The sets of files to check, one per folder named, plus one for the files named. */
async function setsToCheck(argv: string[]): Promise<string[][]> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      options: { dir: { type: 'string' } },
      allowPositionals: true,
    });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const seedDir = resolve(parsed.values.dir ?? SEED_DIR);
  await kindOf(seedDir, 'folder');
  if (parsed.positionals.length === 0) return [await listSeedFiles(seedDir)];

  const sets: string[][] = [];
  const files: string[] = [];
  for (const argument of parsed.positionals) {
    const path = resolve(argument);
    if ((await kindOf(path)) === 'folder') {
      sets.push(await listSeedFiles(path));
    } else if (isSeedFileName(path)) {
      files.push(path);
    } else {
      throw new UsageError(`${argument} is not a seed file (.yaml or .yml)`);
    }
  }
  if (files.length > 0) {
    const named = new Set(files.map((file) => basename(file)));
    const context = (await listSeedFiles(seedDir)).filter((file) => !named.has(basename(file)));
    sets.push([...context, ...files].sort((a, b) => basename(a).localeCompare(basename(b))));
  }
  return sets;
}

async function kindOf(path: string, expected?: 'folder'): Promise<'folder' | 'file'> {
  const stats = await stat(path).catch(() => {
    throw new UsageError(`no such file or folder: ${path}`);
  });
  const kind = stats.isDirectory() ? 'folder' : 'file';
  if (expected && kind !== expected) throw new UsageError(`${path} is not a folder`);
  return kind;
}
