import { Readable } from 'node:stream';
import { createGunzip, gunzipSync } from 'node:zlib';
import { StepRejection } from '#domain/rejections/step-rejection.js';

/**
 * What an upload's first bytes say it is wrapped in. Gzip is read by every journey; the other
 * archive formats are named so the refusal says what the file is instead of "binary data".
 */
export type Container = 'none' | 'gzip' | 'zip' | 'bzip2' | 'xz' | 'zstd';

export function containerOf(head: Uint8Array): Container {
  const starts = (...magic: number[]) => magic.every((b, i) => head[i] === b);
  if (starts(0x1f, 0x8b)) return 'gzip';
  if (starts(0x50, 0x4b, 0x03, 0x04)) return 'zip';
  if (starts(0x42, 0x5a, 0x68)) return 'bzip2';
  if (starts(0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00)) return 'xz';
  if (starts(0x28, 0xb5, 0x2f, 0xfd)) return 'zstd';
  return 'none';
}

export interface ContentLimits {
  /** The most a file's content may be, decompressed or not: the upload limit. */
  maxContentBytes: number;
  /** Decompressed to compressed, checked once the content passes `ratioFromBytes`. */
  maxRatio: number;
  ratioFromBytes: number;
}

/**
 * A gzip bomb (a few MB expanding to gigabytes) is stopped at whichever limit it reaches first;
 * a small, very repetitive file is not a bomb, so the ratio only counts past a floor.
 */
export function contentLimits(maxUploadBytes: number): ContentLimits {
  return { maxContentBytes: maxUploadBytes, maxRatio: 200, ratioFromBytes: Math.min(maxUploadBytes, 16 * 1024 * 1024) };
}

/** A whole upload's content: the bytes, gunzipped when they are gzip, within the limits. */
export function contentOf(stored: Uint8Array, limits: ContentLimits): Uint8Array {
  const container = containerOf(stored);
  if (container === 'none') return stored;
  if (container !== 'gzip') throw unsupported(container);
  let content: Uint8Array;
  try {
    // One byte over the limit is enough to know the limit is passed, and bounds the memory used.
    content = gunzipSync(stored, { maxOutputLength: limits.maxContentBytes + 1 });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') throw tooLarge(limits, stored.byteLength);
    throw gzipFailure(error);
  }
  checkLimits(content.byteLength, stored.byteLength, limits);
  return content;
}

/** The container a stream's first chunk names, and the stream whole again. */
export async function peekContainer(chunks: AsyncIterable<Uint8Array>): Promise<{ container: Container; chunks: AsyncIterable<Uint8Array> }> {
  const iterator = chunks[Symbol.asyncIterator]();
  const first = await iterator.next();
  if (first.done) return { container: 'none', chunks: (async function* () {})() };
  const replayed = (async function* () {
    yield first.value;
    for (let next = await iterator.next(); !next.done; next = await iterator.next()) yield next.value;
  })();
  return { container: containerOf(first.value), chunks: replayed };
}

/** The same, as a stream: memory stays at one chunk however far the content expands. */
export async function* contentChunks(stored: AsyncIterable<Uint8Array>, limits: ContentLimits): AsyncGenerator<Uint8Array> {
  const iterator = stored[Symbol.asyncIterator]();
  const first = await iterator.next();
  if (first.done) return;
  let storedBytes = first.value.byteLength;
  const replayed = (async function* () {
    yield first.value;
    for (let next = await iterator.next(); !next.done; next = await iterator.next()) {
      storedBytes += next.value.byteLength;
      yield next.value;
    }
  })();
  const container = containerOf(first.value);
  if (container === 'none') {
    yield* replayed;
    return;
  }
  if (container !== 'gzip') throw unsupported(container);
  const source = Readable.from(replayed, { objectMode: false });
  const gunzip = createGunzip({ chunkSize: 256 * 1024 });
  source.on('error', (error) => gunzip.destroy(error));
  source.pipe(gunzip);
  let contentBytes = 0;
  try {
    for await (const chunk of gunzip) {
      contentBytes += (chunk as Uint8Array).byteLength;
      checkLimits(contentBytes, storedBytes, limits);
      yield chunk as Uint8Array;
    }
  } catch (error) {
    if (error instanceof StepRejection) throw error;
    throw gzipFailure(error);
  } finally {
    source.destroy();
    gunzip.destroy();
  }
}

function checkLimits(contentBytes: number, storedBytes: number, limits: ContentLimits): void {
  if (contentBytes > limits.maxContentBytes) throw tooLarge(limits, storedBytes);
  if (contentBytes > limits.ratioFromBytes && contentBytes / Math.max(1, storedBytes) > limits.maxRatio) {
    throw new StepRejection(
      'decompression_ratio_exceeded',
      `the gzip file expands more than ${limits.maxRatio} times (${contentBytes} bytes from ${storedBytes} so far): refused as a decompression bomb`,
      [`gzip: over ${limits.maxRatio}:1 after ${contentBytes} bytes`],
    );
  }
}

function tooLarge(limits: ContentLimits, storedBytes: number): StepRejection {
  return new StepRejection(
    'decompressed_too_large',
    `the gzip file (${storedBytes} bytes) expands beyond ${limits.maxContentBytes} bytes, the limit for a file's content`,
    [`gzip: more than ${limits.maxContentBytes} bytes decompressed`],
  );
}

function unsupported(container: Exclude<Container, 'none' | 'gzip'>): StepRejection {
  return new StepRejection('unsupported_compression', `the file is a ${container} archive; journeys read plain or gzip-compressed CSV, TSV, JSON or NDJSON`, [
    `line 1: ${container} signature`,
  ]);
}

function truncated(): StepRejection {
  return new StepRejection('truncated_input', 'the gzip stream ends before its end marker: the file was cut short', ['gzip: unexpected end of file']);
}

function gzipFailure(error: unknown): StepRejection {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'Z_BUF_ERROR') return truncated();
  return new StepRejection('bad_compression', `the file starts like gzip but does not decompress: ${(error as Error).message}`, [
    `gzip: ${(error as Error).message}`,
  ]);
}
