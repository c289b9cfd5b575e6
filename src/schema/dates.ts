/** Dates as precisely as sources know them, and the date range of fields that select events. */
import type { ArgBuilder } from '@pothos/core';
import type { PartialDateRecord } from '../store/records.js';
import { builder, type BuilderTypes } from './builder.js';
import { badInput } from './errors.js';

export const DatePrecisionEnum = builder.enumType('DatePrecision', {
  description: 'How precisely a date is known.',
  values: {
    DAY: { value: 'day', description: 'Known to the day.' },
    MONTH: { value: 'month', description: 'Known to the month: any day of it.' },
    YEAR: { value: 'year', description: 'Known to the year: any day of it.' },
  },
});

export const PartialDateType = builder.objectRef<PartialDateRecord>('PartialDate').implement({
  description:
    'A date as precisely as the source knows it: a day, a month or a year, with the interval it stands for and the words that stated it.',
  fields: (t) => ({
    value: t.string({
      description: 'The date at its precision: `2023-09-28`, `2023-08` or `2023`.',
      resolve: (date) =>
        date.precision === 'day'
          ? date.earliest
          : date.precision === 'month'
            ? date.earliest.slice(0, 7)
            : date.earliest.slice(0, 4),
    }),
    precision: t.field({
      type: DatePrecisionEnum,
      description: 'Day, month or year.',
      resolve: (date) => date.precision,
    }),
    earliest: t.field({
      type: 'LocalDate',
      description: 'The first day the date may be.',
      resolve: (date) => date.earliest,
    }),
    latest: t.field({
      type: 'LocalDate',
      description: 'The last day the date may be.',
      resolve: (date) => date.latest,
    }),
    phrase: t.string({
      nullable: true,
      description:
        'The words of the source, e.g. "Thursday (September 28, 2023) morning" or "Mid-August".',
      resolve: (date) => date.phrase,
    }),
  }),
});

/** The `from` and `to` arguments of fields that select events by date, precision aware. */
export function dateRangeArgs(t: ArgBuilder<BuilderTypes>) {
  return {
    from: t({
      type: 'LocalDate',
      required: false,
      description: 'Events that may have happened on or after this day.',
    }),
    to: t({
      type: 'LocalDate',
      required: false,
      description: 'Events that may have happened on or before this day.',
    }),
  };
}

/** A date range that ends before it starts is the client's mistake, named as `to`. */
export function checkDateRange(args: { from?: string | null; to?: string | null }): void {
  if (args.from && args.to && args.to < args.from)
    throw badInput('to', `${args.to} is before from (${args.from})`);
}
