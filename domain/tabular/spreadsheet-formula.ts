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
export function findFormulaLikeCells(table: {
  columns: readonly string[];
  rows: readonly (readonly (string | null)[])[];
  rowLines: readonly number[];
}): FormulaLikeCells {
  const tally = new FormulaLikeTally(table.columns);
  tally.add(table.columns, table.rows, table.rowLines);
  return tally.found;
}

/** The same over rows that arrive in batches: a count and the first few examples. */
export class FormulaLikeTally {
  readonly found: FormulaLikeCells = { count: 0, examples: [] };

  constructor(header: readonly string[]) {
    for (const column of header) if (startsLikeFormula(column)) this.note(1, column, column);
  }

  add(columns: readonly string[], rows: readonly (readonly (string | null)[])[], lines: readonly number[]): void {
    for (let r = 0; r < rows.length; r++) {
      const row = rows[r]!;
      for (let c = 0; c < row.length; c++) {
        const cell = row[c];
        // Most cells start with a letter or digit: one comparison rules them out before the pattern.
        if (cell === null || cell === undefined || cell.length === 0 || !FORMULA_FIRST.has(cell.charCodeAt(0))) continue;
        if (startsLikeFormula(cell)) this.note(lines[r] ?? r + 2, columns[c] ?? `#${c + 1}`, cell);
      }
    }
  }

  /** Adds what a read of the rows that follow found; its lines count from `lineShift` + 1. */
  merge(later: FormulaLikeCells, lineShift: number): void {
    this.found.count += later.count;
    for (const example of later.examples) {
      if (this.found.examples.length >= EXAMPLES) break;
      this.found.examples.push({ ...example, line: example.line + lineShift });
    }
  }

  private note(line: number, column: string, value: string): void {
    this.found.count += 1;
    if (this.found.examples.length < EXAMPLES) this.found.examples.push({ line, column, value: value.length > 60 ? `${value.slice(0, 60)}…` : value });
  }
}

const FORMULA_FIRST = new Set([0x3d, 0x2b, 0x2d, 0x40, 0x09, 0x0d]);
