import { ProfileError } from '#domain/profiling/profile-error.js';
import { sniffFormat, type SniffedFormat } from '#domain/profiling/sniff-format.js';
import { peekBytes } from '#domain/inputs/peek-bytes.js';
import { decodeText, plainBytes } from './decode-chunks.js';
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

/** Enough of the start to sniff the format from many lines, as the profiler does. */
const SNIFF_BYTES = 64 * 1024;
const BOM = [0xef, 0xbb, 0xbf] as const;

/**
 * Streams the records of a CSV/TSV (any sniffed delimiter), JSON array or NDJSON file, gzipped
 * or not, holding one chunk's records at a time. It reads with the profiler's format rule and
 * delimited scanner, so a pass over the rows (time order, per-vehicle or per-segment figures)
 * sees the same rows and columns as the profile.
 */
export function streamRecords(chunks: AsyncIterable<Uint8Array>, options: RecordOptions = {}): AsyncGenerator<TableRecord> {
  return recordsFromBytes(plainBytes(chunks), options);
}

/**
 * The same a chunk's records at a time: a pass over millions of records loops over each batch
 * rather than awaiting each record (a promise per record through every generator).
 */
export function streamRecordBatches(chunks: AsyncIterable<Uint8Array>, options: RecordOptions = {}): AsyncGenerator<TableRecord[]> {
  return recordBatchesFromBytes(plainBytes(chunks), options);
}

export interface RecordOptions {
  /** Only these columns are read into each record (the others are skipped, not decoded); all when absent. */
  columns?: readonly string[];
  /** Hears the sniffed format before the first record. */
  onFormat?: (format: SniffedFormat) => void;
}

/** The records of bytes already decompressed. */
export async function* recordsFromBytes(bytes: AsyncIterable<Uint8Array>, options: RecordOptions = {}): AsyncGenerator<TableRecord> {
  for await (const batch of recordBatchesFromBytes(bytes, options)) yield* batch;
}

/** The same a batch at a time. */
export async function* recordBatchesFromBytes(bytes: AsyncIterable<Uint8Array>, options: RecordOptions = {}): AsyncGenerator<TableRecord[]> {
  const { columns, onFormat } = options;
  try {
    const peeked = await peekBytes(withoutBom(bytes), SNIFF_BYTES);
    if (isBlank(peeked.head)) throw new RecordStreamError('empty_file', 'the file holds no data');
    const format = sniffFormat(peeked.head, peeked.complete);
    onFormat?.(format);
    const wanted = columns && new Set(columns);
    if ('delimiter' in format) yield* delimitedRecords(peeked.chunks, format.delimiter, wanted);
    else yield* jsonRecords(decodeText(peeked.chunks), format.format, wanted);
  } catch (error) {
    if (error instanceof ProfileError) throw new RecordStreamError(error.code, error.message);
    throw error;
  }
}

/** JSON records in batches of this many. */
const JSON_BATCH = 1024;

async function* jsonRecords(text: AsyncIterable<string>, format: 'json' | 'ndjson', wanted: ReadonlySet<string> | undefined): AsyncGenerator<TableRecord[]> {
  let row = 0;
  let batch: TableRecord[] = [];
  for await (const value of format === 'json' ? jsonArrayValues(text) : ndjsonValues(text)) {
    if (value === null || typeof value !== 'object' || Array.isArray(value)) {
      throw new RecordStreamError('not_tabular', `record ${row + 1} is not a JSON object`);
    }
    batch.push({ row: ++row, values: textValues(value as Record<string, unknown>, wanted) });
    if (batch.length >= JSON_BATCH) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length > 0) yield batch;
}

async function* delimitedRecords(bytes: AsyncIterable<Uint8Array>, delimiter: number, wanted: ReadonlySet<string> | undefined): AsyncGenerator<TableRecord[]> {
  let header: string[] | undefined;
  let read: number[] = [];
  let row = 0;
  const decodedAfter = wanted && ((names: string[]) => Uint8Array.from(names, (name) => (wanted.has(name) ? 1 : 0)));
  for await (const rows of delimitedRows(bytes, delimiter, decodedAfter)) {
    const batch: TableRecord[] = [];
    for (const cells of rows) {
      if (!header) {
        header = cells.map((name) => name.trim());
        read = header.flatMap((name, index) => (!wanted || wanted.has(name) ? [index] : []));
        continue;
      }
      const values: Record<string, RecordValue> = {};
      for (const index of read) {
        const cell = cells[index];
        values[header[index]!] = cell === undefined || cell === '' ? null : cell;
      }
      batch.push({ row: ++row, values });
    }
    if (batch.length > 0) yield batch;
  }
}

async function* withoutBom(bytes: AsyncIterable<Uint8Array>): AsyncGenerator<Uint8Array> {
  const peeked = await peekBytes(bytes, BOM.length);
  const head = peeked.head;
  const hasBom = head.length >= 3 && BOM.every((b, i) => head[i] === b);
  let first = true;
  for await (const chunk of peeked.chunks) {
    yield first && hasBom ? chunk.subarray(BOM.length) : chunk;
    first = false;
  }
}

function isBlank(bytes: Uint8Array): boolean {
  for (const b of bytes) if (b !== 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d) return false;
  return true;
}

function textValues(object: Record<string, unknown>, wanted: ReadonlySet<string> | undefined): Record<string, RecordValue> {
  const values: Record<string, RecordValue> = {};
  for (const [key, value] of Object.entries(object)) {
    if (wanted && !wanted.has(key)) continue;
    if (value === null || value === undefined) values[key] = null;
    else if (typeof value === 'string') values[key] = value;
    else if (typeof value === 'object') values[key] = JSON.stringify(value);
    else values[key] = String(value);
  }
  return values;
}
