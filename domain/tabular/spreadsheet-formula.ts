/**
 * Cells a spreadsheet would run as a formula when it opens a CSV (`=HYPERLINK(...)`, `+cmd|...`,
 * `@SUM(...)`, a leading tab or carriage return): harmless in our journeys, dangerous in the CSV
 * files someone downloads. Plain numbers (`-5`, `+3.2e4`) start the same way and are not formulas.
 */
const FORMULA_START = /^[=+\-@\t\r]/;
const PLAIN_NUMBER = /^[+-]?(\d+(?:[.,]\d+)*|[.,]\d+)(?:[eE][+-]?\d+)?$/;

export function startsLikeFormula(value: string): boolean {
  return FORMULA_START.test(value) && !PLAIN_NUMBER.test(value.trim());
}

/** The cell as a spreadsheet shows it but never runs it: a leading apostrophe, then CSV quoting. */
export function csvCell(value: string): string {
  const safe = startsLikeFormula(value) ? `'${value}` : value;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export interface FormulaLikeCells {
  count: number;
  /** The first few, where they are, for the report. */
  examples: { line: number; column: string; value: string }[];
}

const EXAMPLES = 5;

/** Every header name and cell of a table that starts like a formula. */
export function findFormulaLikeCells(table: { columns: readonly string[]; rows: readonly (readonly (string | null)[])[]; rowLines: readonly number[] }): FormulaLikeCells {
  const found: FormulaLikeCells = { count: 0, examples: [] };
  const note = (line: number, column: string, value: string) => {
    found.count += 1;
    if (found.examples.length < EXAMPLES) found.examples.push({ line, column, value: value.length > 60 ? `${value.slice(0, 60)}…` : value });
  };
  for (const column of table.columns) if (startsLikeFormula(column)) note(1, column, column);
  table.rows.forEach((row, r) => {
    row.forEach((cell, c) => {
      if (cell !== null && startsLikeFormula(cell)) note(table.rowLines[r] ?? r + 2, table.columns[c] ?? `#${c + 1}`, cell);
    });
  });
  return found;
}
