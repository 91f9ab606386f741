import type { ColumnSchema } from '#domain/tabular/index.js';

/**
 * Column facts as the sentences of a notification put them. Step summaries carry these strings
 * too, so a notice composed from summaries reads exactly like one composed from the schema.
 */
export function describeColumnTypes(schema: readonly Pick<ColumnSchema, 'name' | 'type'>[]): string {
  return schema.map((column) => `${column.name} (${column.type})`).join(', ');
}

/** Quoted names of the columns with no value in any row; '' when there are none. */
export function describeEmptyColumns(schema: readonly Pick<ColumnSchema, 'name' | 'type'>[]): string {
  return schema
    .filter((column) => column.type === 'empty')
    .map((column) => JSON.stringify(column.name))
    .join(', ');
}
