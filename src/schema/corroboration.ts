/** The `minSources` argument: facts stated by at least so many independent sources. */
import { checkCount } from './errors.js';

/** More than any fact has: a bound on the argument, not on the graph. */
const MOST_SOURCES = 100;

export const MIN_SOURCES_DESCRIPTION =
  'Only facts stated by at least this many independent sources (corroboration): a source cited in another, such as a statement an article quotes, counts as the one that cites it.';

/** The argument, checked (1 to 100); null when not given. */
export function checkMinSources(minSources: number | null | undefined): number | null {
  if (minSources === null || minSources === undefined) return null;
  checkCount('minSources', minSources, MOST_SOURCES);
  return minSources;
}
