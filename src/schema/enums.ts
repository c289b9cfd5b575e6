/**
 * The graph's vocabulary (graph/vocabulary.ts) as GraphQL enums, the narrowing of the strings
 * the store reads to their unions, and the checks of `types` arguments that name the vocabulary.
 */
import {
  CLAIM_QUALIFIERS,
  CONFIDENCE,
  ENTITY_KINDS,
  RELATIONSHIP_TYPES,
  SOURCE_KINDS,
  SUBKINDS,
  type EntityKind,
} from '../graph/vocabulary.js';
import { builder } from './builder.js';
import { badInput, quotedList } from './errors.js';

/** `ArmedGroup` → `ARMED_GROUP`, `anonymous-source` → `ANONYMOUS_SOURCE`. */
function enumValues<T extends string>(values: readonly T[], describe: (value: T) => string) {
  return Object.fromEntries(
    values.map((value) => [
      value
        .replace(/([a-z])([A-Z])/g, '$1_$2')
        .replace(/-/g, '_')
        .toUpperCase(),
      { value, description: describe(value) },
    ]),
  );
}

/** Whether a string is one of the values of a union (a list of the vocabulary). */
const isOneOf = <T extends string>(values: readonly T[], value: string): value is T =>
  (values as readonly string[]).includes(value);

/**
 * A value the store reads as a plain string, as the union of the enum it is served as: the
 * graph holds no other (the seed format checks them), so another is a broken graph.
 */
export function enumValue<T extends string>(values: readonly T[], value: string): T {
  if (!isOneOf(values, value)) {
    throw new Error(`${JSON.stringify(value)} is none of ${values.join(', ')}`);
  }
  return value;
}

/** Each kind of entity, for its object type and its EntityKind value. */
export const ENTITY_KIND_DESCRIPTIONS: Record<EntityKind, string> = {
  Person: 'A person, e.g. Mohamed Bazoum, deposed President of Niger.',
  Organization:
    'An organization: a government body, a junta, armed forces, a news agency, an alliance.',
  Country: 'A country, e.g. Niger.',
  ArmedGroup: 'A non-state armed group, e.g. JNIM, the al-Qaeda affiliate in the Sahel.',
  Place:
    'A place: a city, village, region, border area, base or dam site, with coordinates where known.',
  Event: 'Something that happened: an attack, a coup, a protest, an announcement, a withdrawal.',
};

export const EntityKindEnum = builder.enumType('EntityKind', {
  description:
    'The kind of an entity; finer kinds (e.g. `MilitaryJunta`, `Attack`) are in `subkinds`.',
  values: enumValues(ENTITY_KINDS, (kind) => ENTITY_KIND_DESCRIPTIONS[kind]),
});

const SOURCE_KIND_DESCRIPTIONS: Record<(typeof SOURCE_KINDS)[number], string> = {
  article: 'A news article, e.g. the report the graph was built from.',
  statement: 'An official statement a report cites, e.g. of a defence ministry.',
  communique: 'A formal communiqué of a government or an armed group.',
  interview: 'An interview, e.g. a head of state on television.',
  'anonymous-source': 'An unnamed source a report cites, e.g. "a senior military officer".',
  analysts: 'Analysts or experts a report cites, named or not.',
  'reference-work': 'A reference work, e.g. an encyclopaedia article.',
  compilation: 'A compilation of facts from other sources, each credited to its own.',
};

export const SourceKindEnum = builder.enumType('SourceKind', {
  description:
    'What a source is: the article, a statement it cites, an anonymous source, a reference work, ...',
  values: enumValues(SOURCE_KINDS, (kind) => SOURCE_KIND_DESCRIPTIONS[kind]),
});

export const ClaimQualifierEnum = builder.enumType('ClaimQualifier', {
  description:
    'How a claimed figure is qualified. For HUNDREDS and SEVERAL_HUNDRED, `value` is the lowest figure the words allow (200).',
  values: enumValues(
    CLAIM_QUALIFIERS,
    (qualifier) => `The source says "${qualifier.replace(/_/g, ' ')}".`,
  ),
});

const CONFIDENCE_DESCRIPTIONS: Record<(typeof CONFIDENCE)[number], string> = {
  confirmed: 'Confirmed by the source or by several sources.',
  reported: 'Reported by the source, not independently confirmed.',
  unverified: 'Marked unverified or approximate by the source.',
};

export const ConfidenceEnum = builder.enumType('Confidence', {
  description: 'How well a fact is established by its sources.',
  values: enumValues(CONFIDENCE, (confidence) => CONFIDENCE_DESCRIPTIONS[confidence]),
});

/**
 * A `types` argument of vocabulary values, checked: values it does not know are the client's
 * mistake, named with the values it knows.
 */
function checkTypes<T extends string>(
  what: string,
  known: readonly T[],
  types: readonly string[] | null | undefined,
): T[] | null {
  if (!types) return null;
  const unknown = types.filter((type) => !isOneOf(known, type));
  if (unknown.length > 0) {
    throw badInput('types', `unknown ${what} ${quotedList(unknown)} (known: ${known.join(', ')})`);
  }
  return types.map((type) => enumValue(known, type));
}

export const checkRelationshipTypes = (types: readonly string[] | null | undefined) =>
  checkTypes('relationship type', RELATIONSHIP_TYPES, types);

/** The finer kinds of Event (Attack, Coup, ...). */
export const EVENT_TYPES = SUBKINDS.Event;

export const checkEventTypes = (types: readonly string[] | null | undefined) =>
  checkTypes('event type', EVENT_TYPES, types);
