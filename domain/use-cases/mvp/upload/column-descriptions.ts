import type { MvpColumnSchema } from '../shared/decimal-comma.js';

/**
 * Column facts as the sentences of a notification put them. Step summaries carry these strings
 * too, so a notice composed from summaries reads exactly like one composed from the schema.
 * A file may have any number of columns, and summaries travel in every later event: past the
 * first `MAX_LISTED` the sentence says how many more there are and where they all are.
 */
export const MAX_LISTED = 50;

/** e.g. `id (integer), name (string), price (float, decimal comma)`. */
export function describeColumnTypes(schema: readonly Pick<MvpColumnSchema, 'name' | 'type' | 'decimalSeparator'>[]): string {
  return listed(schema.map((column) => `${column.name} (${column.type}${column.decimalSeparator === ',' ? ', decimal comma' : ''})`));
}

/** Quoted names of the columns with no value in any row; '' when there are none. */
export function describeEmptyColumns(schema: readonly Pick<MvpColumnSchema, 'name' | 'type'>[]): string {
  return listed(schema.filter((column) => column.type === 'empty').map((column) => JSON.stringify(column.name)));
}

function listed(items: readonly string[]): string {
  if (items.length <= MAX_LISTED) return items.join(', ');
  return `${items.slice(0, MAX_LISTED).join(', ')} and ${items.length - MAX_LISTED} more (every column is in schema.json)`;
}
