/** The Pothos schema builder, set up once with its plugins; each schema/<family>.ts adds types to it. */
import SchemaBuilder from '@pothos/core';
import DataloaderPlugin from '@pothos/plugin-dataloader';
import RelayPlugin from '@pothos/plugin-relay';
import type { GraphDatabase } from '../neo4j/database.js';

export interface Context {
  database: GraphDatabase;
}

export const builder = new SchemaBuilder<{
  Context: Context;
  DefaultFieldNullability: false;
}>({
  plugins: [RelayPlugin, DataloaderPlugin],
  defaultFieldNullability: false,
  relay: {
    clientMutationId: 'omit',
    cursorType: 'String',
  },
});

builder.queryType({
  description: 'The entry points for reading the Sahel knowledge graph.',
});
