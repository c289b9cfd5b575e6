/** Partial dates as the API gives them: a day, a month or a year, and the span it stands for. */
import type { DatePartsFragment } from './gql/graphql';

export type DateParts = DatePartsFragment;

/** "2023-09-28", "2023-08 (month)", "1960 (year)". */
export function formatDate(date: DateParts): string {
  return date.precision === 'DAY' ? date.value : `${date.value} (${date.precision.toLowerCase()})`;
}

/** "from 2023-07-26 to 2024-03", "from 2023-07-26", "until 1960", or "" when neither is known. */
export function formatValidity(from?: DateParts | null, to?: DateParts | null): string {
  if (from && to) return `from ${formatDate(from)} to ${formatDate(to)}`;
  if (from) return `from ${formatDate(from)}`;
  if (to) return `until ${formatDate(to)}`;
  return '';
}

/** A LocalDate as a UTC Date (a day's first instant). */
export function utcDay(localDate: string): Date {
  return new Date(`${localDate}T00:00:00Z`);
}

export function localDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}
