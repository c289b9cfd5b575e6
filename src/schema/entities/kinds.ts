/**
 * One object type per kind of entity, each implementing Entity, with the typed relationship
 * fields that relationship-fields.ts lists for it. Fields that only one kind has beside those
 * are with that kind's family (places.ts, events.ts).
 */
import { ENTITY_KINDS } from '../../graph/vocabulary.js';
import type { EntityRecord } from '../../store/records.js';
import { entityRelationsRequest } from '../../store/relations.js';
import { builder, type Context, type FieldBuilder } from '../builder.js';
import { ENTITY_KIND_DESCRIPTIONS } from '../enums.js';
import { loadAllOrThrow, loadNodes } from '../loaders.js';
import { relationListRequest, type RelationList } from '../relation-lookahead.js';
import { EntityRef, KindRefs } from '../refs.js';
import { RelationType } from '../relations.js';
import { RELATIONSHIP_FIELDS, type RelationshipField } from './relationship-fields.js';

/** The entities at the other ends of an entity's relationships of a list, at most `limit`. */
async function otherEnds(
  { loaders }: Context,
  entityId: string,
  { types, direction }: RelationList,
  limit: number,
): Promise<EntityRecord[]> {
  const { items } = await loaders.relations.load(
    entityRelationsRequest(
      entityId,
      {
        types: [...types],
        direction,
        asOf: null,
        offset: 0,
        limit,
        counted: false,
        briefEnds: false,
        readEvidence: false,
        readDates: false,
        readDescription: false,
        readSources: false,
      },
      null,
    ),
  );
  return loadAllOrThrow(loaders.entity, [...new Set(items.map((relation) => relation.otherId))]);
}

/** The GraphQL field of one entry of the table. */
function relationshipField(t: FieldBuilder<EntityRecord>, field: RelationshipField) {
  const { description } = field;
  switch (field.answers) {
    case 'relations':
      return t.field({
        type: [RelationType],
        description,
        args: {
          asOf: t.arg({
            type: 'LocalDate',
            required: false,
            description: 'Only those known to hold on this day.',
          }),
        },
        resolve: async (entity, args, { loaders }, info) =>
          (
            await loaders.relations.load(
              entityRelationsRequest(
                entity.id,
                relationListRequest(field, args.asOf ?? null, info),
                null,
              ),
            )
          ).items,
      });
    case 'entities':
      return t.field({
        type: [EntityRef],
        description,
        resolve: (entity, _args, context) => otherEnds(context, entity.id, field, 100),
      });
    case 'entity':
      return t.field({
        type: EntityRef,
        nullable: true,
        description,
        resolve: async (entity, _args, context) =>
          (await otherEnds(context, entity.id, field, 1))[0] ?? null,
      });
  }
}

for (const kind of ENTITY_KINDS) {
  builder.node(KindRefs[kind], {
    description: ENTITY_KIND_DESCRIPTIONS[kind],
    interfaces: [EntityRef],
    isTypeOf: (entity) => (entity as EntityRecord).kind === kind,
    id: { resolve: (entity) => entity.id },
    loadMany: async (ids, { loaders }) =>
      (await loadNodes(loaders.entity, ids)).map((entity) =>
        entity?.kind === kind ? entity : null,
      ),
    fields: (t) =>
      Object.fromEntries(
        Object.entries(RELATIONSHIP_FIELDS[kind]).map(([name, field]) => [
          name,
          relationshipField(t as FieldBuilder<EntityRecord>, field),
        ]),
      ) as never,
  });
}
