/**
 * The Cypher the store sends for representative requests, text and parameters, compared with
 * the files in test/store-cypher/ (as @neo4j/graphql's tck does): a change to a statement shows
 * in review as a change to its file. No database is needed; each text must also parse as Cypher.
 * After an intended change, `npx vitest run test/store-cypher.test.ts -u` rewrites the files.
 */
import { formatQuery } from '@neo4j-cypher/language-support';
import { describe, expect, it } from 'vitest';
import { parseCypher } from '../src/analyst/cypher-parse.js';
import { casualtiesStatement } from '../src/store/casualties.js';
import { claimsByIdStatement, claimsStatement } from '../src/store/claims.js';
import { distancesStatement } from '../src/store/distances.js';
import { entitiesStatement, entityListStatement } from '../src/store/entities.js';
import { eventListStatement } from '../src/store/events.js';
import { graphStatsStatement } from '../src/store/graph-stats.js';
import { neighborhoodStatement } from '../src/store/neighborhood.js';
import { pathsStatement } from '../src/store/paths.js';
import type { Page } from '../src/store/records.js';
import {
  entityRelationsRequest,
  relationsStatement,
  type RelationRequest,
} from '../src/store/relations.js';
import { searchStatement, toLuceneQuery } from '../src/store/search.js';
import {
  mentionsStatement,
  sentencesStatement,
  sourceListStatement,
  sourcesStatement,
} from '../src/store/sources.js';
import { sourceFactsStatement } from '../src/store/source-facts.js';
import type { Statement } from '../src/store/statement.js';

const firstPage: Page = { offset: 0, limit: 10, counted: false };
const countedPage: Page = { offset: 20, limit: 5, counted: true };
const noFilter = { kinds: null, name: null, country: null, region: null, near: null };
const noEventFilter = {
  types: null,
  from: null,
  to: null,
  place: null,
  participant: null,
  involving: null,
  near: null,
};
const near = { place: 'ayorou', meters: 50_000 };
const governments: RelationRequest = {
  types: ['GOVERNS'],
  direction: 'INCOMING',
  asOf: '2023-07-01',
  briefEnds: false,
  readEvidence: true,
  readDates: true,
  readDescription: true,
  readSources: true,
  ...firstPage,
};
const anyRelation: RelationRequest = {
  types: null,
  direction: 'BOTH',
  asOf: null,
  briefEnds: true,
  readEvidence: false,
  readDates: false,
  readDescription: false,
  readSources: false,
  ...countedPage,
};

/**
 * The statement as its file holds it: the parameters as comments above the text, laid out by
 * Neo4j's own Cypher formatter so that a change reads as a change of clauses, not of spacing.
 */
function render(statement: Statement<unknown>): string {
  const parameters = Object.entries(statement.parameters).map(
    ([name, value]) => `// $${name} = ${JSON.stringify(value)}`,
  );
  return `${parameters.join('\n')}\n${formatQuery(statement.text).formattedQuery}\n`;
}

const STATEMENTS: Record<string, Statement<unknown>> = {
  'entities-by-id': entitiesStatement(['niger', 'cnsp']),
  'entity-list-all': entityListStatement(noFilter, 'NAME_ASC', firstPage),
  'entity-list-one-kind': entityListStatement(
    { ...noFilter, kinds: ['Person'] },
    'NAME_ASC',
    firstPage,
  ),
  'entity-list-kinds-and-name-counted': entityListStatement(
    { ...noFilter, kinds: ['Person', 'ArmedGroup'], name: 'ti' },
    'NAME_DESC',
    countedPage,
  ),
  'entity-list-country-and-region': entityListStatement(
    { ...noFilter, country: 'niger', region: 'tillaberi-region' },
    'NAME_ASC',
    firstPage,
  ),
  'entity-list-near-and-kind': entityListStatement(
    { ...noFilter, kinds: ['Place'], near },
    'NAME_ASC',
    firstPage,
  ),
  'event-list-all': eventListStatement(noEventFilter, 'DATE_ASC', firstPage),
  'event-list-participant-dates-along': eventListStatement(
    { ...noEventFilter, participant: 'cnsp', from: '2023-07-01', to: '2023-12-31' },
    'DATE_DESC',
    countedPage,
    [governments, anyRelation],
  ),
  'event-list-near-types-involving': eventListStatement(
    { ...noEventFilter, near, types: ['Attack'], involving: 'niger' },
    'DATE_ASC',
    firstPage,
  ),
  'event-list-near-along-brief': eventListStatement(
    { ...noEventFilter, near },
    'DATE_ASC',
    { offset: 0, limit: 20, counted: false },
    [{ ...anyRelation, types: ['PARTICIPATED_IN', 'ANNOUNCED'], direction: 'INCOMING' }],
  ),
  'relations-corroborated': relationsStatement([
    entityRelationsRequest('niger', { ...governments, minSources: 2 }, null),
  ]),
  'relations-batch-with-next': relationsStatement([
    entityRelationsRequest('niger', governments, null),
    entityRelationsRequest('kandadji', anyRelation, governments),
  ]),
  search: searchStatement(toLuceneQuery('Tiani junte'), null, firstPage),
  'search-kinds-counted': searchStatement(toLuceneQuery('Niamey'), ['Place'], countedPage),
  'sources-by-id': sourcesStatement(['reuters', 'niger-2023-09-29']),
  'source-list': sourceListStatement(['Publication'], countedPage),
  'sentences-by-id': sentencesStatement(['niger-2023-09-29#3']),
  'mentions-batch': mentionsStatement([
    { sourceId: 'reuters', ...firstPage },
    { sourceId: 'niger-2023-09-29', ...countedPage },
  ]),
  'source-facts-batch': sourceFactsStatement([
    { sourceId: 'wikipedia-mohamed-bazoum', ...firstPage },
    { sourceId: 'article-niger-2023-09-29', ...countedPage },
  ]),
  'claims-batch': claimsStatement([
    {
      aboutId: 'kandadji-attack-2023',
      sourceId: null,
      properties: ['soldiers_killed'],
      ...firstPage,
    },
    { aboutId: null, sourceId: 'reuters', properties: null, ...countedPage },
  ]),
  'claims-by-id': claimsByIdStatement(['claim-1']),
  'paths-untyped-no-steps': pathsStatement({
    from: 'tiani',
    to: 'france',
    maxLength: 4,
    types: null,
    limit: 3,
    withSteps: false,
    briefNodes: true,
  }),
  'paths-typed-with-steps': pathsStatement({
    from: 'tiani',
    to: 'france',
    maxLength: 6,
    types: ['LEADS', 'GOVERNS'],
    limit: 1,
    withSteps: true,
    briefNodes: false,
  }),
  'paths-corroborated': pathsStatement({
    from: 'tiani',
    to: 'france',
    maxLength: 4,
    types: null,
    minSources: 2,
    limit: 3,
    withSteps: true,
    briefNodes: false,
  }),
  'neighborhood-depth-2-as-of': neighborhoodStatement({
    slug: 'kandadji',
    depth: 2,
    types: null,
    asOf: '2023-09-28',
    limit: 50,
  }),
  'neighborhood-depth-1-corroborated': neighborhoodStatement({
    slug: 'niger',
    depth: 1,
    types: ['GOVERNS'],
    asOf: null,
    minSources: 2,
    limit: 50,
  }),
  'casualties-by-month': casualtiesStatement({
    property: 'soldiers_killed',
    grouping: 'MONTH',
    from: null,
    to: null,
    withEvents: true,
    withClaims: true,
  }),
  'casualties-by-month-counts-only': casualtiesStatement({
    property: 'soldiers_killed',
    grouping: 'MONTH',
    from: '2020-01-01',
    to: '2020-12-31',
    withEvents: false,
    withClaims: false,
  }),
  'graph-stats-totals': graphStatsStatement({ labels: false, relationshipTypes: false }),
  'graph-stats-by-label-and-type': graphStatsStatement({ labels: true, relationshipTypes: true }),
  'casualties-by-region-dated': casualtiesStatement({
    property: 'soldiers_killed',
    grouping: 'REGION',
    from: '2023-01-01',
    to: '2023-12-31',
    withEvents: true,
    withClaims: false,
  }),
  'casualties-by-actor': casualtiesStatement({
    property: 'soldiers_killed',
    grouping: 'ACTOR',
    from: null,
    to: null,
    withEvents: false,
    withClaims: true,
  }),
  distances: distancesStatement([{ fromId: 'kandadji', toId: 'niamey' }]),
};

describe('the Cypher the store sends', () => {
  for (const [name, statement] of Object.entries(STATEMENTS)) {
    it(`${name}: text and parameters as in test/store-cypher/${name}.cypher`, async () => {
      await expect(render(statement)).toMatchFileSnapshot(`store-cypher/${name}.cypher`);
    });

    it(`${name}: parses as Cypher`, () => {
      expect(() => parseCypher(statement.text)).not.toThrow();
    });
  }
});
