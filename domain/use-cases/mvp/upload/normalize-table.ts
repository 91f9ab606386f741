import { inferSchema, typedValue, type Cell, type ColumnSchema, type TableBatch } from '#domain/tabular/index.js';

/**
 * The normalised copy every later step and consumer reads: whatever the upload's format, one
 * typed record per line under trimmed column names. A batch of rows becomes one piece of text.
 */
export function ndjsonLines(schema: readonly ColumnSchema[], batch: Pick<TableBatch, 'rows'>): string {
  // Written by hand rather than JSON.stringify(object): objects put integer-like keys ("2024")
  // first, which would reorder the columns.
  const keys = schema.map((column) => `${JSON.stringify(column.name)}:`);
  let text = '';
  for (const row of batch.rows) {
    let line = '{';
    for (let i = 0; i < schema.length; i++) line += `${i === 0 ? '' : ','}${keys[i]}${JSON.stringify(typedValue(row[i] ?? null, schema[i]!.type))}`;
    text += `${line}}\n`;
  }
  return text;
}

export interface NormalizedTable {
  schema: ColumnSchema[];
  /** One JSON object per data row, keys in column order, values typed; ends with a newline. */
  ndjson: string;
  rows: number;
}

/** A whole table at once: its inferred schema and its NDJSON. */
export function normalizeTable(table: { columns: readonly string[]; rows: readonly Cell[][] }): NormalizedTable {
  const schema = inferSchema(table.columns.map((name) => name.trim()), table.rows);
  return { schema, ndjson: ndjsonLines(schema, table), rows: table.rows.length };
}
