import type { ColumnAccumulator } from './column-accumulator.js';
import type { DatasetAccumulator } from './dataset-accumulator.js';
import type { DelimitedRowSink } from './delimited-scanner.js';
import { Hash64 } from './hash64.js';
import { decodeUtf8 } from './utf8-text.js';

const QUOTE = 0x22;

/**
 * Turns scanned rows into the dataset: the first row names the columns, every later one is data.
 * A part of a table read alone (a shard after the first) has its columns already in the dataset:
 * every row it reads is data.
 */
export class DelimitedTable implements DelimitedRowSink {
  private columns: ColumnAccumulator[] | undefined;
  private unescaped = new Uint8Array(256);
  private readonly rowHash = new Hash64();

  constructor(
    private readonly dataset: DatasetAccumulator,
    headerRead = false,
  ) {
    if (headerRead) this.columns = dataset.columns;
  }

  /** The columns the header named, once it has been read. */
  get columnNames(): string[] | undefined {
    return this.columns?.map((c) => c.name);
  }

  row(bytes: Uint8Array, starts: Int32Array, ends: Int32Array, escaped: Uint8Array, fields: number): void {
    const columns = this.columns;
    if (columns === undefined) {
      this.header(bytes, starts, ends, escaped, fields);
      return;
    }
    const dataset = this.dataset;
    const n = Math.min(fields, columns.length);
    for (let c = 0; c < n; c++) {
      let kind;
      if (escaped[c] === 0) kind = columns[c]!.addCell(bytes, starts[c]!, ends[c]!);
      else {
        const length = this.unescape(bytes, starts[c]!, ends[c]!);
        kind = columns[c]!.addCell(this.unescaped, 0, length);
      }
      dataset.noteCell(c, kind);
    }
    if (fields !== columns.length) dataset.raggedRows++;
    const hash = this.rowHash;
    hash.row(bytes, starts[0]!, ends[fields - 1]!);
    dataset.endRow(hash.h1, hash.h2);
  }

  private header(bytes: Uint8Array, starts: Int32Array, ends: Int32Array, escaped: Uint8Array, fields: number): void {
    const seen = new Map<string, number>();
    for (let c = 0; c < fields; c++) {
      let name: string;
      if (escaped[c] === 0) name = decodeUtf8(bytes, starts[c]!, ends[c]!, false);
      else name = decodeUtf8(this.unescaped, 0, this.unescape(bytes, starts[c]!, ends[c]!), false);
      name = name.trim() || `column_${c + 1}`;
      // Repeated names get a suffix so every column can be told apart in the profile.
      const times = (seen.get(name) ?? 0) + 1;
      seen.set(name, times);
      this.dataset.addColumn(times === 1 ? name : `${name}_${times}`);
    }
    this.columns = this.dataset.columns;
  }

  /** Copies a quoted field with each doubled quote made single; returns its length in `unescaped`. */
  private unescape(bytes: Uint8Array, start: number, end: number): number {
    if (this.unescaped.length < end - start) this.unescaped = new Uint8Array((end - start) * 2);
    const out = this.unescaped;
    let length = 0;
    for (let i = start; i < end; i++) {
      out[length++] = bytes[i]!;
      if (bytes[i] === QUOTE) i++;
    }
    return length;
  }
}
