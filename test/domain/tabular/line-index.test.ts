import { describe, expect, it } from 'vitest';
import { LineIndex } from '#domain/tabular/line-index.js';

describe('LineIndex', () => {
  it('maps offsets to 1-based lines across LF, CRLF and lone CR breaks', () => {
    const text = 'a\nb\r\nc\rd';
    const index = new LineIndex(text);
    expect([...text].map((_, offset) => index.lineAt(offset))).toEqual([1, 1, 2, 2, 2, 3, 3, 4]);
  });

  it('puts offsets past the end on the last line', () => {
    expect(new LineIndex('a\nb').lineAt(99)).toBe(2);
  });
});
