/**
 * A count argument brought within its bounds for the operation's cost estimate (builder.ts):
 * the field itself refuses a value out of bounds when it runs, with an error that names it.
 */
export const withinBounds = (value: number, lowest: number, highest: number) =>
  Number.isInteger(value) ? Math.min(Math.max(value, lowest), highest) : highest;
