import { peekBytes } from '#domain/inputs/peek-bytes.js';
import { planByteRanges } from '#domain/sharding/byte-ranges.js';
import { howToShard } from '#domain/sharding/shard-plan.js';
import { readFileChunksFrom } from '#local/files/read-file-chunks.js';

/** The head the format is recognised from, as the one-pass readers take it. */
const SNIFF_BYTES = 64 * 1024;

/** A file to read in shards, or the part of one an object is stored in (from `fileOffset`, `size` bytes). */
export interface InputFile {
  path: string;
  fileOffset?: number;
  size: number;
}

/** A delimited file worth reading in shards: its bytes from any offset, its head and its format. */
export interface SplittableInput {
  path: string;
  fileOffset: number;
  size: number;
  shards: number;
  format: 'csv' | 'tsv';
  delimiter: number;
  head: Uint8Array;
  complete: boolean;
  bytesFrom(offset: number): AsyncGenerator<Uint8Array>;
}

/**
 * The file as shards of about `shardBytes` would read it, or undefined when it is better read in
 * one pass: one worker, it makes one shard, it is gzip or a JSON array (read from their start), or
 * NDJSON (whose columns are found as they appear). A file every reader refuses is refused here.
 */
export async function splittableInput(input: InputFile, options: { shardBytes: number; workers: number }): Promise<SplittableInput | undefined> {
  const { path, size } = input;
  const fileOffset = input.fileOffset ?? 0;
  const shards = planByteRanges(size, options.shardBytes).length;
  // One shard, or one thread to read them on, is one pass with extra steps.
  if (shards < 2 || options.workers < 2) return undefined;
  const bytesFrom = (offset: number) => readFileChunksFrom(path, fileOffset + offset, fileOffset + size);
  const peeked = await peekBytes(bytesFrom(0), SNIFF_BYTES);
  await peeked.chunks.return(undefined);
  const sharding = howToShard(peeked.head, peeked.complete);
  if (!sharding.splittable || sharding.format === 'ndjson') return undefined;
  return { path, fileOffset, size, shards, format: sharding.format, delimiter: sharding.delimiter, head: peeked.head, complete: peeked.complete, bytesFrom };
}
