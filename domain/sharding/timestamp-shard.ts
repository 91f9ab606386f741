import { TimestampSequenceTracker, type TimestampSequenceState, type TimestampSequenceStats } from '#domain/insights/index.js';
import { DelimitedScanner } from '#domain/profiling/delimited-scanner.js';
import { rowCells } from '#domain/profiling/row-cells.js';
import { scanDelimitedShard, type DelimitedShardScan } from './delimited-shard.js';
import { withoutByteOrderMark } from './profile-shard.js';

/** A timestamp column to follow, and the field of each row it is read from (-1: no such field, every value missing). */
export interface TrackedColumn {
  column: string;
  field: number;
}

export interface TimestampShardRequest {
  start: number;
  boundary: number;
  delimiter: number;
  tracked: TrackedColumn[];
  chunks: AsyncIterable<Uint8Array>;
}

/** What one shard found about each followed column, its rows numbered from 1, and how many data rows it held. */
export interface TimestampShardPart {
  scan: DelimitedShardScan;
  dataRows: number;
  sequences: TimestampSequenceState[];
}

/**
 * Follows the timestamp columns through the rows of one shard of delimited text, as one pass
 * over the records would (a blank cell is missing; the header row of the shard at byte 0 is
 * skipped). The file was read whole by the step before (its bytes are UTF-8, its rows whole), so
 * this read only decodes the followed cells.
 */
export async function followTimestampsInShard(request: TimestampShardRequest): Promise<TimestampShardPart> {
  const trackers = request.tracked.map(({ column }) => new TimestampSequenceTracker(column));
  const fields = request.tracked.map(({ field }) => field);
  const wanted = new Uint8Array(Math.max(0, ...fields) + 1);
  for (const field of fields) if (field >= 0) wanted[field] = 1;
  const first = request.start === 0;
  let header = first;
  let dataRows = 0;
  const input = first ? await skippingByteOrderMark(request.chunks) : { skipped: 0, chunks: request.chunks };
  const scan = await scanDelimitedShard({
    start: request.start + input.skipped,
    boundary: request.boundary,
    delimiter: request.delimiter,
    chunks: input.chunks,
    sink: {
      row(bytes, starts, ends, escaped, count) {
        if (header) {
          header = false;
          return;
        }
        dataRows++;
        const cells = rowCells(bytes, starts, ends, escaped, Math.min(count, wanted.length), wanted);
        for (let t = 0; t < trackers.length; t++) {
          const cell = fields[t]! >= 0 ? cells[fields[t]!] : undefined;
          trackers[t]!.add(dataRows, cell === undefined || cell === '' ? null : cell);
        }
      },
    },
  });
  return { scan, dataRows, sequences: trackers.map((tracker) => tracker.toState()) };
}

/** The shards' parts, added in file order, joined into what one pass over the whole file finds. */
export class TimestampShardMerge {
  private whole: TimestampSequenceTracker[] | undefined;
  private rows = 0;

  add(part: Pick<TimestampShardPart, 'dataRows' | 'sequences'>): void {
    if (!this.whole) this.whole = part.sequences.map((state) => TimestampSequenceTracker.fromState(state));
    else part.sequences.forEach((state, t) => this.whole![t]!.append(state, this.rows));
    this.rows += part.dataRows;
  }

  result(): TimestampSequenceStats[] {
    if (!this.whole) throw new Error('followed timestamps need at least one shard');
    return this.whole.map((tracker) => tracker.result());
  }
}

/** The header row's cells as a record pass reads them, or undefined when the head does not hold the whole row. */
export function headerCells(head: Uint8Array, complete: boolean, delimiter: number): string[] | undefined {
  let cells: string[] | undefined;
  const scanner = new DelimitedScanner(delimiter, {
    row(bytes, starts, ends, escaped, fields) {
      cells ??= rowCells(bytes, starts, ends, escaped, fields);
    },
  });
  scanner.push(withoutByteOrderMark(head));
  if (complete && !cells) scanner.finish();
  return cells;
}

/**
 * Each column's field as a record pass names the fields: the header cells trimmed, a name that
 * appears twice read from its last field (the later cell overwrites the earlier one).
 */
export function trackedColumns(headerCells: readonly string[], columns: readonly string[]): TrackedColumn[] {
  const names = headerCells.map((name) => name.trim());
  return columns.map((column) => ({ column, field: names.lastIndexOf(column) }));
}

async function skippingByteOrderMark(chunks: AsyncIterable<Uint8Array>): Promise<{ skipped: number; chunks: AsyncIterable<Uint8Array> }> {
  const iterator = chunks[Symbol.asyncIterator]();
  const head = await iterator.next();
  if (head.done) return { skipped: 0, chunks: (async function* () {})() };
  const opening = withoutByteOrderMark(head.value);
  return {
    skipped: head.value.length - opening.length,
    chunks: (async function* () {
      try {
        if (opening.length) yield opening;
        for (let next = await iterator.next(); !next.done; next = await iterator.next()) yield next.value;
      } finally {
        await iterator.return?.();
      }
    })(),
  };
}
