import { detectFormat, type TabularFormat } from '#domain/tabular/detect-format.js';
import { decodeChunks } from './decode-chunks.js';
import { delimitedRows } from './delimited-rows.js';
import { jsonArrayValues, ndjsonValues } from './json-values.js';
import { RecordStreamError } from './record-stream-error.js';

/** A cell as text; `null` when missing (an empty delimited cell, a JSON null or an absent key). */
export type RecordValue = string | null;

export interface TableRecord {
  /** 1-based position among the data rows. */
  row: number;
  values: Readonly<Record<string, RecordValue>>;
}

/** Enough text to see the first line and so the delimiter, without waiting for the whole file. */
const SNIFF_CHARS = 64 * 1024;

/**
 * Streams the records of a CSV/TSV (any sniffed delimiter), JSON array or NDJSON file, gzipped
 * or not, holding one record at a time. It is the companion of the profiler for passes that need
 * the rows themselves (time order, per-vehicle or per-segment figures).
 */
export function streamRecords(chunks: AsyncIterable<Uint8Array>): AsyncGenerator<TableRecord> {
  return recordsFromText(decodeChunks(chunks));
}

/** The same from text already decoded (e.g. after a caller peeked at its start). */
export async function* recordsFromText(source: AsyncIterable<string>): AsyncGenerator<TableRecord> {
  const text = source[Symbol.asyncIterator]();
  let head = '';
  let next = await text.next();
  while (!next.done && (head.trim() === '' || (!head.includes('\n') && head.length < SNIFF_CHARS))) {
    head += next.value;
    if (head.trim() !== '' && (head.includes('\n') || head.length >= SNIFF_CHARS)) break;
    next = await text.next();
  }
  if (head.trim() === '') throw new RecordStreamError('empty_file', 'the file holds no data');
  const rest = (async function* () {
    yield head;
    for (let more = await text.next(); !more.done; more = await text.next()) yield more.value;
  })();
  const detected = detectFormat(head);
  yield* recordsOf(rest, detected.format, detected.delimiter ?? ',');
}

async function* recordsOf(text: AsyncIterable<string>, format: TabularFormat, delimiter: string): AsyncGenerator<TableRecord> {
  if (format === 'json' || format === 'ndjson') {
    let row = 0;
    for await (const value of format === 'json' ? jsonArrayValues(text) : ndjsonValues(text)) {
      if (value === null || typeof value !== 'object' || Array.isArray(value)) {
        throw new RecordStreamError('not_tabular', `record ${row + 1} is not a JSON object`);
      }
      yield { row: ++row, values: textValues(value as Record<string, unknown>) };
    }
    return;
  }
  let header: string[] | undefined;
  let row = 0;
  for await (const cells of delimitedRows(text, delimiter)) {
    if (!header) {
      header = cells.map((name) => name.trim());
      continue;
    }
    const values: Record<string, RecordValue> = {};
    header.forEach((name, index) => {
      const cell = cells[index];
      values[name] = cell === undefined || cell === '' ? null : cell;
    });
    yield { row: ++row, values };
  }
}

function textValues(object: Record<string, unknown>): Record<string, RecordValue> {
  const values: Record<string, RecordValue> = {};
  for (const [key, value] of Object.entries(object)) {
    if (value === null || value === undefined) values[key] = null;
    else if (typeof value === 'string') values[key] = value;
    else if (typeof value === 'object') values[key] = JSON.stringify(value);
    else values[key] = String(value);
  }
  return values;
}
