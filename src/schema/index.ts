/** Assembles the GraphQL schema from its type families. */
import { builder } from './builder.js';
import './common.js';
import './entities.js';
import './relations.js';
import './claims.js';
import './sources.js';
import './analyst.js';
import './graph-stats.js';

export const schema = builder.toSchema({ sortSchema: false });
