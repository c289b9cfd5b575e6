/**
 * The seed file format: what a YAML file in seeds/ may say, checked with zod. Cross-references
 * and quotes are checked afterwards (seeds/validate.ts), where all files are known.
 * docs/seed-format.md describes it for the people who write seed files.
 */
import { posix, win32 } from 'node:path';
import { z } from 'zod';

import {
  CLAIM_QUALIFIERS,
  CONFIDENCE,
  ENTITY_KINDS,
  EVENT_DATE_PROPERTIES,
  RELATIONSHIP_TYPES,
  SELF_LOOP_ALLOWED,
  SOURCE_KINDS,
  SUBKINDS,
} from '../graph/vocabulary.js';

/** The vocabulary is src/graph/vocabulary.ts; it is re-exported for the seed format's readers. */
export {
  CLAIM_QUALIFIERS,
  CONFIDENCE,
  ENTITY_KINDS,
  RELATIONSHIP_TYPES,
  SELF_LOOP_ALLOWED,
  SOURCE_KINDS,
  SUBKINDS,
} from '../graph/vocabulary.js';
export type { EntityKind, RelationshipType } from '../graph/vocabulary.js';

const slug = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, {
  error: 'must be a slug: lower-case letters, digits and single hyphens',
});

/** A date as precise as it is known: YYYY-MM-DD (day), YYYY-MM (month) or YYYY (year). */
export const partialDate = z
  .string()
  .regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, { error: 'must be a date: YYYY-MM-DD, YYYY-MM or YYYY' })
  .refine(isRealDate, { error: 'is not a date of the calendar' });

/**
 * A date with, optionally, the phrase that stated it ("Thursday", "mid-August"); written as a
 * plain date (`2023-09-28`, `2023`) when there is no phrase.
 */
export const timeValue = z.preprocess(
  (input) =>
    typeof input === 'string' || typeof input === 'number' ? { value: String(input) } : input,
  z.strictObject({
    value: z.preprocess(
      (input) => (typeof input === 'number' ? String(input) : input),
      partialDate,
    ),
    phrase: z.string().min(1).optional(),
  }),
);

const location = z.strictObject({
  latitude: z
    .number()
    .min(-90, { error: 'latitude must be between -90 and 90' })
    .max(90, { error: 'latitude must be between -90 and 90' }),
  longitude: z
    .number()
    .min(-180, { error: 'longitude must be between -180 and 180' })
    .max(180, { error: 'longitude must be between -180 and 180' }),
  precisionKm: z.number().positive(),
  confidence: z.enum(CONFIDENCE).default('reported'),
});

const sourceSchema = z.strictObject({
  id: slug,
  kind: z.enum(SOURCE_KINDS),
  name: z.string().min(1),
  description: z.string().min(1).optional(),
  title: z.string().min(1).optional(),
  date: timeValue.optional(),
  publisher: z.string().min(1).optional(),
  url: z.url().optional(),
  /** For a source cited by another: the citing source (the article quotes the ministry). */
  citedIn: slug.optional(),
  /** The entity that issued or speaks through this source (the ministry, Reuters). */
  issuedBy: slug.optional(),
  spokeTo: slug.optional(),
  confidence: z.enum(CONFIDENCE).default('reported'),
});

const entitySchema = z
  .strictObject({
    id: slug,
    kind: z.enum(ENTITY_KINDS, { error: `must be one of ${ENTITY_KINDS.join(', ')}` }),
    subkinds: z.array(z.string()).default([]),
    name: z.string().min(1),
    aliases: z.array(z.string().min(1)).default([]),
    description: z.string().min(1),
    wikidata: z
      .string()
      .regex(/^Q\d+$/, { error: 'must be a Wikidata QID such as Q1032' })
      .optional(),
    sources: z.array(slug).min(1, { error: 'name at least one source' }),
    location: location.optional(),
    date: timeValue.optional(),
    endDate: timeValue.optional(),
    deadline: timeValue.optional(),
  })
  .superRefine((entity, context) => {
    const allowed: readonly string[] = SUBKINDS[entity.kind];
    entity.subkinds.forEach((subkind, index) => {
      if (!allowed.includes(subkind)) {
        context.addIssue({
          code: 'custom',
          path: ['subkinds', index],
          message: `unknown subkind "${subkind}" for ${entity.kind} (expected one of ${allowed.join(', ') || 'none'})`,
        });
      }
    });
    if (entity.location && entity.kind !== 'Place') {
      context.addIssue({
        code: 'custom',
        path: ['location'],
        message: 'only a Place has a location',
      });
    }
    for (const field of EVENT_DATE_PROPERTIES) {
      if (entity[field] && entity.kind !== 'Event') {
        context.addIssue({
          code: 'custom',
          path: [field],
          message: `only an Event has a ${field}`,
        });
      }
    }
  });

/** A source that states a fact, and the words of the seed file's document that show it. */
const evidence = z.strictObject({
  source: slug,
  quote: z.string().min(3),
});

const relationshipSchema = z
  .strictObject({
    type: z.enum(RELATIONSHIP_TYPES, {
      error: `must be one of ${RELATIONSHIP_TYPES.join(', ')}`,
    }),
    from: slug,
    to: slug,
    role: z.string().min(1).optional(),
    description: z.string().min(1).optional(),
    validFrom: timeValue.optional(),
    validTo: timeValue.optional(),
    confidence: z.enum(CONFIDENCE).default('reported'),
    evidence: z.array(evidence).min(1, { error: 'name at least one source with a quote' }),
  })
  .superRefine((relationship, context) => {
    if (relationship.from === relationship.to && !SELF_LOOP_ALLOWED[relationship.type]) {
      context.addIssue({
        code: 'custom',
        path: ['to'],
        message: `a relationship of type ${relationship.type} cannot relate "${relationship.to}" to itself; from and to must be two entities`,
      });
    }
  });

/**
 * The document's file name, relative to the seed file's folder and inside it. validate.ts also
 * resolves it (symbolic links included) and refuses what leads outside the folder.
 */
const documentFile = z
  .string()
  .min(1)
  .superRefine((file, context) => {
    const problem = file.includes('\0')
      ? 'must not contain a NUL character'
      : posix.isAbsolute(file) || win32.isAbsolute(file)
        ? "must be a path relative to the seed file's folder, not an absolute path"
        : file.split(/[\\/]/).includes('..')
          ? 'must not contain "..": the document lives in the seed file\'s folder or below it'
          : undefined;
    if (problem) context.addIssue({ code: 'custom', message: problem });
  });

const claimSchema = z
  .strictObject({
    id: slug,
    about: z.array(slug).min(1),
    property: z
      .string()
      .regex(/^[a-z]+(_[a-z]+)*$/, { error: 'must be snake_case, e.g. soldiers_killed' }),
    label: z.string().min(1),
    value: z.number().optional(),
    valueText: z.string().min(1).optional(),
    qualifier: z.enum(CLAIM_QUALIFIERS),
    unit: z.string().min(1).optional(),
    claimedBy: slug,
    /** Where it was reported: one publication, or the several that report the same claim. */
    reportedIn: z
      .union([slug, z.array(slug).min(1, { error: 'name at least one publication' })])
      .transform((reports) => (Array.isArray(reports) ? reports : [reports])),
    quote: z.string().min(3),
    confidence: z.enum(CONFIDENCE).default('reported'),
  })
  .refine((claim) => claim.value !== undefined || claim.valueText !== undefined, {
    error: 'give a value (a number) or a valueText',
  });

/**
 * What a claim says: every file that states a claim (by its id) must say these alike. The rest,
 * `reportedIn`, `quote` and `confidence`, is each file's own report of it.
 */
export const CLAIM_STATEMENT_FIELDS = [
  'about',
  'property',
  'label',
  'value',
  'valueText',
  'qualifier',
  'unit',
  'claimedBy',
] as const;

export const seedFileSchema = z.strictObject({
  /** The text whose words the quotes are: a file beside this one, and the Source it is. */
  document: z.strictObject({ source: slug, file: documentFile }),
  sources: z.array(sourceSchema).default([]),
  entities: z.array(entitySchema).default([]),
  relationships: z.array(relationshipSchema).default([]),
  claims: z.array(claimSchema).default([]),
});

export type SeedFile = z.output<typeof seedFileSchema>;
export type SeedSource = SeedFile['sources'][number];
export type SeedEntity = SeedFile['entities'][number];
export type SeedRelationship = SeedFile['relationships'][number];
export type SeedClaim = SeedFile['claims'][number];
export type TimeValue = z.output<typeof timeValue>;

function isRealDate(value: string): boolean {
  const [year, month = 1, day = 1] = value.split('-').map(Number) as [number, number?, number?];
  const date = new Date(Date.UTC(year, month - 1, day));
  return (
    date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day
  );
}
