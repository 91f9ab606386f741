import type { FormulaLikeCells, TabularFormat } from '#domain/tabular/index.js';
import type { DecimalCommaDecision } from '../shared/decimal-comma.js';

export interface ValidationCheck {
  check: 'size_within_limit' | 'utf8_text' | 'format_detected' | 'header_present' | 'consistent_columns' | 'has_data_rows';
  passed: boolean;
  detail: string;
}

export interface ValidationReport {
  file: string;
  format: TabularFormat;
  delimiter: string | null;
  hadBom: boolean;
  bytes: number;
  rows: number;
  columns: string[];
  checks: ValidationCheck[];
  /** Cells and header names a spreadsheet would run as formulas: kept as they are, and warned about. */
  formulaLikeCells: FormulaLikeCells;
  /**
   * Columns written with decimal commas throughout (`12,50`, `1.234,56`): read as numbers with a
   * dot in the normalised and curated copies, or kept as text where a value reads two ways.
   */
  decimalComma: DecimalCommaDecision[];
}

/**
 * What validation established about an accepted file. Only accepted files get a report: a
 * failed check rejects the journey, and the rejection carries the details instead.
 */
export function buildValidationReport(input: {
  file: string;
  bytes: number;
  maxBytes: number;
  table: { format: TabularFormat; delimiter?: string; hadBom: boolean; columns: readonly string[]; rows: number };
  formulaLikeCells: FormulaLikeCells;
  decimalComma: DecimalCommaDecision[];
}): ValidationReport {
  const { table } = input;
  const delimited = table.format === 'csv' || table.format === 'tsv';
  const columns = table.columns.map((name) => name.trim());
  return {
    file: input.file,
    format: table.format,
    delimiter: table.delimiter ?? null,
    hadBom: table.hadBom,
    bytes: input.bytes,
    rows: table.rows,
    columns,
    checks: [
      { check: 'size_within_limit', passed: true, detail: `${input.bytes} bytes; the limit is ${input.maxBytes}` },
      { check: 'utf8_text', passed: true, detail: table.hadBom ? 'UTF-8 text with a byte-order mark' : 'UTF-8 text' },
      {
        check: 'format_detected',
        passed: true,
        detail: delimited ? `${table.format.toUpperCase()} delimited by ${JSON.stringify(table.delimiter)}` : table.format.toUpperCase(),
      },
      {
        check: 'header_present',
        passed: true,
        detail: delimited ? `a header of ${columns.length} distinct column names` : `${columns.length} distinct field names across the records`,
      },
      {
        check: 'consistent_columns',
        passed: true,
        detail: delimited ? `every row has ${columns.length} fields` : 'every record is an object; fields a record lacks are null',
      },
      { check: 'has_data_rows', passed: true, detail: `${table.rows} data rows` },
    ],
    formulaLikeCells: input.formulaLikeCells,
    decimalComma: input.decimalComma,
  };
}
