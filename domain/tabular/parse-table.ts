import Papa from 'papaparse';
import { StepRejection } from '#domain/rejections/step-rejection.js';
import { decodeUtf8Text } from '#domain/inputs/decode-text.js';
import { detectFormat, type TabularFormat } from './detect-format.js';
import { scanJson } from './json-scan.js';
import { LineIndex } from './line-index.js';

export type Cell = string | null;

export interface Violation {
  line: number;
  code: 'unterminated_quote' | 'ragged_rows' | 'missing_header' | 'duplicate_header' | 'invalid_json' | 'json_too_deep' | 'no_data_rows';
  message: string;
}

export interface ParsedTable {
  format: TabularFormat;
  delimiter?: string;
  hadBom: boolean;
  columns: string[];
  /** Data rows, header excluded. `null` is a JSON null or a missing JSON field; CSV gives strings. */
  rows: Cell[][];
  /** The line each data row starts on (1-based), for messages. */
  rowLines: number[];
  violations: Violation[];
}

const MAX_REPORTED_VIOLATIONS = 100;

/**
 * Parses CSV/TSV/JSON/NDJSON text into a header and rows, collecting every structural violation
 * with its line. Undecodable input (empty, binary, not UTF-8) is rejected outright.
 */
export function parseTable(bytes: Uint8Array): ParsedTable {
  const { text, hadBom } = decodeUtf8Text(bytes);
  const detected = detectFormat(text);
  const base = { format: detected.format, hadBom, ...(detected.delimiter ? { delimiter: detected.delimiter } : {}) };
  switch (detected.format) {
    case 'json':
    case 'ndjson': {
      const tooDeep = tooDeepAt(text);
      if (tooDeep) return { ...base, columns: [], rows: [], rowLines: [], violations: [tooDeep] };
      return { ...base, ...(detected.format === 'json' ? parseJsonArray(text) : parseNdjson(text)) };
    }
    default:
      return { ...base, ...parseDelimited(text, detected.delimiter ?? ',') };
  }
}

/** Throws the first violation's code with every violation listed, or returns when there is none. */
export function rejectViolations(table: { format: TabularFormat; violations: readonly Violation[]; violationCount?: number }): void {
  const first = table.violations[0];
  if (!first) return;
  const total = table.violationCount ?? table.violations.length;
  const details = table.violations.slice(0, MAX_REPORTED_VIOLATIONS).map((v) => `line ${v.line}: ${v.message}`);
  if (total > MAX_REPORTED_VIOLATIONS) details.push(`... and ${total - MAX_REPORTED_VIOLATIONS} more`);
  throw new StepRejection(first.code, `${total} problem(s) in the ${table.format.toUpperCase()} file; first at line ${first.line}: ${first.message}`, details);
}

type Body = Pick<ParsedTable, 'columns' | 'rows' | 'rowLines' | 'violations'>;

function parseDelimited(text: string, delimiter: string): Body {
  const lines = new LineIndex(text);
  const violations: Violation[] = [];
  const raw: string[][] = [];
  const rawLines: number[] = [];
  let rowStart = 0;
  Papa.parse<string[]>(text, {
    delimiter,
    skipEmptyLines: false,
    step: (result) => {
      const line = lines.lineAt(rowStart);
      rowStart = result.meta.cursor;
      for (const error of result.errors) {
        if (error.code === 'MissingQuotes') {
          const at = typeof error.index === 'number' ? lines.lineAt(error.index) : line;
          violations.push({ line: at, code: 'unterminated_quote', message: 'a quoted field is never closed' });
        }
      }
      const row = result.data;
      if (row.length === 1 && row[0]!.trim() === '') return; // blank line, or one holding only spaces
      raw.push(row);
      rawLines.push(line);
    },
  });
  const [header, ...rows] = raw;
  const rowLines = rawLines.slice(1);
  if (!header) return { columns: [], rows: [], rowLines: [], violations: [{ line: 1, code: 'missing_header', message: 'no header line' }, ...violations] };
  violations.push(...headerViolations(header, rawLines[0] ?? 1));
  rows.forEach((row, i) => {
    if (row.length !== header.length && !violations.some((v) => v.code === 'unterminated_quote' && v.line === rowLines[i])) {
      violations.push({ line: rowLines[i]!, code: 'ragged_rows', message: `expected ${header.length} fields, found ${row.length}` });
    }
  });
  if (rows.length === 0) violations.push({ line: (rawLines[0] ?? 1) + 1, code: 'no_data_rows', message: 'the header is not followed by any data row' });
  return { columns: header.map((name) => name.trim()), rows, rowLines, violations: sortByLine(violations) };
}

export function headerViolations(header: string[], line: number): Violation[] {
  const violations: Violation[] = [];
  const names = header.map((name) => name.trim());
  if (names.every((name) => name === '' || /^[-+]?\d+(\.\d+)?$/.test(name))) {
    violations.push({ line, code: 'missing_header', message: 'the first line holds values, not column names' });
    return violations;
  }
  names.forEach((name, i) => {
    if (name === '') violations.push({ line, code: 'missing_header', message: `column ${i + 1} has no name` });
  });
  const seen = new Set<string>();
  for (const name of names) {
    if (name !== '' && seen.has(name)) violations.push({ line, code: 'duplicate_header', message: `column name "${name}" appears twice` });
    seen.add(name);
  }
  return violations;
}

/**
 * Nesting deeper than this is not a table (a record's nested values become JSON text cells), and
 * walking it would overflow the stack of every step that reads or writes it.
 */
export const MAX_JSON_DEPTH = 64;

/** The first place the text nests deeper than MAX_JSON_DEPTH, counted outside strings. */
function tooDeepAt(text: string): Violation | undefined {
  let depth = 0;
  let line = 1;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x0a) line++;
    if (inString) {
      if (c === 0x5c) i++;
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) {
      if (++depth > MAX_JSON_DEPTH) return { line, code: 'json_too_deep', message: `values nest more than ${MAX_JSON_DEPTH} levels deep` };
    } else if (c === 0x5d || c === 0x7d) depth--;
  }
  return undefined;
}

function parseJsonArray(text: string): Body {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return jsonFailure(text, error);
  }
  if (!Array.isArray(value))
    return { columns: [], rows: [], rowLines: [], violations: [{ line: 1, code: 'invalid_json', message: 'expected an array of objects' }] };
  const lines = new LineIndex(text);
  const starts = scanJson(text).elementStarts;
  return objectsToRows(value.map((item, i) => ({ item, line: lines.lineAt(starts[i] ?? 0), label: `element ${i}` })));
}

function parseNdjson(text: string): Body {
  const records: { item: unknown; line: number; label: string }[] = [];
  const violations: Violation[] = [];
  text.split('\n').forEach((lineText, i) => {
    if (lineText.trim() === '') return;
    try {
      records.push({ item: JSON.parse(lineText), line: i + 1, label: `line ${i + 1}` });
    } catch (error) {
      violations.push({ line: i + 1, code: 'invalid_json', message: `not a JSON object: ${(error as Error).message}` });
    }
  });
  const body = objectsToRows(records);
  return { ...body, violations: sortByLine([...violations, ...body.violations]) };
}

function objectsToRows(records: { item: unknown; line: number; label: string }[]): Body {
  const columns: string[] = [];
  const known = new Set<string>();
  const violations: Violation[] = [];
  const objects: { value: Record<string, unknown>; line: number }[] = [];
  for (const { item, line, label } of records) {
    if (item === null || typeof item !== 'object' || Array.isArray(item)) {
      violations.push({ line, code: 'invalid_json', message: `${label} is not an object` });
      continue;
    }
    objects.push({ value: item as Record<string, unknown>, line });
    for (const key of Object.keys(item)) {
      if (!known.has(key)) {
        known.add(key);
        columns.push(key);
      }
    }
  }
  if (objects.length === 0 && violations.length === 0) violations.push({ line: 1, code: 'no_data_rows', message: 'no records' });
  const rows = objects.map(({ value }) => columns.map((column) => cellOf(value[column])));
  return { columns, rows, rowLines: objects.map((o) => o.line), violations };
}

export function cellOf(value: unknown): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}

function jsonFailure(text: string, error: unknown): Body {
  const message = (error as Error).message;
  // V8 names the position for most errors but not all ("Unexpected token 'x', ..."); the scan always can.
  const position = /position (\d+)/.exec(message);
  const offset = position ? Number(position[1]) : scanJson(text).errorAt;
  const line = new LineIndex(text).lineAt(Math.max(offset, 0));
  return { columns: [], rows: [], rowLines: [], violations: [{ line, code: 'invalid_json', message: `not valid JSON: ${message}` }] };
}

function sortByLine(violations: Violation[]): Violation[] {
  return [...violations].sort((a, b) => a.line - b.line);
}
