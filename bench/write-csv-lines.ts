import { createWriteStream } from 'node:fs';
import { once } from 'node:events';

/**
 * Writes a header and `rows` generated lines to `path`, streaming in batches (a gigabyte file
 * never sits in memory) and honouring the write stream's backpressure. Resolves with the bytes written.
 */
export async function writeCsvLines(path: string, header: string, rows: number, lineOf: (index: number) => string, lineEnd = '\n'): Promise<number> {
  const out = createWriteStream(path, { highWaterMark: 1 << 20 });
  let bytes = 0;
  let batch: string[] = [header];
  const flush = async () => {
    const text = `${batch.join(lineEnd)}${lineEnd}`;
    batch = [];
    bytes += Buffer.byteLength(text);
    if (!out.write(text)) await once(out, 'drain');
  };
  for (let i = 0; i < rows; i++) {
    batch.push(lineOf(i));
    if (batch.length >= 8192) await flush();
  }
  await flush();
  out.end();
  await once(out, 'finish');
  return bytes;
}
