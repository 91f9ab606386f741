import { planByteRanges, type ByteRange } from './byte-ranges.js';
import type { DelimitedShardScan } from './delimited-shard.js';
import { lineStartAtOrAfter } from './record-start.js';

/** The input a shard reads: its bytes from any offset to the end (an S3 ranged GET, a file read from a position). */
export interface ShardInput {
  size: number;
  bytesFrom(offset: number): AsyncIterable<Uint8Array>;
}

/** One shard's read: where it started and ended, and what the caller made of its rows. */
export interface ShardRead<T> {
  scan: DelimitedShardScan;
  partial: T;
}

/** How to read one shard from a given start up to its boundary (scanDelimitedShard with the caller's sink). */
export type ReadShard<T> = (shard: { index: number; start: number; boundary: number; chunks: AsyncIterable<Uint8Array> }) => Promise<ShardRead<T>>;

export interface ReadShardOutcome<T> {
  index: number;
  range: ByteRange;
  start: number;
  end: number;
  rows: number;
  /** The input line the shard's first row starts on, for violations named by line. */
  firstLine: number;
  /** True when its guessed start was inside a row (a quoted line break) and it was read again from the true one. */
  reread: boolean;
  partial: T;
}

export class ShardFailed extends Error {
  override readonly name = 'ShardFailed';
  constructor(
    readonly shard: number,
    readonly range: ByteRange,
    override readonly cause: unknown,
  ) {
    super(`shard ${shard} (bytes ${range.start}-${range.end}) failed: ${cause instanceof Error ? cause.message : String(cause)}`);
  }
}

/**
 * Reads a delimited file as shards of about `targetBytes`, all at once, with the rows each shard
 * hands on exactly the rows of one read from the start.
 *
 * The strategy is speculate, then verify. A shard cannot tell on its own whether its first byte
 * is inside a quoted field (that depends on every quote before it), so each guesses that it is
 * not: it starts at the first line start after its nominal start and reads every row that starts
 * before its nominal end, the last of them to its end. The first shard's start is certain, so
 * its end is; a shard whose guessed start equals the previous shard's true end read exactly the
 * rows a single read would, so its end is certain too. A shard whose guess differs (its boundary
 * fell inside a quoted line break) is read again from the true start, and the chain goes on from
 * there. Line breaks inside quotes are rare, so re-reads are; when there are none the shards are
 * read once, in parallel. A speculative shard's failure counts only if its start proves right.
 */
export async function readInShards<T>(input: ShardInput, targetBytes: number, read: ReadShard<T>): Promise<ReadShardOutcome<T>[]> {
  const shards: ReadShardOutcome<T>[] = [];
  for await (const shard of shardsInOrder(input, targetBytes, read)) shards.push(shard);
  return shards;
}

/**
 * The same shards, each handed on as soon as it and every shard before it are confirmed, so a
 * caller can fold each partial result in file order while later shards are still being read,
 * and hold no more of them than have finished out of order.
 */
export async function* shardsInOrder<T>(input: ShardInput, targetBytes: number, read: ReadShard<T>): AsyncGenerator<ReadShardOutcome<T>> {
  const ranges = planByteRanges(input.size, targetBytes);
  const attempt = async (index: number, start: number): Promise<ShardRead<T>> =>
    read({ index, start, boundary: ranges[index]!.end, chunks: input.bytesFrom(start) });
  type Guess = { start: number; outcome: { ok: true; value: ShardRead<T> } | { ok: false; error: unknown } } | { unreadable: unknown };
  // Every guess is settled into a value, so a chain given up half-way leaves no rejection unhandled.
  const guessed: (Promise<Guess> | undefined)[] = ranges.map(async (range, index): Promise<Guess> => {
    let start: number;
    try {
      start = index === 0 ? 0 : await lineStartAtOrAfter(range.start, input.bytesFrom(range.start - 1));
    } catch (error) {
      return { unreadable: error };
    }
    const outcome = await attempt(index, start).then(
      (value) => ({ ok: true as const, value }),
      (error: unknown) => ({ ok: false as const, error }),
    );
    return { start, outcome };
  });

  let trueStart = 0;
  let line = 1;
  for (const [index, range] of ranges.entries()) {
    const guess = await guessed[index]!;
    guessed[index] = undefined;
    if ('unreadable' in guess) throw guess.unreadable;
    const reread = guess.start !== trueStart;
    let value: ShardRead<T>;
    if (!reread) {
      if (!guess.outcome.ok) throw new ShardFailed(index, range, guess.outcome.error);
      value = guess.outcome.value;
    } else {
      try {
        value = await attempt(index, trueStart);
      } catch (error) {
        throw new ShardFailed(index, range, error);
      }
    }
    yield { index, range, start: trueStart, end: value.scan.end, rows: value.scan.rows, firstLine: line, reread, partial: value.partial };
    trueStart = value.scan.end;
    line += value.scan.lines;
  }
}
