/**
 * Where `npm run cypher-shell` connects by default: the server's own Neo4j. cypher-shell reads
 * its address and credentials from NEO4J_ADDRESS, NEO4J_USERNAME, NEO4J_PASSWORD and
 * NEO4J_DATABASE, and its command-line options (`-a`, `-u`, ...) win over them; passing the
 * defaults this way keeps a password off the command line.
 */
import type { Config } from '../../config.js';

export function cypherShellEnvironment(
  config: Config,
  environment: NodeJS.ProcessEnv,
): NodeJS.ProcessEnv {
  // cypher-shell refuses NEO4J_URI beside NEO4J_ADDRESS; ours is read into `config` already.
  const { NEO4J_URI: _uri, NEO4J_ADDRESS: _address, ...rest } = environment;
  if (config.neo4j.uri) {
    return {
      ...rest,
      NEO4J_ADDRESS: config.neo4j.uri,
      NEO4J_USERNAME: config.neo4j.user,
      NEO4J_PASSWORD: config.neo4j.password,
      ...(config.neo4j.database ? { NEO4J_DATABASE: config.neo4j.database } : {}),
    };
  }
  // The embedded Neo4j: loopback only, authentication off.
  return { ...rest, NEO4J_ADDRESS: `bolt://127.0.0.1:${config.embedded.boltPort}` };
}
