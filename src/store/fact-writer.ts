/**
 * Facts between entities, merged across seed files: a load recomputes every fact it touches
 * from all its evidence (graph/facts.ts), the other files' that it keeps and its own new.
 */
import { z } from 'zod';
import { factKeyText, mergeFacts, type KeyedEvidence } from '../graph/facts.js';
import type { SeedPlan } from '../graph/seed-plan.js';
import type { Transaction } from '../neo4j/database.js';
import { factEvidence, factProperties } from './fact-properties.js';
import type { Write } from './seed-writer.js';
import { decodeRecords } from './statement.js';

const existingFact = z.object({
  element: z.string(),
  from: z.string(),
  type: z.string(),
  to: z.string(),
  role: z.string().nullable(),
  evidence: factEvidence,
});
type ExistingFact = z.output<typeof existingFact>;

/** A fact's key as `factKeyText` writes it (graph/facts.ts). */
const FACT_KEY_TEXT = `a.id + ':' + type(r) + ':' + b.id + coalesce(':' + r.role, '')`;

const RETURN_FACT = `RETURN elementId(r) AS element, a.id AS from, type(r) AS type, b.id AS to,
         r.role AS role, properties(r) AS evidence`;

/**
 * Recomputes every fact the load touches: those with evidence from a file it loads or prunes
 * (all but `keepFiles`, when given), and those with the key of a fact it states. Their
 * evidence from other files, and the loaded files' new evidence, become the facts that replace
 * them.
 */
export async function writeFacts(
  tx: Transaction,
  plans: SeedPlan[],
  keepFiles: string[] | null,
  write: Write,
): Promise<void> {
  const reloaded = plans.map((plan) => plan.seedFile);
  const incoming = plans.flatMap((plan) => plan.evidence);
  const touched = await readTouchedFacts(tx, reloaded, keepFiles, incoming);
  const kept = (file: string) =>
    !reloaded.includes(file) && (keepFiles === null || keepFiles.includes(file));
  const pool: KeyedEvidence[] = [
    ...[...touched.values()].flatMap(({ from, type, to, role, evidence }) =>
      evidence
        .filter((item) => kept(item.seedFile))
        .map((item) => ({ from, type, to, role, ...item })),
    ),
    ...incoming,
  ];
  if (touched.size > 0) {
    await tx.run(
      `UNWIND $elements AS element MATCH ()-[r]->() WHERE elementId(r) = element DELETE r`,
      { elements: [...touched.keys()] },
    );
  }
  await write(
    reloaded.join(', '),
    `UNWIND $rows AS row
     MATCH (from:Entity {id: row.from})
     MATCH (to:Entity {id: row.to})
     CREATE (from)-[r:$(row.type)]->(to)
     SET r = row.props
     RETURN count(*) AS written`,
    mergeFacts(pool).map((fact) => ({
      from: fact.from,
      type: fact.type,
      to: fact.to,
      props: factProperties(fact),
    })),
  );
}

/**
 * The facts with evidence from a reloaded file or one not kept, or from an older store (whose
 * evidence names no file, and which go), and those with the key of an incoming item; by
 * element id.
 */
async function readTouchedFacts(
  tx: Transaction,
  reloaded: string[],
  keepFiles: string[] | null,
  incoming: KeyedEvidence[],
): Promise<Map<string, ExistingFact>> {
  const touched = new Map<string, ExistingFact>();
  // One pass over the facts: a lookup per key would seek both ends of each, which costs far more
  // than reading every fact once when a load states thousands.
  const keys = [...new Set(incoming.map((item) => factKeyText(item)))];
  const result = await tx.run(
    `MATCH (a:Entity)-[r]->(b:Entity)
     WHERE r.evidenceSeedFiles IS NULL
        OR any(file IN r.evidenceSeedFiles
               WHERE file IN $reloaded OR ($keepFiles IS NOT NULL AND NOT file IN $keepFiles))
        OR ${FACT_KEY_TEXT} IN $keys
     ${RETURN_FACT}`,
    { reloaded, keepFiles, keys },
  );
  for (const fact of decodeRecords(existingFact, result.records)) touched.set(fact.element, fact);
  return touched;
}
