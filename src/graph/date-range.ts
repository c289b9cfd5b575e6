/**
 * Dates known to a day, a month or a year. A date of month precision stands for the whole month:
 * it is stored as the first and the last day it may be, with its precision and original phrase.
 */
import type { DatePrecision } from './vocabulary.js';

/** A date as a document states it: YYYY-MM-DD, YYYY-MM or YYYY, and the words that said so. */
export interface StatedDate {
  value: string;
  phrase?: string | undefined;
}

export interface DateRange {
  /** First day the date may be, YYYY-MM-DD. */
  start: string;
  /** Last day the date may be, YYYY-MM-DD. */
  end: string;
  precision: DatePrecision;
  /** The words that stated it ("Thursday", "mid-August"), when given. */
  phrase: string | undefined;
}

export function dateRange(time: StatedDate): DateRange {
  const { value, phrase } = time;
  const [year, month, day] = value.split('-');
  if (day !== undefined) return { start: value, end: value, precision: 'day', phrase };
  if (month !== undefined) {
    const lastDay = new Date(Date.UTC(Number(year), Number(month), 0)).getUTCDate();
    return { start: `${value}-01`, end: `${value}-${lastDay}`, precision: 'month', phrase };
  }
  return { start: `${value}-01-01`, end: `${value}-12-31`, precision: 'year', phrase };
}
