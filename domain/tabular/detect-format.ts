import { sniffFormat } from '#domain/profiling/sniff-format.js';

export type TabularFormat = 'csv' | 'tsv' | 'json' | 'ndjson';

export interface DetectedFormat {
  format: TabularFormat;
  /** Field delimiter for delimited text. */
  delimiter?: string;
}

/** As much of the start as the profiler and the record passes look at. */
const SNIFF_CHARS = 64 * 1024;

/**
 * Recognises the format from the text itself, not the file name, by the one rule every reader
 * applies (the profiler's {@link sniffFormat}): a whole table, a stream of records and a profile
 * of the same file always agree on its format and delimiter.
 */
export function detectFormat(text: string): DetectedFormat {
  const start = text.length > SNIFF_CHARS ? text.slice(0, SNIFF_CHARS) : text;
  const sniffed = sniffFormat(new TextEncoder().encode(start), start.length === text.length);
  if (!('delimiter' in sniffed)) return { format: sniffed.format };
  return { format: sniffed.format, delimiter: String.fromCharCode(sniffed.delimiter) };
}
