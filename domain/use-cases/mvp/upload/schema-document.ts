import type { MvpColumnSchema } from '../shared/decimal-comma.js';

/** `schema.json`: the inferred column types of the normalised copy; `decimalSeparator: ","` marks a column whose numbers the upload writes with a decimal comma. */
export interface SchemaDocument {
  rows: number;
  columns: MvpColumnSchema[];
}
