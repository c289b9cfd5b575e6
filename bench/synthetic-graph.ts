/**
 * A synthetic graph in the model of the seeds, at named sizes, the same for the same seed
 * number: entities of every kind, events with places and dates of mixed precision, claims from
 * several sources, and typed relationships whose targets follow a skewed (hub-heavy) degree
 * distribution. It is generated as a stream of seed files (parts) of at most `batch` items
 * each, planned by the project's own planner and loaded through the same batched writer as
 * seeds/: memory grows with the batch, not with the graph.
 */
import { DocumentText } from '../src/seeds/document-text.js';
import type { SeedFile } from '../src/seeds/format.js';
import type { ValidSeedFile } from '../src/seeds/validate.js';

export interface GraphShape {
  entities: number;
  relationshipsPerEntity: number;
}

export const GRAPH_SIZES = {
  small: { entities: 8_000, relationshipsPerEntity: 4 },
  medium: { entities: 75_000, relationshipsPerEntity: 12 },
  large: { entities: 150_000, relationshipsPerEntity: 12 },
  huge: { entities: 1_000_000, relationshipsPerEntity: 20 },
} as const satisfies Record<string, GraphShape>;
export type GraphSize = keyof typeof GRAPH_SIZES;
/** The sizes `--full` runs: `huge` is asked for by name (see BENCHMARKS.md for its cost). */
export const FULL_SIZES: GraphSize[] = ['small', 'medium', 'large'];

/** Items (entities, claims or relationships) per part: one transaction each. */
export const DEFAULT_BATCH = 150_000;

const SOURCES = 40;
const SENTENCES = 100;

/** Mulberry32: a small, fast, seedable generator. */
function generator(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    below: (n: number) => Math.floor(next() * n),
    /** Skewed towards 0: a few hubs get most of the links. */
    skewed: (n: number) => Math.floor(n * next() ** 3),
  };
}

/**
 * The graph `name` as parts: the sources and entities, then the claims, then the relationships,
 * each in parts of at most `batch` items (the random numbers are drawn in the order of the
 * earlier, all-in-memory generator, so the same seed gives the same graph).
 */
export function* syntheticGraphParts(
  name: string,
  { entities: count, relationshipsPerEntity }: GraphShape,
  seedNumber: number,
  batch = DEFAULT_BATCH,
): Generator<ValidSeedFile> {
  const random = generator(seedNumber);
  const sentence = (i: number) => `Synthetic statement ${i} of the generated document`;
  const document = new DocumentText(
    Array.from({ length: SENTENCES }, (_, i) => `${sentence(i)}.`).join('\n\n'),
  );
  const evidence = () => {
    const quote = sentence(random.below(SENTENCES));
    return { source: `source-${random.below(SOURCES)}`, quote };
  };

  // Kinds in bands of the index range, so each kind's members are easy to pick from.
  const bands = {
    Country: [0, Math.max(10, Math.floor(count * 0.005))],
    Place: [0, 0],
    Organization: [0, 0],
    ArmedGroup: [0, 0],
    Person: [0, 0],
    Event: [0, 0],
  } as Record<string, [number, number]>;
  let start = bands.Country![1];
  for (const [kind, share] of [
    ['Place', 0.25],
    ['Organization', 0.12],
    ['ArmedGroup', 0.04],
    ['Person', 0.3],
  ] as const) {
    bands[kind] = [start, start + Math.floor(count * share)];
    start = bands[kind]![1];
  }
  bands.Event = [start, count];
  const pick = (kind: string) => {
    const [from, to] = bands[kind]!;
    return `entity-${from + random.skewed(to - from)}`;
  };
  const kindOf = (i: number) =>
    Object.entries(bands).find(([, [from, to]]) => i >= from && i < to)![0];

  const date = () => {
    const year = 2015 + random.below(10);
    const month = String(1 + random.below(12)).padStart(2, '0');
    const day = String(1 + random.below(28)).padStart(2, '0');
    const roll = random.next();
    return roll < 0.7 ? `${year}-${month}-${day}` : roll < 0.9 ? `${year}-${month}` : `${year}`;
  };

  const entity = (i: number): SeedFile['entities'][number] => {
    const kind = kindOf(i) as SeedFile['entities'][number]['kind'];
    return {
      id: `entity-${i}`,
      kind,
      subkinds: [],
      name: `${kind} ${i}`,
      aliases: [`${kind.slice(0, 3)}${i}`],
      description: `Synthetic ${kind.toLowerCase()} number ${i}.`,
      sources: [`source-${i % SOURCES}`],
      ...(kind === 'Place'
        ? {
            location: {
              latitude: 10 + random.next() * 10,
              longitude: -5 + random.next() * 20,
              precisionKm: 1 + random.below(10),
              confidence: 'reported' as const,
            },
          }
        : {}),
      ...(kind === 'Event' ? { date: { value: date() } } : {}),
    };
  };

  /** Typed relationships that fit each kind, the target chosen with a skew. */
  const linksOf = (i: number): SeedFile['relationships'] => {
    const from = `entity-${i}`;
    const kind = kindOf(i);
    const choices: [SeedFile['relationships'][number]['type'], string, string?][] =
      kind === 'Event'
        ? [
            ['OCCURRED_AT', 'Place'],
            ['OCCURRED_IN', 'Country'],
            ['LED_TO', 'Event'],
          ]
        : kind === 'Place'
          ? [
              ['LOCATED_IN', 'Country'],
              ['NEAR', 'Place'],
            ]
          : kind === 'Country'
            ? [
                ['BORDERS', 'Country'],
                ['MEMBER_OF', 'Organization'],
              ]
            : kind === 'Person'
              ? [
                  ['PARTICIPATED_IN', 'Event', 'participant'],
                  ['MEMBER_OF', 'Organization'],
                  ['LEADS', 'Organization'],
                ]
              : kind === 'ArmedGroup'
                ? [
                    ['ACTIVE_IN', 'Place'],
                    ['PARTICIPATED_IN', 'Event', 'attacker'],
                    ['FIGHTS', 'ArmedGroup'],
                  ]
                : [
                    ['GOVERNS', 'Country'],
                    ['PARTICIPATED_IN', 'Event', 'participant'],
                    ['BASED_AT', 'Place'],
                  ];
    const seen = new Set<string>();
    const links: SeedFile['relationships'] = [];
    for (let k = 0; k < relationshipsPerEntity; k += 1) {
      const [type, targetKind, role] = choices[random.below(choices.length)]!;
      const to = pick(targetKind);
      const key = `${type} ${to} ${role ?? ''}`;
      if (to === from || seen.has(key)) continue;
      seen.add(key);
      links.push({
        type,
        from,
        to,
        ...(role ? { role } : {}),
        ...(type === 'GOVERNS' || type === 'LEADS' ? { validFrom: { value: date() } } : {}),
        confidence: 'reported',
        evidence: [evidence()],
      });
    }
    return links;
  };

  const claimsOf = (event: number): SeedFile['claims'] =>
    Array.from({ length: random.below(3) }, (_, c) => ({
      id: `claim-${event}-${c}`,
      about: [`entity-${bands.Event![0] + event}`],
      property: 'soldiers_killed',
      label: 'Soldiers killed',
      value: random.below(60),
      qualifier: (['exact', 'at_least', 'about'] as const)[random.below(3)]!,
      unit: 'soldier',
      claimedBy: `source-${random.below(SOURCES)}`,
      reportedIn: ['synthetic-document'],
      quote: evidence().quote,
      confidence: 'reported' as const,
    }));

  const sources: SeedFile['sources'] = [
    {
      id: 'synthetic-document',
      kind: 'article',
      name: 'Synthetic document',
      confidence: 'reported',
    },
    ...Array.from({ length: SOURCES }, (_, i) => ({
      id: `source-${i}`,
      kind: 'statement' as const,
      name: `Synthetic source ${i}`,
      citedIn: 'synthetic-document',
      confidence: 'reported' as const,
    })),
  ];
  const part = (label: string, index: number, content: Partial<SeedFile>): ValidSeedFile => ({
    name: `${name}-${label}-${index}`,
    file: `${name}.yaml`,
    seed: {
      document: { source: 'synthetic-document', file: 'synthetic.txt' },
      sources: [],
      entities: [],
      relationships: [],
      claims: [],
      ...content,
    },
    document,
  });

  let index = 0;
  for (const entities of inBatches(count, batch, (i) => [entity(i)])) {
    yield part('nodes', index, { entities, ...(index === 0 ? { sources } : {}) });
    index += 1;
  }
  index = 0;
  for (const claims of inBatches(bands.Event![1] - bands.Event![0], batch, claimsOf)) {
    yield part('claims', index++, { claims });
  }
  index = 0;
  for (const relationships of inBatches(count, batch, linksOf)) {
    yield part('links', index++, { relationships });
  }
}

/** The items that `itemsOf(0)`, ..., `itemsOf(count - 1)` make, in slices of `size`. */
function* inBatches<T>(count: number, size: number, itemsOf: (i: number) => T[]): Generator<T[]> {
  let slice: T[] = [];
  for (let i = 0; i < count; i += 1) {
    slice.push(...itemsOf(i));
    while (slice.length >= size) {
      yield slice.slice(0, size);
      slice = slice.slice(size);
    }
  }
  if (slice.length > 0) yield slice;
}
