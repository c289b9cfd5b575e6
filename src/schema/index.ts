/** Assembles the GraphQL schema from its type families. */
import { builder } from './builder.js';
import './graph-stats.js';

export const schema = builder.toSchema({ sortSchema: false });
