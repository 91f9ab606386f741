import { Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { ProfileError } from './profile-error.js';

/** What the first bytes say about compression: gzip we read; the others are named so the refusal is clear. */
export function compressionOf(head: Uint8Array): 'none' | 'gzip' | 'zip' | 'bzip2' | 'xz' | 'zstd' {
  const starts = (...magic: number[]) => magic.every((b, i) => head[i] === b);
  if (starts(0x1f, 0x8b)) return 'gzip';
  if (starts(0x50, 0x4b, 0x03, 0x04)) return 'zip';
  if (starts(0x42, 0x5a, 0x68)) return 'bzip2';
  if (starts(0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00)) return 'xz';
  if (starts(0x28, 0xb5, 0x2f, 0xfd)) return 'zstd';
  return 'none';
}

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
  if (code === 'Z_DATA_ERROR' || code === 'Z_NEED_DICT') return new ProfileError('bad_compression', `the gzip data is corrupt (${message})`, [`gzip: ${message}`]);
  return error;
}
