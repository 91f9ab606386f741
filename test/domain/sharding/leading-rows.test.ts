import { describe, expect, it } from 'vitest';
import { leadingRows } from '#domain/sharding/leading-rows.js';

/** The text a few bytes per chunk, so no chunk boundary is special. */
async function* inChunks(text: string, size = 5): AsyncGenerator<Uint8Array> {
  const all = new TextEncoder().encode(text);
  for (let i = 0; i < all.length; i += size) yield all.subarray(i, i + size);
}

describe("a file's leading rows, read in place of its first shard", () => {
  const register =
    ['Ref;Eingang;Notiz', 'R-1;2026-03-01;kurz', 'R-2;2026-03-02;"zwei\r\nZeilen; mit Semikolon"', 'R-3;2026-03-03;', 'R-4;2026-03-04;ende'].join('\r\n') +
    '\r\n';
  const startOf = (ref: string) => Buffer.byteLength(register.slice(0, register.indexOf(ref)));

  it('end where the first row at or after the wanted bytes starts, never inside a quoted line break', async () => {
    const insideQuotes = Buffer.byteLength(register.slice(0, register.indexOf('Zeilen')));
    expect(await leadingRows(inChunks(register), 0x3b, insideQuotes)).toEqual({ end: startOf('R-3'), rows: 3 });
    expect(await leadingRows(inChunks(register), 0x3b, startOf('R-2'))).toEqual({ end: startOf('R-2'), rows: 2 });
    expect(await leadingRows(inChunks(register), 0x3b, 1)).toEqual({ end: startOf('R-1'), rows: 1 });
  });

  it('are the whole file when it is shorter than the wanted bytes, its last row without a line break included', async () => {
    expect(await leadingRows(inChunks(register), 0x3b, 10_000)).toEqual({ end: Buffer.byteLength(register), rows: 5 });
    const unterminated = register.slice(0, -2);
    expect(await leadingRows(inChunks(unterminated), 0x3b, 10_000)).toEqual({ end: Buffer.byteLength(unterminated), rows: 5 });
  });

  it('stop reading once they have the row after the wanted bytes', async () => {
    let read = 0;
    async function* counted() {
      for await (const chunk of inChunks(register.repeat(2000), 64)) {
        read += chunk.length;
        yield chunk;
      }
    }
    await leadingRows(counted(), 0x3b, 256);
    expect(read).toBeLessThan(1024);
  });
});
