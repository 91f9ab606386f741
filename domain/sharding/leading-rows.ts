import { scanDelimitedShard } from './delimited-shard.js';

/**
 * The file's leading rows, read from its start (where a row certainly begins) up to the first row
 * that starts at or after `atLeastBytes`: `end` is that row's start, so the bytes before it are
 * whole rows, quoted line breaks and all, found by the same scanner that sets shard boundaries.
 * A prefix the one-pass admission rule can read in place of a whole first shard.
 */
export async function leadingRows(chunks: AsyncIterable<Uint8Array>, delimiter: number, atLeastBytes: number): Promise<{ end: number; rows: number }> {
  const scan = await scanDelimitedShard({ start: 0, boundary: atLeastBytes, delimiter, chunks, sink: { row: () => {} } });
  return { end: scan.end, rows: scan.rows };
}
