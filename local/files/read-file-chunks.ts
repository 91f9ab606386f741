import { closeSync, openSync, readSync } from 'node:fs';

/**
 * A file in 256 KiB reads into one reused buffer. The consumer must be done with a chunk before
 * it asks for the next (the profiler is); a fresh buffer per read would leave the garbage
 * collector a trail of dead megabytes (tens of MiB of peak RSS on a large file).
 */
export async function* readFileChunks(path: string): AsyncGenerator<Uint8Array> {
  const fd = openSync(path, 'r');
  const buffer = new Uint8Array(256 * 1024);
  try {
    for (let n = readSync(fd, buffer); n > 0; n = readSync(fd, buffer)) yield buffer.subarray(0, n);
  } finally {
    closeSync(fd);
  }
}
