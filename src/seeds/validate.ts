/**
 * Reads and checks every seed file of a folder together: the format of each, then what only the
 * whole set can tell (ids unique across files, references that resolve, quotes found in the
 * document, dates in order). Nothing touches the database here.
 */
import { readdir, realpath } from 'node:fs/promises';
import { basename, dirname, extname, resolve } from 'node:path';
import { DocumentText } from './document-text.js';
import { CLAIM_STATEMENT_FIELDS, type SeedClaim, type SeedFile, type TimeValue } from './format.js';
import { SEED_LIMITS } from './limits.js';
import { readSeedFile, type ParsedSeedFile } from './read.js';
import { SeedError, type SeedProblem } from './seed-error.js';
import { isInside, readTextFile } from './text-file.js';
import { dateRange } from '../graph/date-range.js';

export interface ValidSeedFile {
  /** The file's name without extension: the key of the facts it contributes to the graph. */
  name: string;
  file: string;
  seed: SeedFile;
  document: DocumentText;
}

type Path = (string | number)[];

/** Every seed file in `dir`, checked; throws a SeedError listing all problems found. */
export async function readSeedDirectory(dir: string): Promise<ValidSeedFile[]> {
  return readSeedFiles(await listSeedFiles(dir));
}

/** The seed files (.yaml, .yml) of a folder, as absolute paths in name order. */
export async function listSeedFiles(dir: string): Promise<string[]> {
  return (await readdir(dir))
    .filter((name) => isSeedFileName(name))
    .sort()
    .map((name) => resolve(dir, name));
}

export function isSeedFileName(name: string): boolean {
  return ['.yaml', '.yml'].includes(extname(name));
}

/** The given seed files, checked as one set; throws a SeedError listing all problems found. */
export async function readSeedFiles(paths: string[]): Promise<ValidSeedFile[]> {
  const parsed = await Promise.all(paths.map((path) => readSeedFile(path)));
  const problems = parsed.flatMap((file) => file.problems);
  const documents = new Map<ParsedSeedFile, DocumentText>();
  for (const file of parsed) {
    if (!file.seed) continue;
    const document = await readDocument(file, file.seed.document.file);
    if (document instanceof DocumentText) documents.set(file, document);
    else problems.push(document);
  }
  problems.push(...checkTogether(parsed, documents));
  if (problems.length > 0) throw new SeedError(problems);
  return [...documents].map(([file, document]) => ({
    name: basename(file.file, extname(file.file)),
    file: file.file,
    seed: file.seed!,
    document,
  }));
}

/**
 * The document of a seed file: a regular file in the seed file's folder or below it. The name is
 * resolved, and then its real path (symbolic links followed) compared with the folder's, so that
 * neither `..` nor a link can lead to a file elsewhere on the machine.
 */
async function readDocument(
  file: ParsedSeedFile,
  name: string,
): Promise<DocumentText | SeedProblem> {
  const refuse = (message: string) => file.problemAt(['document', 'file'], message);
  const folder = dirname(file.path);
  const path = resolve(folder, name);
  if (!isInside(folder, path)) return refuse(`${name} leads outside the folder ${folder}`);
  let real: string;
  try {
    real = await realpath(path);
  } catch (error) {
    const { code, message } = error as NodeJS.ErrnoException;
    return refuse(code === 'ENOENT' ? `no such file: ${path}` : `cannot read ${path}: ${message}`);
  }
  const realFolder = await realpath(folder);
  if (!isInside(realFolder, real)) {
    return refuse(`${name} leads through a symbolic link to ${real}, outside the folder ${folder}`);
  }
  const read = await readTextFile(real, SEED_LIMITS.documentBytes);
  if (!read.ok) {
    const where = read.line ? ` (line ${read.line}, column ${read.column})` : '';
    return refuse(`the document ${name} ${read.message}${where}`);
  }
  return new DocumentText(read.text);
}

interface Definition {
  file: ParsedSeedFile;
  path: Path;
}

function checkTogether(
  files: ParsedSeedFile[],
  documents: Map<ParsedSeedFile, DocumentText>,
): SeedProblem[] {
  const problems: SeedProblem[] = [];
  const registry = {
    source: new Map<string, Definition>(),
    entity: new Map<string, Definition>(),
  };
  const define = (kind: keyof typeof registry, id: string, file: ParsedSeedFile, path: Path) => {
    const first = registry[kind].get(id);
    if (first) {
      const at = first.file.problemAt(first.path, '');
      problems.push(
        file.problemAt(
          path,
          `duplicate ${kind} id "${id}" (first defined at ${at.file}:${at.line}:${at.column})`,
        ),
      );
    } else {
      registry[kind].set(id, { file, path });
    }
  };
  /** Several files may describe one entity (it is one node), each file once, of one kind. */
  const kinds = new Map<string, string>();
  const describedIn = new Map<ParsedSeedFile, Map<string, Path>>();
  const describe = (id: string, kind: string, file: ParsedSeedFile, path: Path) => {
    const inFile = describedIn.get(file) ?? new Map<string, Path>();
    describedIn.set(file, inFile);
    const first = registry.entity.get(id);
    const at = (definition: Definition) => {
      const where = definition.file.problemAt(definition.path, '');
      return `${where.file}:${where.line}:${where.column}`;
    };
    const earlier = inFile.get(id);
    if (earlier) {
      problems.push(
        file.problemAt(
          [...path, 'id'],
          `duplicate entity id "${id}" (first defined at ${at({ file, path: earlier })})`,
        ),
      );
    } else if (first && kinds.get(id) !== kind) {
      problems.push(
        file.problemAt(
          [...path, 'kind'],
          `"${id}" is a ${kinds.get(id)} at ${at(first)}; one entity has one kind`,
        ),
      );
    }
    inFile.set(id, [...path, 'id']);
    if (!first) {
      kinds.set(id, kind);
      registry.entity.set(id, { file, path: [...path, 'id'] });
    }
  };
  for (const file of files) {
    file.seed?.sources.forEach((source, i) =>
      define('source', source.id, file, ['sources', i, 'id']),
    );
    file.seed?.entities.forEach((entity, i) =>
      describe(entity.id, entity.kind, file, ['entities', i]),
    );
  }
  problems.push(...checkRestatedClaims(files));

  for (const file of files) {
    const seed = file.seed;
    const document = documents.get(file);
    if (!seed) continue;
    const refer = (kind: 'source' | 'entity', id: string | undefined, path: Path) => {
      if (id !== undefined && !registry[kind].has(id)) {
        problems.push(file.problemAt(path, `unknown ${kind} "${id}" (no seed file defines it)`));
      }
    };
    /** A source of a fact or a claim: a publication, never a compilation of notes. */
    const credit = (id: string, path: Path) => {
      refer('source', id, path);
      const definition = registry.source.get(id);
      const source = definition?.file.seed?.sources.find((candidate) => candidate.id === id);
      if (source?.kind === 'compilation') {
        problems.push(
          file.problemAt(
            path,
            `"${id}" is a compilation, not a publication: credit the work it names instead`,
          ),
        );
      }
    };
    const quoted = (quote: string, path: Path) => {
      if (document && !document.sentenceOf(quote)) {
        problems.push(file.problemAt(path, `quote not found in ${seed.document.file}: "${quote}"`));
      }
    };
    const ordered = (from: TimeValue | undefined, to: TimeValue | undefined, path: Path) => {
      if (from && to && dateRange(to).start < dateRange(from).start) {
        problems.push(file.problemAt(path, 'ends before it starts'));
      }
    };

    refer('source', seed.document.source, ['document', 'source']);
    seed.sources.forEach((source, i) => {
      refer('source', source.citedIn, ['sources', i, 'citedIn']);
      refer('entity', source.issuedBy, ['sources', i, 'issuedBy']);
      refer('entity', source.spokeTo, ['sources', i, 'spokeTo']);
    });
    seed.entities.forEach((entity, i) => {
      entity.sources.forEach((id, j) => credit(id, ['entities', i, 'sources', j]));
      ordered(entity.date, entity.endDate, ['entities', i, 'endDate']);
    });
    const statedFacts = new Map<string, number>();
    seed.relationships.forEach((relationship, i) => {
      refer('entity', relationship.from, ['relationships', i, 'from']);
      refer('entity', relationship.to, ['relationships', i, 'to']);
      ordered(relationship.validFrom, relationship.validTo, ['relationships', i, 'validTo']);
      relationship.evidence.forEach((evidence, j) => {
        credit(evidence.source, ['relationships', i, 'evidence', j, 'source']);
        quoted(evidence.quote, ['relationships', i, 'evidence', j, 'quote']);
      });
      const key = [
        relationship.type,
        relationship.from,
        relationship.to,
        relationship.role ?? '',
      ].join(' ');
      const first = statedFacts.get(key);
      if (first !== undefined) {
        problems.push(
          file.problemAt(
            ['relationships', i],
            `the same relationship as relationships[${first}]; give one entry several evidence items`,
          ),
        );
      } else {
        statedFacts.set(key, i);
      }
    });
    seed.claims.forEach((claim, i) => {
      claim.about.forEach((id, j) => refer('entity', id, ['claims', i, 'about', j]));
      credit(claim.claimedBy, ['claims', i, 'claimedBy']);
      claim.reportedIn.forEach((id, j) => credit(id, ['claims', i, 'reportedIn', j]));
      quoted(claim.quote, ['claims', i, 'quote']);
    });
  }
  return problems;
}

/**
 * A claim may be stated in several files, each adding its own report (its publications, quote
 * and confidence), once in each file; what the claim says must be the same in all of them.
 */
function checkRestatedClaims(files: ParsedSeedFile[]): SeedProblem[] {
  const problems: SeedProblem[] = [];
  const first = new Map<string, { file: ParsedSeedFile; index: number; claim: SeedClaim }>();
  const at = (file: ParsedSeedFile, path: Path) => {
    const where = file.problemAt(path, '');
    return `${where.file}:${where.line}:${where.column}`;
  };
  for (const file of files) {
    const inFile = new Map<string, number>();
    file.seed?.claims.forEach((claim, index) => {
      const earlier = inFile.get(claim.id);
      if (earlier !== undefined) {
        problems.push(
          file.problemAt(
            ['claims', index, 'id'],
            `duplicate claim id "${claim.id}" (first defined at ${at(file, ['claims', earlier, 'id'])}); a file reports a claim once, with all its publications in reportedIn`,
          ),
        );
        return;
      }
      inFile.set(claim.id, index);
      const stated = first.get(claim.id);
      if (!stated) {
        first.set(claim.id, { file, index, claim });
        return;
      }
      for (const field of CLAIM_STATEMENT_FIELDS) {
        const [here, there] = [claim[field], stated.claim[field]];
        if (statementText(here) === statementText(there)) continue;
        problems.push(
          file.problemAt(
            ['claims', index, field],
            `claim "${claim.id}" says ${field} ${statementText(here)} here but ${statementText(there)} at ${at(stated.file, ['claims', stated.index, field])}: a claim that several files report must say the same ${CLAIM_STATEMENT_FIELDS.join(', ')} in each (a different statement is another claim, with its own id)`,
          ),
        );
      }
    });
  }
  return problems;
}

/** A field of what a claim says, comparable and readable; `about` is a set of entities. */
function statementText(value: SeedClaim[(typeof CLAIM_STATEMENT_FIELDS)[number]]): string {
  if (value === undefined) return '(none)';
  return JSON.stringify(Array.isArray(value) ? [...new Set(value)].sort() : value);
}
