/**
 * A synthetic seed folder of a given size, in the format of seeds/: one document whose sentences
 * hold every quote, one source, entities of every kind in a ring, three relationships and one
 * claim each. For benchmarks and for tests that need a load that takes a while.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { stringify } from 'yaml';

/** The id of the synthetic seed's `i`th entity (from 0). */
export const syntheticEntityId = (i: number) => `entity-${i}`;

/** One document whose sentences hold every quote, one source, entities in a ring with claims. */
export async function writeSyntheticSeed(dir: string, count: number): Promise<void> {
  await mkdir(dir, { recursive: true });
  const sentence = (i: number) => `Entity ${i} is linked to entity ${(i + 1) % count}.`;
  await writeFile(
    join(dir, 'synthetic.txt'),
    Array.from({ length: count }, (_, i) => sentence(i)).join('\n\n'),
  );
  const kinds = ['Person', 'Organization', 'Place', 'Event', 'ArmedGroup'] as const;
  const quote = (i: number) => sentence(i).slice(0, -1);
  const seed = {
    document: { source: 'synthetic-document', file: 'synthetic.txt' },
    sources: [{ id: 'synthetic-document', kind: 'article', name: 'Synthetic document' }],
    entities: Array.from({ length: count }, (_, i) => ({
      id: syntheticEntityId(i),
      kind: kinds[i % kinds.length],
      name: `Entity ${i}`,
      aliases: [`E${i}`],
      description: `Synthetic entity ${i}.`,
      sources: ['synthetic-document'],
      ...(kinds[i % kinds.length] === 'Place'
        ? { location: { latitude: (i % 180) - 90, longitude: (i % 360) - 180, precisionKm: 1 } }
        : {}),
      ...(kinds[i % kinds.length] === 'Event'
        ? { date: `20${10 + (i % 14)}-0${1 + (i % 9)}` }
        : {}),
    })),
    relationships: Array.from({ length: count }, (_, i) =>
      (['LEADS', 'MEMBER_OF', 'NEAR'] as const).map((type, k) => ({
        type,
        from: syntheticEntityId(i),
        to: syntheticEntityId((i + 1 + k * 7) % count),
        evidence: [{ source: 'synthetic-document', quote: quote(i) }],
      })),
    ).flat(),
    claims: Array.from({ length: count }, (_, i) => ({
      id: `claim-${i}`,
      about: [syntheticEntityId(i)],
      property: 'soldiers_killed',
      label: 'Soldiers killed',
      value: i % 50,
      qualifier: 'at_least',
      claimedBy: 'synthetic-document',
      reportedIn: 'synthetic-document',
      quote: quote(i),
    })),
  };
  await writeFile(join(dir, 'synthetic.yaml'), stringify(seed));
}
