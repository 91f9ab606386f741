import { AdmissionTally } from './admission-tally.js';
import {
  FormulaLikeTally,
  readTableStream,
  rejectViolations,
  type ColumnSchema,
  type FormulaLikeCells,
  type StreamedTable,
  type TableBatch,
} from '#domain/tabular/index.js';
import { rejectUnusableColumnNames } from './column-name-check.js';
import type { DecimalCommaDecision, MvpColumnSchema } from './decimal-comma.js';

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
  const tally = new AdmissionTally();
  const table = await readTableStream(content, (batch) => {
    tally.add(batch);
    alsoEach?.(batch);
  });
  return admitted(table, tally);
}

/** The verdict on a table read to its end, from what the tally found in its rows (in one read or merged from shards). */
export function admitted(table: StreamedTable, tally: AdmissionTally): AdmittedTable {
  rejectViolations(table);
  rejectUnusableColumnNames({ columns: table.columns, ...(tally.firstRowLine !== undefined ? { firstRowLine: tally.firstRowLine } : {}) });
  // Header names are reported first, as a reader meets them.
  const header = new FormulaLikeTally(table.columns).found;
  const cells = tally.cells.found;
  const formulaLikeCells = { count: header.count + cells.count, examples: [...header.examples, ...cells.examples].slice(0, 5) };
  const typed: ColumnSchema[] = tally.types.schema(table.columns.map((name) => name.trim()));
  const { schema, decisions } = tally.decimalCommas.apply(typed, table.delimiter);
  return { table, schema, decimalComma: decisions, formulaLikeCells };
}
