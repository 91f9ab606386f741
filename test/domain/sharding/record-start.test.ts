import { describe, expect, it } from 'vitest';
import { planByteRanges } from '#domain/sharding/byte-ranges.js';
import { lineStartAtOrAfter } from '#domain/sharding/record-start.js';

const bytes = (text: string) => new TextEncoder().encode(text);
/** The text from `boundary - 1` on, a byte per chunk, so no chunk boundary is special. */
async function* fromBefore(text: string, boundary: number): AsyncGenerator<Uint8Array> {
  const all = bytes(text);
  for (let i = Math.max(0, boundary - 1); i < all.length; i++) yield all.subarray(i, i + 1);
}
const lineStart = (text: string, boundary: number) => lineStartAtOrAfter(boundary, fromBefore(text, boundary));

describe('the first line start at or after a shard boundary', () => {
  it('is the boundary itself when a line ends just before it', async () => {
    expect(await lineStart('ab\ncd\n', 3)).toBe(3);
    expect(await lineStart('anything', 0)).toBe(0);
  });

  it('is after the next LF when the boundary falls inside a line', async () => {
    expect(await lineStart('abc\ndef\n', 1)).toBe(4);
    expect(await lineStart('abc\ndef\n', 4)).toBe(4);
    expect(await lineStart('abc\ndef\n', 5)).toBe(8);
  });

  it('never splits a CRLF, and takes a lone CR (old Mac files) as a line end', async () => {
    // "ab\r\ncd": a boundary between CR and LF moves past the LF.
    expect(await lineStart('ab\r\ncd\r\n', 3)).toBe(4);
    expect(await lineStart('ab\r\ncd\r\n', 4)).toBe(4);
    expect(await lineStart('ab\rcd\ref', 3)).toBe(3);
    expect(await lineStart('ab\rcd\ref', 4)).toBe(6);
  });

  it('is the end of the input when no line starts after the boundary', async () => {
    expect(await lineStart('abc,def', 2)).toBe(7);
    expect(await lineStart('abc\r', 2)).toBe(4);
  });
});

describe('byte ranges of a file', () => {
  it('cover the file without gaps or overlaps, in lengths within a byte of each other', () => {
    for (const [size, target] of [
      [1000, 300],
      [10, 1],
      [7, 100],
      [5 * 2 ** 30, 64 * 2 ** 20],
    ] as const) {
      const ranges = planByteRanges(size, target);
      expect(ranges[0]!.start).toBe(0);
      expect(ranges.at(-1)!.end).toBe(size);
      ranges.slice(1).forEach((r, i) => expect(r.start).toBe(ranges[i]!.end));
      const lengths = ranges.map((r) => r.end - r.start);
      expect(Math.max(...lengths) - Math.min(...lengths)).toBeLessThanOrEqual(1);
    }
    expect(planByteRanges(5 * 2 ** 30, 64 * 2 ** 20)).toHaveLength(80);
    expect(planByteRanges(0, 10)).toEqual([{ start: 0, end: 0 }]);
  });

  it('refuse a size or shard size that is not a whole positive number', () => {
    expect(() => planByteRanges(-1, 10)).toThrow(/whole number/);
    expect(() => planByteRanges(10, 0)).toThrow(/at least one byte/);
  });
});
