import {
  ColumnTypeTally,
  FormulaLikeTally,
  readTableStream,
  rejectViolations,
  type ColumnSchema,
  type FormulaLikeCells,
  type StreamedTable,
  type TableBatch,
} from '#domain/tabular/index.js';
import { rejectUnusableColumnNames } from './column-name-check.js';
import { DecimalCommaTally, type DecimalCommaDecision, type MvpColumnSchema } from './decimal-comma.js';

export interface AdmittedTable {
  table: StreamedTable;
  /** Column types over every row, under the trimmed names; decimal-comma numbers typed as floats. */
  schema: MvpColumnSchema[];
  /** What was decided for each column written with decimal commas throughout. */
  decimalComma: DecimalCommaDecision[];
  formulaLikeCells: FormulaLikeCells;
}

/**
 * Whether an upload is a table the mvp journeys can work with: text in a format we read, a
 * usable header, rows of its width. Both journeys admit a file by this one rule, so the EDA
 * journey never completes on a file the upload journey refuses. It reads the content once, as a
 * stream, and types the columns in the same pass, so memory stays bounded whatever the size.
 */
export async function admitTable(content: AsyncIterable<Uint8Array>, alsoEach?: (batch: TableBatch) => void): Promise<AdmittedTable> {
  const types = new ColumnTypeTally();
  const decimalCommas = new DecimalCommaTally();
  const cells = new FormulaLikeTally([]);
  let firstRowLine: number | undefined;
  const table = await readTableStream(content, (batch) => {
    firstRowLine ??= batch.lines[0];
    types.add(batch.columns.length, batch.rows);
    decimalCommas.add(batch.columns.length, batch.rows);
    cells.add(batch.columns, batch.rows, batch.lines);
    alsoEach?.(batch);
  });
  rejectViolations(table);
  rejectUnusableColumnNames({ columns: table.columns, ...(firstRowLine !== undefined ? { firstRowLine } : {}) });
  // Header names are reported first, as a reader meets them.
  const header = new FormulaLikeTally(table.columns).found;
  const formulaLikeCells = { count: header.count + cells.found.count, examples: [...header.examples, ...cells.found.examples].slice(0, 5) };
  const typed: ColumnSchema[] = types.schema(table.columns.map((name) => name.trim()));
  const { schema, decisions } = decimalCommas.apply(typed, table.delimiter);
  return { table, schema, decimalComma: decisions, formulaLikeCells };
}
