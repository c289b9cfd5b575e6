/**
 * Seed files written to do harm, or that would do it by accident: a relationship from an entity to
 * itself, a document outside the seed folder, YAML that costs too much to read (an alias bomb,
 * deep nesting, a huge file), tags, duplicate keys, bytes that are not UTF-8. Each is refused as
 * `file:line:column: path: message`, by the validation functions, `npm run seed:check` and
 * `npm run seed` alike, without a stack trace, and a load that meets one leaves the graph as it
 * was.
 */
import { cp, mkdir, mkdtemp, readFile, realpath, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { RunningService } from '../src/app.js';
import { seedCheck } from '../src/seeds/check-command.js';
import { RELATIONSHIP_TYPES, SELF_LOOP_ALLOWED } from '../src/seeds/format.js';
import { SEED_LIMITS } from '../src/seeds/limits.js';
import { offsetPastDepth, PARSER_SAFE_DEPTH } from '../src/seeds/nesting.js';
import { loadSeeds } from '../src/seeds/load.js';
import { formatProblem, SeedError } from '../src/seeds/seed-error.js';
import { readSeedDirectory } from '../src/seeds/validate.js';
import { snapshotGraph } from './support/graph.js';
import { runCommand, scriptOutcome, type ScriptOutcome } from './support/scripts.js';
import { clearGraph, startTestService } from './support/service.js';
import { testNeo4jUri } from './support/worker-neo4j.js';

const FIXTURES = fileURLToPath(new URL('./fixtures/seeds/', import.meta.url));

let service: RunningService;
/** A temporary folder holding `seeds/` (a copy of the fixtures) and `outside.txt` beside it. */
let work: string;
let dir: string;
let report: string;

beforeAll(async () => {
  service = await startTestService({ SEED_ON_START: 'false' });
});
afterAll(() => service.stop());
beforeEach(async () => {
  work = await realpath(await mkdtemp(join(tmpdir(), 'sahel-graph-hostile-')));
  dir = join(work, 'seeds');
  report = join(dir, 'report.yaml');
  await cp(FIXTURES, dir, { recursive: true });
  // A copy of the report's document outside the seed folder: reading it would make report.yaml
  // valid, so only a refusal shows that it was not read.
  await cp(join(dir, 'report.txt'), join(work, 'outside.txt'));
  return () => rm(work, { recursive: true, force: true });
});

async function edit(change: (text: string) => string): Promise<string> {
  const text = change(await readFile(report, 'utf8'));
  await writeFile(report, text);
  return text;
}

/** The 1-based number of the last line that holds `fragment`. */
const lineOf = (text: string, fragment: string) =>
  text.split('\n').findLastIndex((line) => line.includes(fragment)) + 1;

/** The problems that validation reports for the seed folder, as `file:line:column: ...` lines. */
async function problems(): Promise<string[]> {
  try {
    await readSeedDirectory(dir);
  } catch (error) {
    if (!(error instanceof SeedError)) throw error;
    return error.problems.map(formatProblem);
  }
  return [];
}

/** Output of a command that refused the seed files: located problems, no stack trace. */
function expectLocatedRefusal(result: ScriptOutcome, expected: string): void {
  expect(result.code, result.stderr).toBe(1);
  expect(result.stderr).toContain(expected);
  expect(result.stderr).not.toMatch(/^\s+at /m);
}

const DOTS = 'must not contain "..": the document lives in the seed file\'s folder or below it';
const BOMB = [
  'a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]',
  'b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]',
  'c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]',
  'd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]',
  'e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d]',
  'f: &f [*e, *e, *e, *e, *e, *e, *e, *e, *e]',
  'g: &g [*f, *f, *f, *f, *f, *f, *f, *f, *f]',
  'h: &h [*g, *g, *g, *g, *g, *g, *g, *g, *g]',
  'i: &i [*h, *h, *h, *h, *h, *h, *h, *h, *h]',
  '',
].join('\n');
/** Where the bomb's expansion first passes SEED_LIMITS.aliasNodes: the first alias of `e`. */
const BOMB_PROBLEM = `5:8: e[0]: aliases expand to more than ${SEED_LIMITS.aliasNodes} nodes in this file`;

describe('a relationship from an entity to itself', () => {
  it('is refused at its `to`, for every relationship type that does not allow it', async () => {
    const refused = RELATIONSHIP_TYPES.filter((type) => !SELF_LOOP_ALLOWED[type]);
    expect(refused).toEqual([...RELATIONSHIP_TYPES]);
    const loops = refused
      .map((type) =>
        [
          `  - type: ${type}`,
          '    from: river-guard',
          '    to: river-guard',
          '    evidence:',
          '      - source: gazette-report',
          '        quote: The River Guard is led by Admiral Vega',
        ].join('\n'),
      )
      .join('\n');
    const text = await edit((t) => t.replace('\nclaims:\n', `\n${loops}\nclaims:\n`));
    const lines = text
      .split('\n')
      .flatMap((line, index, all) =>
        line === '    to: river-guard' && all[index - 1] === '    from: river-guard'
          ? [index + 1]
          : [],
      );
    expect(await problems()).toEqual(
      refused.map(
        (type, k) =>
          `${report}:${lines[k]}:9: relationships[${2 + k}].to: a relationship of type ${type} cannot ` +
          `relate "river-guard" to itself; from and to must be two entities`,
      ),
    );
  });

  it('is refused by `npm run seed:check` at file:line:column', async () => {
    const text = await edit((t) => t.replace('to: river-guard', 'to: admiral-vega'));
    const result = await runCommand(seedCheck, dir);
    expectLocatedRefusal(
      result,
      `${report}:${lineOf(text, 'to: admiral-vega')}:9: relationships[0].to: a relationship of type LEADS cannot relate "admiral-vega" to itself`,
    );
  });
});

describe("a seed file's document", () => {
  it.each([
    ['a path up out of the folder', '../outside.txt', DOTS],
    ['the path of the probe', '../../etc/hostname', DOTS],
    ['a way down and up again', 'sub/../../outside.txt', DOTS],
    [
      'an absolute path',
      '/etc/hostname',
      "must be a path relative to the seed file's folder, not an absolute path",
    ],
    ['a NUL character', '"report.txt\\0.yaml"', 'must not contain a NUL character'],
  ])('is refused for %s', async (_name, file, message) => {
    await edit((t) => t.replace('file: report.txt', `file: ${file}`));
    expect(await problems()).toEqual([`${report}:4:9: document.file: ${message}`]);
  });

  it('is refused when it is a symbolic link that leads outside the folder', async () => {
    await symlink(join(work, 'outside.txt'), join(dir, 'linked.txt'));
    await edit((t) => t.replace('file: report.txt', 'file: linked.txt'));
    expect(await problems()).toEqual([
      `${report}:4:9: document.file: linked.txt leads through a symbolic link to ${join(work, 'outside.txt')}, outside the folder ${dir}`,
    ]);
  });

  it('is refused when a folder on its path is a link that leads outside', async () => {
    await symlink(work, join(dir, 'up'));
    await edit((t) => t.replace('file: report.txt', 'file: up/outside.txt'));
    expect(await problems()).toEqual([
      `${report}:4:9: document.file: up/outside.txt leads through a symbolic link to ${join(work, 'outside.txt')}, outside the folder ${dir}`,
    ]);
  });

  it('may be in a subfolder, or a symbolic link that stays inside the folder', async () => {
    await mkdir(join(dir, 'texts'));
    await cp(join(dir, 'report.txt'), join(dir, 'texts', 'report.txt'));
    await edit((t) => t.replace('file: report.txt', 'file: texts/report.txt'));
    expect(await problems()).toEqual([]);
    await symlink(join(dir, 'texts', 'report.txt'), join(dir, 'linked.txt'));
    await edit((t) => t.replace('file: texts/report.txt', 'file: linked.txt'));
    expect(await problems()).toEqual([]);
  });

  it.each([
    [
      'bytes that are not UTF-8',
      async (path: string) =>
        writeFile(path, Buffer.concat([await readFile(path), Buffer.from('\nCaf\xe9', 'latin1')])),
      'the document report.txt is not UTF-8 text: byte 0xE9 at byte offset 194; save the file as UTF-8 (line 5, column 4)',
    ],
    [
      'more bytes than the limit',
      (path: string) => writeFile(path, 'x'.repeat(SEED_LIMITS.documentBytes + 1)),
      `the document report.txt is ${SEED_LIMITS.documentBytes + 1} bytes, over the limit of ${SEED_LIMITS.documentBytes} (16 MiB); split it into several files`,
    ],
    [
      'a folder',
      async (path: string) => {
        await rm(path);
        await mkdir(path);
      },
      'the document report.txt is not a regular file',
    ],
  ])('is refused when it holds %s', async (_name, spoil, message) => {
    await spoil(join(dir, 'report.txt'));
    expect(await problems()).toEqual([`${report}:4:9: document.file: ${message}`]);
  });

  it('is refused by `npm run seed:check` when it leads outside, at file:line:column', async () => {
    await edit((t) => t.replace('file: report.txt', 'file: ../../etc/hostname'));
    expectLocatedRefusal(
      await runCommand(seedCheck, dir),
      `${report}:4:9: document.file: must not contain ".."`,
    );
  });
});

describe('YAML that costs too much to read, or says more than data', () => {
  it('refuses an alias bomb at the alias that expands too far', async () => {
    await writeFile(join(dir, 'bomb.yaml'), BOMB);
    expect(await problems()).toEqual([
      `${join(dir, 'bomb.yaml')}:${BOMB_PROBLEM} (an alias bomb?); write the values out instead`,
    ]);
  });

  it('refuses an alias bomb in `npm run seed:check` with file:line, not a stack trace', async () => {
    await writeFile(join(dir, 'bomb.yaml'), BOMB);
    expectLocatedRefusal(
      await runCommand(seedCheck, dir),
      `${join(dir, 'bomb.yaml')}:${BOMB_PROBLEM}`,
    );
  });

  const deepFlow = (levels: number) => `document: ${'['.repeat(levels)}x${']'.repeat(levels)}\n`;
  it.each<[string, string | Buffer, string]>([
    [
      'an alias to no anchor',
      'document: *nowhere\n',
      '1:11: document: alias *nowhere refers to no anchor &nowhere before it',
    ],
    [
      'an alias inside the node it names',
      'document: &loop [x, *loop]\n',
      '1:21: document[1]: alias *loop is inside the node that it names (a loop)',
    ],
    [
      'nesting deeper than the limit',
      deepFlow(SEED_LIMITS.depth + 5),
      `1:${11 + SEED_LIMITS.depth}: document${'[0]'.repeat(SEED_LIMITS.depth)}: nested more than ${SEED_LIMITS.depth} levels deep`,
    ],
    [
      'nesting deeper than the parser can follow',
      deepFlow(5000),
      `nested too deeply to read (a seed file may nest at most ${SEED_LIMITS.depth} levels)`,
    ],
    [
      'block nesting deeper than the parser can follow',
      `document: { source: x, file: y.txt }\nitems:\n${'- '.repeat(5000)}x\n`,
      `nested too deeply to read (a seed file may nest at most ${SEED_LIMITS.depth} levels)`,
    ],
    [
      'a JavaScript function tag',
      'document: !!js/function "function () { process.exit(3) }"\n',
      '1:11: document: the tag !!js/function is not allowed in a seed file',
    ],
    [
      'a binary tag',
      'document: { source: x, file: !!binary cmVwb3J0LnR4dA== }\n',
      '1:30: document.file: the tag !!binary is not allowed in a seed file',
    ],
    [
      'a custom tag',
      'document: !include /etc/passwd\n',
      '1:11: document: the tag !include is not allowed in a seed file',
    ],
    [
      'a duplicate key',
      'document: { source: x, file: y.txt }\nsources: []\nsources: []\n',
      '3:1: duplicate key "sources": a key may appear once in each mapping',
    ],
    [
      'a key that is a mapping',
      'document: { source: x, file: y.txt }\n? { a: 1 }\n: 2\n',
      '2:3: ?: a key must be a plain value, not a list or a mapping',
    ],
    [
      'two YAML documents',
      'document: { source: x, file: y.txt }\n---\nsources: []\n',
      '2:1: a seed file holds one YAML document: remove the "---" that starts another',
    ],
    [
      'a control character',
      'document: { source: x, file: y\u0000.txt }\n',
      '1:31: control character U+0000 is not allowed in a seed file',
    ],
    [
      'bytes that are not UTF-8',
      Buffer.concat([
        Buffer.from('document: { source: x, file: y.txt }\n# Caf'),
        Buffer.from([0xe9, 0x0a]),
      ]),
      '2:6: the seed file is not UTF-8 text: byte 0xE9 at byte offset 42; save the file as UTF-8',
    ],
    [
      'more bytes than the limit',
      `# ${'x'.repeat(SEED_LIMITS.fileBytes)}\n`,
      `1:1: the seed file is ${SEED_LIMITS.fileBytes + 3} bytes, over the limit of ${SEED_LIMITS.fileBytes} (16 MiB); split it into several files`,
    ],
  ])('refuses %s, at its line', async (_name, content, expected) => {
    const hostile = join(dir, 'hostile.yaml');
    await writeFile(hostile, content);
    const found = await problems();
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(new RegExp(`^${escape(hostile)}:\\d+:\\d+: `));
    expect(found[0]).toContain(expected);
  });

  it('refuses a seed file that is a symbolic link leading outside its folder', async () => {
    await writeFile(join(work, 'elsewhere.yaml'), 'document: { source: x, file: y.txt }\n');
    await symlink(join(work, 'elsewhere.yaml'), join(dir, 'linked.yaml'));
    expect(await problems()).toEqual([
      `${join(dir, 'linked.yaml')}:1:1: the seed file is a symbolic link to ${join(work, 'elsewhere.yaml')}, outside its folder ${dir}`,
    ]);
  });

  it('refuses a seed file that is not a regular file', async () => {
    await mkdir(join(dir, 'folder.yaml'));
    expect(await problems()).toEqual([
      `${join(dir, 'folder.yaml')}:1:1: the seed file is not a regular file`,
    ]);
  });
});

describe('a hostile seed file given to the loader', () => {
  const spoilers: [string, () => Promise<unknown>, RegExp][] = [
    [
      'a relationship from an entity to itself',
      () => edit((t) => t.replace('to: river-guard', 'to: admiral-vega')),
      /report\.yaml:\d+:9: relationships\[0\]\.to: a relationship of type LEADS cannot relate/,
    ],
    [
      'a document outside the seed folder',
      () => edit((t) => t.replace('file: report.txt', 'file: ../outside.txt')),
      /report\.yaml:4:9: document\.file: must not contain "\.\."/,
    ],
    [
      'an alias bomb',
      () => writeFile(join(dir, 'bomb.yaml'), BOMB),
      /bomb\.yaml:5:8: e\[0\]: aliases expand to more than/,
    ],
  ];

  it.each(spoilers)(
    'is refused for %s, and the graph stays as it was',
    async (_name, spoil, expected) => {
      await clearGraph(service.database);
      await loadSeeds(service.database, { dir });
      const before = await snapshotGraph(service.database);
      await spoil();
      const failure = await loadSeeds(service.database, { dir }).then(
        () => undefined,
        (error: unknown) => error,
      );
      expect(failure).toBeInstanceOf(SeedError);
      expect((failure as SeedError).message).toMatch(expected);
      expect(await snapshotGraph(service.database)).toEqual(before);
    },
  );

  it('is refused by `npm run seed` with file:line, no stack trace, and the graph unchanged', async () => {
    await clearGraph(service.database);
    await loadSeeds(service.database, { dir });
    const before = await snapshotGraph(service.database);
    await writeFile(join(dir, 'bomb.yaml'), BOMB);
    await edit((t) => t.replace('file: report.txt', 'file: ../outside.txt'));
    // Only PATH, HOME and these: nothing of this process's environment reaches the load.
    const result = await scriptOutcome('seed.ts', ['--dir', dir], {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '',
      NEO4J_URI: testNeo4jUri(),
      LOG_LEVEL: 'silent',
    });
    expectLocatedRefusal(result, `${join(dir, 'bomb.yaml')}:${BOMB_PROBLEM}`);
    expect(result.stderr).toContain(`${report}:4:9: document.file: must not contain ".."`);
    expect(await snapshotGraph(service.database)).toEqual(before);
  });
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

describe('nesting found before parsing', () => {
  it('counts open brackets and block prefixes, not brackets inside quoted text', () => {
    const limit = PARSER_SAFE_DEPTH;
    expect(offsetPastDepth(`a: ${'['.repeat(limit)}x${']'.repeat(limit)}\n`)).toBeNull();
    expect(offsetPastDepth(`a: ${'['.repeat(limit + 1)}x${']'.repeat(limit + 1)}\n`)).toBe(
      3 + limit,
    );
    expect(
      offsetPastDepth(`a: "${'['.repeat(limit * 2)}"\nb: '${'{'.repeat(limit * 2)}'\n`),
    ).toBeNull();
    expect(offsetPastDepth(`a:\n${' '.repeat(limit - 2)}- x\n`)).toBeNull();
    expect(offsetPastDepth(`a:\n${'- '.repeat(limit)}x\n`)).toBe(3 + limit);
  });
});
