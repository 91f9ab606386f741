import { DatasetAccumulator, type DatasetState } from '#domain/profiling/dataset-accumulator.js';
import { DelimitedScanner } from '#domain/profiling/delimited-scanner.js';
import { DelimitedTable } from '#domain/profiling/delimited-table.js';
import { resolveProfileOptions, type ProfileOptions, type ResolvedProfileOptions } from '#domain/profiling/profile-options.js';
import type { DatasetProfile } from '#domain/profiling/profile-types.js';
import type { SniffedFormat } from '#domain/profiling/sniff-format.js';
import { tableProfile } from '#domain/profiling/table-profiler.js';
import { ProfileError } from '#domain/profiling/profile-error.js';
import { Utf8Guard } from '#domain/profiling/utf8-guard.js';
import { scanDelimitedShard, type DelimitedShardScan, type ShardRowSink } from './delimited-shard.js';

/** The profile options a shard needs: numbers only, so a request stays small and crosses threads and queues as it is. */
export type ShardProfileOptions = Pick<ProfileOptions, 'exactDistinctLimit' | 'topK' | 'histogramBins'>;

export interface ShardProfileRequest {
  start: number;
  boundary: number;
  /** The input's size: the shard that reads to it checks that the last character is whole. */
  size: number;
  delimiter: number;
  /** The header's column names ({@link readHeader}); the shard at byte 0 reads them from its first row instead. */
  columns: string[];
  options: ShardProfileOptions;
  chunks: AsyncIterable<Uint8Array>;
}

/**
 * Profiles one shard of delimited text: the rows that start in its range go into a dataset of
 * the header's columns, and what it holds comes back as plain data (sketches and counts, small
 * whatever the shard's size) for {@link ShardProfileMerge}. Its bytes are checked as UTF-8 and
 * refused with the offsets one read would name.
 */
export async function profileShard(request: ShardProfileRequest): Promise<{ scan: DelimitedShardScan; dataset: DatasetState }> {
  const dataset = new DatasetAccumulator(resolveProfileOptions(request.options));
  const first = request.start === 0;
  if (!first) for (const name of request.columns) dataset.addColumn(name);
  const scan = await scanCheckedShard(request, new DelimitedTable(dataset, !first));
  return { scan, dataset: dataset.toState() };
}

/**
 * Scans one shard's rows into `sink` with its bytes checked as UTF-8 and refused with the
 * offsets one read would name; at byte 0, past a byte-order mark.
 */
export async function scanCheckedShard(
  request: { start: number; boundary: number; size: number; delimiter: number; chunks: AsyncIterable<Uint8Array> },
  sink: ShardRowSink,
): Promise<DelimitedShardScan> {
  const guard = new Utf8Guard(request.start);
  const input = await checked(request.chunks, guard, request.start === 0);
  const scan = await scanDelimitedShard({
    start: request.start + input.skipped,
    boundary: request.boundary,
    delimiter: request.delimiter,
    chunks: input.chunks,
    sink,
  });
  if (scan.end >= request.size) guard.finish();
  return scan;
}

/** The shards' partial profiles, added in file order, folded into the profile of the whole file. */
export class ShardProfileMerge {
  private whole: DatasetAccumulator | undefined;
  private readonly options: ResolvedProfileOptions;

  constructor(
    private readonly sniffed: SniffedFormat & { delimiter: number },
    options: ShardProfileOptions,
  ) {
    this.options = resolveProfileOptions(options);
  }

  add(part: DatasetState): void {
    const dataset = DatasetAccumulator.fromState(part, this.options);
    if (this.whole) this.whole.merge(dataset);
    else this.whole = dataset;
  }

  profile(base: { compression: DatasetProfile['compression']; bytes: number }): DatasetProfile {
    if (!this.whole) throw new Error('a sharded profile needs at least one shard');
    return tableProfile(this.whole, this.sniffed, base);
  }
}

/**
 * The column names the header row of `head` gives, as the profiler names them (blank and
 * repeated names made distinct), or undefined when the head does not hold a whole first row.
 */
export function readHeader(head: Uint8Array, complete: boolean, delimiter: number): string[] | undefined {
  const table = new DelimitedTable(new DatasetAccumulator(resolveProfileOptions()));
  const scanner = new DelimitedScanner(delimiter, table);
  scanner.push(withoutByteOrderMark(head));
  if (complete && !table.columnNames) scanner.finish();
  return table.columnNames;
}

/**
 * The chunks, each checked as UTF-8 before it is read; at byte 0 a byte-order mark is skipped
 * (the profiler reads past it), and `skipped` says so, so that row offsets stay the file's. A
 * chunk reaches past the shard's rows, so a bad byte in it may belong to a later shard: the bytes
 * before it are handed on, and the error is raised only if the read asks for more, so a shard
 * refuses the file only for a byte its own rows hold.
 */
export async function checked(
  chunks: AsyncIterable<Uint8Array>,
  guard: Utf8Guard,
  first: boolean,
): Promise<{ skipped: number; chunks: AsyncIterable<Uint8Array> }> {
  const iterator = chunks[Symbol.asyncIterator]();
  const head = await iterator.next();
  if (head.done) return { skipped: 0, chunks: (async function* () {})() };
  const opening = first ? withoutByteOrderMark(head.value) : head.value;
  const skipped = head.value.length - opening.length;
  let at = guard.position;
  /** The chunk's bytes up to its first bad one, and the error to raise after them (if any). */
  const validPart = (chunk: Uint8Array): { valid: Uint8Array; error?: ProfileError } => {
    const chunkAt = at;
    at += chunk.length;
    try {
      guard.check(chunk);
      return { valid: chunk };
    } catch (error) {
      if (!(error instanceof ProfileError) || error.offset === undefined) throw error;
      return { valid: chunk.subarray(0, Math.max(0, error.offset - chunkAt)), error };
    }
  };
  const firstPart = validPart(head.value);
  return {
    skipped,
    chunks: (async function* () {
      try {
        const valid = firstPart.valid.subarray(Math.min(skipped, firstPart.valid.length));
        if (valid.length) yield valid;
        if (firstPart.error) throw firstPart.error;
        for (let next = await iterator.next(); !next.done; next = await iterator.next()) {
          const part = validPart(next.value);
          if (part.valid.length) yield part.valid;
          if (part.error) throw part.error;
        }
      } finally {
        // A shard stops reading one row past its boundary: the file is closed then, not at its end.
        await iterator.return?.();
      }
    })(),
  };
}

/** The profiler reads past a UTF-8 byte-order mark; so does a shard at byte 0. */
export function withoutByteOrderMark(bytes: Uint8Array): Uint8Array {
  return bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
}
