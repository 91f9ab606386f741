import { StepRejection } from '#domain/rejections/step-rejection.js';
import { peekBytes } from '#domain/inputs/peek-bytes.js';
import { DelimitedScanner } from '#domain/profiling/delimited-scanner.js';
import { rowCells } from '#domain/profiling/row-cells.js';
import { ProfileError } from '#domain/profiling/profile-error.js';
import { sniffFormat } from '#domain/profiling/sniff-format.js';
import { Utf8Guard } from '#domain/profiling/utf8-guard.js';
import type { TabularFormat } from './detect-format.js';
import { LineCounter } from './line-counter.js';
import { cellOf, headerViolations, MAX_JSON_DEPTH, type Cell, type Violation } from './parse-table.js';
import { JsonArrayElements, ndjsonLineTooDeep } from './json-elements.js';

/** Rows as they are read: `columns` may have grown since the last batch (JSON records bring new keys); cells follow its order. */
export interface TableBatch {
  columns: readonly string[];
  rows: readonly Cell[][];
  /** The line each row starts on (1-based). */
  lines: readonly number[];
}

export interface StreamedTable {
  format: TabularFormat;
  delimiter?: string;
  hadBom: boolean;
  /** Column names in order, trimmed: a delimited header, or every key JSON records used. */
  columns: string[];
  rows: number;
  /** Bytes of text read (after decompression, without a byte-order mark). */
  contentBytes: number;
  /** The first violations in line order, at most {@link KEPT_VIOLATIONS}; `violationCount` has them all. */
  violations: Violation[];
  violationCount: number;
}

const SNIFF_BYTES = 64 * 1024;
const KEPT_VIOLATIONS = 100;
const BOM = [0xef, 0xbb, 0xbf] as const;

/**
 * Reads a CSV/TSV (sniffed delimiter), JSON array or NDJSON stream once, handing its rows to
 * `onBatch` a chunk at a time and collecting every structural violation with its line, holding
 * only one chunk's rows: the same format rule and delimited scanner as the profiler and the record
 * passes, and the same violations as the whole-table reader (parse-table.ts), for files of any size.
 * Text that is not UTF-8 (or is binary, or empty) is rejected outright, as there.
 */
export async function readTableStream(chunks: AsyncIterable<Uint8Array>, onBatch: (batch: TableBatch) => void | Promise<void>): Promise<StreamedTable> {
  const reading = streamTable(chunks);
  for await (const batch of reading.batches) await onBatch(batch);
  return reading.result();
}

/**
 * The same as a stream of batches, for a pass that writes as it reads (its output stream pulls
 * the rows); `result()` is the table's shape once the batches are done.
 */
export function streamTable(chunks: AsyncIterable<Uint8Array>): { batches: AsyncGenerator<TableBatch>; result: () => StreamedTable } {
  let shape: StreamedTable | undefined;
  const batches = (async function* () {
    shape = yield* tableBatches(chunks);
  })();
  return {
    batches,
    result: () => {
      if (!shape) throw new Error('the table was not read to its end');
      return shape;
    },
  };
}

async function* tableBatches(chunks: AsyncIterable<Uint8Array>): AsyncGenerator<TableBatch, StreamedTable> {
  const peeked = await peekBytes(chunks, SNIFF_BYTES);
  const head = peeked.head;
  if (head.length === 0) throw new StepRejection('empty_file', 'the file is empty', ['line 1: the file has no content']);
  const hadBom = head.length >= 3 && BOM.every((b, i) => head[i] === b);
  const sample = hadBom ? head.subarray(3) : head;
  if (peeked.complete && sample.length === 0)
    throw new StepRejection('empty_file', 'the file holds only a byte-order mark', ['line 1: the file has no content']);
  if (peeked.complete && isBlank(sample)) throw new StepRejection('empty_file', 'the file holds only whitespace', ['line 1: the file has no content']);
  const sniffed = sniffFormat(sample, peeked.complete);
  const text = checkedText(peeked.chunks, hadBom);
  const log = new ViolationLog();
  const base = { format: sniffed.format, hadBom, ...('delimiter' in sniffed ? { delimiter: String.fromCharCode(sniffed.delimiter) } : {}) };
  const body = 'delimiter' in sniffed ? yield* readDelimited(text, sniffed.delimiter, log) : yield* readJson(text, sniffed.format, log);
  return { ...base, ...body, contentBytes: text.bytes(), violations: log.kept(), violationCount: log.count };
}

class ViolationLog {
  count = 0;
  private readonly first: Violation[] = [];

  note(violation: Violation): void {
    this.count++;
    if (this.first.length < KEPT_VIOLATIONS) this.first.push(violation);
  }

  kept(): Violation[] {
    return [...this.first].sort((a, b) => a.line - b.line);
  }
}

interface CheckedText extends AsyncIterable<Uint8Array> {
  bytes(): number;
}

/** The bytes after the BOM, refused as the whole-table reader refuses them (binary, not UTF-8) with the line where they break. */
function checkedText(chunks: AsyncIterable<Uint8Array>, hadBom: boolean): CheckedText {
  const guard = new Utf8Guard();
  const lines = new LineCounter();
  let position = 0;
  const refusal = (error: unknown, chunk: Uint8Array): unknown => {
    if (!(error instanceof ProfileError)) return error;
    const at = error.offset ?? position;
    const line = lines.lineAt(chunk, Math.max(0, at - position));
    if (error.code === 'not_tabular') {
      return new StepRejection('binary_file', `the file holds binary data (a NUL byte at offset ${at}); expected CSV, TSV, JSON or NDJSON text`, [
        `line ${line}: NUL byte`,
      ]);
    }
    const bad = chunk[at - position];
    return new StepRejection('invalid_utf8', `the file is not valid UTF-8 (first bad byte at offset ${at + (hadBom ? 3 : 0)})`, [
      `line ${line}: ${bad === undefined ? 'a character the file ends before completing' : `byte 0x${bad.toString(16).padStart(2, '0')} is not valid UTF-8`}`,
    ]);
  };
  return {
    bytes: () => position,
    async *[Symbol.asyncIterator]() {
      let first = true;
      for await (const raw of chunks) {
        const chunk = first && hadBom ? raw.subarray(3) : raw;
        first = false;
        try {
          guard.check(chunk);
        } catch (error) {
          throw refusal(error, chunk);
        }
        lines.add(chunk);
        position += chunk.length;
        yield chunk;
      }
      try {
        guard.finish();
      } catch (error) {
        throw refusal(error, new Uint8Array(0));
      }
    },
  };
}

async function* readDelimited(text: CheckedText, delimiter: number, log: ViolationLog): AsyncGenerator<TableBatch, { columns: string[]; rows: number }> {
  let header: string[] | undefined;
  let headerLine = 1;
  let columns: string[] = [];
  let rows = 0;
  let batch: Cell[][] = [];
  let lines: number[] = [];
  const scanner = new DelimitedScanner(delimiter, {
    row(bytes, starts, ends, escaped, fields, line) {
      const cells = rowCells(bytes, starts, ends, escaped, fields);
      if (!header) {
        header = cells;
        headerLine = line;
        columns = cells.map((name) => name.trim());
        for (const violation of headerViolations(cells, line)) log.note(violation);
        return;
      }
      if (fields !== header.length) log.note({ line, code: 'ragged_rows', message: `expected ${header.length} fields, found ${fields}` });
      rows++;
      batch.push(cells);
      lines.push(line);
    },
  });
  const take = (): TableBatch => {
    const taken = { columns, rows: batch, lines };
    batch = [];
    lines = [];
    return taken;
  };
  try {
    for await (const chunk of text) {
      scanner.push(chunk);
      if (batch.length > 0) yield take();
    }
    scanner.finish();
  } catch (error) {
    // A quote never closed swallows the rest of the file: that is the finding, and reading stops.
    if (!(error instanceof ProfileError) || (error.code !== 'truncated_input' && error.code !== 'record_too_large')) throw error;
    log.note({ line: scanner.line, code: 'unterminated_quote', message: 'a quoted field is never closed' });
  }
  if (batch.length > 0) yield take();
  if (!header) {
    log.note({ line: 1, code: 'missing_header', message: 'no header line' });
    return { columns: [], rows: 0 };
  }
  if (rows === 0 && log.count === 0) log.note({ line: headerLine + 1, code: 'no_data_rows', message: 'the header is not followed by any data row' });
  return { columns, rows };
}

const BATCH_RECORDS = 4096;

async function* readJson(text: CheckedText, format: 'json' | 'ndjson', log: ViolationLog): AsyncGenerator<TableBatch, { columns: string[]; rows: number }> {
  const columns: string[] = [];
  const known = new Set<string>();
  let rows = 0;
  let batch: Cell[][] = [];
  let lines: number[] = [];
  const add = (item: unknown, line: number, label: string) => {
    if (item === null || typeof item !== 'object' || Array.isArray(item)) {
      log.note({ line, code: 'invalid_json', message: `${label} is not an object` });
      return;
    }
    const record = item as Record<string, unknown>;
    for (const key in record) {
      if (!known.has(key)) {
        known.add(key);
        columns.push(key);
      }
    }
    rows++;
    batch.push(columns.map((column) => cellOf(record[column])));
    lines.push(line);
  };
  const take = (): TableBatch => {
    const taken = { columns, rows: batch, lines };
    batch = [];
    lines = [];
    return taken;
  };
  const strings = decodedText(text);
  if (format === 'ndjson') {
    let pending = '';
    let line = 0;
    const readLine = (raw: string) => {
      line++;
      if (raw.trim() === '') return;
      if (ndjsonLineTooDeep(raw)) {
        log.note({ line, code: 'json_too_deep', message: `values nest more than ${MAX_JSON_DEPTH} levels deep` });
        return;
      }
      let item: unknown;
      try {
        item = JSON.parse(raw);
      } catch (error) {
        log.note({ line, code: 'invalid_json', message: `not a JSON object: ${(error as Error).message}` });
        return;
      }
      add(item, line, `line ${line}`);
    };
    for await (const chunk of strings) {
      pending += chunk;
      let start = 0;
      for (let end = pending.indexOf('\n'); end !== -1; end = pending.indexOf('\n', start)) {
        readLine(pending.slice(start, end));
        start = end + 1;
      }
      pending = pending.slice(start);
      if (batch.length >= BATCH_RECORDS) yield take();
    }
    if (pending !== '') readLine(pending);
  } else {
    const elements = new JsonArrayElements();
    let index = 0;
    try {
      for await (const chunk of strings) {
        for (const element of elements.push(chunk)) {
          let item: unknown;
          try {
            item = JSON.parse(element.text);
          } catch (error) {
            log.note({ line: element.line, code: 'invalid_json', message: `not valid JSON: ${(error as Error).message}` });
            return { columns, rows };
          }
          add(item, element.line, `element ${index++}`);
        }
        if (batch.length >= BATCH_RECORDS) yield take();
      }
      elements.finish();
    } catch (error) {
      if (!(error instanceof JsonArrayElements.Broken)) throw error;
      log.note({ line: error.line, code: error.code, message: error.message });
      return { columns, rows };
    }
  }
  if (batch.length > 0) yield take();
  if (rows === 0 && log.count === 0) log.note({ line: 1, code: 'no_data_rows', message: 'no records' });
  return { columns, rows };
}

async function* decodedText(bytes: AsyncIterable<Uint8Array>): AsyncGenerator<string> {
  const streaming = new TextDecoder('utf-8');
  for await (const chunk of bytes) {
    const text = streaming.decode(chunk, { stream: true });
    if (text) yield text;
  }
  const rest = streaming.decode();
  if (rest) yield rest;
}

function isBlank(bytes: Uint8Array): boolean {
  for (const b of bytes) if (b !== 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d) return false;
  return true;
}
