import { StepRejection } from '#domain/journeys/step-rejection.js';
import { decodeUtf8Text, parseTable, rejectViolations } from '#domain/tabular/index.js';
import type { ExtractViolation } from './extract-violation.js';
import { lineCharacters, parseLayoutDeclaration, sliceField, startsWithLayout, type Layout } from './fixed-width-layout.js';
import { amountConventionOf, type AmountConvention } from './legacy-amount.js';

export type ExtractFormat = 'csv' | 'tsv' | 'json' | 'ndjson' | 'fixed-width';

/** One record line before validation: raw text per column name. */
export interface ExtractLine {
  line: number;
  values: Record<string, string>;
}

export interface RawExtract {
  format: ExtractFormat;
  /** The columns (or layout fields) the file has, named as it names them, in file order. */
  columns: string[];
  layout: Layout | null;
  /** Decimal commas in a semicolon-delimited file, decimal points otherwise. */
  amounts: AmountConvention;
  lines: ExtractLine[];
  /** Fixed-width lines too short for the layout; they are not in `lines`. */
  shortLines: ExtractViolation[];
}

/**
 * Reads an upload as a fixed-width extract when it starts with a `#layout` line, otherwise as
 * delimited text (or JSON) through the shared tabular parser. Structural problems that leave
 * nothing to check (bad layout, ragged CSV) reject here; everything per line is left to
 * validation so it can be collected.
 */
export function readExtract(bytes: Uint8Array): RawExtract {
  const { text } = decodeUtf8Text(bytes);
  return startsWithLayout(text) ? readFixedWidth(text) : readDelimited(bytes);
}

function readDelimited(bytes: Uint8Array): RawExtract {
  const table = parseTable(bytes);
  rejectViolations(table);
  // Names as written: the column mapping reports them, and the user declares mappings by them.
  const columns = table.columns.map((name) => name.trim());
  const lines = table.rows.map((row, i) => ({
    line: table.rowLines[i]!,
    values: Object.fromEntries(columns.map((column, c) => [column, row[c] ?? ''])),
  }));
  return { format: table.format, columns, layout: null, amounts: amountConventionOf(table.delimiter ?? null), lines, shortLines: [] };
}

function readFixedWidth(text: string): RawExtract {
  const rawLines = text.split('\n').map((line) => line.replace(/\r$/, ''));
  const layoutIndex = rawLines.findIndex((line) => line.trim() !== '');
  const parsed = parseLayoutDeclaration(rawLines[layoutIndex]!, (name) => name.trim());
  if ('problems' in parsed) {
    throw new StepRejection(
      'invalid_layout',
      `the #layout declaration on line ${layoutIndex + 1} is invalid: ${parsed.problems[0]}`,
      parsed.problems.map((problem) => `line ${layoutIndex + 1}: ${problem}`),
    );
  }
  const { layout } = parsed;
  const lines: ExtractLine[] = [];
  const shortLines: ExtractViolation[] = [];
  rawLines.forEach((raw, index) => {
    // Blank lines and `#` comment lines carry no record.
    if (index <= layoutIndex || raw.trim() === '' || raw.startsWith('#')) return;
    const line = index + 1;
    const characters = lineCharacters(raw);
    if (characters.length < layout.width) {
      shortLines.push({
        line,
        code: 'layout_mismatch',
        message: `the line is ${characters.length} characters long; the layout needs ${layout.width}`,
      });
      return;
    }
    lines.push({ line, values: Object.fromEntries(layout.fields.map((field) => [field.name, sliceField(characters, field)])) });
  });
  if (lines.length === 0 && shortLines.length === 0) {
    throw new StepRejection('no_data_rows', `the #layout line is not followed by any record`, [`line ${layoutIndex + 2}: no record`]);
  }
  return { format: 'fixed-width', columns: layout.fields.map((f) => f.name), layout, amounts: 'decimal-point', lines, shortLines };
}
