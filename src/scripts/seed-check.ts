/** `npm run seed:check`: see src/seeds/check-command.ts. */
import { seedCheck } from '../seeds/check-command.js';

process.exitCode = await seedCheck(process.argv.slice(2));
