import { parseTable, rejectViolations, type ParsedTable } from '#domain/tabular/index.js';
import { rejectUnusableColumnNames } from './column-name-check.js';

/**
 * Whether an upload is a table the mvp journeys can work with: text in a format we read, a
 * usable header, rows of its width. Both journeys admit a file by this one rule, so the EDA
 * journey never completes on a file the upload journey refuses.
 */
export function admitTable(content: Uint8Array): ParsedTable {
  const table = parseTable(content);
  rejectViolations(table);
  rejectUnusableColumnNames(table);
  return table;
}
