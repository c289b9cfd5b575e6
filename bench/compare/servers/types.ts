/** What each implementation's server module exports. */
export interface RunningServer {
  /** The GraphQL endpoint, on loopback. */
  url: string;
  stop(): Promise<void>;
}

export type StartServer = (boltUri: string, port: number) => Promise<RunningServer>;

export const IMPLEMENTATIONS = ['ours', 'neo4j-graphql', 'floor'] as const;
export type Implementation = (typeof IMPLEMENTATIONS)[number];
/** Ours again, with its response cache on: `--cached` times it beside the uncached one. */
export const OURS_CACHED = 'ours (cached)';
export type ServerName = Implementation | typeof OURS_CACHED;

export const HOST = '127.0.0.1';
