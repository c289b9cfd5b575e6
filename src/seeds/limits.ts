/**
 * What a seed file may cost to read. The project's own files are far below every limit (about
 * 45 KB, six levels deep, no aliases); the limits are there for files from elsewhere, so that a
 * hostile or broken one is refused with a message instead of exhausting memory or the stack.
 * docs/seed-format.md lists them for the people who write seed files.
 */
export const SEED_LIMITS = {
  /** Bytes of one seed file (YAML): room for about 17,000 entities in the synthetic format. */
  fileBytes: 16 * 1024 * 1024,
  /** Bytes of one source document (the text beside a seed file). */
  documentBytes: 16 * 1024 * 1024,
  /** Nesting of YAML collections; a seed file needs five or six levels. */
  depth: 32,
  /** Nodes that the aliases of one file may stand for, once expanded (a "billion laughs" needs many more). */
  aliasNodes: 10_000,
  /** The `yaml` package's own alias cap (`toJS({ maxAliasCount })`), behind the count above. */
  maxAliasCount: 100,
} as const;

export type SeedLimits = typeof SEED_LIMITS;

/** `16 MiB`, `1.5 KiB`: a size for messages. */
export function formatBytes(bytes: number): string {
  const units = ['bytes', 'KiB', 'MiB', 'GiB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${unit === 0 ? value : Number(value.toFixed(1))} ${units[unit]}`;
}
