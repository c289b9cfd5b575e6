/**
 * Writes seed plans into Neo4j in one transaction: all files load, or none does and the graph
 * stays as it was. Each file's earlier contribution is replaced by its new one, so loading twice
 * gives the same graph and other files' facts are left alone. Rows go in batches (UNWIND).
 */
import { z } from 'zod';
import type { GraphDatabase, Transaction } from '../neo4j/database.js';
import type { SeedPlan } from '../graph/seed-plan.js';
import { decodeSingle } from './statement.js';

const writtenCount = z.object({ written: z.number() });

const ROWS_PER_STATEMENT = 5_000;

export interface WriteSummary {
  files: string[];
  nodes: number;
  relationships: number;
}

/**
 * Loads the plans; with `prune`, also removes what files no longer in `keepFiles` contributed
 * (a seed file that was deleted).
 */
export function writeSeedPlans(
  database: GraphDatabase,
  plans: SeedPlan[],
  options: {
    pruneExcept?: string[];
    /** Told after each statement of the (still open) transaction. */
    onRowsWritten?: (progress: { seedFile: string; rows: number }) => void;
  } = {},
): Promise<WriteSummary> {
  return database.write(async (tx) => {
    if (options.pruneExcept) await removeOtherFiles(tx, options.pruneExcept);
    const total = { nodes: 0, relationships: 0 };
    const write = async (seedFile: string, cypher: string, rows: unknown[]) => {
      let written = 0;
      // Large files go in slices: one statement per slice keeps each message and plan small,
      // while the one transaction keeps the load all-or-nothing.
      for (let start = 0; start < rows.length; start += ROWS_PER_STATEMENT) {
        const slice = rows.slice(start, start + ROWS_PER_STATEMENT);
        const result = await tx.run(cypher, { rows: slice, seedFile });
        const updates = result.summary.counters.updates();
        total.nodes += updates.nodesCreated;
        total.relationships += updates.relationshipsCreated;
        written += decodeSingle(writtenCount, result.records).written;
        options.onRowsWritten?.({ seedFile, rows: slice.length });
      }
      if (written !== rows.length) {
        throw new Error(
          `${seedFile}: ${rows.length - written} of ${rows.length} rows refer to nodes that ` +
            'are not in the graph; load the seed files that define them together with this one',
        );
      }
    };
    for (const plan of plans) await removeStaleContribution(tx, plan);
    // Nodes of every file first: a file's relationships may end at another file's entities.
    for (const plan of plans) await writeNodes(plan, write);
    for (const plan of plans) await writeLinks(plan, write);
    return { files: plans.map((plan) => plan.seedFile), ...total };
  });
}

async function removeOtherFiles(tx: Transaction, keepFiles: string[]): Promise<void> {
  await tx.run(
    `MATCH ()-[r]->() WHERE r.seedFile IS NOT NULL AND NOT r.seedFile IN $keepFiles DELETE r`,
    { keepFiles },
  );
  await tx.run(
    `MATCH (n) WHERE (n:Entity OR n:Source OR n:Claim OR n:Sentence)
       AND n.seedFile IS NOT NULL AND NOT n.seedFile IN $keepFiles
     DETACH DELETE n`,
    { keepFiles },
  );
}

/** Deletes what the file contributed before, except the nodes it still defines (kept by id). */
async function removeStaleContribution(tx: Transaction, plan: SeedPlan): Promise<void> {
  const params = {
    seedFile: plan.seedFile,
    entityIds: plan.entities.map((row) => row.id),
    sourceIds: plan.sources.map((row) => row.id),
  };
  await tx.run(`MATCH (:Entity)-[r]->(:Entity) WHERE r.seedFile = $seedFile DELETE r`, params);
  await tx.run(
    `MATCH (s:Source {seedFile: $seedFile})-[r:CITED_IN|ISSUED_BY|SPOKE_TO]->() DELETE r`,
    params,
  );
  await tx.run(
    `MATCH (:Source)-[m:MENTIONS]->(:Entity) WHERE m.seedFile = $seedFile DELETE m`,
    params,
  );
  await tx.run(`MATCH (c:Claim {seedFile: $seedFile}) DETACH DELETE c`, params);
  await tx.run(`MATCH (s:Sentence {seedFile: $seedFile}) DETACH DELETE s`, params);
  await tx.run(
    `MATCH (e:Entity {seedFile: $seedFile}) WHERE NOT e.id IN $entityIds DETACH DELETE e`,
    params,
  );
  await tx.run(
    `MATCH (s:Source {seedFile: $seedFile}) WHERE NOT s.id IN $sourceIds DETACH DELETE s`,
    params,
  );
}

/** Runs one batch and fails the whole load unless every row was written. */
type Write = (seedFile: string, cypher: string, rows: unknown[]) => Promise<void>;

async function writeNodes(plan: SeedPlan, write: Write): Promise<void> {
  await write(
    plan.seedFile,
    `UNWIND $rows AS row
     MERGE (s:Source {id: row.id})
     SET s = row.props
     RETURN count(*) AS written`,
    plan.sources,
  );
  await write(
    plan.seedFile,
    `UNWIND $rows AS row
     MERGE (e:Entity {id: row.id})
     SET e = row.props
     SET e.sortName = toLower(e.name)
     WITH e, row, [label IN labels(e) WHERE label <> 'Entity'] AS previous
     REMOVE e:$(previous)
     SET e:$(row.labels)
     RETURN count(*) AS written`,
    plan.entities,
  );
  await write(
    plan.seedFile,
    `UNWIND $rows AS row
     MATCH (document:Source {id: row.documentId})
     CREATE (s:Sentence)-[:IN_DOCUMENT]->(document)
     SET s = row.props
     RETURN count(*) AS written`,
    plan.sentences,
  );
}

async function writeLinks(plan: SeedPlan, write: Write): Promise<void> {
  await write(
    plan.seedFile,
    `UNWIND $rows AS row
     MATCH (s:Source {id: row.sourceId})
     MATCH (e:Entity {id: row.entityId})
     CREATE (s)-[:MENTIONS {seedFile: $seedFile}]->(e)
     RETURN count(*) AS written`,
    plan.mentions,
  );
  await write(
    plan.seedFile,
    `UNWIND $rows AS row
     MATCH (s:Source {id: row.from})
     CALL (row) {
       MATCH (target:Source {id: row.to}) RETURN target
       UNION
       MATCH (target:Entity {id: row.to}) RETURN target
     }
     CREATE (s)-[:$(row.type) {seedFile: $seedFile}]->(target)
     RETURN count(*) AS written`,
    plan.sourceLinks,
  );
  await write(
    plan.seedFile,
    `UNWIND $rows AS row
     MATCH (from:Entity {id: row.from})
     MATCH (to:Entity {id: row.to})
     CREATE (from)-[r:$(row.type)]->(to)
     SET r = row.props
     RETURN count(*) AS written`,
    plan.relationships,
  );
  await write(
    plan.seedFile,
    `UNWIND $rows AS row
     MATCH (claimant:Source {id: row.claimedBy})
     MATCH (reporter:Source {id: row.reportedIn})
     MATCH (sentence:Sentence {id: row.sentenceId})
     CREATE (c:Claim)
     SET c = row.props
     CREATE (c)-[:CLAIMED_BY]->(claimant), (c)-[:REPORTED_IN]->(reporter),
            (c)-[:STATED_IN]->(sentence)
     WITH c, row
     CALL (c, row) {
       UNWIND row.about AS aboutId
       MATCH (subject:Entity {id: aboutId})
       CREATE (c)-[:ABOUT]->(subject)
       RETURN count(*) AS subjects
     }
     WITH row, subjects WHERE subjects = size(row.about)
     RETURN count(*) AS written`,
    plan.claims,
  );
}
