import { decodeText, plainBytes, recordBatchesFromBytes, type TableRecord } from '#domain/insights/index.js';
import { peekBytes } from '#domain/inputs/peek-bytes.js';
import { amountConventionOf, parseLegacyAmount, type AmountConvention } from '../shared/legacy-amount.js';
import { lineCharacters, parseLayoutDeclaration, sliceField, startsWithLayout, type Layout } from '../shared/fixed-width-layout.js';
import { RecordStreamError } from '#domain/insights/index.js';

export type LegacyFormat = 'delimited' | 'fixed-width';

/**
 * An extract's records one at a time, with the file's column names, whether it is delimited text
 * (or JSON) or fixed-width with a `#layout` line. Implied decimals of a fixed-width layout are
 * applied here, so every amount downstream reads the same way whatever the source format.
 */
export class LegacyRecordReader {
  format: LegacyFormat | undefined;
  /** Known once the first record is read: decimal commas in a semicolon-delimited file. */
  amounts: AmountConvention = 'decimal-point';

  constructor(private readonly chunks: AsyncIterable<Uint8Array>) {}

  async *records(): AsyncGenerator<TableRecord> {
    for await (const batch of this.batches()) yield* batch;
  }

  /** The same a chunk's records at a time: a pass over every record loops over each batch rather than awaiting each record. */
  async *batches(): AsyncGenerator<TableRecord[]> {
    // A #layout line comes first; 64 KiB of the start is enough to see it and to sniff a delimiter.
    const peeked = await peekBytes(plainBytes(this.chunks), 64 * 1024);
    if (startsWithLayout(new TextDecoder().decode(peeked.head))) {
      this.format = 'fixed-width';
      yield* fixedWidthRecords(decodeText(peeked.chunks));
      return;
    }
    this.format = 'delimited';
    const noteDelimiter = (format: { format: string; delimiter?: number }) => {
      this.amounts = amountConventionOf(format.delimiter === undefined ? null : String.fromCharCode(format.delimiter));
    };
    for await (const records of recordBatchesFromBytes(peeked.chunks, { onFormat: noteDelimiter })) {
      yield records.map((record) => {
        const values: Record<string, string | null> = {};
        for (const [name, value] of Object.entries(record.values)) values[name.trim()] = value === null ? null : value.trim() || null;
        return { row: record.row, values };
      });
    }
  }
}

async function* fixedWidthRecords(text: AsyncIterable<string>): AsyncGenerator<TableRecord[]> {
  let layout: Layout | undefined;
  let pending = '';
  let row = 0;
  let lineNumber = 0;
  const recordOf = (raw: string): TableRecord | undefined => {
    lineNumber++;
    const line = raw.replace(/\r$/, '');
    if (!layout) {
      if (line.trim() === '') return undefined;
      const parsed = parseLayoutDeclaration(line, (name) => name.trim());
      if ('problems' in parsed)
        throw new RecordStreamError('invalid_layout', `the #layout declaration on line ${lineNumber} is invalid: ${parsed.problems[0]}`);
      layout = parsed.layout;
      return undefined;
    }
    if (line.trim() === '' || line.startsWith('#')) return undefined;
    const characters = lineCharacters(line);
    if (characters.length < layout.width)
      throw new RecordStreamError('layout_mismatch', `line ${lineNumber} is ${characters.length} characters long; the layout needs ${layout.width}`);
    const values: Record<string, string | null> = {};
    for (const field of layout.fields) {
      const raw = sliceField(characters, field);
      const amount = field.impliedDecimals > 0 && raw !== '' ? parseLegacyAmount(raw, field.impliedDecimals) : undefined;
      values[field.name] = raw === '' ? null : amount !== undefined ? amount.toFixed(field.impliedDecimals) : raw;
    }
    return { row: ++row, values };
  };
  for await (const chunk of text) {
    pending += chunk;
    const batch: TableRecord[] = [];
    let end = pending.indexOf('\n');
    while (end >= 0) {
      const record = recordOf(pending.slice(0, end));
      pending = pending.slice(end + 1);
      if (record) batch.push(record);
      end = pending.indexOf('\n');
    }
    if (batch.length > 0) yield batch;
  }
  if (pending !== '') {
    const record = recordOf(pending);
    if (record) yield [record];
  }
}
