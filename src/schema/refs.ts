/**
 * References to the schema's main types, made before any is implemented, so that the type
 * families (entities, relations, claims, sources) can point at each other without import cycles.
 */
import type { ClaimRecord, EntityRecord, SentenceRecord, SourceRecord } from '../store/records.js';
import type { ObjectRef } from '@pothos/core';
import { ENTITY_KINDS, type EntityKind } from '../graph/vocabulary.js';
import { builder, type BuilderTypes } from './builder.js';
import { connectionType } from './paging.js';

export const EntityRef = builder.interfaceRef<EntityRecord>('Entity');
/** One object type per kind of entity, all implementing Entity (see entities/kinds.ts). */
export const KindRefs = Object.fromEntries(
  ENTITY_KINDS.map((kind) => [kind, builder.objectRef<EntityRecord>(kind)]),
) as unknown as Record<EntityKind, ObjectRef<BuilderTypes, EntityRecord>>;
export const SourceRef = builder.objectRef<SourceRecord>('Source');
export const ClaimRef = builder.objectRef<ClaimRecord>('Claim');
export const SentenceRef = builder.objectRef<SentenceRecord>('Sentence');

export const EntityConnectionRef = builder.connectionObject(
  { type: EntityRef, ...connectionType('EntityConnection', 'Entities, a page at a time.') },
  { name: 'EntityEdge' },
);

export const EventConnectionRef = builder.connectionObject(
  {
    type: EntityRef,
    ...connectionType('EventConnection', 'Events, a page at a time, in time order.'),
  },
  { name: 'EventEdge' },
);
