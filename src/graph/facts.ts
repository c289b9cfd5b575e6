/**
 * One fact, many sources. A fact is what is said about the world: (from, type, to, role) and
 * when it holds. Each seed file that states it adds evidence (source, quote, sentence, and the
 * document's own words for the dates); the fact is the same whichever files say it. Statements
 * whose validity agrees at its precision (2023-07 contains 2023-07-26) are one fact carrying the
 * most precise dates; statements that conflict stay separate facts, side by side.
 *
 * Facts are recomputed from all their evidence (see `mergeFacts`), so the result depends only
 * on which statements there are, never on the order in which files were loaded.
 */
import { dateRange, type StatedDate } from './date-range.js';
import { firmestConfidence, type Confidence } from './vocabulary.js';

export interface FactKey {
  from: string;
  type: string;
  to: string;
  role: string | null;
}

/** One source's words for a fact, in the document of one seed file. */
export interface Evidence {
  seedFile: string;
  sourceId: string;
  quote: string;
  sentenceId: string;
  /** The validity as this document states it (null: it does not say). */
  validFrom: StatedDate | null;
  validTo: StatedDate | null;
  description: string | null;
  confidence: Confidence;
}

export type KeyedEvidence = FactKey & Evidence;

export interface Fact extends FactKey {
  /** Stable: the key, and when the key has conflicting versions, the validity too. */
  id: string;
  /** In seed file order, each file's items in the order it gives them. */
  evidence: Evidence[];
  /** The most precise of the evidence's dates. */
  validFrom: StatedDate | null;
  validTo: StatedDate | null;
  /** The first description the evidence gives. */
  description: string | null;
  /** The firmest confidence the evidence gives. */
  confidence: Confidence;
}

/** What one seed file says about one key: its evidence items share their dates. */
interface Statement {
  seedFile: string;
  validFrom: StatedDate | null;
  validTo: StatedDate | null;
  evidence: Evidence[];
}

interface Version {
  validFrom: StatedDate | null;
  validTo: StatedDate | null;
  statements: Statement[];
}

export const factKeyText = ({ from, type, to, role }: FactKey) =>
  `${from}:${type}:${to}${role ? `:${role}` : ''}`;

/** The facts that a pool of evidence (of any keys and files) states. */
export function mergeFacts(pool: readonly KeyedEvidence[]): Fact[] {
  const byKey = new Map<string, { key: FactKey; statements: Map<string, Statement> }>();
  for (const { from, type, to, role, ...evidence } of pool) {
    const key = { from, type, to, role };
    const keyText = factKeyText(key);
    const entry = byKey.get(keyText) ?? { key, statements: new Map() };
    byKey.set(keyText, entry);
    const statement = entry.statements.get(evidence.seedFile) ?? {
      seedFile: evidence.seedFile,
      validFrom: evidence.validFrom,
      validTo: evidence.validTo,
      evidence: [],
    };
    entry.statements.set(evidence.seedFile, statement);
    statement.evidence.push(evidence);
  }
  return [...byKey.entries()].flatMap(([keyText, { key, statements }]) => {
    const versions = versionsOf([...statements.values()]);
    return versions.map((version) => toFact(keyText, key, version, versions.length > 1));
  });
}

/**
 * The most precise statements first (then by file), each joining the first version it agrees
 * with: a statement without dates joins the most precisely dated version.
 */
function versionsOf(statements: Statement[]): Version[] {
  const ordered = statements.sort(
    (a, b) => precisionOf(b) - precisionOf(a) || a.seedFile.localeCompare(b.seedFile),
  );
  const versions: Version[] = [];
  for (const statement of ordered) {
    const version = versions.find((candidate) => agree(candidate, statement));
    if (version) {
      version.validFrom = morePrecise(version.validFrom, statement.validFrom);
      version.validTo = morePrecise(version.validTo, statement.validTo);
      version.statements.push(statement);
    } else {
      versions.push({ ...statement, statements: [statement] });
    }
  }
  return versions;
}

/**
 * Two validities agree when each bound agrees (unknown, or the same date at the coarser
 * precision) and, taken together, they still start before they end.
 */
function agree(
  a: Pick<Version, 'validFrom' | 'validTo'>,
  b: Pick<Version, 'validFrom' | 'validTo'>,
) {
  const from = morePrecise(a.validFrom, b.validFrom);
  const to = morePrecise(a.validTo, b.validTo);
  return (
    sameDate(a.validFrom, b.validFrom) &&
    sameDate(a.validTo, b.validTo) &&
    !(from && to && dateRange(to).end < dateRange(from).start)
  );
}

/** Calendar days, months and years nest: two of them overlap only when one contains the other. */
function sameDate(a: StatedDate | null, b: StatedDate | null): boolean {
  if (!a || !b) return true;
  const [x, y] = [dateRange(a), dateRange(b)];
  return x.start <= y.end && y.start <= x.end;
}

/** Of two agreeing dates, the more precise (YYYY-MM-DD over YYYY-MM over YYYY). */
function morePrecise(a: StatedDate | null, b: StatedDate | null): StatedDate | null {
  if (!a || !b) return a ?? b;
  return b.value.length > a.value.length ? b : a;
}

const precisionOf = (statement: Statement) =>
  (statement.validFrom?.value.length ?? 0) + (statement.validTo?.value.length ?? 0);

function toFact(keyText: string, key: FactKey, version: Version, conflicting: boolean): Fact {
  const evidence = [...version.statements]
    .sort((a, b) => a.seedFile.localeCompare(b.seedFile))
    .flatMap((statement) => statement.evidence);
  const validity = `@${version.validFrom?.value ?? ''}..${version.validTo?.value ?? ''}`;
  return {
    ...key,
    id: conflicting ? `${keyText}${validity}` : keyText,
    evidence,
    validFrom: version.validFrom,
    validTo: version.validTo,
    description: evidence.find((item) => item.description !== null)?.description ?? null,
    confidence: firmestConfidence(evidence.map((item) => item.confidence)),
  };
}
