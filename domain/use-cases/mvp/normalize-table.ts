import { inferSchema, typedValue, type ColumnSchema, type ParsedTable } from '#domain/tabular/index.js';

export interface NormalizedTable {
  schema: ColumnSchema[];
  /** One JSON object per data row, keys in column order, values typed; ends with a newline. */
  ndjson: string;
  rows: number;
}

/**
 * The normalised copy every later step and consumer reads: whatever the upload's format, one
 * typed record per line under trimmed column names.
 */
export function normalizeTable(table: Pick<ParsedTable, 'columns' | 'rows'>): NormalizedTable {
  const names = table.columns.map((name) => name.trim());
  const schema = inferSchema(names, table.rows);
  // Written by hand rather than JSON.stringify(object): objects put integer-like keys ("2024")
  // first, which would reorder the columns.
  const keys = names.map((name) => JSON.stringify(name));
  const lines = table.rows.map((row) => {
    const fields = schema.map((column, i) => `${keys[i]}:${JSON.stringify(typedValue(row[i] ?? null, column.type))}`);
    return `{${fields.join(',')}}\n`;
  });
  return { schema, ndjson: lines.join(''), rows: table.rows.length };
}
