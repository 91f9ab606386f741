import { pipeline, Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { peekBytes } from '#domain/inputs/peek-bytes.js';
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
