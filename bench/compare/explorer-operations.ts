/**
 * The explorer's own operations, as its pages send them: GET requests naming the hash of a
 * trusted document (explorer/dist/persisted-documents.json, made by the explorer's build), with
 * the variables its pages give them. Only ours serves them (the schemas differ), uncached and,
 * with `--cached`, through the response cache.
 */
import { ensureBundle, persistedDocuments } from '../../explorer/bundle.js';
import type { SuiteParams } from './operations.js';

export interface ExplorerOperation {
  name: string;
  description: string;
  /** The query string of the GET request, after `/graphql?`. */
  search: string;
}

/** The operations of the home page, the search box and an entity's page, in that order. */
const OPERATIONS: { operation: string; description: string; variables(p: SuiteParams): object }[] =
  [
    {
      operation: 'LatestEvents',
      description: 'home page: latest events, graph size',
      variables: () => ({}),
    },
    {
      operation: 'Suggestions',
      description: 'search box: suggestions as one types',
      variables: (p) => ({ query: p.searchText }),
    },
    {
      operation: 'EntityPage',
      description: "an entity's page: its facts, evidence and claims",
      variables: (p) => ({ slug: p.entity }),
    },
    {
      operation: 'Neighbourhood',
      description: "its page's graph: two steps around it",
      variables: (p) => ({ slug: p.entity, depth: 2, asOf: null }),
    },
    {
      operation: 'MapPoints',
      description: "its page's map: the places around it",
      variables: (p) => ({ slug: p.entity }),
    },
    {
      operation: 'Timeline',
      description: "its page's timeline: the events linked to it",
      variables: (p) => ({ slug: p.entity }),
    },
  ];

export const EXPLORER_OPERATION_NAMES = OPERATIONS.map(({ operation }) => `explorer:${operation}`);

export async function explorerOperations(params: SuiteParams): Promise<ExplorerOperation[]> {
  await ensureBundle();
  const documents = await persistedDocuments();
  return OPERATIONS.map(({ operation, description, variables }) => {
    const hash = documents.get(operation)?.hash;
    if (!hash) throw new Error(`the explorer's build has no operation ${operation}`);
    const search = new URLSearchParams({
      variables: JSON.stringify(variables(params)),
      extensions: JSON.stringify({ persistedQuery: { version: 1, sha256Hash: hash } }),
    });
    return { name: `explorer:${operation}`, description, search: search.toString() };
  });
}
