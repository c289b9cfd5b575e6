/**
 * The review loop end to end, against the real Neo4j: a French report of the Kandadji attack a
 * week later, written for this test, restates where the attack happened and adds a figure no
 * one gave before. It is ingested against a copy of seeds/, the draft is accepted as it is (no
 * review edit), the folder is loaded as `npm run seed` loads it, and the graph read through
 * GraphQL: the restated fact is one edge with the evidence of both documents, the attack is the
 * known event, the new figure and the new entity are there; removing the file undoes it all.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { loadSeeds, SEED_DIR } from '../src/seeds/load.js';
import { snapshotGraph } from './support/graph.js';
import { graphqlClient } from './support/graphql.js';
import { runScript } from './support/scripts.js';
import { useSeedFolder } from './support/seed-folder.js';

const ARTICLE = new URL('./fixtures/ingest/kandadji-suite-fr-2023-10-06.txt', import.meta.url)
  .pathname;
const NAME = 'kandadji-suite-fr-2023-10-06';
const ARTICLE_SOURCE = `article-${NAME}`;
const ORIGINAL_SOURCE = 'article-niger-2023-09-29';

const seeds = useSeedFolder(SEED_DIR);
const { query } = graphqlClient(() => seeds.service());
const load = () => loadSeeds(seeds.service().database, { dir: seeds.dir() });

describe('a French report ingested, accepted unedited and loaded', () => {
  it('merges into the known facts and event, adds its own, and leaves nothing when removed', async () => {
    const drafts = await mkdtemp(join(tmpdir(), 'sahel-graph-drafts-'));
    try {
      // The ingest reads the seed files and writes only drafts: it runs while they load.
      await Promise.all([
        load(),
        runScript(
          'ingest.ts',
          ARTICLE,
          '--date',
          '2023-10-06',
          '--seeds',
          seeds.dir(),
          '--drafts',
          drafts,
        ),
      ]);
      const before = await snapshotGraph(seeds.service().database);
      const draftPath = join(drafts, `${NAME}.yaml`);
      const draft = parse(await readFile(draftPath, 'utf8'));
      expect(draft.draft.events).toEqual([
        expect.objectContaining({ entity: 'kandadji-attack-2023-09-28', linked: true }),
      ]);
      await runScript('ingest-accept.ts', draftPath, '--seeds', seeds.dir());
      await load();

      const attack = await query(`{ entity(slug: "kandadji-attack-2023-09-28") {
        relations(types: ["OCCURRED_AT"]) { edges { node { slug } sourceCount
          evidence { quote source { slug } } } }
        claims(properties: ["soldiers_wounded"]) { edges { node {
          value qualifier quote claimedBy { kind } reportedIn { slug } } } } } }`);
      const occurred = attack.entity.relations.edges;
      expect(occurred).toHaveLength(1);
      expect(occurred[0]).toMatchObject({ node: { slug: 'kandadji' }, sourceCount: 2 });
      expect(occurred[0].evidence.map((item: any) => item.source.slug).sort()).toEqual(
        [ARTICLE_SOURCE, ORIGINAL_SOURCE].sort(),
      );
      expect(occurred[0].evidence).toContainEqual({
        quote: "Niger : une semaine après l'attaque de Kandadji",
        source: { slug: ARTICLE_SOURCE },
      });
      expect(attack.entity.claims.edges.map((edge: any) => edge.node)).toContainEqual({
        value: 20,
        qualifier: 'ABOUT',
        quote: 'Une vingtaine de soldats ont été blessés',
        claimedBy: { kind: 'ANONYMOUS_SOURCE' },
        reportedIn: { slug: ARTICLE_SOURCE },
      });

      const attacksThere = await query(`{ events(place: "kandadji", types: ["Attack"]) {
        edges { node { slug } } } }`);
      expect(attacksThere.events.edges).toEqual([{ node: { slug: 'kandadji-attack-2023-09-28' } }]);
      const afp = await query(`{ entity(slug: "afp") { name sources { slug } } }`);
      expect(afp.entity).toEqual({ name: 'AFP', sources: [{ slug: ARTICLE_SOURCE }] });

      await rm(join(seeds.dir(), `${NAME}.yaml`));
      await rm(join(seeds.dir(), `${NAME}.txt`));
      await load();
      expect(await snapshotGraph(seeds.service().database)).toEqual(before);
    } finally {
      await rm(drafts, { recursive: true, force: true });
    }
  });
});
