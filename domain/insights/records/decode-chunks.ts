import { pipeline, Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { RecordStreamError } from './record-stream-error.js';

const GZIP_MAGIC = [0x1f, 0x8b] as const;

/** The content's bytes: gunzipped when they start with the gzip magic number, whatever the file name says. */
export async function* plainBytes(chunks: AsyncIterable<Uint8Array>): AsyncGenerator<Uint8Array> {
  const { head, chunks: replayed } = await peekBytes(chunks, 2);
  if (head.length === 0) return;
  yield* head[0] === GZIP_MAGIC[0] && head[1] === GZIP_MAGIC[1] ? gunzip(replayed) : replayed;
}

/**
 * Bytes to text, a chunk at a time, gunzipped first when they are gzip, then decoded as strict
 * UTF-8 so a bad byte is an error rather than a silent replacement character. A leading BOM is dropped.
 */
export async function* decodeChunks(chunks: AsyncIterable<Uint8Array>): AsyncGenerator<string> {
  yield* decodeText(plainBytes(chunks));
}

/** Strict UTF-8 decoding of bytes already plain. */
export async function* decodeText(bytes: AsyncIterable<Uint8Array>): AsyncGenerator<string> {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  try {
    for await (const chunk of bytes) {
      const text = decoder.decode(chunk, { stream: true });
      if (text) yield text;
    }
    const rest = decoder.decode();
    if (rest) yield rest;
  } catch (error) {
    if (error instanceof RecordStreamError) throw error;
    if (error instanceof TypeError) throw new RecordStreamError('invalid_utf8', 'the file is not valid UTF-8 text');
    throw error;
  }
}

/**
 * At least `atLeast` bytes from the start of the stream (fewer when it is shorter, more when a
 * chunk runs past), and the stream whole again. The head is a copy: callers may reuse buffers.
 */
export async function peekBytes(chunks: AsyncIterable<Uint8Array>, atLeast: number): Promise<{ head: Uint8Array; complete: boolean; chunks: AsyncGenerator<Uint8Array> }> {
  const iterator = chunks[Symbol.asyncIterator]();
  const taken: Uint8Array[] = [];
  let length = 0;
  let complete = false;
  while (length < atLeast) {
    const next = await iterator.next();
    if (next.done) {
      complete = true;
      break;
    }
    taken.push(next.value.slice());
    length += next.value.length;
  }
  const head = new Uint8Array(length);
  let at = 0;
  for (const chunk of taken) {
    head.set(chunk, at);
    at += chunk.length;
  }
  return {
    head,
    complete,
    chunks: (async function* () {
      if (head.length > 0) yield head;
      for (let next = await iterator.next(); !next.done; next = await iterator.next()) yield next.value;
    })(),
  };
}

async function* gunzip(source: AsyncIterable<Uint8Array>): AsyncGenerator<Uint8Array> {
  const inflate = createGunzip({ chunkSize: 256 * 1024 });
  pipeline(Readable.from(source), inflate, () => undefined);
  try {
    for await (const chunk of inflate) yield chunk as Uint8Array;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'Z_BUF_ERROR') throw new RecordStreamError('truncated_input', 'the gzip stream ends before its end marker: the file was cut short');
    throw new RecordStreamError('bad_compression', `the file starts like gzip but does not decompress: ${(error as Error).message}`);
  }
}
