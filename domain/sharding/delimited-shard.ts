import { DelimitedScanner, type DelimitedRowSink } from '#domain/profiling/delimited-scanner.js';

/** What one shard read: the rows that start in its range, and where the last of them ended. */
export interface DelimitedShardScan {
  /** Where the shard began reading: a guess unless it is the first shard or was re-read from a known start. */
  start: number;
  /** Where the first row at or after the boundary starts (or the input ends): the true start of the next shard. */
  end: number;
  rows: number;
  /** Lines from `start` to `end`, quoted line breaks and blank lines included: how far the next shard's line numbers are shifted. */
  lines: number;
}

/** A row as a shard hands it on; `line` counts from the shard's start (1-based). */
export type ShardRowSink = DelimitedRowSink;

/**
 * Reads the rows of one shard: every row that starts before `boundary`, the last of them read to
 * its end even past the boundary (the next shard starts where it stops). `chunks` are the input's
 * bytes from `start` on; the read stops once a row starts at or after the boundary, so a shard
 * costs its own range plus one row.
 *
 * When `start` was only guessed (it may be inside a quoted field), the rows handed on are provisional:
 * the caller keeps them only once the previous shard ended exactly at `start`.
 */
export async function scanDelimitedShard(options: {
  start: number;
  boundary: number;
  delimiter: number;
  chunks: AsyncIterable<Uint8Array>;
  sink: ShardRowSink;
}): Promise<DelimitedShardScan> {
  const { start, boundary } = options;
  let rows = 0;
  let next: { offset: number; line: number } | undefined;
  const scanner: DelimitedScanner = new DelimitedScanner(
    options.delimiter,
    {
      row(bytes, starts, ends, escaped, fields, line) {
        if (next) return;
        const offset = scanner.rowStartOffset;
        if (offset >= boundary) {
          next = { offset, line };
          return;
        }
        rows++;
        options.sink.row(bytes, starts, ends, escaped, fields, line);
      },
    },
    undefined,
    start,
  );
  let read = 0;
  if (start < boundary) {
    for await (const chunk of options.chunks) {
      read += chunk.length;
      scanner.push(chunk);
      if (next) break;
    }
    if (!next) scanner.finish();
  }
  // The next shard starts at the first row at or after the boundary, or at the end of the input.
  if (next) return { start, end: next.offset, rows, lines: next.line - 1 };
  return { start, end: start + read, rows, lines: scanner.line - 1 };
}
