/** Writes the printed SDL to schema/schema.graphql (`npm run schema:print`); a test keeps it current. */
import { writeFileSync } from 'node:fs';
import { printedSchema, SCHEMA_FILE } from '../schema/printed.js';

writeFileSync(SCHEMA_FILE, printedSchema());
console.log(`wrote ${SCHEMA_FILE}`);
