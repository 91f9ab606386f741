import { DatasetAccumulator } from './dataset-accumulator.js';
import { DelimitedScanner } from './delimited-scanner.js';
import { DelimitedTable } from './delimited-table.js';
import { JsonRecords } from './json-records.js';
import { ProfileError } from './profile-error.js';
import { resolveProfileOptions, type ProfileOptions, type ResolvedProfileOptions } from './profile-options.js';
import type { DatasetProfile } from './profile-types.js';
import { sniffFormat, type SniffedFormat } from './sniff-format.js';
import { Utf8Guard } from './utf8-guard.js';

/** Text held back to recognise the format before any row is read. */
const SNIFF_BYTES = 64 * 1024;

/**
 * The profiler over text that arrives in chunks (already decompressed): checks it is UTF-8,
 * recognises the format from the first 64 KiB, then streams every chunk through the scanner
 * for that format into the accumulators. Synchronous and pure, so tests can push chunks and
 * watch the memory held (`retainedItems`) as they go.
 */
export class TableProfiler {
  readonly dataset: DatasetAccumulator;
  private readonly options: ResolvedProfileOptions;
  private readonly guard = new Utf8Guard();
  private head: Uint8Array[] = [];
  private headBytes = 0;
  private started = false;
  private sniffed: SniffedFormat | undefined;
  private reader: { push(chunk: Uint8Array): void; finish(): void } | undefined;
  private sawText = false;

  constructor(options: ProfileOptions = {}, sampleCapacity?: number) {
    this.options = resolveProfileOptions(options);
    this.dataset = new DatasetAccumulator(this.options, sampleCapacity);
  }

  get retainedItems(): number {
    return this.dataset.retainedItems;
  }

  push(chunk: Uint8Array): void {
    if (chunk.length === 0) return;
    this.guard.check(chunk);
    if (!this.started) {
      // Copied: the caller may reuse the chunk's buffer for the next one.
      this.head.push(chunk.slice());
      this.headBytes += chunk.length;
      if (this.headBytes >= SNIFF_BYTES) this.start(false);
      return;
    }
    this.reader!.push(chunk);
  }

  finish(base: { compression: DatasetProfile['compression']; bytes: number }): DatasetProfile {
    this.guard.finish();
    if (!this.started) this.start(true);
    if (!this.sawText) throw new ProfileError('empty_file', 'the file has no content', ['byte 0: nothing but whitespace or a byte-order mark']);
    this.reader!.finish();
    return tableProfile(this.dataset, this.sniffed!, base);
  }

  private start(complete: boolean): void {
    this.started = true;
    let joined = new Uint8Array(this.headBytes);
    let at = 0;
    for (const part of this.head) {
      joined.set(part, at);
      at += part.length;
    }
    this.head = [];
    if (joined[0] === 0xef && joined[1] === 0xbb && joined[2] === 0xbf) joined = joined.subarray(3);
    this.sawText = !complete || joined.some((b) => b !== 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d);
    const sniffed = sniffFormat(joined, complete);
    this.sniffed = sniffed;
    this.reader =
      sniffed.format === 'csv' || sniffed.format === 'tsv'
        ? new DelimitedScanner(sniffed.delimiter, new DelimitedTable(this.dataset))
        : new JsonRecords(sniffed.format === 'json', this.dataset);
    if (joined.length > 0) this.reader.push(joined);
  }
}

/** The profile of a table read whole (in one pass, or in shards merged): refused when most rows do not fit the header. */
export function tableProfile(
  dataset: DatasetAccumulator,
  sniffed: SniffedFormat,
  base: { compression: DatasetProfile['compression']; bytes: number },
): DatasetProfile {
  if ((sniffed.format === 'csv' || sniffed.format === 'tsv') && dataset.rows >= 2 && dataset.raggedRows * 2 > dataset.rows) {
    throw new ProfileError(
      'not_tabular',
      `${dataset.raggedRows} of ${dataset.rows} rows do not have the header's ${dataset.columns.length} fields; this does not look like a table`,
      [`${dataset.raggedRows} ragged rows`],
    );
  }
  const profile = dataset.profile({ format: sniffed.format, ...base });
  if (sniffed.format === 'csv' || sniffed.format === 'tsv') {
    profile.delimiter = String.fromCharCode(sniffed.delimiter);
    profile.raggedRows = dataset.raggedRows;
  }
  return profile;
}
