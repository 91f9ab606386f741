import { Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { containerOf } from '#domain/inputs/input-container.js';
import { ProfileError } from './profile-error.js';

/** What the first bytes say about compression: the same rule the journeys' step context applies. */
export const compressionOf = containerOf;

/**
 * Decompresses a gzip stream (several concatenated members included) chunk by chunk with the
 * runtime's zlib. A stream that stops before its end is `truncated_input`; one that is not
 * gzip where it claims to be, or fails its checksum, is `bad_compression`.
 */
export async function* gunzipChunks(chunks: AsyncIterable<Uint8Array>): AsyncGenerator<Uint8Array> {
  const source = Readable.from(chunks, { objectMode: false });
  const gunzip = createGunzip({ chunkSize: 256 * 1024 });
  source.on('error', (error) => gunzip.destroy(error));
  source.pipe(gunzip);
  try {
    for await (const chunk of gunzip) yield chunk as Uint8Array;
  } catch (error) {
    throw zlibFailure(error);
  } finally {
    source.destroy();
    gunzip.destroy();
  }
}

function zlibFailure(error: unknown): unknown {
  const code = (error as { code?: string }).code;
  const message = (error as Error).message;
  if (code === 'Z_BUF_ERROR') return new ProfileError('truncated_input', `the gzip stream ends before its end (${message})`, [`gzip: ${message}`]);
  if (code === 'Z_DATA_ERROR' || code === 'Z_NEED_DICT')
    return new ProfileError('bad_compression', `the gzip data is corrupt (${message})`, [`gzip: ${message}`]);
  return error;
}
