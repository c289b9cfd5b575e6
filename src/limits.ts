/**
 * The page sizes of every connection: `first` is 20 when not given, and at most 100. Read by
 * the schema's paging (schema/paging.ts) and by the check of a literal `first` before an
 * operation runs (http/use-page-size-check.ts), so neither imports the other.
 */
export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;
