/** What each implementation's server module exports. */
export interface RunningServer {
  /** The GraphQL endpoint, on loopback. */
  url: string;
  stop(): Promise<void>;
}

export type StartServer = (boltUri: string, port: number) => Promise<RunningServer>;

export const IMPLEMENTATIONS = ['ours', 'neo4j-graphql', 'floor'] as const;
export type Implementation = (typeof IMPLEMENTATIONS)[number];

export const HOST = '127.0.0.1';
