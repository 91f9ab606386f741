import { compressionOf, gunzipChunks } from './gzip-input.js';
import { ProfileError } from './profile-error.js';
import type { ProfileOptions } from './profile-options.js';
import type { DatasetProfile } from './profile-types.js';
import { TableProfiler } from './table-profiler.js';

/**
 * Profiles a file arriving as a stream of chunks, in memory that does not grow with its size.
 * Compression is recognised from the first bytes (gzip is read; zip, bzip2, xz and zstd are
 * refused by name), the format from the text. `onProgress` hears the bytes consumed so far, as
 * stored (compressed bytes for gzip). A chunk is finished with by the time the next one is
 * requested, so a caller may read every chunk into the same buffer.
 */
export async function profileStream(chunks: AsyncIterable<Uint8Array>, options: ProfileOptions = {}): Promise<DatasetProfile> {
  const profiler = new TableProfiler(options);
  const counted = countingBytes(chunks, options.onProgress);
  const { head, rest } = await peek(counted.chunks, 6);
  if (head.length === 0) throw new ProfileError('empty_file', 'the file is empty', ['byte 0: no content']);
  const compression = compressionOf(head);
  if (compression !== 'none' && compression !== 'gzip') {
    throw new ProfileError('unsupported_compression', `the file is ${compression}-compressed; gzip or uncompressed text is supported`, [
      `bytes 0-5: ${compression} signature`,
    ]);
  }
  const text = compression === 'gzip' ? gunzipChunks(copies(rest)) : rest;
  for await (const chunk of text) profiler.push(chunk);
  const stored = options.decompressedFrom;
  return profiler.finish(
    stored && compression === 'none' ? { compression: stored.compression, bytes: stored.storedBytes } : { compression, bytes: counted.total() },
  );
}

/**
 * Each chunk copied: the decompressor may still be reading a chunk when the next one is asked
 * for, and callers may reuse their buffer for the next chunk (plain text is consumed before it
 * asks, so only compressed input pays for the copy).
 */
async function* copies(chunks: AsyncIterable<Uint8Array>): AsyncGenerator<Uint8Array> {
  for await (const chunk of chunks) yield chunk.slice();
}

/** The same bytes in 1 MiB chunks, so progress is reported and nothing is copied. */
export function profileBytes(bytes: Uint8Array, options: ProfileOptions = {}): Promise<DatasetProfile> {
  return profileStream(
    (async function* () {
      for (let at = 0; at < bytes.length; at += 1 << 20) yield bytes.subarray(at, Math.min(bytes.length, at + (1 << 20)));
    })(),
    { totalBytes: bytes.length, ...options },
  );
}

function countingBytes(chunks: AsyncIterable<Uint8Array>, onProgress: ((bytes: number) => void) | undefined) {
  let total = 0;
  return {
    total: () => total,
    chunks: (async function* () {
      for await (const chunk of chunks) {
        total += chunk.length;
        yield chunk;
        onProgress?.(total);
      }
    })(),
  };
}

/** The first `n` bytes (fewer if the stream is shorter), and a stream that still yields everything. */
async function peek(chunks: AsyncIterable<Uint8Array>, n: number): Promise<{ head: Uint8Array; rest: AsyncIterable<Uint8Array> }> {
  const iterator = chunks[Symbol.asyncIterator]();
  const taken: Uint8Array[] = [];
  let length = 0;
  while (length < n) {
    const next = await iterator.next();
    if (next.done) break;
    taken.push(next.value.slice());
    length += next.value.length;
  }
  const head = new Uint8Array(Math.min(length, n));
  let at = 0;
  for (const chunk of taken) {
    if (at >= head.length) break;
    head.set(chunk.subarray(0, head.length - at), at);
    at += Math.min(chunk.length, head.length - at);
  }
  return {
    head,
    rest: (async function* () {
      yield* taken;
      for (let next = await iterator.next(); !next.done; next = await iterator.next()) yield next.value;
    })(),
  };
}
