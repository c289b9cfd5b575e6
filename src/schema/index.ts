/** Assembles the GraphQL schema from its type families. */
import { GraphQLSchema } from 'graphql';
import { builder } from './builder.js';
import { countAnswerBytes } from './response-size.js';
import './enums.js';
import './dates.js';
import './nodes.js';
import './relations.js';
import './entities/interface.js';
import './entities/kinds.js';
import './entities/queries.js';
import './events.js';
import './entities/search.js';
import './claims.js';
import './sources.js';
import './places.js';
import './analyst/cypher.js';
import './analyst/timeline.js';
import './analyst/paths.js';
import './analyst/neighborhood.js';
import './analyst/casualties.js';
import './graph-stats.js';

/** The start page of GraphiQL's Docs pane, and `__schema { description }`. */
const SCHEMA_DESCRIPTION = `A knowledge graph of news about the Sahel (Niger's 2023 coup, attacks, the junta, its neighbours and allies) over Neo4j: people, organizations, countries, armed groups, places and events, the relationships among them, and the figures sources claim, each fact with its provenance.

Where to start: \`search(query:)\` finds entities by name or alias, typos and accents forgiven; \`entity(slug:)\` reads one by its stable slug (e.g. \`niger\`, \`cnsp\`); \`node(id:)\` and \`nodes(ids:)\` refetch anything by its global \`id\`. Lists are connections: page them with \`first\` (at most 100) and \`after\` (the \`endCursor\` of the page before), and ask \`totalCount\` when needed. Provenance: every relationship carries \`evidence\` (each source that states it, with its quote and sentence), every \`Claim\` its \`claimedBy\` and \`reportedIn\` sources, and sources that disagree stand side by side.`;

// Pothos's toSchema takes no description: the built schema is copied with one.
export const schema = new GraphQLSchema({
  ...builder.toSchema({ sortSchema: false }).toConfig(),
  description: SCHEMA_DESCRIPTION,
});

// Every answer is counted against GRAPHQL_MAX_RESPONSE_BYTES as it is built.
countAnswerBytes(schema);
