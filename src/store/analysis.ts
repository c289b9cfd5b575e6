// Until the schema layer imports them from where they are.
export * from './paths.js';
export * from './neighborhood.js';
export * from './casualties.js';
export * from './distances.js';
