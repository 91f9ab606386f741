import { ColumnTypeTally, jsonCellOf, type Cell, type TableBatch } from '#domain/tabular/index.js';
import { DecimalCommaTally, decimalCommaValue, type MvpColumnSchema } from '../shared/decimal-comma.js';

/**
 * The normalised copy every later step and consumer reads: whatever the upload's format, one
 * typed record per line under trimmed column names. A batch of rows becomes one piece of text.
 */
export function ndjsonLines(schema: readonly MvpColumnSchema[], batch: Pick<TableBatch, 'rows'>): string {
  // Written by hand rather than JSON.stringify(object): objects put integer-like keys ("2024")
  // first, which would reorder the columns.
  const keys = schema.map((column, i) => `${i === 0 ? '' : ','}${JSON.stringify(column.name)}:`);
  const jsonOf = schema.map((column) => (column.decimalSeparator === ',' ? (cell: Cell) => JSON.stringify(decimalCommaValue(cell)) : jsonCellOf(column.type)));
  let text = '';
  for (const row of batch.rows) {
    let line = '{';
    for (let i = 0; i < schema.length; i++) line += keys[i]! + jsonOf[i]!(row[i] ?? null);
    text += `${line}}\n`;
  }
  return text;
}

export interface NormalizedTable {
  schema: MvpColumnSchema[];
  /** One JSON object per data row, keys in column order, values typed; ends with a newline. */
  ndjson: string;
  rows: number;
}

/** A whole table at once: its inferred schema and its NDJSON; `delimiter` is the file's, none for JSON. */
export function normalizeTable(table: { columns: readonly string[]; rows: readonly Cell[][]; delimiter?: string }): NormalizedTable {
  const types = new ColumnTypeTally();
  const decimalCommas = new DecimalCommaTally();
  types.add(table.columns.length, table.rows);
  decimalCommas.add(table.columns.length, table.rows);
  const { schema } = decimalCommas.apply(types.schema(table.columns.map((name) => name.trim())), table.delimiter);
  return { schema, ndjson: ndjsonLines(schema, table), rows: table.rows.length };
}
