import { StepRejection } from '#domain/rejections/step-rejection.js';
import { peekBytes } from '#domain/inputs/peek-bytes.js';
import { sniffFormat } from '#domain/profiling/sniff-format.js';
import { rejectViolations, streamTable } from '#domain/tabular/index.js';
import type { ExtractViolation } from './extract-violation.js';
import { lineCharacters, parseLayoutDeclaration, sliceField, startsWithLayout, type Layout } from './fixed-width-layout.js';
import { amountConventionOf, type AmountConvention } from './legacy-amount.js';

export type ExtractFormat = 'csv' | 'tsv' | 'json' | 'ndjson' | 'fixed-width';

/** One record line before validation: raw text per column name. */
export interface ExtractLine {
  line: number;
  values: Record<string, string>;
}

/** What the start of an extract says about all of it. */
export interface ExtractShape {
  format: ExtractFormat;
  layout: Layout | null;
  /** Decimal commas in a semicolon-delimited file, decimal points otherwise. */
  amounts: AmountConvention;
}

/** Lines as they are read: `columns` are the file's names (JSON records may add some as they go). */
export interface ExtractBatch {
  columns: readonly string[];
  lines: ExtractLine[];
  /** Fixed-width lines too short for the layout; they are not in `lines`. */
  shortLines: ExtractViolation[];
}

export interface ExtractStream {
  shape: ExtractShape;
  /** Ends by rejecting the extract's structural problems (ragged rows, a bad header, no record), as readExtract rejects them. */
  batches: AsyncGenerator<ExtractBatch>;
}

const SNIFF_BYTES = 64 * 1024;
const BOM = [0xef, 0xbb, 0xbf] as const;
const FIXED_WIDTH_BATCH = 4096;

/**
 * Reads an extract of any size once, a batch at a time: fixed-width when it starts with a
 * `#layout` line, otherwise delimited text or JSON through the streaming table reader every
 * journey uses. The lines and violations are those of readExtract, so both readers refuse and
 * accept the same files.
 */
export async function openExtract(chunks: AsyncIterable<Uint8Array>): Promise<ExtractStream> {
  const peeked = await peekBytes(chunks, SNIFF_BYTES);
  const bom = peeked.head.length >= 3 && BOM.every((b, i) => peeked.head[i] === b);
  const head = bom ? peeked.head.subarray(3) : peeked.head;
  if (startsWithLayout(new TextDecoder().decode(head))) return fixedWidth(peeked.chunks);
  const sniffed = head.length === 0 ? ({ format: 'csv', delimiter: 0x2c } as const) : sniffFormat(head, peeked.complete);
  const delimiter = 'delimiter' in sniffed ? String.fromCharCode(sniffed.delimiter) : null;
  return { shape: { format: sniffed.format, layout: null, amounts: amountConventionOf(delimiter) }, batches: delimited(peeked.chunks) };
}

async function* delimited(chunks: AsyncIterable<Uint8Array>): AsyncGenerator<ExtractBatch> {
  const reading = streamTable(chunks);
  for await (const batch of reading.batches) {
    const columns = batch.columns;
    const lines = batch.rows.map((row, i) => {
      const values: Record<string, string> = {};
      for (let c = 0; c < columns.length; c++) values[columns[c]!] = row[c] ?? '';
      return { line: batch.lines[i]!, values };
    });
    yield { columns, lines, shortLines: [] };
  }
  rejectViolations(reading.result());
}

async function fixedWidth(chunks: AsyncIterable<Uint8Array>): Promise<ExtractStream> {
  const text = decodedLines(chunks);
  let layoutLine = 0;
  let layout: Layout | undefined;
  for await (const { line, raw } of text.lines) {
    if (raw.trim() === '') continue;
    layoutLine = line;
    const parsed = parseLayoutDeclaration(raw, (name) => name.trim());
    if ('problems' in parsed) {
      throw new StepRejection(
        'invalid_layout',
        `the #layout declaration on line ${line} is invalid: ${parsed.problems[0]}`,
        parsed.problems.map((p) => `line ${line}: ${p}`),
      );
    }
    layout = parsed.layout;
    break;
  }
  const found = layout!;
  const columns = found.fields.map((f) => f.name);
  async function* batches(): AsyncGenerator<ExtractBatch> {
    let batch: ExtractBatch = { columns, lines: [], shortLines: [] };
    let any = false;
    for await (const { line, raw } of text.lines) {
      // Blank lines and `#` comment lines carry no record.
      if (raw.trim() === '' || raw.startsWith('#')) continue;
      any = true;
      const characters = lineCharacters(raw);
      if (characters.length < found.width) {
        batch.shortLines.push({ line, code: 'layout_mismatch', message: `the line is ${characters.length} characters long; the layout needs ${found.width}` });
      } else {
        batch.lines.push({ line, values: Object.fromEntries(found.fields.map((field) => [field.name, sliceField(characters, field)])) });
      }
      if (batch.lines.length + batch.shortLines.length >= FIXED_WIDTH_BATCH) {
        yield batch;
        batch = { columns, lines: [], shortLines: [] };
      }
    }
    if (batch.lines.length + batch.shortLines.length > 0) yield batch;
    if (!any) throw new StepRejection('no_data_rows', `the #layout line is not followed by any record`, [`line ${layoutLine + 1}: no record`]);
  }
  return { shape: { format: 'fixed-width', layout: found, amounts: 'decimal-point' }, batches: batches() };
}

/** The text's lines with their 1-based numbers, carriage returns dropped; one shared iterator, so the layout line and the records come from one read. */
function decodedLines(chunks: AsyncIterable<Uint8Array>): {
  lines: AsyncIterator<{ line: number; raw: string }> & AsyncIterable<{ line: number; raw: string }>;
} {
  async function* lines() {
    const decoder = new TextDecoder('utf-8', { fatal: true });
    let pending = '';
    let line = 0;
    let offset = 0;
    const decode = (chunk?: Uint8Array) => {
      try {
        return chunk ? decoder.decode(chunk, { stream: true }) : decoder.decode();
      } catch {
        throw new StepRejection('invalid_utf8', `the file is not valid UTF-8 (in the bytes from offset ${offset})`, [
          `line ${line + 1}: a byte sequence that is not UTF-8`,
        ]);
      }
    };
    for await (const chunk of chunks) {
      pending += decode(chunk);
      offset += chunk.length;
      let start = 0;
      for (let end = pending.indexOf('\n'); end !== -1; end = pending.indexOf('\n', start)) {
        yield { line: ++line, raw: pending.slice(start, end).replace(/\r$/, '') };
        start = end + 1;
      }
      pending = pending.slice(start);
    }
    pending += decode();
    if (pending !== '') yield { line: ++line, raw: pending.replace(/\r$/, '') };
  }
  const iterator = lines();
  // for-await over a generator closes it on break; the layout loop breaks, so wrap it to keep it open for the records.
  const shared = {
    next: () => iterator.next(),
    [Symbol.asyncIterator]() {
      return shared;
    },
  };
  return { lines: shared };
}

/** Reads the extract to its end for its structural rule alone (header, ragged rows, layout), rejecting as openExtract does. */
export async function rejectMalformedExtract(chunks: AsyncIterable<Uint8Array>): Promise<void> {
  for await (const batch of (await openExtract(chunks)).batches) void batch;
}
