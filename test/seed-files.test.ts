/** The project's own seed files: valid, and their documents the same as the shared sources. */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { SEED_DIR } from '../src/seeds/load.js';
import { seedCheck } from '../src/seeds/check-command.js';
import { readSeedDirectory } from '../src/seeds/validate.js';
import { runCommand, runScript, scriptFailure } from './support/scripts.js';

const PROJECT = fileURLToPath(new URL('../', import.meta.url));
const SHARED_SOURCES = join(PROJECT, '..', 'shared', 'sources');
/** The documents as ../shared/sources holds them, so a clone without that folder checks too. */
const SHARED_SOURCE_SHA256 = {
  'niger-2023-09-29.txt': '850d662c84e47439cc95d04d5791209f956a6a409afb8d8e8eac588b8a0d318b',
  'background.md': '65732e277d1381e04eb4f0acb8fee6dbe44b8d3597721ac4695be4aaa88110e6',
};

function sha256(content: Buffer): string {
  return createHash('sha256').update(content).digest('hex');
}

describe('seeds/', () => {
  it('holds valid seed files, one per source document', async () => {
    const files = await readSeedDirectory(SEED_DIR);
    expect(files.map((file) => file.seed.document.file).sort()).toEqual([
      'background.md',
      'niger-2023-09-29.txt',
    ]);
  });

  it('keeps exact copies of the shared source documents', () => {
    for (const [name, recorded] of Object.entries(SHARED_SOURCE_SHA256)) {
      expect(sha256(readFileSync(join(SEED_DIR, name))), name).toBe(recorded);
      // Beside the team's shared folder, the recorded digests are checked against it as well.
      if (existsSync(SHARED_SOURCES)) {
        expect(sha256(readFileSync(join(SHARED_SOURCES, name))), name).toBe(recorded);
      }
    }
  });

  it('is checked by `npm run seed:check`, which names file and line of a problem', async () => {
    const valid = await runScript('seed-check.ts');
    expect(valid.stdout).toMatch(/2 seed files are valid/);

    const dir = await mkdtemp(join(tmpdir(), 'sahel-graph-check-'));
    try {
      await cp(join(PROJECT, 'test', 'fixtures', 'seeds'), dir, { recursive: true });
      const report = join(dir, 'report.yaml');
      await writeFile(
        report,
        (await readFile(report, 'utf8')).replace('to: river-guard', 'to: river-gaurd'),
      );
      const failure = await scriptFailure('seed-check.ts', dir);
      expect(failure).toMatchObject({ code: 1 });
      expect(failure.stderr).toMatch(
        new RegExp(`${report}:\\d+:\\d+: relationships\\[0\\]\\.to: unknown entity "river-gaurd"`),
      );
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('checks a file with the seed folder it refers to, and a folder given by --dir', async () => {
    const file = await runCommand(seedCheck, 'seeds/background.yaml');
    expect(file).toMatchObject({ code: 0, stderr: '' });
    expect(file.stdout).toMatch(/^seeds\/background\.yaml: \d+ sources/m);
    expect(file.stdout).toMatch(/2 seed files are valid/);

    const fixtures = join('test', 'fixtures', 'seeds');
    const dir = await runCommand(seedCheck, '--dir', fixtures);
    expect(dir.code).toBe(0);
    expect(dir.stdout).toMatch(/gazetteer\.yaml: .*\n.*report\.yaml: /);
    const inFolder = await runCommand(seedCheck, '--dir', fixtures, join(fixtures, 'report.yaml'));
    expect(inFolder.code).toBe(0);
    expect(inFolder.stdout).toMatch(/2 seed files are valid/);
  });

  it.each([
    [['--dir', 'no-such-folder'], /no such file or folder: .*no-such-folder/],
    [['no-such-file.yaml'], /no such file or folder: .*no-such-file\.yaml/],
    [['README.md'], /README\.md is not a seed file/],
    [['--dir', 'README.md'], /README\.md is not a folder/],
    [['--verbose'], /Unknown option '--verbose'/],
  ])(
    'answers the wrong argument %j with a usage line, not a stack trace',
    async (args, message) => {
      const failure = await runCommand(seedCheck, ...args);
      expect(failure).toMatchObject({ code: 2 });
      const { stderr } = failure;
      expect(stderr).toMatch(message);
      expect(stderr).toMatch(/^usage: npm run seed:check/m);
      expect(stderr).not.toMatch(/^\s+at /m);
    },
  );
});
