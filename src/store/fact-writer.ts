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

const KEYS_PER_STATEMENT = 5_000;

const existingFact = z.object({
  element: z.string(),
  from: z.string(),
  type: z.string(),
  to: z.string(),
  role: z.string().nullable(),
  evidence: factEvidence,
});
type ExistingFact = z.output<typeof existingFact>;

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
  const collect = (records: Parameters<typeof decodeRecords>[1]) => {
    for (const fact of decodeRecords(existingFact, records)) touched.set(fact.element, fact);
  };
  const byFile = await tx.run(
    `MATCH (a:Entity)-[r]->(b:Entity)
     WHERE r.evidenceSeedFiles IS NULL
        OR any(file IN r.evidenceSeedFiles
               WHERE file IN $reloaded OR ($keepFiles IS NOT NULL AND NOT file IN $keepFiles))
     ${RETURN_FACT}`,
    { reloaded, keepFiles },
  );
  collect(byFile.records);
  const keys = [...new Map(incoming.map((item) => [factKeyText(item), item])).values()].map(
    ({ from, type, to, role }) => ({ from, type, to, role: role ?? '' }),
  );
  for (let start = 0; start < keys.length; start += KEYS_PER_STATEMENT) {
    const byKey = await tx.run(
      `UNWIND $keys AS key
       MATCH (a:Entity {id: key.from})-[r]->(b:Entity {id: key.to})
       WHERE type(r) = key.type AND coalesce(r.role, '') = key.role
       ${RETURN_FACT}`,
      { keys: keys.slice(start, start + KEYS_PER_STATEMENT) },
    );
    collect(byKey.records);
  }
  return touched;
}
