import type { Cell, ColumnSchema } from '#domain/tabular/index.js';
import { isMissing } from '#domain/tabular/index.js';

/**
 * Numbers written the way comma-decimal locales write them: `12,50`, `-0,5`, `1.234,56`,
 * `1 234,56` (a space, no-break space or narrow no-break space between groups of three).
 *
 * The rule, per column:
 * - Only a column the ordinary typing left as text is looked at: one that already reads as
 *   numbers (`1.5`, `1.234`) keeps that reading.
 * - Every non-empty value must be a whole number (`12`, `1.234`, `1 234`) or a number with a
 *   decimal comma, with at least one of the latter. A comma needs digits on both sides (`12,`
 *   and `,5` do not fit), thousands groups are of three digits with one kind of separator within
 *   a value, and a leading zero before a digit (`05,5`) marks a code, as it does for integers.
 *   One value that does not fit keeps the whole column as text.
 * - `1,234` and `1.234` read two ways: 1234 or 1.234. In a file delimited by `;`, the delimiter
 *   comma-decimal locales write because the comma is taken, they read the European way. In any
 *   other file (comma, tab or pipe delimited, or JSON) a column holding such a value is kept as
 *   text: `1,234` in a comma-delimited file is never reinterpreted.
 */
export interface DecimalCommaDecision {
  column: string;
  decision: 'read_as_numbers' | 'kept_as_text';
  detail: string;
}

/** A column of the schema, and for one read with a decimal comma, that separator. */
export type MvpColumnSchema = ColumnSchema & { decimalSeparator?: ',' };

const PLAIN = /^[-+]?\d+(,\d+)?$/;
const GROUPED = /^[-+]?\d{1,3}([. \u00A0\u202F])\d{3}(\1\d{3})*(,\d+)?$/;
const LEADING_ZERO = /^[-+]?0\d/;
/** Values a comma-grouping or dot-decimal reader would read as another number. */
const TWO_READINGS = /^[-+]?\d{1,3}[,.]\d{3}$/;
const SEPARATOR_NAMES: Record<string, string> = { '.': '"."', ' ': 'a space', '\u00A0': 'a no-break space', '\u202F': 'a narrow no-break space' };

/** The number a decimal-comma value stands for, or undefined when it is not one. */
export function decimalCommaNumber(value: string): number | undefined {
  const text = value.trim();
  if (LEADING_ZERO.test(text)) return undefined;
  const grouped = GROUPED.exec(text);
  if (!grouped && !PLAIN.test(text)) return undefined;
  const digits = grouped ? text.split(grouped[1]!).join('') : text;
  const number = Number(digits.replace(',', '.'));
  return Number.isFinite(number) ? number : undefined;
}

interface ColumnState {
  fits: boolean;
  /** The first value with a decimal comma. */
  example?: string;
  /** The first value that reads two ways. */
  twoReadings?: string;
  thousands: Set<string>;
}

/** A tally's columns as plain data. */
export type DecimalCommaTallyState = (Omit<ColumnState, 'thousands'> & { thousands: string[] })[];

/** Watches every column as rows stream by, holding a few facts per column whatever the size. */
export class DecimalCommaTally {
  private readonly columns: ColumnState[] = [];

  add(columns: number, rows: readonly (readonly Cell[])[]): void {
    while (this.columns.length < columns) this.columns.push({ fits: true, thousands: new Set() });
    for (let c = 0; c < columns; c++) {
      const state = this.columns[c]!;
      if (!state.fits) continue;
      for (const row of rows) {
        const cell = row[c] ?? null;
        if (isMissing(cell)) continue;
        const value = cell!.trim();
        if (decimalCommaNumber(value) === undefined) {
          state.fits = false;
          break;
        }
        if (value.includes(',')) state.example ??= value;
        if (TWO_READINGS.test(value)) state.twoReadings ??= value;
        const separator = GROUPED.exec(value)?.[1];
        if (separator !== undefined) state.thousands.add(separator);
      }
    }
  }

  /** What it has seen, as plain data, for a tally of the rows that follow to be merged into another. */
  toState(): DecimalCommaTallyState {
    return this.columns.map(({ thousands, ...rest }) => ({ ...rest, thousands: [...thousands] }));
  }

  /** Adds a tally of the rows that follow: the result is the tally of both reads as one. */
  merge(later: DecimalCommaTallyState): void {
    for (const [c, theirs] of later.entries()) {
      const mine = this.columns[c];
      if (!mine) {
        this.columns[c] = { ...theirs, thousands: new Set(theirs.thousands) };
        continue;
      }
      // A column that stopped fitting stopped looking: the later values cannot change its answer.
      if (!mine.fits) continue;
      mine.fits = theirs.fits;
      mine.example ??= theirs.example;
      mine.twoReadings ??= theirs.twoReadings;
      for (const separator of theirs.thousands) mine.thousands.add(separator);
    }
  }

  /**
   * The schema with decimal-comma columns typed as floats, and what was decided for each column
   * that had decimal commas throughout; `delimiter` is the file's (none for JSON).
   */
  apply(schema: readonly ColumnSchema[], delimiter: string | undefined): { schema: MvpColumnSchema[]; decisions: DecimalCommaDecision[] } {
    const decisions: DecimalCommaDecision[] = [];
    const typed = schema.map((column, c): MvpColumnSchema => {
      const state = this.columns[c];
      if (column.type !== 'string' || !state?.fits || state.example === undefined) return column;
      if (state.twoReadings !== undefined && delimiter !== ';') {
        const where = delimiter === undefined ? 'a JSON file' : `a file delimited by ${JSON.stringify(delimiter)}`;
        decisions.push({
          column: column.name,
          decision: 'kept_as_text',
          detail: `values such as ${JSON.stringify(state.example)} have a decimal comma, but ${JSON.stringify(state.twoReadings)} could be ${readings(state.twoReadings)} in ${where}; kept as text`,
        });
        return column;
      }
      const groups = [...state.thousands].map((s) => SEPARATOR_NAMES[s] ?? JSON.stringify(s));
      decisions.push({
        column: column.name,
        decision: 'read_as_numbers',
        detail:
          `${JSON.stringify(state.example)} read as ${decimalCommaNumber(state.example)}: every value is a number with "," as its decimal separator` +
          (groups.length > 0 ? ` and ${groups.join(' or ')} between thousands` : '') +
          (delimiter === ';' ? ' (the file is delimited by ";")' : ''),
      });
      return { ...column, type: 'float', decimalSeparator: ',' };
    });
    return { schema: typed, decisions };
  }
}

/** `1,234` -> `1234 or 1.234`; `1.234` -> `1.234 or 1234`. */
function readings(value: string): string {
  const digits = value.replace(/[,.]/, '');
  const decimal = Number(value.replace(',', '.'));
  return value.includes(',') ? `${Number(digits)} or ${decimal}` : `${decimal} or ${Number(digits)}`;
}

/** A cell as a JSON value under its column: a decimal-comma column's numbers with a dot. */
export function decimalCommaValue(cell: Cell): number | null {
  if (isMissing(cell)) return null;
  return decimalCommaNumber(cell!) ?? null;
}
