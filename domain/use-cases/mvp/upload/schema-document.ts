import type { ColumnSchema } from '#domain/tabular/index.js';

/** `schema.json`: the inferred column types of the normalised copy. */
export interface SchemaDocument {
  rows: number;
  columns: ColumnSchema[];
}
