import type { SampleRecord } from './sample-record.js';

/**
 * Writes records as CSV (RFC 4180 quoting: a field holding the delimiter, a quote or a line
 * break is quoted, quotes doubled) or TSV. Missing values are empty fields.
 */
export function toDelimitedText(records: readonly SampleRecord[], delimiter: ',' | '\t', lineEnding: '\n' | '\r\n' = '\n'): string {
  const columns = Object.keys(records[0] ?? {});
  const field = (value: SampleRecord[string]): string => {
    const text = value === null ? '' : String(value);
    return /["\r\n]/.test(text) || text.includes(delimiter) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  const lines = [columns.map((name) => field(name)), ...records.map((record) => columns.map((name) => field(record[name] ?? null)))];
  return lines.map((fields) => fields.join(delimiter) + lineEnding).join('');
}

/** One JSON object per line; null values are left out, as sparse event streams do. */
export function toNdjson(records: readonly SampleRecord[]): string {
  return records.map((record) => `${JSON.stringify(Object.fromEntries(Object.entries(record).filter(([, value]) => value !== null)))}\n`).join('');
}
