/** The `Entity` interface: what every person, organization, country, armed group, place and event has. */
import { builder } from '../builder.js';
import { EntityKindEnum } from '../enums.js';
import { loadAllOrThrow } from '../loaders.js';
import { EntityRef, SourceRef } from '../refs.js';

EntityRef.implement({
  description:
    'A person, organization, country, armed group, place or event of the graph. Its `id` is a global id for `node`; `slug` is the stable, readable id.',
  interfaces: [builder.nodeInterfaceRef()],
  resolveType: (entity) => entity.kind,
  fields: (t) => ({
    slug: t.exposeString('id', {
      description: 'The stable, readable id, e.g. `mohamed-bazoum`; kept across reloads.',
    }),
    kind: t.field({
      type: EntityKindEnum,
      description: 'What kind of entity it is.',
      resolve: (entity) => entity.kind,
    }),
    subkinds: t.exposeStringList('subkinds', {
      description: 'Finer kinds, e.g. `MilitaryJunta`, `Village`, `Attack`.',
    }),
    name: t.exposeString('name', { description: 'The name it is best known by.' }),
    aliases: t.exposeStringList('aliases', {
      description: 'Other names and spellings ("Tiani", "the junta").',
    }),
    description: t.exposeString('description', {
      description: 'A short description, from its sources.',
    }),
    wikidataId: t.string({
      nullable: true,
      description: 'The Wikidata QID, where verified.',
      resolve: (e) => e.wikidata,
    }),
    wikidataUrl: t.string({
      nullable: true,
      description: 'Its Wikidata page, where the QID is verified.',
      resolve: (entity) =>
        entity.wikidata ? `https://www.wikidata.org/wiki/${entity.wikidata}` : null,
    }),
    sources: t.field({
      type: [SourceRef],
      description: 'The sources that state this entity and what it is.',
      resolve: (entity, _args, { loaders }) => loadAllOrThrow(loaders.source, entity.sourceIds),
    }),
  }),
});
