/**
 * Writes seed plans into Neo4j in one transaction: all files load, or none does and the graph
 * stays as it was. Each file's earlier contribution is replaced by its new one, so loading twice
 * gives the same graph and other files' facts are left alone. Facts are merged across files:
 * the facts a load touches are recomputed from all their evidence (graph/facts.ts). Rows go in
 * batches (UNWIND).
 */
import { z } from 'zod';
import type { EntityRow, SeedPlan } from '../graph/seed-plan.js';
import type { GraphDatabase, Transaction } from '../neo4j/database.js';
import { writeFacts } from './fact-writer.js';
import { decodeRecords, decodeSingle } from './statement.js';

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
    /**
     * Every entity the folder describes, merged: an entity that a reloaded file stops
     * describing is rewritten from what the other files still say of it.
     */
    describedEntities?: Map<string, EntityRow>;
    /** Told after each statement of the (still open) transaction. */
    onRowsWritten?: (progress: { seedFile: string; rows: number }) => void;
  } = {},
): Promise<WriteSummary> {
  return database.write(async (tx) => {
    // Entities that lost a describing file (or, in an older store, never named theirs).
    const undescribed = await entityIds(
      tx,
      `MATCH (e:Entity) WHERE e.seedFiles IS NULL SET e.seedFiles = [] RETURN e.id AS id`,
    );
    if (options.pruneExcept) undescribed.push(...(await removeOtherFiles(tx, options.pruneExcept)));
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
    for (const plan of plans) undescribed.push(...(await removeStaleContribution(tx, plan)));
    // Nodes of every file first: a file's relationships may end at another file's entities.
    for (const plan of plans) await writeNodes(plan, write);
    await rewriteEntities(tx, undescribed, options.describedEntities);
    await writeFacts(tx, plans, options.pruneExcept ?? null, write);
    await removeUnusedEntities(tx, undescribed);
    for (const plan of plans) await writeLinks(plan, write);
    return { files: plans.map((plan) => plan.seedFile), ...total };
  });
}

/**
 * Removes what files no longer in the folder defined, and their names from the entities they
 * described; their facts' evidence goes when the facts are recomputed (`writeFacts`).
 */
async function removeOtherFiles(tx: Transaction, keepFiles: string[]): Promise<string[]> {
  return entityIds(
    tx,
    `CALL () {
       MATCH (:Source)-[r]->() WHERE r.seedFile IS NOT NULL AND NOT r.seedFile IN $keepFiles
       DELETE r
     }
     CALL () {
       MATCH (c:Claim)-[r:REPORTED_IN]->() WHERE NOT r.seedFile IN $keepFiles
       ${DELETE_REPORTS}
     }
     CALL () {
       MATCH (n) WHERE (n:Source OR n:Sentence)
         AND n.seedFile IS NOT NULL AND NOT n.seedFile IN $keepFiles
       DETACH DELETE n
     }
     MATCH (e:Entity) WHERE any(file IN e.seedFiles WHERE NOT file IN $keepFiles)
     SET e.seedFiles = [file IN e.seedFiles WHERE file IN $keepFiles]
     RETURN e.id AS id`,
    { keepFiles },
  );
}

/**
 * Deletes what the file contributed before, except the nodes it still defines (kept by id), and
 * returns the entities it no longer describes.
 */
async function removeStaleContribution(tx: Transaction, plan: SeedPlan): Promise<string[]> {
  const params = {
    seedFile: plan.seedFile,
    entityIds: plan.entities.map((row) => row.id),
    sourceIds: plan.sources.map((row) => row.id),
  };
  // One statement: on a busy machine, planning each statement of a first load costs a second.
  return entityIds(
    tx,
    `CALL () {
       MATCH (:Source {seedFile: $seedFile})-[r:CITED_IN|ISSUED_BY|SPOKE_TO]->() DELETE r
     }
     CALL () { MATCH (:Source)-[m:MENTIONS]->(:Entity) WHERE m.seedFile = $seedFile DELETE m }
     CALL () {
       MATCH (c:Claim)-[r:REPORTED_IN {seedFile: $seedFile}]->()
       ${DELETE_REPORTS}
     }
     CALL () { MATCH (s:Sentence {seedFile: $seedFile}) DETACH DELETE s }
     CALL () {
       MATCH (s:Source {seedFile: $seedFile}) WHERE NOT s.id IN $sourceIds DETACH DELETE s
     }
     MATCH (e:Entity) WHERE $seedFile IN e.seedFiles AND NOT e.id IN $entityIds
     SET e.seedFiles = [file IN e.seedFiles WHERE file <> $seedFile]
     RETURN e.id AS id`,
    params,
  );
}

/**
 * Deletes the reports `r` of claims `c` (REPORTED_IN links); a claim with no report left goes.
 * Its other links (STATED_IN) go with the sentences of the files that reported it.
 */
const DELETE_REPORTS = `DELETE r
       WITH DISTINCT c WHERE NOT EXISTS { (c)-[:REPORTED_IN]->() }
       DETACH DELETE c`;

const idRow = z.object({ id: z.string() });

async function entityIds(tx: Transaction, cypher: string, params = {}): Promise<string[]> {
  return decodeRecords(idRow, (await tx.run(cypher, params)).records).map((row) => row.id);
}

/** Entities that files stopped describing, rewritten from what the other files say of them. */
async function rewriteEntities(
  tx: Transaction,
  ids: string[],
  describedEntities: Map<string, EntityRow> | undefined,
): Promise<void> {
  const rows = ids.flatMap((id) => describedEntities?.get(id) ?? []);
  if (rows.length === 0) return;
  await tx.run(`UNWIND $rows AS row MATCH (e:Entity {id: row.id}) ${SET_ENTITY}`, { rows });
}

/** An entity that no file describes and no fact or claim uses disappears. */
async function removeUnusedEntities(tx: Transaction, ids: string[]): Promise<void> {
  if (ids.length === 0) return;
  await tx.run(
    `MATCH (e:Entity) WHERE e.id IN $ids AND size(coalesce(e.seedFiles, [])) = 0
       AND NOT EXISTS { (e)--(:Entity) } AND NOT EXISTS { (:Claim)-[:ABOUT]->(e) }
     DETACH DELETE e`,
    { ids },
  );
}

/** Sets entity `e` to `row` (an EntityRow): its properties, sort name and kind labels. */
const SET_ENTITY = `SET e = row.props
     SET e.sortName = toLower(e.name)
     WITH e, row, [label IN labels(e) WHERE label <> 'Entity'] AS previous
     REMOVE e:$(previous)
     SET e:$(row.labels)`;

/** Runs one batch and fails the whole load unless every row was written. */
export type Write = (seedFile: string, cypher: string, rows: unknown[]) => Promise<void>;

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
     ${SET_ENTITY}
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
  // A claim that another file reports too is one node: what it says is the same in every file
  // (validated), so each file sets it whole, with its subjects and claimant, and adds its reports.
  await write(
    plan.seedFile,
    `UNWIND $rows AS row
     MATCH (claimant:Source {id: row.claimedBy})
     MATCH (sentence:Sentence {id: row.sentenceId})
     MERGE (c:Claim {id: row.id})
     SET c = row.props
     WITH c, row, claimant, sentence
     CALL (c) { MATCH (c)-[said:ABOUT|CLAIMED_BY]->() DELETE said }
     CREATE (c)-[:CLAIMED_BY]->(claimant), (c)-[:STATED_IN]->(sentence)
     WITH c, row
     CALL (c, row) {
       UNWIND row.about AS aboutId
       MATCH (subject:Entity {id: aboutId})
       CREATE (c)-[:ABOUT]->(subject)
       RETURN count(*) AS subjects
     }
     CALL (c, row) {
       UNWIND row.reports AS report
       MATCH (reporter:Source {id: report.sourceId})
       CREATE (c)-[reported:REPORTED_IN]->(reporter)
       SET reported = report.props
       RETURN count(*) AS reporters
     }
     WITH row, subjects, reporters
     WHERE subjects = size(row.about) AND reporters = size(row.reports)
     RETURN count(*) AS written`,
    plan.claims,
  );
}
